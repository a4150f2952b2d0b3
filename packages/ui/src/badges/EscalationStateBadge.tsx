import { Badge } from '@mantine/core';
import {
  ESCALATION_STATE_LABELS,
  ESCALATION_STATES,
  type EscalationState,
} from '@switchboard/domain';

const STATE_COLORS: Record<EscalationState, string> = {
  open: 'blue',
  acknowledged: 'cyan',
  in_progress: 'violet',
  resolved: 'teal',
  rejected: 'orange',
};

export function EscalationStateBadge({ state }: { state: string }) {
  const known = (ESCALATION_STATES as readonly string[]).includes(state)
    ? (state as EscalationState)
    : null;
  return (
    <Badge color={known ? STATE_COLORS[known] : 'gray'} variant="light">
      {known ? ESCALATION_STATE_LABELS[known] : state}
    </Badge>
  );
}
