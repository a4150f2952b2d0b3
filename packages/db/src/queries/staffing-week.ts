import {
  CHANNELS,
  type ForecastWeighting,
  forecastArrivals,
  planStaffing,
  type SnapshotStaffingGap,
  STAFFING_HISTORY_WEEKS,
  staffingGapOf,
} from '@switchboard/domain';
import type { Database } from '../client.ts';
import { staffingPlans } from '../schema/index.ts';
import { listStaffingShifts, staffingHistory, staffingInbox, staffingPlanOf } from './staffing.ts';

/**
 * An inbox's staffing week: forecast from its history, the agents required to meet its plan,
 * the agents its shifts schedule, the gap per hour, and what both cost.
 */
export async function staffingWeek(
  db: Database,
  input: { inboxId: string; weeks: number; weighting: ForecastWeighting; now?: Date },
) {
  const inbox = await staffingInbox(db, input.inboxId);
  const [history, plan, shifts] = await Promise.all([
    staffingHistory(db, {
      inboxId: inbox.id,
      weeks: input.weeks,
      ...(input.now ? { now: input.now } : {}),
    }),
    staffingPlanOf(db, inbox),
    listStaffingShifts(db, inbox.id),
  ]);
  const forecast = forecastArrivals({ weeks: input.weeks, history, weighting: input.weighting });
  const { intervals, totals } = planStaffing({ forecast, settings: plan.settings, shifts });
  const historyByChannel = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      history
        .filter((row) => row.channel === channel)
        .reduce((sum, row) => sum + row.conversations, 0),
    ]),
  );
  return {
    inbox,
    plan,
    shifts,
    history: {
      weeks: input.weeks,
      weighting: input.weighting,
      conversations: Object.values(historyByChannel).reduce((sum, count) => sum + count, 0),
      byChannel: historyByChannel,
    },
    intervals,
    totals,
  };
}

/** Inboxes with a saved staffing plan whose shifts fall short of the forecast, worst first. */
export async function staffingGaps(db: Database, now: Date): Promise<SnapshotStaffingGap[]> {
  const planned = await db.select({ inboxId: staffingPlans.inboxId }).from(staffingPlans);
  const gaps: SnapshotStaffingGap[] = [];
  for (const { inboxId } of planned) {
    const week = await staffingWeek(db, {
      inboxId,
      weeks: STAFFING_HISTORY_WEEKS.default,
      weighting: 'equal',
      now,
    });
    const gap = staffingGapOf(week.inbox.name, week);
    if (gap) gaps.push(gap);
  }
  return gaps.sort((a, b) => b.shortAgentHours - a.shortAgentHours);
}
