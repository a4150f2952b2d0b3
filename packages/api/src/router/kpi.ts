import { escalationTurnaroundReport } from '@switchboard/db/queries/escalation-views';
import { kpiBreakdown, kpiFigures } from '@switchboard/db/queries/kpi';
import { kpiDrilldown } from '@switchboard/db/queries/kpi-drilldown';
import { kpiFilterOptions } from '@switchboard/db/queries/kpi-options';
import {
  generateSnapshot,
  listSnapshots,
  snapshotById,
} from '@switchboard/db/queries/kpi-snapshots';
import { staffingGaps } from '@switchboard/db/queries/staffing-week';
import {
  AUDIENCE_LABELS,
  CHANNEL_LABELS,
  generateSnapshotInputSchema,
  KPI_DEFINITIONS,
  type KpiSlice,
  kpiBreakdownQuerySchema,
  kpiDrilldownInputSchema,
  kpiQuerySchema,
  lastCompletePeriod,
  previousPeriod,
  snapshotIdInputSchema,
  snapshotListInputSchema,
  snapshotMarkdown,
  snapshotTitle,
} from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
import { snapshotPdf } from '../reports/snapshot-pdf.ts';
import { type Context, consoleProcedure, createTRPCRouter, leadProcedure } from '../trpc.ts';

async function snapshotOrThrow(ctx: Context, snapshotId: string) {
  const snapshot = await snapshotById(ctx.db, snapshotId);
  if (!snapshot) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Snapshot not found' });
  }
  return snapshot;
}

/** Weekly and monthly reports, frozen when made: on schedule (the server's job) or on demand. */
const snapshotsRouter = createTRPCRouter({
  list: consoleProcedure
    .input(snapshotListInputSchema)
    .query(({ ctx, input }) => listSnapshots(ctx.db, input)),

  get: consoleProcedure.input(snapshotIdInputSchema).query(async ({ ctx, input }) => {
    const snapshot = await snapshotOrThrow(ctx, input.snapshotId);
    return { ...snapshot, title: snapshotTitle(snapshot) };
  }),

  /** A snapshot of the last complete week or month, now. */
  generate: leadProcedure.input(generateSnapshotInputSchema).mutation(async ({ ctx, input }) => {
    const now = new Date();
    const stored = await generateSnapshot(ctx.db, {
      period: lastCompletePeriod(input.kind, now),
      source: 'on_demand',
      requestedById: ctx.viewer.id,
      staffingGaps: await staffingGaps(ctx.db, now),
      now,
    });
    return { id: stored!.id };
  }),

  markdown: consoleProcedure.input(snapshotIdInputSchema).query(async ({ ctx, input }) => {
    const snapshot = await snapshotOrThrow(ctx, input.snapshotId);
    return { filename: `${fileName(snapshot)}.md`, markdown: snapshotMarkdown(snapshot) };
  }),

  /** The PDF, base64-encoded (the console saves it as a file). */
  pdf: consoleProcedure.input(snapshotIdInputSchema).query(async ({ ctx, input }) => {
    const snapshot = await snapshotOrThrow(ctx, input.snapshotId);
    const pdf = await snapshotPdf(snapshot);
    return { filename: `${fileName(snapshot)}.pdf`, base64: pdf.toString('base64') };
  }),
});

function fileName(snapshot: { kind: string; periodStart: Date }) {
  return `switchboard-${snapshot.kind}-${snapshot.periodStart.toISOString().slice(0, 10)}`;
}

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
    const [figures, before, turnaround] = await Promise.all([
      kpiFigures(ctx.db, input, now),
      kpiFigures(ctx.db, previous, now),
      escalationTurnaroundReport(ctx.db, { since: input.from, until: input.to }, now),
    ]);
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
    const [rows, options] = await Promise.all([
      kpiBreakdown(ctx.db, input, input.by, new Date()),
      kpiFilterOptions(ctx.db),
    ]);
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

  snapshots: snapshotsRouter,
});
