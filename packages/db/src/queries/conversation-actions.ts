import { randomBytes } from 'node:crypto';
import {
  allowedTransitions,
  type ConversationStatus,
  canTransition,
  canViewConversation,
  clocksForStatus,
  clocksOf,
  mentionHandles,
  messagePreview,
  nextDueAt,
  onAgentReply,
  onPriorityChange,
  onReopen,
  type Priority,
  type Role,
  type SendMessageInput,
  type SlaClocks,
  seesEveryInbox,
  snoozeProblem,
} from '@switchboard/domain';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import {
  categories,
  conversations,
  conversationTags,
  inboxes,
  memberships,
  mentions,
  messages,
  reasons,
  requestTypes,
  tags,
  users,
} from '../schema/index.ts';
import { assignByPolicy } from './assignment.ts';
import { missingCertification } from './certification-gate.ts';
import { type Actor, appendEvents, type NewEvent } from './conversation-log.ts';
import { announce } from './live.ts';
import { Refusal, type RefusalCode } from './refusal.ts';
import { inboxIdsOfUser } from './routing.ts';
import { slaScheduleForInbox } from './sla-schedule.ts';

/** The signed-in staff member doing something to a conversation. */
export interface StaffActor {
  userId: string;
  name: string;
  role: Role;
}

export type ConversationActionErrorCode = Exclude<RefusalCode, 'FORBIDDEN'>;

/** A refusal of a conversation action; `field` names the input at fault. */
export class ConversationActionError extends Refusal {
  constructor(code: ConversationActionErrorCode, message: string, field?: string) {
    super(code, message, field);
  }
}

type ConversationRow = typeof conversations.$inferSelect;

const agentActor = (actor: StaffActor): Actor => ({ type: 'agent', userId: actor.userId });

/**
 * Runs `change` on the conversation under a row lock, so two agents acting at once are
 * applied one after the other; refuses unknown and closed conversations.
 */
async function withLockedConversation<T>(
  db: DatabaseOrTransaction,
  conversationId: string,
  change: (tx: DatabaseOrTransaction, conversation: ConversationRow) => Promise<T>,
  options: { allowClosed?: boolean } = {},
): Promise<T> {
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId))
      .for('update')
      .limit(1);
    if (!conversation) {
      throw new ConversationActionError('NOT_FOUND', 'Conversation not found', 'conversationId');
    }
    if (conversation.status === 'closed' && !options.allowClosed) {
      throw new ConversationActionError(
        'CONFLICT',
        'This conversation is closed; a new message from the customer starts a new one',
      );
    }
    return change(tx, conversation);
  });
}

/** Writes the changed columns, the events and the live notice of one action. */
async function commitChange(
  tx: DatabaseOrTransaction,
  conversation: ConversationRow,
  actor: Actor,
  changes: Partial<typeof conversations.$inferInsert>,
  events: NewEvent[],
  extra: { mentionedUserIds?: string[]; now?: Date } = {},
): Promise<ConversationRow> {
  // Events carry the instant the clocks were computed at, so replaying the log reproduces
  // the stored due times exactly (the database's now() is the transaction's start).
  const now = extra.now ?? new Date();
  const [updated] = await tx
    .update(conversations)
    .set({ ...changes, updatedAt: now })
    .where(eq(conversations.id, conversation.id))
    .returning();
  await appendEvents(
    tx,
    conversation.id,
    actor,
    events.map((event) => ({ ...event, occurredAt: event.occurredAt ?? now })),
  );
  const last = events.at(-1);
  if (last) {
    await announce(tx, {
      kind: 'conversation',
      conversationId: conversation.id,
      inboxId: updated!.inboxId,
      assigneeId: updated!.assigneeId,
      contactId: updated!.contactId,
      eventType: last.type,
      ...(extra.mentionedUserIds ? { mentionedUserIds: extra.mentionedUserIds } : {}),
      at: new Date().toISOString(),
    });
  }
  return updated!;
}

function withDue(clocks: SlaClocks) {
  return { ...clocksOf(clocks), slaDueAt: nextDueAt(clocks) };
}

/**
 * A public reply or an internal note. A reply stops the response clocks and, on an
 * unassigned conversation, assigns it to whoever answered. A retried send (same clientId)
 * is stored once.
 */
