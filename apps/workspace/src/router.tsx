import { RequireSession, SignInPage } from '@switchboard/ui/auth';
import { ApprovalsPage } from '@switchboard/ui/guardrails';
import { RoutingGuidePage } from '@switchboard/ui/routing';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { MyCertificationsPage } from './features/certifications/index.ts';
import { ConversationPage } from './features/conversations/ConversationPage.tsx';
import { EscalationPage } from './features/escalations/EscalationPage.tsx';
import { EscalationQueuePage } from './features/escalations/EscalationQueuePage.tsx';
import { InboxPage } from './features/inbox/InboxPage.tsx';
import { InvitationPage } from './features/invitation/index.ts';
import { MyMacrosPage } from './features/playbooks/index.ts';
import { MyReviewPage, MyReviewsPage } from './features/qa/index.ts';
import { MyTrainingPage, TrainingModulePage } from './features/training/index.ts';
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
  // A new hire sets their password here from their trainer's link, before any session exists.
  { path: '/invite/:token', element: <InvitationPage /> },
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
      { path: '/reviews', element: <MyReviewsPage /> },
      { path: '/reviews/:reviewId', element: <MyReviewPage /> },
      { path: '/certifications', element: <MyCertificationsPage /> },
      { path: '/routing-guide', element: <RoutingGuidePage /> },
      { path: '/training', element: <MyTrainingPage /> },
      {
        path: '/training/:enrolmentId/modules/:moduleId',
        element: <TrainingModulePage />,
      },
      { path: '*', element: <Navigate to="/inbox" replace /> },
    ],
  },
];

export function createWorkspaceRouter() {
  return createBrowserRouter(workspaceRoutes, { basename: WORKSPACE_BASENAME });
}
