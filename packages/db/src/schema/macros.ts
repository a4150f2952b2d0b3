import type { MacroActions, MacroField } from '@switchboard/domain';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { macroScopeEnum } from './enums.ts';
import { inboxes } from './inboxes.ts';
import { users } from './users.ts';

/** Canned replies: shared ones per inbox (or all inboxes), personal ones per agent. */
export const macros = pgTable(
  'macros',
  {
    id: uuidPrimaryKey(),
    name: text().notNull(),
    body: text().notNull(),
    scope: macroScopeEnum().notNull(),
    inboxId: uuid().references(() => inboxes.id),
    ownerId: text().references(() => users.id),
    fields: jsonb().$type<MacroField[]>().notNull().default([]),
    actions: jsonb()
      .$type<MacroActions>()
      .notNull()
      .default({ tags: [], priority: null, status: null }),
    createdById: text().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index('macros_scope_inbox_idx').on(table.scope, table.inboxId),
    index('macros_owner_idx').on(table.ownerId),
  ],
);
