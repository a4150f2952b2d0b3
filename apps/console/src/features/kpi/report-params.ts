import {
  businessCalendarSchema,
  instantOfLocalTime,
  KPI_DRILLDOWNS,
  type KpiDrilldown,
  type KpiFilter,
  type KpiQuery,
  type KpiSlice,
  kpiFilterSchema,
  localClock,
  MAX_KPI_PERIOD_DAYS,
} from '@switchboard/domain';

/**
 * The report's view as it lives in the URL, so a link reproduces exactly what the lead saw:
 * whole local days (`from` and `to` both included) in a time zone, and the slices filtered on.
 */
export const REPORT_PARAMS = [
  'from',
  'to',
  'tz',
  'audience',
  'channel',
  'city',
  'inbox',
  'team',
  'agent',
  'requestType',
] as const;
export type ReportParam = (typeof REPORT_PARAMS)[number];
export type ReportParams = Partial<Record<ReportParam, string | undefined>>;

/** The URL parameter of each slice: `?city=<id>` filters on `cityId`. */
export const SLICE_PARAMS: Record<KpiSlice, Exclude<ReportParam, 'from' | 'to' | 'tz'>> = {
  audience: 'audience',
  channel: 'channel',
  city: 'city',
  inbox: 'inbox',
  team: 'team',
  agent: 'agent',
  requestType: 'requestType',
};

const FILTER_FIELDS = {
  audience: 'audience',
  channel: 'channel',
  city: 'cityId',
  inbox: 'inboxId',
  team: 'teamId',
  agent: 'agentId',
  requestType: 'requestTypeId',
} as const satisfies Record<(typeof SLICE_PARAMS)[KpiSlice], keyof KpiFilter>;

export const PERIOD_PRESETS = [7, 30, 90] as const;
export const DEFAULT_PERIOD_DAYS = 30;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const timeZoneSchema = businessCalendarSchema.shape.timeZone;

export interface ReportPeriod {
  /** First local day, included (YYYY-MM-DD). */
  from: string;
  /** Last local day, included (YYYY-MM-DD). */
  to: string;
  timeZone: string;
}

export interface ReportView {
  period: ReportPeriod;
  /** The preset the period matches (the last 7, 30 or 90 days), if any. */
  preset: (typeof PERIOD_PRESETS)[number] | undefined;
  filter: KpiFilter;
  /** What the KPI procedures take. */
  query: KpiQuery;
  /** Every parameter resolved and explicit: what links to other report pages carry. */
  params: ReportParams;
}

/** A calendar day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A real calendar day: 2026-02-30 is refused rather than read as 2 March. */
function isDay(value: string | undefined): value is string {
  return value !== undefined && DAY_PATTERN.test(value) && addDays(value, 0) === value;
}

/** The last `days` local days in the zone, today included. */
export function lastDays(days: number, timeZone: string, now = new Date()): ReportPeriod {
  const today = localClock(now, timeZone).date;
  return { from: addDays(today, -(days - 1)), to: today, timeZone };
}

export function timeZoneOf(raw: string | undefined, fallback: string): string {
  if (raw && timeZoneSchema.safeParse(raw).success) return raw;
  return timeZoneSchema.safeParse(fallback).success ? fallback : 'UTC';
}

/** The period in the URL when it is a real one (at most a year), else the last 30 days. */
export function periodOf(values: ReportParams, fallbackTimeZone: string, now = new Date()) {
  const timeZone = timeZoneOf(values.tz, fallbackTimeZone);
  const { from, to } = values;
  if (isDay(from) && isDay(to)) {
    const length = daysBetween(from, to) + 1;
    if (length >= 1 && length <= MAX_KPI_PERIOD_DAYS) return { from, to, timeZone };
  }
  return lastDays(DEFAULT_PERIOD_DAYS, timeZone, now);
}

/** The instants the server takes: local midnight of the first day to the one after the last. */
export function periodBounds(period: ReportPeriod): { from: Date; to: Date } {
  return {
    from: instantOfLocalTime(period.from, '00:00', period.timeZone),
    to: instantOfLocalTime(addDays(period.to, 1), '00:00', period.timeZone),
  };
}

/** The filters in the URL, each one dropped when it is not a valid value. */
export function filterOf(values: ReportParams): KpiFilter {
  const filter: Record<string, string> = {};
  for (const [param, field] of Object.entries(FILTER_FIELDS)) {
    const raw = values[param as keyof typeof FILTER_FIELDS];
    if (raw && kpiFilterSchema.shape[field].safeParse(raw).success) filter[field] = raw;
  }
  return filter as KpiFilter;
}

/** Reads the whole view from the URL's values; the time zone falls back to the viewer's. */
export function reportViewOf(
  values: ReportParams,
  fallbackTimeZone: string,
  now = new Date(),
): ReportView {
  const period = periodOf(values, fallbackTimeZone, now);
  const filter = filterOf(values);
  const preset = PERIOD_PRESETS.find((days) => {
    const candidate = lastDays(days, period.timeZone, now);
    return candidate.from === period.from && candidate.to === period.to;
  });
  const params: ReportParams = { from: period.from, to: period.to, tz: period.timeZone };
  for (const [param, field] of Object.entries(FILTER_FIELDS)) {
    params[param as keyof typeof FILTER_FIELDS] = filter[field];
  }
  return {
    period,
    preset,
    filter,
    query: { ...periodBounds(period), timeZone: period.timeZone, ...filter },
    params,
  };
}

/** `?from=…&to=…&tz=…&audience=driver`: the set parameters, in a stable order. */
export function reportSearch(params: ReportParams, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams(extra);
  for (const name of REPORT_PARAMS) {
    const value = params[name];
    if (value) search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The conversations behind a dashboard number, with the dashboard's period and filters. */
export function drilldownHref(drilldown: KpiDrilldown, params: ReportParams): string {
  return `/reports/conversations${reportSearch(params, { drilldown })}`;
}

export function dashboardHref(params: ReportParams): string {
  return `/reports${reportSearch(params)}`;
}

export function scorecardHref(agentId: string, params: ReportParams): string {
  return `/reports/agents/${encodeURIComponent(agentId)}${reportSearch({ ...params, agent: undefined })}`;
}

export function drilldownOf(raw: string | undefined): KpiDrilldown | undefined {
  return KPI_DRILLDOWNS.find((drilldown) => drilldown === raw);
}
