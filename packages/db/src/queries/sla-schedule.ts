import {
  alwaysOpenCalendar,
  businessCalendarOf,
  DEFAULT_SLA_SCHEDULE,
  type SlaSchedule,
} from '@switchboard/domain';
import { eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { businessCalendars, slaPolicies } from '../schema/index.ts';

/**
 * The SLA schedules of inboxes: each policy's targets in its calendar (24/7 without one);
 * an inbox without a policy runs on the around-the-clock defaults.
 */
export async function slaSchedulesForInboxes(
  db: DatabaseOrTransaction,
  inboxIds: readonly string[],
  now: Date = new Date(),
): Promise<Map<string, SlaSchedule>> {
  const schedules = new Map<string, SlaSchedule>();
  const unique = [...new Set(inboxIds)];
  if (unique.length === 0) return schedules;
  const rows = await db
    .select({
      inboxId: slaPolicies.inboxId,
      targets: slaPolicies.targets,
      calendar: businessCalendars,
    })
    .from(slaPolicies)
    .leftJoin(businessCalendars, eq(businessCalendars.id, slaPolicies.calendarId))
    .where(inArray(slaPolicies.inboxId, unique));
  for (const row of rows) {
    schedules.set(row.inboxId, {
      calendar: row.calendar ? businessCalendarOf(row.calendar, now) : alwaysOpenCalendar(),
      targets: row.targets,
    });
  }
  for (const inboxId of unique) {
    if (!schedules.has(inboxId)) schedules.set(inboxId, DEFAULT_SLA_SCHEDULE);
  }
  return schedules;
}

/** The SLA schedule one inbox's clocks run on. */
export async function slaScheduleForInbox(
  db: DatabaseOrTransaction,
  inboxId: string,
  now: Date = new Date(),
): Promise<SlaSchedule> {
  const schedules = await slaSchedulesForInboxes(db, [inboxId], now);
  return schedules.get(inboxId) ?? DEFAULT_SLA_SCHEDULE;
}
