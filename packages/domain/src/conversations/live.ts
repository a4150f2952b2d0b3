import type { ConversationEventType } from './events.ts';

/**
 * What `/events` subscribers and the chat widget hear when something changes. Small on
 * purpose (PostgreSQL NOTIFY payloads are capped at 8 kB): clients refetch what they show.
 */
export type LiveNotice =
  | {
      kind: 'conversation';
      conversationId: string;
      inboxId: string;
      assigneeId: string | null;
      contactId: string;
      eventType: ConversationEventType;
      /** Mentioned colleagues, for their Mentions view. */
      mentionedUserIds?: string[];
      at: string;
    }
  | {
      kind: 'presence';
      conversationId: string;
      inboxId: string;
      userId: string;
      userName: string;
      state: 'viewing' | 'typing' | 'left';
      at: string;
    }
  | {
      /** New notifications for these people: their bell refetches. */
      kind: 'notification';
      userIds: string[];
      at: string;
    }
  | {
      /** An escalation changed: its owner team, who raised it and leads refetch. */
      kind: 'escalation';
      escalationId: string;
      conversationId: string;
      userIds: string[];
      at: string;
    };

export const LIVE_NOTICE_KINDS = [
  'conversation',
  'presence',
  'notification',
  'escalation',
] as const;

/** Notices addressed to people by id rather than by inbox. */
export function isAddressedTo(notice: LiveNotice, userId: string): boolean {
  return (
    (notice.kind === 'notification' || notice.kind === 'escalation') &&
    notice.userIds.includes(userId)
  );
}
