import {
  isPublished,
  type MyQaReviewsInput,
  myQaReviewsInputSchema,
  QA_PUBLISHED_STATUSES,
  type QaReviewListInput,
  qaDisputeClosesAt,
  qaReviewListInputSchema,
} from '@switchboard/domain';
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../client.ts';
import {
  conversations,
  qaCalibrationSessions,
  qaReviewEvents,
  qaReviews,
  qaScorecards,
  qaScorecardVersions,
  users,
} from '../schema/index.ts';
import { findConversationDetail } from './conversations.ts';
import { allOf, onTeam, pageOf } from './list-helpers.ts';
import { QaError } from './qa-refusal.ts';
import { qaVersionById, scorecardView } from './qa-scorecards.ts';

/*
 * Reading reviews: the console's list and review page (leads, trainers, admins see every
 * review, drafts included, but calibration scores only once their session is revealed), and
 * the agent's own published reviews in the workspace.
 */

const agents = alias(users, 'qa_agents');
const reviewers = alias(users, 'qa_reviewers');
const settlers = alias(users, 'qa_settlers');

const reviewColumns = {
  id: qaReviews.id,
  status: qaReviews.status,
  sample: qaReviews.sample,
  score: qaReviews.score,
  autoFailed: qaReviews.autoFailed,
  passMark: qaScorecardVersions.passMark,
  submittedAt: qaReviews.submittedAt,
  updatedAt: qaReviews.updatedAt,
  disputedAt: qaReviews.disputedAt,
  conversationId: qaReviews.conversationId,
  conversationNumber: conversations.number,
  subject: conversations.subject,
  audience: conversations.audience,
  channel: conversations.channel,
  agentId: qaReviews.agentId,
  agentName: agents.name,
  reviewerId: qaReviews.reviewerId,
  reviewerName: reviewers.name,
  scorecardId: qaScorecards.id,
  scorecardName: qaScorecards.name,
  version: qaScorecardVersions.version,
};

function selectReviews(db: Database) {
  return db
    .select(reviewColumns)
    .from(qaReviews)
    .innerJoin(conversations, eq(conversations.id, qaReviews.conversationId))
    .innerJoin(agents, eq(agents.id, qaReviews.agentId))
    .innerJoin(reviewers, eq(reviewers.id, qaReviews.reviewerId))
    .innerJoin(qaScorecardVersions, eq(qaScorecardVersions.id, qaReviews.scorecardVersionId))
    .innerJoin(qaScorecards, eq(qaScorecards.id, qaScorecardVersions.scorecardId));
}

const SORT_COLUMNS = {
  updatedAt: qaReviews.updatedAt,
  submittedAt: qaReviews.submittedAt,
  score: qaReviews.score,
};

