import { Badge, Tooltip } from '@mantine/core';
import { AppFrame } from '@switchboard/ui';
import { IconArrowForwardUp, IconInbox, IconMap, IconTemplate } from '@tabler/icons-react';
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
  { label: 'Routing guide', to: '/routing-guide', icon: IconMap },
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

export function WorkspaceLayout() {
  const status = useLiveEvents();
  const live = LIVE_LABELS[status];
  return (
    <AppFrame
      appName="Workspace"
      navLinks={NAV_LINKS}
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
