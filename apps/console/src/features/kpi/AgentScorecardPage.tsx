import { Anchor, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { type KpiFigures, kpiFilterSchema } from '@switchboard/domain';
import {
  describeError,
  downloadFile,
  EmptyState,
  ErrorState,
  TableSkeleton,
} from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconArrowLeft, IconUserQuestion } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { AgentQaSection } from './AgentQaSection.tsx';
import { ChangeText, DrillCount, FormulaInfo } from './KpiCard.tsx';
import {
  formatFigure,
  formulaOf,
  HEADLINE_FIGURES,
  type HeadlineFigure,
  type KpiDefinitions,
} from './kpi-figures.ts';
import { describeChange, describePeriod, type FigureChange } from './kpi-format.ts';
import { PeriodControls, SliceFilters, timeZoneOptions } from './ReportFilters.tsx';
import { ExportCsvButton, ReportSection } from './ReportSection.tsx';
import { type CsvColumn, csvFile, rateValue, reportFileName } from './report-csv.ts';
import { dashboardHref, type ReportParams } from './report-params.ts';
import { useReportView } from './use-report-view.ts';

const agentIdSchema = kpiFilterSchema.shape.agentId;

interface ScorecardRow {
  figure: HeadlineFigure;
  agent: number | null;
  agentBefore: number | null;
  group: number | null;
}

/**
 * How the agent compares with the group: rates and durations by their difference, coloured by
 * whether the agent does better; counts as the agent's share of the group's.
 */
function comparisonOf(row: ScorecardRow): FigureChange {
  const { figure, agent, group } = row;
  if (figure.kind === 'count') {
    if (agent === null || group === null || group === 0) {
      return { text: '—', tone: 'unknown', direction: 0 };
    }
    return {
      text: `${Math.round((agent / group) * 1000) / 10}% of the group`,
      tone: 'neutral',
      direction: 0,
    };
  }
  return describeChange(agent, group, figure.kind, figure.better);
}

/** Raw values, so the spreadsheet can compute with them: rates as fractions, times in seconds. */
function csvValueOf(figure: HeadlineFigure, value: number | null) {
  return figure.kind === 'rate' ? rateValue(value) : value;
}

function scorecardColumns(agentName: string, groupLabel: string): CsvColumn<ScorecardRow>[] {
  const unit = (figure: HeadlineFigure) =>
    figure.kind === 'seconds' ? ' (seconds)' : figure.kind === 'rate' ? ' (fraction)' : '';
  return [
    { header: 'KPI', value: (row) => `${row.figure.label}${unit(row.figure)}` },
    { header: agentName, value: (row) => csvValueOf(row.figure, row.agent) },
    {
      header: `${agentName}, previous period`,
      value: (row) => csvValueOf(row.figure, row.agentBefore),
    },
    { header: groupLabel, value: (row) => csvValueOf(row.figure, row.group) },
  ];
}

function rowsOf(agent: KpiFigures, agentBefore: KpiFigures, group: KpiFigures): ScorecardRow[] {
  return HEADLINE_FIGURES.filter((figure) => figure.perAgent !== false).map((figure) => ({
    figure,
    agent: figure.read(agent),
    agentBefore: figure.read(agentBefore),
    group: figure.read(group),
  }));
}

