import type { MyConversationsInput } from '@switchboard/domain';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../client.ts';
import {
  bookings,
  cities,
  contacts,
  conversationEvents,
  conversations,
  conversationTags,
  inboxes,
  messages,
  reasons,
  requestTypes,
  tags,
  users,
} from '../schema/index.ts';
import { allOf, pageOf } from './list-helpers.ts';

const CONVERSATION_SORTS = {
  newest: [desc(conversations.lastMessageAt), desc(conversations.id)],
  oldest: [asc(conversations.lastMessageAt), asc(conversations.id)],
  priority: [
    asc(conversations.priority),
    desc(conversations.lastMessageAt),
    desc(conversations.id),
  ],
} as const;

/** The signed-in person's own conversations, a page at a time. */
export function listAssignedConversations(
  db: Database,
  assigneeId: string,
  input: MyConversationsInput,
) {
  const where = allOf([
    eq(conversations.assigneeId, assigneeId),
    input.status && input.status.length > 0
      ? inArray(conversations.status, input.status)
      : undefined,
    input.channel ? eq(conversations.channel, input.channel) : undefined,
    input.audience ? eq(conversations.audience, input.audience) : undefined,
    input.priority ? eq(conversations.priority, input.priority) : undefined,
  ]);
  return pageOf(
    db
      .select({
        id: conversations.id,
        number: conversations.number,
        subject: conversations.subject,
        status: conversations.status,
        priority: conversations.priority,
        channel: conversations.channel,
        audience: conversations.audience,
        lastMessageAt: conversations.lastMessageAt,
        lastMessagePreview: conversations.lastMessagePreview,
        createdAt: conversations.createdAt,
        contactName: contacts.name,
        inboxName: inboxes.name,
        cityCode: cities.code,
        requestTypeName: requestTypes.name,
      })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
      .leftJoin(cities, eq(cities.id, conversations.cityId))
      .leftJoin(requestTypes, eq(requestTypes.id, conversations.requestTypeId))
      .where(where)
      .orderBy(...CONVERSATION_SORTS[input.sort])
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(conversations).where(where),
    input,
  );
}

const driverContacts = alias(contacts, 'driver_contacts');
const bookingCities = alias(cities, 'booking_cities');

/** One conversation with everything the read-only conversation page shows. */
export async function findConversationDetail(db: Database, conversationId: string) {
  const [conversation] = await db
    .select({
      id: conversations.id,
      number: conversations.number,
      subject: conversations.subject,
      status: conversations.status,
      priority: conversations.priority,
      channel: conversations.channel,
      audience: conversations.audience,
      language: conversations.language,
      inboxId: conversations.inboxId,
      assigneeId: conversations.assigneeId,
      createdAt: conversations.createdAt,
      lastMessageAt: conversations.lastMessageAt,
      firstResponseAt: conversations.firstResponseAt,
      resolvedAt: conversations.resolvedAt,
      snoozedUntil: conversations.snoozedUntil,
      bookingId: conversations.bookingId,
      contactId: conversations.contactId,
      inboxName: inboxes.name,
      assigneeName: users.name,
      requestTypeCode: requestTypes.code,
      requestTypeName: requestTypes.name,
      reasonCode: reasons.code,
      reasonName: reasons.name,
      cityCode: cities.code,
      cityName: cities.name,
      cityTimeZone: cities.timeZone,
    })
    .from(conversations)
    .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
    .leftJoin(users, eq(users.id, conversations.assigneeId))
    .leftJoin(requestTypes, eq(requestTypes.id, conversations.requestTypeId))
    .leftJoin(reasons, eq(reasons.id, conversations.reasonId))
    .leftJoin(cities, eq(cities.id, conversations.cityId))
    .where(eq(conversations.id, conversationId))
    .limit(1);
  if (!conversation) return null;

  const [contactRows, bookingRows, messageRows, eventRows, tagRows] = await Promise.all([
    db
      .select({
        id: contacts.id,
        name: contacts.name,
        audience: contacts.audience,
        email: contacts.email,
        phone: contacts.phone,
        locale: contacts.locale,
        cityName: cities.name,
      })
      .from(contacts)
      .leftJoin(cities, eq(cities.id, contacts.cityId))
      .where(eq(contacts.id, conversation.contactId))
      .limit(1),
    conversation.bookingId
      ? db
          .select({
            id: bookings.id,
            reference: bookings.reference,
            product: bookings.product,
            status: bookings.status,
            pickupAddress: bookings.pickupAddress,
            dropoffAddress: bookings.dropoffAddress,
            scheduledAt: bookings.scheduledAt,
            fareAmountMinor: bookings.fareAmountMinor,
            currency: bookings.currency,
            cityTimeZone: bookingCities.timeZone,
            cityName: bookingCities.name,
            driverName: driverContacts.name,
            driverPhone: driverContacts.phone,
          })
          .from(bookings)
          .innerJoin(bookingCities, eq(bookingCities.id, bookings.cityId))
          .leftJoin(driverContacts, eq(driverContacts.id, bookings.driverContactId))
          .where(eq(bookings.id, conversation.bookingId))
          .limit(1)
      : Promise.resolve([]),
    db
      .select({
        id: messages.id,
        direction: messages.direction,
        kind: messages.kind,
        authorType: messages.authorType,
        authorName: users.name,
        channel: messages.channel,
        body: messages.body,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorUserId))
      .where(eq(messages.conversationId, conversationId))
      .orderBy(asc(messages.createdAt), asc(messages.id))
      .limit(500),
    db
      .select({
        id: conversationEvents.id,
        type: conversationEvents.type,
        actorType: conversationEvents.actorType,
        actorName: users.name,
        payload: conversationEvents.payload,
        occurredAt: conversationEvents.occurredAt,
      })
      .from(conversationEvents)
      .leftJoin(users, eq(users.id, conversationEvents.actorUserId))
      .where(eq(conversationEvents.conversationId, conversationId))
      .orderBy(asc(conversationEvents.id))
      .limit(1000),
    db
      .select({ code: tags.code, name: tags.name, color: tags.color })
      .from(conversationTags)
      .innerJoin(tags, eq(tags.id, conversationTags.tagId))
      .where(eq(conversationTags.conversationId, conversationId))
      .orderBy(asc(tags.name)),
  ]);

  return {
    conversation,
    contact: contactRows[0] ?? null,
    booking: bookingRows[0] ?? null,
    messages: messageRows,
    events: eventRows,
    tags: tagRows,
  };
}

export type ConversationDetail = NonNullable<Awaited<ReturnType<typeof findConversationDetail>>>;
