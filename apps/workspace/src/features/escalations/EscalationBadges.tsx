import { Badge, Group, Text, Tooltip } from '@mantine/core';
import {
  ESCALATION_STATE_LABELS,
  type EscalationState,
  SEVERITY_LABELS,
  type Severity,
  TEAM_KIND_LABELS,
  type TeamKind,
} from '@switchboard/domain';
import { formatDateTime, formatRelativeTime } from '@switchboard/ui';

const STATE_COLORS: Record<EscalationState, string> = {
  open: 'blue',
  acknowledged: 'cyan',
  in_progress: 'violet',
  resolved: 'teal',
  rejected: 'orange',
};
const SEVERITY_COLORS: Record<Severity, string> = {
  sev1: 'red',
  sev2: 'orange',
  sev3: 'yellow',
  sev4: 'gray',
};

export const escalationLabel = (number: number) => `ESC-${number}`;
export const teamLabel = (kind: string) => TEAM_KIND_LABELS[kind as TeamKind] ?? kind;

export function EscalationStateBadge({ state }: { state: string }) {
  return (
    <Badge color={STATE_COLORS[state as EscalationState] ?? 'gray'} variant="light">
      {ESCALATION_STATE_LABELS[state as EscalationState] ?? state}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <Tooltip label={SEVERITY_LABELS[severity as Severity] ?? severity}>
      <Badge color={SEVERITY_COLORS[severity as Severity] ?? 'gray'} variant="filled">
        {severity.toUpperCase()}
      </Badge>
    </Tooltip>
  );
}

interface ClockRow {
  state: string;
  acknowledgeDueAt: Date;
  resolveDueAt: Date;
  acknowledgeBreached: boolean;
  resolveBreached: boolean;
}

/** The clock that matters now: acknowledge while open, resolve while being worked. */
export function EscalationClock({ row }: { row: ClockRow }) {
  const running =
    row.state === 'open'
      ? 'acknowledge'
      : ['acknowledged', 'in_progress'].includes(row.state)
        ? 'resolve'
        : null;
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
