import type { KpiFilter, KpiSlice } from '@switchboard/domain';
import { type SQL, sql } from 'drizzle-orm';

/*
 * SQL pieces every KPI query shares: periods, the slice filter and the slice key, over any
 * table with the slice columns (facts, clock runs, daily rollups).
 */

export const iso = (at: Date) => sql`${at.toISOString()}::timestamptz`;
export const OPEN = sql`('open', 'pending', 'snoozed')`;

export function between(column: SQL, period: { from: Date; to: Date }) {
  return sql`(${column} >= ${iso(period.from)} and ${column} < ${iso(period.to)})`;
}

/** Facts (`f`) with any of these anchor columns inside the period. */
export function anyAnchorIn(anchors: readonly string[], period: { from: Date; to: Date }): SQL {
  return sql.join(
    anchors.map((anchor) => between(sql.raw(`f.${anchor}`), period)),
    sql` or `,
  );
}

/** The filter's slices as conditions on a table with the slice columns. */
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

/** Whether the filter names any slice besides the audience. */
export function filtersBeyondAudience(filter: KpiFilter): boolean {
  return Boolean(
    filter.channel ||
      filter.cityId ||
      filter.inboxId ||
      filter.teamId ||
      filter.agentId ||
      filter.requestTypeId,
  );
}

/**
 * A grouping by one slice (or none) over a table aliased `alias`: the key expression and the
 * join it needs (a team is its inbox's team).
 */
export function sliceGrouping(alias: string, slice: KpiSlice | undefined) {
  const column = (name: string) => sql.raw(`${alias}.${name}::text`);
  const key = (): SQL => {
    switch (slice) {
      case undefined:
        return sql`null::text`;
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
  };
  const join = slice === 'team' ? sql.raw(`join inboxes i on i.id = ${alias}.inbox_id`) : sql``;
  return { key: key(), join };
}

/** Clock runs that fell due in the period and are settled (stopped, or overdue and running). */
export function settledDue(period: { from: Date; to: Date }, now: Date) {
  return sql`${between(sql`o.due_at`, period)}
    and (o.stopped_at is not null or (not o.paused and o.due_at < ${iso(now)}))`;
}
