import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bookings } from './bookings.ts';
import { cities } from './cities.ts';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { contacts } from './contacts.ts';
import { audienceEnum, channelEnum, conversationStatusEnum, priorityEnum } from './enums.ts';
import { inboxes } from './inboxes.ts';
import { reasons, requestTypes } from './taxonomy.ts';
import { users } from './users.ts';

export const conversations = pgTable(
  'conversations',
  {
    id: uuidPrimaryKey(),
    /** Short number people quote ("#10423"). */
    number: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
    inboxId: uuid()
      .notNull()
      .references(() => inboxes.id),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id),
    audience: audienceEnum().notNull(),
    channel: channelEnum().notNull(),
    status: conversationStatusEnum().notNull().default('open'),
    priority: priorityEnum().notNull().default('P3'),
    subject: text().notNull().default(''),
    cityId: uuid().references(() => cities.id),
    language: text().notNull().default('en'),
    bookingId: uuid().references(() => bookings.id),
    requestTypeId: uuid().references(() => requestTypes.id),
    reasonId: uuid().references(() => reasons.id),
    assigneeId: text().references(() => users.id),
    lastMessageAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastMessagePreview: text().notNull().default(''),
    firstResponseAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    snoozedUntil: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('conversations_assignee_status_idx').on(
      table.assigneeId,
      table.status,
      table.lastMessageAt,
    ),
    index('conversations_inbox_status_idx').on(table.inboxId, table.status, table.lastMessageAt),
    index('conversations_contact_idx').on(table.contactId, table.createdAt),
    index('conversations_created_idx').on(table.createdAt),
    index('conversations_booking_idx').on(table.bookingId),
  ],
);
