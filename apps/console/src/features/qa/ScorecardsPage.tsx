import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { AUDIENCE_LABELS } from '@switchboard/domain';
import { describeError, EmptyState, ErrorState, TableSkeleton } from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconClipboardCheck, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { scorecardPath } from './qa-links.ts';

type ScorecardRow = RouterOutputs['qa']['scorecards'][number];

function ScorecardsTable({ rows }: { rows: ScorecardRow[] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover aria-label="Scorecards">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Scorecard</Table.Th>
            <Table.Th>Audience</Table.Th>
            <Table.Th ta="right">Criteria</Table.Th>
            <Table.Th ta="right">Pass mark</Table.Th>
            <Table.Th ta="right">Sample / agent / week</Table.Th>
            <Table.Th ta="right">Version</Table.Th>
            <Table.Th ta="right">Reviews done</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td maw={340}>
                <Group gap={6}>
                  <Anchor component={Link} to={scorecardPath(row.id)} fw={600} size="sm">
                    {row.name}
                  </Anchor>
                  {row.archivedAt ? (
                    <Badge size="xs" color="gray">
                      Archived
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {row.description}
                </Text>
              </Table.Td>
              <Table.Td>
                {row.audience ? `${AUDIENCE_LABELS[row.audience]}s` : 'Guests and drivers'}
              </Table.Td>
              <Table.Td ta="right">
                {row.criteria.length}
                {row.criteria.some((criterion) => criterion.autoFail) ? (
                  <Text span size="xs" c="red">
                    {' '}
                    · auto-fail
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right">{row.passMark}%</Table.Td>
              <Table.Td ta="right">{row.randomSamplePerAgent}</Table.Td>
              <Table.Td ta="right">v{row.currentVersion}</Table.Td>
              <Table.Td ta="right">{row.reviewCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The scorecards reviews are scored on: what they review, how strict, how many a week. */
export function ScorecardsPage() {
  const trpc = useTRPC();
  const scorecards = useQuery(trpc.qa.scorecards.queryOptions());
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={720}>
          Weighted criteria in six groups — tone, clarity, empathy, policy adherence, correct
          tagging, resolution. Editing the criteria or the pass mark saves a new version; reviews
          keep the version they were scored on.
        </Text>
        <Button component={Link} to={scorecardPath('new')} leftSection={<IconPlus size={16} />}>
          New scorecard
        </Button>
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {scorecards.isPending ? (
          <TableSkeleton label="Loading scorecards" />
        ) : scorecards.isError ? (
          <ErrorState
            message={describeError(scorecards.error)}
            onRetry={() => void scorecards.refetch()}
          />
        ) : scorecards.data.length === 0 ? (
          <EmptyState
            icon={<IconClipboardCheck />}
            title="No scorecards yet"
            description="Create the first one to start reviewing conversations."
          />
        ) : (
          <ScorecardsTable rows={scorecards.data} />
        )}
      </Paper>
    </Stack>
  );
}
