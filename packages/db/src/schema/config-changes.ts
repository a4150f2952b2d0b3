import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, uuidPrimaryKey } from './columns.ts';
import { users } from './users.ts';

/**
 * Every configuration change (rules, inboxes, taxonomy, macros, SOPs, policies, chat paths):
 * who, when, what — the full before and after plus a readable diff — and an optional
 * rollout note agents acknowledge. Append-only, like conversation events.
 */
export const configChanges = pgTable(
  'config_changes',
  {
    id: uuidPrimaryKey(),
    /** What kind of thing changed: 'routing_rule', 'inbox', 'taxonomy', 'chat_path', … */
    entityType: text().notNull(),
    entityId: text().notNull(),
    /** Its name at the time, so the history reads well after a rename or delete. */
    entityName: text().notNull(),
    action: text().notNull(),
    actorId: text().references(() => users.id),
    before: jsonb().$type<unknown>(),
    after: jsonb().$type<unknown>(),
    /** Readable lines: "Priority: P3 → P2", "Conditions: added channel is WhatsApp". */
    diff: jsonb().$type<string[]>().notNull().default([]),
    rolloutNote: text(),
    createdAt: createdAt(),
  },
  (table) => [
    index('config_changes_entity_idx').on(table.entityType, table.entityId, table.createdAt),
    index('config_changes_created_idx').on(table.createdAt),
  ],
);

export const rolloutAcknowledgements = pgTable(
  'rollout_acknowledgements',
  {
    changeId: uuid()
      .notNull()
      .references(() => configChanges.id),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    acknowledgedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.changeId, table.userId] }),
    index('rollout_acknowledgements_user_idx').on(table.userId),
  ],
);
