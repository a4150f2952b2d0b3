import type {
  QaCalibrationStatus,
  QaReviewStatus,
  QaSampleKind,
  QaSettlement,
} from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { conversations } from './conversations.ts';
import { audienceEnum } from './enums.ts';
import { users } from './users.ts';

/** A QA scorecard; its criteria live in immutable versions, so old reviews keep their meaning. */
export const qaScorecards = pgTable('qa_scorecards', {
  id: uuidPrimaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  /** Whose conversations it reviews (samples draw only these); null: guests and drivers. */
  audience: audienceEnum(),
  /** Conversations the random sample draws per agent per week. */
  randomSamplePerAgent: integer().notNull().default(2),
  /** The version new reviews use. */
  currentVersion: integer().notNull().default(1),
  archivedAt: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * One version of a scorecard's criteria (domain `qaCriterionSchema`): grouped (tone,
 * clarity, empathy, policy adherence, correct tagging, resolution), weighted, on a scale,
 * possibly N/A-able or auto-fail.
 */
export const qaScorecardVersions = pgTable(
  'qa_scorecard_versions',
  {
    id: uuidPrimaryKey(),
    scorecardId: uuid()
      .notNull()
      .references(() => qaScorecards.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    criteria: jsonb().$type<Array<Record<string, unknown>>>().notNull(),
    /** Score at or above which a review passes (percent). */
    passMark: integer().notNull().default(80),
    createdById: text().references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('qa_scorecard_versions_idx').on(table.scorecardId, table.version)],
);

/** Several reviewers scoring one conversation blind, to compare how they read the scorecard. */
export const qaCalibrationSessions = pgTable('qa_calibration_sessions', {
  id: uuidPrimaryKey(),
  title: text().notNull(),
  conversationId: uuid()
    .notNull()
    .references(() => conversations.id),
  scorecardVersionId: uuid()
    .notNull()
    .references(() => qaScorecardVersions.id),
  reviewerIds: text().array().notNull(),
  /** open: scores hidden from each other; revealed: everyone sees the spread. */
  status: text().$type<QaCalibrationStatus>().notNull().default('open'),
  createdById: text().references(() => users.id),
  createdAt: createdAt(),
  revealedAt: timestamp({ withTimezone: true }),
});

/**
 * A QA review of one conversation handled by `agentId`. `sample` says how it was picked
 * (random, low_csat, escalated, guardrail_approval, manual, calibration). Status: draft,
 * submitted (the agent sees it), acknowledged, disputed, settled. `scores` maps criterion id
 * to { score | null for N/A, comment }; `score` is domain `qaScore` (percent, 0 on auto-fail).
 */
export const qaReviews = pgTable(
  'qa_reviews',
  {
    id: uuidPrimaryKey(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id),
    agentId: text()
      .notNull()
      .references(() => users.id),
    reviewerId: text()
      .notNull()
      .references(() => users.id),
    scorecardVersionId: uuid()
      .notNull()
      .references(() => qaScorecardVersions.id),
    sample: text().$type<QaSampleKind>().notNull(),
    calibrationSessionId: uuid().references(() => qaCalibrationSessions.id),
    status: text().$type<QaReviewStatus>().notNull().default('draft'),
    scores: jsonb()
      .$type<Record<string, { score: number | null; comment?: string }>>()
      .notNull()
      .default({}),
    /** Percent 0–100 once submitted. */
    score: integer(),
    autoFailed: boolean().notNull().default(false),
    comment: text().notNull().default(''),
    submittedAt: timestamp({ withTimezone: true }),
    acknowledgedAt: timestamp({ withTimezone: true }),
    disputeReason: text(),
    disputedAt: timestamp({ withTimezone: true }),
    settledById: text().references(() => users.id),
    settledAt: timestamp({ withTimezone: true }),
    settlementNote: text(),
    /** upheld | revised: how a lead settled the dispute. */
    settlement: text().$type<QaSettlement>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('qa_reviews_agent_idx').on(table.agentId, table.submittedAt),
    // Trends read a period's submitted reviews across everyone.
    index('qa_reviews_submitted_idx')
      .on(table.submittedAt)
      .where(sql`${table.submittedAt} is not null and ${table.calibrationSessionId} is null`),
    index('qa_reviews_conversation_idx').on(table.conversationId),
    index('qa_reviews_disputed_idx').on(table.disputedAt).where(sql`${table.status} = 'disputed'`),
    // One review per reviewer of a conversation outside calibration.
    uniqueIndex('qa_reviews_reviewer_conversation_idx')
      .on(table.conversationId, table.reviewerId)
      .where(sql`${table.calibrationSessionId} is null`),
  ],
);

/**
 * A review's history, append-only: started, submitted, acknowledged, disputed, settled — who
 * and when, with what it changed (a revised settlement keeps the scores it replaced).
 */
export const qaReviewEvents = pgTable(
  'qa_review_events',
  {
    id: uuidPrimaryKey(),
    reviewId: uuid()
      .notNull()
      .references(() => qaReviews.id, { onDelete: 'cascade' }),
    /** domain QA_REVIEW_EVENT_TYPES */
    type: text().notNull(),
    actorId: text().references(() => users.id),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('qa_review_events_review_idx').on(table.reviewId, table.occurredAt)],
);
