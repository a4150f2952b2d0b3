import { durationText, TEAM_KIND_LABELS, type TeamKind } from '@switchboard/domain';
import type { RouterOutputs } from '@switchboard/ui/trpc';

export type TurnaroundRow = RouterOutputs['escalations']['report'][number];

export const REPORT_PERIODS = [7, 30, 90] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** The period in the address, 30 days unless it names one the page offers. */
export function reportPeriodOf(raw: string | undefined): ReportPeriod {
  return REPORT_PERIODS.find((days) => String(days) === raw) ?? 30;
}

export function teamKindLabel(teamKind: string): string {
  return teamKind in TEAM_KIND_LABELS ? TEAM_KIND_LABELS[teamKind as TeamKind] : teamKind;
}

/**
 * A turnaround percentile as a lead reads it. The report measures calendar minutes with
 * seconds in them; a whole minute is precise enough. Null: nothing was acknowledged or
 * resolved in the period.
 */
export function turnaroundText(minutes: number | null): string {
  return minutes === null ? '—' : durationText(Math.round(minutes));
}

const CSV_COLUMNS: [string, (row: TurnaroundRow) => string | number][] = [
  ['Team', (row) => teamKindLabel(row.teamKind)],
  ['Sent', (row) => row.sent],
  ['Active', (row) => row.active],
  ['Breached now', (row) => row.breached],
  ['Resolved', (row) => row.resolved],
  ['Returned', (row) => row.returned],
  ['Acknowledge p50 (min)', (row) => row.acknowledgeMinutes.p50 ?? ''],
  ['Acknowledge p90 (min)', (row) => row.acknowledgeMinutes.p90 ?? ''],
  ['Resolve p50 (min)', (row) => row.resolveMinutes.p50 ?? ''],
  ['Resolve p90 (min)', (row) => row.resolveMinutes.p90 ?? ''],
];

function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(Math.round(value * 100) / 100) : value;
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The report as CSV, minutes as numbers so a spreadsheet can sum and chart them. */
export function turnaroundCsv(rows: readonly TurnaroundRow[]): string {
  const lines = [
    CSV_COLUMNS.map(([header]) => csvCell(header)).join(','),
    ...rows.map((row) => CSV_COLUMNS.map(([, value]) => csvCell(value(row))).join(',')),
  ];
  return `${lines.join('\n')}\n`;
}
