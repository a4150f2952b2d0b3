import {
  type CreateEscalationInput,
  type EscalationMatrixEntry,
  type EscalationMove,
  type EscalationState,
  escalationAlertsDue,
  escalationDueTimes,
  escalationLabel,
  HANDOFF_FIELD_LABELS,
  type HandoffFields,
  type MoveEscalationInput,
  mayMoveEscalation,
  missingHandoffFields,
  moveEscalation,
  nextEscalationAlertAt,
  REJECTION_REASON_LABELS,
  type Role,
  SEVERITY_LABELS,
  type Severity,
  TEAM_KIND_LABELS,
  type TeamKind,
} from '@switchboard/domain';
import { and, eq, isNotNull, lte } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { conversations, escalationEvents, escalations, users } from '../schema/index.ts';
import { postNoteBack } from './conversation-notes.ts';
import { escalationContextFor } from './escalation-context.ts';
import { escalationMatrixEntry, listEscalationMatrix } from './escalation-matrix.ts';
import { announce } from './live.ts';
import { notifyPeople, teamMemberIds } from './notifications.ts';
import { listTeamsOfUser } from './people.ts';
import { Refusal } from './refusal.ts';

export class EscalationError extends Refusal {}

export interface EscalationViewer {
  userId: string;
  role: Role;
}

const escalationLink = (id: string) => `/workspace/escalations/${id}`;

/** The event each move appends (its past tense on the record). */
const MOVE_EVENT: Record<EscalationMove, string> = {
  acknowledge: 'acknowledged',
  start: 'started',
  resolve: 'resolved',
  reject: 'rejected',
  resend: 'resent',
};

function refuseMissingFields(fields: HandoffFields, entry: EscalationMatrixEntry): void {
  const missing = missingHandoffFields(fields, entry.requiredFields);
  if (missing.length === 0) return;
  throw new EscalationError(
    'BAD_REQUEST',
    `${TEAM_KIND_LABELS[entry.teamKind]} needs: ${missing.map((issue) => HANDOFF_FIELD_LABELS[issue.field].label).join(', ')}`,
    `fields.${missing[0]!.field}`,
  );
}

async function liveMatrixEntry(tx: DatabaseOrTransaction, teamKind: string) {
  const entry = await escalationMatrixEntry(tx, teamKind);
  if (!entry) {
    throw new EscalationError(
      'BAD_REQUEST',
      `There is no escalation path to ${TEAM_KIND_LABELS[teamKind as TeamKind] ?? teamKind} yet; a lead sets it up in the console`,
      'teamKind',
    );
  }
  return entry;
}

async function alertKeysSent(tx: DatabaseOrTransaction, escalationId: string) {
  const rows = await tx
    .select({ key: escalationEvents.alertKey })
    .from(escalationEvents)
    .where(
      and(eq(escalationEvents.escalationId, escalationId), isNotNull(escalationEvents.alertKey)),
    );
  return new Set(rows.map((row) => row.key!));
}

/** Everyone who follows an escalation: the owner team, who raised it, the conversation's assignee. */
async function followersOf(
  tx: DatabaseOrTransaction,
  escalation: { ownerTeamId: string; createdById: string; conversationId: string },
) {
  const [conversation] = await tx
    .select({ assigneeId: conversations.assigneeId })
    .from(conversations)
    .where(eq(conversations.id, escalation.conversationId));
  return [
    ...(await teamMemberIds(tx, escalation.ownerTeamId)),
    escalation.createdById,
    ...(conversation?.assigneeId ? [conversation.assigneeId] : []),
  ];
}

async function announceEscalation(
  tx: DatabaseOrTransaction,
  escalation: { id: string; ownerTeamId: string; createdById: string; conversationId: string },
  now: Date,
) {
  await announce(tx, {
    kind: 'escalation',
    escalationId: escalation.id,
    conversationId: escalation.conversationId,
    userIds: [...new Set(await followersOf(tx, escalation))],
    at: now.toISOString(),
  });
}

async function nameOf(tx: DatabaseOrTransaction, userId: string) {
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? 'Someone';
}

/**
 * Sends a handoff to a downstream team: validated against the team's required fields, with the
 * conversation's context attached, both SLA clocks started in the team's calendar, the owner
 * queue notified, and a note on the conversation. One transaction: all of it or nothing.
 */
