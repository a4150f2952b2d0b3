import type { GuardrailPolicy } from '@switchboard/domain';
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
import { bookings } from './bookings.ts';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { contacts } from './contacts.ts';
import { conversations } from './conversations.ts';
import { audienceEnum } from './enums.ts';
import { requestTypes } from './taxonomy.ts';
import { users } from './users.ts';

/** The live guardrail policy of a request type and audience (domain.guardrails). */
export const guardrailPolicies = pgTable(
  'guardrail_policies',
  {
    id: uuidPrimaryKey(),
    requestTypeId: uuid()
      .notNull()
      .references(() => requestTypes.id),
    audience: audienceEnum().notNull(),
    /** Bumped by every save; the version each decision records. */
    version: integer().notNull(),
    definition: jsonb().$type<GuardrailPolicy>().notNull(),
    updatedById: text().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [unique('guardrail_policies_type_audience').on(table.requestTypeId, table.audience)],
);

/** Every version a policy has had, append-only, so any stored decision can be replayed. */
export const guardrailPolicyVersions = pgTable(
  'guardrail_policy_versions',
  {
    policyId: uuid()
      .notNull()
      .references(() => guardrailPolicies.id),
    version: integer().notNull(),
    definition: jsonb().$type<GuardrailPolicy>().notNull(),
    createdById: text().references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.policyId, table.version] })],
);

/**
 * Every decision on money support made or asked for, with its inputs as decided — the
 * audit trail of refunds, gestures and rebookings. Append-only.
 */
export const guardrailDecisions = pgTable(
  'guardrail_decisions',
  {
    id: uuidPrimaryKey(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id),
    bookingId: uuid().references(() => bookings.id),
    actorId: text()
      .notNull()
      .references(() => users.id),
    /** refund | gesture | rebooking | driver_adjustment */
    kind: text().notNull(),
    /** What was asked, and what it was decided on (tier, booking, the customer's history). */
    action: jsonb().$type<Record<string, unknown>>().notNull(),
    inputs: jsonb().$type<Record<string, unknown>>().notNull(),
    policyId: uuid().references(() => guardrailPolicies.id),
    policyVersion: integer(),
    /** allow | approval_required | deny */
    outcome: text().notNull(),
    approverRole: text(),
    reasons: text().array().notNull(),
    /** The money the action gives, for the customer's rolling caps (null for none). */
    amountMinor: bigint({ mode: 'number' }),
    currency: text(),
    createdAt: createdAt(),
  },
  (table) => [
    index('guardrail_decisions_contact_idx').on(table.contactId, table.createdAt),
    index('guardrail_decisions_conversation_idx').on(table.conversationId, table.createdAt),
  ],
);

/** A decision that needs a lead or Finance, waiting in the approvals queue. Append-only. */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    id: uuidPrimaryKey(),
    decisionId: uuid()
      .notNull()
      .unique()
      .references(() => guardrailDecisions.id),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id),
    /** lead | finance */
    approverRole: text().notNull(),
    requestedById: text()
      .notNull()
      .references(() => users.id),
    /** When the approvals queue's SLA is breached if nobody has answered. */
    dueAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('approval_requests_role_due_idx').on(table.approverRole, table.dueAt)],
);

/** The answer to an approval request: one per request, never changed. Append-only. */
export const approvalOutcomes = pgTable('approval_outcomes', {
  requestId: uuid()
    .primaryKey()
    .references(() => approvalRequests.id),
  /** approved | rejected */
  outcome: text().notNull(),
  decidedById: text()
    .notNull()
    .references(() => users.id),
  note: text().notNull().default(''),
  createdAt: createdAt(),
});
