import { and, desc, eq, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { bookings, conversations, requestTypes } from '../schema/index.ts';
import { findDemoStaff } from './organisation.ts';

/**
 * The newest conversations an agent is working on, of some request types, that a demo story
 * can act on after the fact: each with its booking and the time of its last event, after
 * which the story's own events go so the log stays in order. The demo agent's conversations
 * are left for whoever tries the demo.
 */
export async function recentWorkedConversations(
  db: Database,
  options: {
    requestTypeCodes: readonly string[];
    audience?: 'guest' | 'driver';
    withBookingOnly?: boolean;
    createdBefore: Date;
    limit: number;
  },
) {
  const demoAgent = await findDemoStaff(db, 'agent');
  return db
    .select({
      id: conversations.id,
      createdAt: conversations.createdAt,
      assigneeId: sql<string>`${conversations.assigneeId}`,
      requestTypeCode: requestTypes.code,
      bookingReference: bookings.reference,
      fare: bookings.fareAmountMinor,
      currency: bookings.currency,
      lastEventAt:
        sql<Date>`(select max(e.occurred_at) from conversation_events e where e.conversation_id = ${conversations.id})`.mapWith(
          conversations.createdAt,
        ),
    })
    .from(conversations)
    .innerJoin(requestTypes, eq(requestTypes.id, conversations.requestTypeId))
    .leftJoin(bookings, eq(bookings.id, conversations.bookingId))
    .where(
      and(
        inArray(requestTypes.code, [...options.requestTypeCodes]),
        options.audience ? eq(conversations.audience, options.audience) : undefined,
        options.withBookingOnly ? isNotNull(conversations.bookingId) : undefined,
        ne(conversations.status, 'closed'),
        isNotNull(conversations.assigneeId),
        demoAgent ? ne(conversations.assigneeId, demoAgent.id) : undefined,
        lt(conversations.createdAt, options.createdBefore),
      ),
    )
    .orderBy(desc(conversations.createdAt), desc(conversations.id))
    .limit(options.limit);
}
