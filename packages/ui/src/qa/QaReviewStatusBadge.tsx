import { Badge, type BadgeProps } from '@mantine/core';
import { QA_REVIEW_STATUS_LABELS, type QaReviewStatus } from '@switchboard/domain';

const STATUS_COLORS: Record<QaReviewStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  acknowledged: 'teal',
  disputed: 'orange',
  settled: 'violet',
};

export interface QaReviewStatusBadgeProps extends Omit<BadgeProps, 'children'> {
  status: QaReviewStatus;
  /** How the agent reads "submitted": it is waiting for them. */
  forAgent?: boolean;
}

export function QaReviewStatusBadge({
  status,
  forAgent = false,
  ...props
}: QaReviewStatusBadgeProps) {
  const label =
    forAgent && status === 'submitted' ? 'Waiting for you' : QA_REVIEW_STATUS_LABELS[status];
  return (
    <Badge variant="dot" color={STATUS_COLORS[status]} {...props}>
      {label}
    </Badge>
  );
}
