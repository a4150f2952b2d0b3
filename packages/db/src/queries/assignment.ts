import {
  type AgentLoad,
  type AssignmentCandidate,
  type AssignmentPolicy,
  type AssignmentRequest,
  blocksChannelQueue,
  type Channel,
  chooseAgent,
  replyDueAt,
} from '@switchboard/domain';
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  certifications,
  conversations,
  inboxes,
  memberships,
  requestTypes,
  users,
} from '../schema/index.ts';
import { appendEvents, SYSTEM_ACTOR } from './conversation-log.ts';
import { announce } from './live.ts';

export interface AssignmentResult {
  assigneeId: string | null;
  reason: string;
  /** Nobody in the inbox can take more on this conversation's channel right now. */
  blocksChannel: boolean;
}

/** The candidates of an inbox: active staff of its team who work conversations, locked. */
async function candidatesOf(
  tx: DatabaseOrTransaction,
  teamId: string,
  now: Date,
  options: { lock: boolean } = { lock: true },
): Promise<AssignmentCandidate[]> {
  // Locked in id order, so two workers assigning in the same team queue instead of both
  // counting the same free capacity (and never deadlock).
  const members = tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(memberships.teamId, teamId),
        eq(users.active, true),
        inArray(users.role, ['agent', 'lead']),
      ),
    )
    .orderBy(asc(users.id));
  const locked = options.lock ? await members.for('update', { of: users }) : await members;
  if (locked.length === 0) return [];
  const ids = locked.map((row) => row.id);
  const people = await tx
    .select({
      id: users.id,
      name: users.name,
      availability: users.availability,
      capacity: users.channelCapacity,
      skills: users.skills,
      languages: users.languages,
      lastAssignedAt: users.lastAssignedAt,
      // Spelled out with aliases: Drizzle leaves columns unqualified in a one-table select.
      certifications: sql<string[]>`coalesce((
        select array_agg(c.code) from user_certifications uc
        join certifications c on c.id = uc.certification_id
        where uc.user_id = "users"."id"
          and (uc.expires_at is null or uc.expires_at > ${now.toISOString()}::timestamptz)
      ), '{}')`,
    })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(asc(users.id));
  return people;
}

/** Open conversations per channel of each candidate, counted in SQL. */
async function loadsOf(
  tx: DatabaseOrTransaction,
  agentIds: string[],
): Promise<Map<string, AgentLoad>> {
  const loads = new Map<string, AgentLoad>();
  if (agentIds.length === 0) return loads;
  const rows = await tx
    .select({
      assigneeId: conversations.assigneeId,
      channel: conversations.channel,
      open: sql<number>`count(*)::int`,
    })
    .from(conversations)
    .where(and(inArray(conversations.assigneeId, agentIds), eq(conversations.status, 'open')))
    .groupBy(conversations.assigneeId, conversations.channel);
  for (const row of rows) {
    const load = loads.get(row.assigneeId!) ?? {};
    load[row.channel as Channel] = row.open;
    loads.set(row.assigneeId!, load);
  }
  return loads;
}

/**
 * Gives an open, unassigned conversation to an agent under its inbox's policy, or leaves it
 * queued with the reason nobody could take it. Runs inside the caller's transaction with the
 * conversation's row locked here, so no conversation is ever assigned twice; candidates are
 * locked too, so nobody goes over capacity when many workers assign at once.
 */
