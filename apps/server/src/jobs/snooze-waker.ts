import type { DatabaseHandle } from '@switchboard/db/client';
import { wakeSnoozedConversations } from '@switchboard/db/queries/conversation-actions';
import type { Logger } from '../logger.ts';

/** How often snoozed conversations are checked; a snooze ends at most this late. */
export const SNOOZE_CHECK_EVERY_MS = 15_000;

export interface SnoozeWaker {
  /** Wakes every conversation whose snooze has ended; how many it woke. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Brings snoozed conversations back to open when their time comes. The due times live in
 * the database, so a restart or a second server process loses nothing: each run picks up
 * whatever is due, and the row lock in the status change makes a double wake a no-op.
 */
export function startSnoozeWaker(options: {
  database: DatabaseHandle;
  publicUrl: string;
  logger: Logger;
  everyMs?: number;
}): SnoozeWaker {
  const { database, publicUrl, logger } = options;
  let running: Promise<number> | null = null;

  async function runOnce(): Promise<number> {
    // A slow run is never overlapped by the next tick.
    running ??= (async () => {
      let total = 0;
      try {
        for (;;) {
          const woken = await wakeSnoozedConversations(database.db, { publicUrl });
          total += woken;
          if (woken === 0) break;
        }
        if (total > 0) logger.info({ woken: total }, 'snoozed conversations reopened');
      } finally {
        running = null;
      }
      return total;
    })();
    return running;
  }

  const timer = setInterval(() => {
    runOnce().catch((error: unknown) => logger.error({ err: error }, 'waking snoozed failed'));
  }, options.everyMs ?? SNOOZE_CHECK_EVERY_MS);
  timer.unref();

  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}
