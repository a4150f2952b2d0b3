import { and, asc, desc, eq, ne, or } from 'drizzle-orm';
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
  memberships,
  messages,
  reasons,
  requestTypes,
  tags,
  users,
} from '../schema/index.ts';
import { reasonIsLive, requestTypeIsLive } from './taxonomy-live.ts';

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
      slaDueAt: conversations.slaDueAt,
      firstResponseDueAt: conversations.firstResponseDueAt,
      nextResponseDueAt: conversations.nextResponseDueAt,
      resolutionDueAt: conversations.resolutionDueAt,
      slaPausedAt: conversations.slaPausedAt,
      csatRating: conversations.csatRating,
      csatComment: conversations.csatComment,
      csatRatedAt: conversations.csatRatedAt,
      routingDecision: conversations.routingDecision,
      assignmentReason: conversations.assignmentReason,
      queuedAt: conversations.queuedAt,
      assigneeReplyDueAt: conversations.assigneeReplyDueAt,
      requestTypeId: conversations.requestTypeId,
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
        clientId: messages.clientId,
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

/** The contact's other conversations, newest first, for the contact panel. */
export function listContactConversations(
  db: Database,
  contactId: string,
  input: { excludeId?: string; limit: number },
) {
  return db
    .select({
      id: conversations.id,
      number: conversations.number,
      subject: conversations.subject,
      status: conversations.status,
      channel: conversations.channel,
      createdAt: conversations.createdAt,
      csatRating: conversations.csatRating,
    })
    .from(conversations)
    .where(
      input.excludeId
        ? and(eq(conversations.contactId, contactId), ne(conversations.id, input.excludeId))
        : eq(conversations.contactId, contactId),
    )
    .orderBy(desc(conversations.createdAt))
    .limit(input.limit);
}

/** Live tags, request types and reasons of one audience: what an agent may apply. */
export async function listTaxonomyChoices(db: Database, audience: 'guest' | 'driver') {
  const [tagRows, typeRows, reasonRows] = await Promise.all([
    db
      .select({ code: tags.code, name: tags.name, color: tags.color })
      .from(tags)
      .where(eq(tags.deprecated, false))
      .orderBy(asc(tags.name)),
    db
      .select({ id: requestTypes.id, code: requestTypes.code, name: requestTypes.name })
      .from(requestTypes)
      .where(and(eq(requestTypes.audience, audience), requestTypeIsLive))
      .orderBy(asc(requestTypes.name)),
    db
      .select({
        code: reasons.code,
        name: reasons.name,
        requestTypeId: reasons.requestTypeId,
      })
      .from(reasons)
      .innerJoin(requestTypes, eq(requestTypes.id, reasons.requestTypeId))
      .where(and(eq(requestTypes.audience, audience), reasonIsLive))
      .orderBy(asc(reasons.name)),
  ]);
  return {
    tags: tagRows,
    requestTypes: typeRows.map((type) => ({
      code: type.code,
      name: type.name,
      reasons: reasonRows
        .filter((reason) => reason.requestTypeId === type.id)
        .map((reason) => ({ code: reason.code, name: reason.name })),
    })),
  };
}

/** Active colleagues on the team that owns the inbox, plus admins: who a conversation can go to. */
export function listAssignableStaff(db: Database, inboxId: string) {
  return db
    .selectDistinct({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      availability: users.availability,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(inboxes, eq(inboxes.teamId, memberships.teamId))
    .where(and(eq(users.active, true), or(eq(inboxes.id, inboxId), eq(users.role, 'admin'))))
    .orderBy(asc(users.name))
    .limit(200);
}

/** Every active inbox, for transfers. */
export function listActiveInboxes(db: Database) {
  return db
    .select({ id: inboxes.id, name: inboxes.name, audience: inboxes.audience })
    .from(inboxes)
    .where(eq(inboxes.active, true))
    .orderBy(asc(inboxes.name))
    .limit(500);
}

/** What the inbox filters offer: cities, request types, tags and active colleagues. */
export async function listFilterChoices(db: Database) {
  const [cityRows, typeRows, tagRows, staffRows] = await Promise.all([
    db.select({ code: cities.code, name: cities.name }).from(cities).orderBy(asc(cities.name)),
    db
      .select({ code: requestTypes.code, name: requestTypes.name, audience: requestTypes.audience })
      .from(requestTypes)
      .where(eq(requestTypes.deprecated, false))
      .orderBy(asc(requestTypes.name)),
    db
      .select({ code: tags.code, name: tags.name })
      .from(tags)
      .where(eq(tags.deprecated, false))
      .orderBy(asc(tags.name)),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.active, true))
      .orderBy(asc(users.name))
      .limit(500),
  ]);
  return { cities: cityRows, requestTypes: typeRows, tags: tagRows, colleagues: staffRows };
}
