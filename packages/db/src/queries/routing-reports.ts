import {
  type AccuracyFigure,
  defaultBusinessCalendar,
  isWithinBusinessHours,
} from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { rowsOf } from '../migrate.ts';

// Routing accuracy and hygiene, aggregated in SQL from conversation_events (never loaded):
// the same definition as domain.routingAccuracy, which a test holds them to.

interface AccuracyRow {
  key: string | null;
  routed: number;
  accurate: number;
  transferred: number;
  open: number;
}

function figure(row: AccuracyRow | undefined): AccuracyFigure {
  const routed = Number(row?.routed ?? 0);
  const accurate = Number(row?.accurate ?? 0);
  return {
    routed,
    accurate,
    transferred: Number(row?.transferred ?? 0),
    open: Number(row?.open ?? 0),
    accuracy: routed > 0 ? accurate / routed : null,
  };
}

/** Conversations routed in the period, with whether they were transferred and are resolved. */
function routedIn(from: Date, to: Date) {
  return sql`routed as (
    select e.conversation_id, e.payload,
      exists (select 1 from conversation_events t
        where t.conversation_id = e.conversation_id and t.type = 'transferred') as transferred,
      c.status in ('resolved', 'closed') as resolved
    from conversation_events e
    join conversations c on c.id = e.conversation_id
    where e.type = 'routed' and e.occurred_at >= ${from.toISOString()}::timestamptz
      and e.occurred_at < ${to.toISOString()}::timestamptz)`;
}

const tally = sql`count(*)::int as routed,
  count(*) filter (where resolved and not transferred)::int as accurate,
  count(*) filter (where transferred)::int as transferred,
  count(*) filter (where not resolved and not transferred)::int as open`;

export async function routingAccuracyReport(db: Database, period: { from: Date; to: Date }) {
  const routed = routedIn(period.from, period.to);
  const [overall] = rowsOf<AccuracyRow>(
    await db.execute(sql`with ${routed} select null as key, ${tally} from routed`),
  );
  const byRule = rowsOf<AccuracyRow & { name: string | null }>(
    await db.execute(sql`with ${routed}, per_rule as (
        select distinct r.conversation_id, rule_id, r.transferred, r.resolved
        from routed r, jsonb_array_elements_text(r.payload->'ruleIds') as rule_id)
      select p.rule_id as key, rr.name, ${tally} from per_rule p
      left join routing_rules rr on rr.id::text = p.rule_id
      group by p.rule_id, rr.name order by count(*) desc limit 500`),
  );
  const byInbox = rowsOf<AccuracyRow & { name: string | null }>(
    await db.execute(sql`with ${routed}
      select r.payload->>'inboxId' as key, i.name, ${tally} from routed r
      left join inboxes i on i.id::text = r.payload->>'inboxId'
      group by r.payload->>'inboxId', i.name order by count(*) desc limit 500`),
  );
  return {
    overall: figure(overall),
    byRule: byRule.map((row) => ({ ruleId: row.key!, name: row.name, ...figure(row) })),
    byInbox: byInbox.map((row) => ({ inboxId: row.key!, name: row.name, ...figure(row) })),
  };
}

/** Routed conversations later transferred: what to fix rules from, newest first. */
export async function listMisroutes(
  db: Database,
  input: { from: Date; to: Date; ruleId?: string | undefined; limit: number; offset: number },
) {
  const routed = routedIn(input.from, input.to);
  const byRule = input.ruleId ? sql`and r.payload->'ruleIds' ? ${input.ruleId}` : sql``;
  const items = rowsOf<{
    conversationId: string;
    number: number;
    subject: string;
    routedInbox: string | null;
    transferredTo: string | null;
    reason: string | null;
    ruleIds: string[];
    transferredAt: string;
  }>(
    await db.execute(sql`with ${routed}
      select c.id as "conversationId", c.number, c.subject,
        ri.name as "routedInbox", t.payload->>'toInboxName' as "transferredTo",
        t.payload->>'reason' as reason, r.payload->'ruleIds' as "ruleIds",
        t.occurred_at as "transferredAt"
      from routed r
      join conversations c on c.id = r.conversation_id
      join lateral (select payload, occurred_at from conversation_events
        where conversation_id = r.conversation_id and type = 'transferred'
        order by id limit 1) t on true
      left join inboxes ri on ri.id::text = r.payload->>'inboxId'
      where r.transferred ${byRule}
      order by t.occurred_at desc limit ${input.limit} offset ${input.offset}`),
  );
  const [count] = rowsOf<{ total: number }>(
    await db.execute(
      sql`with ${routed} select count(*)::int as total from routed r where r.transferred ${byRule}`,
    ),
  );
  return { items, total: Number(count?.total ?? 0), limit: input.limit, offset: input.offset };
}

