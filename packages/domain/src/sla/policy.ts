import { z } from 'zod';
import { PRIORITIES, type Priority } from '../conversations/priority.ts';
import { alwaysOpenCalendar } from './business-time.ts';
import {
  type BusinessCalendar,
  businessCalendarSchema,
  WEEKDAYS,
  type Weekday,
} from './calendar.ts';
import { DEFAULT_SLA_TARGETS } from './targets.ts';

/** The three clocks of DOMAIN.md "SLA clocks". */
export const SLA_TARGET_KINDS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type SlaTargetKind = (typeof SLA_TARGET_KINDS)[number];

export const SLA_TARGET_LABELS: Record<SlaTargetKind, string> = {
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
};

/** One target: minutes counted in the inbox calendar's business hours, or around the clock. */
export interface SlaTarget {
  minutes: number;
  businessHours: boolean;
}

export type SlaPriorityTargets = Record<SlaTargetKind, SlaTarget>;

/** What the clocks of one inbox run on: its calendar and a target per priority. */
export interface SlaSchedule {
  calendar: BusinessCalendar;
  targets: Record<Priority, SlaPriorityTargets>;
}

const MINUTES_PER_YEAR = 366 * 24 * 60;

export const slaTargetSchema = z.object({
  minutes: z
    .number({ error: 'Enter the target in minutes' })
    .int('Whole minutes')
    .min(1, 'A target is at least a minute')
    .max(MINUTES_PER_YEAR, 'A target is at most a year'),
  businessHours: z.boolean(),
});

export const slaPriorityTargetsSchema = z.object({
  firstResponse: slaTargetSchema,
  nextResponse: slaTargetSchema,
  resolution: slaTargetSchema,
});

export const slaTargetsByPrioritySchema = z.object({
  P1: slaPriorityTargetsSchema,
  P2: slaPriorityTargetsSchema,
  P3: slaPriorityTargetsSchema,
  P4: slaPriorityTargetsSchema,
});

/** The targets inboxes get until a lead sets their own: DEFAULT_SLA_TARGETS, around the clock. */
export const DEFAULT_SLA_POLICY_TARGETS: Record<Priority, SlaPriorityTargets> = Object.fromEntries(
  PRIORITIES.map((priority) => {
    const target = DEFAULT_SLA_TARGETS[priority];
    const calendarTime = (ms: number): SlaTarget => ({
      minutes: ms / 60_000,
      businessHours: false,
    });
    return [
      priority,
      {
        firstResponse: calendarTime(target.firstResponseMs),
        nextResponse: calendarTime(target.nextResponseMs),
        resolution: calendarTime(target.resolutionMs),
      },
    ];
  }),
) as Record<Priority, SlaPriorityTargets>;

export const DEFAULT_SLA_SCHEDULE: SlaSchedule = {
  calendar: alwaysOpenCalendar(),
  targets: DEFAULT_SLA_POLICY_TARGETS,
};

const ALWAYS_OPEN = alwaysOpenCalendar();

/** The calendar a target counts in: the inbox's business hours, or every minute of every day. */
export function calendarOfTarget(target: SlaTarget, schedule: SlaSchedule): BusinessCalendar {
  return target.businessHours ? schedule.calendar : ALWAYS_OPEN;
}

// ---------------------------------------------------------------------------------------------
// Calendars as leads edit them: yearly holidays and 24/7, turned into a BusinessCalendar.

export const holidaySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Holidays are YYYY-MM-DD'),
  name: z.string().trim().min(1, 'Name the holiday').max(80),
  /** Falls on the same month and day every year (e.g. 25 December). */
  yearly: z.boolean(),
});
export type Holiday = z.infer<typeof holidaySchema>;

