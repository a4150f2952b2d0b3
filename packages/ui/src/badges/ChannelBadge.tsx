import { Badge, type BadgeProps } from '@mantine/core';
import type { Channel } from '@switchboard/domain';
import { IconBrandWhatsapp, IconMail, IconMessageCircle, IconPhone } from '@tabler/icons-react';
import { CHANNEL_LABELS } from '../labels.ts';

const CHANNEL_ICONS = {
  chat: IconMessageCircle,
  whatsapp: IconBrandWhatsapp,
  email: IconMail,
  voice: IconPhone,
} as const;

export interface ChannelBadgeProps extends Omit<BadgeProps, 'children'> {
  channel: Channel;
}

export function ChannelBadge({ channel, ...props }: ChannelBadgeProps) {
  const Icon = CHANNEL_ICONS[channel];
  return (
    <Badge variant="default" leftSection={<Icon size={12} />} {...props}>
      {CHANNEL_LABELS[channel]}
    </Badge>
  );
}
