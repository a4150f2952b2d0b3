import { type KpiQuery, type KpiSlice, nearestRank } from '@switchboard/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { rowsOf } from '../migrate.ts';
import { onDays, rollupSpan } from './kpi-rollup.ts';
import {
  anyAnchorIn,
  between,
  filtersBeyondAudience,
  iso,
  sliceConditions,
  sliceGrouping,
} from './kpi-sql.ts';

/*
 * Exact percentiles (nearest rank, as percentile_disc) of FRT and resolution time. For the
 * whole organisation or one audience — the default dashboard — a daily histogram per audience
 * (kpi_daily_durations) says which bucket holds the wanted rank, and one short index scan of
 * that bucket's values finds it. Narrower filters sort their own, smaller set of values.
 */

/**
 * Lower bounds of the histogram's buckets in seconds: one a second up to a minute, then 5%
 * wide. The SQL function kpi_duration_bounds() (migration 0012) holds the same list.
 */
export const KPI_DURATION_BOUNDS: readonly number[] = (() => {
  const bounds = new Set<number>();
  for (let second = 0; second < 60; second += 1) bounds.add(second);
  for (let step = 1; step <= 280; step += 1) bounds.add(Math.ceil(60 * 1.05 ** step));
  return [...bounds].sort((a, b) => a - b);
})();

export const DURATION_METRICS = {
  firstResponse: { id: 1, seconds: 'first_response_seconds', anchor: 'first_response_at' },
  firstResponseBusiness: {
    id: 2,
    seconds: 'first_response_business_seconds',
    anchor: 'first_response_at',
  },
  resolution: { id: 3, seconds: 'resolution_seconds', anchor: 'resolved_at' },
  resolutionBusiness: { id: 4, seconds: 'resolution_business_seconds', anchor: 'resolved_at' },
} as const;
export type DurationMetric = keyof typeof DURATION_METRICS;

export interface Percentiles {
  p50: number | null;
  p90: number | null;
}
const SHARES = { p50: 0.5, p90: 0.9 } as const;
type Share = keyof typeof SHARES;

export type DurationPercentiles<M extends DurationMetric> = Map<
  string | null,
  Record<M, Percentiles>
>;

/** p50 and p90 of each metric for the period, for the whole filter or per value of `groupBy`. */
export async function durationPercentiles<M extends DurationMetric>(
  db: DatabaseOrTransaction,
  query: KpiQuery,
  metrics: readonly M[],
  groupBy?: KpiSlice,
): Promise<DurationPercentiles<M>> {
  const histogramServes =
    (groupBy === undefined || groupBy === 'audience') && !filtersBeyondAudience(query);
  return histogramServes
    ? fromHistogram(db, query, metrics, groupBy)
    : bySorting(db, query, metrics, groupBy);
}

function emptyPercentiles<M extends DurationMetric>(metrics: readonly M[]): Record<M, Percentiles> {
  return Object.fromEntries(metrics.map((metric) => [metric, { p50: null, p90: null }])) as Record<
    M,
    Percentiles
  >;
}

const anchorsOf = (metrics: readonly DurationMetric[]) => [
  ...new Set(metrics.map((metric) => DURATION_METRICS[metric].anchor)),
];

const column = (metric: DurationMetric, part: 'seconds' | 'anchor') =>
  sql.raw(`f.${DURATION_METRICS[metric][part]}`);

async function bySorting<M extends DurationMetric>(
  db: DatabaseOrTransaction,
  query: KpiQuery,
  metrics: readonly M[],
  groupBy: KpiSlice | undefined,
): Promise<DurationPercentiles<M>> {
  const group = sliceGrouping('f', groupBy);
  const rows = rowsOf<Record<string, number | string | null>>(
    await db.execute(sql`select ${group.key} as key,
        ${sql.join(
          metrics.flatMap((metric) =>
            (Object.keys(SHARES) as Share[]).map(
              (share) => sql`percentile_disc(${SHARES[share]}) within group
                (order by ${column(metric, 'seconds')})
                filter (where ${between(column(metric, 'anchor'), query)})
                as ${sql.raw(`"${metric}_${share}"`)}`,
            ),
          ),
          sql`, `,
        )}
      from conversation_kpi_facts f ${group.join}
      where (${anyAnchorIn(anchorsOf(metrics), query)}) and ${sliceConditions('f', query)}
      group by 1`),
  );
  const result: DurationPercentiles<M> = new Map();
  for (const row of rows) {
    const figures = emptyPercentiles(metrics);
    for (const metric of metrics) {
      for (const share of Object.keys(SHARES) as Share[]) {
        const value = row[`${metric}_${share}`];
        figures[metric][share] = value === null || value === undefined ? null : Number(value);
      }
    }
    result.set(row.key as string | null, figures);
  }
  return result;
}