export async function createEscalation(
  db: Database,
  viewer: EscalationViewer,
  input: CreateEscalationInput,
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .select({ id: conversations.id, status: conversations.status })
      .from(conversations)
      .where(eq(conversations.id, input.conversationId))
      .for('update');
    if (!conversation) {
      throw new EscalationError('NOT_FOUND', 'Conversation not found', 'conversationId');
    }
    if (conversation.status === 'closed') {
      throw new EscalationError(
        'CONFLICT',
        'This conversation is closed; reopen it to escalate',
        'conversationId',
      );
    }
    const matrix = await liveMatrixEntry(tx, input.teamKind);
    refuseMissingFields(input.fields, matrix.definition);
    const [already] = await tx
      .select({ number: escalations.number, state: escalations.state })
      .from(escalations)
      .where(
        and(
          eq(escalations.conversationId, input.conversationId),
          eq(escalations.teamKind, input.teamKind),
        ),
      )
      .orderBy(escalations.number);
    if (already && already.state !== 'resolved') {
      throw new EscalationError(
        'CONFLICT',
        `${escalationLabel(already.number)} to ${TEAM_KIND_LABELS[input.teamKind]} is still ${already.state.replace('_', ' ')}; add to it instead`,
        'teamKind',
      );
    }
    const context = await escalationContextFor(tx, input.conversationId);
    const due = escalationDueTimes(now, input.severity, matrix.definition);
    const nextAlertAt = nextEscalationAlertAt(
      { state: 'open', round: 1, ...due },
      matrix.definition.reminderMinutesBefore,
      new Set(),
    );
    const [created] = await tx
      .insert(escalations)
      .values({
        conversationId: input.conversationId,
        teamKind: input.teamKind,
        ownerTeamId: matrix.ownerTeamId,
        matrixVersion: matrix.version,
        severity: input.severity,
        state: 'open',
        summary: input.summary,
        fields: input.fields,
        context: context!,
        createdById: viewer.userId,
        sentAt: now,
        acknowledgeDueAt: due.acknowledgeDueAt,
        resolveDueAt: due.resolveDueAt,
        nextAlertAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: escalations.id, number: escalations.number });
    const escalation = {
      id: created!.id,
      ownerTeamId: matrix.ownerTeamId,
      createdById: viewer.userId,
      conversationId: input.conversationId,
    };
    await tx.insert(escalationEvents).values({
      escalationId: escalation.id,
      type: 'sent',
      actorId: viewer.userId,
      payload: {
        severity: input.severity,
        summary: input.summary,
        fields: input.fields,
        matrixVersion: matrix.version,
        acknowledgeDueAt: due.acknowledgeDueAt.toISOString(),
        resolveDueAt: due.resolveDueAt.toISOString(),
      },
      createdAt: now,
    });
    const label = escalationLabel(created!.number);
    await postNoteBack(tx, {
      conversationId: input.conversationId,
      authorUserId: viewer.userId,
      body: `Escalated to ${TEAM_KIND_LABELS[input.teamKind]} as ${label} (${SEVERITY_LABELS[input.severity]}): ${input.summary}`,
      mentionUserIds: [],
      event: {
        type: 'escalation_updated',
        payload: {
          escalationId: escalation.id,
          number: created!.number,
          teamKind: input.teamKind,
          move: 'sent',
          state: 'open',
        },
      },
      now,
    });
    await notifyPeople(
      tx,
      (await teamMemberIds(tx, matrix.ownerTeamId)).filter((id) => id !== viewer.userId),
      {
        kind: 'escalation_sent',
        title: `${label} · ${SEVERITY_LABELS[input.severity]} for ${TEAM_KIND_LABELS[input.teamKind]}`,
        body: input.summary,
        link: escalationLink(escalation.id),
        subjectId: escalation.id,
      },
      now,
    );
    await announceEscalation(tx, escalation, now);
    return { id: escalation.id, number: created!.number, ...due };
  });
}

async function lockEscalation(tx: DatabaseOrTransaction, escalationId: string) {
  const [row] = await tx
    .select()
    .from(escalations)
    .where(eq(escalations.id, escalationId))
    .for('update');
  if (!row) throw new EscalationError('NOT_FOUND', 'Escalation not found', 'escalationId');
  return row;
}

async function teamIdsOf(tx: DatabaseOrTransaction, userId: string) {
  return (await listTeamsOfUser(tx, userId)).map((team) => team.id);
}

/**
 * Moves an escalation along its lifecycle (domain.moveEscalation), as the owner team or — to
 * resend a returned one — support. Every move is an event; a return or a resolution is posted
 * back on the conversation for the agent who raised it.
 */
