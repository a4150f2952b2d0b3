import type { ConversationEventType } from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';

/** The PostgreSQL channel every live change is announced on. */
export const LIVE_CHANNEL = 'switchboard_live';

/**
 * What subscribers of `/events` and the chat widget hear. Small on purpose (NOTIFY payloads
 * are capped at 8 kB): clients refetch what they show.
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

/**
 * Announces a change. Called inside the transaction that made it: PostgreSQL delivers the
 * notice only on commit, so listeners never hear of a change that was rolled back.
 */
export async function announce(db: DatabaseOrTransaction, notice: LiveNotice): Promise<void> {
  await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(notice)})`);
}

export function parseLiveNotice(payload: string): LiveNotice | null {
  try {
    const notice = JSON.parse(payload) as LiveNotice;
    return notice && (notice.kind === 'conversation' || notice.kind === 'presence') ? notice : null;
  } catch {
    return null;
  }
}
