import type { ReportPeriod } from './report-params.ts';

const countFormat = new Intl.NumberFormat('en');
const percentFormat = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
const decimalFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const dayWithYearFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

export const NO_VALUE = '—';

export function formatCount(value: number): string {
  return countFormat.format(value);
}

export function formatRate(value: number | null): string {
  return value === null ? NO_VALUE : percentFormat.format(value);
}

export function formatDecimal(value: number | null): string {
  return value === null ? NO_VALUE : decimalFormat.format(value);
}

const UNITS: [string, number][] = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
];

/**
 * A duration as a lead reads it, to its two largest units: "45 s", "12 min", "3 h 5 min",
 * "2 d 4 h". Percentiles are whole seconds; anything past a day does not need its minutes.
 */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return NO_VALUE;
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total} s`;
  const parts: string[] = [];
  let rest = total;
  for (const [unit, size] of UNITS) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || parts.length > 0) parts.push(`${amount} ${unit}`);
    if (parts.length === 2) break;
  }
  return parts.filter((part) => !part.startsWith('0 ')).join(' ');
}

function dayOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** "14 Feb": a local day on a chart axis. */
export function formatDay(day: string): string {
  return dayFormat.format(dayOf(day));
}

/** "14 Feb – 15 Mar 2026"; one day alone when the period is one day. */
export function describeDays(from: string, to: string): string {
  if (from === to) return dayWithYearFormat.format(dayOf(to));
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const first = (sameYear ? dayFormat : dayWithYearFormat).format(dayOf(from));
  return `${first} – ${dayWithYearFormat.format(dayOf(to))}`;
}

export function describePeriod(period: ReportPeriod): string {
  return describeDays(period.from, period.to);
}

/** Which way is good for a KPI: fewer breaches, faster replies, more satisfied customers. */
export type Better = 'higher' | 'lower' | 'neither';

/** How a figure is compared: rates by percentage points, everything else by relative change. */
export type FigureKind = 'count' | 'rate' | 'seconds' | 'decimal';

export type ChangeTone = 'better' | 'worse' | 'same' | 'neutral' | 'unknown';

export interface FigureChange {
  /** "+2.3 pp", "−12%", "no change", or "—" when either side is missing. */
  text: string;
  tone: ChangeTone;
  /** Positive when the figure went up. */
  direction: -1 | 0 | 1;
}

const signed = (value: number, unit: string) =>
  `${value > 0 ? '+' : value < 0 ? '−' : '±'}${decimalFormat.format(Math.abs(value))}${unit}`;

/** The change from the previous period to this one, and whether that is good news. */
export function describeChange(
  current: number | null,
  previous: number | null,
  kind: FigureKind,
  better: Better,
): FigureChange {
  if (current === null || previous === null) {
    return { text: NO_VALUE, tone: 'unknown', direction: 0 };
  }
  const delta = current - previous;
  // Half a hundredth of a point, half a second: below what the card shows, so no change.
  const epsilon = kind === 'rate' ? 0.00005 : 0.5;
  if (Math.abs(delta) < epsilon) return { text: 'no change', tone: 'same', direction: 0 };
  const direction = delta > 0 ? 1 : -1;
  const tone: ChangeTone =
    better === 'neither' ? 'neutral' : (better === 'higher') === direction > 0 ? 'better' : 'worse';
  if (kind === 'rate') return { text: signed(delta * 100, ' pp'), tone, direction };
  if (previous === 0) return { text: direction > 0 ? 'new' : NO_VALUE, tone, direction };
  return { text: signed((delta / previous) * 100, '%'), tone, direction };
}

export const TONE_COLORS: Record<ChangeTone, string> = {
  better: 'teal',
  worse: 'red',
  same: 'dimmed',
  neutral: 'dimmed',
  unknown: 'dimmed',
};

export const TONE_WORDS: Record<ChangeTone, string> = {
  better: 'better',
  worse: 'worse',
  same: 'unchanged',
  neutral: 'changed',
  unknown: 'not comparable',
};
