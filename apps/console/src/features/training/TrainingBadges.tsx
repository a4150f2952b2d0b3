import { Badge, Group } from '@mantine/core';
import {
  ENROLMENT_STATE_LABELS,
  type EnrolmentState,
  STUCK_REASON_LABELS,
  type StuckReason,
} from '@switchboard/domain';

const STATE_COLORS: Record<EnrolmentState, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  awaiting_sign_off: 'grape',
  completed: 'teal',
};

export function EnrolmentStateBadge({ state }: { state: EnrolmentState }) {
  return (
    <Badge variant="light" color={STATE_COLORS[state]}>
      {ENROLMENT_STATE_LABELS[state]}
    </Badge>
  );
}

/* Badges keep their full label: tables size columns to them rather than cut them short. */

/** Overdue and stuck, when they apply. */
export function AttentionBadges({
  overdue,
  stuck,
}: {
  overdue: boolean;
  stuck: StuckReason | null;
}) {
  if (!overdue && !stuck) return null;
  return (
    <Group gap={4}>
      {overdue ? (
        <Badge color="red" variant="filled" size="sm">
          Overdue
        </Badge>
      ) : null}
      {stuck ? (
        <Badge color="orange" variant="filled" size="sm">
          {STUCK_REASON_LABELS[stuck]}
        </Badge>
      ) : null}
    </Group>
  );
}
