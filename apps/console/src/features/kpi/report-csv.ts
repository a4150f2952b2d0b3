import { csvField } from '@switchboard/domain';

/**
 * Excel reads a CSV without a byte-order mark in the machine's legacy code page, which
 * garbles accents in names and subjects.
 */
const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | null;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

/**
 * One field: text through the domain's RFC 4180 quoting (with its guard against formulas),
 * numbers as they are so a spreadsheet can sum them (a negative one is not a formula), and
 * nothing for a missing value.
 */
function field(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return csvField(value);
}

/** The rows as CSV with a header row, CRLF line ends (RFC 4180). */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => csvField(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => field(column.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The CSV as a file a spreadsheet opens in UTF-8. */
export function csvFile<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  return `${UTF8_BOM}${toCsv(columns, rows)}`;
}

/** A rate as a number with four decimals (0.8125), empty when there was nothing to divide. */
export function rateValue(value: number | null): CsvValue {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

/** "reports-2026-02-14-to-2026-03-15.csv": the period in the name, so downloads do not collide. */
export function reportFileName(name: string, period: { from: string; to: string }): string {
  return `${name}-${period.from}-to-${period.to}.csv`;
}
