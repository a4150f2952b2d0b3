import { Badge, type BadgeProps } from '@mantine/core';
import { CERTIFICATION_STATE_LABELS, type CertificationState } from '@switchboard/domain';

const STATE_COLORS: Record<CertificationState, string> = {
  valid: 'teal',
  expiring_soon: 'yellow',
  expired: 'red',
};

/** Valid, expiring soon or expired: the same colours in the console and the workspace. */
export function CertificationStateBadge({
  state,
  ...props
}: { state: CertificationState } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light" {...props}>
      {CERTIFICATION_STATE_LABELS[state]}
    </Badge>
  );
}
