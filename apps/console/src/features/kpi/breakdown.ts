import {
  type KpiBreakdownRow,
  type KpiFigures,
  ratio,
  SLA_TARGET_KINDS,
} from '@switchboard/domain';
import { type Better, formatCount, formatRate, formatSeconds } from './kpi-format.ts';
import { type CsvColumn, rateValue } from './report-csv.ts';

export type BreakdownRow = KpiBreakdownRow & { label: string };

export interface BreakdownColumn {
  key: string;
  header: string;
  /** Shown under the header: what the column divides or measures. */
  hint: string;
  better: Better;
  /** What the column sorts by; null sorts last whichever the direction. */
  value: (row: BreakdownRow) => number | null;
  format: (row: BreakdownRow) => string;
}

const count = (value: number) => formatCount(value);

export const BREAKDOWN_COLUMNS: readonly BreakdownColumn[] = [
  {
    key: 'created',
    header: 'Created',
    hint: 'conversations',
    better: 'neither',
    value: (row) => row.created,
    format: (row) => count(row.created),
  },
  {
    key: 'frt',
    header: 'First response',
    hint: 'p50 business',
    better: 'lower',
    value: (row) => row.firstResponseP50BusinessSeconds,
    format: (row) => formatSeconds(row.firstResponseP50BusinessSeconds),
  },
  {
    key: 'resolution',
    header: 'Resolution',
    hint: 'p50 business',
    better: 'lower',
    value: (row) => row.resolutionP50BusinessSeconds,
    format: (row) => formatSeconds(row.resolutionP50BusinessSeconds),
  },
  {
    key: 'sla',
    header: 'SLA met',
    hint: 'all targets',
    better: 'higher',
    value: (row) => ratio(row.slaMet, row.slaDue),
    format: (row) => formatRate(ratio(row.slaMet, row.slaDue)),
  },
  {
    key: 'csat',
    header: 'CSAT',
    hint: '4–5 of rated',
    better: 'higher',
    value: (row) => ratio(row.positiveRatings, row.ratings),
    format: (row) => formatRate(ratio(row.positiveRatings, row.ratings)),
  },
  {
    key: 'fcr',
    header: 'FCR',
    hint: 'one-touch',
    better: 'higher',
    value: (row) => ratio(row.oneTouch, row.resolved),
    format: (row) => formatRate(ratio(row.oneTouch, row.resolved)),
  },
  {
    key: 'reopen',
    header: 'Reopened',
    hint: 'within 7 days',
    better: 'lower',
    value: (row) => ratio(row.reopened, row.resolved),
    format: (row) => formatRate(ratio(row.reopened, row.resolved)),
  },
  {
    key: 'escalation',
    header: 'Escalated',
    hint: 'of created',
    better: 'lower',
    value: (row) => ratio(row.escalated, row.created),
    format: (row) => formatRate(ratio(row.escalated, row.created)),
  },
  {
    key: 'open',
    header: 'Open',
    hint: 'now',
    better: 'lower',
    value: (row) => row.open,
    format: (row) => count(row.open),
  },
];

export type SortDirection = 'asc' | 'desc';

export function sortColumnOf(raw: string | undefined): BreakdownColumn | undefined {
  return BREAKDOWN_COLUMNS.find((column) => column.key === raw);
}

/** The rows by one column; rows without a value (nothing to divide) last either way. */
export function sortBreakdown(
  rows: readonly BreakdownRow[],
  column: BreakdownColumn | undefined,
  direction: SortDirection,
): BreakdownRow[] {
  if (!column) return [...rows];
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = column.value(a);
    const right = column.value(b);
    if (left === null || right === null) {
      return left === right ? a.label.localeCompare(b.label) : left === null ? 1 : -1;
    }
    return left === right ? a.label.localeCompare(b.label) : (left - right) * sign;
  });
}

/** The whole filter as one row, from the dashboard's own figures (the same SQL, unsplit). */
export function totalRowOf(figures: KpiFigures, label: string): BreakdownRow {
  const sla = SLA_TARGET_KINDS.map((target) => figures.sla[target]);
  return {
    key: null,
    label,
    created: figures.created,
    firstResponseP50BusinessSeconds: figures.firstResponse.p50BusinessSeconds,
    firstResponseP90BusinessSeconds: figures.firstResponse.p90BusinessSeconds,
    resolutionP50BusinessSeconds: figures.resolution.p50BusinessSeconds,
    resolutionP90BusinessSeconds: figures.resolution.p90BusinessSeconds,
    firstResponses: figures.firstResponse.count,
    resolutions: figures.resolution.count,
    slaDue: sla.reduce((sum, target) => sum + target.due, 0),
    slaMet: sla.reduce((sum, target) => sum + target.met, 0),
    ratings: figures.csat.ratings,
    positiveRatings: figures.csat.positive,
    resolved: figures.fcr.resolved,
    oneTouch: figures.fcr.oneTouch,
    reopened: figures.reopen.reopened,
    escalated: figures.escalation.escalated,
    open: figures.backlog.open,
  };
}

/** Raw counts and seconds beside the rates, so a spreadsheet can re-aggregate them. */
export function breakdownCsvColumns(sliceLabel: string): CsvColumn<BreakdownRow>[] {
  return [
    { header: sliceLabel, value: (row) => row.label },
    { header: 'Id', value: (row) => row.key },
    { header: 'Created', value: (row) => row.created },
    { header: 'First responses', value: (row) => row.firstResponses },
    {
      header: 'First response p50 (business s)',
      value: (row) => row.firstResponseP50BusinessSeconds,
    },
    {
      header: 'First response p90 (business s)',
      value: (row) => row.firstResponseP90BusinessSeconds,
    },
    { header: 'Resolutions', value: (row) => row.resolutions },
    { header: 'Resolution p50 (business s)', value: (row) => row.resolutionP50BusinessSeconds },
    { header: 'Resolution p90 (business s)', value: (row) => row.resolutionP90BusinessSeconds },
    { header: 'SLA due', value: (row) => row.slaDue },
    { header: 'SLA met', value: (row) => row.slaMet },
    { header: 'SLA attainment', value: (row) => rateValue(ratio(row.slaMet, row.slaDue)) },
    { header: 'Ratings', value: (row) => row.ratings },
    { header: 'Ratings 4-5', value: (row) => row.positiveRatings },
    { header: 'CSAT', value: (row) => rateValue(ratio(row.positiveRatings, row.ratings)) },
    { header: 'First resolved', value: (row) => row.resolved },
    { header: 'One-touch', value: (row) => row.oneTouch },
    { header: 'FCR', value: (row) => rateValue(ratio(row.oneTouch, row.resolved)) },
    { header: 'Reopened', value: (row) => row.reopened },
    { header: 'Reopen rate', value: (row) => rateValue(ratio(row.reopened, row.resolved)) },
    { header: 'Escalated', value: (row) => row.escalated },
    { header: 'Escalation rate', value: (row) => rateValue(ratio(row.escalated, row.created)) },
    { header: 'Open now', value: (row) => row.open },
  ];
}
