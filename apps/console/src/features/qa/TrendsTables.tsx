import { Anchor, Badge, Group, Paper, Progress, Table, Tabs, Text } from '@mantine/core';
import { QA_CRITERION_GROUP_LABELS } from '@switchboard/domain';
import { downloadFile } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { Link } from 'react-router';
import { ExportCsvButton } from '../kpi/ReportSection.tsx';
import { type CsvColumn, csvFile } from '../kpi/report-csv.ts';
import { agentReviewsPath } from './qa-links.ts';
import { scoreText, shareText } from './trend-format.ts';
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
      <Table.Td ta="right">{shareText(row.passRate)}</Table.Td>
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
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="QA by agent" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Agent</Table.Th>
                  <FigureHeads />
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trends.agents.map((row) => (
                  <Table.Tr key={row.agentId}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={agentReviewsPath(row.agentId)} size="sm">
                        {row.agentName}
                      </Anchor>
                    </Table.Th>
                    <FigureCells row={row} />
                    <Table.Td>
                      <Anchor component={Link} to={`/reports/agents/${row.agentId}`} size="xs">
                        KPI scorecard
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Tabs.Panel>

        <Tabs.Panel value="teams">
          <Group justify="flex-end" p="xs">
            {exportButton('teams', TEAM_CSV_COLUMNS, trends.teams, fileSuffix)}
          </Group>
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="QA by team">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Team</Table.Th>
                  <FigureHeads />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trends.teams.map((row) => (
                  <Table.Tr key={row.teamId}>
                    <Table.Th scope="row" fw={500}>
                      {row.teamName}
                    </Table.Th>
                    <FigureCells row={row} />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
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
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="QA by week">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Week starting</Table.Th>
                  <FigureHeads />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trends.weeks.map((row) => (
                  <Table.Tr key={row.weekStart}>
                    <Table.Th scope="row" fw={500}>
                      {row.weekStart}
                    </Table.Th>
                    <FigureCells row={row} />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
