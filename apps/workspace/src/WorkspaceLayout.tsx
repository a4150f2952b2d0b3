import { AppFrame } from '@switchboard/ui';
import { IconInbox } from '@tabler/icons-react';
import { Outlet } from 'react-router';

const NAV_LINKS = [{ label: 'Inbox', to: '/inbox', icon: IconInbox }];

export function WorkspaceLayout() {
  return (
    <AppFrame appName="Workspace" navLinks={NAV_LINKS}>
      <Outlet />
    </AppFrame>
  );
}
