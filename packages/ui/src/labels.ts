import type { Audience, Channel, ConversationStatus } from '@switchboard/domain';

export const AUDIENCE_LABELS: Record<Audience, string> = { guest: 'Guest', driver: 'Driver' };

export const CHANNEL_LABELS: Record<Channel, string> = {
  chat: 'Chat',
  whatsapp: 'WhatsApp',
  email: 'Email',
  voice: 'Voice',
};

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  open: 'Open',
  pending: 'Pending',
  snoozed: 'Snoozed',
  resolved: 'Resolved',
  closed: 'Closed',
};
