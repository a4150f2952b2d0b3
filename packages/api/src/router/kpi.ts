import { escalationTurnaroundReport } from '@switchboard/db/queries/escalation-views';
import { kpiBreakdown, kpiFigures } from '@switchboard/db/queries/kpi';
import { kpiDrilldown } from '@switchboard/db/queries/kpi-drilldown';
import { kpiFilterOptions } from '@switchboard/db/queries/kpi-options';
import {
  AUDIENCE_LABELS,
  CHANNEL_LABELS,
  KPI_DEFINITIONS,
  type KpiSlice,
  kpiBreakdownQuerySchema,
  kpiDrilldownInputSchema,
  kpiQuerySchema,
  previousPeriod,
} from '@switchboard/domain';
import { consoleProcedure, createTRPCRouter } from '../trpc.ts';

type Options = Awaited<ReturnType<typeof kpiFilterOptions>>;

/** The name a lead reads for a breakdown key. */
function labelOf(slice: KpiSlice, key: string | null, options: Options): string {
  if (key === null) {
    return slice === 'agent' ? 'Unassigned' : slice === 'city' ? 'No city' : 'Not set';
  }
  const named = (rows: Array<{ id: string; name: string }>) =>
    rows.find((row) => row.id === key)?.name ?? key;
  switch (slice) {
    case 'audience':
      return AUDIENCE_LABELS[key as keyof typeof AUDIENCE_LABELS] ?? key;
    case 'channel':
      return CHANNEL_LABELS[key as keyof typeof CHANNEL_LABELS] ?? key;
    case 'city':
      return named(options.cities);
    case 'inbox':
      return named(options.inboxes);
    case 'team':
      return named(options.teams);
    case 'agent':
      return named(options.agents);
    case 'requestType':
      return named(options.requestTypes);
  }
}

export const kpiRouter = createTRPCRouter({
  /** Every KPI for the period and filter, and the same for the period before. */
  dashboard: consoleProcedure.input(kpiQuerySchema).query(async ({ ctx, input }) => {
    const now = new Date();
    const previous = previousPeriod(input);
    const [figures, before, turnaround] = [
      await kpiFigures(ctx.db, input, now),
      await kpiFigures(ctx.db, previous, now),
      await escalationTurnaroundReport(ctx.db, { since: input.from, until: input.to }, now),
    ];
    return {
      period: { from: input.from, to: input.to, timeZone: input.timeZone },
      previousPeriod: { from: previous.from, to: previous.to },
      figures,
      previous: before,
      turnaround,
      definitions: KPI_DEFINITIONS,
    };
  }),

  /** Headline figures per value of one slice, named. */
  breakdown: consoleProcedure.input(kpiBreakdownQuerySchema).query(async ({ ctx, input }) => {
    const [rows, options] = [
      await kpiBreakdown(ctx.db, input, input.by, new Date()),
      await kpiFilterOptions(ctx.db),
    ];
    return {
      by: input.by,
      rows: rows.map((row) => ({ ...row, label: labelOf(input.by, row.key, options) })),
    };
  }),

  /** The conversations behind a number. */
  drilldown: consoleProcedure
    .input(kpiDrilldownInputSchema)
    .query(({ ctx, input }) => kpiDrilldown(ctx.db, input, new Date())),

  filterOptions: consoleProcedure.query(({ ctx }) => kpiFilterOptions(ctx.db)),
});
