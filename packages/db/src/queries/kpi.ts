import {
  type BacklogAgeBucket,
  compareBreakdownRows,
  hasActivity,
  type KpiBreakdownRow,
  type KpiFigures,
  type KpiFilter,
  type KpiQuery,
  type KpiSlice,
  localDays,
  ratio,
  SLA_TARGET_KINDS,
  type SlaTargetKind,
} from '@switchboard/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { rowsOf } from '../migrate.ts';

/*
 * The KPI engine at scale: DOMAIN.md "KPI formulas" aggregated in SQL over the stored facts
 * (conversation_kpi_facts, sla_outcomes), each KPI one indexed range scan of its period. It must
 * agree exactly with the reference in domain/kpi/reference.ts — the agreement test checks.
 */

export const iso = (at: Date) => sql`${at.toISOString()}::timestamptz`;
export const OPEN = sql`('open', 'pending', 'snoozed')`;

export function between(column: SQL, query: KpiQuery) {
  return sql`(${column} >= ${iso(query.from)} and ${column} < ${iso(query.to)})`;
}

/** The filter's slices as conditions on a table with the slice columns (facts or outcomes). */
export function sliceConditions(alias: string, filter: KpiFilter): SQL {
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  const conditions: SQL[] = [sql`true`];
  if (filter.audience) conditions.push(sql`${column('audience')} = ${filter.audience}`);
  if (filter.channel) conditions.push(sql`${column('channel')} = ${filter.channel}`);
  if (filter.cityId) conditions.push(sql`${column('city_id')} = ${filter.cityId}::uuid`);
  if (filter.inboxId) conditions.push(sql`${column('inbox_id')} = ${filter.inboxId}::uuid`);
  if (filter.teamId) {
    conditions.push(
      sql`${column('inbox_id')} in (select id from inboxes where team_id = ${filter.teamId}::uuid)`,
    );
  }
  if (filter.agentId) conditions.push(sql`${column('assignee_id')} = ${filter.agentId}`);
  if (filter.requestTypeId) {
    conditions.push(sql`${column('request_type_id')} = ${filter.requestTypeId}::uuid`);
  }
  return sql.join(conditions, sql` and `);
}

/** The slice's value for a row of `alias` (the team through the inbox, joined as `i`). */
function sliceKey(alias: string, slice: KpiSlice): SQL {
  const column = (name: string) => sql.raw(`${alias}.${name}::text`);
  switch (slice) {
    case 'audience':
      return column('audience');
    case 'channel':
      return column('channel');
    case 'city':
      return column('city_id');
    case 'inbox':
      return column('inbox_id');
    case 'team':
      return sql.raw('i.team_id::text');
    case 'agent':
      return column('assignee_id');
    case 'requestType':
      return column('request_type_id');
  }
}

/** Every conversation-level KPI in one pass over the facts touching the period (or open now). */
function factAggregates(query: KpiQuery, now: Date) {
  const fr = between(sql`f.first_response_at`, query);
  const res = between(sql`f.resolved_at`, query);
  const first = between(sql`f.first_resolved_at`, query);
  const created = between(sql`f.created_at`, query);
  const hoursAgo = (hours: number) => iso(new Date(now.getTime() - hours * 3_600_000));
  const open = sql`f.status in ${OPEN}`;
  return sql`
    count(*) filter (where ${created})::int as created,
    count(*) filter (where ${fr})::int as first_responses,
    percentile_disc(0.5) within group (order by f.first_response_seconds) filter (where ${fr}) as fr_p50,
    percentile_disc(0.9) within group (order by f.first_response_seconds) filter (where ${fr}) as fr_p90,
    percentile_disc(0.5) within group (order by f.first_response_business_seconds) filter (where ${fr}) as fr_b50,
    percentile_disc(0.9) within group (order by f.first_response_business_seconds) filter (where ${fr}) as fr_b90,
    count(*) filter (where ${res})::int as resolutions,
    percentile_disc(0.5) within group (order by f.resolution_seconds) filter (where ${res}) as res_p50,
    percentile_disc(0.9) within group (order by f.resolution_seconds) filter (where ${res}) as res_p90,
    percentile_disc(0.5) within group (order by f.resolution_business_seconds) filter (where ${res}) as res_b50,
    percentile_disc(0.9) within group (order by f.resolution_business_seconds) filter (where ${res}) as res_b90,
    count(*) filter (where ${open})::int as open,
    count(*) filter (where ${open} and f.created_at > ${hoursAgo(4)})::int as age_under4h,
    count(*) filter (where ${open} and f.created_at <= ${hoursAgo(4)} and f.created_at > ${hoursAgo(24)})::int as age_from4to24h,
    count(*) filter (where ${open} and f.created_at <= ${hoursAgo(24)} and f.created_at > ${hoursAgo(72)})::int as age_from1to3d,
    count(*) filter (where ${open} and f.created_at <= ${hoursAgo(72)})::int as age_over3d,
    min(f.created_at) filter (where ${open}) as oldest,
    count(*) filter (where ${created} and f.first_inbox_id is not null)::int as routed,
    count(*) filter (where ${created} and f.first_inbox_id is not null and not f.transferred
      and f.status in ('resolved', 'closed'))::int as accurate,
    count(*) filter (where ${created} and f.first_inbox_id is not null and f.transferred)::int as transferred,
    count(*) filter (where ${between(sql`f.csat_rated_at`, query)})::int as ratings,
    count(*) filter (where ${between(sql`f.csat_rated_at`, query)} and f.csat_rating >= 4)::int as positive,
    count(*) filter (where ${between(sql`f.csat_requested_at`, query)})::int as requested,
    count(*) filter (where ${between(sql`f.csat_requested_at`, query)} and f.csat_rated_at is not null)::int as responded,
    count(*) filter (where ${first})::int as first_resolved,
    count(*) filter (where ${first} and f.public_agent_replies < 2 and not f.reopened_within7_days)::int as one_touch,
    count(*) filter (where ${first} and f.reopened_within7_days)::int as reopened,
    count(*) filter (where ${created} and f.escalated_at is not null)::int as escalated`;
}

