import { RequireSession, SignInPage } from '@switchboard/ui/auth';
import { ApprovalsPage } from '@switchboard/ui/guardrails';
import { RoutingGuidePage } from '@switchboard/ui/routing';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { ConversationPage } from './features/conversations/ConversationPage.tsx';
import { EscalationPage } from './features/escalations/EscalationPage.tsx';
import { EscalationQueuePage } from './features/escalations/EscalationQueuePage.tsx';
import { InboxPage } from './features/inbox/InboxPage.tsx';
import { MyMacrosPage } from './features/playbooks/index.ts';
import { WorkspaceLayout } from './WorkspaceLayout.tsx';

export const WORKSPACE_BASENAME = '/workspace';

export const workspaceRoutes: RouteObject[] = [
  {
    path: '/sign-in',
    element: (
      <SignInPage
        appName="Workspace"
        defaultRedirect="/inbox"
        demoHint="Demo: agent@switchboard.test or ana.silva@switchboard.test, password switchboard-demo"
      />
    ),
  },
  {
    element: (
      <RequireSession>
        <WorkspaceLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/inbox" replace /> },
      { path: '/inbox', element: <InboxPage /> },
      { path: '/conversations/:conversationId', element: <ConversationPage /> },
      { path: '/escalations', element: <EscalationQueuePage /> },
      { path: '/approvals', element: <ApprovalsPage /> },
      { path: '/escalations/:escalationId', element: <EscalationPage /> },
      { path: '/macros', element: <MyMacrosPage /> },
      { path: '/routing-guide', element: <RoutingGuidePage /> },
      { path: '*', element: <Navigate to="/inbox" replace /> },
    ],
  },
];

export function createWorkspaceRouter() {
  return createBrowserRouter(workspaceRoutes, { basename: WORKSPACE_BASENAME });
}
