import { AppFrame } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import {
  IconAlertOctagon,
  IconCalendarStats,
  IconCalendarTime,
  IconCashBanknote,
  IconCertificate,
  IconChartBar,
  IconClipboardCheck,
  IconFileAnalytics,
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
  IconSchool,
  IconShieldCheck,
  IconStopwatch,
  IconTable,
  IconTemplate,
  IconTrendingUp,
  IconUrgent,
  IconUserPlus,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Outlet } from 'react-router';

const NAV_LINKS = [
  { label: 'Inboxes', to: '/inboxes', icon: IconInbox, group: 'Routing' },
  { label: 'Teams', to: '/teams', icon: IconUsersGroup, group: 'Routing' },
  { label: 'Routing rules', to: '/routing/rules', icon: IconRoute, group: 'Routing' },
  { label: 'Simulator', to: '/routing/simulator', icon: IconFlask, group: 'Routing' },
  { label: 'Chat paths', to: '/chat-paths', icon: IconMessageChatbot, group: 'Routing' },
  { label: 'Routing guide', to: '/routing/guide', icon: IconMap, group: 'Routing' },
  { label: 'Routing health', to: '/routing/health', icon: IconHeartbeat, group: 'Routing' },
  { label: 'SLA policies', to: '/sla/policies', icon: IconStopwatch, group: 'SLA' },
  { label: 'Business calendars', to: '/sla/calendars', icon: IconCalendarTime, group: 'SLA' },
  { label: 'Taxonomy', to: '/taxonomy', icon: IconHierarchy, group: 'Playbooks' },
  { label: 'Macros', to: '/macros', icon: IconTemplate, group: 'Playbooks' },
  { label: 'Playbooks (SOPs)', to: '/playbooks', icon: IconListCheck, group: 'Playbooks' },
  { label: 'Guardrails', to: '/guardrails', icon: IconShieldCheck, group: 'Playbooks' },
  { label: 'Escalations', to: '/escalations', icon: IconUrgent, group: 'Escalations' },
  {
    label: 'Escalation matrix',
    to: '/escalations/matrix',
    icon: IconTable,
    group: 'Escalations',
  },
  { label: 'Incidents', to: '/incidents', icon: IconAlertOctagon, group: 'Escalations' },
  { label: 'Recurring themes', to: '/themes', icon: IconTrendingUp, group: 'Escalations' },
  { label: 'KPI reports', to: '/reports', icon: IconChartBar, group: 'Reports' },
  { label: 'Snapshots', to: '/reports/snapshots', icon: IconFileAnalytics, group: 'Reports' },
  { label: 'Staffing', to: '/staffing', icon: IconCalendarStats, group: 'Reports' },
  { label: 'People', to: '/people', icon: IconUsers, group: 'People' },
  { label: 'Hiring', to: '/hiring', icon: IconUserPlus, group: 'People' },
  { label: 'Training', to: '/training', icon: IconSchool, group: 'People' },
  { label: 'Certifications', to: '/certifications', icon: IconCertificate, group: 'People' },
  { label: 'Quality', to: '/qa', icon: IconClipboardCheck, group: 'People' },
  { label: 'Approvals', to: '/approvals', icon: IconCashBanknote, group: 'Governance' },
  { label: 'Change history', to: '/changes', icon: IconHistory, group: 'Governance' },
];

/** Links only admins see: what they open is admin-only too. */
const ADMIN_NAV_LINKS = [
  { label: 'API keys', to: '/integrations/api-keys', icon: IconKey, group: 'Governance' },
];

export function ConsoleLayout() {
  const viewer = useViewer();
  const navLinks = viewer.access.admin ? [...NAV_LINKS, ...ADMIN_NAV_LINKS] : NAV_LINKS;
  return (
    <AppFrame appName="Console" navLinks={navLinks} navigation="sidebar">
      <Outlet />
    </AppFrame>
  );
}
