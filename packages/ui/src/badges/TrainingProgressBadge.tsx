import { Badge, type BadgeProps } from '@mantine/core';
import { TRAINING_PROGRESS_STATUS_LABELS, type TrainingProgressStatus } from '@switchboard/domain';

const PROGRESS_COLORS: Record<TrainingProgressStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  awaiting_marking: 'violet',
  awaiting_sign_off: 'grape',
  failed: 'red',
  completed: 'teal',
};

/** Where a trainee stands on a module: the same colours in the console and the workspace. */
export function TrainingProgressBadge({
  status,
  ...props
}: { status: TrainingProgressStatus } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge variant="light" color={PROGRESS_COLORS[status]} {...props}>
      {TRAINING_PROGRESS_STATUS_LABELS[status]}
    </Badge>
  );
}
