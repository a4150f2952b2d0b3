import { AppFrame } from '@switchboard/ui';
import { IconInbox, IconUsers } from '@tabler/icons-react';
import { Outlet } from 'react-router';

const NAV_LINKS = [
  { label: 'Inboxes', to: '/inboxes', icon: IconInbox },
  { label: 'People', to: '/people', icon: IconUsers },
];

export function ConsoleLayout() {
  return (
    <AppFrame appName="Console" navLinks={NAV_LINKS}>
      <Outlet />
    </AppFrame>
  );
}
