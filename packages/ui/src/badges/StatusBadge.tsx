import { Badge, type BadgeProps } from '@mantine/core';
import type { ConversationStatus } from '@switchboard/domain';
import { STATUS_LABELS } from '../labels.ts';

const STATUS_COLORS: Record<ConversationStatus, string> = {
  open: 'green',
  pending: 'yellow',
  snoozed: 'violet',
  resolved: 'teal',
  closed: 'gray',
};

export interface StatusBadgeProps extends Omit<BadgeProps, 'children'> {
  status: ConversationStatus;
}

export function StatusBadge({ status, ...props }: StatusBadgeProps) {
  return (
    <Badge variant="dot" color={STATUS_COLORS[status]} {...props}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
