import { createHash, randomUUID } from 'node:crypto';
import {
  classifyIncident,
  clockAlertDue,
  type DeclareIncidentInput,
  INCIDENT_STATE_LABELS,
  type IncidentState,
  incidentLabel,
  macroContextOf,
  mayMoveIncident,
  mayRunIncident,
  nextStatusUpdateDue,
  type Role,
  renderMacro,
  SEVERITY_LABELS,
  type Severity,
  STATUS_UPDATE_REMINDER_MINUTES,
} from '@switchboard/domain';
import { and, asc, eq, gt, gte, inArray, isNotNull, lte, notInArray, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  cities,
  contacts,
  conversations,
  correctiveActions,
  incidentConversations,
  incidentEvents,
  incidents,
  requestTypes,
} from '../schema/index.ts';
import { type StaffActor, sendMessage } from './conversation-actions.ts';
import { appendEvents } from './conversation-log.ts';
import { notifyPeople } from './notifications.ts';
import { activeColleague } from './people.ts';
import { Refusal } from './refusal.ts';

export class IncidentError extends Refusal {}

const incidentLink = (id: string) => `/console/incidents/${id}`;
/** Most conversations one link touches, and the page size of a bulk reply. */
export const INCIDENT_BATCH_LIMIT = 500;

export interface IncidentViewer {
  userId: string;
  role: Role;
}

async function lockIncident(tx: DatabaseOrTransaction, incidentId: string) {
  const [row] = await tx.select().from(incidents).where(eq(incidents.id, incidentId)).for('update');
  if (!row) throw new IncidentError('NOT_FOUND', 'Incident not found', 'incidentId');
  return row;
}

function requireRunner(viewer: IncidentViewer, incident: typeof incidents.$inferSelect) {
  if (!mayRunIncident(viewer, incident)) {
    throw new IncidentError(
      'FORBIDDEN',
      'The incident commander, communications lead, team leads and admins run an incident',
      'incidentId',
    );
  }
}

/** One change to an incident by whoever runs it: in a transaction, under the incident's row lock. */
function asIncidentRunner<T>(
  db: Database,
  viewer: IncidentViewer,
  incidentId: string,
  work: (tx: DatabaseOrTransaction, incident: typeof incidents.$inferSelect) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    requireRunner(viewer, incident);
    return work(tx, incident);
  });
}

async function requireStaff(tx: DatabaseOrTransaction, userId: string | null, field: string) {
  if (userId === null) return null;
  const colleague = await activeColleague(tx, userId);
  if (!colleague) throw new IncidentError('BAD_REQUEST', 'No active colleague has this id', field);
  return colleague;
}

async function recordEvent(
  tx: DatabaseOrTransaction,
  incidentId: string,
  actorId: string | null,
  type: string,
  payload: Record<string, unknown>,
  now: Date,
) {
  await tx.insert(incidentEvents).values({ incidentId, type, actorId, payload, createdAt: now });
}

/** Everyone running the incident, to notify. */
function runners(incident: {
  commanderId: string | null;
  communicationsId: string | null;
  declaredById: string;
}) {
  return [incident.commanderId, incident.communicationsId, incident.declaredById].filter(
    (id): id is string => id !== null,
  );
}

/**
 * Declares an incident: the classification rules propose a severity from the facts, the
 * declarer's choice is stored beside it, the first status update is the declaration, and a
 * conversation it was declared from is linked.
 */