export async function moveEscalationRecord(
  db: Database,
  viewer: EscalationViewer,
  input: MoveEscalationInput,
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const row = await lockEscalation(tx, input.escalationId);
    const may = mayMoveEscalation(
      input.move,
      { role: viewer.role, teamIds: await teamIdsOf(tx, viewer.userId) },
      row.ownerTeamId,
    );
    if (!may.ok) throw new EscalationError('FORBIDDEN', may.why, 'escalationId');
    const moved = moveEscalation(row.state as EscalationState, input.move);
    if (!moved.ok) throw new EscalationError('CONFLICT', moved.why, 'move');

    const label = escalationLabel(row.number);
    const teamName = TEAM_KIND_LABELS[row.teamKind as TeamKind];
    const actorName = await nameOf(tx, viewer.userId);
    const changes: Partial<typeof escalations.$inferInsert> = { state: moved.to, updatedAt: now };
    let payload: Record<string, unknown> = {};
    let round = row.round;
    let due = { acknowledgeDueAt: row.acknowledgeDueAt, resolveDueAt: row.resolveDueAt };
    let reminderMinutes: number;

    if (input.move === 'acknowledge' || input.move === 'start') {
      changes.acknowledgedAt = row.acknowledgedAt ?? now;
      changes.assigneeId = row.assigneeId ?? viewer.userId;
    }
    if (input.move === 'resolve') {
      changes.outcome = input.outcome;
      changes.resolvedAt = now;
      payload = { outcome: input.outcome };
    }
    if (input.move === 'reject') {
      changes.rejectionReason = input.reason;
      changes.rejectionNote = input.note;
      payload = { reason: input.reason, note: input.note };
    }
    if (input.move === 'resend') {
      // Corrected against today's matrix: the team may have asked for more since.
      const matrix = await liveMatrixEntry(tx, row.teamKind);
      refuseMissingFields(input.fields, matrix.definition);
      round = row.round + 1;
      due = escalationDueTimes(now, row.severity as Severity, matrix.definition);
      Object.assign(changes, {
        summary: input.summary,
        fields: input.fields,
        context: (await escalationContextFor(tx, row.conversationId)) ?? row.context,
        matrixVersion: matrix.version,
        ownerTeamId: matrix.ownerTeamId,
        round,
        sentAt: now,
        acknowledgedAt: null,
        assigneeId: null,
        rejectionReason: null,
        rejectionNote: null,
        ...due,
      });
      payload = { summary: input.summary, fields: input.fields, note: input.note, round };
      reminderMinutes = matrix.definition.reminderMinutesBefore;
    } else {
      reminderMinutes = (await liveMatrixEntry(tx, row.teamKind)).definition.reminderMinutesBefore;
    }
    changes.nextAlertAt = nextEscalationAlertAt(
      { state: moved.to, round, ...due },
      reminderMinutes,
      await alertKeysSent(tx, row.id),
    );
    await tx.update(escalations).set(changes).where(eq(escalations.id, row.id));
    await tx.insert(escalationEvents).values({
      escalationId: row.id,
      type: MOVE_EVENT[input.move],
      actorId: viewer.userId,
      payload: { ...payload, from: row.state, to: moved.to },
      createdAt: now,
    });

    const escalation = {
      id: row.id,
      ownerTeamId: changes.ownerTeamId ?? row.ownerTeamId,
      createdById: row.createdById,
      conversationId: row.conversationId,
    };
    const noteBack = {
      resolve: () =>
        `${label} resolved by ${actorName} (${teamName}): ${input.move === 'resolve' ? input.outcome : ''}`,
      reject: () =>
        input.move === 'reject'
          ? `${label} returned by ${actorName} (${teamName}) — ${REJECTION_REASON_LABELS[input.reason]}: ${input.note}`
          : '',
      resend: () => `${label} sent again to ${teamName} by ${actorName}`,
      acknowledge: () => `${label} acknowledged by ${actorName} (${teamName})`,
      start: () => `${label} being worked on by ${actorName} (${teamName})`,
    }[input.move]();
    // Returns and outcomes reach the agent who raised it; other moves are recorded quietly.
    const tellRaiser = input.move === 'resolve' || input.move === 'reject';
    await postNoteBack(tx, {
      conversationId: row.conversationId,
      authorUserId: viewer.userId,
      body: noteBack,
      mentionUserIds: tellRaiser ? [row.createdById] : [],
      event: {
        type: 'escalation_updated',
        payload: {
          escalationId: row.id,
          number: row.number,
          teamKind: row.teamKind,
          move: MOVE_EVENT[input.move],
          state: moved.to,
        },
      },
      now,
    });
    if (tellRaiser) {
      await notifyPeople(
        tx,
        [row.createdById].filter((id) => id !== viewer.userId),
        {
          kind: input.move === 'resolve' ? 'escalation_resolved' : 'escalation_returned',
          title:
            input.move === 'resolve'
              ? `${label} resolved by ${teamName}`
              : `${label} returned by ${teamName}`,
          body: noteBack,
          link: `/workspace/conversations/${row.conversationId}`,
          subjectId: row.id,
        },
        now,
      );
    }
    if (input.move === 'resend') {
      await notifyPeople(
        tx,
        (await teamMemberIds(tx, escalation.ownerTeamId)).filter((id) => id !== viewer.userId),
        {
          kind: 'escalation_sent',
          title: `${label} sent again to ${teamName}`,
          body: input.summary,
          link: escalationLink(row.id),
          subjectId: row.id,
        },
        now,
      );
    }
    await announceEscalation(tx, escalation, now);
    return { id: row.id, state: moved.to };
  });
}

