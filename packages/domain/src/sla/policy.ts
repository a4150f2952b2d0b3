import { z } from 'zod';
import { describeChange, rolloutNoteSchema } from '../changes/diff.ts';
import { PRIORITIES, type Priority } from '../conversations/priority.ts';
import { durationText } from '../escalations/matrix-text.ts';
import { alwaysOpenCalendar, instantOfLocalTime } from './business-time.ts';
import {
  type BusinessCalendar,
  businessCalendarSchema,
  isWithinBusinessHours,
  localClock,
  shiftDate,
  WEEKDAY_LABELS,
  WEEKDAYS,
  type Weekday,
  weekdayOfDate,
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

// ---------------------------------------------------------------------------------------------
// What the console sends and shows: calendar and policy inputs, their text, and the warnings
// a lead sees before saving targets.

/** A calendar as a lead saves it: its settings, the city it belongs to (by code, or shared). */
export const businessCalendarInputSchema = calendarSettingsSchema.safeExtend({
  cityCode: z.string().trim().min(1).max(10).nullable(),
  rolloutNote: rolloutNoteSchema,
});
export type BusinessCalendarInput = z.input<typeof businessCalendarInputSchema>;

export const updateBusinessCalendarInputSchema = businessCalendarInputSchema.safeExtend({
  id: z.uuid('Not a calendar id'),
});
export type UpdateBusinessCalendarInput = z.input<typeof updateBusinessCalendarInputSchema>;

export const businessCalendarIdInputSchema = z.object({ id: z.uuid('Not a calendar id') });

export const deleteBusinessCalendarInputSchema = businessCalendarIdInputSchema.extend({
  rolloutNote: rolloutNoteSchema,
});
export type DeleteBusinessCalendarInput = z.input<typeof deleteBusinessCalendarInputSchema>;

export const slaPolicyKeySchema = z.object({ inboxId: z.uuid('Choose an inbox') });

export const saveSlaPolicyInputSchema = slaPolicyInputSchema.extend({
  rolloutNote: rolloutNoteSchema,
});
export type SaveSlaPolicyInput = z.input<typeof saveSlaPolicyInputSchema>;

/** "15 min · business hours", "4 h · calendar time": one target as the console shows it. */
export function slaTargetText(target: SlaTarget): string {
  return `${durationText(target.minutes)} · ${target.businessHours ? 'business hours' : 'calendar time'}`;
}

/** "84 h", "37 h 30 min": a week's opening hours. */
export function weeklyHoursFigure(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * "Mon–Fri 09:00–18:00; Sat 10:00–14:00": days with the same hours in a row read as one
 * range; closed days are left out.
 */
export function weeklyHoursText(weekly: CalendarSettings['weekly']): string {
  const hoursOf = (day: Weekday) =>
    [...(weekly[day] ?? [])]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([from, to]) => `${from}–${to}`)
      .join(', ');
  const runs: Array<{ first: Weekday; last: Weekday; hours: string }> = [];
  for (const day of WEEKDAYS) {
    const hours = hoursOf(day);
    const previous = runs.at(-1);
    if (hours === '') continue;
    const follows = previous && WEEKDAYS.indexOf(previous.last) === WEEKDAYS.indexOf(day) - 1;
    if (previous && follows && previous.hours === hours) previous.last = day;
    else runs.push({ first: day, last: day, hours });
  }
  if (runs.length === 0) return 'Closed every day';
  return runs
    .map(({ first, last, hours }) =>
      first === last
        ? `${WEEKDAY_LABELS[first].slice(0, 3)} ${hours}`
        : `${WEEKDAY_LABELS[first].slice(0, 3)}–${WEEKDAY_LABELS[last].slice(0, 3)} ${hours}`,
    )
    .join('; ');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "25 Dec · Christmas Day (every year)", "2026-04-03 · Good Friday". */
export function holidayText(holiday: Holiday): string {
  if (!holiday.yearly) return `${holiday.date} · ${holiday.name}`;
  const [, month, day] = holiday.date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1] ?? '?'} · ${holiday.name} (every year)`;
}

/** A calendar as its change history reads it; the city by name. */
export type BusinessCalendarChangeView = {
  name: string;
  city: string | null;
  timeZone: string;
  alwaysOpen: boolean;
  weekly: CalendarSettings['weekly'];
  holidays: Holiday[];
};

/** The readable lines of a calendar's change ("Weekly hours: Mon–Fri … → Mon–Sun …"). */
export function describeBusinessCalendarChange(
  before: BusinessCalendarChangeView | null,
  after: BusinessCalendarChangeView,
): string[] {
  return describeChange(before, after, {
    name: { label: 'Name' },
    city: { label: 'City', format: (value) => (value ? String(value) : 'none (shared)') },
    timeZone: { label: 'Time zone' },
    alwaysOpen: { label: 'Open 24/7', format: (value) => (value ? 'yes' : 'no') },
    weekly: {
      label: 'Weekly hours',
      format: (value) => weeklyHoursText(value as CalendarSettings['weekly']),
    },
    holidays: { label: 'Holidays', format: (value) => holidayText(value as Holiday) },
  });
}

/** A policy as its change history reads it: the calendar by name (null: around the clock). */
export type SlaPolicyChangeView = {
  calendar: string | null;
  targets: Record<Priority, SlaPriorityTargets>;
};

const calendarName = (name: string | null) => name ?? 'none (around the clock)';

/**
 * The readable lines of an inbox's SLA change, target by target: "P2 · First response: 1 h ·
 * business hours → 30 min · business hours". A first policy is read against the defaults the
 * inbox ran on until then.
 */
export function describeSlaPolicyChange(
  before: SlaPolicyChangeView | null,
  after: SlaPolicyChangeView,
): string[] {
  const previous = before ?? { calendar: null, targets: DEFAULT_SLA_POLICY_TARGETS };
  const lines = before === null ? ['Own targets instead of the defaults'] : [];
  if (previous.calendar !== after.calendar) {
    lines.push(`Calendar: ${calendarName(previous.calendar)} → ${calendarName(after.calendar)}`);
  }
  for (const priority of PRIORITIES) {
    for (const kind of SLA_TARGET_KINDS) {
      const old = previous.targets[priority][kind];
      const next = after.targets[priority][kind];
      if (old.minutes === next.minutes && old.businessHours === next.businessHours) continue;
      lines.push(
        `${priority} · ${SLA_TARGET_LABELS[kind]}: ${slaTargetText(old)} → ${slaTargetText(next)}`,
      );
    }
  }
  return lines;
}

/** Something a lead should look at before saving targets; it does not stop the save. */
export interface SlaPolicyWarning {
  /** The target it is about, e.g. `targets.P1.firstResponse`. */
  path: string;
  message: string;
}

/**
 * Targets that look inverted: a more urgent priority given longer than the next less urgent
 * one, or a resolution due before the first response. Only warnings — minutes in business
 * hours and in calendar time do not compare exactly (4 h around the clock can be sooner than
 * 2 business hours on a Friday night), and a lead may mean it — so saving is never refused.
 */
export function slaPolicyWarnings(
  targets: Record<Priority, SlaPriorityTargets>,
): SlaPolicyWarning[] {
  const warnings: SlaPolicyWarning[] = [];
  for (const kind of SLA_TARGET_KINDS) {
    for (let index = 0; index < PRIORITIES.length - 1; index += 1) {
      const urgent = PRIORITIES[index]!;
      const lessUrgent = PRIORITIES[index + 1]!;
      const a = targets[urgent][kind];
      const b = targets[lessUrgent][kind];
      if (a.minutes > b.minutes) {
        warnings.push({
          path: `targets.${urgent}.${kind}`,
          message: `${urgent} ${SLA_TARGET_LABELS[kind].toLowerCase()} (${durationText(a.minutes)}) is longer than ${lessUrgent}'s (${durationText(b.minutes)}): the more urgent priority would wait longer`,
        });
      }
    }
  }
  for (const priority of PRIORITIES) {
    const { firstResponse, resolution } = targets[priority];
    if (resolution.minutes < firstResponse.minutes) {
      warnings.push({
        path: `targets.${priority}.resolution`,
        message: `${priority} resolution (${durationText(resolution.minutes)}) is due before its first response (${durationText(firstResponse.minutes)})`,
      });
    }
  }
  return warnings;
}

