import type { StoredRoutingDecision } from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bookings } from './bookings.ts';
import { cities } from './cities.ts';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { contacts } from './contacts.ts';
import { audienceEnum, channelEnum, conversationStatusEnum, priorityEnum } from './enums.ts';
import { inboxes } from './inboxes.ts';
import { sopVersions } from './sops.ts';
import { reasons, requestTypes } from './taxonomy.ts';
import { users } from './users.ts';

export const conversations = pgTable(
  'conversations',
  {
    id: uuidPrimaryKey(),
    /** Short number people quote ("#10423"). */
    number: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
    inboxId: uuid()
      .notNull()
      .references(() => inboxes.id),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id),
    audience: audienceEnum().notNull(),
    channel: channelEnum().notNull(),
    status: conversationStatusEnum().notNull().default('open'),
    priority: priorityEnum().notNull().default('P3'),
    subject: text().notNull().default(''),
    cityId: uuid().references(() => cities.id),
    language: text().notNull().default('en'),
    bookingId: uuid().references(() => bookings.id),
    requestTypeId: uuid().references(() => requestTypes.id),
    reasonId: uuid().references(() => reasons.id),
    assigneeId: text().references(() => users.id),
    lastMessageAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastMessagePreview: text().notNull().default(''),
    firstResponseAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    /** Why it happened, recorded at resolution (domain ROOT_CAUSES): feeds recurring themes. */
    rootCauseCode: text(),
    snoozedUntil: timestamp({ withTimezone: true }),
    // SLA clocks (domain.sla): due times are stored so breach queries are index scans.
    firstResponseDueAt: timestamp({ withTimezone: true }),
    nextResponseDueAt: timestamp({ withTimezone: true }),
    resolutionDueAt: timestamp({ withTimezone: true }),
    slaPausedAt: timestamp({ withTimezone: true }),
    /** The due time that matters now (domain.nextDueAt); null while paused or nothing is owed. */
    slaDueAt: timestamp({ withTimezone: true }),
    /** The due time whose breach was last announced: a breach is announced once (sla job). */
    slaAlertedDueAt: timestamp({ withTimezone: true }),
    csatRating: smallint(),
    csatComment: text(),
    csatRatedAt: timestamp({ withTimezone: true }),
    /** Unguessable token of the survey link sent when the conversation resolves. */
    csatToken: text().unique(),
    /** The SOP version this conversation follows (kept when the SOP is republished). */
    sopVersionId: uuid().references((): AnyPgColumn => sopVersions.id),
    /** Why it is here: the routing outcome and trace that placed it ("why is this here?"). */
    routingDecision: jsonb().$type<StoredRoutingDecision>(),
    /** Why it has its assignee, or why nobody could take it yet. */
    assignmentReason: text(),
    /** Waiting for an agent since; set while an open conversation is unassigned in a queue. */
    queuedAt: timestamp({ withTimezone: true }),
    /** The assignee must reply by then or it goes to the next agent (the inbox's reply limit). */
    assigneeReplyDueAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('conversations_assignee_status_idx').on(
      table.assigneeId,
      table.status,
      table.lastMessageAt,
    ),
    index('conversations_inbox_status_idx').on(table.inboxId, table.status, table.lastMessageAt),
    // The inbox views sort by the SLA due time within a queue.
    // Mine and Resolved read a person's queue in the SLA sort's full order (no sort step).
    index('conversations_assignee_due_idx').on(
      table.assigneeId,
      table.status,
      table.slaDueAt,
      table.lastMessageAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('conversations_inbox_due_idx').on(table.inboxId, table.status, table.slaDueAt),
    index('conversations_unassigned_due_idx')
      .on(table.inboxId, table.status, table.slaDueAt)
      .where(sql`${table.assigneeId} is null`),
    index('conversations_due_idx').on(table.slaDueAt).where(sql`${table.slaDueAt} is not null`),
    // Breaches not yet announced: the SLA job's work list stays small however many are open.
    index('conversations_unannounced_due_idx')
      .on(table.slaDueAt)
      .where(
        sql`${table.slaDueAt} is not null and ${table.slaAlertedDueAt} is distinct from ${table.slaDueAt}`,
      ),
    // The Unassigned view across several inboxes, read in the order it shows (SLA sort, and
    // newest/oldest), so a page is the first 50 index entries rather than a sort of them all.
    index('conversations_unassigned_sla_idx')
      .on(
        table.status,
        table.slaDueAt,
        table.lastMessageAt.desc().nullsFirst(),
        table.id.desc().nullsFirst(),
      )
      .where(sql`${table.assigneeId} is null`),
    index('conversations_unassigned_recent_idx')
      .on(table.status, table.lastMessageAt, table.id)
      .where(sql`${table.assigneeId} is null`),
    // SLA at risk, Pending and Snoozed across the viewer's inboxes, in the SLA sort's order.
    index('conversations_status_due_idx').on(
      table.status,
      table.slaDueAt,
      table.lastMessageAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    // Every view count in one index-only pass over the active conversations.
    index('conversations_active_idx')
      .on(table.status, table.inboxId, table.assigneeId, table.slaDueAt)
      .where(sql`${table.status} in ('open', 'pending', 'snoozed')`),
    // The assignment queue: highest priority first, then longest waiting.
    index('conversations_queue_idx')
      .on(table.inboxId, table.priority, table.queuedAt)
      .where(sql`${table.queuedAt} is not null`),
    index('conversations_assignee_reply_due_idx')
      .on(table.assigneeReplyDueAt)
      .where(sql`${table.assigneeReplyDueAt} is not null`),
    index('conversations_contact_idx').on(table.contactId, table.createdAt),
    index('conversations_created_idx').on(table.createdAt),
    index('conversations_themes_idx')
      .on(table.resolvedAt, table.requestTypeId, table.rootCauseCode)
      .where(sql`${table.resolvedAt} is not null`),
    index('conversations_booking_idx').on(table.bookingId),
    // Taxonomy usage counts and merges (re-pointing history) find conversations by node.
    index('conversations_request_type_idx')
      .on(table.requestTypeId)
      .where(sql`${table.requestTypeId} is not null`),
    index('conversations_reason_idx').on(table.reasonId).where(sql`${table.reasonId} is not null`),
  ],
);
