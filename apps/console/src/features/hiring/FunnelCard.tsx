import { Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { describeError, ErrorState, formatShare, TableSkeleton } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { useQuery } from '@tanstack/react-query';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Stack>
  );
}

function daysText(days: number | null): string {
  if (days === null) return '—';
  return days < 1 ? 'under a day' : `${days.toFixed(1)} days`;
}

/** How far a requisition's candidates got, conversion stage to stage, and time in each stage. */
export function FunnelCard({ requisitionId }: { requisitionId: string }) {
  const trpc = useTRPC();
  const funnel = useQuery(trpc.hiring.funnel.queryOptions({ id: requisitionId }));
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Funnel
        </Title>
        {funnel.isPending ? (
          <TableSkeleton label="Loading the funnel" />
        ) : funnel.isError ? (
          <ErrorState message={describeError(funnel.error)} onRetry={() => void funnel.refetch()} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Figure label="Candidates" value={String(funnel.data.candidates)} />
              <Figure label="Hired" value={String(funnel.data.hired)} />
              <Figure label="Rejected" value={String(funnel.data.rejected)} />
              <Figure label="Hire rate" value={formatShare(funnel.data.hireRate)} />
            </SimpleGrid>
            <Table.ScrollContainer minWidth={640}>
              <Table aria-label="Funnel by stage">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Stage</Table.Th>
                    <Table.Th>Reached</Table.Th>
                    <Table.Th>Conversion</Table.Th>
                    <Table.Th>Now in stage</Table.Th>
                    <Table.Th>Rejected here</Table.Th>
                    <Table.Th>Avg time in stage</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {funnel.data.stages.map((stage) => (
                    <Table.Tr key={stage.stageId}>
                      <Table.Td>
                        <Text size="sm" fw={stage.kind === 'hired' ? 700 : undefined}>
                          {stage.name}
                        </Text>
                      </Table.Td>
                      <Table.Td miw={140}>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" w={28}>
                            {stage.reached}
                          </Text>
                          <Progress
                            flex={1}
                            size="sm"
                            color={stage.kind === 'hired' ? 'teal' : undefined}
                            value={
                              funnel.data.candidates > 0
                                ? (stage.reached / funnel.data.candidates) * 100
                                : 0
                            }
                            aria-label={`${stage.reached} reached ${stage.name}`}
                          />
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatShare(stage.conversionFromPrevious)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{stage.current}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={stage.rejectedHere > 0 ? 'red' : 'dimmed'}>
                          {stage.rejectedHere}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{daysText(stage.averageDaysInStage)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dimmed">
              Reached counts everyone who got at least that far (skipping a stage counts as passing
              it); conversion is from the stage before. Time in stage includes stays still going on.
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
