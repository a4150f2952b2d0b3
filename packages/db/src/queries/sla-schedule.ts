import {
  alwaysOpenCalendar,
  type BusinessCalendar,
  businessCalendarOf,
  type CalendarSettings,
  DEFAULT_SLA_SCHEDULE,
  type SlaSchedule,
} from '@switchboard/domain';
import { eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { businessCalendars, slaPolicies } from '../schema/index.ts';

/**
 * One BusinessCalendar object per calendar version and year: the domain memoises opening
 * hours per calendar object, so reusing it keeps every clock computation after the first fast.
 */
const ALWAYS_OPEN = alwaysOpenCalendar();
const calendars = new Map<string, BusinessCalendar>();
const MAX_CACHED_CALENDARS = 500;

function calendarOf(
  row: Pick<CalendarSettings, 'timeZone' | 'alwaysOpen' | 'weekly' | 'holidays'>,
  now: Date,
): BusinessCalendar {
  const key = JSON.stringify([
    now.getUTCFullYear(),
    row.timeZone,
    row.alwaysOpen,
    row.weekly,
    row.holidays,
  ]);
  let calendar = calendars.get(key);
  if (!calendar) {
    if (calendars.size >= MAX_CACHED_CALENDARS) calendars.clear();
    calendar = businessCalendarOf(row, now);
    calendars.set(key, calendar);
  }
  return calendar;
}

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
      calendar: row.calendar ? calendarOf(row.calendar, now) : ALWAYS_OPEN,
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
