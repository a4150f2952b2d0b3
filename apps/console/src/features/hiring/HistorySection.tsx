import { Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { formatDateTime } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { rejectionLabel } from './hiring-format.ts';

type CandidateDetail = RouterOutputs['hiring']['candidate'];

/** Every stage move, newest first: who moved them, when, from where to where, and why. */
export function HistorySection({ detail }: { detail: CandidateDetail }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          History
        </Title>
        <Timeline bulletSize={14} lineWidth={2} aria-label="Stage history">
          {detail.history.map((move) => (
            <Timeline.Item
              key={move.id}
              title={
                move.fromStageName
                  ? `${move.fromStageName} → ${move.toStageName}`
                  : `Added in ${move.toStageName}`
              }
              color={move.rejectionReason ? 'red' : undefined}
            >
              <Text size="xs" c="dimmed">
                {`${move.movedByName ?? 'Someone'} · ${formatDateTime(move.movedAt)}`}
              </Text>
              {move.rejectionReason ? (
                <Text size="sm">{rejectionLabel(move.rejectionReason)}</Text>
              ) : null}
              {move.note ? (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  {move.note}
                </Text>
              ) : null}
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}
