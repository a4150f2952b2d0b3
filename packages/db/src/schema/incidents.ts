import type { IncidentFacts } from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { conversations } from './conversations.ts';
import { users } from './users.ts';

/** An incident being worked: its current state. Its history is `incident_events`. */
export const incidents = pgTable(
  'incidents',
  {
    id: uuidPrimaryKey(),
    number: bigint({ mode: 'number' })
      .generatedAlwaysAsIdentity({ startWith: 101 })
      .notNull()
      .unique(),
    title: text().notNull(),
    description: text().notNull().default(''),
    severity: text().notNull(),
    /** What the classification rules proposed when it was declared. */
    proposedSeverity: text().notNull(),
    facts: jsonb().$type<IncidentFacts>().notNull(),
    /** investigating | identified | monitoring | resolved */
    state: text().notNull(),
    cityCodes: text().array().notNull().default(sql`'{}'::text[]`),
    requestTypeCode: text(),
    commanderId: text().references(() => users.id),
    communicationsId: text().references(() => users.id),
    declaredById: text()
      .notNull()
      .references(() => users.id),
    declaredAt: timestamp({ withTimezone: true }).notNull(),
    lastUpdateAt: timestamp({ withTimezone: true }).notNull(),
    /** 1 for the declaration, +1 per status update: each update's reminder is its own. */
    updateCount: bigint({ mode: 'number' }).notNull().default(1),
    nextUpdateDueAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    resolutionSummary: text(),
    rootCauseCode: text(),
    rootCause: text(),
    reviewedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('incidents_state_idx').on(table.state, table.declaredAt),
    index('incidents_update_due_idx')
      .on(table.nextUpdateDueAt)
      .where(sql`${table.nextUpdateDueAt} is not null`),
  ],
);

/** Who did what to an incident, when. Append-only; reminders carry a key so each is sent once. */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: uuidPrimaryKey(),
    /** Order of writing: events of one transaction share a time, never a place in the record. */
    seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    type: text().notNull(),
    actorId: text().references(() => users.id),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    alertKey: text(),
    createdAt: createdAt(),
  },
  (table) => [
    index('incident_events_incident_idx').on(table.incidentId, table.createdAt),
    unique('incident_events_alert_key').on(table.incidentId, table.alertKey),
  ],
);

/** Conversations caused by an incident: they show its banner and get its bulk replies. */
export const incidentConversations = pgTable(
  'incident_conversations',
  {
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id),
    linkedById: text().references(() => users.id),
    linkedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.incidentId, table.conversationId] }),
    index('incident_conversations_conversation_idx').on(table.conversationId),
  ],
);

/** What the post-incident review commits to: an owner, a due date, tracked to done. */
export const correctiveActions = pgTable(
  'corrective_actions',
  {
    id: uuidPrimaryKey(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    title: text().notNull(),
    ownerId: text()
      .notNull()
      .references(() => users.id),
    dueDate: date({ mode: 'string' }).notNull(),
    /** open | in_progress | done */
    status: text().notNull().default('open'),
    createdById: text()
      .notNull()
      .references(() => users.id),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('corrective_actions_incident_idx').on(table.incidentId),
    index('corrective_actions_owner_idx').on(table.ownerId, table.status),
  ],
);

/** A fix for a recurring theme: process, policy, tooling or product, with an owner. */
export const improvementItems = pgTable(
  'improvement_items',
  {
    id: uuidPrimaryKey(),
    title: text().notNull(),
    kind: text().notNull(),
    requestTypeCode: text(),
    rootCauseCode: text(),
    ownerId: text()
      .notNull()
      .references(() => users.id),
    dueDate: date({ mode: 'string' }),
    status: text().notNull().default('proposed'),
    notes: text().notNull().default(''),
    createdById: text()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('improvement_items_status_idx').on(table.status, table.updatedAt)],
);

/** Every change to an improvement item. Append-only. */
export const improvementEvents = pgTable(
  'improvement_events',
  {
    id: uuidPrimaryKey(),
    improvementId: uuid()
      .notNull()
      .references(() => improvementItems.id),
    type: text().notNull(),
    actorId: text().references(() => users.id),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (table) => [index('improvement_events_item_idx').on(table.improvementId, table.createdAt)],
);
