import { type BusinessCalendar, localClock, WEEKDAYS, type Weekday } from './calendar.ts';

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

function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): Weekday {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // 1970-01-05 was a Monday.
  const index = Math.floor((Date.UTC(year, month - 1, day) - Date.UTC(1970, 0, 5)) / DAY_MS);
  return WEEKDAYS[((index % 7) + 7) % 7] as Weekday;
}

const intervalCache = new WeakMap<BusinessCalendar, Map<string, Array<[number, number]>>>();

/** The calendar's open intervals on one local date, as instants, in order (memoised per calendar). */
function openIntervalsOn(date: string, calendar: BusinessCalendar): Array<[number, number]> {
  let byDate = intervalCache.get(calendar);
  if (!byDate) {
    byDate = new Map();
    intervalCache.set(calendar, byDate);
  }
  let intervals = byDate.get(date);
  if (!intervals) {
    intervals = computeOpenIntervals(date, calendar);
    if (byDate.size > 5_000) byDate.clear();
    byDate.set(date, intervals);
  }
  return intervals;
}

function computeOpenIntervals(date: string, calendar: BusinessCalendar): Array<[number, number]> {
  if (calendar.holidays.includes(date)) return [];
  return [...(calendar.weekly[weekdayOf(date)] ?? [])]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([from, to]): [number, number] => [
      instantOfLocalTime(date, from, calendar.timeZone).getTime(),
      to === '24:00'
        ? instantOfLocalTime(nextDate(date), '00:00', calendar.timeZone).getTime()
        : instantOfLocalTime(date, to, calendar.timeZone).getTime(),
    ])
    .filter(([from, to]) => to > from);
}

/** Open intervals from the local date of `from` onwards, lazily, for at most ten years. */
function* openIntervalsFrom(from: Date, calendar: BusinessCalendar): Generator<[number, number]> {
  let date = localClock(from, calendar.timeZone).date;
  for (let day = 0; day < MAX_DAYS_AHEAD; day += 1) {
    yield* openIntervalsOn(date, calendar);
    date = nextDate(date);
  }
}

export class CalendarNeverOpensError extends Error {
  constructor() {
    super('The calendar has no business hours: add weekly hours or make it 24/7');
    this.name = 'CalendarNeverOpensError';
  }
}

/**
 * The instant `minutes` business minutes after `start`. A start outside hours counts from the
 * next opening; minutes that run out exactly at a closing time end at that closing time.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  let remainingMs = Math.max(0, minutes) * MINUTE_MS;
  const cursor = start.getTime();
  for (const [open, close] of openIntervalsFrom(start, calendar)) {
    if (close <= cursor) continue;
    const from = Math.max(open, cursor);
    if (remainingMs <= close - from) return new Date(from + remainingMs);
    remainingMs -= close - from;
  }
  throw new CalendarNeverOpensError();
}

/** Open intervals ending on or before the local date of `from`, latest first, for ten years. */
function* openIntervalsBefore(from: Date, calendar: BusinessCalendar): Generator<[number, number]> {
  let date = localClock(from, calendar.timeZone).date;
  for (let day = 0; day < MAX_DAYS_AHEAD; day += 1) {
    yield* [...openIntervalsOn(date, calendar)].reverse();
    date = previousDate(date);
  }
}

function previousDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
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
  for (const [open, close] of openIntervalsBefore(end, calendar)) {
    if (open >= cursor) continue;
    const to = Math.min(close, cursor);
    if (remainingMs <= to - open) return new Date(to - remainingMs);
    remainingMs -= to - open;
  }
  throw new CalendarNeverOpensError();
}

/** Business minutes in [from, to): only the overlap with opening hours; 0 unless to > from. */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  let totalMs = 0;
  for (const [open, close] of openIntervalsFrom(from, calendar)) {
    if (open >= end) break;
    totalMs += Math.max(0, Math.min(close, end) - Math.max(open, start));
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
