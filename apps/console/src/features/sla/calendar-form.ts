import type { FormErrors } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import {
  type BusinessCalendarInput,
  businessCalendarInputSchema,
  type CalendarSettings,
  calendarPreviewText,
  calendarSettingsSchema,
  type Holiday,
  holidaySchema,
  WEEKDAYS,
  type Weekday,
} from '@switchboard/domain';
import type { IntervalValues } from '../escalations/matrix-form.ts';

/*
 * The calendar editor's form: a business calendar as a lead edits it. Every weekday has a
 * (possibly empty) list of intervals and list rows carry keys for React; `calendarInputOf`
 * turns it back into what the server takes, and validation runs the very schema the server
 * enforces, with its errors moved onto the inputs that show them.
 */

export interface HolidayValues {
  key: string;
  date: string;
  name: string;
  yearly: boolean;
}

export interface CalendarFormValues {
  name: string;
  /** null: shared, no city. */
  cityCode: string | null;
  timeZone: string;
  alwaysOpen: boolean;
  weekly: Record<Weekday, IntervalValues[]>;
  holidays: HolidayValues[];
  rolloutNote: string;
}

interface StoredCalendar {
  name: string;
  cityCode: string | null;
  timeZone: string;
  alwaysOpen: boolean;
  weekly: CalendarSettings['weekly'];
  holidays: Holiday[];
}

/** A new calendar: weekdays 09:00–18:00, to be changed. */
export function newCalendarValues(): CalendarFormValues {
  const weekday = (day: Weekday) =>
    day === 'sat' || day === 'sun' ? [] : [interval('09:00', '18:00')];
  return {
    name: '',
    cityCode: null,
    timeZone: 'UTC',
    alwaysOpen: false,
    weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, weekday(day)])) as Record<
      Weekday,
      IntervalValues[]
    >,
    holidays: [],
    rolloutNote: '',
  };
}

function interval(from: string, to: string): IntervalValues {
  return { key: randomId(), from, to };
}

export function newHoliday(): HolidayValues {
  return { key: randomId(), date: '', name: '', yearly: true };
}

export function calendarFormValuesOf(calendar: StoredCalendar): CalendarFormValues {
  return {
    name: calendar.name,
    cityCode: calendar.cityCode,
    timeZone: calendar.timeZone,
    alwaysOpen: calendar.alwaysOpen,
    weekly: Object.fromEntries(
      WEEKDAYS.map((day) => [
        day,
        (calendar.weekly[day] ?? []).map(([from, to]) => interval(from, to)),
      ]),
    ) as Record<Weekday, IntervalValues[]>,
    holidays: calendar.holidays.map((holiday) => ({ key: randomId(), ...holiday })),
    rolloutNote: '',
  };
}

/** The calendar the form describes; closed days are left out of the weekly hours. */
export function calendarInputOf(values: CalendarFormValues): BusinessCalendarInput {
  const weekly: CalendarSettings['weekly'] = {};
  for (const day of WEEKDAYS) {
    const intervals = values.weekly[day];
    if (intervals.length > 0) {
      weekly[day] = intervals.map(({ from, to }) => [from.trim(), to.trim()]);
    }
  }
  return {
    name: values.name,
    cityCode: values.cityCode,
    timeZone: values.timeZone.trim(),
    alwaysOpen: values.alwaysOpen,
    weekly,
    holidays: values.holidays.map(({ date, name, yearly }) => ({ date, name, yearly })),
    rolloutNote: values.rolloutNote,
  };
}

/**
 * Where the form shows an error the schema (or the server) gives: an interval's on its
 * "from" or "to" input (the tuple's own check, "closes after it opens", on "to"), a day's
 * overlap under that day, a holiday's on its date or name.
 */
export function calendarFormPathOf(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'weekly' && parts.length >= 3) {
    const end = parts[3] === '0' ? 'from' : 'to';
    return `weekly.${parts[1]}.${parts[2]}.${end}`;
  }
  if (parts[0] === 'holidays' && parts.length >= 3) {
    return `holidays.${parts[1]}.${parts[2] === 'name' ? 'name' : parts[2] === 'yearly' ? 'yearly' : 'date'}`;
  }
  return parts.join('.');
}

export function validateCalendarForm(values: CalendarFormValues): FormErrors {
  const errors: FormErrors = {};
  const parsed = businessCalendarInputSchema.safeParse(calendarInputOf(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors[calendarFormPathOf(issue.path)] ??= issue.message;
    }
  }
  return errors;
}

/** What Save sends, once the form is valid: text trimmed, an empty note left out. */
export function calendarSaveInputOf(values: CalendarFormValues) {
  return businessCalendarInputSchema.parse(calendarInputOf(values));
}

/**
 * "Open 98 h a week; next opening Tue 08:00" for the hours as they stand, or why there is
 * no preview yet.
 */
export function previewOf(values: CalendarFormValues, now: Date = new Date()): string {
  const input = calendarInputOf(values);
  // Holidays still being typed are left out rather than holding the preview back.
  const holidays = input.holidays.filter((holiday) => holidaySchema.safeParse(holiday).success);
  const parsed = calendarSettingsSchema.safeParse({ ...input, name: 'preview', holidays: [] });
  if (!parsed.success) return 'The preview shows once the time zone and hours are valid.';
  return calendarPreviewText({ ...parsed.data, holidays }, now);
}