/** A comment on the escalation's record, by either side. */
export async function addEscalationNote(
  db: Database,
  viewer: EscalationViewer,
  input: { escalationId: string; body: string },
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const row = await lockEscalation(tx, input.escalationId);
    await tx.insert(escalationEvents).values({
      escalationId: row.id,
      type: 'noted',
      actorId: viewer.userId,
      payload: { body: input.body },
      createdAt: now,
    });
    await announceEscalation(tx, row, now);
    return { id: row.id };
  });
}

/**
 * Sends the reminders and breach alerts that are due (domain.escalationAlertsDue), each exactly
 * once: the alert's key is unique on the escalation's events, rows are claimed with SKIP LOCKED,
 * and the next alert time is stored — so a restart or a second process sends nothing twice.
 */
export async function sendDueEscalationAlerts(
  db: Database,
  now: Date = new Date(),
  batch = 100,
): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(escalations)
      .where(and(isNotNull(escalations.nextAlertAt), lte(escalations.nextAlertAt, now)))
      .orderBy(escalations.nextAlertAt)
      .limit(batch)
      .for('update', { skipLocked: true });
    let sent = 0;
    // The matrix has one small entry per team: read it once per batch, not once per row.
    const reminderMinutesOf = new Map(
      (await listEscalationMatrix(tx)).map((entry) => [
        entry.teamKind,
        entry.definition.reminderMinutesBefore,
      ]),
    );
    for (const row of due) {
      const reminderMinutes = reminderMinutesOf.get(row.teamKind) ?? 0;
      const clock = {
        state: row.state as EscalationState,
        round: row.round,
        acknowledgeDueAt: row.acknowledgeDueAt,
        resolveDueAt: row.resolveDueAt,
      };
      for (const alert of escalationAlertsDue(clock, now, reminderMinutes)) {
        const [inserted] = await tx
          .insert(escalationEvents)
          .values({
            escalationId: row.id,
            type: alert.kind,
            payload: { clock: alert.clock, dueAt: alert.dueAt.toISOString(), round: row.round },
            alertKey: alert.key,
            createdAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: escalationEvents.id });
        if (!inserted) continue;
        sent += 1;
        const label = escalationLabel(row.number);
        const what = alert.clock === 'acknowledge' ? 'acknowledge' : 'resolve';
        const team = await teamMemberIds(tx, row.ownerTeamId);
        const leads =
          alert.kind === 'breach'
            ? await teamMemberIds(tx, row.ownerTeamId, { leadsOnly: true })
            : [];
        await notifyPeople(
          tx,
          alert.kind === 'breach'
            ? [...team, ...leads, row.createdById]
            : row.assigneeId
              ? [row.assigneeId]
              : team,
          {
            kind: `escalation_${alert.kind}`,
            title:
              alert.kind === 'breach'
                ? `${label}: time to ${what} has run out`
                : `${label}: ${what} due at ${alert.dueAt.toISOString().slice(11, 16)} UTC`,
            body: row.summary,
            link: escalationLink(row.id),
            subjectId: row.id,
          },
          now,
        );
      }
      await tx
        .update(escalations)
        .set({
          nextAlertAt: nextEscalationAlertAt(
            clock,
            reminderMinutes,
            await alertKeysSent(tx, row.id),
          ),
        })
        .where(eq(escalations.id, row.id));
      await announceEscalation(tx, row, now);
    }
    return sent;
  });
}
