import {
  type Channel,
  type ChatHandover,
  decideIntake,
  type InboundMessage,
  inboundMessageSchema,
  messagePreview,
  nextDueAt,
  onCustomerMessage,
  onReopen,
  type SlaClocks,
  startClocks,
} from '@switchboard/domain';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction, Transaction } from '../client.ts';
import {
  bookings,
  cities,
  contacts,
  conversationEvents,
  conversations,
  conversationTags,
  inboxes,
  messages,
  tags,
} from '../schema/index.ts';
import { assignByPolicy } from './assignment.ts';
import { type Actor, appendEvents, SYSTEM_ACTOR } from './conversation-log.ts';
import { IntakeError } from './intake-errors.ts';
import { announce } from './live.ts';
import { slaScheduleForInbox } from './sla-schedule.ts';
import { type Triage, triage } from './triage.ts';

export { IntakeError };

export type IntakeOutcome = 'new' | 'appended' | 'reopened';

export interface IntakeResult {
  conversationId: string;
  messageId: string;
  contactId: string;
  /** True when this (channel, externalMessageId) had been received before: nothing was written. */
  duplicate: boolean;
  /** What the message did when it was first received. */
  outcome: IntakeOutcome;
}

const CONTACT_ACTOR: Actor = { type: 'contact', userId: null };
const SUBJECT_LENGTH = 80;

/** Thrown inside the transaction when another writer stored the same message first. */
class AlreadyDelivered extends Error {}

/**
 * Stores an inbound message and files it: into the contact's active conversation on that
 * channel, reopening one resolved in the last seven days, or into a new conversation routed
 * to an inbox of the audience (and city). One transaction: the message, the contact, the
 * conversation, its events and the live notice commit together or not at all.
 *
 * Idempotent on (channel, externalMessageId): concurrent deliveries of one message queue on a
 * transaction-scoped advisory lock keyed on it, so exactly one stores it and the others find
 * it and report the same conversation with `duplicate: true`.
 */
