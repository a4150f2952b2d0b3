import type { DatabaseHandle } from '@switchboard/db/client';
import { refreshKpiFacts } from '@switchboard/db/queries/kpi-facts';
import type { Logger } from '../logger.ts';
import { drainBatches, type RecurringJob, startRecurringJob } from './recurring-job.ts';

/** How often queued conversations get their KPI facts re-derived: reports lag at most this. */
export const KPI_FACTS_EVERY_MS = 5_000;

/**
 * Drains the KPI refresh queue (filled by a trigger on every conversation event), so the
 * reports follow the live operation. The queue is a table: nothing is lost on a restart.
 */
export function startKpiFactsJob(options: {
  database: DatabaseHandle;
  logger: Logger;
  everyMs?: number;
}): RecurringJob {
  const { database } = options;
  return startRecurringJob({
    name: 'kpi facts',
    everyMs: options.everyMs ?? KPI_FACTS_EVERY_MS,
    logger: options.logger,
    work: () => drainBatches(() => refreshKpiFacts(database.db, { limit: 500 })),
  });
}