interface Wanted {
  key: string | null;
  metric: DurationMetric;
  share: Share;
  bucket: number;
  /** 0-based position of the wanted value among the bucket's values in the period. */
  offset: number;
}

async function fromHistogram<M extends DurationMetric>(
  db: DatabaseOrTransaction,
  query: KpiQuery,
  metrics: readonly M[],
  groupBy: 'audience' | undefined,
): Promise<DurationPercentiles<M>> {
  const span = rollupSpan(query.from, query.to);
  const key = (alias: string) =>
    groupBy === 'audience' ? sql.raw(`${alias}.audience::text`) : sql`null::text`;
  const audience = (alias: string) =>
    query.audience ? sql`and ${sql.raw(`${alias}.audience`)} = ${query.audience}` : sql``;
  const parts: SQL[] = [];
  if (span.days) {
    parts.push(sql`select ${key('d')} as key, d.metric, d.bucket, d.count as n
      from kpi_daily_durations d
      where ${onDays('d', span.days)}
        and d.metric in (${sql.join(
          metrics.map((metric) => sql`${DURATION_METRICS[metric].id}`),
          sql`, `,
        )}) ${audience('d')}`);
  }
  const values = sql.join(
    metrics.map(
      (metric) =>
        sql`(${DURATION_METRICS[metric].id}::smallint, ${column(metric, 'anchor')}, ${column(metric, 'seconds')})`,
    ),
    sql`, `,
  );
  for (const edge of span.edges) {
    parts.push(sql`select ${key('f')} as key, a.metric,
        width_bucket(a.seconds, kpi_duration_bounds()) as bucket, ${edge.sign}::int as n
      from conversation_kpi_facts f cross join lateral (values ${values}) as a(metric, at, seconds)
      where (${anyAnchorIn(anchorsOf(metrics), edge)}) and ${between(sql`a.at`, edge)} and a.seconds is not null ${audience('f')}`);
  }
  const histogram = rowsOf<{ key: string | null; metric: number; bucket: number; n: number }>(
    await db.execute(sql`select key, metric, bucket, sum(n)::int as n
      from (${sql.join(parts, sql` union all `)}) h
      group by 1, 2, 3 having sum(n) <> 0
      order by 1, 2, 3`),
  );

  const result: DurationPercentiles<M> = new Map();
  const wanted: Wanted[] = [];
  const keys = new Set(histogram.map((row) => row.key));
  for (const groupKey of keys) {
    result.set(groupKey, emptyPercentiles(metrics));
    for (const metric of metrics) {
      const buckets = histogram.filter(
        (row) => row.key === groupKey && row.metric === DURATION_METRICS[metric].id,
      );
      const count = buckets.reduce((sum, row) => sum + row.n, 0);
      if (count === 0) continue;
      for (const share of Object.keys(SHARES) as Share[]) {
        let before = nearestRank(count, SHARES[share]) - 1;
        const holding = buckets.find((row) => {
          if (before < row.n) return true;
          before -= row.n;
          return false;
        })!;
        wanted.push({ key: groupKey, metric, share, bucket: holding.bucket, offset: before });
      }
    }
  }
  if (wanted.length === 0) return result;

  const found = rowsOf<Record<string, number | null>>(
    await db.execute(
      sql`select ${sql.join(
        wanted.map(
          (item, index) => sql`(${valueInBucket(item, query)}) as ${sql.raw(`v${index}`)}`,
        ),
        sql`, `,
      )}`,
    ),
  )[0]!;
  wanted.forEach((item, index) => {
    const value = found[`v${index}`];
    const figures = result.get(item.key) as Record<DurationMetric, Percentiles>;
    figures[item.metric][item.share] = value === null || value === undefined ? null : Number(value);
  });
  return result;
}

/** The `offset`-th smallest value of the bucket in the period: a range scan of its index. */
function valueInBucket(item: Wanted, query: KpiQuery): SQL {
  // width_bucket's bucket b holds bounds[b-1] <= v < bounds[b] (0: below every bound).
  const lower = item.bucket > 0 ? KPI_DURATION_BOUNDS[item.bucket - 1]! : null;
  const upper = KPI_DURATION_BOUNDS[item.bucket] ?? null;
  if (lower !== null && upper !== null && upper - lower === 1) return sql`${lower}::int`;
  const seconds = column(item.metric, 'seconds');
  const audience = item.key ?? query.audience;
  return sql`select ${seconds} from conversation_kpi_facts f
    where ${seconds} is not null
      ${lower === null ? sql`` : sql`and ${seconds} >= ${lower}`}
      ${upper === null ? sql`` : sql`and ${seconds} < ${upper}`}
      and ${column(item.metric, 'anchor')} >= ${iso(query.from)}
      and ${column(item.metric, 'anchor')} < ${iso(query.to)}
      ${audience ? sql`and f.audience = ${audience}` : sql``}
    order by ${seconds} offset ${item.offset} limit 1`;
}
