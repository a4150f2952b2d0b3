import { QA_CRITERION_GROUP_LABELS } from '@switchboard/domain';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { type CsvColumn, rateValue } from '../kpi/report-csv.ts';
import { scoreValue } from './trend-format.ts';

type Trends = RouterOutputs['qa']['trends'];
export type AgentTrendRow = Trends['agents'][number];
export type TeamTrendRow = Trends['teams'][number];
export type CriterionTrendRow = Trends['criteria'][number];
export type WeekTrendRow = Trends['weeks'][number];

const FIGURE_COLUMNS = <Row extends Trends['overall']>(): CsvColumn<Row>[] => [
  { header: 'Reviews', value: (row) => row.reviews },
  { header: 'Average score (%)', value: (row) => scoreValue(row.averageScore) },
  { header: 'Pass rate (fraction)', value: (row) => rateValue(row.passRate) },
  { header: 'Auto-fails', value: (row) => row.autoFails },
  { header: 'Disputed', value: (row) => row.disputes },
];

export const WEEK_CSV_COLUMNS: CsvColumn<WeekTrendRow>[] = [
  { header: 'Week starting', value: (row) => row.weekStart },
  ...FIGURE_COLUMNS<WeekTrendRow>(),
];

export const AGENT_CSV_COLUMNS: CsvColumn<AgentTrendRow>[] = [
  { header: 'Agent', value: (row) => row.agentName },
  ...FIGURE_COLUMNS<AgentTrendRow>(),
];

export const TEAM_CSV_COLUMNS: CsvColumn<TeamTrendRow>[] = [
  { header: 'Team', value: (row) => row.teamName },
  ...FIGURE_COLUMNS<TeamTrendRow>(),
];

export const CRITERION_CSV_COLUMNS: CsvColumn<CriterionTrendRow>[] = [
  { header: 'Group', value: (row) => QA_CRITERION_GROUP_LABELS[row.group] },
  { header: 'Criterion', value: (row) => row.label },
  { header: 'Scored', value: (row) => row.scored },
  { header: 'N/A', value: (row) => row.notApplicable },
  { header: 'Average (% of scale)', value: (row) => scoreValue(row.average) },
  { header: 'Auto-failures', value: (row) => row.autoFailures },
];
