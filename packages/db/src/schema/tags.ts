import { boolean, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, uuidPrimaryKey } from './columns.ts';
import { conversations } from './conversations.ts';
import { users } from './users.ts';

export const tags = pgTable('tags', {
  id: uuidPrimaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
  color: text().notNull().default('gray'),
  deprecated: boolean().notNull().default(false),
  createdAt: createdAt(),
});

export const conversationTags = pgTable(
  'conversation_tags',
  {
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    tagId: uuid()
      .notNull()
      .references(() => tags.id),
    addedById: text().references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.conversationId, table.tagId] }),
    index('conversation_tags_tag_idx').on(table.tagId),
  ],
);
