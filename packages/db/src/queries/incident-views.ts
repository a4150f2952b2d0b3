import {
  detectSpikes,
  type IncidentListInput,
  incidentTimeline,
  reviewProgress,
  SPIKE_RULE,
  spikeKey,
} from '@switchboard/domain';
import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  ne,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../client.ts';
import { rowsOf } from '../migrate.ts';
import {
  contacts,
  conversations,
  correctiveActions,
  incidentConversations,
  incidentEvents,
  incidents,
  users,
} from '../schema/index.ts';

const commanders = alias(users, 'commanders');
const communicators = alias(users, 'communicators');

const incidentColumns = {
  id: incidents.id,
  number: incidents.number,
  title: incidents.title,
  description: incidents.description,
  severity: incidents.severity,
  proposedSeverity: incidents.proposedSeverity,
  facts: incidents.facts,
  state: incidents.state,
  cityCodes: incidents.cityCodes,
  requestTypeCode: incidents.requestTypeCode,
  commanderId: incidents.commanderId,
  commanderName: commanders.name,
  communicationsId: incidents.communicationsId,
  communicationsName: communicators.name,
  declaredById: incidents.declaredById,
  declaredAt: incidents.declaredAt,
  lastUpdateAt: incidents.lastUpdateAt,
  nextUpdateDueAt: incidents.nextUpdateDueAt,
  resolvedAt: incidents.resolvedAt,
  resolutionSummary: incidents.resolutionSummary,
  rootCauseCode: incidents.rootCauseCode,
  rootCause: incidents.rootCause,
  reviewedAt: incidents.reviewedAt,
  linkedCount: sql<number>`(select count(*)::int from ${incidentConversations} l where l.incident_id = ${incidents.id})`,
};

function selectIncidents(db: Database) {
  return db
    .select(incidentColumns)
    .from(incidents)
    .leftJoin(commanders, eq(commanders.id, incidents.commanderId))
    .leftJoin(communicators, eq(communicators.id, incidents.communicationsId));
}

/** Open incidents worst first; resolved ones (or those whose review is still open) latest first. */
export async function listIncidents(db: Database, input: IncidentListInput) {
  const where: SQL | undefined =
    input.state === 'open'
      ? ne(incidents.state, 'resolved')
      : input.state === 'resolved'
        ? eq(incidents.state, 'resolved')
        : input.state === 'review_open'
          ? and(eq(incidents.state, 'resolved'), isNull(incidents.reviewedAt))
          : undefined;
  const [items, [total]] = await Promise.all([
    selectIncidents(db)
      .where(where)
      .orderBy(
        ...(input.state === 'open' ? [asc(incidents.severity)] : []),
        desc(incidents.declaredAt),
      )
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: count() }).from(incidents).where(where),
  ]);
  return { items, total: total?.total ?? 0 };
}

