import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DOWNSTREAM_TEAM_KINDS } from '@switchboard/domain';
import { describeError, ErrorState, TableSkeleton } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { useTRPC } from '@switchboard/ui/trpc';
import { useQuery } from '@tanstack/react-query';
import { MatrixEntryCard } from './MatrixEntryCard.tsx';

/**
 * The escalation matrix: one card per downstream team, set up or not. Leads and admins edit
 * an entry; trainers read it.
 */
export function EscalationMatrixPage() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const matrix = useQuery(trpc.escalations.matrix.queryOptions());

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Escalation matrix
        </Title>
        <Text c="dimmed" size="sm">
          What support hands to Finance, Engineering, Operations and Compliance: when to escalate,
          what the handoff must carry, whose queue owns it and how fast it is acknowledged and
          resolved.
        </Text>
      </div>
      {matrix.isPending ? (
        <Paper p={0}>
          <TableSkeleton label="Loading the escalation matrix" />
        </Paper>
      ) : matrix.isError ? (
        <Paper p={0}>
          <ErrorState message={describeError(matrix.error)} onRetry={() => void matrix.refetch()} />
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {DOWNSTREAM_TEAM_KINDS.map((teamKind) => (
            <MatrixEntryCard
              key={teamKind}
              teamKind={teamKind}
              row={matrix.data.find((row) => row.teamKind === teamKind)}
              canEdit={viewer.access.lead}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
