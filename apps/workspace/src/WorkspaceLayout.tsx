import { Badge, Tooltip } from '@mantine/core';
import { approverRolesOf } from '@switchboard/domain';
import { AppFrame } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import {
  IconArrowForwardUp,
  IconChecklist,
  IconClipboardCheck,
  IconInbox,
  IconMap,
  IconSchool,
  IconTemplate,
} from '@tabler/icons-react';
import { Outlet } from 'react-router';
import { RolloutNotes } from './features/changes/RolloutNotes.tsx';
import { CommandPalette } from './features/keyboard/CommandPalette.tsx';
import { useLiveEvents } from './features/live/use-live-events.ts';
import { NotificationsBell } from './features/notifications/NotificationsBell.tsx';
import { AvailabilityControl } from './features/presence/AvailabilityControl.tsx';

const NAV_LINKS = [
  { label: 'Inbox', to: '/inbox', icon: IconInbox },
  { label: 'Escalations', to: '/escalations', icon: IconArrowForwardUp },
  { label: 'My macros', to: '/macros', icon: IconTemplate },
  { label: 'My reviews', to: '/reviews', icon: IconClipboardCheck },
  { label: 'Routing guide', to: '/routing-guide', icon: IconMap },
  { label: 'My training', to: '/training', icon: IconSchool },
];

const LIVE_LABELS = {
  live: { color: 'green', text: 'Live', hint: 'New messages appear as they arrive' },
  connecting: { color: 'gray', text: 'Connecting', hint: 'Connecting to live updates…' },
  reconnecting: {
    color: 'orange',
    text: 'Reconnecting',
    hint: 'Live updates paused; reconnecting',
  },
} as const;

/** Approvals sit beside the inbox for whoever answers them (Finance's members, leads). */
const APPROVALS_LINK = { label: 'Approvals', to: '/approvals', icon: IconChecklist };

export function WorkspaceLayout() {
  const status = useLiveEvents();
  const viewer = useViewer();
  const answersApprovals =
    approverRolesOf({ role: viewer.role, teamKinds: viewer.teams.map((team) => team.kind) })
      .length > 0;
  const navLinks = answersApprovals ? [...NAV_LINKS, APPROVALS_LINK] : NAV_LINKS;
  const live = LIVE_LABELS[status];
  return (
    <AppFrame
      appName="Workspace"
      navLinks={navLinks}
      headerControls={
        <>
          <NotificationsBell />
          <AvailabilityControl />
        </>
      }
    >
      <Tooltip label={`${live.hint} · Ctrl+K for the command palette`}>
        <Badge
          pos="fixed"
          bottom={12}
          right={12}
          variant="dot"
          color={live.color}
          aria-label={`Live updates: ${live.text}`}
          style={{ zIndex: 10 }}
        >
          {live.text}
        </Badge>
      </Tooltip>
      <CommandPalette />
      <RolloutNotes />
      <Outlet />
    </AppFrame>
  );
}
