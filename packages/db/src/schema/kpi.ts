import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
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
    // With the id, the breached-open count joins clock runs without reading the facts; with
    // the audience, the default guests-vs-drivers breakdown counts the backlog from the index.
    index('kpi_facts_open_idx')
      .on(table.createdAt, table.conversationId, table.audience)
      .where(sql`${table.status} in ('open', 'pending', 'snoozed')`),
    index('kpi_facts_csat_rated_idx')
      .on(table.csatRatedAt)
      .where(sql`${table.csatRatedAt} is not null`),
    // Exact percentiles: the values of one histogram bucket, in order (see kpi-durations.ts).
    durationIndex(
      'kpi_facts_fr_seconds_idx',
      table.firstResponseSeconds,
      table.firstResponseAt,
      table.audience,
    ),
    durationIndex(
      'kpi_facts_fr_business_idx',
      table.firstResponseBusinessSeconds,
      table.firstResponseAt,
      table.audience,
    ),
    durationIndex(
      'kpi_facts_res_seconds_idx',
      table.resolutionSeconds,
      table.resolvedAt,
      table.audience,
    ),
    durationIndex(
      'kpi_facts_res_business_idx',
      table.resolutionBusinessSeconds,
      table.resolvedAt,
      table.audience,
    ),
  ],
);

function durationIndex(
  name: string,
  seconds: AnyPgColumn,
  anchor: AnyPgColumn,
  audience: AnyPgColumn,
) {
  return index(name).on(seconds, anchor, audience).where(sql`${seconds} is not null`);
}

/**
 * Daily rollup of every counted KPI, per UTC day of its anchor and per combination of slices,
 * kept exact by statement triggers on the facts and the clock runs (migration 0012). A report
 * reads whole days here and only its partial edge days from the facts (kpi-rollup.ts).
 */
export const kpiDailyCounts = pgTable(
  'kpi_daily_counts',
  {
    day: date().notNull(),
    audience: audienceEnum().notNull(),
    channel: channelEnum().notNull(),
    cityId: uuid(),
    inboxId: uuid().notNull(),
    assigneeId: text(),
    requestTypeId: uuid(),
    // Anchored on created_at.
    created: integer().notNull().default(0),
    routed: integer().notNull().default(0),
    accurate: integer().notNull().default(0),
    transferred: integer().notNull().default(0),
    escalated: integer().notNull().default(0),
    // Anchored on their own timestamps.
    firstResponses: integer().notNull().default(0),
    resolutions: integer().notNull().default(0),
    firstResolved: integer().notNull().default(0),
    oneTouch: integer().notNull().default(0),
    reopened: integer().notNull().default(0),
    ratings: integer().notNull().default(0),
    positive: integer().notNull().default(0),
    requested: integer().notNull().default(0),
    responded: integer().notNull().default(0),
    // Clock runs by due day: settled once the day is over (stopped, or running unpaused).
    firstResponseDue: integer().notNull().default(0),
    firstResponseMet: integer().notNull().default(0),
    nextResponseDue: integer().notNull().default(0),
    nextResponseMet: integer().notNull().default(0),
    resolutionDue: integer().notNull().default(0),
    resolutionMet: integer().notNull().default(0),
  },
  (table) => [
    unique('kpi_daily_counts_key')
      .on(
        table.day,
        table.audience,
        table.channel,
        table.cityId,
        table.inboxId,
        table.assigneeId,
        table.requestTypeId,
      )
      .nullsNotDistinct(),
  ],
);

/** Daily histogram of FRT and resolution times per audience, for exact percentiles. */
export const kpiDailyDurations = pgTable(
  'kpi_daily_durations',
  {
    day: date().notNull(),
    audience: audienceEnum().notNull(),
    /** 1 FRT, 2 FRT in business time, 3 resolution, 4 resolution in business time */
    metric: smallint().notNull(),
    /** width_bucket over kpi_duration_bounds() (domain-free: see kpi-durations.ts) */
    bucket: smallint().notNull(),
    count: integer().notNull(),
  },
  (table) => [primaryKey({ columns: [table.day, table.audience, table.metric, table.bucket] })],
);

/** Bookings per UTC day of their schedule and city: the trips of the contact rate. */
export const kpiDailyTrips = pgTable(
  'kpi_daily_trips',
  {
    day: date().notNull(),
    cityId: uuid().notNull(),
    trips: integer().notNull(),
  },
  (table) => [primaryKey({ columns: [table.day, table.cityId] })],
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
    // Overdue clocks of open conversations: the backlog's breached count.
    index('sla_outcomes_overdue_idx')
      .on(table.dueAt, table.conversationId)
      .where(sql`${table.stoppedAt} is null and not ${table.paused}`),
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
