import type { DatabaseHandle } from '@switchboard/db/client';
import { wakeSnoozedConversations } from '@switchboard/db/queries/conversation-actions';
import type { Logger } from '../logger.ts';
import { drainBatches, type RecurringJob, startRecurringJob } from './recurring-job.ts';

/** How often snoozed conversations are checked; a snooze ends at most this late. */
export const SNOOZE_CHECK_EVERY_MS = 15_000;

/** Brings snoozed conversations back to open when their time comes. */
export function startSnoozeWaker(options: {
  database: DatabaseHandle;
  publicUrl: string;
  logger: Logger;
  everyMs?: number;
}): RecurringJob {
  const { database, publicUrl } = options;
  return startRecurringJob({
    name: 'snooze waker',
    everyMs: options.everyMs ?? SNOOZE_CHECK_EVERY_MS,
    logger: options.logger,
    work: () => drainBatches(() => wakeSnoozedConversations(database.db, { publicUrl })),
  });
}