export async function assignByPolicy(
  tx: DatabaseOrTransaction,
  conversationId: string,
  options: { now?: Date; excludeAgentIds?: string[] } = {},
): Promise<AssignmentResult> {
  const now = options.now ?? new Date();
  const [conversation] = await tx
    .select({
      id: conversations.id,
      status: conversations.status,
      assigneeId: conversations.assigneeId,
      inboxId: conversations.inboxId,
      contactId: conversations.contactId,
      channel: conversations.channel,
      language: conversations.language,
      queuedAt: conversations.queuedAt,
      requestTypeCode: requestTypes.code,
      requiredCertification: sql<
        string | null
      >`(select ${certifications.code} from ${certifications}
        where ${certifications.id} = ${requestTypes.requiredCertificationId})`,
      policy: inboxes.assignmentPolicy,
      teamId: inboxes.teamId,
    })
    .from(conversations)
    .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
    .leftJoin(requestTypes, eq(requestTypes.id, conversations.requestTypeId))
    .where(eq(conversations.id, conversationId))
    .for('update', { of: conversations });
  if (!conversation) {
    return { assigneeId: null, reason: 'Conversation not found', blocksChannel: false };
  }
  if (conversation.status !== 'open' || conversation.assigneeId !== null) {
    return { assigneeId: conversation.assigneeId, reason: 'Already handled', blocksChannel: false };
  }
  const policy: AssignmentPolicy = conversation.policy;
  const candidates =
    policy.mode === 'manual' ? [] : await candidatesOf(tx, conversation.teamId, now);
  const loads = await loadsOf(
    tx,
    candidates.map((candidate) => candidate.id),
  );
  const choice = chooseAgent(
    {
      channel: conversation.channel,
      languageCode: conversation.language,
      requestTypeCode: conversation.requestTypeCode,
      requiredCertification: conversation.requiredCertification,
      excludeAgentIds: options.excludeAgentIds ?? [],
    },
    candidates,
    policy,
    loads,
  );
  if (!choice.ok) {
    await tx
      .update(conversations)
      .set({
        queuedAt: conversation.queuedAt ?? now,
        assignmentReason: choice.explanation,
        assigneeReplyDueAt: null,
      })
      .where(eq(conversations.id, conversation.id));
    return {
      assigneeId: null,
      reason: choice.explanation,
      blocksChannel: blocksChannelQueue(choice),
    };
  }
  const agent = candidates.find((candidate) => candidate.id === choice.agentId)!;
  await tx
    .update(conversations)
    .set({
      assigneeId: agent.id,
      queuedAt: null,
      assignmentReason: choice.reason,
      assigneeReplyDueAt: replyDueAt(now, policy),
      updatedAt: now,
    })
    .where(eq(conversations.id, conversation.id));
  await tx.update(users).set({ lastAssignedAt: now }).where(eq(users.id, agent.id));
  await appendEvents(tx, conversation.id, SYSTEM_ACTOR, [
    {
      type: 'assigned',
      payload: {
        from: null,
        to: agent.id,
        assigneeName: agent.name,
        auto: policy.mode,
        reason: choice.reason,
      },
      occurredAt: now,
    },
  ]);
  await announce(tx, {
    kind: 'conversation',
    conversationId: conversation.id,
    inboxId: conversation.inboxId,
    assigneeId: agent.id,
    contactId: conversation.contactId,
    eventType: 'assigned',
    at: now.toISOString(),
  });
  return { assigneeId: agent.id, reason: choice.reason, blocksChannel: false };
}

/** Which queue runs touch: every inbox, or the given ones (a lead's "assign now", tests). */
export interface QueueRunOptions {
  now?: Date;
  inboxIds?: readonly string[];
}

/**
 * Hands out waiting conversations, inbox by inbox, most urgent first then longest waiting,
 * while someone can take them; a durable job runs it, so nothing waits on a restart. Each
 * inbox gets its own turn, so one inbox's long queue never starves the others. Returns how
 * many it assigned.
 */
