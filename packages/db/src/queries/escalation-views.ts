import {
  DOWNSTREAM_TEAM_KINDS,
  type EscalationQueueInput,
  type EscalationState,
  escalationBreaches,
  escalationMatrixEntrySchema,
  suggestEscalations,
} from '@switchboard/domain';
import { and, asc, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { rowsOf } from '../migrate.ts';
import {
  contacts,
  conversations,
  conversationTags,
  escalationEvents,
  escalations,
  messages,
  requestTypes,
  tags,
  teams,
  users,
} from '../schema/index.ts';
import { listEscalationMatrix } from './escalation-matrix.ts';

const creators = alias(users, 'creators');
const assignees = alias(users, 'assignees');
const ACTIVE: EscalationState[] = ['open', 'acknowledged', 'in_progress'];

const rowColumns = {
  id: escalations.id,
  number: escalations.number,
  conversationId: escalations.conversationId,
  conversationNumber: conversations.number,
  contactName: contacts.name,
  teamKind: escalations.teamKind,
  ownerTeamId: escalations.ownerTeamId,
  ownerTeamName: teams.name,
  severity: escalations.severity,
  state: escalations.state,
  summary: escalations.summary,
  fields: escalations.fields,
  round: escalations.round,
  sentAt: escalations.sentAt,
  acknowledgeDueAt: escalations.acknowledgeDueAt,
  resolveDueAt: escalations.resolveDueAt,
  acknowledgedAt: escalations.acknowledgedAt,
  resolvedAt: escalations.resolvedAt,
  outcome: escalations.outcome,
  rejectionReason: escalations.rejectionReason,
  rejectionNote: escalations.rejectionNote,
  createdById: escalations.createdById,
  createdByName: creators.name,
  assigneeId: escalations.assigneeId,
  assigneeName: assignees.name,
  updatedAt: escalations.updatedAt,
};

function selectRows(db: DatabaseOrTransaction) {
  return db
    .select(rowColumns)
    .from(escalations)
    .innerJoin(conversations, eq(conversations.id, escalations.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(teams, eq(teams.id, escalations.ownerTeamId))
    .innerJoin(creators, eq(creators.id, escalations.createdById))
    .leftJoin(assignees, eq(assignees.id, escalations.assigneeId));
}

/** Which clocks have run out (domain.escalationBreaches), for the queue and the panel. */
function breachesOf(row: { state: string; acknowledgeDueAt: Date; resolveDueAt: Date }, now: Date) {
  return escalationBreaches({ ...row, state: row.state as EscalationState }, now);
}

/**
 * A page of escalations: the viewer's teams' queue, the ones they raised, or (leads and
 * admins) all. Active ones soonest due first; closed ones latest first.
 */
export async function listEscalations(
  db: Database,
  viewer: { userId: string; teamIds: readonly string[] },
  input: EscalationQueueInput,
  now: Date = new Date(),
) {
  const states: string[] | null =
    input.state === 'all' ? null : input.state === 'active' ? ACTIVE : [input.state];
  const conditions: (SQL | undefined)[] = [
    input.scope === 'team'
      ? viewer.teamIds.length > 0
        ? inArray(escalations.ownerTeamId, [...viewer.teamIds])
        : sql`false`
      : input.scope === 'raised'
        ? eq(escalations.createdById, viewer.userId)
        : undefined,
    input.teamKind ? eq(escalations.teamKind, input.teamKind) : undefined,
    states ? inArray(escalations.state, states) : undefined,
    input.breachedOnly
      ? or(
          and(eq(escalations.state, 'open'), lt(escalations.acknowledgeDueAt, now)),
          and(inArray(escalations.state, ACTIVE), lt(escalations.resolveDueAt, now)),
        )
      : undefined,
  ];
  const where = and(...conditions);
  const activeOnly = states?.every((state) => ACTIVE.includes(state as EscalationState)) ?? false;
  const [items, [count]] = await Promise.all([
    selectRows(db)
      .where(where)
      .orderBy(
        activeOnly ? asc(escalations.resolveDueAt) : desc(escalations.updatedAt),
        asc(escalations.number),
      )
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(escalations).where(where),
  ]);
  return {
    items: items.map((item) => ({ ...item, ...breachesOf(item, now) })),
    total: count?.total ?? 0,
  };
}

/** One escalation with its whole record, oldest event first. */
export async function escalationDetail(db: Database, escalationId: string, now: Date = new Date()) {
  const [row] = await db
    .select({
      ...rowColumns,
      context: escalations.context,
      matrixVersion: escalations.matrixVersion,
    })
    .from(escalations)
    .innerJoin(conversations, eq(conversations.id, escalations.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(teams, eq(teams.id, escalations.ownerTeamId))
    .innerJoin(creators, eq(creators.id, escalations.createdById))
    .leftJoin(assignees, eq(assignees.id, escalations.assigneeId))
    .where(eq(escalations.id, escalationId));
  if (!row) return null;
  const events = await db
    .select({
      id: escalationEvents.id,
      type: escalationEvents.type,
      actorId: escalationEvents.actorId,
      actorName: users.name,
      payload: escalationEvents.payload,
      at: escalationEvents.createdAt,
    })
    .from(escalationEvents)
    .leftJoin(users, eq(users.id, escalationEvents.actorId))
    .where(eq(escalationEvents.escalationId, escalationId))
    .orderBy(asc(escalationEvents.seq));
  return { ...row, ...breachesOf(row, now), events };
}

/** Every escalation of a conversation, newest first (a handful at most). */
export async function escalationsOfConversation(
  db: Database,
  conversationId: string,
  now: Date = new Date(),
) {
  const rows = await selectRows(db)
    .where(eq(escalations.conversationId, conversationId))
    .orderBy(desc(escalations.number));
  return rows.map((row) => ({ ...row, ...breachesOf(row, now) }));
}

/**
 * The matrix triggers a conversation matches (domain.suggestEscalations), leaving out teams
 * the conversation has already been escalated to (an agent may still escalate again).
 */
export async function escalationSuggestionsFor(db: Database, conversationId: string) {
  const [conversation] = await db
    .select({
      audience: conversations.audience,
      priority: conversations.priority,
      requestTypeCode: requestTypes.code,
    })
    .from(conversations)
    .leftJoin(requestTypes, eq(requestTypes.id, conversations.requestTypeId))
    .where(eq(conversations.id, conversationId));
  if (!conversation) return [];
  const [tagRows, inbound, escalated, matrix] = await Promise.all([
    db
      .select({ code: tags.code })
      .from(conversationTags)
      .innerJoin(tags, eq(tags.id, conversationTags.tagId))
      .where(eq(conversationTags.conversationId, conversationId)),
    db
      .select({ body: messages.body })
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'inbound')))
      .orderBy(desc(messages.createdAt))
      .limit(10),
    db
      .select({ teamKind: escalations.teamKind })
      .from(escalations)
      .where(
        and(eq(escalations.conversationId, conversationId), inArray(escalations.state, ACTIVE)),
      ),
    listEscalationMatrix(db),
  ]);
  const taken = new Set(escalated.map((row) => row.teamKind));
  return suggestEscalations(
    {
      audience: conversation.audience,
      priority: conversation.priority,
      requestTypeCode: conversation.requestTypeCode,
      tags: tagRows.map((tag) => tag.code),
      text: inbound.map((message) => message.body).join('\n'),
    },
    matrix.map((row) => escalationMatrixEntrySchema.parse(row.definition)),
  ).filter((suggestion) => !taken.has(suggestion.teamKind));
}

/**
 * Escalation turnaround per team over the escalations raised in the window, aggregated in SQL
 * from the escalations' events — the same measure as domain.escalationTurnaround: acknowledged
 * from the latest send before the first acknowledgement, resolved from the first send; nearest-
 * rank percentiles (percentile_disc). Calendar minutes.
 */
export async function escalationTurnaroundReport(
  db: Database,
  window: { since: Date; until: Date },
  now: Date = new Date(),
) {
  const result = rowsOf<{
    team_kind: string;
    sent: number;
    active: number;
    breached: number;
    resolved: number;
    returned: number;
    ack_p50: number | null;
    ack_p90: number | null;
    resolve_p50: number | null;
    resolve_p90: number | null;
  }>(
    await db.execute(sql`
    with per as (
      select e.id, e.team_kind, e.state, e.acknowledge_due_at, e.resolve_due_at,
        min(ev.created_at) filter (where ev.type = 'sent') as first_sent,
        min(ev.created_at) filter (where ev.type in ('acknowledged', 'started')) as first_ack,
        max(ev.created_at) filter (where ev.type = 'resolved') as resolved_at,
        count(*) filter (where ev.type = 'rejected') as returns
      from escalations e
      join escalation_events ev on ev.escalation_id = e.id
      where e.created_at >= ${window.since.toISOString()}::timestamptz
        and e.created_at < ${window.until.toISOString()}::timestamptz
      group by e.id
    ), timed as (
      select per.*,
        (select max(ev.created_at) from escalation_events ev
          where ev.escalation_id = per.id and ev.type in ('sent', 'resent')
            and ev.created_at <= per.first_ack) as ack_from
      from per
    )
    select team_kind,
      count(*)::int as sent,
      count(*) filter (where state in ('open', 'acknowledged', 'in_progress'))::int as active,
      count(*) filter (where (state = 'open' and acknowledge_due_at < ${now.toISOString()}::timestamptz)
        or (state in ('open', 'acknowledged', 'in_progress') and resolve_due_at < ${now.toISOString()}::timestamptz))::int as breached,
      count(*) filter (where state = 'resolved')::int as resolved,
      count(*) filter (where returns > 0)::int as returned,
      percentile_disc(0.5) within group (order by extract(epoch from first_ack - ack_from) / 60)
        filter (where first_ack is not null) as ack_p50,
      percentile_disc(0.9) within group (order by extract(epoch from first_ack - ack_from) / 60)
        filter (where first_ack is not null) as ack_p90,
      percentile_disc(0.5) within group (order by extract(epoch from resolved_at - first_sent) / 60)
        filter (where resolved_at is not null) as resolve_p50,
      percentile_disc(0.9) within group (order by extract(epoch from resolved_at - first_sent) / 60)
        filter (where resolved_at is not null) as resolve_p90
    from timed
    group by team_kind
  `),
  );
  const rows = new Map(result.map((row) => [row.team_kind, row]));
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return DOWNSTREAM_TEAM_KINDS.map((teamKind) => {
    const row = rows.get(teamKind);
    return {
      teamKind,
      sent: row?.sent ?? 0,
      active: row?.active ?? 0,
      breached: row?.breached ?? 0,
      resolved: row?.resolved ?? 0,
      returned: row?.returned ?? 0,
      acknowledgeMinutes: { p50: num(row?.ack_p50), p90: num(row?.ack_p90) },
      resolveMinutes: { p50: num(row?.resolve_p50), p90: num(row?.resolve_p90) },
    };
  });
}
