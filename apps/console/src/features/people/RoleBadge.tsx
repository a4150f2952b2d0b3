import { Badge, type BadgeProps } from '@mantine/core';
import { ROLE_LABELS, type Role } from '@switchboard/domain';

const ROLE_COLORS: Record<Role, string> = {
  agent: 'blue',
  lead: 'grape',
  trainer: 'teal',
  admin: 'red',
};

export interface RoleBadgeProps extends Omit<BadgeProps, 'children'> {
  role: Role;
}

export function RoleBadge({ role, ...props }: RoleBadgeProps) {
  return (
    <Badge variant="light" color={ROLE_COLORS[role]} {...props}>
      {ROLE_LABELS[role]}
    </Badge>
  );
}