export async function sendMessage(
  db: DatabaseOrTransaction,
  actor: StaffActor,
  input: SendMessageInput,
  now: Date = new Date(),
): Promise<{ messageId: string; duplicate: boolean }> {
  const [existing] = await db
    .select({ id: messages.id, conversationId: messages.conversationId })
    .from(messages)
    .where(eq(messages.clientId, input.clientId))
    .limit(1);
  if (existing) {
    if (existing.conversationId !== input.conversationId) {
      throw new ConversationActionError('BAD_REQUEST', 'clientId is already used', 'clientId');
    }
    return { messageId: existing.id, duplicate: true };
  }
  return withLockedConversation(db, input.conversationId, async (tx, conversation) => {
    const isReply = input.kind === 'reply';
    const [message] = await tx
      .insert(messages)
      .values({
        conversationId: conversation.id,
        direction: 'outbound',
        kind: isReply ? 'message' : 'note',
        authorType: 'agent',
        authorUserId: actor.userId,
        channel: conversation.channel,
        body: input.body,
        clientId: input.clientId,
        createdAt: now,
        deliveredAt: isReply ? now : null,
      })
      .returning({ id: messages.id });
    const messageId = message!.id;
    const events: NewEvent[] = [];
    let changes: Partial<typeof conversations.$inferInsert> = {};
    let mentionedUserIds: string[] | undefined;
    if (isReply) {
      // A reply is what the assignment reply limit waits for.
      changes.assigneeReplyDueAt = null;
      // Replying takes an unassigned conversation, unless the gate keeps an agent from holding it.
      if (
        conversation.assigneeId === null &&
        (await missingCertification(
          tx,
          { id: actor.userId, role: actor.role },
          conversation.requestTypeId,
        )) === null
      ) {
        changes.assigneeId = actor.userId;
        changes.queuedAt = null;
        changes.assignmentReason = `${actor.name} replied and took it`;
        events.push({
          type: 'assigned',
          payload: { from: null, to: actor.userId, assigneeName: actor.name, auto: 'reply' },
        });
      }
      const clocks = onAgentReply(conversation);
      changes = {
        ...changes,
        ...withDue(clocks),
        lastMessageAt: now,
        lastMessagePreview: messagePreview(input.body),
        firstResponseAt: conversation.firstResponseAt ?? now,
      };
      events.push({ type: 'reply_sent', payload: { messageId } });
    } else {
      events.push({ type: 'note_added', payload: { messageId } });
      mentionedUserIds = await recordMentions(tx, conversation, actor, messageId, input.body);
      if (mentionedUserIds.length > 0) {
        events.push({ type: 'mentioned', payload: { messageId, userIds: mentionedUserIds } });
      }
    }
    await commitChange(tx, conversation, agentActor(actor), changes, events, {
      ...(mentionedUserIds?.length ? { mentionedUserIds } : {}),
      now,
    });
    return { messageId, duplicate: false };
  });
}

/** Mentions colleagues by their @handle; only active staff who can see the conversation. */
async function recordMentions(
  tx: DatabaseOrTransaction,
  conversation: ConversationRow,
  actor: StaffActor,
  messageId: string,
  body: string,
): Promise<string[]> {
  const handles = mentionHandles(body);
  if (handles.length === 0) return [];
  const candidates = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(
      and(eq(users.active, true), inArray(sql`lower(split_part(${users.email}, '@', 1))`, handles)),
    );
  const mentioned: string[] = [];
  for (const candidate of candidates) {
    if (candidate.id === actor.userId) continue;
    const inboxIds = seesEveryInbox(candidate.role) ? [] : await inboxIdsOfUser(tx, candidate.id);
    const viewer = { userId: candidate.id, role: candidate.role, inboxIds };
    if (canViewConversation(viewer, conversation)) mentioned.push(candidate.id);
  }
  if (mentioned.length > 0) {
    await tx.insert(mentions).values(
      mentioned.map((userId) => ({
        conversationId: conversation.id,
        messageId,
        mentionedUserId: userId,
        mentionedById: actor.userId,
      })),
    );
  }
  return mentioned;
}

