import { Anchor, Loader, Stack, Table, Text } from '@mantine/core';
import { QA_CRITERION_GROUP_LABELS } from '@switchboard/domain';
import {
  describeError,
  downloadFile,
  EmptyState,
  ErrorState,
  TableSkeleton,
} from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconChecklist } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { agentReviewsPath, QaFigureCards, QaTrendChart } from '../qa/index.ts';
import { ExportCsvButton, ReportSection } from './ReportSection.tsx';
import { csvFile, rateValue } from './report-csv.ts';
import type { ReportView } from './report-params.ts';

/** The few criteria to coach on: the agent's weakest on average. */
const WEAKEST = 3;

/**
 * The agent's QA for the report's period: reviews submitted, average score and pass rate
 * beside the group's (the report's team, or everyone reviewed), week by week, and the
 * criteria they score lowest on.
 */
export function AgentQaSection({
  agentId,
  agentName,
  view,
  groupLabel,
}: {
  agentId: string;
  agentName: string;
  view: ReportView;
  groupLabel: string;
}) {
  const trpc = useTRPC();
  const period = { from: view.query.from, to: view.query.to, timeZone: view.query.timeZone };
  const teamId = view.filter.teamId;
  const agent = useQuery({
    ...trpc.qa.trends.queryOptions({ ...period, agentId }),
    placeholderData: keepPreviousData,
  });
  const group = useQuery({
    ...trpc.qa.trends.queryOptions({ ...period, teamId }),
    placeholderData: keepPreviousData,
  });
  const failed = agent.error ?? group.error;
  const weakest = (agent.data?.criteria ?? [])
    .filter((row) => row.average !== null)
    .slice(0, WEAKEST);

  return (
    <ReportSection
      title="Quality reviews"
      description={`QA reviews of ${agentName} submitted in the period, beside ${groupLabel.toLowerCase()}. Calibration exercises are left out.`}
      aside={
        <>
          {agent.isFetching && agent.isPlaceholderData ? <Loader size="xs" /> : null}
          <Anchor component={Link} to={agentReviewsPath(agentId)} size="sm">
            All of {agentName}’s reviews
          </Anchor>
          {agent.data && agent.data.overall.reviews > 0 ? (
            <ExportCsvButton
              aria-label="Export the weekly QA figures as CSV"
              onClick={() =>
                downloadFile(
                  `qa-${agentName.toLowerCase().replace(/\W+/g, '-')}-${period.from.toISOString().slice(0, 10)}.csv`,
                  csvFile(
                    [
                      { header: 'Week starting', value: (row) => row.weekStart },
                      { header: 'Reviews', value: (row) => row.reviews },
                      {
                        header: 'Average score (%)',
                        value: (row) =>
                          row.averageScore === null ? null : Math.round(row.averageScore * 10) / 10,
                      },
                      { header: 'Pass rate (fraction)', value: (row) => rateValue(row.passRate) },
                      { header: 'Auto-fails', value: (row) => row.autoFails },
                    ],
                    agent.data!.weeks,
                  ),
                  'text/csv',
                )
              }
            />
          ) : null}
        </>
      }
    >
      {failed ? (
        <ErrorState
          message={describeError(failed)}
          onRetry={() => {
            void agent.refetch();
            void group.refetch();
          }}
        />
      ) : !agent.data || !group.data ? (
        <TableSkeleton label="Loading QA figures" />
      ) : agent.data.overall.reviews === 0 ? (
        <EmptyState
          icon={<IconChecklist />}
          title="No QA reviews in this period"
          description={`Nobody has submitted a review of ${agentName}’s conversations in this period. Pick some from the QA samples.`}
        />
      ) : (
        <Stack gap="md">
          <QaFigureCards figures={agent.data.overall} compare={group.data.overall} />
          <QaTrendChart weeks={agent.data.weeks} />
          {weakest.length > 0 ? (
            <div>
              <Text size="sm" fw={600} mb={4}>
                Weakest criteria
              </Text>
              <Table aria-label={`Weakest QA criteria of ${agentName}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Criterion</Table.Th>
                    <Table.Th>Group</Table.Th>
                    <Table.Th ta="right">Average (% of scale)</Table.Th>
                    <Table.Th ta="right">Scored</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {weakest.map((row) => (
                    <Table.Tr key={row.criterionId}>
                      <Table.Td>{row.label}</Table.Td>
                      <Table.Td>{QA_CRITERION_GROUP_LABELS[row.group]}</Table.Td>
                      <Table.Td ta="right">{Math.round(row.average ?? 0)}%</Table.Td>
                      <Table.Td ta="right">{row.scored}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ) : null}
          <Text size="xs" c="dimmed">
            A review passes at or above its scorecard version’s pass mark; a settled dispute counts
            with its final score.
          </Text>
        </Stack>
      )}
    </ReportSection>
  );
}
