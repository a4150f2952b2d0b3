import { z } from 'zod';
import { WEEKDAY_LABELS, WEEKDAYS, type Weekday } from '../sla/calendar.ts';

/*
 * The staffing week: 168 hours, numbered from Monday 00:00–01:00 (0) to Sunday 23:00–24:00
 * (167), in the inbox's city time zone (UTC for an inbox serving every city).
 */

export const HOURS_PER_WEEK = 168;
const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = HOURS_PER_WEEK * 60;

/** The weekday and hour of an hour of week: 25 → Tuesday, 01:00. */
export function hourOfWeekParts(hourOfWeek: number): { weekday: Weekday; hour: number } {
  const day = Math.floor(hourOfWeek / 24);
  return { weekday: WEEKDAYS[day] ?? 'mon', hour: hourOfWeek % 24 };
}

/** "Tue 01:00" */
export function hourOfWeekLabel(hourOfWeek: number): string {
  const { weekday, hour } = hourOfWeekParts(hourOfWeek);
  return `${WEEKDAY_LABELS[weekday].slice(0, 3)} ${String(hour).padStart(2, '0')}:00`;
}

const startSchema = z
  .string({ error: 'Start time is HH:MM, e.g. 08:00' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Start time is HH:MM, e.g. 08:00');
const endSchema = z
  .string({ error: 'End time is HH:MM, e.g. 16:00' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'End time is HH:MM, e.g. 16:00 (24:00 for midnight)');

/** A weekly shift's fields, to extend with an inbox or shift id before the check below. */
export const staffingShiftShape = {
  weekday: z.enum(WEEKDAYS, { error: 'Weekday: mon, tue, wed, thu, fri, sat or sun' }),
  startsAt: startSchema,
  endsAt: endSchema,
  agents: z
    .number({ error: 'Agents must be a number' })
    .int('Agents must be a whole number')
    .min(1, 'A shift has at least 1 agent')
    .max(1000, 'At most 1,000 agents on one shift'),
  note: z.string().trim().max(200, 'At most 200 characters').default(''),
};

/** A shift has a length: it ends at another time than it starts. */
export function shiftHasLength(shift: { startsAt: string; endsAt: string }): boolean {
  return shift.startsAt !== shift.endsAt;
}

export const SHIFT_LENGTH_CHECK = {
  path: ['endsAt'],
  message: 'A shift ends at another time than it starts',
};

/**
 * A weekly shift: `agents` people from `startsAt` to `endsAt` on `weekday`, local time. An
 * end at or before the start runs past midnight into the next day (22:00–06:00), and
 * Sunday's night shift into Monday.
 */
export const staffingShiftSchema = z
  .object(staffingShiftShape)
  .refine(shiftHasLength, SHIFT_LENGTH_CHECK);
export type StaffingShift = z.infer<typeof staffingShiftSchema>;
export type StaffingShiftInput = z.input<typeof staffingShiftSchema>;

function minutesOf(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** How long a shift lasts, in minutes (an overnight shift runs into the next day). */
export function shiftMinutes(shift: Pick<StaffingShift, 'startsAt' | 'endsAt'>): number {
  const start = minutesOf(shift.startsAt);
  const end = minutesOf(shift.endsAt);
  return end > start ? end - start : end + MINUTES_PER_DAY - start;
}

/**
 * Scheduled agents per hour of week. A shift counts in each hour by the share of the hour it
 * covers: 3 agents from 08:30 count 1.5 in the 08:00 hour, so agent-hours add up exactly
 * and a half-hour overlap is not mistaken for a full hour of cover.
 */
export function scheduledAgentsByHour(
  shifts: readonly Pick<StaffingShift, 'weekday' | 'startsAt' | 'endsAt' | 'agents'>[],
): number[] {
  const hours = new Array<number>(HOURS_PER_WEEK).fill(0);
  for (const shift of shifts) {
    const start = WEEKDAYS.indexOf(shift.weekday) * MINUTES_PER_DAY + minutesOf(shift.startsAt);
    const end = start + shiftMinutes(shift);
    for (let minute = start; minute < end; ) {
      const hourStart = Math.floor(minute / 60) * 60;
      const next = Math.min(end, hourStart + 60);
      const hour = (hourStart % MINUTES_PER_WEEK) / 60;
      hours[hour] = (hours[hour] ?? 0) + (shift.agents * (next - minute)) / 60;
      minute = next;
    }
  }
  return hours;
}
