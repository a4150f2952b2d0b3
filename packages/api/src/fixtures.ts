import type { Database } from '@switchboard/db/client';
import {
  categories,
  contacts,
  conversationEvents,
  conversations,
  conversationTags,
  mentions,
  messages,
  reasons,
  requestTypes,
  tags,
} from '@switchboard/db/schema';
import { uniqueSuffix } from '@switchboard/db/testing';
import {
  type Audience,
  type Channel,
  type ConversationStatus,
  clocksForStatus,
  nextDueAt,
  type Priority,
  startClocks,
} from '@switchboard/domain';
import { asc, eq } from 'drizzle-orm';

export interface ConversationFixtureOptions {
  inboxId: string;
  assigneeId?: string | null;
  subject?: string;
  channel?: Channel;
  audience?: Audience;
  priority?: Priority;
  status?: ConversationStatus;
  cityId?: string | null;
  requestTypeId?: string | null;
  bookingId?: string | null;
  contactName?: string;
  /** When the customer first wrote (defaults to now): the SLA clocks start there. */
  createdAt?: Date;
  /** Defaults to createdAt. */
  lastMessageAt?: Date;
  /** Overrides the due time the clocks give, e.g. to put the conversation at risk. */
  slaDueAt?: Date | null;
}

/**
 * A conversation with one inbound message, its created/received events and SLA clocks as
 * intake would have started them (paused when pending or snoozed, stopped when resolved or
 * closed). Defaults: a P1 guest chat, open and unassigned.
 */
export async function createConversationFixture(db: Database, options: ConversationFixtureOptions) {
  const suffix = uniqueSuffix();
  const audience = options.audience ?? 'guest';
  const channel = options.channel ?? 'chat';
  const priority = options.priority ?? 'P1';
  const status = options.status ?? 'open';
  const createdAt = options.createdAt ?? new Date();
  const lastMessageAt = options.lastMessageAt ?? createdAt;
  const [contact] = await db
    .insert(contacts)
    .values({
      audience,
      externalId: `${audience}-${suffix}`,
      name: options.contactName ?? `Guest ${suffix}`,
      email: `g${suffix}@example.com`,
    })
    .returning();
  const body = 'I am at the airport and my driver is not here.';
  const clocks = clocksForStatus(startClocks(createdAt, priority), status, createdAt);
  const [conversation] = await db
    .insert(conversations)
    .values({
      inboxId: options.inboxId,
      contactId: contact!.id,
      audience,
      channel,
      status,
      priority,
      subject: options.subject ?? `Stranded at arrivals ${suffix}`,
      assigneeId: options.assigneeId ?? null,
      cityId: options.cityId ?? null,
      requestTypeId: options.requestTypeId ?? null,
      bookingId: options.bookingId ?? null,
      lastMessageAt,
      lastMessagePreview: body,
      ...clocks,
      slaDueAt: options.slaDueAt === undefined ? nextDueAt(clocks) : options.slaDueAt,
      resolvedAt: status === 'resolved' || status === 'closed' ? lastMessageAt : null,
      snoozedUntil: status === 'snoozed' ? new Date(createdAt.getTime() + 86_400_000) : null,
      createdAt,
    })
    .returning();
  const [message] = await db
    .insert(messages)
    .values({
      conversationId: conversation!.id,
      direction: 'inbound',
      authorType: 'contact',
      channel,
      externalId: `msg-${suffix}`,
      body,
      createdAt,
    })
    .returning({ id: messages.id });
  await db.insert(conversationEvents).values([
    {
      conversationId: conversation!.id,
      type: 'created',
      actorType: 'contact',
      payload: { channel, inboxId: options.inboxId, messageId: message!.id },
      occurredAt: createdAt,
    },
    {
      conversationId: conversation!.id,
      type: 'message_received',
      actorType: 'contact',
      payload: { messageId: message!.id },
      occurredAt: createdAt,
    },
  ]);
  return { contact: contact!, conversation: conversation! };
}

