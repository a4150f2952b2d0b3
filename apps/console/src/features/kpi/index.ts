export { AgentScorecardPage } from './AgentScorecardPage.tsx';
export { DrilldownPage } from './DrilldownPage.tsx';
export { ReportsPage } from './ReportsPage.tsx';
