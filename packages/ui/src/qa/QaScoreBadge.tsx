import { Badge, type BadgeProps } from '@mantine/core';
import { passesQa } from '@switchboard/domain';

export interface QaScoreBadgeProps extends Omit<BadgeProps, 'children' | 'color'> {
  /** Percent; null while nothing is scored. */
  score: number | null;
  passMark: number;
  autoFailed?: boolean;
}

/** A review's score against its pass mark: green at or above it, red on an auto-fail or below. */
export function QaScoreBadge({ score, passMark, autoFailed = false, ...props }: QaScoreBadgeProps) {
  if (score === null) {
    return (
      <Badge color="gray" variant="light" {...props}>
        Not scored
      </Badge>
    );
  }
  const passed = passesQa(score, passMark);
  return (
    <Badge
      color={autoFailed ? 'red' : passed ? 'teal' : 'orange'}
      variant={autoFailed ? 'filled' : 'light'}
      aria-label={`Score ${score}%, ${autoFailed ? 'auto-fail' : passed ? 'pass' : 'below the pass mark'} (pass mark ${passMark}%)`}
      {...props}
    >
      {autoFailed ? `Auto-fail · ${score}%` : `${score}%`}
    </Badge>
  );
}
