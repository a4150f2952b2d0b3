import type { SopStep } from '@switchboard/domain';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { conversations } from './conversations.ts';
import { sopStepStateEnum, sopVersionStatusEnum } from './enums.ts';
import { requestTypes } from './taxonomy.ts';
import { users } from './users.ts';

/** The playbook of one request type; its text lives in versions. */
export const sops = pgTable('sops', {
  id: uuidPrimaryKey(),
  requestTypeId: uuid()
    .notNull()
    .unique()
    .references(() => requestTypes.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Versions are immutable once published; a conversation keeps the version it followed. */
export const sopVersions = pgTable(
  'sop_versions',
  {
    id: uuidPrimaryKey(),
    sopId: uuid()
      .notNull()
      .references(() => sops.id),
    version: integer().notNull(),
    status: sopVersionStatusEnum().notNull().default('draft'),
    title: text().notNull(),
    steps: jsonb().$type<SopStep[]>().notNull(),
    createdById: text().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: timestamp({ withTimezone: true }),
    publishedById: text().references(() => users.id),
  },
  (table) => [
    uniqueIndex('sop_versions_sop_version_uq').on(table.sopId, table.version),
    index('sop_versions_sop_status_idx').on(table.sopId, table.status),
  ],
);

/** A step ticked (or skipped with a reason) on a conversation. */
export const conversationSopChecks = pgTable(
  'conversation_sop_checks',
  {
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    stepId: text().notNull(),
    sopVersionId: uuid()
      .notNull()
      .references(() => sopVersions.id),
    state: sopStepStateEnum().notNull(),
    skipReason: text(),
    checkedById: text().references(() => users.id),
    checkedAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.conversationId, table.stepId] })],
);
