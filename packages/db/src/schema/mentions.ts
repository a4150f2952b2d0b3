import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, uuidPrimaryKey } from './columns.ts';
import { conversations } from './conversations.ts';
import { messages } from './messages.ts';
import { users } from './users.ts';

/** A colleague @mentioned in an internal note; unread until they open the conversation. */
export const mentions = pgTable(
  'mentions',
  {
    id: uuidPrimaryKey(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: uuid()
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    mentionedUserId: text()
      .notNull()
      .references(() => users.id),
    mentionedById: text().references(() => users.id),
    createdAt: createdAt(),
    readAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index('mentions_user_idx').on(table.mentionedUserId, table.readAt, table.createdAt),
    index('mentions_conversation_idx').on(table.conversationId),
  ],
);