export async function declareIncident(
  db: Database,
  viewer: IncidentViewer,
  input: DeclareIncidentInput,
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const commander = await requireStaff(tx, input.commanderId, 'commanderId');
    const communications = await requireStaff(tx, input.communicationsId, 'communicationsId');
    if (input.cityCodes.length > 0) {
      const known = await tx
        .select({ code: cities.code })
        .from(cities)
        .where(inArray(cities.code, input.cityCodes));
      const missing = input.cityCodes.findIndex((code) => !known.some((row) => row.code === code));
      if (missing >= 0) {
        throw new IncidentError(
          'BAD_REQUEST',
          `No city has the code ${input.cityCodes[missing]}`,
          `cityCodes.${missing}`,
        );
      }
    }
    if (input.requestTypeCode) {
      const [type] = await tx
        .select({ id: requestTypes.id })
        .from(requestTypes)
        .where(eq(requestTypes.code, input.requestTypeCode));
      if (!type)
        throw new IncidentError(
          'BAD_REQUEST',
          `No request type ${input.requestTypeCode}`,
          'requestTypeCode',
        );
    }
    const facts = {
      scope: input.scope,
      impact: input.impact,
      money: input.money,
      safety: input.safety,
    };
    const proposed = classifyIncident(facts);
    const [created] = await tx
      .insert(incidents)
      .values({
        title: input.title,
        description: input.description,
        severity: input.severity,
        proposedSeverity: proposed.severity,
        facts,
        state: 'investigating',
        cityCodes: input.cityCodes,
        requestTypeCode: input.requestTypeCode,
        commanderId: commander?.id ?? viewer.userId,
        communicationsId: communications?.id ?? null,
        declaredById: viewer.userId,
        declaredAt: now,
        lastUpdateAt: now,
        nextUpdateDueAt: nextStatusUpdateDue('investigating', input.severity, now),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const incident = created!;
    await recordEvent(
      tx,
      incident.id,
      viewer.userId,
      'declared',
      {
        title: input.title,
        severity: input.severity,
        proposedSeverity: proposed.severity,
        reasons: proposed.reasons,
        facts,
        overridden: input.severity !== proposed.severity,
      },
      now,
    );
    if (input.conversationId) {
      await linkConversationIds(tx, viewer, incident, [input.conversationId], now);
    }
    await notifyPeople(
      tx,
      runners(incident).filter((id) => id !== viewer.userId),
      {
        kind: 'incident_declared',
        title: `${incidentLabel(incident.number)} · ${SEVERITY_LABELS[input.severity as Severity]}: ${input.title}`,
        body: 'You have a role on this incident.',
        link: incidentLink(incident.id),
        subjectId: incident.id,
      },
      now,
    );
    return { id: incident.id, number: incident.number, proposed };
  });
}

/** A status update: what is known now, optionally moving the state on; restarts the cadence. */
export async function postStatusUpdate(
  db: Database,
  viewer: IncidentViewer,
  input: { incidentId: string; state: IncidentState; body: string },
  now: Date = new Date(),
) {
  return asIncidentRunner(db, viewer, input.incidentId, async (tx, incident) => {
    if (input.state === 'resolved') {
      throw new IncidentError(
        'BAD_REQUEST',
        'Resolve the incident with its summary instead',
        'state',
      );
    }
    const move = mayMoveIncident(incident.state as IncidentState, input.state);
    if (!move.ok) throw new IncidentError('CONFLICT', move.why, 'state');
    await tx
      .update(incidents)
      .set({
        state: input.state,
        lastUpdateAt: now,
        updateCount: incident.updateCount + 1,
        nextUpdateDueAt: nextStatusUpdateDue(input.state, incident.severity as Severity, now),
        updatedAt: now,
      })
      .where(eq(incidents.id, incident.id));
    await recordEvent(
      tx,
      incident.id,
      viewer.userId,
      'status_update',
      { state: input.state, body: input.body },
      now,
    );
    return { id: incident.id, state: input.state };
  });
}

export async function assignIncidentRoles(
  db: Database,
  viewer: IncidentViewer,
  input: { incidentId: string; commanderId: string | null; communicationsId: string | null },
  now: Date = new Date(),
) {
  return asIncidentRunner(db, viewer, input.incidentId, async (tx, incident) => {
    const commander = await requireStaff(tx, input.commanderId, 'commanderId');
    const communications = await requireStaff(tx, input.communicationsId, 'communicationsId');
    await tx
      .update(incidents)
      .set({
        commanderId: commander?.id ?? null,
        communicationsId: communications?.id ?? null,
        updatedAt: now,
      })
      .where(eq(incidents.id, incident.id));
    await recordEvent(
      tx,
      incident.id,
      viewer.userId,
      'roles_assigned',
      { commanderName: commander?.name ?? null, communicationsName: communications?.name ?? null },
      now,
    );
    await notifyPeople(
      tx,
      [commander?.id, communications?.id].filter(
        (id): id is string => Boolean(id) && id !== viewer.userId,
      ),
      {
        kind: 'incident_role',
        title: `You have a role on ${incidentLabel(incident.number)}: ${incident.title}`,
        link: incidentLink(incident.id),
        subjectId: incident.id,
      },
      now,
    );
    return { id: incident.id };
  });
}