/** Assigns to a colleague who works the conversation's inbox, or unassigns (null). */
export async function assignConversation(
  db: DatabaseOrTransaction,
  actor: StaffActor,
  input: { conversationId: string; assigneeId: string | null },
) {
  return withLockedConversation(db, input.conversationId, async (tx, conversation) => {
    if (conversation.assigneeId === input.assigneeId) return conversation;
    let assigneeName: string | null = null;
    if (input.assigneeId !== null) {
      const [assignee] = await tx
        .select({ id: users.id, name: users.name, role: users.role, active: users.active })
        .from(users)
        .where(eq(users.id, input.assigneeId))
        .limit(1);
      if (!assignee?.active) {
        throw new ConversationActionError('BAD_REQUEST', 'No such active colleague', 'assigneeId');
      }
      const inboxIds = seesEveryInbox(assignee.role) ? [] : await inboxIdsOfUser(tx, assignee.id);
      if (
        !canViewConversation(
          { userId: assignee.id, role: assignee.role, inboxIds },
          {
            ...conversation,
            assigneeId: null,
          },
        )
      ) {
        throw new ConversationActionError(
          'BAD_REQUEST',
          `${assignee.name} does not work this inbox; transfer the conversation first`,
          'assigneeId',
        );
      }
      const missing = await missingCertification(tx, assignee, conversation.requestTypeId);
      if (missing) {
        throw new ConversationActionError(
          'BAD_REQUEST',
          `${assignee.name} is not certified for ${missing.requestType} (needs ${missing.certification})`,
          'assigneeId',
        );
      }
      assigneeName = assignee.name;
    }
    const event: NewEvent =
      input.assigneeId === null
        ? { type: 'unassigned', payload: { from: conversation.assigneeId, to: null } }
        : {
            type: 'assigned',
            payload: { from: conversation.assigneeId, to: input.assigneeId, assigneeName },
          };
    // Assigned by hand: out of the queue, and no reply limit (that is for automatic picks).
    const placement: Partial<typeof conversations.$inferInsert> =
      input.assigneeId === null
        ? { queuedAt: new Date(), assignmentReason: `Unassigned by ${actor.name}` }
        : { queuedAt: null, assignmentReason: `Assigned by ${actor.name}` };
    return commitChange(
      tx,
      conversation,
      agentActor(actor),
      { assigneeId: input.assigneeId, assigneeReplyDueAt: null, ...placement },
      [event],
    );
  });
}

/**
 * Moves the conversation to another inbox with a reason (transfers count against routing
 * accuracy). The assignee keeps it only if they also work the new inbox.
 */
export async function transferConversation(
  db: DatabaseOrTransaction,
  actor: StaffActor,
  input: { conversationId: string; inboxId: string; reason: string },
) {
  return withLockedConversation(db, input.conversationId, async (tx, conversation) => {
    if (conversation.inboxId === input.inboxId) {
      throw new ConversationActionError('BAD_REQUEST', 'It is already in that inbox', 'inboxId');
    }
    const [target] = await tx
      .select({
        id: inboxes.id,
        name: inboxes.name,
        teamId: inboxes.teamId,
        active: inboxes.active,
      })
      .from(inboxes)
      .where(eq(inboxes.id, input.inboxId))
      .limit(1);
    if (!target?.active) {
      throw new ConversationActionError('BAD_REQUEST', 'No such active inbox', 'inboxId');
    }
    let assigneeId = conversation.assigneeId;
    if (assigneeId !== null) {
      const [member] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.teamId, target.teamId), eq(memberships.userId, assigneeId)))
        .limit(1);
      if (!member) assigneeId = null;
    }
    const events: NewEvent[] = [
      {
        type: 'transferred',
        payload: {
          fromInboxId: conversation.inboxId,
          toInboxId: target.id,
          toInboxName: target.name,
          reason: input.reason,
        },
      },
    ];
    if (assigneeId !== conversation.assigneeId) {
      events.push({ type: 'unassigned', payload: { from: conversation.assigneeId, to: null } });
    }
    const moved = await commitChange(
      tx,
      conversation,
      agentActor(actor),
      {
        inboxId: target.id,
        assigneeId,
        ...(assigneeId === null
          ? { queuedAt: new Date(), assigneeReplyDueAt: null, assignmentReason: null }
          : {}),
      },
      events,
    );
    // Unassigned in its new inbox: that inbox's policy picks the next agent.
    if (assigneeId === null) await assignByPolicy(tx, moved.id);
    return moved;
  });
}

