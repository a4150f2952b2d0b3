import { Badge, Group, Text, Tooltip } from '@mantine/core';
import {
  currentEscalationClock,
  type EscalationState,
  TEAM_KIND_LABELS,
  type TeamKind,
} from '@switchboard/domain';
import { formatDateTime, formatRelativeTime } from '@switchboard/ui';

export const teamLabel = (kind: string) => TEAM_KIND_LABELS[kind as TeamKind] ?? kind;

interface ClockRow {
  state: string;
  acknowledgeDueAt: Date;
  resolveDueAt: Date;
  acknowledgeBreached: boolean;
  resolveBreached: boolean;
}

/** The clock that matters now: acknowledge while open, resolve while being worked. */
export function EscalationClock({ row }: { row: ClockRow }) {
  const running = currentEscalationClock(row.state as EscalationState);
  if (!running) return null;
  const due = running === 'acknowledge' ? row.acknowledgeDueAt : row.resolveDueAt;
  const breached = running === 'acknowledge' ? row.acknowledgeBreached : row.resolveBreached;
  return (
    <Group gap={4} wrap="nowrap">
      {breached ? (
        <Badge color="red" variant="filled" size="sm">
          Breached
        </Badge>
      ) : null}
      <Tooltip label={formatDateTime(due)}>
        <Text size="xs" c={breached ? 'red' : 'dimmed'}>
          {running === 'acknowledge' ? 'Acknowledge' : 'Resolve'} {breached ? 'was due' : 'due'}{' '}
          {formatRelativeTime(due)}
        </Text>
      </Tooltip>
    </Group>
  );
}