export async function receiveInboundMessage(
  db: Database,
  input: InboundMessage,
  now: Date = new Date(),
  handover?: ChatHandover,
): Promise<IntakeResult> {
  const message = inboundMessageSchema.parse(input);
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${deliveryKey(message.channel, message.externalMessageId)}, 0))`,
      );
      const delivered = await findDelivered(tx, message.channel, message.externalMessageId);
      if (delivered) return delivered;
      return fileMessage(tx, message, now, handover);
    });
  } catch (error) {
    if (!(error instanceof AlreadyDelivered)) throw error;
    const delivered = await findDelivered(db, message.channel, message.externalMessageId);
    if (!delivered) throw new Error('message reported as delivered but not found');
    return delivered;
  }
}

function deliveryKey(channel: Channel, externalMessageId: string): string {
  return `intake:${channel}:${externalMessageId}`;
}

/** A message received before, with what it did then. */
async function findDelivered(
  db: DatabaseOrTransaction,
  channel: Channel,
  externalMessageId: string,
): Promise<IntakeResult | null> {
  const [row] = await db
    .select({
      messageId: messages.id,
      conversationId: messages.conversationId,
      contactId: conversations.contactId,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.channel, channel), eq(messages.externalId, externalMessageId)))
    .limit(1);
  if (!row) return null;
  const [origin] = await db
    .select({ type: conversationEvents.type })
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.conversationId, row.conversationId),
        inArray(conversationEvents.type, ['created', 'reopened']),
        sql`${conversationEvents.payload}->>'messageId' = ${row.messageId}`,
      ),
    )
    .limit(1);
  const outcome: IntakeOutcome =
    origin?.type === 'created' ? 'new' : origin?.type === 'reopened' ? 'reopened' : 'appended';
  return { ...row, duplicate: true, outcome };
}

async function fileMessage(
  tx: Transaction,
  message: InboundMessage,
  now: Date,
  handover?: ChatHandover,
): Promise<IntakeResult> {
  const contact = await upsertContact(tx, message, now);
  // Locked so an agent's status change and this message cannot interleave.
  const [latest] = await tx
    .select({
      id: conversations.id,
      status: conversations.status,
      resolvedAt: conversations.resolvedAt,
      inboxId: conversations.inboxId,
      assigneeId: conversations.assigneeId,
      priority: conversations.priority,
      createdAt: conversations.createdAt,
      firstResponseAt: conversations.firstResponseAt,
      firstResponseDueAt: conversations.firstResponseDueAt,
      nextResponseDueAt: conversations.nextResponseDueAt,
      resolutionDueAt: conversations.resolutionDueAt,
      slaPausedAt: conversations.slaPausedAt,
    })
    .from(conversations)
    .where(and(eq(conversations.contactId, contact.id), eq(conversations.channel, message.channel)))
    .orderBy(desc(conversations.createdAt), desc(conversations.id))
    .limit(1)
    .for('update');

  const decision = decideIntake(latest ?? null, now);
  if (decision.kind === 'new' || !latest) {
    return openConversation(tx, message, contact, now, handover);
  }

  const messageId = await insertMessage(tx, latest.id, message, now);
  if (handover) await addHandoverNote(tx, latest.id, message, handover, now);
  const reopening = decision.kind === 'reopen';
  const parked = latest.status === 'pending' || latest.status === 'snoozed';
  const schedule = await slaScheduleForInbox(tx, latest.inboxId, now);
  const clocks: SlaClocks = reopening
    ? onReopen(latest, now, schedule)
    : onCustomerMessage(latest, now, schedule);
  await tx
    .update(conversations)
    .set({
      status: 'open',
      ...(reopening ? { resolvedAt: null } : {}),
      ...(parked ? { snoozedUntil: null } : {}),
      lastMessageAt: now,
      lastMessagePreview: messagePreview(message.text),
      ...clocks,
      slaDueAt: nextDueAt(clocks),
      updatedAt: now,
    })
    .where(eq(conversations.id, latest.id));
  await appendEvents(tx, latest.id, CONTACT_ACTOR, [
    { type: 'message_received', payload: { messageId }, occurredAt: now },
  ]);
  if (reopening) {
    await appendEvents(tx, latest.id, SYSTEM_ACTOR, [
      { type: 'reopened', payload: { from: latest.status, messageId }, occurredAt: now },
    ]);
  } else if (parked) {
    await appendEvents(tx, latest.id, SYSTEM_ACTOR, [
      {
        type: 'status_changed',
        payload: { from: latest.status, to: 'open', reason: 'customer_replied' },
        occurredAt: now,
      },
    ]);
  }
  await announce(tx, {
    kind: 'conversation',
    conversationId: latest.id,
    inboxId: latest.inboxId,
    assigneeId: latest.assigneeId,
    contactId: contact.id,
    eventType: 'message_received',
    at: now.toISOString(),
  });
  return {
    conversationId: latest.id,
    messageId,
    contactId: contact.id,
    duplicate: false,
    outcome: reopening ? 'reopened' : 'appended',
  };
}

interface IntakeContact {
  id: string;
  locale: string;
  cityId: string | null;
  vip: boolean;
  joinedAt: Date | null;
}

/** The contact by (audience, externalId), created or refreshed with what the channel knows. */
async function upsertContact(
  tx: Transaction,
  message: InboundMessage,
  now: Date,
): Promise<IntakeContact> {
  const given = message.contact;
  // Looked up inside the upsert (one round trip). An unknown code leaves the city as it was
  // rather than refusing, and losing, the message.
  const cityId = given.city
    ? sql`(select ${cities.id} from ${cities} where ${cities.code} = ${given.city})`
    : undefined;
  const refreshed = {
    name: given.name,
    ...(given.phone ? { phone: given.phone } : {}),
    ...(given.email ? { email: given.email } : {}),
    ...(given.locale ? { locale: given.locale } : {}),
    ...(given.vip !== undefined ? { vip: given.vip } : {}),
    ...(given.joinedAt ? { joinedAt: given.joinedAt } : {}),
  };
  const [contact] = await tx
    .insert(contacts)
    .values({
      audience: message.audience,
      externalId: given.externalId,
      ...refreshed,
      ...(cityId ? { cityId } : {}),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [contacts.audience, contacts.externalId],
      set: {
        ...refreshed,
        ...(cityId ? { cityId: sql`coalesce(excluded.city_id, ${contacts.cityId})` } : {}),
        updatedAt: now,
      },
    })
    .returning({
      id: contacts.id,
      locale: contacts.locale,
      cityId: contacts.cityId,
      vip: contacts.vip,
      joinedAt: contacts.joinedAt,
    });
  if (!contact) throw new Error('contact upsert returned no row');
  return contact;
}

async function openConversation(
  tx: Transaction,
  message: InboundMessage,
  contact: IntakeContact,
  now: Date,
  handover?: ChatHandover,
): Promise<IntakeResult> {
  const booking = message.bookingReference
    ? ((
        await tx
          .select({
            id: bookings.id,
            cityId: bookings.cityId,
            scheduledAt: bookings.scheduledAt,
          })
          .from(bookings)
          .where(eq(bookings.reference, message.bookingReference))
          .limit(1)
      )[0] ?? null)
    : null;
  const cityId = contact.cityId ?? booking?.cityId ?? null;
  const triaged = await triage(tx, {
    message,
    contact,
    cityId,
    bookingScheduledAt: booking?.scheduledAt ?? null,
    now,
  });
  const placed: Triage & { handoverTagIds?: Set<string> } = handover
    ? await placeHandover(tx, triaged, message, handover)
    : triaged;
  const { inboxId } = placed;
  const clocks = startClocks(now, placed.priority, await slaScheduleForInbox(tx, inboxId, now));
  const [conversation] = await tx
    .insert(conversations)
    .values({
      inboxId,
      contactId: contact.id,
      audience: message.audience,
      channel: message.channel,
      status: 'open',
      priority: placed.priority,
      subject: messagePreview(message.text, SUBJECT_LENGTH),
      cityId,
      language: contact.locale,
      bookingId: booking?.id ?? null,
      requestTypeId: placed.requestTypeId,
      assigneeId: null,
      queuedAt: now,
      routingDecision: placed.decision,
      lastMessageAt: now,
      lastMessagePreview: messagePreview(message.text),
      ...clocks,
      slaDueAt: nextDueAt(clocks),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: conversations.id });
  if (!conversation) throw new Error('conversation insert returned no row');
  const messageId = await insertMessage(tx, conversation.id, message, now);
  if (handover) await addHandoverNote(tx, conversation.id, message, handover, now);
  if (placed.tags.length > 0) {
    await tx
      .insert(conversationTags)
      .values(placed.tags.map((tag) => ({ conversationId: conversation.id, tagId: tag.id })));
  }
  await appendEvents(tx, conversation.id, CONTACT_ACTOR, [
    { type: 'created', payload: { channel: message.channel, inboxId, messageId }, occurredAt: now },
    { type: 'message_received', payload: { messageId }, occurredAt: now },
  ]);
  const { outcome } = placed.decision;
  await appendEvents(tx, conversation.id, SYSTEM_ACTOR, [
    {
      type: 'routed',
      payload: {
        ruleIds: outcome.matchedRuleIds,
        inboxId,
        inboxName: placed.decision.inbox.name,
        requestTypeCode: placed.requestTypeCode,
        priority: placed.priority,
        tags: placed.tags.map((tag) => tag.code),
        ...(handover ? { handover: true } : {}),
      },
      occurredAt: now,
    },
    ...placed.tags.map((tag) => ({
      type: 'tagged' as const,
      payload: { tag: tag.code, by: placed.handoverTagIds?.has(tag.id) ? 'chat_bot' : 'routing' },
      occurredAt: now,
    })),
  ]);
  for (const reply of placed.autoReplies) {
    const [autoReply] = await tx
      .insert(messages)
      .values({
        conversationId: conversation.id,
        direction: 'outbound',
        kind: 'message',
        authorType: 'bot',
        channel: message.channel,
        body: reply,
        createdAt: now,
      })
      .returning({ id: messages.id });
    await appendEvents(tx, conversation.id, { type: 'bot', userId: null }, [
      { type: 'auto_replied', payload: { messageId: autoReply!.id }, occurredAt: now },
    ]);
  }
  await announce(tx, {
    kind: 'conversation',
    conversationId: conversation.id,
    inboxId,
    assigneeId: null,
    contactId: contact.id,
    eventType: 'created',
    at: now.toISOString(),
  });
  await assignByPolicy(tx, conversation.id, { now });
  return {
    conversationId: conversation.id,
    messageId,
    contactId: contact.id,
    duplicate: false,
    outcome: 'new',
  };
}

/**
 * The chat path's handover overrides the rules' inbox when it is an active inbox of the
 * audience that takes the channel (otherwise the rules' placement stands, and says why), and
 * adds its tags to the rules' ones.
 */
async function placeHandover(
  tx: Transaction,
  placed: Triage,
  message: InboundMessage,
  handover: ChatHandover,
): Promise<Triage & { handoverTagIds: Set<string> }> {
  const [inbox] = handover.inboxCode
    ? await tx
        .select({ id: inboxes.id, code: inboxes.code, name: inboxes.name })
        .from(inboxes)
        .where(
          and(
            eq(inboxes.code, handover.inboxCode),
            eq(inboxes.active, true),
            eq(inboxes.audience, message.audience),
            sql`${message.channel} = any(${inboxes.channels})`,
          ),
        )
    : [];
  const tagRows =
    handover.tags.length > 0
      ? await tx
          .select({ id: tags.id, code: tags.code })
          .from(tags)
          .where(and(inArray(tags.code, handover.tags), eq(tags.deprecated, false)))
      : [];
  const added = tagRows.filter((tag) => !placed.tags.some((known) => known.id === tag.id));
  const decidedInbox = placed.decision.inbox;
  return {
    ...placed,
    inboxId: inbox?.id ?? placed.inboxId,
    tags: [...placed.tags, ...added],
    handoverTagIds: new Set(added.map((tag) => tag.id)),
    decision: {
      ...placed.decision,
      inbox: inbox
        ? {
            code: inbox.code,
            name: inbox.name,
            choice: 'rule_inbox',
            note: `The chat bot handed it over to ${inbox.name}`,
          }
        : handover.inboxCode
          ? {
              ...decidedInbox,
              note: `${decidedInbox.note} (the chat bot's inbox ${handover.inboxCode} is missing, inactive or does not take ${message.channel})`,
            }
          : decidedInbox,
    },
  };
}

