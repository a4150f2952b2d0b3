import {
  CHANNELS,
  type Channel,
  csvField,
  hourOfWeekLabel,
  WEEKDAY_LABELS,
} from '@switchboard/domain';
import { CHANNEL_LABELS } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';

export type StaffingOverview = RouterOutputs['staffing']['overview'];
export type StaffingInterval = StaffingOverview['intervals'][number];
export type StaffingShiftRow = StaffingOverview['shifts'][number];

const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });

/** Agents as a lead reads them: whole where whole, one decimal where a shift covers part. */
export function agentsText(agents: number): string {
  return oneDecimal.format(agents);
}

/** "+1.5", "−2", "0": the sign says spare or short. */
export function gapText(gap: number): string {
  const rounded = Math.round(gap * 10) / 10;
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${oneDecimal.format(rounded)}` : `−${oneDecimal.format(-rounded)}`;
}

export function serviceLevelText(serviceLevel: number | null): string {
  return serviceLevel === null ? '—' : percent.format(serviceLevel);
}

/** Contacts expected in the hour, e.g. "3.4". */
export function arrivalsText(arrivals: number): string {
  return oneDecimal.format(arrivals);
}

/** Why a cell of the week grid has its colour, for screen readers and tooltips. */
export function intervalDescription(interval: StaffingInterval): string {
  const { weekday, hour } = interval;
  const time = `${WEEKDAY_LABELS[weekday]} ${String(hour).padStart(2, '0')}:00`;
  const verdict =
    interval.gap < -1e-9
      ? `short by ${agentsText(-interval.gap)}`
      : interval.gap > 1e-9
        ? `${agentsText(interval.gap)} spare`
        : 'covered';
  return `${time}: forecast ${arrivalsText(interval.totalArrivals)}, required ${interval.required}, scheduled ${agentsText(interval.scheduled)} — ${verdict}`;
}

/** The channels with any forecast this week, in the usual order. */
export function forecastChannels(intervals: readonly StaffingInterval[]): Channel[] {
  return CHANNELS.filter((channel) =>
    intervals.some((interval) => (interval.arrivals[channel] ?? 0) > 0),
  );
}

/** Numbers go in as they are: only text can be mistaken for a formula (csvField). */
function numberCell(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * The hour-by-hour table as CSV (RFC 4180, CRLF): numbers plain so a spreadsheet sums them,
 * one forecast column per channel, the projected service level as a share 0–1.
 */
export function intervalsCsv(intervals: readonly StaffingInterval[]): string {
  const header = [
    'Hour of week',
    'Day',
    'Hour',
    ...CHANNELS.map((channel) => `Forecast ${CHANNEL_LABELS[channel]}`),
    'Forecast total',
    'Workload (Erlangs)',
    'Required agents',
    'Scheduled agents',
    'Gap',
    'Projected service level',
  ];
  const lines = [header.map(csvField).join(',')];
  for (const interval of intervals) {
    const text = [
      hourOfWeekLabel(interval.hourOfWeek),
      WEEKDAY_LABELS[interval.weekday],
      `${String(interval.hour).padStart(2, '0')}:00`,
    ].map(csvField);
    const numbers = [
      ...CHANNELS.map((channel) => numberCell(interval.arrivals[channel] ?? 0)),
      numberCell(interval.totalArrivals),
      numberCell(interval.workloadErlangs),
      String(interval.required),
      numberCell(interval.scheduled),
      numberCell(interval.gap),
      interval.scheduledServiceLevel === null
        ? ''
        : String(Math.round(interval.scheduledServiceLevel * 1000) / 1000),
    ];
    lines.push([...text, ...numbers].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
