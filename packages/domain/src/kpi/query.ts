import { z } from 'zod';
import { audienceSchema, channelSchema } from '../shared/enums.ts';
import { businessCalendarSchema } from '../sla/calendar.ts';

/** The slices of DOMAIN.md "KPI formulas": every KPI can be filtered and broken down by them. */
export const KPI_SLICES = [
  'audience',
  'channel',
  'city',
  'inbox',
  'team',
  'agent',
  'requestType',
] as const;
export type KpiSlice = (typeof KPI_SLICES)[number];

export const KPI_SLICE_LABELS: Record<KpiSlice, string> = {
  audience: 'Audience',
  channel: 'Channel',
  city: 'City',
  inbox: 'Inbox',
  team: 'Team',
  agent: 'Agent',
  requestType: 'Request type',
};

export const kpiFilterSchema = z.object({
  audience: audienceSchema.optional(),
  channel: channelSchema.optional(),
  cityId: z.uuid('City: not a city id').optional(),
  inboxId: z.uuid('Inbox: not an inbox id').optional(),
  teamId: z.uuid('Team: not a team id').optional(),
  agentId: z.string().min(1).max(100).optional(),
  requestTypeId: z.uuid('Request type: not a request type id').optional(),
});
export type KpiFilter = z.infer<typeof kpiFilterSchema>;

export const MAX_KPI_PERIOD_DAYS = 366;

export const kpiPeriodSchema = z
  .object({
    from: z.coerce.date({ error: 'From: enter a date' }),
    to: z.coerce.date({ error: 'To: enter a date' }),
    /** Days of the inflow/outflow series are local days in this zone. */
    timeZone: businessCalendarSchema.shape.timeZone.default('UTC'),
  })
  .refine((period) => period.to > period.from, { message: 'To must be after from', path: ['to'] })
  .refine(
    (period) => period.to.getTime() - period.from.getTime() <= MAX_KPI_PERIOD_DAYS * 86_400_000,
    { message: `A report covers at most ${MAX_KPI_PERIOD_DAYS} days`, path: ['from'] },
  );

export const kpiQuerySchema = z.intersection(kpiPeriodSchema, kpiFilterSchema);
export type KpiQuery = z.infer<typeof kpiQuerySchema>;

export const kpiBreakdownQuerySchema = z.intersection(
  kpiQuerySchema,
  z.object({ by: z.enum(KPI_SLICES, { error: 'Break down by: choose a slice' }) }),
);
export type KpiBreakdownQuery = z.infer<typeof kpiBreakdownQuerySchema>;

/** The period just before, of the same length: what a dashboard compares with. */
export function previousPeriod<T extends { from: Date; to: Date }>(period: T): T {
  const length = period.to.getTime() - period.from.getTime();
  return { ...period, from: new Date(period.from.getTime() - length), to: new Date(period.from) };
}

/** The conversations behind a number on the dashboard (drill-down). */
export const KPI_DRILLDOWNS = [
  'created',
  'firstResponded',
  'resolved',
  'slaMissed',
  'open',
  'breachedOpen',
  'transferred',
  'escalated',
  'reopened',
  'notOneTouch',
  'rated',
  'detractors',
] as const;
export type KpiDrilldown = (typeof KPI_DRILLDOWNS)[number];

export const KPI_DRILLDOWN_LABELS: Record<KpiDrilldown, string> = {
  created: 'Created in the period',
  firstResponded: 'First response in the period (slowest first)',
  resolved: 'Resolved in the period (slowest first)',
  slaMissed: 'Missed an SLA target due in the period',
  open: 'Open now (oldest first)',
  breachedOpen: 'Open now with a breached SLA',
  transferred: 'Routed in the period, then transferred',
  escalated: 'Created in the period and escalated',
  reopened: 'First resolved in the period, reopened within 7 days',
  notOneTouch: 'First resolved in the period, not in one touch',
  rated: 'Rated in the period',
  detractors: 'Rated 1–3 in the period',
};

export const kpiDrilldownInputSchema = z.intersection(
  kpiQuerySchema,
  z.object({
    drilldown: z.enum(KPI_DRILLDOWNS, { error: 'Choose which conversations to list' }),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
  }),
);
export type KpiDrilldownInput = z.infer<typeof kpiDrilldownInputSchema>;
