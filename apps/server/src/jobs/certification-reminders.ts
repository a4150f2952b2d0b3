import type { DatabaseHandle } from '@switchboard/db/client';
import { sendDueCertificationNotices } from '@switchboard/db/queries/certification-reminders';
import type { Logger } from '../logger.ts';
import { drainBatches, type RecurringJob, startRecurringJob } from './recurring-job.ts';

/** Reminders are counted in days: checking every quarter of an hour is plenty. */
export const CERTIFICATION_REMINDERS_EVERY_MS = 15 * 60_000;

/**
 * Renewal reminders as a certification's expiry nears, and a notice once it has expired, to
 * the holder and the trainers of their teams. What was sent is stored with each grant, so a
 * restart or a second server process sends each notice once.
 */
export function startCertificationReminders(options: {
  database: DatabaseHandle;
  logger: Logger;
  everyMs?: number;
}): RecurringJob {
  const { database } = options;
  return startRecurringJob({
    name: 'certification reminders',
    everyMs: options.everyMs ?? CERTIFICATION_REMINDERS_EVERY_MS,
    logger: options.logger,
    work: () => drainBatches(() => sendDueCertificationNotices(database.db, new Date())),
  });
}
