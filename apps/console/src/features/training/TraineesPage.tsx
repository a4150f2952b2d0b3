import {
  Anchor,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { COHORT_FILTER_LABELS, COHORT_FILTERS, type CohortFilter } from '@switchboard/domain';
import {
  describeError,
  EmptyState,
  ErrorState,
  formatDateTime,
  formatRelativeTime,
  ListPagination,
  TableSkeleton,
} from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { AttentionBadges, EnrolmentStateBadge } from './TrainingBadges.tsx';
import { TrainingHeader } from './TrainingHeader.tsx';
import { cohortPath, recordPath, TRAINEES_PATH } from './training-links.ts';

const PAGE_SIZE = 50;

/** Everyone in training across curricula, stuck and overdue first. */
export function TraineesPage() {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<CohortFilter>('active');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const trainees = useQuery({
    ...trpc.training.trainees.queryOptions({
      filter,
      search: debounced.trim() || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <TrainingHeader
        active={TRAINEES_PATH}
        description="Everyone in training: who is stuck (out of attempts, or idle for a week) and who is past their due date."
      />
      <Group justify="space-between">
        <SegmentedControl
          aria-label="Show"
          value={filter}
          onChange={(value) => {
            setFilter(value as CohortFilter);
            setPage(1);
          }}
          data={COHORT_FILTERS.map((value) => ({ value, label: COHORT_FILTER_LABELS[value] }))}
        />
        <TextInput
          aria-label="Search people"
          placeholder="Search by name or email"
          leftSection={<IconSearch size={14} />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          w={260}
        />
      </Group>
      <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
        {trainees.isPending ? (
          <TableSkeleton label="Loading trainees" />
        ) : trainees.isError ? (
          <ErrorState
            message={describeError(trainees.error)}
            onRetry={() => void trainees.refetch()}
          />
        ) : trainees.data.items.length === 0 ? (
          <EmptyState title="Nobody here" description="No enrolment matches this view." />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" aria-label="Trainees">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Person</Table.Th>
                  <Table.Th>Curriculum</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th w={160}>Progress</Table.Th>
                  <Table.Th>Waiting on a trainer</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Last activity</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trainees.data.items.map((row) => (
                  <Table.Tr key={row.enrolmentId}>
                    <Table.Td>
                      <Stack gap={2}>
                        <Anchor component={Link} to={recordPath(row.userId)} fw={600} size="sm">
                          {row.name}
                        </Anchor>
                        <AttentionBadges overdue={row.summary.overdue} stuck={row.summary.stuck} />
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={cohortPath(row.curriculumId)} size="sm">
                        {row.curriculumName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <EnrolmentStateBadge state={row.summary.state} />
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Progress
                          value={row.summary.percent}
                          aria-label={`${row.name}: ${row.summary.percent}%`}
                        />
                        <Text size="xs" c="dimmed">
                          {row.summary.completedModules} of {row.summary.totalModules} modules
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {[
                          row.summary.awaitingMarking > 0
                            ? `${row.summary.awaitingMarking} to mark`
                            : null,
                          row.summary.awaitingSignOff > 0
                            ? `${row.summary.awaitingSignOff} to sign off`
                            : null,
                        ]
                          .filter(Boolean)
                          .join(' · ') || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.dueAt ? formatDateTime(row.dueAt) : '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatRelativeTime(row.summary.lastActivityAt)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {trainees.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={trainees.data.total}
          onChange={setPage}
        />
      ) : null}
    </Stack>
  );
}
