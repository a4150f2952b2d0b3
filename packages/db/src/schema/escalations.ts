import type { EscalationMatrixEntry, HandoffFields } from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
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
import { teams } from './teams.ts';
import { users } from './users.ts';

/** One matrix entry per downstream team kind (domain.escalations), versioned. */
export const escalationMatrix = pgTable('escalation_matrix', {
  id: uuidPrimaryKey(),
  teamKind: text().notNull().unique(),
  ownerTeamId: uuid()
    .notNull()
    .references(() => teams.id),
  version: integer().notNull(),
  definition: jsonb().$type<EscalationMatrixEntry>().notNull(),
  updatedById: text().references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Every version a matrix entry has had. Append-only. */
export const escalationMatrixVersions = pgTable(
  'escalation_matrix_versions',
  {
    matrixId: uuid()
      .notNull()
      .references(() => escalationMatrix.id),
    version: integer().notNull(),
    definition: jsonb().$type<EscalationMatrixEntry>().notNull(),
    createdById: text().references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.matrixId, table.version] })],
);

export interface EscalationContext {
  contact: {
    name: string;
    audience: string;
    email: string | null;
    phone: string | null;
    city: string | null;
  };
  booking: {
    reference: string;
    pickup: string;
    dropoff: string;
    scheduledAt: string;
    timeZone: string;
    fare: { amountMinor: number; currency: string };
    status: string;
    driverName: string | null;
  } | null;
  conversation: {
    number: number;
    channel: string;
    priority: string;
    requestType: string | null;
    tags: string[];
  };
  /** The last messages, oldest first, shortened. */
  timeline: Array<{ at: string; from: string; text: string }>;
  /** What support already did on the conversation: decisions, SOP steps, macros. */
  stepsTaken: string[];
}

/**
 * A handoff to a downstream team: the current state of the record. Its history is
 * `escalation_events`; a trigger keeps who raised it, on which conversation, and when.
 */
export const escalations = pgTable(
  'escalations',
  {
    id: uuidPrimaryKey(),
    number: bigint({ mode: 'number' })
      .generatedAlwaysAsIdentity({ startWith: 1001 })
      .notNull()
      .unique(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id),
    teamKind: text().notNull(),
    ownerTeamId: uuid()
      .notNull()
      .references(() => teams.id),
    matrixVersion: integer().notNull(),
    severity: text().notNull(),
    /** open | acknowledged | in_progress | resolved | rejected */
    state: text().notNull(),
    summary: text().notNull(),
    fields: jsonb().$type<HandoffFields>().notNull(),
    context: jsonb().$type<EscalationContext>().notNull(),
    createdById: text()
      .notNull()
      .references(() => users.id),
    /** The owner-team member working it. */
    assigneeId: text().references(() => users.id),
    /** 1, then +1 each time support sends it again after a return. */
    round: integer().notNull().default(1),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    acknowledgeDueAt: timestamp({ withTimezone: true }).notNull(),
    resolveDueAt: timestamp({ withTimezone: true }).notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    outcome: text(),
    rejectionReason: text(),
    rejectionNote: text(),
    /** When the alert job next owes a reminder or breach alert; null when none. */
    nextAlertAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('escalations_queue_idx').on(table.ownerTeamId, table.state, table.resolveDueAt),
    index('escalations_conversation_idx').on(table.conversationId),
    index('escalations_created_idx').on(table.createdAt),
    index('escalations_next_alert_idx')
      .on(table.nextAlertAt)
      .where(sql`${table.nextAlertAt} is not null`),
  ],
);

/** Who did what to an escalation, when. Append-only; alerts carry a key so each is sent once. */
export const escalationEvents = pgTable(
  'escalation_events',
  {
    id: uuidPrimaryKey(),
    /** Order of writing: events of one transaction share a time, never a place in the record. */
    seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    escalationId: uuid()
      .notNull()
      .references(() => escalations.id),
    /** sent | acknowledged | started | resolved | rejected | resent | noted | assigned | reminder | breach */
    type: text().notNull(),
    actorId: text().references(() => users.id),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    alertKey: text(),
    createdAt: createdAt(),
  },
  (table) => [
    index('escalation_events_escalation_idx').on(table.escalationId, table.createdAt),
    index('escalation_events_type_idx').on(table.type, table.createdAt),
    unique('escalation_events_alert_key').on(table.escalationId, table.alertKey),
  ],
);

/** Reminders and breach alerts sent for approval requests, once each. Append-only. */
export const approvalAlerts = pgTable(
  'approval_alerts',
  {
    requestId: uuid().notNull(),
    alertKey: text().notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.requestId, table.alertKey] })],
);
