import {
  instantOfLocalTime,
  type KpiQuery,
  type KpiSlice,
  localDays,
  SLA_TARGET_KINDS,
  type SlaTargetKind,
} from '@switchboard/domain';
import { type SQL, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { DatabaseOrTransaction } from '../client.ts';
import { rowsOf } from '../migrate.ts';
import { anyAnchorIn, between, settledDue, sliceConditions, sliceGrouping } from './kpi-sql.ts';

/*
 * Counting over the daily rollups (kpi_daily_counts, kpi_daily_trips; migration 0012): a
 * period is whole UTC days read from the rollup plus its partial edges read exactly from the
 * facts, so a month's counts read ~80k rollup rows and two half-days of facts, not every
 * conversation of the month.
 */

const DAY = 86_400_000;

/** A stretch of time counted exactly from the facts, added (1) or taken away (-1). */
export interface Segment {
  from: Date;
  to: Date;
  sign: 1 | -1;
}

export interface RollupSpan {
  /** Whole UTC days [from, to) read from the rollup, or null when none are worth it. */
  days: { from: string; to: string } | null;
  edges: Segment[];
}

const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

function segment(from: number, to: number): Segment {
  return from < to
    ? { from: new Date(from), to: new Date(to), sign: 1 }
    : { from: new Date(to), to: new Date(from), sign: -1 };
}

/**
 * Splits [from, to) into rollup days and exact edges. Each end moves to its nearest UTC
 * midnight, so an edge is at most half a day: the part beyond the midnight is added, the part
 * before it taken away. `settledBefore` stops the days at the start of that instant's day
 * (clock runs still due today are not settled yet).
 */
export function rollupSpan(from: Date, to: Date, settledBefore?: Date): RollupSpan {
  const start = Math.round(from.getTime() / DAY) * DAY;
  let end = Math.round(to.getTime() / DAY) * DAY;
  if (settledBefore) end = Math.min(end, Math.floor(settledBefore.getTime() / DAY) * DAY);
  if (end <= start) return { days: null, edges: [{ from, to, sign: 1 }] };
  const edges: Segment[] = [];
  if (start !== from.getTime()) edges.push(segment(from.getTime(), start));
  if (end !== to.getTime()) edges.push(segment(end, to.getTime()));
  return { days: { from: isoDay(start), to: isoDay(end) }, edges };
}

export function onDays(alias: string, days: RollupSpan['days']): SQL {
  if (!days) return sql`false`;
  const day = sql.raw(`${alias}.day`);
  return sql`(${day} >= ${days.from}::date and ${day} < ${days.to}::date)`;
}

/** Every counted KPI of a fact: which anchor puts it in a period, and what else it needs. */
const FACT_COUNTERS = {
  created: { anchor: 'created_at' },
  routed: { anchor: 'created_at', when: 'f.first_inbox_id is not null' },
  accurate: {
    anchor: 'created_at',
    when: "f.first_inbox_id is not null and not f.transferred and f.status in ('resolved', 'closed')",
  },
  transferred: { anchor: 'created_at', when: 'f.first_inbox_id is not null and f.transferred' },
  escalated: { anchor: 'created_at', when: 'f.escalated_at is not null' },
  firstResponses: { anchor: 'first_response_at' },
  resolutions: { anchor: 'resolved_at' },
  firstResolved: { anchor: 'first_resolved_at' },
  oneTouch: {
    anchor: 'first_resolved_at',
    when: 'f.public_agent_replies < 2 and not f.reopened_within7_days',
  },
  reopened: { anchor: 'first_resolved_at', when: 'f.reopened_within7_days' },
  ratings: { anchor: 'csat_rated_at' },
  positive: { anchor: 'csat_rated_at', when: 'f.csat_rating >= 4' },
  requested: { anchor: 'csat_requested_at' },
  responded: { anchor: 'csat_requested_at', when: 'f.csat_rated_at is not null' },
} as const satisfies Record<string, { anchor: string; when?: string }>;

type FactCounter = keyof typeof FACT_COUNTERS;
const COUNTERS = Object.keys(FACT_COUNTERS) as FactCounter[];
const ANCHORS = [...new Set(Object.values(FACT_COUNTERS).map((counter) => counter.anchor))];

export type KpiCounts = Record<FactCounter, number> & {
  sla: Record<SlaTargetKind, { due: number; met: number }>;
};

export function emptyCounts(): KpiCounts {
  return {
    ...(Object.fromEntries(COUNTERS.map((name) => [name, 0])) as Record<FactCounter, number>),
    sla: Object.fromEntries(
      SLA_TARGET_KINDS.map((target) => [target, { due: 0, met: 0 }]),
    ) as KpiCounts['sla'],
  };
}

function countedIn(name: FactCounter, period: { from: Date; to: Date }): SQL {
  const counter: { anchor: string; when?: string } = FACT_COUNTERS[name];
  const inPeriod = between(sql.raw(`f.${counter.anchor}`), period);
  return counter.when ? sql`${inPeriod} and ${sql.raw(counter.when)}` : inPeriod;
}

const slaColumn = (target: SlaTargetKind, measure: 'due' | 'met') =>
  sql.raw(`d.${toSnakeCase(target)}_${measure}`);

type Grouped<T> = Map<string | null, T>;

/**
 * Every counted KPI of the period (and SLA attainment per target as of `now`), for the whole
 * filter or per value of `groupBy`.
 */
export async function rollupCounts(
  db: DatabaseOrTransaction,
  query: KpiQuery,
  now: Date,
  groupBy?: KpiSlice,
): Promise<Grouped<KpiCounts>> {
  const facts = rollupSpan(query.from, query.to);
  const clocks = rollupSpan(query.from, query.to, now);
  const rollup = sliceGrouping('d', groupBy);
  const factGroup = sliceGrouping('f', groupBy);
  const clockGroup = sliceGrouping('o', groupBy);
  const daySums = rowsOf<Record<string, number | string | null>>(
    await db.execute(sql`select ${rollup.key} as key,
        ${sql.join(
          COUNTERS.map(
            (name) =>
              sql`coalesce(sum(${sql.raw(`d.${toSnakeCase(name)}`)}) filter (where ${onDays('d', facts.days)}), 0)::int as ${sql.raw(`"${name}"`)}`,
          ),
          sql`, `,
        )},
        ${sql.join(
          SLA_TARGET_KINDS.flatMap((target) =>
            (['due', 'met'] as const).map(
              (measure) =>
                sql`coalesce(sum(${slaColumn(target, measure)}) filter (where ${onDays('d', clocks.days)}), 0)::int as ${sql.raw(`"${target}_${measure}"`)}`,
            ),
          ),
          sql`, `,
        )}
      from kpi_daily_counts d ${rollup.join}
      where (${onDays('d', facts.days)} or ${onDays('d', clocks.days)})
        and ${sliceConditions('d', query)}
      group by 1`),
  );
  const factEdges =
    facts.edges.length === 0
      ? []
      : rowsOf<Record<string, number | string | null>>(
          await db.execute(
            sql.join(
              facts.edges.map(
                (edge) => sql`(select ${factGroup.key} as key, ${edge.sign}::int as sign,
                  ${sql.join(
                    COUNTERS.map(
                      (name) =>
                        sql`count(*) filter (where ${countedIn(name, edge)})::int as ${sql.raw(`"${name}"`)}`,
                    ),
                    sql`, `,
                  )}
                from conversation_kpi_facts f ${factGroup.join}
                where (${anyAnchorIn(ANCHORS, edge)}) and ${sliceConditions('f', query)}
                group by 1)`,
              ),
              sql` union all `,
            ),
          ),
        );
  const clockEdges =
    clocks.edges.length === 0
      ? []
      : rowsOf<{
          key: string | null;
          sign: number;
          target: SlaTargetKind;
          due: number;
          met: number;
        }>(
          await db.execute(
            sql.join(
              clocks.edges.map(
                (edge) => sql`(select ${clockGroup.key} as key, ${edge.sign}::int as sign,
                  o.target, count(*)::int as due,
                  count(*) filter (where o.stopped_at <= o.due_at)::int as met
                from sla_outcomes o ${clockGroup.join}
                where ${settledDue(edge, now)} and ${sliceConditions('o', query)}
                group by 1, o.target)`,
              ),
              sql` union all `,
            ),
          ),
        );

  const grouped: Grouped<KpiCounts> = new Map();
  const countsOf = (key: string | null) => {
    let counts = grouped.get(key);
    if (!counts) {
      counts = emptyCounts();
      grouped.set(key, counts);
    }
    return counts;
  };
  for (const row of daySums) {
    const counts = countsOf(row.key as string | null);
    for (const name of COUNTERS) counts[name] += Number(row[name]);
    for (const target of SLA_TARGET_KINDS) {
      counts.sla[target].due += Number(row[`${target}_due`]);
      counts.sla[target].met += Number(row[`${target}_met`]);
    }
  }
  for (const row of factEdges) {
    const counts = countsOf(row.key as string | null);
    const sign = Number(row.sign);
    for (const name of COUNTERS) counts[name] += sign * Number(row[name]);
  }
  for (const row of clockEdges) {
    const figure = countsOf(row.key).sla[row.target];
    figure.due += row.sign * row.due;
    figure.met += row.sign * row.met;
  }
  return grouped;
}

/** Conversations created (inflow) and finally resolved (outflow) per local day of the period. */
export async function dailyFlows(
  db: DatabaseOrTransaction,
  query: KpiQuery,
): Promise<Array<{ date: string; inflow: number; outflow: number }>> {
  const days = localDays(query).map((date, index, all) => {
    const start = instantOfLocalTime(date, '00:00', query.timeZone).getTime();
    const next = all[index + 1];
    const end = next ? instantOfLocalTime(next, '00:00', query.timeZone).getTime() : Infinity;
    const from = new Date(Math.max(start, query.from.getTime()));
    const to = new Date(Math.min(end, query.to.getTime()));
    return { date, span: rollupSpan(from, to) };
  });
  const covered = days.flatMap(({ span }) => (span.days ? [span.days] : []));
  const byDay = new Map<string, { created: number; resolutions: number }>();
  if (covered.length > 0) {
    const rows = rowsOf<{ day: string; created: number; resolutions: number }>(
      await db.execute(sql`select to_char(d.day, 'YYYY-MM-DD') as day,
          sum(d.created)::int as created, sum(d.resolutions)::int as resolutions
        from kpi_daily_counts d
        where ${onDays('d', { from: covered[0]!.from, to: covered.at(-1)!.to })}
          and ${sliceConditions('d', query)}
        group by 1`),
    );
    for (const row of rows) byDay.set(row.day, row);
  }
  const edges = days.flatMap(({ span }, index) => span.edges.map((edge) => ({ ...edge, index })));
  const corrections = new Map<number, { inflow: number; outflow: number }>();
  if (edges.length > 0) {
    const list = (values: Array<string | number>) => `{${values.join(',')}}`;
    const rows = rowsOf<{ index: number; sign: number; inflow: number; outflow: number }>(
      await db.execute(sql`select e.index, e.sign,
          (select count(*) from conversation_kpi_facts f
            where f.created_at >= e.starts and f.created_at < e.ends
              and ${sliceConditions('f', query)})::int as inflow,
          (select count(*) from conversation_kpi_facts f
            where f.resolved_at >= e.starts and f.resolved_at < e.ends
              and ${sliceConditions('f', query)})::int as outflow
        from unnest(
          ${list(edges.map((edge) => edge.from.toISOString()))}::timestamptz[],
          ${list(edges.map((edge) => edge.to.toISOString()))}::timestamptz[],
          ${list(edges.map((edge) => edge.index))}::int[],
          ${list(edges.map((edge) => edge.sign))}::int[]
        ) as e(starts, ends, index, sign)`),
    );
    for (const row of rows) {
      const correction = corrections.get(row.index) ?? { inflow: 0, outflow: 0 };
      correction.inflow += row.sign * row.inflow;
      correction.outflow += row.sign * row.outflow;
      corrections.set(row.index, correction);
    }
  }
  return days.map(({ date, span }, index) => {
    let inflow = corrections.get(index)?.inflow ?? 0;
    let outflow = corrections.get(index)?.outflow ?? 0;
    if (span.days) {
      for (let day = Date.parse(span.days.from); day < Date.parse(span.days.to); day += DAY) {
        const sums = byDay.get(isoDay(day));
        inflow += sums?.created ?? 0;
        outflow += sums?.resolutions ?? 0;
      }
    }
    return { date, inflow, outflow };
  });
}

/** Bookings scheduled in the period (in the filter's city): the trips of the contact rate. */
export async function tripsInPeriod(db: DatabaseOrTransaction, query: KpiQuery): Promise<number> {
  const span = rollupSpan(query.from, query.to);
  const city = (column: string) =>
    query.cityId ? sql`and ${sql.raw(column)} = ${query.cityId}::uuid` : sql``;
  const parts: SQL[] = [];
  if (span.days) {
    parts.push(sql`(select coalesce(sum(d.trips), 0)::int from kpi_daily_trips d
      where ${onDays('d', span.days)} ${city('d.city_id')})`);
  }
  for (const edge of span.edges) {
    parts.push(sql`${edge.sign}::int * (select count(*)::int from bookings b
      where ${between(sql`b.scheduled_at`, edge)} ${city('b.city_id')})`);
  }
  const [row] = rowsOf<{ trips: number }>(
    await db.execute(sql`select (${sql.join(parts, sql` + `)})::int as trips`),
  );
  return row?.trips ?? 0;
}