/** One incident: its state, record, review and the first page of linked conversations. */
export async function incidentDetail(db: Database, incidentId: string, today: string) {
  const [incident] = await selectIncidents(db).where(eq(incidents.id, incidentId));
  if (!incident) return null;
  const owners = alias(users, 'owners');
  const [events, actions, linked] = await Promise.all([
    db
      .select({
        id: incidentEvents.id,
        type: incidentEvents.type,
        payload: incidentEvents.payload,
        at: incidentEvents.createdAt,
        actorName: users.name,
      })
      .from(incidentEvents)
      .leftJoin(users, eq(users.id, incidentEvents.actorId))
      .where(eq(incidentEvents.incidentId, incidentId))
      .orderBy(asc(incidentEvents.seq)),
    db
      .select({
        id: correctiveActions.id,
        title: correctiveActions.title,
        ownerId: correctiveActions.ownerId,
        ownerName: owners.name,
        dueDate: correctiveActions.dueDate,
        status: correctiveActions.status,
        completedAt: correctiveActions.completedAt,
      })
      .from(correctiveActions)
      .innerJoin(owners, eq(owners.id, correctiveActions.ownerId))
      .where(eq(correctiveActions.incidentId, incidentId))
      .orderBy(asc(correctiveActions.dueDate), asc(correctiveActions.createdAt)),
    db
      .select({
        id: conversations.id,
        number: conversations.number,
        status: conversations.status,
        subject: conversations.subject,
        contactName: contacts.name,
        linkedAt: incidentConversations.linkedAt,
      })
      .from(incidentConversations)
      .innerJoin(conversations, eq(conversations.id, incidentConversations.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(eq(incidentConversations.incidentId, incidentId))
      .orderBy(desc(incidentConversations.linkedAt), desc(conversations.number))
      .limit(50),
  ]);
  const updates = events.filter(
    (event) => event.type === 'status_update' || event.type === 'declared',
  );
  return {
    ...incident,
    events,
    timeline: incidentTimeline(
      events.map((event) => ({ ...event, actorName: event.actorName ?? null })),
    ),
    latestUpdate: updates.at(-1) ?? null,
    actions,
    progress: reviewProgress(
      actions.map((action) => ({ status: action.status as 'open', dueDate: action.dueDate })),
      today,
    ),
    linked,
  };
}

/** The incidents a conversation is linked to, open ones first, with their latest update. */
export async function incidentsOfConversation(db: Database, conversationId: string) {
  const rows = await db
    .select({
      id: incidents.id,
      number: incidents.number,
      title: incidents.title,
      severity: incidents.severity,
      state: incidents.state,
      lastUpdateAt: incidents.lastUpdateAt,
      latestUpdate: sql<
        string | null
      >`(select coalesce(e.payload->>'body', e.payload->>'title') from ${incidentEvents} e
        where e.incident_id = ${incidents.id} and e.type in ('status_update', 'declared', 'resolved')
        order by e.seq desc limit 1)`,
    })
    .from(incidentConversations)
    .innerJoin(incidents, eq(incidents.id, incidentConversations.incidentId))
    .where(eq(incidentConversations.conversationId, conversationId))
    .orderBy(sql`${incidents.state} = 'resolved'`, desc(incidents.declaredAt));
  return rows;
}

/**
 * Similar conversations piling up: counts per request type and city in the spike window and
 * in the baseline before it, aggregated in SQL for the pairs seen in the window only, then
 * judged by domain.detectSpikes. Pairs an open incident covers are left out.
 */
export async function spikeSuggestions(db: Database, now: Date = new Date()) {
  const windowStart = new Date(now.getTime() - SPIKE_RULE.windowMinutes * 60_000);
  const baselineStart = new Date(windowStart.getTime() - SPIKE_RULE.baselineDays * 86_400_000);
  const counts = rowsOf<{
    request_type_code: string;
    city_code: string;
    in_window: number;
    in_baseline: number;
  }>(
    await db.execute(sql`
      with recent as (
        select c.request_type_id, c.city_id, count(*)::int as in_window
        from conversations c
        where c.created_at >= ${windowStart.toISOString()}::timestamptz
          and c.created_at < ${now.toISOString()}::timestamptz
          and c.request_type_id is not null and c.city_id is not null
        group by 1, 2
        having count(*) >= ${SPIKE_RULE.minConversations}
      )
      select rt.code as request_type_code, ci.code as city_code, r.in_window,
        (select count(*)::int from conversations b
          where b.request_type_id = r.request_type_id and b.city_id = r.city_id
            and b.created_at >= ${baselineStart.toISOString()}::timestamptz
            and b.created_at < ${windowStart.toISOString()}::timestamptz) as in_baseline
      from recent r
      join request_types rt on rt.id = r.request_type_id
      join cities ci on ci.id = r.city_id
    `),
  );
  if (counts.length === 0) return [];
  const open = await db
    .select({ requestTypeCode: incidents.requestTypeCode, cityCodes: incidents.cityCodes })
    .from(incidents)
    .where(and(ne(incidents.state, 'resolved'), isNotNull(incidents.requestTypeCode)));
  const covered = new Set(
    open.flatMap((incident) =>
      incident.cityCodes.map((cityCode) =>
        spikeKey({ requestTypeCode: incident.requestTypeCode!, cityCode }),
      ),
    ),
  );
  return detectSpikes(
    counts.map((row) => ({
      requestTypeCode: row.request_type_code,
      cityCode: row.city_code,
      inWindow: Number(row.in_window),
      inBaseline: Number(row.in_baseline),
    })),
    covered,
  );
}

/** Colleagues to give incident roles and actions to. */
export function incidentStaffChoices(db: Database) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ['agent', 'lead', 'trainer', 'admin'])))
    .orderBy(asc(users.name))
    .limit(500);
}
