import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Table, Text } from '@mantine/core';
import { describeError, EmptyState, ErrorState, TableSkeleton } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconCertificate, IconPlus, IconSchool } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CurriculumModal } from './CurriculumModal.tsx';
import { TrainingHeader } from './TrainingHeader.tsx';
import { cohortPath, curriculumPath, TRAINING_PATH } from './training-links.ts';

/** Every curriculum with what it grants, its modules and how many people are in it. */
export function CurriculaPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [includeArchived, setIncludeArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const curricula = useQuery(trpc.training.curricula.queryOptions({ includeArchived }));

  return (
    <Stack gap="md">
      <TrainingHeader
        active={TRAINING_PATH}
        description="Curricula of modules trainees follow in order; completing one can grant a certification."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New curriculum
          </Button>
        }
      />
      <Group justify="flex-end">
        <Switch
          label="Show archived"
          checked={includeArchived}
          onChange={(event) => setIncludeArchived(event.currentTarget.checked)}
        />
      </Group>
      <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
        {curricula.isPending ? (
          <TableSkeleton label="Loading curricula" />
        ) : curricula.isError ? (
          <ErrorState
            message={describeError(curricula.error)}
            onRetry={() => void curricula.refetch()}
          />
        ) : curricula.data.length === 0 ? (
          <EmptyState
            icon={<IconSchool />}
            title="No curricula yet"
            description="Create one, add its modules, then enrol people or add it to a team's plan."
          />
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="sm" aria-label="Curricula">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Curriculum</Table.Th>
                  <Table.Th>Grants</Table.Th>
                  <Table.Th ta="right">Modules</Table.Th>
                  <Table.Th ta="right">Enrolled</Table.Th>
                  <Table.Th ta="right">Completed</Table.Th>
                  <Table.Th>In team plans</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {curricula.data.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>
                      <Stack gap={0}>
                        <Group gap={6}>
                          <Anchor component={Link} to={curriculumPath(row.id)} fw={600}>
                            {row.name}
                          </Anchor>
                          {row.archivedAt ? (
                            <Badge size="xs" color="gray">
                              Archived
                            </Badge>
                          ) : null}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {row.code}
                          {row.requiresSignOff ? ' · trainer sign-off' : ''}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {row.certificationName ? (
                        <Badge
                          variant="light"
                          color="teal"
                          leftSection={<IconCertificate size={12} />}
                        >
                          {row.certificationName}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{row.moduleCount}</Table.Td>
                    <Table.Td ta="right">{row.enrolledCount}</Table.Td>
                    <Table.Td ta="right">{row.completedCount}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.inTeamPlans.join(', ') || '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={cohortPath(row.id)} size="sm">
                        Cohort
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <CurriculumModal
        opened={creating}
        editing={null}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          void navigate(curriculumPath(id));
        }}
      />
    </Stack>
  );
}
