import { LIVE_NOTICE_KINDS, type LiveNotice } from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';

/** The PostgreSQL channel every live change is announced on. */
export const LIVE_CHANNEL = 'switchboard_live';

export type { LiveNotice };

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
    return notice && (LIVE_NOTICE_KINDS as readonly string[]).includes(notice.kind) ? notice : null;
  } catch {
    return null;
  }
}
