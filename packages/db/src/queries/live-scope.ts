import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { conversations } from '../schema/index.ts';
import { LIVE_CHANNEL } from './live.ts';

/**
 * Who a conversation is assigned to now. Presence notices do not carry it, and an agent may
 * see a conversation outside their inboxes only because it is theirs.
 */
export async function assigneeOfConversation(
  db: Database,
  conversationId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ assigneeId: conversations.assigneeId })
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .limit(1);
  return row?.assigneeId ?? null;
}

/**
 * Sends `payload` on the live channel outside any transaction: a server process checks that
 * its own LISTEN still hears the channel by sending itself a probe.
 */
export async function notifyLiveChannel(db: Database, payload: string): Promise<void> {
  await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`);
}
