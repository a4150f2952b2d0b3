import type { KpiDrilldown, KpiDrilldownInput } from '@switchboard/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { rowsOf } from '../migrate.ts';
import { between, iso, OPEN, settledDue, sliceConditions } from './kpi-sql.ts';

export interface KpiDrilldownItem {
  id: string;
  number: number;
  subject: string;
  audience: string;
  channel: string;
  status: string;
  priority: string;
  createdAt: Date;
  inboxName: string;
  assigneeName: string | null;
  requestTypeName: string | null;
  firstResponseBusinessSeconds: number | null;
  resolutionBusinessSeconds: number | null;
  csatRating: number | null;
}

/** Which facts a drill-down lists, and in what order (the ones that explain the number first). */
function drilldownSql(drilldown: KpiDrilldown, input: KpiDrilldownInput, now: Date) {
  const created = between(sql`f.created_at`, input);
  const firstResolved = between(sql`f.first_resolved_at`, input);
  const rated = between(sql`f.csat_rated_at`, input);
  const newest = sql`f.created_at desc`;
  const cases: Record<KpiDrilldown, { where: SQL; order: SQL }> = {
    created: { where: created, order: newest },
    firstResponded: {
      where: between(sql`f.first_response_at`, input),
      order: sql`f.first_response_business_seconds desc`,
    },
    resolved: {
      where: between(sql`f.resolved_at`, input),
      order: sql`f.resolution_business_seconds desc`,
    },
    slaMissed: {
      where: sql`exists (select 1 from sla_outcomes o where o.conversation_id = f.conversation_id
        and ${settledDue(input, now)} and not (o.stopped_at is not null and o.stopped_at <= o.due_at))`,
      order: newest,
    },
    open: { where: sql`f.status in ${OPEN}`, order: sql`f.created_at asc` },
    breachedOpen: {
      where: sql`f.status in ${OPEN} and exists (select 1 from sla_outcomes o
        where o.conversation_id = f.conversation_id and o.stopped_at is null and not o.paused
          and o.due_at < ${iso(now)})`,
      order: sql`f.created_at asc`,
    },
    transferred: {
      where: sql`${created} and f.first_inbox_id is not null and f.transferred`,
      order: newest,
    },
    escalated: { where: sql`${created} and f.escalated_at is not null`, order: newest },
    reopened: { where: sql`${firstResolved} and f.reopened_within7_days`, order: newest },
    notOneTouch: {
      where: sql`${firstResolved} and (f.public_agent_replies >= 2 or f.reopened_within7_days)`,
      order: sql`f.public_agent_replies desc`,
    },
    rated: { where: rated, order: sql`f.csat_rated_at desc` },
    detractors: { where: sql`${rated} and f.csat_rating <= 3`, order: sql`f.csat_rating asc` },
  };
  return cases[drilldown];
}

/** The conversations behind a dashboard number, a page at a time, with how many there are. */
export async function kpiDrilldown(
  db: DatabaseOrTransaction,
  input: KpiDrilldownInput,
  now: Date = new Date(),
): Promise<{ items: KpiDrilldownItem[]; total: number }> {
  const { where, order } = drilldownSql(input.drilldown, input, now);
  const filter = sql`${where} and ${sliceConditions('f', input)}`;
  const [counted] = rowsOf<{ total: number }>(
    await db.execute(
      sql`select count(*)::int as total from conversation_kpi_facts f where ${filter}`,
    ),
  );
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select c.id, c.number, c.subject, f.audience, f.channel, f.status,
        f.priority, f.created_at, i.name as inbox_name, u.name as assignee_name,
        rt.name as request_type_name, f.first_response_business_seconds,
        f.resolution_business_seconds, f.csat_rating
      from conversation_kpi_facts f
      join conversations c on c.id = f.conversation_id
      join inboxes i on i.id = f.inbox_id
      left join users u on u.id = f.assignee_id
      left join request_types rt on rt.id = f.request_type_id
      where ${filter}
      order by ${order} nulls last, f.conversation_id
      limit ${input.limit} offset ${input.offset}`),
  );
  return {
    total: counted?.total ?? 0,
    items: rows.map((row) => ({
      id: String(row.id),
      number: Number(row.number),
      subject: String(row.subject),
      audience: String(row.audience),
      channel: String(row.channel),
      status: String(row.status),
      priority: String(row.priority),
      createdAt: new Date(row.created_at as string),
      inboxName: String(row.inbox_name),
      assigneeName: (row.assignee_name as string | null) ?? null,
      requestTypeName: (row.request_type_name as string | null) ?? null,
      firstResponseBusinessSeconds:
        row.first_response_business_seconds === null
          ? null
          : Number(row.first_response_business_seconds),
      resolutionBusinessSeconds:
        row.resolution_business_seconds === null ? null : Number(row.resolution_business_seconds),
      csatRating: row.csat_rating === null ? null : Number(row.csat_rating),
    })),
  };
}