/** The console's review list (calibration reviews live in their sessions), one page. */
export function listQaReviews(db: Database, input: QaReviewListInput) {
  const parsed = qaReviewListInputSchema.parse(input);
  const where = allOf([
    isNull(qaReviews.calibrationSessionId),
    parsed.status ? eq(qaReviews.status, parsed.status) : undefined,
    parsed.agentId ? eq(qaReviews.agentId, parsed.agentId) : undefined,
    parsed.reviewerId ? eq(qaReviews.reviewerId, parsed.reviewerId) : undefined,
    parsed.sample ? eq(qaReviews.sample, parsed.sample) : undefined,
    parsed.scorecardId ? eq(qaScorecardVersions.scorecardId, parsed.scorecardId) : undefined,
    onTeam(parsed.teamId, qaReviews.agentId),
    parsed.from ? gte(qaReviews.submittedAt, parsed.from) : undefined,
    parsed.to ? lt(qaReviews.submittedAt, parsed.to) : undefined,
  ]);
  const order = parsed.direction === 'asc' ? asc : desc;
  const column = SORT_COLUMNS[parsed.sort];
  return pageOf(
    selectReviews(db)
      .where(where)
      .orderBy(sql`${order(column)} nulls last`, desc(qaReviews.id))
      .limit(parsed.limit)
      .offset(parsed.offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(qaReviews)
      .innerJoin(qaScorecardVersions, eq(qaScorecardVersions.id, qaReviews.scorecardVersionId))
      .where(where),
    parsed,
  );
}

/** The review's history, oldest first, with who did each step. */
async function reviewEvents(db: Database, reviewId: string) {
  return db
    .select({
      id: qaReviewEvents.id,
      type: qaReviewEvents.type,
      actorName: users.name,
      payload: qaReviewEvents.payload,
      occurredAt: qaReviewEvents.occurredAt,
    })
    .from(qaReviewEvents)
    .leftJoin(users, eq(users.id, qaReviewEvents.actorId))
    .where(eq(qaReviewEvents.reviewId, reviewId))
    .orderBy(asc(qaReviewEvents.occurredAt), asc(qaReviewEvents.id));
}

async function reviewRecord(db: Database, id: string) {
  const [row] = await db
    .select({
      ...reviewColumns,
      scorecardVersionId: qaReviews.scorecardVersionId,
      calibrationSessionId: qaReviews.calibrationSessionId,
      /** open | revealed for a calibration review; null otherwise. */
      calibrationStatus: qaCalibrationSessions.status,
      scores: qaReviews.scores,
      comment: qaReviews.comment,
      acknowledgedAt: qaReviews.acknowledgedAt,
      disputeReason: qaReviews.disputeReason,
      settledByName: settlers.name,
      settledAt: qaReviews.settledAt,
      settlementNote: qaReviews.settlementNote,
      settlement: qaReviews.settlement,
      createdAt: qaReviews.createdAt,
    })
    .from(qaReviews)
    .innerJoin(conversations, eq(conversations.id, qaReviews.conversationId))
    .innerJoin(agents, eq(agents.id, qaReviews.agentId))
    .innerJoin(reviewers, eq(reviewers.id, qaReviews.reviewerId))
    .innerJoin(qaScorecardVersions, eq(qaScorecardVersions.id, qaReviews.scorecardVersionId))
    .innerJoin(qaScorecards, eq(qaScorecards.id, qaScorecardVersions.scorecardId))
    .leftJoin(settlers, eq(settlers.id, qaReviews.settledById))
    .leftJoin(qaCalibrationSessions, eq(qaCalibrationSessions.id, qaReviews.calibrationSessionId))
    .where(eq(qaReviews.id, id));
  return row ?? null;
}

type ReviewRecord = NonNullable<Awaited<ReturnType<typeof reviewRecord>>>;

/** A review with its scorecard version, its history and the conversation's timeline. */
async function reviewDetail(db: Database, record: ReviewRecord) {
  const [version, events, conversation] = await Promise.all([
    qaVersionById(db, record.scorecardVersionId),
    reviewEvents(db, record.id),
    findConversationDetail(db, record.conversationId),
  ]);
  if (!conversation) throw new QaError('NOT_FOUND', 'The conversation is gone');
  const disputableUntil =
    record.status === 'submitted' && record.submittedAt
      ? qaDisputeClosesAt(record.submittedAt)
      : null;
  return {
    review: { ...record, disputableUntil },
    scorecard: scorecardView(version),
    events,
    conversation,
  };
}

/**
 * A review as the console shows it. A calibration review stays its reviewer's own until the
 * session is revealed: nobody else reads its scores before then.
 */
export async function qaReviewForConsole(db: Database, id: string, viewerId: string) {
  const record = await reviewRecord(db, id);
  if (!record) throw new QaError('NOT_FOUND', 'There is no such review', 'id');
  if (
    record.calibrationSessionId &&
    record.calibrationStatus !== 'revealed' &&
    record.reviewerId !== viewerId
  ) {
    throw new QaError(
      'FORBIDDEN',
      'Calibration scores stay hidden from other reviewers until the session is revealed',
    );
  }
  return reviewDetail(db, record);
}

/**
 * One of the agent's own reviews, once submitted. Anything else — a draft, a calibration
 * exercise, someone else's review — is not found, so its existence is not given away.
 */
export async function myQaReview(db: Database, id: string, agentId: string) {
  const record = await reviewRecord(db, id);
  if (
    !record ||
    record.agentId !== agentId ||
    record.calibrationSessionId !== null ||
    !isPublished(record.status)
  ) {
    throw new QaError('NOT_FOUND', 'There is no such review', 'id');
  }
  return reviewDetail(db, record);
}

/** The agent's own published reviews, newest first. */
export function listMyQaReviews(db: Database, agentId: string, input: MyQaReviewsInput) {
  const parsed = myQaReviewsInputSchema.parse(input);
  const where = and(
    eq(qaReviews.agentId, agentId),
    isNull(qaReviews.calibrationSessionId),
    parsed.status
      ? eq(qaReviews.status, parsed.status)
      : inArray(qaReviews.status, [...QA_PUBLISHED_STATUSES]),
  );
  return pageOf(
    selectReviews(db)
      .where(where)
      .orderBy(desc(qaReviews.submittedAt), desc(qaReviews.id))
      .limit(parsed.limit)
      .offset(parsed.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(qaReviews).where(where),
    parsed,
  );
}

/** How many of the agent's reviews wait for their answer: the workspace's badge. */
export async function countMyOpenQaReviews(db: Database, agentId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(qaReviews)
    .where(
      and(
        eq(qaReviews.agentId, agentId),
        eq(qaReviews.status, 'submitted'),
        isNull(qaReviews.calibrationSessionId),
      ),
    );
  return row?.total ?? 0;
}