/**
 * A small taxonomy of its own: a guest request type with a reason, a driver request type,
 * a deprecated request type, a live one under a deprecated category, two live tags and a
 * deprecated one (codes unique per run).
 */
export async function createTaxonomyFixture(db: Database) {
  const suffix = uniqueSuffix();
  const lower = suffix.toLowerCase();
  const [category, retiredCategory] = await db
    .insert(categories)
    .values([
      { code: `CAT_${suffix}`, name: `Category ${suffix}` },
      { code: `CAT_${suffix}_OLD`, name: `Retired ${suffix}`, deprecated: true },
    ])
    .returning();
  const [guestType, driverType, deprecatedType, retiredParentType] = await db
    .insert(requestTypes)
    .values([
      {
        code: `RT_${suffix}_G`,
        name: `Pickup ${suffix}`,
        categoryId: category!.id,
        audience: 'guest',
      },
      {
        code: `RT_${suffix}_D`,
        name: `Payout ${suffix}`,
        categoryId: category!.id,
        audience: 'driver',
      },
      {
        code: `RT_${suffix}_OLD`,
        name: `Old ${suffix}`,
        categoryId: category!.id,
        audience: 'guest',
        deprecated: true,
      },
      {
        code: `RT_${suffix}_ORPHAN`,
        name: `Under retired ${suffix}`,
        categoryId: retiredCategory!.id,
        audience: 'guest',
      },
    ])
    .returning();
  const [reason, driverReason] = await db
    .insert(reasons)
    .values([
      { code: `RS_${suffix}_G`, name: `No-show ${suffix}`, requestTypeId: guestType!.id },
      { code: `RS_${suffix}_D`, name: `Missing ${suffix}`, requestTypeId: driverType!.id },
    ])
    .returning();
  const [tagA, tagB, deprecatedTag] = await db
    .insert(tags)
    .values([
      { code: `a-${lower}`, name: `Airport ${suffix}` },
      { code: `b-${lower}`, name: `Baggage ${suffix}` },
      { code: `old-${lower}`, name: `Old ${suffix}`, deprecated: true },
    ])
    .returning();
  return {
    guestType: guestType!,
    driverType: driverType!,
    deprecatedType: deprecatedType!,
    retiredParentType: retiredParentType!,
    reason: reason!,
    driverReason: driverReason!,
    tagA: tagA!,
    tagB: tagB!,
    deprecatedTag: deprecatedTag!,
  };
}

/**
 * Everything stored about one conversation: its row, messages, events, tags and mentions.
 * A refused action must leave this exactly as it was.
 */
export async function conversationSnapshot(db: Database, conversationId: string) {
  const [row] = await db.select().from(conversations).where(eq(conversations.id, conversationId));
  const [messageRows, eventRows, tagRows, mentionRows] = await Promise.all([
    db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversationId))
      .orderBy(asc(messages.createdAt), asc(messages.id)),
    db
      .select()
      .from(conversationEvents)
      .where(eq(conversationEvents.conversationId, conversationId))
      .orderBy(asc(conversationEvents.id)),
    db
      .select({ tagId: conversationTags.tagId })
      .from(conversationTags)
      .where(eq(conversationTags.conversationId, conversationId))
      .orderBy(asc(conversationTags.tagId)),
    db
      .select()
      .from(mentions)
      .where(eq(mentions.conversationId, conversationId))
      .orderBy(asc(mentions.id)),
  ]);
  return { row, messages: messageRows, events: eventRows, tags: tagRows, mentions: mentionRows };
}

/** The conversation's events, oldest first. */
export function eventsOf(db: Database, conversationId: string) {
  return db
    .select()
    .from(conversationEvents)
    .where(eq(conversationEvents.conversationId, conversationId))
    .orderBy(asc(conversationEvents.id));
}
