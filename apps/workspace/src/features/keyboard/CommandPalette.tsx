import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import '@mantine/spotlight/styles.css';
import { useTRPC } from '@switchboard/ui/trpc';
import {
  IconAlarm,
  IconAt,
  IconInbox,
  IconSearch,
  IconTemplate,
  IconUser,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';

/**
 * Ctrl/⌘+K: jump to any view or inbox, open a conversation by its #number, or manage
 * macros — without leaving the keyboard.
 */
export function CommandPalette() {
  const navigate = useNavigate();
  const trpc = useTRPC();
  const counts = useQuery(trpc.conversations.viewCounts.queryOptions());
  const actions = useMemo<SpotlightActionData[]>(() => {
    const go = (path: string) => () => void navigate(path);
    return [
      {
        id: 'mine',
        label: 'Mine',
        description: 'Open conversations assigned to me',
        onClick: go('/inbox'),
        leftSection: <IconUser size={18} />,
      },
      {
        id: 'unassigned',
        label: 'Unassigned',
        description: 'Open conversations nobody has taken',
        onClick: go('/inbox?view=unassigned'),
        leftSection: <IconUsersGroup size={18} />,
      },
      {
        id: 'sla',
        label: 'SLA at risk',
        description: 'Breached or due within 30 minutes',
        onClick: go('/inbox?view=sla'),
        leftSection: <IconAlarm size={18} />,
      },
      {
        id: 'mentions',
        label: 'Mentions',
        description: 'Notes where colleagues mentioned me',
        onClick: go('/inbox?view=mentions'),
        leftSection: <IconAt size={18} />,
      },
      {
        id: 'pending',
        label: 'Pending',
        description: 'Waiting on the customer',
        onClick: go('/inbox?view=pending'),
      },
      {
        id: 'snoozed',
        label: 'Snoozed',
        description: 'Coming back later',
        onClick: go('/inbox?view=snoozed'),
      },
      {
        id: 'macros',
        label: 'My macros',
        description: 'Write and edit personal macros',
        onClick: go('/macros'),
        leftSection: <IconTemplate size={18} />,
      },
      ...(counts.data?.inboxes ?? []).map((inbox) => ({
        id: `inbox-${inbox.id}`,
        label: inbox.name,
        description: `Inbox · ${inbox.open} open`,
        onClick: go(`/inbox?view=inbox&inbox=${inbox.id}`),
        leftSection: <IconInbox size={18} />,
      })),
    ];
  }, [counts.data, navigate]);
  return (
    <Spotlight
      actions={actions}
      shortcut={['mod + K', '/']}
      nothingFound="Nothing found. Type #1234 and press Enter to search conversations."
      highlightQuery
      searchProps={{
        leftSection: <IconSearch size={18} />,
        placeholder: 'Go to a view, an inbox, or search #number…',
        'aria-label': 'Command palette',
        onKeyDown: (event) => {
          const query = event.currentTarget.value.trim();
          if (
            event.key === 'Enter' &&
            /^#?\d+$|@|\w{3,}/.test(query) &&
            !actions.some((action) => action.label?.toLowerCase().includes(query.toLowerCase()))
          ) {
            void navigate(`/inbox?view=mine&q=${encodeURIComponent(query)}`);
          }
        },
      }}
    />
  );
}
