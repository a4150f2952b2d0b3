import {
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  COHORT_FILTER_LABELS,
  COHORT_FILTERS,
  type CohortFilter,
  cohortToCsv,
  TRAINING_PROGRESS_STATUS_LABELS,
} from '@switchboard/domain';
import {
  BackLink,
  describeError,
  downloadFile,
  EmptyState,
  ErrorState,
  formatDateTime,
  TrainingProgressBadge,
} from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconDownload, IconLock, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { EnrolModal } from './EnrolModal.tsx';
import { AttentionBadges, EnrolmentStateBadge } from './TrainingBadges.tsx';
import { curriculumPath, recordPath } from './training-links.ts';

type Cohort = RouterOutputs['training']['cohort'];
type Cell = Cohort['rows'][number]['cells'][number];

function isFilter(value: string | null): value is CohortFilter {
  return (COHORT_FILTERS as readonly string[]).includes(value ?? '');
}

/**
 * Everyone in one curriculum: a person × module matrix, who is stuck or overdue, enrolment
 * of one person or a whole cohort, and the matrix as CSV.
 */
export function CohortPage() {
  const { curriculumId = '' } = useParams();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const filterParam = params.get('filter');
  const filter: CohortFilter = isFilter(filterParam) ? filterParam : 'all';
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [enrolling, setEnrolling] = useState(false);
  const cohort = useQuery({
    ...trpc.training.cohort.queryOptions({
      curriculumId,
      filter,
      search: debounced.trim() || undefined,
    }),
    placeholderData: keepPreviousData,
  });
  const setFilter = (value: string) => {
    const next = new URLSearchParams(params);
    if (value === 'all') next.delete('filter');
    else next.set('filter', value);
    setParams(next, { replace: true });
  };
  const exportCsv = (data: Cohort) =>
    downloadFile(
      `${data.curriculum.code.toLowerCase()}-cohort.csv`,
      cohortToCsv(
        data.modules.map((module) => module.title),
        data.rows.map((row) => ({
          name: row.name,
          email: row.email,
          enrolledAt: row.enrolledAt,
          dueAt: row.dueAt,
          summary: row.summary,
          modules: row.cells.map((cell) => ({
            status: cell?.status ?? 'not_started',
            score: cell?.score ?? null,
          })),
        })),
      ),
      'text/csv;charset=utf-8',
    );

  return (
    <Stack gap="md">
      <BackLink to={curriculumPath(curriculumId)}>
        {cohort.data?.curriculum.name ?? 'Curriculum'}
      </BackLink>
      {cohort.isPending ? (
        <Loader aria-label="Loading the cohort" />
      ) : cohort.isError ? (
        <ErrorState message={describeError(cohort.error)} onRetry={() => void cohort.refetch()} />
      ) : (
        <>
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={1} size="h2">
                {cohort.data.curriculum.name}: cohort
              </Title>
              <Text size="sm" c="dimmed">
                {cohort.data.counts.all} enrolled · {cohort.data.counts.completed} completed ·{' '}
                {cohort.data.counts.stuck} stuck · {cohort.data.counts.overdue} overdue
              </Text>
            </div>
            <Group>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                disabled={cohort.data.rows.length === 0}
                onClick={() => exportCsv(cohort.data)}
              >
                Export CSV
              </Button>
              <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEnrolling(true)}>
                Enrol people
              </Button>
            </Group>
          </Group>
          <Group justify="space-between">
            <SegmentedControl
              aria-label="Show"
              value={filter}
              onChange={setFilter}
              data={COHORT_FILTERS.map((value) => ({
                value,
                label: `${COHORT_FILTER_LABELS[value]} (${cohort.data.counts[value]})`,
              }))}
            />
            <TextInput
              aria-label="Search people"
              placeholder="Search by name or email"
              leftSection={<IconSearch size={14} />}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              w={260}
            />
          </Group>
          <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
            {cohort.data.rows.length === 0 ? (
              <EmptyState
                title="Nobody here"
                description={
                  filter === 'all'
                    ? 'Enrol people to start the cohort.'
                    : 'No one matches this view.'
                }
              />
            ) : (
              <CohortMatrix cohort={cohort.data} />
            )}
          </Paper>
          {cohort.data.truncated ? (
            <Text size="sm" c="dimmed">
              Showing the first 500 people by name; search to find others.
            </Text>
          ) : null}
          <EnrolModal
            curriculumId={curriculumId}
            curriculumName={cohort.data.curriculum.name}
            opened={enrolling}
            onClose={() => setEnrolling(false)}
          />
        </>
      )}
    </Stack>
  );
}

function CohortMatrix({ cohort }: { cohort: Cohort }) {
  return (
    <Table.ScrollContainer minWidth={560 + cohort.modules.length * 170}>
      <Table
        verticalSpacing="xs"
        aria-label="Cohort progress"
        withColumnBorders
        style={{ whiteSpace: 'nowrap' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th ta="right">Progress</Table.Th>
            {cohort.modules.map((module, index) => (
              <Table.Th key={module.id}>
                <Tooltip label={`${module.kindLabel}: ${module.title}`}>
                  <Text size="xs" fw={600} lineClamp={2} style={{ whiteSpace: 'normal' }}>
                    {index + 1}. {module.title}
                  </Text>
                </Tooltip>
              </Table.Th>
            ))}
            <Table.Th>Due</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cohort.rows.map((row) => (
            <Table.Tr key={row.enrolmentId}>
              <Table.Td>
                <Stack gap={2}>
                  <Anchor component={Link} to={recordPath(row.userId)} size="sm" fw={600}>
                    {row.name}
                  </Anchor>
                  <AttentionBadges overdue={row.summary.overdue} stuck={row.summary.stuck} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <EnrolmentStateBadge state={row.summary.state} />
              </Table.Td>
              <Table.Td ta="right">{row.summary.percent}%</Table.Td>
              {row.cells.map((cell, index) => (
                <Table.Td key={cohort.modules[index]!.id}>
                  <MatrixCell cell={cell} />
                </Table.Td>
              ))}
              <Table.Td>
                <Text size="xs">{row.dueAt ? formatDateTime(row.dueAt) : '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MatrixCell({ cell }: { cell: Cell }) {
  if (!cell) {
    return (
      <Text size="xs" c="dimmed">
        Added after completion
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      {cell.locked ? <IconLock size={12} aria-label="Locked" /> : null}
      {cell.status === 'not_started' ? (
        <Text size="xs" c="dimmed">
          {TRAINING_PROGRESS_STATUS_LABELS.not_started}
        </Text>
      ) : (
        <TrainingProgressBadge size="sm" status={cell.status} />
      )}
      {cell.score !== null ? <Text size="xs">{cell.score}%</Text> : null}
    </Group>
  );
}