/** How far ahead the preview looks for an opening: a calendar closed longer than this never opens. */
const PREVIEW_DAYS = 400;

/**
 * The next time the calendar opens after `now` (a closed-to-open moment: an interval that
 * continues the one before it, like 00:00 after a day open until 24:00, is no opening), or
 * null when it is open around the clock or does not open within a year.
 */
export function nextOpeningAfter(calendar: BusinessCalendar, now: Date): Date | null {
  const today = localClock(now, calendar.timeZone).date;
  let previousEnd = Number.NEGATIVE_INFINITY;
  // From yesterday, so an interval running past midnight into today is known.
  for (let offset = -1; offset <= PREVIEW_DAYS; offset += 1) {
    const date = shiftDate(today, offset);
    if (calendar.holidays.includes(date)) continue;
    const intervals = [...(calendar.weekly[weekdayOfDate(date)] ?? [])].sort(([a], [b]) =>
      a.localeCompare(b),
    );
    for (const [from, to] of intervals) {
      const start = instantOfLocalTime(date, from, calendar.timeZone).getTime();
      const end = (
        to === '24:00'
          ? instantOfLocalTime(shiftDate(date, 1), '00:00', calendar.timeZone)
          : instantOfLocalTime(date, to, calendar.timeZone)
      ).getTime();
      if (end <= start) continue;
      if (start > now.getTime() && start > previousEnd) return new Date(start);
      previousEnd = Math.max(previousEnd, end);
    }
  }
  return null;
}

/**
 * The line under a calendar being edited: "Open 84 h a week; next opening Mon 08:00", with
 * "open now" when it is, and the date when the next opening is a week or more away. Times
 * are the calendar's own.
 */
export function calendarPreviewText(
  settings: Pick<CalendarSettings, 'timeZone' | 'alwaysOpen' | 'weekly' | 'holidays'>,
  now: Date = new Date(),
): string {
  if (settings.alwaysOpen) return 'Open 24/7: every minute counts';
  const minutes = weeklyOpenMinutes(settings);
  if (minutes === 0) return 'Never open: add hours or make it 24/7';
  const calendar = businessCalendarOf(settings, now);
  const week = `Open ${weeklyHoursFigure(minutes)} a week`;
  const openNow = isWithinBusinessHours(now, calendar) ? '; open now' : '';
  const next = nextOpeningAfter(calendar, now);
  if (!next) return `${week}${openNow}; no opening in the next year`;
  const local = localClock(next, settings.timeZone);
  const today = localClock(now, settings.timeZone).date;
  const daysAhead = Math.round(
    (Date.parse(`${local.date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  const day =
    daysAhead === 0
      ? 'today'
      : daysAhead < 7
        ? WEEKDAY_LABELS[local.weekday].slice(0, 3)
        : `${WEEKDAY_LABELS[local.weekday].slice(0, 3)} ${local.date}`;
  return `${week}${openNow}; next opening ${day} ${local.time}`;
}