export async function changeIncidentSeverity(
  db: Database,
  viewer: IncidentViewer,
  input: { incidentId: string; severity: Severity; reason: string },
  now: Date = new Date(),
) {
  return asIncidentRunner(db, viewer, input.incidentId, async (tx, incident) => {
    if (incident.state === 'resolved') {
      throw new IncidentError('CONFLICT', 'This incident is resolved', 'severity');
    }
    if (incident.severity === input.severity) return { id: incident.id };
    await tx
      .update(incidents)
      .set({
        severity: input.severity,
        nextUpdateDueAt: nextStatusUpdateDue(
          incident.state as IncidentState,
          input.severity,
          incident.lastUpdateAt,
        ),
        updatedAt: now,
      })
      .where(eq(incidents.id, incident.id));
    await recordEvent(
      tx,
      incident.id,
      viewer.userId,
      'severity_changed',
      { from: incident.severity, to: input.severity, reason: input.reason },
      now,
    );
    return { id: incident.id };
  });
}

async function linkConversationIds(
  tx: DatabaseOrTransaction,
  viewer: IncidentViewer,
  incident: { id: string; number: number; title: string; severity: string },
  conversationIds: readonly string[],
  now: Date,
): Promise<number> {
  if (conversationIds.length === 0) return 0;
  const linked = await tx
    .insert(incidentConversations)
    .values(
      conversationIds.map((conversationId) => ({
        incidentId: incident.id,
        conversationId,
        linkedById: viewer.userId,
        linkedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ conversationId: incidentConversations.conversationId });
  if (linked.length === 0) return 0;
  for (const { conversationId } of linked) {
    // The conversation's own log says it is part of the incident (its banner reads from the link).
    await appendEvents(tx, conversationId, { type: 'agent', userId: viewer.userId }, [
      {
        type: 'incident_linked',
        payload: { incidentId: incident.id, number: incident.number, title: incident.title },
        occurredAt: now,
      },
    ]);
  }
  await recordEvent(
    tx,
    incident.id,
    viewer.userId,
    'conversations_linked',
    { count: linked.length },
    now,
  );
  return linked.length;
}

/**
 * Links conversations by id, or every conversation matching a search (request type, city, words
 * in the last message, created since the incident began unless said otherwise), up to
 * INCIDENT_BATCH_LIMIT at a time. Already linked ones are left as they are.
 */
export async function linkConversations(
  db: Database,
  viewer: IncidentViewer,
  input:
    | { incidentId: string; conversationIds: string[] }
    | {
        incidentId: string;
        match: {
          requestTypeCode: string | null;
          cityCode: string | null;
          text: string;
          since: Date | null;
        };
      },
  options: { visibleInboxIds: readonly string[] | 'all' },
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const incident = await lockIncident(tx, input.incidentId);
    if (incident.state === 'resolved') {
      throw new IncidentError(
        'CONFLICT',
        'This incident is resolved; its conversations are settled',
        'incidentId',
      );
    }
    let ids: string[];
    if ('conversationIds' in input) {
      const found = await tx
        .select({ id: conversations.id, inboxId: conversations.inboxId })
        .from(conversations)
        .where(inArray(conversations.id, input.conversationIds));
      const missing = input.conversationIds.findIndex((id) => !found.some((row) => row.id === id));
      if (missing >= 0)
        throw new IncidentError(
          'NOT_FOUND',
          'Conversation not found',
          `conversationIds.${missing}`,
        );
      const hidden = found.find(
        (row) =>
          options.visibleInboxIds !== 'all' && !options.visibleInboxIds.includes(row.inboxId),
      );
      if (hidden)
        throw new IncidentError(
          'FORBIDDEN',
          'A conversation is in an inbox you do not work',
          'conversationIds',
        );
      ids = found.map((row) => row.id);
    } else {
      requireRunner(viewer, incident);
      const { match } = input;
      const rows = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .leftJoin(requestTypes, eq(requestTypes.id, conversations.requestTypeId))
        .leftJoin(cities, eq(cities.id, conversations.cityId))
        .where(
          and(
            gte(conversations.createdAt, match.since ?? incident.declaredAt),
            match.requestTypeCode ? eq(requestTypes.code, match.requestTypeCode) : undefined,
            match.cityCode ? eq(cities.code, match.cityCode) : undefined,
            match.text
              ? sql`${conversations.lastMessagePreview} ilike ${`%${match.text.replace(/[%_\\]/g, '\\$&')}%`}`
              : undefined,
            notInArray(conversations.status, ['closed']),
            sql`not exists (select 1 from ${incidentConversations} l where l.conversation_id = ${conversations.id} and l.incident_id = ${incident.id})`,
          ),
        )
        .orderBy(asc(conversations.createdAt))
        .limit(INCIDENT_BATCH_LIMIT);
      ids = rows.map((row) => row.id);
    }
    const linked = await linkConversationIds(tx, viewer, incident, ids, now);
    return { linked, considered: ids.length };
  });
}

