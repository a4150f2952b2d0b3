import {
  type BacklogAgeBucket,
  compareBreakdownRows,
  hasActivity,
  type KpiBreakdownRow,
  type KpiFigures,
  type KpiQuery,
  type KpiSlice,
  ratio,
  SLA_TARGET_KINDS,
} from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { rowsOf } from '../migrate.ts';
import { durationPercentiles } from './kpi-durations.ts';
import { dailyFlows, emptyCounts, rollupCounts, tripsInPeriod } from './kpi-rollup.ts';
import { iso, OPEN, sliceConditions, sliceGrouping } from './kpi-sql.ts';

/*
 * The KPI engine at scale: DOMAIN.md "KPI formulas" over the stored facts (conversation_kpi_facts,
 * sla_outcomes) and their daily rollups. Counts read whole days from the rollups and the
 * period's edges from the facts (kpi-rollup.ts); percentiles come from daily histograms or a
 * sort of the filtered values (kpi-durations.ts); the backlog is what is open now. It must
 * agree exactly with the reference in domain/kpi/reference.ts — the agreement test checks.
 */

interface BacklogRow {
  key: string | null;
  open: number;
  under4h: number;
  from4to24h: number;
  from1to3d: number;
  over3d: number;
  oldest: string | Date | null;
}

/** What is open now, however old (for the whole filter or per value of `groupBy`). */
async function backlogNow(
  db: DatabaseOrTransaction,
  query: KpiQuery,
  now: Date,
  groupBy?: KpiSlice,
): Promise<Map<string | null, BacklogRow>> {
  const hoursAgo = (hours: number) => iso(new Date(now.getTime() - hours * 3_600_000));
  const group = sliceGrouping('f', groupBy);
  const rows = rowsOf<BacklogRow>(
    await db.execute(sql`select ${group.key} as key, count(*)::int as open,
        count(*) filter (where f.created_at > ${hoursAgo(4)})::int as "under4h",
        count(*) filter (where f.created_at <= ${hoursAgo(4)} and f.created_at > ${hoursAgo(24)})::int as "from4to24h",
        count(*) filter (where f.created_at <= ${hoursAgo(24)} and f.created_at > ${hoursAgo(72)})::int as "from1to3d",
        count(*) filter (where f.created_at <= ${hoursAgo(72)})::int as "over3d",
        min(f.created_at) as oldest
      from conversation_kpi_facts f ${group.join}
      where f.status in ${OPEN} and ${sliceConditions('f', query)}
      group by 1`),
  );
  return new Map(rows.map((row) => [row.key, row]));
}

/** Open conversations with a clock past due and running. */
async function breachedOpen(db: DatabaseOrTransaction, query: KpiQuery, now: Date) {
  const [row] = rowsOf<{ count: number }>(
    await db.execute(sql`select count(distinct o.conversation_id)::int as count
      from sla_outcomes o join conversation_kpi_facts f on f.conversation_id = o.conversation_id
      where o.stopped_at is null and not o.paused and o.due_at < ${iso(now)}
        and f.status in ${OPEN} and ${sliceConditions('o', query)}`),
  );
  return row?.count ?? 0;
}

const ALL_DURATIONS = [
  'firstResponse',
  'firstResponseBusiness',
  'resolution',
  'resolutionBusiness',
] as const;

const date = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string);