export async function setPriority(
  db: DatabaseOrTransaction,
  actor: StaffActor,
  input: { conversationId: string; priority: Priority },
) {
  return withLockedConversation(db, input.conversationId, async (tx, conversation) => {
    if (conversation.priority === input.priority) return conversation;
    const schedule = await slaScheduleForInbox(tx, conversation.inboxId);
    const clocks = onPriorityChange(conversation, conversation.priority, input.priority, schedule);
    return commitChange(
      tx,
      conversation,
      agentActor(actor),
      { priority: input.priority, ...withDue(clocks) },
      [{ type: 'priority_changed', payload: { from: conversation.priority, to: input.priority } }],
    );
  });
}

/** Tag codes → ids, refusing codes that are not in the taxonomy or are deprecated. */
async function tagIdsFor(tx: DatabaseOrTransaction, codes: readonly string[], field: string) {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: tags.id, code: tags.code, deprecated: tags.deprecated })
    .from(tags)
    .where(inArray(tags.code, unique));
  const known = new Map(rows.map((row) => [row.code, row]));
  for (const [index, code] of unique.entries()) {
    const tag = known.get(code);
    if (!tag) {
      throw new ConversationActionError(
        'BAD_REQUEST',
        `"${code}" is not a tag in the taxonomy`,
        `${field}.${index}`,
      );
    }
    if (tag.deprecated) {
      throw new ConversationActionError(
        'BAD_REQUEST',
        `"${code}" is deprecated and cannot be applied`,
        `${field}.${index}`,
      );
    }
  }
  return new Map(rows.map((row) => [row.code, row.id]));
}

async function changeTags(
  tx: DatabaseOrTransaction,
  actor: StaffActor,
  conversation: ConversationRow,
  wanted: readonly string[],
  mode: 'replace' | 'add',
) {
  const ids = await tagIdsFor(tx, wanted, 'tags');
  const current = await tx
    .select({ code: tags.code, id: tags.id })
    .from(conversationTags)
    .innerJoin(tags, eq(tags.id, conversationTags.tagId))
    .where(eq(conversationTags.conversationId, conversation.id));
  const currentCodes = new Set(current.map((row) => row.code));
  const added = [...ids.keys()].filter((code) => !currentCodes.has(code));
  const removed =
    mode === 'replace' ? current.filter((row) => !ids.has(row.code)) : ([] as typeof current);
  if (added.length === 0 && removed.length === 0) return conversation;
  if (added.length > 0) {
    await tx.insert(conversationTags).values(
      added.map((code) => ({
        conversationId: conversation.id,
        tagId: ids.get(code)!,
        addedById: actor.userId,
      })),
    );
  }
  if (removed.length > 0) {
    await tx.delete(conversationTags).where(
      and(
        eq(conversationTags.conversationId, conversation.id),
        inArray(
          conversationTags.tagId,
          removed.map((row) => row.id),
        ),
      ),
    );
  }
  const events: NewEvent[] = [
    ...added.map((tag) => ({ type: 'tagged' as const, payload: { tag } })),
    ...removed.map((row) => ({ type: 'untagged' as const, payload: { tag: row.code } })),
  ];
  return commitChange(tx, conversation, agentActor(actor), {}, events);
}

/** Sets the conversation's tags to exactly `tags` (codes from the taxonomy). */
export async function setTags(
  db: DatabaseOrTransaction,
  actor: StaffActor,
  input: { conversationId: string; tags: string[] },
) {
  return withLockedConversation(db, input.conversationId, (tx, conversation) =>
    changeTags(tx, actor, conversation, input.tags, 'replace'),
  );
}

/** Adds tags, keeping the ones already there (macros use this). */
export async function addTags(
  db: DatabaseOrTransaction,
  actor: StaffActor,
  conversationId: string,
  tagCodes: string[],
) {
  return withLockedConversation(db, conversationId, (tx, conversation) =>
    changeTags(tx, actor, conversation, tagCodes, 'add'),
  );
}

/**
 * Sets the request type and reason from the taxonomy: live, not deprecated, of the
 * conversation's audience, and the reason under that request type.
 */
