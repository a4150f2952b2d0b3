import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, uuidPrimaryKey } from './columns.ts';
import { conversations } from './conversations.ts';
import { actorTypeEnum, channelEnum, messageDirectionEnum, messageKindEnum } from './enums.ts';
import { users } from './users.ts';

export const messages = pgTable(
  'messages',
  {
    id: uuidPrimaryKey(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    direction: messageDirectionEnum().notNull(),
    kind: messageKindEnum().notNull().default('message'),
    authorType: actorTypeEnum().notNull(),
    authorUserId: text().references(() => users.id),
    channel: channelEnum().notNull(),
    /** Id given by the sending channel; (channel, externalId) makes intake idempotent. */
    externalId: text(),
    body: text().notNull(),
    /** Id the workspace gives a send, so a retried send is stored once. */
    clientId: uuid().unique(),
    createdAt: createdAt(),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index('messages_conversation_idx').on(table.conversationId, table.createdAt),
    uniqueIndex('messages_channel_external_id_uq').on(table.channel, table.externalId),
  ],
);
