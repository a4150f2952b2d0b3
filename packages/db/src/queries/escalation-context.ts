import { formatMoney, type Money } from '@switchboard/domain';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DatabaseOrTransaction } from '../client.ts';
import type { EscalationContext } from '../schema/escalations.ts';
import {
  bookings,
  cities,
  contacts,
  conversationEvents,
  conversations,
  conversationTags,
  messages,
  requestTypes,
  tags,
  users,
} from '../schema/index.ts';

const TIMELINE_MESSAGES = 12;
const MESSAGE_PREVIEW = 280;
const STEP_EVENTS = [
  'guardrail_decided',
  'approval_answered',
  'macro_applied',
  'sop_step_checked',
] as const;

const driverContacts = alias(contacts, 'driver_contacts');
const bookingCities = alias(cities, 'booking_cities');

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MESSAGE_PREVIEW ? `${flat.slice(0, MESSAGE_PREVIEW - 1)}…` : flat;
}

/** A conversation event as a step support took, in words, or null when it is not one. */
function stepText(type: string, payload: Record<string, unknown>): string | null {
  if (type === 'guardrail_decided') {
    const amount = payload.amount as Money | undefined;
    const what = String(payload.kind ?? 'action').replaceAll('_', ' ');
    const money = amount ? ` of ${formatMoney(amount)}` : '';
    return `Proposed a ${what}${money}: ${String(payload.outcome ?? '').replaceAll('_', ' ')}`;
  }
  if (type === 'approval_answered') return `Approval ${String(payload.outcome ?? 'answered')}`;
  if (type === 'macro_applied') return `Sent macro “${String(payload.macroName ?? '')}”`;
  if (type === 'sop_step_checked') {
    const after = payload.after as { state?: string } | undefined;
    return `${after?.state === 'skipped' ? 'Skipped' : 'Did'} SOP step: ${String(payload.stepText ?? '')}`;
  }
  return null;
}

/**
 * What a downstream team needs without opening the conversation: the contact, the booking,
 * the conversation's facts, its latest messages and what support already did. Captured when
 * the escalation is sent (and again when it is resent), so the record shows what they saw.
 */
export async function escalationContextFor(
  tx: DatabaseOrTransaction,
  conversationId: string,
): Promise<EscalationContext | null> {
  const [row] = await tx
    .select({
      number: conversations.number,
      channel: conversations.channel,
      priority: conversations.priority,
      bookingId: conversations.bookingId,
      requestTypeName: requestTypes.name,
      contactName: contacts.name,
      audience: contacts.audience,
      email: contacts.email,
      phone: contacts.phone,
      cityName: cities.name,
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(cities, eq(cities.id, contacts.cityId))
    .leftJoin(requestTypes, eq(requestTypes.id, conversations.requestTypeId))
    .where(eq(conversations.id, conversationId));
  if (!row) return null;

  const [bookingRows, tagRows, messageRows, eventRows] = await Promise.all([
    row.bookingId
      ? tx
          .select({
            reference: bookings.reference,
            pickup: bookings.pickupAddress,
            dropoff: bookings.dropoffAddress,
            scheduledAt: bookings.scheduledAt,
            timeZone: bookingCities.timeZone,
            amountMinor: bookings.fareAmountMinor,
            currency: bookings.currency,
            status: bookings.status,
            driverName: driverContacts.name,
          })
          .from(bookings)
          .innerJoin(bookingCities, eq(bookingCities.id, bookings.cityId))
          .leftJoin(driverContacts, eq(driverContacts.id, bookings.driverContactId))
          .where(eq(bookings.id, row.bookingId))
      : Promise.resolve([]),
    tx
      .select({ code: tags.code })
      .from(conversationTags)
      .innerJoin(tags, eq(tags.id, conversationTags.tagId))
      .where(eq(conversationTags.conversationId, conversationId))
      .orderBy(asc(tags.code)),
    tx
      .select({
        at: messages.createdAt,
        direction: messages.direction,
        kind: messages.kind,
        body: messages.body,
        authorName: users.name,
      })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorUserId))
      .where(eq(messages.conversationId, conversationId))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(TIMELINE_MESSAGES),
    tx
      .select({ type: conversationEvents.type, payload: conversationEvents.payload })
      .from(conversationEvents)
      .where(
        and(
          eq(conversationEvents.conversationId, conversationId),
          inArray(conversationEvents.type, [...STEP_EVENTS]),
        ),
      )
      .orderBy(asc(conversationEvents.occurredAt))
      .limit(50),
  ]);
  const booking = bookingRows[0];
  return {
    contact: {
      name: row.contactName,
      audience: row.audience,
      email: row.email,
      phone: row.phone,
      city: row.cityName,
    },
    booking: booking
      ? {
          reference: booking.reference,
          pickup: booking.pickup,
          dropoff: booking.dropoff,
          scheduledAt: booking.scheduledAt.toISOString(),
          timeZone: booking.timeZone,
          fare: { amountMinor: booking.amountMinor, currency: booking.currency },
          status: booking.status,
          driverName: booking.driverName,
        }
      : null,
    conversation: {
      number: row.number,
      channel: row.channel,
      priority: row.priority,
      requestType: row.requestTypeName,
      tags: tagRows.map((tag) => tag.code),
    },
    timeline: messageRows.reverse().map((message) => ({
      at: message.at.toISOString(),
      from:
        message.direction === 'inbound'
          ? row.contactName
          : `${message.authorName ?? 'Support'}${message.kind === 'note' ? ' (note)' : ''}`,
      text: shorten(message.body),
    })),
    stepsTaken: eventRows.flatMap((event) => stepText(event.type, event.payload) ?? []),
  };
}