export async function drainQueues(
  db: Database,
  options: QueueRunOptions & { perInbox?: number } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const automatic = await db
    .select({ id: inboxes.id })
    .from(inboxes)
    .where(
      and(
        sql`${inboxes.assignmentPolicy}->>'mode' <> 'manual'`,
        options.inboxIds ? inArray(inboxes.id, [...options.inboxIds]) : undefined,
      ),
    )
    .orderBy(asc(inboxes.id));
  let assigned = 0;
  for (const inbox of automatic) {
    const waiting = await db
      .select({ id: conversations.id, channel: conversations.channel })
      .from(conversations)
      .where(
        and(
          eq(conversations.inboxId, inbox.id),
          isNotNull(conversations.queuedAt),
          isNull(conversations.assigneeId),
          eq(conversations.status, 'open'),
        ),
      )
      .orderBy(asc(conversations.priority), asc(conversations.queuedAt), asc(conversations.id))
      .limit(options.perInbox ?? 100);
    // A channel nobody can take more of is skipped for the rest of this run: offering what
    // waits behind its head would only repeat the same refusal.
    const full = new Set<string>();
    for (const row of waiting) {
      if (full.has(row.channel)) continue;
      const result = await db.transaction((tx) => assignByPolicy(tx, row.id, { now }));
      if (result.assigneeId) assigned += 1;
      else if (result.blocksChannel) full.add(row.channel);
    }
  }
  return assigned;
}

/**
 * Conversations whose assignee did not reply within the inbox's limit go to the next agent
 * (or back to the queue). Returns how many were handed on.
 */
export async function reassignOverdue(
  db: Database,
  options: QueueRunOptions & { batch?: number } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const overdue = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        lte(conversations.assigneeReplyDueAt, now),
        eq(conversations.status, 'open'),
        isNotNull(conversations.assigneeId),
        options.inboxIds ? inArray(conversations.inboxId, [...options.inboxIds]) : undefined,
      ),
    )
    .orderBy(asc(conversations.assigneeReplyDueAt))
    .limit(options.batch ?? 200);
  let handedOn = 0;
  for (const { id } of overdue) {
    const moved = await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({
          assigneeId: conversations.assigneeId,
          due: conversations.assigneeReplyDueAt,
          inboxId: conversations.inboxId,
          contactId: conversations.contactId,
        })
        .from(conversations)
        .where(
          and(
            eq(conversations.id, id),
            eq(conversations.status, 'open'),
            lte(conversations.assigneeReplyDueAt, now),
          ),
        )
        .for('update');
      // Replied, reassigned or closed meanwhile.
      if (!locked?.assigneeId) return false;
      await tx
        .update(conversations)
        .set({ assigneeId: null, assigneeReplyDueAt: null, queuedAt: now, updatedAt: now })
        .where(eq(conversations.id, id));
      await appendEvents(tx, id, SYSTEM_ACTOR, [
        {
          type: 'unassigned',
          payload: { from: locked.assigneeId, to: null, reason: 'no_reply_in_time' },
          occurredAt: now,
        },
      ]);
      await assignByPolicy(tx, id, { now, excludeAgentIds: [locked.assigneeId] });
      return true;
    });
    if (moved) handedOn += 1;
  }
  return handedOn;
}

/** Who the inbox's policy would pick now, and why the others not (the simulator); locks nothing. */
export async function previewAssignment(
  db: DatabaseOrTransaction,
  inboxId: string,
  request: AssignmentRequest,
  now: Date = new Date(),
) {
  const [inbox] = await db
    .select({ policy: inboxes.assignmentPolicy, teamId: inboxes.teamId })
    .from(inboxes)
    .where(eq(inboxes.id, inboxId));
  if (!inbox) return null;
  const candidates =
    inbox.policy.mode === 'manual'
      ? []
      : await candidatesOf(db, inbox.teamId, now, { lock: false });
  const loads = await loadsOf(
    db,
    candidates.map((candidate) => candidate.id),
  );
  const [gate] = request.requestTypeCode
    ? await db
        .select({ code: certifications.code })
        .from(requestTypes)
        .innerJoin(certifications, eq(certifications.id, requestTypes.requiredCertificationId))
        .where(eq(requestTypes.code, request.requestTypeCode))
    : [];
  const choice = chooseAgent(
    { ...request, requiredCertification: gate?.code ?? null },
    candidates,
    inbox.policy,
    loads,
  );
  const agentName = choice.ok
    ? (candidates.find((candidate) => candidate.id === choice.agentId)?.name ?? null)
    : null;
  return { policy: inbox.policy, choice, agentName };
}
