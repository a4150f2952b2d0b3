import { Badge, type BadgeProps } from '@mantine/core';
import { PRIORITY_LABELS, type Priority } from '@switchboard/domain';

const PRIORITY_STYLE: Record<Priority, { color: string; variant: 'filled' | 'light' | 'outline' }> =
  {
    P1: { color: 'red', variant: 'filled' },
    P2: { color: 'orange', variant: 'light' },
    P3: { color: 'blue', variant: 'light' },
    P4: { color: 'gray', variant: 'outline' },
  };

export interface PriorityBadgeProps extends Omit<BadgeProps, 'children'> {
  priority: Priority;
}

export function PriorityBadge({ priority, ...props }: PriorityBadgeProps) {
  const { label, meaning } = PRIORITY_LABELS[priority];
  return (
    <Badge {...PRIORITY_STYLE[priority]} title={meaning} {...props}>
      {priority} · {label}
    </Badge>
  );
}