export const calendarSettingsSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the calendar').max(80),
    timeZone: businessCalendarSchema.shape.timeZone,
    /** Open every minute of every day: weekly hours and holidays are ignored. */
    alwaysOpen: z.boolean(),
    weekly: businessCalendarSchema.shape.weekly,
    holidays: z.array(holidaySchema).max(200, 'At most 200 holidays'),
  })
  .superRefine((settings, context) => {
    for (const weekday of WEEKDAYS) {
      const intervals = [...(settings.weekly[weekday] ?? [])].sort(([a], [b]) =>
        a.localeCompare(b),
      );
      for (let index = 1; index < intervals.length; index += 1) {
        if (intervals[index]![0] < intervals[index - 1]![1]) {
          context.addIssue({
            code: 'custom',
            path: ['weekly', weekday],
            message: 'Intervals of a day must not overlap',
          });
          break;
        }
      }
    }
    if (
      !settings.alwaysOpen &&
      WEEKDAYS.every((day) => (settings.weekly[day] ?? []).length === 0)
    ) {
      context.addIssue({
        code: 'custom',
        path: ['weekly'],
        message: 'Add opening hours on at least one day, or make the calendar 24/7',
      });
    }
    const seen = new Set<string>();
    settings.holidays.forEach((holiday, index) => {
      const key = holiday.yearly ? holiday.date.slice(5) : holiday.date;
      if (seen.has(key)) {
        context.addIssue({
          code: 'custom',
          path: ['holidays', index, 'date'],
          message: 'This date is already a holiday',
        });
      }
      seen.add(key);
    });
  });
export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;

/** Years a yearly holiday is written out for, around `now`: further than any target reaches. */
const YEARS_AROUND = 5;

/**
 * The BusinessCalendar of a calendar's settings: 24/7 when always open, otherwise its weekly
 * hours with one-off holidays as they are and yearly ones written out for the years around now.
 */
export function businessCalendarOf(
  settings: Pick<CalendarSettings, 'timeZone' | 'alwaysOpen' | 'weekly' | 'holidays'>,
  now: Date = new Date(),
): BusinessCalendar {
  if (settings.alwaysOpen) return alwaysOpenCalendar(settings.timeZone);
  const year = now.getUTCFullYear();
  const holidays = new Set<string>();
  for (const holiday of settings.holidays) {
    if (!holiday.yearly) {
      holidays.add(holiday.date);
      continue;
    }
    const monthDay = holiday.date.slice(5);
    for (let offset = -YEARS_AROUND; offset <= YEARS_AROUND; offset += 1) {
      holidays.add(`${year + offset}-${monthDay}`);
    }
  }
  const weekly: Partial<Record<Weekday, Array<[string, string]>>> = {};
  for (const weekday of WEEKDAYS) {
    const intervals = settings.weekly[weekday];
    if (intervals && intervals.length > 0) weekly[weekday] = intervals.map(([a, b]) => [a, b]);
  }
  return { timeZone: settings.timeZone, weekly, holidays: [...holidays].sort() };
}

/** Weekly open minutes: a quick figure for the calendar list ("60 h a week"). */
export function weeklyOpenMinutes(
  settings: Pick<CalendarSettings, 'alwaysOpen' | 'weekly'>,
): number {
  if (settings.alwaysOpen) return 7 * 24 * 60;
  const minutesOf = (time: string) => {
    const [hours, minutes] = time.split(':').map(Number) as [number, number];
    return hours * 60 + minutes;
  };
  return WEEKDAYS.reduce(
    (total, weekday) =>
      total +
      (settings.weekly[weekday] ?? []).reduce(
        (sum, [from, to]) => sum + minutesOf(to) - minutesOf(from),
        0,
      ),
    0,
  );
}

/** What a lead saves for an inbox: its calendar (none = 24/7) and targets per priority. */
export const slaPolicyInputSchema = z.object({
  inboxId: z.uuid('Choose an inbox'),
  calendarId: z.uuid('Choose a calendar').nullable(),
  targets: slaTargetsByPrioritySchema,
});
export type SlaPolicyInput = z.infer<typeof slaPolicyInputSchema>;
