import { Badge, type BadgeProps } from '@mantine/core';
import type { Audience } from '@switchboard/domain';
import { IconSteeringWheel, IconUser } from '@tabler/icons-react';
import { AUDIENCE_LABELS } from '../labels.ts';

const AUDIENCE_STYLE = {
  guest: { color: 'blue', Icon: IconUser },
  driver: { color: 'orange', Icon: IconSteeringWheel },
} as const;

export interface AudienceBadgeProps extends Omit<BadgeProps, 'children'> {
  audience: Audience;
}

export function AudienceBadge({ audience, ...props }: AudienceBadgeProps) {
  const { color, Icon } = AUDIENCE_STYLE[audience];
  return (
    <Badge variant="light" color={color} leftSection={<Icon size={12} />} {...props}>
      {AUDIENCE_LABELS[audience]}
    </Badge>
  );
}