/** Facts that can count in the period: an anchor inside it, or open now (the backlog). */
function touchesPeriod(query: KpiQuery) {
  return sql`(${between(sql`f.created_at`, query)} or ${between(sql`f.first_response_at`, query)}
    or ${between(sql`f.resolved_at`, query)} or ${between(sql`f.first_resolved_at`, query)}
    or ${between(sql`f.csat_rated_at`, query)} or ${between(sql`f.csat_requested_at`, query)}
    or f.status in ${OPEN})`;
}

/** Clock runs that fell due in the period and are settled (stopped, or overdue and running). */
export function settledDue(query: KpiQuery, now: Date) {
  return sql`${between(sql`o.due_at`, query)}
    and (o.stopped_at is not null or (not o.paused and o.due_at < ${iso(now)}))`;
}

interface FactRow {
  created: number;
  first_responses: number;
  fr_p50: number | null;
  fr_p90: number | null;
  fr_b50: number | null;
  fr_b90: number | null;
  resolutions: number;
  res_p50: number | null;
  res_p90: number | null;
  res_b50: number | null;
  res_b90: number | null;
  open: number;
  age_under4h: number;
  age_from4to24h: number;
  age_from1to3d: number;
  age_over3d: number;
  oldest: string | Date | null;
  routed: number;
  accurate: number;
  transferred: number;
  ratings: number;
  positive: number;
  requested: number;
  responded: number;
  first_resolved: number;
  one_touch: number;
  reopened: number;
  escalated: number;
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const date = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string);

