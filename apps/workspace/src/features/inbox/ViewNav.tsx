import { Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import type { InboxView } from '@switchboard/domain';
import { useTRPC } from '@switchboard/ui/trpc';
import {
  IconAlarm,
  IconAt,
  IconCircleCheck,
  IconClockPause,
  IconHourglass,
  IconInbox,
  IconUser,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { type InboxSelection, VIEW_LABELS } from './inbox-filters.ts';

const VIEW_ICONS: Record<Exclude<InboxView, 'inbox'>, ComponentType<{ size?: number }>> = {
  mine: IconUser,
  unassigned: IconUsersGroup,
  pending: IconHourglass,
  snoozed: IconClockPause,
  sla: IconAlarm,
  mentions: IconAt,
  resolved: IconCircleCheck,
};

const TOP_VIEWS = ['mine', 'unassigned', 'sla', 'mentions'] as const;
const BOTTOM_VIEWS = ['pending', 'snoozed', 'resolved'] as const;

export interface ViewNavProps {
  selection: InboxSelection;
  onSelect: (view: InboxView, inboxId?: string) => void;
}

/** The views with their live counts; counts refresh from the live stream. */
export function ViewNav({ selection, onSelect }: ViewNavProps) {
  const trpc = useTRPC();
  const counts = useQuery(trpc.conversations.viewCounts.queryOptions());
  const count = (value: number | undefined, alert = false) =>
    value === undefined ? null : (
      <Badge
        size="sm"
        variant={alert && value > 0 ? 'filled' : 'light'}
        color={alert && value > 0 ? 'red' : 'gray'}
      >
        {value.toLocaleString()}
      </Badge>
    );
  const viewLink = (view: (typeof TOP_VIEWS)[number] | (typeof BOTTOM_VIEWS)[number]) => {
    const Icon = VIEW_ICONS[view];
    return (
      <NavLink
        key={view}
        component="button"
        label={VIEW_LABELS[view]}
        leftSection={<Icon size={16} />}
        rightSection={count(counts.data?.[view], view === 'sla' || view === 'mentions')}
        active={selection.view === view}
        aria-current={selection.view === view ? 'page' : undefined}
        onClick={() => onSelect(view)}
      />
    );
  };
  return (
    <Stack gap={4} component="nav" aria-label="Views">
      {TOP_VIEWS.map(viewLink)}
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="sm" px="sm">
        My inboxes
      </Text>
      <ScrollArea.Autosize mah={260}>
        {counts.data?.inboxes.length === 0 ? (
          <Text size="sm" c="dimmed" px="sm">
            You are not on a team with an inbox.
          </Text>
        ) : null}
        {counts.data?.inboxes.map((inbox) => (
          <NavLink
            key={inbox.id}
            component="button"
            label={inbox.name}
            description={`${inbox.unassigned.toLocaleString()} unassigned`}
            leftSection={<IconInbox size={16} />}
            rightSection={count(inbox.open)}
            active={selection.view === 'inbox' && selection.inboxId === inbox.id}
            onClick={() => onSelect('inbox', inbox.id)}
          />
        ))}
      </ScrollArea.Autosize>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="sm" px="sm">
        Waiting
      </Text>
      {BOTTOM_VIEWS.map(viewLink)}
    </Stack>
  );
}