export async function unlinkConversation(
  db: Database,
  viewer: IncidentViewer,
  input: { incidentId: string; conversationId: string },
  now: Date = new Date(),
) {
  return asIncidentRunner(db, viewer, input.incidentId, async (tx, incident) => {
    const removed = await tx
      .delete(incidentConversations)
      .where(
        and(
          eq(incidentConversations.incidentId, incident.id),
          eq(incidentConversations.conversationId, input.conversationId),
        ),
      )
      .returning({ conversationId: incidentConversations.conversationId });
    if (removed.length === 0)
      throw new IncidentError('NOT_FOUND', 'That conversation is not linked', 'conversationId');
    await recordEvent(
      tx,
      incident.id,
      viewer.userId,
      'conversation_unlinked',
      { conversationId: input.conversationId },
      now,
    );
    return { id: incident.id };
  });
}

/**
 * Replies to every linked contact at once, each reply filled in for its contact and sent like
 * any reply (clocks, timeline, delivery). Each reply has a stable client id, so running the
 * same bulk reply again (a retry after a timeout) sends nothing twice.
 */
export async function bulkReply(
  db: Database,
  actor: StaffActor,
  input: {
    incidentId: string;
    body: string;
    includeResolved: boolean;
    clientId?: string | undefined;
  },
  now: Date = new Date(),
) {
  const [incident] = await db.select().from(incidents).where(eq(incidents.id, input.incidentId));
  if (!incident) throw new IncidentError('NOT_FOUND', 'Incident not found', 'incidentId');
  requireRunner({ userId: actor.userId, role: actor.role }, incident);
  const batch = input.clientId ?? randomUUID();
  let sent = 0;
  let repeated = 0;
  const failed: { conversationId: string; message: string }[] = [];
  // Page by conversation number so an incident of any size is answered in bounded batches.
  for (let after = 0; ; ) {
    const targets = await db
      .select({
        conversationId: conversations.id,
        number: conversations.number,
        contactName: contacts.name,
        contactEmail: contacts.email,
        contactPhone: contacts.phone,
        cityName: cities.name,
      })
      .from(incidentConversations)
      .innerJoin(conversations, eq(conversations.id, incidentConversations.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .leftJoin(cities, eq(cities.id, conversations.cityId))
      .where(
        and(
          eq(incidentConversations.incidentId, incident.id),
          gt(conversations.number, after),
          input.includeResolved
            ? notInArray(conversations.status, ['closed'])
            : notInArray(conversations.status, ['resolved', 'closed']),
        ),
      )
      .orderBy(asc(conversations.number))
      .limit(INCIDENT_BATCH_LIMIT);
    for (const target of targets) {
      const context = macroContextOf({
        conversationNumber: target.number,
        contact: {
          name: target.contactName,
          email: target.contactEmail,
          phone: target.contactPhone,
        },
        booking: null,
        agent: { name: actor.name },
        city: target.cityName ? { name: target.cityName } : null,
      });
      const text = renderMacro(input.body, context, [], {}).text.replaceAll(
        '{{incident.title}}',
        incident.title,
      );
      try {
        const result = await sendMessage(
          db,
          actor,
          {
            conversationId: target.conversationId,
            kind: 'reply',
            body: text,
            clientId: uuidFrom(`${batch}:${target.conversationId}`),
          },
          now,
        );
        if (result.duplicate) repeated += 1;
        else sent += 1;
      } catch (error) {
        failed.push({
          conversationId: target.conversationId,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (targets.length < INCIDENT_BATCH_LIMIT) break;
    after = targets.at(-1)!.number;
  }
  await db.transaction(async (tx) => {
    await recordEvent(
      tx,
      incident.id,
      actor.userId,
      'bulk_reply',
      { count: sent, repeated, failed: failed.length, body: input.body, batch },
      now,
    );
  });
  return { sent, repeated, failed, batch };
}

/** A deterministic UUID (v4 layout) from a string: the same batch and conversation, the same id. */
function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Resolves the incident and opens its post-incident review. */
export async function resolveIncident(
  db: Database,
  viewer: IncidentViewer,
  input: { incidentId: string; summary: string },
  now: Date = new Date(),
) {
  return asIncidentRunner(db, viewer, input.incidentId, async (tx, incident) => {
    if (incident.state === 'resolved')
      throw new IncidentError('CONFLICT', 'Already resolved', 'incidentId');
    await tx
      .update(incidents)
      .set({
        state: 'resolved',
        resolvedAt: now,
        resolutionSummary: input.summary,
        nextUpdateDueAt: null,
        lastUpdateAt: now,
        updatedAt: now,
      })
      .where(eq(incidents.id, incident.id));
    await recordEvent(tx, incident.id, viewer.userId, 'resolved', { summary: input.summary }, now);
    await notifyPeople(
      tx,
      runners(incident).filter((id) => id !== viewer.userId),
      {
        kind: 'incident_resolved',
        title: `${incidentLabel(incident.number)} resolved; its review is open`,
        body: input.summary,
        link: incidentLink(incident.id),
        subjectId: incident.id,
      },
      now,
    );
    return { id: incident.id, state: 'resolved' as const };
  });
}

export async function recordIncidentReview(
  db: Database,
  viewer: IncidentViewer,
  input: { incidentId: string; rootCauseCode: string; rootCause: string },
  now: Date = new Date(),
) {
  return asIncidentRunner(db, viewer, input.incidentId, async (tx, incident) => {
    if (incident.state !== 'resolved') {
      throw new IncidentError(
        'CONFLICT',
        'The review opens when the incident is resolved',
        'incidentId',
      );
    }
    await tx
      .update(incidents)
      .set({
        rootCauseCode: input.rootCauseCode,
        rootCause: input.rootCause,
        reviewedAt: now,
        updatedAt: now,
      })
      .where(eq(incidents.id, incident.id));
    await recordEvent(
      tx,
      incident.id,
      viewer.userId,
      'review_recorded',
      { rootCauseCode: input.rootCauseCode, rootCause: input.rootCause },
      now,
    );
    return { id: incident.id };
  });
}

export async function addCorrectiveAction(
  db: Database,
  viewer: IncidentViewer,
  input: { incidentId: string; title: string; ownerId: string; dueDate: string },
  now: Date = new Date(),
) {
  return asIncidentRunner(db, viewer, input.incidentId, async (tx, incident) => {
    const owner = await requireStaff(tx, input.ownerId, 'ownerId');
    const [action] = await tx
      .insert(correctiveActions)
      .values({
        incidentId: incident.id,
        title: input.title,
        ownerId: owner!.id,
        dueDate: input.dueDate,
        createdById: viewer.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: correctiveActions.id });
    await recordEvent(
      tx,
      incident.id,
      viewer.userId,
      'action_added',
      { actionId: action!.id, title: input.title, ownerName: owner!.name, dueDate: input.dueDate },
      now,
    );
    await notifyPeople(
      tx,
      owner!.id === viewer.userId ? [] : [owner!.id],
      {
        kind: 'incident_action',
        title: `Corrective action for ${incidentLabel(incident.number)}, due ${input.dueDate}`,
        body: input.title,
        link: incidentLink(incident.id),
        subjectId: incident.id,
      },
      now,
    );
    return { id: action!.id };
  });
}

/** Moves a corrective action on: its owner, or whoever runs the incident. */
export async function setCorrectiveActionStatus(
  db: Database,
  viewer: IncidentViewer,
  input: { actionId: string; status: 'open' | 'in_progress' | 'done' },
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const [action] = await tx
      .select()
      .from(correctiveActions)
      .where(eq(correctiveActions.id, input.actionId))
      .for('update');
    if (!action) throw new IncidentError('NOT_FOUND', 'Corrective action not found', 'actionId');
    const incident = await lockIncident(tx, action.incidentId);
    if (action.ownerId !== viewer.userId && !mayRunIncident(viewer, incident)) {
      throw new IncidentError(
        'FORBIDDEN',
        'Its owner or whoever runs the incident moves an action on',
        'actionId',
      );
    }
    if (action.status === input.status) return { id: action.id };
    await tx
      .update(correctiveActions)
      .set({
        status: input.status,
        completedAt: input.status === 'done' ? now : null,
        updatedAt: now,
      })
      .where(eq(correctiveActions.id, action.id));
    await recordEvent(
      tx,
      incident.id,
      viewer.userId,
      'action_status',
      { actionId: action.id, title: action.title, from: action.status, to: input.status },
      now,
    );
    return { id: action.id };
  });
}

/**
 * Reminds whoever runs an open incident that a status update is due soon, and flags it on the
 * record once it is overdue — once per update, across restarts and processes.
 */
export async function sendDueIncidentReminders(db: Database, now: Date = new Date(), batch = 100) {
  return db.transaction(async (tx) => {
    const horizon = new Date(now.getTime() + STATUS_UPDATE_REMINDER_MINUTES * 60_000);
    const due = await tx
      .select()
      .from(incidents)
      .where(
        and(
          isNotNull(incidents.nextUpdateDueAt),
          lte(incidents.nextUpdateDueAt, horizon),
          // Once overdue is on the record, nothing more is owed until the next update.
          sql`not exists (select 1 from ${incidentEvents} e where e.incident_id = ${incidents.id}
            and e.alert_key = 'u' || ${incidents.updateCount} || ':breach')`,
        ),
      )
      .orderBy(incidents.nextUpdateDueAt)
      .limit(batch)
      .for('update', { skipLocked: true });
    let sent = 0;
    for (const incident of due) {
      const alert = clockAlertDue(incident.nextUpdateDueAt!, now, STATUS_UPDATE_REMINDER_MINUTES);
      if (!alert) continue;
      const key = `u${incident.updateCount}:${alert}`;
      const [inserted] = await tx
        .insert(incidentEvents)
        .values({
          incidentId: incident.id,
          type: alert === 'breach' ? 'update_overdue' : 'update_reminder',
          payload: { dueAt: incident.nextUpdateDueAt!.toISOString() },
          alertKey: key,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: incidentEvents.id });
      if (!inserted) continue;
      sent += 1;
      await notifyPeople(
        tx,
        runners(incident),
        {
          kind: alert === 'breach' ? 'incident_update_overdue' : 'incident_update_due',
          title:
            alert === 'breach'
              ? `${incidentLabel(incident.number)}: the status update is overdue`
              : `${incidentLabel(incident.number)}: a status update is due in ${STATUS_UPDATE_REMINDER_MINUTES} minutes`,
          body: `${incident.title} · ${INCIDENT_STATE_LABELS[incident.state as IncidentState]}`,
          link: incidentLink(incident.id),
          subjectId: incident.id,
        },
        now,
      );
    }
    return sent;
  });
}