function ScorecardTable({
  rows,
  agentName,
  groupLabel,
  definitions,
  agentParams,
}: {
  rows: ScorecardRow[];
  agentName: string;
  groupLabel: string;
  definitions: KpiDefinitions;
  agentParams: ReportParams;
}) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table aria-label={`Scorecard of ${agentName}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>KPI</Table.Th>
            <Table.Th ta="right">{agentName}</Table.Th>
            <Table.Th>Since the previous period</Table.Th>
            <Table.Th ta="right">{groupLabel}</Table.Th>
            <Table.Th>Compared with the group</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const { figure } = row;
            const comparison = comparisonOf(row);
            return (
              <Table.Tr key={figure.key}>
                <Table.Th scope="row" fw={500}>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {figure.label}
                    </Text>
                    <FormulaInfo label={figure.label} formula={formulaOf(figure, definitions)} />
                  </Group>
                </Table.Th>
                <Table.Td ta="right" fw={600}>
                  {figure.drilldown && row.agent !== null ? (
                    <DrillCount
                      count={row.agent}
                      drilldown={figure.drilldown}
                      params={agentParams}
                    />
                  ) : (
                    formatFigure(figure.kind, row.agent)
                  )}
                </Table.Td>
                <Table.Td>
                  <ChangeText
                    change={describeChange(row.agent, row.agentBefore, figure.kind, figure.better)}
                    previous={formatFigure(figure.kind, row.agentBefore)}
                  />
                </Table.Td>
                <Table.Td ta="right">{formatFigure(figure.kind, row.group)}</Table.Td>
                <Table.Td>
                  <ChangeText change={comparison} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * One agent's figures for the period and filters beside the group they work in — their team
 * when the report is filtered to one, else everyone the filter covers — and against their own
 * previous period.
 */
export function AgentScorecardPage() {
  const trpc = useTRPC();
  const { agentId: rawAgentId } = useParams();
  const agentId = agentIdSchema.safeParse(rawAgentId).data;
  const { view, update, viewerTimeZone } = useReportView();
  const groupQuery = { ...view.query, agentId: undefined };
  const options = useQuery(trpc.kpi.filterOptions.queryOptions());
  const agentReport = useQuery({
    ...trpc.kpi.dashboard.queryOptions({ ...groupQuery, agentId }),
    enabled: agentId !== undefined,
    placeholderData: keepPreviousData,
  });
  const groupReport = useQuery({
    ...trpc.kpi.dashboard.queryOptions(groupQuery),
    enabled: agentId !== undefined,
    placeholderData: keepPreviousData,
  });

  const groupParams: ReportParams = { ...view.params, agent: undefined };
  const agentParams: ReportParams = { ...groupParams, agent: agentId };
  const agentName =
    options.data?.agents.find((agent) => agent.id === agentId)?.name ??
    (options.isPending ? 'Agent' : 'Unknown agent');
  const teamName = view.filter.teamId
    ? options.data?.teams.find((team) => team.id === view.filter.teamId)?.name
    : undefined;
  const groupLabel = teamName ? `Team ${teamName}` : 'Everyone in this view';
  const groupProse = teamName
    ? `team ${teamName} as a whole`
    : 'everyone the same filters cover (the agent included)';
  const updating =
    (agentReport.isFetching && agentReport.isPlaceholderData) ||
    (groupReport.isFetching && groupReport.isPlaceholderData);

  if (agentId === undefined) {
    return (
      <EmptyState
        icon={<IconUserQuestion />}
        title="No such agent"
        description="The link does not name an agent. Open a scorecard from the agent breakdown of the dashboard."
      />
    );
  }

  const rows =
    agentReport.data && groupReport.data
      ? rowsOf(agentReport.data.figures, agentReport.data.previous, groupReport.data.figures)
      : null;
  const failed = agentReport.error ?? groupReport.error;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={dashboardHref(groupParams)} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          Back to the dashboard
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Group gap="sm">
            <Title order={1} size="h2">
              {agentName}
            </Title>
            {updating ? <Loader size="xs" aria-label="Updating the scorecard" /> : null}
          </Group>
          <Text c="dimmed" size="sm" maw={760}>
            Scorecard for {describePeriod(view.period)}: the conversations assigned to {agentName}{' '}
            now, beside {groupProse} and against their own previous period.
          </Text>
        </div>
        <Anchor component={Link} to={dashboardHref(agentParams)} size="sm">
          Open the dashboard for {agentName}
        </Anchor>
      </Group>

      <PeriodControls
        view={view}
        update={update}
        timeZones={timeZoneOptions(options.data, viewerTimeZone, view.period.timeZone)}
      />
      <SliceFilters view={view} update={update} options={options.data} exclude={['agent']} />

      <ReportSection
        title="Figures"
        description={`${agentName} against ${groupProse}. Green: the agent does better; red: worse.`}
        padded={false}
        aside={
          rows ? (
            <>
              <FormulaInfo
                label="the comparison"
                formula="Rates are compared in percentage points and durations in per cent; counts show the agent's share of the group's."
              />
              <ExportCsvButton
                aria-label="Export the scorecard as CSV"
                onClick={() =>
                  downloadFile(
                    reportFileName(
                      `scorecard-${agentName.toLowerCase().replace(/\W+/g, '-')}`,
                      view.period,
                    ),
                    csvFile(scorecardColumns(agentName, groupLabel), rows),
                    'text/csv',
                  )
                }
              />
            </>
          ) : null
        }
      >
        {rows && agentReport.data ? (
          <ScorecardTable
            rows={rows}
            agentName={agentName}
            groupLabel={groupLabel}
            definitions={agentReport.data.definitions}
            agentParams={agentParams}
          />
        ) : failed ? (
          <ErrorState
            message={describeError(failed)}
            onRetry={() => {
              void agentReport.refetch();
              void groupReport.refetch();
            }}
          />
        ) : (
          <TableSkeleton label="Loading the scorecard" />
        )}
      </ReportSection>

      <AgentQaSection agentId={agentId} agentName={agentName} view={view} groupLabel={groupLabel} />
    </Stack>
  );
}
