import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { conversations } from './conversations.ts';
import { actorTypeEnum } from './enums.ts';
import { users } from './users.ts';

/**
 * Append-only log of every change to a conversation (a trigger refuses UPDATE and DELETE).
 * KPIs, audit trails and the live stream read from it, so nothing is counted from two sources.
 */
export const conversationEvents = pgTable(
  'conversation_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id),
    /** One of domain CONVERSATION_EVENT_TYPES. */
    type: text().notNull(),
    actorType: actorTypeEnum().notNull(),
    actorUserId: text().references(() => users.id),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('conversation_events_conversation_idx').on(table.conversationId, table.id),
    index('conversation_events_type_time_idx').on(table.type, table.occurredAt),
  ],
);
