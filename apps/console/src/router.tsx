import { NotAllowed } from '@switchboard/ui';
import { RequireSession, SignInPage } from '@switchboard/ui/auth';
import { ApprovalsPage } from '@switchboard/ui/guardrails';
import { RoutingGuidePage } from '@switchboard/ui/routing';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { ConsoleLayout } from './ConsoleLayout.tsx';
import { CertificationsPage, ExpiringPage, HoldersPage } from './features/certifications/index.ts';
import { ChangesPage } from './features/changes/ChangesPage.tsx';
import { ChatPathsPage } from './features/chat-paths/ChatPathsPage.tsx';
import { EscalationMatrixPage } from './features/escalations/EscalationMatrixPage.tsx';
import { EscalationsReportPage } from './features/escalations/EscalationsReportPage.tsx';
import { MatrixEditorPage } from './features/escalations/MatrixEditorPage.tsx';
import { GuardrailPoliciesPage } from './features/guardrails/GuardrailPoliciesPage.tsx';
import { GuardrailPolicyEditorPage } from './features/guardrails/GuardrailPolicyEditorPage.tsx';
import {
  CandidatePage,
  CandidatesPage,
  PipelinePage,
  RequisitionPage,
  RequisitionsPage,
} from './features/hiring/index.ts';
import { ThemesPage } from './features/improvements/index.ts';
import { IncidentPage, IncidentsPage } from './features/incidents/index.ts';
import { ApiKeysPage } from './features/integrations/ApiKeysPage.tsx';
import { AgentScorecardPage, DrilldownPage, ReportsPage } from './features/kpi/index.ts';
import { PeoplePage } from './features/people/PeoplePage.tsx';
import { MacrosPage } from './features/playbooks/MacrosPage.tsx';
import { SopEditorPage } from './features/playbooks/SopEditorPage.tsx';
import { SopListPage } from './features/playbooks/SopListPage.tsx';
import { qaRoute } from './features/qa/index.ts';
import { InboxesPage } from './features/routing/InboxesPage.tsx';
import { InboxSettingsPage } from './features/routing/InboxSettingsPage.tsx';
import { RoutingHealthPage } from './features/routing/RoutingHealthPage.tsx';
import { RulesPage } from './features/routing/RulesPage.tsx';
import { SimulatorPage } from './features/routing/SimulatorPage.tsx';
import { CalendarEditorPage } from './features/sla/CalendarEditorPage.tsx';
import { CalendarsPage } from './features/sla/CalendarsPage.tsx';
import { PoliciesPage } from './features/sla/PoliciesPage.tsx';
import { PolicyEditorPage } from './features/sla/PolicyEditorPage.tsx';
import { SnapshotPage, SnapshotsPage } from './features/snapshots/index.ts';
import { StaffingPage } from './features/staffing/StaffingPage.tsx';
import { TaxonomyPage } from './features/taxonomy/TaxonomyPage.tsx';
import { TeamsPage } from './features/teams/TeamsPage.tsx';
import {
  CohortPage,
  CurriculaPage,
  CurriculumPage,
  MarkAttemptPage,
  MarkingQueuePage,
  TeamPlansPage,
  TraineesPage,
  TrainingRecordPage,
} from './features/training/index.ts';

export const CONSOLE_BASENAME = '/console';

export const consoleRoutes: RouteObject[] = [
  {
    path: '/sign-in',
    element: (
      <SignInPage
        appName="Console"
        defaultRedirect="/inboxes"
        demoHint="Demo: lead@switchboard.test (team lead), password switchboard-demo"
      />
    ),
  },
  {
    element: (
      // Agents never enter the console: every route shows them the same refusal.
      <RequireSession
        access="console"
        notAllowed={
          <NotAllowed
            surface="console"
            alternative={{ label: 'Go to the workspace', href: '/workspace/' }}
          />
        }
      >
        <ConsoleLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/inboxes" replace /> },
      { path: '/inboxes', element: <InboxesPage /> },
      { path: '/inboxes/:inboxId', element: <InboxSettingsPage /> },
      { path: '/routing/rules', element: <RulesPage /> },
      { path: '/routing/simulator', element: <SimulatorPage /> },
      { path: '/routing/guide', element: <RoutingGuidePage /> },
      { path: '/routing/health', element: <RoutingHealthPage /> },
      { path: '/sla/policies', element: <PoliciesPage /> },
      { path: '/sla/policies/:inboxId', element: <PolicyEditorPage /> },
      { path: '/sla/calendars', element: <CalendarsPage /> },
      { path: '/sla/calendars/:calendarId', element: <CalendarEditorPage /> },
      { path: '/taxonomy', element: <TaxonomyPage /> },
      { path: '/people', element: <PeoplePage /> },
      { path: '/hiring', element: <RequisitionsPage /> },
      { path: '/hiring/requisitions/:requisitionId', element: <RequisitionPage /> },
      { path: '/hiring/candidates', element: <CandidatesPage /> },
      { path: '/hiring/candidates/:candidateId', element: <CandidatePage /> },
      { path: '/hiring/pipeline', element: <PipelinePage /> },
      { path: '/training', element: <CurriculaPage /> },
      { path: '/training/curricula/:curriculumId', element: <CurriculumPage /> },
      { path: '/training/curricula/:curriculumId/cohort', element: <CohortPage /> },
      { path: '/training/trainees', element: <TraineesPage /> },
      { path: '/training/people/:userId', element: <TrainingRecordPage /> },
      { path: '/training/marking', element: <MarkingQueuePage /> },
      { path: '/training/marking/:attemptId', element: <MarkAttemptPage /> },
      { path: '/training/plans', element: <TeamPlansPage /> },
      { path: '/certifications', element: <CertificationsPage /> },
      { path: '/certifications/holders', element: <HoldersPage /> },
      { path: '/certifications/expiring', element: <ExpiringPage /> },
      { path: '/teams', element: <TeamsPage /> },
      { path: '/macros', element: <MacrosPage /> },
      { path: '/playbooks', element: <SopListPage /> },
      { path: '/playbooks/:requestTypeCode', element: <SopEditorPage /> },
      { path: '/guardrails', element: <GuardrailPoliciesPage /> },
      { path: '/guardrails/:requestTypeCode/:audience', element: <GuardrailPolicyEditorPage /> },
      { path: '/approvals', element: <ApprovalsPage /> },
      { path: '/escalations', element: <EscalationsReportPage /> },
      { path: '/escalations/matrix', element: <EscalationMatrixPage /> },
      { path: '/escalations/matrix/:teamKind', element: <MatrixEditorPage /> },
      { path: '/incidents', element: <IncidentsPage /> },
      { path: '/incidents/:incidentId', element: <IncidentPage /> },
      { path: '/themes', element: <ThemesPage /> },
      { path: '/reports', element: <ReportsPage /> },
      { path: '/reports/conversations', element: <DrilldownPage /> },
      { path: '/reports/agents/:agentId', element: <AgentScorecardPage /> },
      { path: '/reports/snapshots', element: <SnapshotsPage /> },
      { path: '/reports/snapshots/:snapshotId', element: <SnapshotPage /> },
      { path: '/staffing', element: <StaffingPage /> },
      { path: '/chat-paths', element: <ChatPathsPage /> },
      { path: '/changes', element: <ChangesPage /> },
      { path: '/integrations/api-keys', element: <ApiKeysPage /> },
      qaRoute,
      { path: '*', element: <Navigate to="/inboxes" replace /> },
    ],
  },
];

export function createConsoleRouter() {
  return createBrowserRouter(consoleRoutes, { basename: CONSOLE_BASENAME });
}