/** Every KPI for the query's period and filter, as of `now` (the SQL twin of referenceKpis). */
export async function kpiFigures(
  db: DatabaseOrTransaction,
  query: KpiQuery,
  now: Date = new Date(),
): Promise<KpiFigures> {
  const [counted, durations, backlog, breached, daily, trips] = await Promise.all([
    rollupCounts(db, query, now),
    durationPercentiles(db, query, ALL_DURATIONS),
    backlogNow(db, query, now),
    breachedOpen(db, query, now),
    dailyFlows(db, query),
    tripsInPeriod(db, query),
  ]);
  const f = counted.get(null) ?? emptyCounts();
  const d = durations.get(null);
  const open = backlog.get(null);
  const sla = Object.fromEntries(
    SLA_TARGET_KINDS.map((target) => {
      const { due, met } = f.sla[target];
      return [target, { due, met, attainment: ratio(met, due) }];
    }),
  ) as KpiFigures['sla'];
  const ages: Record<BacklogAgeBucket, number> = {
    under4h: open?.under4h ?? 0,
    from4to24h: open?.from4to24h ?? 0,
    from1to3d: open?.from1to3d ?? 0,
    over3d: open?.over3d ?? 0,
  };
  return {
    created: f.created,
    firstResponse: {
      count: f.firstResponses,
      p50Seconds: d?.firstResponse.p50 ?? null,
      p90Seconds: d?.firstResponse.p90 ?? null,
      p50BusinessSeconds: d?.firstResponseBusiness.p50 ?? null,
      p90BusinessSeconds: d?.firstResponseBusiness.p90 ?? null,
    },
    resolution: {
      count: f.resolutions,
      p50Seconds: d?.resolution.p50 ?? null,
      p90Seconds: d?.resolution.p90 ?? null,
      p50BusinessSeconds: d?.resolutionBusiness.p50 ?? null,
      p90BusinessSeconds: d?.resolutionBusiness.p90 ?? null,
    },
    sla,
    backlog: {
      open: open?.open ?? 0,
      ages,
      oldestCreatedAt: date(open?.oldest),
      breachedOpen: breached,
      daily,
    },
    routingAccuracy: {
      routed: f.routed,
      accurate: f.accurate,
      transferred: f.transferred,
      open: f.routed - f.accurate - f.transferred,
      rate: ratio(f.accurate, f.routed),
    },
    csat: {
      ratings: f.ratings,
      positive: f.positive,
      score: ratio(f.positive, f.ratings),
      requested: f.requested,
      responded: f.responded,
      responseRate: ratio(f.responded, f.requested),
    },
    fcr: {
      resolved: f.firstResolved,
      oneTouch: f.oneTouch,
      rate: ratio(f.oneTouch, f.firstResolved),
    },
    reopen: {
      resolved: f.firstResolved,
      reopened: f.reopened,
      rate: ratio(f.reopened, f.firstResolved),
    },
    escalation: { handled: f.created, escalated: f.escalated, rate: ratio(f.escalated, f.created) },
    contactRate: {
      conversations: f.created,
      trips,
      perThousandTrips: trips > 0 ? (f.created * 1000) / trips : null,
    },
  };
}

const BREAKDOWN_LIMIT = 500;

/** Headline figures per value of one slice (the SQL twin of referenceBreakdown). */
export async function kpiBreakdown(
  db: DatabaseOrTransaction,
  query: KpiQuery,
  by: KpiSlice,
  now: Date = new Date(),
): Promise<KpiBreakdownRow[]> {
  const [counted, durations, backlog] = await Promise.all([
    rollupCounts(db, query, now, by),
    durationPercentiles(db, query, ['firstResponseBusiness', 'resolutionBusiness'], by),
    backlogNow(db, query, now, by),
  ]);
  const keys = new Set([...counted.keys(), ...durations.keys(), ...backlog.keys()]);
  return [...keys]
    .map((key): KpiBreakdownRow => {
      const f = counted.get(key) ?? emptyCounts();
      const d = durations.get(key);
      const due = SLA_TARGET_KINDS.reduce((sum, target) => sum + f.sla[target].due, 0);
      const met = SLA_TARGET_KINDS.reduce((sum, target) => sum + f.sla[target].met, 0);
      return {
        key,
        created: f.created,
        firstResponseP50BusinessSeconds: d?.firstResponseBusiness.p50 ?? null,
        firstResponseP90BusinessSeconds: d?.firstResponseBusiness.p90 ?? null,
        resolutionP50BusinessSeconds: d?.resolutionBusiness.p50 ?? null,
        resolutionP90BusinessSeconds: d?.resolutionBusiness.p90 ?? null,
        firstResponses: f.firstResponses,
        resolutions: f.resolutions,
        slaDue: due,
        slaMet: met,
        ratings: f.ratings,
        positiveRatings: f.positive,
        resolved: f.firstResolved,
        oneTouch: f.oneTouch,
        reopened: f.reopened,
        escalated: f.escalated,
        open: backlog.get(key)?.open ?? 0,
      };
    })
    .filter(hasActivity)
    .sort(compareBreakdownRows)
    .slice(0, BREAKDOWN_LIMIT);
}
