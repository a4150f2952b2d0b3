import type { DatabaseHandle } from '@switchboard/db/client';
import { generateSnapshot, hasScheduledSnapshot } from '@switchboard/db/queries/kpi-snapshots';
import { staffingGaps } from '@switchboard/db/queries/staffing-week';
import { lastCompletePeriod, SNAPSHOT_KINDS } from '@switchboard/domain';
import type { Logger } from '../logger.ts';
import { type RecurringJob, startRecurringJob } from './recurring-job.ts';

/** How often the schedule is checked: a new week's snapshot appears at most this late. */
export const KPI_SNAPSHOTS_EVERY_MS = 15 * 60_000;

/**
 * Makes the weekly and monthly snapshot of each period once it is over. What exists is read
 * from the database and a unique index keeps one scheduled snapshot per period, so a restart
 * or a second server neither misses nor doubles one.
 */
export async function makeDueSnapshots(database: DatabaseHandle, now: Date = new Date()) {
  let made = 0;
  for (const kind of SNAPSHOT_KINDS) {
    const period = lastCompletePeriod(kind, now);
    if (await hasScheduledSnapshot(database.db, period)) continue;
    const stored = await generateSnapshot(database.db, {
      period,
      source: 'schedule',
      staffingGaps: await staffingGaps(database.db, now),
      now,
    });
    if (stored) made += 1;
  }
  return made;
}

export function startKpiSnapshotsJob(options: {
  database: DatabaseHandle;
  logger: Logger;
  everyMs?: number;
}): RecurringJob {
  const job = startRecurringJob({
    name: 'kpi snapshots',
    everyMs: options.everyMs ?? KPI_SNAPSHOTS_EVERY_MS,
    logger: options.logger,
    work: () => makeDueSnapshots(options.database),
  });
  // Catch up at start: a server that was down over a week's end makes its snapshot now.
  job
    .runOnce()
    .catch((error: unknown) => options.logger.error({ err: error }, 'kpi snapshots failed'));
  return job;
}
