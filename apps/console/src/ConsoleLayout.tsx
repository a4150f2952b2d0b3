import { AppFrame } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import {
  IconFlask,
  IconHeartbeat,
  IconHierarchy,
  IconHistory,
  IconInbox,
  IconKey,
  IconListCheck,
  IconMap,
  IconMessageChatbot,
  IconRoute,
  IconTemplate,
  IconUsers,
} from '@tabler/icons-react';
import { Outlet } from 'react-router';

const NAV_LINKS = [
  { label: 'Inboxes', to: '/inboxes', icon: IconInbox },
  { label: 'Routing rules', to: '/routing/rules', icon: IconRoute },
  { label: 'Simulator', to: '/routing/simulator', icon: IconFlask },
  { label: 'Routing guide', to: '/routing/guide', icon: IconMap },
  { label: 'Routing health', to: '/routing/health', icon: IconHeartbeat },
  { label: 'Taxonomy', to: '/taxonomy', icon: IconHierarchy },
  { label: 'People', to: '/people', icon: IconUsers },
  { label: 'Macros', to: '/macros', icon: IconTemplate },
  { label: 'Playbooks (SOPs)', to: '/playbooks', icon: IconListCheck },
  { label: 'Chat paths', to: '/chat-paths', icon: IconMessageChatbot },
  { label: 'Change history', to: '/changes', icon: IconHistory },
];

/** Links only admins see: what they open is admin-only too. */
const ADMIN_NAV_LINKS = [{ label: 'API keys', to: '/integrations/api-keys', icon: IconKey }];

export function ConsoleLayout() {
  const viewer = useViewer();
  const navLinks = viewer.access.admin ? [...NAV_LINKS, ...ADMIN_NAV_LINKS] : NAV_LINKS;
  return (
    <AppFrame appName="Console" navLinks={navLinks}>
      <Outlet />
    </AppFrame>
  );
}