export async function classifyConversation(
  db: DatabaseOrTransaction,
  actor: StaffActor,
  input: { conversationId: string; requestTypeCode: string | null; reasonCode: string | null },
) {
  return withLockedConversation(db, input.conversationId, async (tx, conversation) => {
    let requestTypeId: string | null = null;
    let reasonId: string | null = null;
    if (input.requestTypeCode !== null) {
      const [type] = await tx
        .select({
          id: requestTypes.id,
          name: requestTypes.name,
          audience: requestTypes.audience,
          deprecated: requestTypes.deprecated,
          categoryName: categories.name,
          categoryDeprecated: categories.deprecated,
        })
        .from(requestTypes)
        .innerJoin(categories, eq(categories.id, requestTypes.categoryId))
        .where(eq(requestTypes.code, input.requestTypeCode))
        .limit(1);
      if (!type) {
        throw new ConversationActionError(
          'BAD_REQUEST',
          `"${input.requestTypeCode}" is not a request type in the taxonomy`,
          'requestTypeCode',
        );
      }
      if (type.deprecated) {
        throw new ConversationActionError(
          'BAD_REQUEST',
          `"${type.name}" is deprecated and cannot be applied`,
          'requestTypeCode',
        );
      }
      if (type.categoryDeprecated) {
        throw new ConversationActionError(
          'BAD_REQUEST',
          `"${type.name}" is under the deprecated category "${type.categoryName}" and cannot be applied`,
          'requestTypeCode',
        );
      }
      if (type.audience !== conversation.audience) {
        throw new ConversationActionError(
          'BAD_REQUEST',
          `"${type.name}" is a ${type.audience} request type; this is a ${conversation.audience} conversation`,
          'requestTypeCode',
        );
      }
      requestTypeId = type.id;
    }
    if (input.reasonCode !== null) {
      const [reason] = await tx
        .select()
        .from(reasons)
        .where(eq(reasons.code, input.reasonCode))
        .limit(1);
      if (!reason || reason.requestTypeId !== requestTypeId) {
        throw new ConversationActionError(
          'BAD_REQUEST',
          `"${input.reasonCode}" is not a reason of the chosen request type`,
          'reasonCode',
        );
      }
      if (reason.deprecated) {
        throw new ConversationActionError(
          'BAD_REQUEST',
          `"${reason.name}" is deprecated and cannot be applied`,
          'reasonCode',
        );
      }
      reasonId = reason.id;
    }
    if (requestTypeId === conversation.requestTypeId && reasonId === conversation.reasonId) {
      return conversation;
    }
    return commitChange(tx, conversation, agentActor(actor), { requestTypeId, reasonId }, [
      {
        type: 'request_type_set',
        payload: {
          from: { requestTypeId: conversation.requestTypeId, reasonId: conversation.reasonId },
          to: {
            requestTypeId,
            reasonId,
            requestTypeCode: input.requestTypeCode,
            reasonCode: input.reasonCode,
          },
        },
      },
    ]);
  });
}

export interface StatusOptions {
  /** Origin of the public survey page, for the CSAT link sent on non-chat channels. */
  publicUrl: string;
  /**
   * Required SOP steps still open on the conversation; resolving is refused while any
   * remain. Provided by the playbooks area.
   */
  unmetRequiredSteps?: (tx: DatabaseOrTransaction, conversationId: string) => Promise<string[]>;
  now?: Date;
}

/**
 * Moves the conversation through its lifecycle (domain transitions): pending and snoozed
 * pause the SLA clocks, resolving checks the SOP, stops the clocks and asks for CSAT,
 * reopening restarts them, closing archives.
 */
