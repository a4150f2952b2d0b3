import { Anchor, Badge, Group, Paper, Progress, Table, Tabs, Text } from '@mantine/core';
import { QA_CRITERION_GROUP_LABELS } from '@switchboard/domain';
import { downloadFile, formatShare } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ExportCsvButton } from '../kpi/ReportSection.tsx';
import { type CsvColumn, csvFile } from '../kpi/report-csv.ts';
import { agentReviewsPath } from './qa-links.ts';
import { scoreText } from './trend-format.ts';
import {
  AGENT_CSV_COLUMNS,
  CRITERION_CSV_COLUMNS,
  TEAM_CSV_COLUMNS,
  WEEK_CSV_COLUMNS,
} from './trends-csv.ts';

type Trends = RouterOutputs['qa']['trends'];

function FigureCells({ row }: { row: Trends['overall'] }) {
  return (
    <>
      <Table.Td ta="right">{row.reviews}</Table.Td>
      <Table.Td ta="right">{scoreText(row.averageScore)}</Table.Td>
      <Table.Td ta="right">{formatShare(row.passRate)}</Table.Td>
      <Table.Td ta="right">{row.autoFails}</Table.Td>
      <Table.Td ta="right">{row.disputes}</Table.Td>
    </>
  );
}

function FigureHeads() {
  return (
    <>
      <Table.Th ta="right">Reviews</Table.Th>
      <Table.Th ta="right">Average</Table.Th>
      <Table.Th ta="right">Pass rate</Table.Th>
      <Table.Th ta="right">Auto-fails</Table.Th>
      <Table.Th ta="right">Disputed</Table.Th>
    </>
  );
}

/** A table of the review figures, one row per agent, team or week, headed by its name. */
function FigureTable<Row extends Trends['overall']>({
  label,
  minWidth,
  head,
  rows,
  rowKey,
  rowHead,
  trailing,
}: {
  label: string;
  minWidth: number;
  head: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowHead: (row: Row) => ReactNode;
  /** A last column of links, e.g. to the agent's KPI scorecard. */
  trailing?: (row: Row) => ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table aria-label={label} highlightOnHover={trailing !== undefined}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{head}</Table.Th>
            <FigureHeads />
            {trailing ? <Table.Th /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              <Table.Th scope="row" fw={500}>
                {rowHead(row)}
              </Table.Th>
              <FigureCells row={row} />
              {trailing ? <Table.Td>{trailing(row)}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function exportButton<Row>(
  name: string,
  columns: CsvColumn<Row>[],
  rows: readonly Row[],
  fileSuffix: string,
) {
  return (
    <ExportCsvButton
      aria-label={`Export ${name} as CSV`}
      disabled={rows.length === 0}
      onClick={() =>
        downloadFile(`qa-trends-${name}-${fileSuffix}.csv`, csvFile(columns, rows), 'text/csv')
      }
    />
  );
}

/** The trends as tables, by agent, team, criterion and week, each exportable. */
export function TrendsTables({ trends, fileSuffix }: { trends: Trends; fileSuffix: string }) {
  return (
    <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
      <Tabs defaultValue="agents">
        <Tabs.List px="sm">
          <Tabs.Tab value="agents">By agent</Tabs.Tab>
          <Tabs.Tab value="teams">By team</Tabs.Tab>
          <Tabs.Tab value="criteria">By criterion</Tabs.Tab>
          <Tabs.Tab value="weeks">By week</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="agents">
          <Group justify="flex-end" p="xs">
            {exportButton('agents', AGENT_CSV_COLUMNS, trends.agents, fileSuffix)}
          </Group>
          <FigureTable
            label="QA by agent"
            minWidth={720}
            head="Agent"
            rows={trends.agents}
            rowKey={(row) => row.agentId}
            rowHead={(row) => (
              <Anchor component={Link} to={agentReviewsPath(row.agentId)} size="sm">
                {row.agentName}
              </Anchor>
            )}
            trailing={(row) => (
              <Anchor component={Link} to={`/reports/agents/${row.agentId}`} size="xs">
                KPI scorecard
              </Anchor>
            )}
          />
        </Tabs.Panel>

        <Tabs.Panel value="teams">
          <Group justify="flex-end" p="xs">
            {exportButton('teams', TEAM_CSV_COLUMNS, trends.teams, fileSuffix)}
          </Group>
          <FigureTable
            label="QA by team"
            minWidth={640}
            head="Team"
            rows={trends.teams}
            rowKey={(row) => row.teamId}
            rowHead={(row) => row.teamName}
          />
        </Tabs.Panel>

        <Tabs.Panel value="criteria">
          <Group justify="space-between" p="xs">
            <Text size="xs" c="dimmed">
              Each criterion on its own scale: 0% is the bottom, 100% the top. Weakest first.
            </Text>
            {exportButton('criteria', CRITERION_CSV_COLUMNS, trends.criteria, fileSuffix)}
          </Group>
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label="QA by criterion">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Criterion</Table.Th>
                  <Table.Th>Group</Table.Th>
                  <Table.Th ta="right">Scored</Table.Th>
                  <Table.Th ta="right">N/A</Table.Th>
                  <Table.Th w={220}>Average</Table.Th>
                  <Table.Th ta="right">Auto-failures</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trends.criteria.map((row) => (
                  <Table.Tr key={row.criterionId}>
                    <Table.Th scope="row" fw={500}>
                      <Group gap={6}>
                        <Text size="sm">{row.label}</Text>
                        {row.autoFail ? (
                          <Badge size="xs" color="red" variant="outline">
                            Auto-fail
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Th>
                    <Table.Td>{QA_CRITERION_GROUP_LABELS[row.group]}</Table.Td>
                    <Table.Td ta="right">{row.scored}</Table.Td>
                    <Table.Td ta="right">{row.notApplicable}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Progress
                          value={row.average ?? 0}
                          w={120}
                          color={(row.average ?? 0) >= 75 ? 'teal' : 'orange'}
                          aria-hidden
                        />
                        <Text size="sm">{scoreText(row.average)}</Text>
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{row.autoFailures}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Tabs.Panel>

        <Tabs.Panel value="weeks">
          <Group justify="flex-end" p="xs">
            {exportButton('weeks', WEEK_CSV_COLUMNS, trends.weeks, fileSuffix)}
          </Group>
          <FigureTable
            label="QA by week"
            minWidth={640}
            head="Week starting"
            rows={trends.weeks}
            rowKey={(row) => row.weekStart}
            rowHead={(row) => row.weekStart}
          />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