/**
 * What needs tidying: tags nobody uses, rules that matched nothing since a date, active
 * inboxes with nobody online, and conversations waiting unassigned too long.
 */
export async function routingHygiene(
  db: Database,
  input: { since: Date; unassignedMinutes: number; inboxIds?: string[] | undefined; now?: Date },
) {
  const now = input.now ?? new Date();
  const unusedTags = rowsOf<{ code: string; name: string }>(
    await db.execute(sql`select t.code, t.name from tags t
      where not t.deprecated
        and not exists (select 1 from conversation_tags ct where ct.tag_id = t.id)
      order by t.code limit 200`),
  );
  const silentRules = rowsOf<{ id: string; name: string; enabled: boolean; position: number }>(
    await db.execute(sql`select rr.id, rr.name, rr.enabled, rr.position from routing_rules rr
      where rr.created_at < ${input.since.toISOString()}::timestamptz
        and not exists (select 1 from conversation_events e
          where e.type = 'routed' and e.occurred_at >= ${input.since.toISOString()}::timestamptz
            and e.payload->'ruleIds' ? rr.id::text)
      order by rr.position limit 1000`),
  );
  const inInboxes = (column: ReturnType<typeof sql.raw>) =>
    input.inboxIds?.length
      ? sql`and ${column} = any(${`{${input.inboxIds.join(',')}}`}::uuid[])`
      : sql``;
  // Flagged only while the inbox's city is open for business: nobody online at 3 am is fine.
  const offline = rowsOf<{
    id: string;
    code: string;
    name: string;
    members: number;
    timeZone: string | null;
  }>(
    await db.execute(sql`select i.id, i.code, i.name,
        (select count(*)::int from memberships m where m.team_id = i.team_id) as members,
        ci.time_zone as "timeZone"
      from inboxes i left join cities ci on ci.id = i.city_id
      where i.active ${inInboxes(sql.raw('i.id'))} and not exists (
        select 1 from memberships m join users u on u.id = m.user_id
        where m.team_id = i.team_id and u.active and u.availability = 'online')
      order by i.name limit 200`),
  );
  const unstaffedInboxes = offline
    .filter((inbox) => isWithinBusinessHours(now, defaultBusinessCalendar(inbox.timeZone ?? 'UTC')))
    .map(({ timeZone: _zone, ...inbox }) => inbox);
  const threshold = new Date(now.getTime() - input.unassignedMinutes * 60_000);
  const waiting = rowsOf<{
    inboxId: string;
    inboxName: string;
    waiting: number;
    oldest: string;
  }>(
    await db.execute(sql`select i.id as "inboxId", i.name as "inboxName", count(*)::int as waiting,
        min(coalesce(c.queued_at, c.created_at)) as oldest
      from conversations c join inboxes i on i.id = c.inbox_id
      where c.status = 'open' and c.assignee_id is null ${inInboxes(sql.raw('c.inbox_id'))}
        and coalesce(c.queued_at, c.created_at) < ${threshold.toISOString()}::timestamptz
      group by i.id, i.name order by count(*) desc limit 200`),
  );
  return {
    unusedTags,
    silentRules,
    unstaffedInboxes,
    longUnassigned: waiting.map((row) => ({ ...row, oldest: new Date(row.oldest) })),
  };
}
