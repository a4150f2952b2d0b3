import {
  type BusinessCalendar,
  localClock,
  shiftDate,
  WEEKDAYS,
  weekdayOfDate,
} from './calendar.ts';

/*
 * Business time is counted in real elapsed minutes while the calendar is open: an interval that
 * spans a daylight-saving change is as long as the clock on the wall says it lasted, no more and
 * no less. Days are walked in the calendar's own time zone.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Further than any target reaches: a calendar with no opening in ten years has none at all. */
const MAX_DAYS_AHEAD = 3_660;

/** Local wall time minus UTC at an instant, in ms (whole minutes in every modern zone). */
function offsetAt(instant: number, timeZone: string): number {
  const flooredToMinute = instant - (((instant % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
  const { date, time } = localClock(new Date(flooredToMinute), timeZone);
  return wallClockAsUtc(date, time) - flooredToMinute;
}

function wallClockAsUtc(date: string, time: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return Date.UTC(year, month - 1, day, hour, minute);
}

/**
 * The instant a local wall-clock time names. A time skipped by a spring-forward change is
 * read with the offset before it (02:30 becomes 03:30 summer time); a time repeated in
 * autumn is its first occurrence.
 */
export function instantOfLocalTime(date: string, time: string, timeZone: string): Date {
  const wall = wallClockAsUtc(date, time);
  const before = offsetAt(wall - DAY_MS / 2, timeZone);
  const after = offsetAt(wall + DAY_MS / 2, timeZone);
  const withBefore = wall - before;
  const withAfter = wall - after;
  if (offsetAt(withBefore, timeZone) === before) return new Date(withBefore);
  if (offsetAt(withAfter, timeZone) === after) return new Date(withAfter);
  return new Date(withBefore);
}

function computeOpenIntervals(date: string, calendar: BusinessCalendar): Array<[number, number]> {
  if (calendar.holidays.includes(date)) return [];
  return [...(calendar.weekly[weekdayOfDate(date)] ?? [])]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([from, to]): [number, number] => [
      instantOfLocalTime(date, from, calendar.timeZone).getTime(),
      to === '24:00'
        ? instantOfLocalTime(shiftDate(date, 1), '00:00', calendar.timeZone).getTime()
        : instantOfLocalTime(date, to, calendar.timeZone).getTime(),
    ])
    .filter(([from, to]) => to > from);
}

/** Days of opening hours worked out first (most targets end within days), then per extension. */
const FIRST_DAYS = 45;
const CHUNK_DAYS = 400;

/**
 * A calendar's open intervals as instants, for a stretch of local dates, in order: worked out
 * once (the time-zone arithmetic is the slow part) and then searched, so adding business
 * minutes is a binary search and a short walk over numbers.
 */
class OpenHours {
  opens: number[] = [];
  closes: number[] = [];
  firstDate = '';
  lastDate = '';
  /** Instants covered: [startMs, endMs). */
  startMs = 0;
  endMs = 0;

  constructor(private readonly calendar: BusinessCalendar) {}

  private build(firstDate: string, lastDate: string) {
    const opens: number[] = [];
    const closes: number[] = [];
    for (let date = firstDate; date <= lastDate; date = shiftDate(date, 1)) {
      for (const [open, close] of computeOpenIntervals(date, this.calendar)) {
        opens.push(open);
        closes.push(close);
      }
    }
    this.opens = opens;
    this.closes = closes;
    this.firstDate = firstDate;
    this.lastDate = lastDate;
    const zone = this.calendar.timeZone;
    this.startMs = instantOfLocalTime(firstDate, '00:00', zone).getTime();
    this.endMs = instantOfLocalTime(shiftDate(lastDate, 1), '00:00', zone).getTime();
  }

  /** Makes sure [from, to) is covered (at most ten years ahead or behind). */
  cover(from: number, to: number) {
    if (this.opens.length === 0 && this.firstDate === '') {
      const date = localClock(new Date(from), this.calendar.timeZone).date;
      this.build(shiftDate(date, -7), shiftDate(date, FIRST_DAYS));
    }
    if (from < this.startMs + DAY_MS) {
      const date = localClock(new Date(from), this.calendar.timeZone).date;
      this.build(shiftDate(date, -CHUNK_DAYS), this.lastDate);
    }
    if (to >= this.endMs - DAY_MS) {
      const date = localClock(
        new Date(Math.min(to, this.endMs + MAX_DAYS_AHEAD * DAY_MS)),
        this.calendar.timeZone,
      ).date;
      this.build(this.firstDate, shiftDate(date, CHUNK_DAYS));
    }
  }

  /** The first interval that closes after `at`. */
  firstClosingAfter(at: number): number {
    let low = 0;
    let high = this.closes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.closes[middle]! <= at) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

const openHoursCache = new WeakMap<BusinessCalendar, OpenHours>();

function openHoursOf(calendar: BusinessCalendar): OpenHours {
  let hours = openHoursCache.get(calendar);
  if (!hours) {
    hours = new OpenHours(calendar);
    openHoursCache.set(calendar, hours);
  }
  return hours;
}

export class CalendarNeverOpensError extends Error {
  constructor() {
    super('The calendar has no business hours: add weekly hours or make it 24/7');
    this.name = 'CalendarNeverOpensError';
  }
}

const TEN_YEARS_MS = MAX_DAYS_AHEAD * DAY_MS;

/**
 * The instant `minutes` business minutes after `start`. A start outside hours counts from the
 * next opening; minutes that run out exactly at a closing time end at that closing time.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  let remainingMs = Math.max(0, minutes) * MINUTE_MS;
  const cursor = start.getTime();
  const hours = openHoursOf(calendar);
  hours.cover(cursor, cursor + DAY_MS);
  for (let index = hours.firstClosingAfter(cursor); ; index += 1) {
    if (index >= hours.closes.length) {
      if (hours.endMs - cursor > TEN_YEARS_MS) break;
      hours.cover(cursor, hours.endMs + DAY_MS);
      if (index >= hours.closes.length) continue;
    }
    const from = Math.max(hours.opens[index]!, cursor);
    const close = hours.closes[index]!;
    if (remainingMs <= close - from) return new Date(from + remainingMs);
    remainingMs -= close - from;
  }
  throw new CalendarNeverOpensError();
}

/**
 * The instant `minutes` business minutes before `end` (the mirror of addBusinessMinutes): an
 * end outside hours counts back from the last closing; minutes that run out exactly at an
 * opening end at that opening. Used when a target shrinks (a priority raised).
 */
export function subtractBusinessMinutes(
  end: Date,
  minutes: number,
  calendar: BusinessCalendar,
): Date {
  let remainingMs = Math.max(0, minutes) * MINUTE_MS;
  const cursor = end.getTime();
  const hours = openHoursOf(calendar);
  hours.cover(cursor - DAY_MS, cursor);
  let index = hours.firstClosingAfter(cursor);
  // The interval containing `end` (if any) is at `index`; earlier ones come before it.
  if (index >= hours.opens.length || hours.opens[index]! >= cursor) index -= 1;
  for (;;) {
    if (index < 0) {
      if (cursor - hours.startMs > TEN_YEARS_MS) break;
      const before = hours.opens.length;
      hours.cover(hours.startMs - DAY_MS, cursor);
      index += hours.opens.length - before;
      if (index < 0) continue;
    }
    const open = hours.opens[index]!;
    const to = Math.min(hours.closes[index]!, cursor);
    if (remainingMs <= to - open) return new Date(to - remainingMs);
    remainingMs -= to - open;
    index -= 1;
  }
  throw new CalendarNeverOpensError();
}

/** Business minutes in [from, to): only the overlap with opening hours; 0 unless to > from. */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  const hours = openHoursOf(calendar);
  hours.cover(start, end);
  let totalMs = 0;
  for (let index = hours.firstClosingAfter(start); index < hours.closes.length; index += 1) {
    const open = hours.opens[index]!;
    if (open >= end) break;
    totalMs += Math.max(0, Math.min(hours.closes[index]!, end) - Math.max(open, start));
  }
  return totalMs / MINUTE_MS;
}

/** Open every minute of every day: targets in calendar time. */
export function alwaysOpenCalendar(timeZone = 'UTC'): BusinessCalendar {
  return {
    timeZone,
    weekly: Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, [['00:00', '24:00']]])),
    holidays: [],
  };
}
