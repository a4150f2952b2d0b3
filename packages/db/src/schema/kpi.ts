import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cities } from './cities.ts';
import { createdAt, uuidPrimaryKey } from './columns.ts';
import { conversations } from './conversations.ts';
import { audienceEnum, channelEnum, conversationStatusEnum, priorityEnum } from './enums.ts';
import { inboxes } from './inboxes.ts';
import { requestTypes } from './taxonomy.ts';
import { users } from './users.ts';

/**
 * What the KPIs need of one conversation, derived from its events by domain
 * `conversationKpiFacts` (durations in calendar and business time, replies, reopens,
 * transfers, CSAT, escalation) with its slices beside them, so every KPI is one indexed
 * range scan of this table. Rewritten whenever the conversation gets an event.
 */
export const conversationKpiFacts = pgTable(
  'conversation_kpi_facts',
  {
    conversationId: uuid()
      .primaryKey()
      .references(() => conversations.id),
    audience: audienceEnum().notNull(),
    channel: channelEnum().notNull(),
    cityId: uuid().references(() => cities.id),
    inboxId: uuid()
      .notNull()
      .references(() => inboxes.id),
    assigneeId: text().references(() => users.id),
    requestTypeId: uuid().references(() => requestTypes.id),
    priority: priorityEnum().notNull(),
    status: conversationStatusEnum().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    /** The inbox routing first placed it in; null when it was never routed. */
    firstInboxId: uuid(),
    transferred: boolean().notNull(),
    firstResponseAt: timestamp({ withTimezone: true }),
    firstResponseSeconds: integer(),
    firstResponseBusinessSeconds: integer(),
    publicAgentReplies: integer().notNull(),
    firstResolvedAt: timestamp({ withTimezone: true }),
    /** The last resolution, while it stands (null once reopened). */
    resolvedAt: timestamp({ withTimezone: true }),
    resolutionSeconds: integer(),
    resolutionBusinessSeconds: integer(),
    reopenedWithin7Days: boolean().notNull(),
    csatRequestedAt: timestamp({ withTimezone: true }),
    csatRatedAt: timestamp({ withTimezone: true }),
    csatRating: smallint(),
    escalatedAt: timestamp({ withTimezone: true }),
    refreshedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('kpi_facts_created_idx').on(table.createdAt),
    index('kpi_facts_first_response_idx')
      .on(table.firstResponseAt)
      .where(sql`${table.firstResponseAt} is not null`),
    index('kpi_facts_first_resolved_idx')
      .on(table.firstResolvedAt)
      .where(sql`${table.firstResolvedAt} is not null`),
    index('kpi_facts_resolved_idx')
      .on(table.resolvedAt)
      .where(sql`${table.resolvedAt} is not null`),
    index('kpi_facts_csat_requested_idx')
      .on(table.csatRequestedAt)
      .where(sql`${table.csatRequestedAt} is not null`),
    // The backlog: what is open now, however old.
    index('kpi_facts_open_idx')
      .on(table.createdAt)
      .where(sql`${table.status} in ('open', 'pending', 'snoozed')`),
    index('kpi_facts_csat_rated_idx')
      .on(table.csatRatedAt)
      .where(sql`${table.csatRatedAt} is not null`),
  ],
);

/** Every run of an SLA clock (domain `replaySla` outcomes), for attainment per target. */
export const slaOutcomes = pgTable(
  'sla_outcomes',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id),
    /** firstResponse | nextResponse | resolution */
    target: text().notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    stoppedAt: timestamp({ withTimezone: true }),
    paused: boolean().notNull(),
    audience: audienceEnum().notNull(),
    channel: channelEnum().notNull(),
    cityId: uuid(),
    inboxId: uuid().notNull(),
    assigneeId: text(),
    requestTypeId: uuid(),
  },
  (table) => [
    index('sla_outcomes_due_idx').on(table.dueAt),
    // Clocks still running: breached open conversations.
    index('sla_outcomes_running_idx').on(table.dueAt).where(sql`${table.stoppedAt} is null`),
    index('sla_outcomes_conversation_idx').on(table.conversationId),
  ],
);

/** Conversations whose facts are behind their events (filled by a trigger, drained by a job). */
export const kpiRefreshQueue = pgTable('kpi_refresh_queue', {
  conversationId: uuid().primaryKey(),
  queuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A weekly or monthly report, frozen: its figures and the version of each KPI definition it
 * used are stored, so it never changes when definitions or data do (append-only by trigger).
 */
export const kpiSnapshots = pgTable(
  'kpi_snapshots',
  {
    id: uuidPrimaryKey(),
    /** weekly | monthly */
    kind: text().notNull(),
    periodStart: timestamp({ withTimezone: true }).notNull(),
    periodEnd: timestamp({ withTimezone: true }).notNull(),
    timeZone: text().notNull(),
    /** schedule | on_demand */
    source: text().notNull(),
    requestedById: text().references(() => users.id),
    definitions: jsonb().$type<Record<string, number>>().notNull(),
    content: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('kpi_snapshots_period_idx').on(table.kind, table.periodStart),
    // A scheduled snapshot is made once per period, however many servers run the job.
    uniqueIndex('kpi_snapshots_scheduled_idx')
      .on(table.kind, table.periodStart)
      .where(sql`${table.source} = 'schedule'`),
  ],
);
