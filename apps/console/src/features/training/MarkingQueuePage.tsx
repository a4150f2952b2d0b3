import { Anchor, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
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
import { IconChecks } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { TrainingHeader } from './TrainingHeader.tsx';
import { MARKING_PATH, markAttemptPath, recordPath } from './training-links.ts';

const PAGE_SIZE = 50;

/** Quiz attempts with written answers waiting for a trainer, oldest first. */
export function MarkingQueuePage() {
  const trpc = useTRPC();
  const [curriculumId, setCurriculumId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const curricula = useQuery(trpc.training.curricula.queryOptions({ includeArchived: false }));
  const queue = useQuery({
    ...trpc.training.markingQueue.queryOptions({
      ...(curriculumId ? { curriculumId } : {}),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <TrainingHeader
        active={MARKING_PATH}
        description="Short answers waiting for marking. Give points per answer and feedback; the attempt then passes or fails on its pass mark."
      />
      <Group>
        <Select
          aria-label="Curriculum"
          placeholder="Every curriculum"
          clearable
          data={(curricula.data ?? []).map((row) => ({ value: row.id, label: row.name }))}
          value={curriculumId}
          onChange={(value) => {
            setCurriculumId(value);
            setPage(1);
          }}
          w={300}
        />
      </Group>
      <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
        {queue.isPending ? (
          <TableSkeleton label="Loading the marking queue" />
        ) : queue.isError ? (
          <ErrorState message={describeError(queue.error)} onRetry={() => void queue.refetch()} />
        ) : queue.data.items.length === 0 ? (
          <EmptyState
            icon={<IconChecks />}
            title="Nothing to mark"
            description="Attempts with written answers appear here as trainees submit them."
          />
        ) : (
          <Table verticalSpacing="sm" aria-label="Marking queue">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Trainee</Table.Th>
                <Table.Th>Quiz</Table.Th>
                <Table.Th>Attempt</Table.Th>
                <Table.Th>Submitted</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.data.items.map((item) => (
                <Table.Tr key={item.attemptId}>
                  <Table.Td>
                    <Anchor component={Link} to={recordPath(item.userId)} size="sm">
                      {item.traineeName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.moduleTitle}</Text>
                    <Text size="xs" c="dimmed">
                      {item.curriculumName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{item.number}</Table.Td>
                  <Table.Td>
                    <Text size="sm" title={formatDateTime(item.submittedAt)}>
                      {formatRelativeTime(item.submittedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      component={Link}
                      to={markAttemptPath(item.attemptId)}
                      size="xs"
                      aria-label={`Mark ${item.traineeName}’s attempt ${item.number} at ${item.moduleTitle}`}
                    >
                      Mark
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {queue.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={queue.data.total}
          onChange={setPage}
        />
      ) : null}
    </Stack>
  );
}
