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
    };
