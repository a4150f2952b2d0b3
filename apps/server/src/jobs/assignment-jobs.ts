import type { DatabaseHandle } from '@switchboard/db/client';
import { drainQueues, reassignOverdue } from '@switchboard/db/queries/assignment';
import type { Logger } from '../logger.ts';
import { type RecurringJob, startRecurringJob } from './recurring-job.ts';

/** Waiting conversations are offered to whoever freed up at most this long ago. */
export const ASSIGNMENT_CHECK_EVERY_MS = 5_000;

/**
 * Hands out queued conversations as agents free up (resolving, coming online, capacity
 * raised) and hands on conversations whose assignee missed the inbox's reply limit.
 */
export function startAssignmentJobs(options: {
  database: DatabaseHandle;
  logger: Logger;
  everyMs?: number;
}): RecurringJob {
  const { database } = options;
  return startRecurringJob({
    name: 'assignment',
    everyMs: options.everyMs ?? ASSIGNMENT_CHECK_EVERY_MS,
    logger: options.logger,
    async work() {
      const handedOn = await reassignOverdue(database.db);
      const assigned = await drainQueues(database.db);
      return handedOn + assigned;
    },
  });
}