/** One internal note with what the bot collected and said, so the agent starts informed. */
async function addHandoverNote(
  tx: Transaction,
  conversationId: string,
  message: InboundMessage,
  handover: ChatHandover,
  now: Date,
): Promise<void> {
  const fields = Object.entries(handover.fields).map(([label, value]) => `${label}: ${value}`);
  const transcript = handover.transcript.map(
    (line) => `${line.from === 'bot' ? 'Bot' : 'Customer'}: ${line.text}`,
  );
  const body = [
    'Collected by the chat bot:',
    ...(fields.length > 0 ? fields : ['(nothing asked)']),
    '',
    'Conversation with the bot:',
    ...transcript,
  ]
    .join('\n')
    .slice(0, 10_000);
  const [note] = await tx
    .insert(messages)
    .values({
      conversationId,
      direction: 'outbound',
      kind: 'note',
      authorType: 'bot',
      channel: message.channel,
      body,
      // Just after the visitor's message, so the thread reads message then what the bot knew.
      createdAt: new Date(now.getTime() + 1),
    })
    .returning({ id: messages.id });
  await appendEvents(tx, conversationId, { type: 'bot', userId: null }, [
    { type: 'note_added', payload: { messageId: note!.id, handover: true }, occurredAt: now },
  ]);
}

async function insertMessage(
  tx: Transaction,
  conversationId: string,
  message: InboundMessage,
  now: Date,
): Promise<string> {
  const [row] = await tx
    .insert(messages)
    .values({
      conversationId,
      direction: 'inbound',
      kind: 'message',
      authorType: 'contact',
      channel: message.channel,
      externalId: message.externalMessageId,
      body: message.text,
      createdAt: now,
    })
    .onConflictDoNothing({ target: [messages.channel, messages.externalId] })
    .returning({ id: messages.id });
  // Stored meanwhile by a writer outside intake's lock: undo everything and report it.
  if (!row) throw new AlreadyDelivered();
  return row.id;
}