/** Every KPI for the query's period and filter, as of `now` (the SQL twin of referenceKpis). */
export async function kpiFigures(
  db: DatabaseOrTransaction,
  query: KpiQuery,
  now: Date = new Date(),
): Promise<KpiFigures> {
  const [facts] = rowsOf<FactRow>(
    await db.execute(sql`select ${factAggregates(query, now)}
      from conversation_kpi_facts f
      where ${touchesPeriod(query)} and ${sliceConditions('f', query)}`),
  );
  const slaRows = rowsOf<{ target: SlaTargetKind; due: number; met: number }>(
    await db.execute(sql`select o.target, count(*)::int as due,
        count(*) filter (where o.stopped_at <= o.due_at)::int as met
      from sla_outcomes o
      where ${settledDue(query, now)} and ${sliceConditions('o', query)}
      group by o.target`),
  );
  const [breached] = rowsOf<{ count: number }>(
    await db.execute(sql`select count(distinct o.conversation_id)::int as count
      from sla_outcomes o join conversation_kpi_facts f on f.conversation_id = o.conversation_id
      where o.stopped_at is null and not o.paused and o.due_at < ${iso(now)}
        and f.status in ${OPEN} and ${sliceConditions('o', query)}`),
  );
  const tz = query.timeZone;
  const flows = rowsOf<{ day: string; inflow: number; outflow: number }>(
    await db.execute(sql`select day, sum(inflow)::int as inflow, sum(outflow)::int as outflow from (
        select to_char(f.created_at at time zone ${tz}, 'YYYY-MM-DD') as day, 1 as inflow, 0 as outflow
        from conversation_kpi_facts f
        where ${between(sql`f.created_at`, query)} and ${sliceConditions('f', query)}
        union all
        select to_char(f.resolved_at at time zone ${tz}, 'YYYY-MM-DD'), 0, 1
        from conversation_kpi_facts f
        where ${between(sql`f.resolved_at`, query)} and ${sliceConditions('f', query)}
      ) flows group by day`),
  );
  const [trips] = rowsOf<{ count: number }>(
    await db.execute(sql`select count(*)::int as count from bookings b
      where ${between(sql`b.scheduled_at`, query)}
        ${query.cityId ? sql`and b.city_id = ${query.cityId}::uuid` : sql``}`),
  );
  const f = facts!;
  const flowByDay = new Map(flows.map((row) => [row.day, row]));
  const sla = Object.fromEntries(
    SLA_TARGET_KINDS.map((target) => {
      const row = slaRows.find((candidate) => candidate.target === target);
      const due = row?.due ?? 0;
      const met = row?.met ?? 0;
      return [target, { due, met, attainment: ratio(met, due) }];
    }),
  ) as KpiFigures['sla'];
  const ages: Record<BacklogAgeBucket, number> = {
    under4h: f.age_under4h,
    from4to24h: f.age_from4to24h,
    from1to3d: f.age_from1to3d,
    over3d: f.age_over3d,
  };
  const tripCount = trips?.count ?? 0;
  return {
    created: f.created,
    firstResponse: {
      count: f.first_responses,
      p50Seconds: num(f.fr_p50),
      p90Seconds: num(f.fr_p90),
      p50BusinessSeconds: num(f.fr_b50),
      p90BusinessSeconds: num(f.fr_b90),
    },
    resolution: {
      count: f.resolutions,
      p50Seconds: num(f.res_p50),
      p90Seconds: num(f.res_p90),
      p50BusinessSeconds: num(f.res_b50),
      p90BusinessSeconds: num(f.res_b90),
    },
    sla,
    backlog: {
      open: f.open,
      ages,
      oldestCreatedAt: date(f.oldest),
      breachedOpen: breached?.count ?? 0,
      daily: localDays(query).map((day) => ({
        date: day,
        inflow: flowByDay.get(day)?.inflow ?? 0,
        outflow: flowByDay.get(day)?.outflow ?? 0,
      })),
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
      resolved: f.first_resolved,
      oneTouch: f.one_touch,
      rate: ratio(f.one_touch, f.first_resolved),
    },
    reopen: {
      resolved: f.first_resolved,
      reopened: f.reopened,
      rate: ratio(f.reopened, f.first_resolved),
    },
    escalation: { handled: f.created, escalated: f.escalated, rate: ratio(f.escalated, f.created) },
    contactRate: {
      conversations: f.created,
      trips: tripCount,
      perThousandTrips: tripCount > 0 ? (f.created * 1000) / tripCount : null,
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
  const factKey = sliceKey('f', by);
  const facts = rowsOf<FactRow & { key: string | null }>(
    await db.execute(sql`select ${factKey} as key, ${factAggregates(query, now)}
      from conversation_kpi_facts f join inboxes i on i.id = f.inbox_id
      where ${touchesPeriod(query)} and ${sliceConditions('f', query)}
      group by 1`),
  );
  const sla = rowsOf<{ key: string | null; due: number; met: number }>(
    await db.execute(sql`select ${sliceKey('o', by)} as key, count(*)::int as due,
        count(*) filter (where o.stopped_at <= o.due_at)::int as met
      from sla_outcomes o join inboxes i on i.id = o.inbox_id
      where ${settledDue(query, now)} and ${sliceConditions('o', query)}
      group by 1`),
  );
  const rows = new Map<string | null, KpiBreakdownRow>();
  const rowFor = (key: string | null) => {
    let row = rows.get(key);
    if (!row) {
      row = emptyRow(key);
      rows.set(key, row);
    }
    return row;
  };
  for (const f of facts) {
    Object.assign(rowFor(f.key), {
      created: f.created,
      firstResponseP50BusinessSeconds: num(f.fr_b50),
      firstResponseP90BusinessSeconds: num(f.fr_b90),
      resolutionP50BusinessSeconds: num(f.res_b50),
      resolutionP90BusinessSeconds: num(f.res_b90),
      firstResponses: f.first_responses,
      resolutions: f.resolutions,
      ratings: f.ratings,
      positiveRatings: f.positive,
      resolved: f.first_resolved,
      oneTouch: f.one_touch,
      reopened: f.reopened,
      escalated: f.escalated,
      open: f.open,
    });
  }
  // Clock runs of a slice value with no fact touching the period are still its SLA figures.
  for (const row of sla) Object.assign(rowFor(row.key), { slaDue: row.due, slaMet: row.met });
  return [...rows.values()]
    .filter(hasActivity)
    .sort(compareBreakdownRows)
    .slice(0, BREAKDOWN_LIMIT);
}

function emptyRow(key: string | null): KpiBreakdownRow {
  return {
    key,
    created: 0,
    firstResponseP50BusinessSeconds: null,
    firstResponseP90BusinessSeconds: null,
    resolutionP50BusinessSeconds: null,
    resolutionP90BusinessSeconds: null,
    firstResponses: 0,
    resolutions: 0,
    slaDue: 0,
    slaMet: 0,
    ratings: 0,
    positiveRatings: 0,
    resolved: 0,
    oneTouch: 0,
    reopened: 0,
    escalated: 0,
    open: 0,
  };
}
