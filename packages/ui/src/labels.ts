import type { ConversationStatus } from '@switchboard/domain';

// Audience and channel names are the domain's (reports written on the server use them too).
export { AUDIENCE_LABELS, CHANNEL_LABELS } from '@switchboard/domain';

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  open: 'Open',
  pending: 'Pending',
  snoozed: 'Snoozed',
  resolved: 'Resolved',
  closed: 'Closed',
};
