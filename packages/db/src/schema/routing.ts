import type { ChatPath, RoutingActions, RoutingCondition } from '@switchboard/domain';
import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { audienceEnum } from './enums.ts';
import { users } from './users.ts';

/** The ordered triage rules intake evaluates top to bottom (domain.routing.route). */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuidPrimaryKey(),
    /** Evaluation order, lowest first; rewritten as a whole when a lead reorders. */
    position: integer().notNull(),
    name: text().notNull(),
    enabled: boolean().notNull().default(true),
    conditions: jsonb().$type<RoutingCondition[]>().notNull().default([]),
    actions: jsonb().$type<RoutingActions>().notNull(),
    updatedById: text().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('routing_rules_position_idx').on(table.position)],
);

/** The web chat's bot flow, one per audience. */
export const chatPaths = pgTable('chat_paths', {
  id: uuidPrimaryKey(),
  audience: audienceEnum().notNull().unique(),
  enabled: boolean().notNull().default(true),
  definition: jsonb().$type<ChatPath>().notNull(),
  updatedById: text().references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
