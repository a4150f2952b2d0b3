import { Badge, Tooltip } from '@mantine/core';
import {
  ESCALATION_STATE_LABELS,
  type EscalationState,
  SEVERITY_LABELS,
  type Severity,
} from '@switchboard/domain';

/* The workspace shows the same colours; an app may not import another app's components. */

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

export function EscalationStateBadge({ state }: { state: string }) {
  const known = state in STATE_COLORS ? (state as EscalationState) : null;
  return (
    <Badge color={known ? STATE_COLORS[known] : 'gray'} variant="light">
      {known ? ESCALATION_STATE_LABELS[known] : state}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: string }) {
  const known = severity in SEVERITY_COLORS ? (severity as Severity) : null;
  return (
    <Tooltip label={known ? SEVERITY_LABELS[known] : severity}>
      <Badge color={known ? SEVERITY_COLORS[known] : 'gray'} variant="filled">
        {severity.toUpperCase()}
      </Badge>
    </Tooltip>
  );
}
