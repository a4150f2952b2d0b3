import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** Opening hours in the calendar's own time zone; times "HH:MM", holidays "YYYY-MM-DD" local. */
export interface BusinessCalendar {
  timeZone: string;
  weekly: Partial<Record<Weekday, Array<[string, string]>>>;
  holidays: string[];
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Times are HH:MM, e.g. 09:30');

export const businessCalendarSchema = z.object({
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone; use an IANA name such as Europe/Lisbon'),
  weekly: z.partialRecord(
    z.enum(WEEKDAYS),
    z.array(
      z.tuple([hhmm, hhmm]).refine(([from, to]) => from < to, 'An interval closes after it opens'),
    ),
  ),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Holidays are YYYY-MM-DD')),
});

/**
 * Until a city has its own calendar (configured with SLA policies), support counts as open
 * every day from 08:00 to 20:00 in the city's time zone.
 */
export function defaultBusinessCalendar(timeZone: string): BusinessCalendar {
  const day: Array<[string, string]> = [['08:00', '20:00']];
  return {
    timeZone,
    weekly: Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, day])),
    holidays: [],
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date, weekday and time of an instant in a time zone. */
export function localClock(
  at: Date,
  timeZone: string,
): { date: string; weekday: Weekday; time: string } {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: String(parts.weekday).toLowerCase().slice(0, 3) as Weekday,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** Whether support is open at `at`: inside an interval of that local day, not a holiday. */
export function isWithinBusinessHours(at: Date, calendar: BusinessCalendar): boolean {
  const { date, weekday, time } = localClock(at, calendar.timeZone);
  if (calendar.holidays.includes(date)) return false;
  return (calendar.weekly[weekday] ?? []).some(([from, to]) => time >= from && time < to);
}

/** A local date (YYYY-MM-DD) `days` (and `months`) later or earlier, across month and year ends. */
export function shiftDate(date: string, days: number, months = 0): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1 + months, day + days)).toISOString().slice(0, 10);
}

/** The weekday of a local date (YYYY-MM-DD). */
export function weekdayOfDate(date: string): Weekday {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // 1970-01-05 was a Monday.
  const index = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1970, 0, 5)) / 86_400_000);
  return WEEKDAYS[((index % 7) + 7) % 7]!;
}
