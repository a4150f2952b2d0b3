import { integer, jsonb, pgTable, real, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { inboxes } from './inboxes.ts';
import { users } from './users.ts';

/** How an inbox is to be staffed: service-level target, shrinkage, handling per channel, cost. */
export const staffingPlans = pgTable('staffing_plans', {
  inboxId: uuid()
    .primaryKey()
    .references(() => inboxes.id),
  /** Share of contacts answered within the answer target, 0–1 (e.g. 0.8 in 20 s). */
  serviceLevelTarget: real().notNull(),
  answerTargetSeconds: integer().notNull(),
  /** Share of paid time not available for contacts (breaks, training, meetings), 0–1. */
  shrinkage: real().notNull(),
  /** Per channel: average handle time and how many conversations an agent handles at once. */
  channelHandling: jsonb()
    .$type<Record<string, { ahtSeconds: number; concurrency: number }>>()
    .notNull(),
  hourlyRateMinor: integer().notNull(),
  currency: text().notNull(),
  updatedById: text().references(() => users.id),
  updatedAt: updatedAt(),
});

/** Scheduled agents: a simple weekly shift (weekday, local start and end, head count). */
export const staffingShifts = pgTable('staffing_shifts', {
  id: uuidPrimaryKey(),
  inboxId: uuid()
    .notNull()
    .references(() => inboxes.id),
  /** mon … sun */
  weekday: text().notNull(),
  /** HH:MM in the inbox's city time zone (UTC for an inbox serving every city). */
  startsAt: text().notNull(),
  endsAt: text().notNull(),
  agents: integer().notNull(),
  note: text().notNull().default(''),
  createdById: text().references(() => users.id),
  createdAt: createdAt(),
});
