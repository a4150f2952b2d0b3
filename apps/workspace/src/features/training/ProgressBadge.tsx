import { Badge } from '@mantine/core';
import { TRAINING_PROGRESS_STATUS_LABELS, type TrainingProgressStatus } from '@switchboard/domain';

const COLORS: Record<TrainingProgressStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  awaiting_marking: 'violet',
  awaiting_sign_off: 'grape',
  failed: 'red',
  completed: 'teal',
};

export function ProgressBadge({ status }: { status: TrainingProgressStatus }) {
  return (
    <Badge variant="light" color={COLORS[status]} miw="max-content">
      {TRAINING_PROGRESS_STATUS_LABELS[status]}
    </Badge>
  );
}