export async function setStatus(
  db: DatabaseOrTransaction,
  actor: StaffActor | null,
  input: {
    conversationId: string;
    status: ConversationStatus;
    snoozeUntil?: Date | undefined;
    rootCauseCode?: string | undefined;
  },
  options: StatusOptions,
) {
  const now = options.now ?? new Date();
  const eventActor: Actor = actor ? agentActor(actor) : { type: 'system', userId: null };
  return withLockedConversation(db, input.conversationId, async (tx, conversation) => {
    const from = conversation.status;
    const to = input.status;
    if (from === to && to !== 'snoozed') return conversation;
    const rules = {
      schedule: await slaScheduleForInbox(tx, conversation.inboxId, now),
      priority: conversation.priority,
    };
    if (from !== to && !canTransition(from, to)) {
      const allowed = allowedTransitions(from);
      throw new ConversationActionError(
        'CONFLICT',
        `A ${from} conversation cannot become ${to}${
          allowed.length > 0 ? `; it can become ${allowed.join(' or ')}` : ''
        }`,
        'status',
      );
    }
    const changes: Partial<typeof conversations.$inferInsert> = { status: to };
    const events: NewEvent[] = [];
    if (to === 'snoozed') {
      const problem = snoozeProblem(input.snoozeUntil ?? now, now);
      if (problem) throw new ConversationActionError('BAD_REQUEST', problem, 'snoozeUntil');
      changes.snoozedUntil = input.snoozeUntil!;
    } else {
      changes.snoozedUntil = null;
    }

    if (to === 'resolved') {
      const unmet = (await options.unmetRequiredSteps?.(tx, conversation.id)) ?? [];
      if (unmet.length > 0) {
        throw new ConversationActionError(
          'CONFLICT',
          `Finish or skip the required playbook steps first: ${unmet.join('; ')}`,
          'status',
        );
      }
      const token = randomBytes(24).toString('base64url');
      Object.assign(changes, withDue(clocksForStatus(conversation, to, now, rules)), {
        resolvedAt: now,
        csatToken: conversation.csatRating === null ? token : conversation.csatToken,
        ...(input.rootCauseCode ? { rootCauseCode: input.rootCauseCode } : {}),
      });
      events.push({
        type: 'resolved',
        payload: { from, ...(input.rootCauseCode ? { rootCauseCode: input.rootCauseCode } : {}) },
      });
      if (conversation.csatRating === null) {
        const link = `${options.publicUrl.replace(/\/$/, '')}/survey/${token}`;
        const viaWidget = conversation.channel === 'chat';
        events.push({
          type: 'csat_requested',
          payload: { via: viaWidget ? 'widget' : 'link', ...(viaWidget ? {} : { link }) },
        });
        if (!viaWidget) {
          const body = `How did we do? Rate this conversation from 1 to 5: ${link}`;
          await tx.insert(messages).values({
            conversationId: conversation.id,
            direction: 'outbound',
            kind: 'message',
            authorType: 'system',
            channel: conversation.channel,
            body,
            createdAt: now,
            deliveredAt: now,
          });
        }
      }
    } else if (from === 'resolved' && to === 'open') {
      Object.assign(changes, withDue(onReopen(conversation, now, rules.schedule)), {
        resolvedAt: null,
      });
      events.push({ type: 'reopened', payload: { from } });
    } else if (to === 'closed') {
      events.push({ type: 'closed', payload: { from } });
    } else {
      Object.assign(changes, withDue(clocksForStatus(conversation, to, now, rules)));
      events.push({
        type: 'status_changed',
        payload: {
          from,
          to,
          ...(to === 'snoozed' ? { until: input.snoozeUntil!.toISOString() } : {}),
        },
      });
    }
    return commitChange(tx, conversation, eventActor, changes, events, { now });
  });
}

/** Snoozed conversations whose time has come go back to open (a background job). */
export async function wakeSnoozedConversations(
  db: DatabaseOrTransaction,
  options: { publicUrl: string; now?: Date; limit?: number },
): Promise<number> {
  const now = options.now ?? new Date();
  const due = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.status, 'snoozed'), lte(conversations.snoozedUntil, now)))
    .limit(options.limit ?? 200);
  let woken = 0;
  for (const { id } of due) {
    try {
      await setStatus(db, null, { conversationId: id, status: 'open' }, { ...options, now });
      woken += 1;
    } catch (error) {
      // Someone else changed it meanwhile; the next run looks again.
      if (!(error instanceof ConversationActionError)) throw error;
    }
  }
  return woken;
}

/** Marks the viewer's mentions in a conversation as read (they opened it). */
export async function markMentionsRead(
  db: DatabaseOrTransaction,
  userId: string,
  conversationId: string,
): Promise<void> {
  await db
    .update(mentions)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(mentions.mentionedUserId, userId),
        eq(mentions.conversationId, conversationId),
        sql`${mentions.readAt} is null`,
      ),
    );
}
