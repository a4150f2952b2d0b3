import {
  type AcknowledgeQaReviewInput,
  acknowledgeQaReviewInputSchema,
  type DisputeQaReviewInput,
  disputeQaReviewInputSchema,
  type QaActor,
  type QaAnswers,
  type QaCriterion,
  type QaReviewAction,
  type QaReviewAnswersInput,
  type QaReviewEventType,
  qaAnswerIssues,
  qaReviewAnswersInputSchema,
  qaReviewRefusal,
  qaScore,
  reviewableIssue,
  type SettleQaReviewInput,
  type StartQaReviewInput,
  settleQaReviewInputSchema,
  startQaReviewInputSchema,
} from '@switchboard/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import {
  conversations,
  qaCalibrationSessions,
  qaReviewEvents,
  qaReviews,
} from '../schema/index.ts';
import { leadsOfPerson, notifyPeople } from './notifications.ts';
import { QaError } from './qa-refusal.ts';
import { currentQaVersion, qaVersionById } from './qa-scorecards.ts';

/*
 * A QA review's life as the API drives it: a reviewer starts a draft on a conversation,
 * scores it and submits it; the agent acknowledges or disputes it; a lead settles a dispute.
 * Each step is one transaction with its history event and its notifications, and the domain
 * decides who may take it (qaReviewRefusal).
 */

export interface QaStaff extends QaActor {
  name: string;
}

/** Where the agent reads a review, and where a reviewer works on one. */
export const myReviewLink = (id: string) => `/workspace/reviews/${id}`;
export const consoleReviewLink = (id: string) => `/console/qa/reviews/${id}`;

async function appendReviewEvent(
  tx: DatabaseOrTransaction,
  reviewId: string,
  type: QaReviewEventType,
  actorId: string | null,
  payload: Record<string, unknown>,
  now: Date,
) {
  await tx.insert(qaReviewEvents).values({ reviewId, type, actorId, payload, occurredAt: now });
}

/** Moves the review on (its new status and what goes with it) and records the step in its history. */
async function moveReview(
  tx: DatabaseOrTransaction,
  reviewId: string,
  changes: Partial<typeof qaReviews.$inferInsert>,
  event: { type: QaReviewEventType; actorId: string; payload: Record<string, unknown> },
  now: Date,
) {
  await tx
    .update(qaReviews)
    .set({ ...changes, updatedAt: now })
    .where(eq(qaReviews.id, reviewId));
  await appendReviewEvent(tx, reviewId, event.type, event.actorId, event.payload, now);
}

/** The review, locked for this transaction, with what the domain needs to judge an action. */
async function lockReview(tx: DatabaseOrTransaction, id: string) {
  const [row] = await tx
    .select({
      id: qaReviews.id,
      status: qaReviews.status,
      agentId: qaReviews.agentId,
      reviewerId: qaReviews.reviewerId,
      conversationId: qaReviews.conversationId,
      scorecardVersionId: qaReviews.scorecardVersionId,
      calibrationSessionId: qaReviews.calibrationSessionId,
      sample: qaReviews.sample,
      scores: qaReviews.scores,
      score: qaReviews.score,
      autoFailed: qaReviews.autoFailed,
      submittedAt: qaReviews.submittedAt,
      conversationNumber: conversations.number,
    })
    .from(qaReviews)
    .innerJoin(conversations, eq(conversations.id, qaReviews.conversationId))
    .where(eq(qaReviews.id, id))
    .for('update', { of: qaReviews });
  if (!row) throw new QaError('NOT_FOUND', 'There is no such review', 'id');
  return row;
}

type LockedReview = Awaited<ReturnType<typeof lockReview>>;

function refuse(review: LockedReview, action: QaReviewAction, actor: QaActor, now: Date) {
  const refusal = qaReviewRefusal(
    { ...review, calibration: review.calibrationSessionId !== null },
    action,
    actor,
    now,
  );
  if (refusal) throw new QaError(refusal.code, refusal.message);
}

/** Locks the review and refuses the action unless the domain lets this actor take it now. */
async function lockReviewFor(
  tx: DatabaseOrTransaction,
  id: string,
  action: QaReviewAction,
  actor: QaActor,
  now: Date,
) {
  const review = await lockReview(tx, id);
  refuse(review, action, actor, now);
  return review;
}

function refuseBadAnswers(
  criteria: readonly QaCriterion[],
  answers: QaAnswers,
  mode: 'draft' | 'submit',
) {
  const [issue, ...more] = qaAnswerIssues(criteria, answers, mode);
  if (!issue) return;
  const others = more.length > 0 ? ` (and ${more.length} more)` : '';
  throw new QaError('BAD_REQUEST', `${issue.message}${others}`, issue.path);
}

/** Calibration scores close once the session is revealed: nobody scores knowing the others. */
async function refuseRevealedCalibration(tx: DatabaseOrTransaction, review: LockedReview) {
  if (!review.calibrationSessionId) return;
  const [session] = await tx
    .select({ status: qaCalibrationSessions.status })
    .from(qaCalibrationSessions)
    .where(eq(qaCalibrationSessions.id, review.calibrationSessionId));
  if (session?.status === 'revealed') {
    throw new QaError('CONFLICT', 'This calibration session has been revealed; scoring is closed');
  }
}

/**
 * The reviewer's scoring step (a draft save or a submission): the review locked and allowed,
 * its calibration session still open, and the answers checked against the review's version.
 */
async function lockScoredReview(
  tx: DatabaseOrTransaction,
  parsed: QaReviewAnswersInput,
  action: 'edit' | 'submit',
  reviewer: QaStaff,
  now: Date,
) {
  const review = await lockReviewFor(tx, parsed.id, action, reviewer, now);
  await refuseRevealedCalibration(tx, review);
  const version = await qaVersionById(tx, review.scorecardVersionId);
  refuseBadAnswers(version.criteria, parsed.scores, action === 'edit' ? 'draft' : 'submit');
  return { review, version };
}

/**
 * Starts a draft review on the scorecard's current version. A conversation picked from a
 * sample comes by id, one picked by hand by its number. Starting one the reviewer already
 * reviews opens theirs again rather than making a second.
 */
export async function startQaReview(
  db: DatabaseOrTransaction,
  input: StartQaReviewInput,
  reviewer: QaStaff,
  now: Date = new Date(),
): Promise<{ id: string; existing: boolean }> {
  const parsed = startQaReviewInputSchema.parse(input);
  const conversationField = parsed.conversationId ? 'conversationId' : 'conversationNumber';
  return db.transaction(async (tx) => {
    const version = await currentQaVersion(tx, parsed.scorecardId);
    const [conversation] = await tx
      .select({
        id: conversations.id,
        status: conversations.status,
        audience: conversations.audience,
        assigneeId: conversations.assigneeId,
      })
      .from(conversations)
      .where(
        parsed.conversationId
          ? eq(conversations.id, parsed.conversationId)
          : eq(conversations.number, parsed.conversationNumber!),
      );
    if (!conversation) {
      throw new QaError('BAD_REQUEST', 'There is no such conversation', conversationField);
    }
    const issue = reviewableIssue(conversation, version, {
      unresolved: 'Review a conversation once it is resolved',
      unhandled: 'Nobody handled this conversation, so there is no one to review',
    });
    if (issue) {
      const field = issue.on === 'scorecard' ? 'scorecardId' : conversationField;
      throw new QaError('BAD_REQUEST', issue.message, field);
    }
    if (conversation.assigneeId === reviewer.id) {
      throw new QaError('FORBIDDEN', 'You handled this conversation: someone else reviews it');
    }
    const [mine] = await tx
      .select({ id: qaReviews.id })
      .from(qaReviews)
      .where(
        and(
          eq(qaReviews.conversationId, conversation.id),
          eq(qaReviews.reviewerId, reviewer.id),
          isNull(qaReviews.calibrationSessionId),
        ),
      );
    if (mine) return { id: mine.id, existing: true };
    const [created] = await tx
      .insert(qaReviews)
      .values({
        conversationId: conversation.id,
        // reviewableIssue refused a conversation nobody handled.
        agentId: conversation.assigneeId!,
        reviewerId: reviewer.id,
        scorecardVersionId: version.currentVersionId,
        sample: parsed.sample,
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: qaReviews.id });
    await appendReviewEvent(
      tx,
      created!.id,
      'started',
      reviewer.id,
      { sample: parsed.sample, version: version.currentVersion },
      now,
    );
    return { id: created!.id, existing: false };
  });
}

/** Saves the reviewer's scores and comments so far; unanswered criteria are fine in a draft. */
export async function saveQaDraft(
  db: DatabaseOrTransaction,
  input: QaReviewAnswersInput,
  reviewer: QaStaff,
  now: Date = new Date(),
) {
  const parsed = qaReviewAnswersInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const { review, version } = await lockScoredReview(tx, parsed, 'edit', reviewer, now);
    await tx
      .update(qaReviews)
      .set({ scores: parsed.scores, comment: parsed.comment, updatedAt: now })
      .where(eq(qaReviews.id, review.id));
    return { id: review.id, preview: qaScore(version.criteria, parsed.scores) };
  });
}

/**
 * Scores every criterion and sends the review to the agent (calibration reviews stay within
 * their session): the score is fixed from here on unless a lead revises it in a dispute.
 */
export async function submitQaReview(
  db: DatabaseOrTransaction,
  input: QaReviewAnswersInput,
  reviewer: QaStaff,
  now: Date = new Date(),
) {
  const parsed = qaReviewAnswersInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const { review, version } = await lockScoredReview(tx, parsed, 'submit', reviewer, now);
    const result = qaScore(version.criteria, parsed.scores);
    await moveReview(
      tx,
      review.id,
      {
        status: 'submitted',
        scores: parsed.scores,
        comment: parsed.comment,
        score: result.score,
        autoFailed: result.autoFailed,
        submittedAt: now,
      },
      {
        type: 'submitted',
        actorId: reviewer.id,
        payload: { score: result.score, autoFailed: result.autoFailed },
      },
      now,
    );
    if (!review.calibrationSessionId) {
      await notifyPeople(
        tx,
        [review.agentId],
        {
          kind: 'qa_review',
          title: `QA review of #${review.conversationNumber}: ${result.score}%`,
          body: `${reviewer.name} reviewed your conversation on ${version.scorecardName}. Read it, then acknowledge it or dispute it.`,
          link: myReviewLink(review.id),
          subjectId: review.id,
        },
        now,
      );
    }
    return { id: review.id, score: result.score, autoFailed: result.autoFailed };
  });
}

/** Throws away the reviewer's own draft (calibration drafts belong to their session). */
export async function discardQaDraft(
  db: DatabaseOrTransaction,
  id: string,
  reviewer: QaStaff,
  now: Date = new Date(),
) {
  await db.transaction(async (tx) => {
    const review = await lockReviewFor(tx, id, 'edit', reviewer, now);
    if (review.calibrationSessionId) {
      throw new QaError('CONFLICT', 'A calibration review stays with its session');
    }
    await tx.delete(qaReviews).where(eq(qaReviews.id, review.id));
  });
}

export async function acknowledgeQaReview(
  db: DatabaseOrTransaction,
  input: AcknowledgeQaReviewInput,
  agent: QaStaff,
  now: Date = new Date(),
) {
  const parsed = acknowledgeQaReviewInputSchema.parse(input);
  await db.transaction(async (tx) => {
    const review = await lockReviewFor(tx, parsed.id, 'acknowledge', agent, now);
    await moveReview(
      tx,
      review.id,
      { status: 'acknowledged', acknowledgedAt: now },
      { type: 'acknowledged', actorId: agent.id, payload: { note: parsed.note } },
      now,
    );
    await notifyPeople(
      tx,
      [review.reviewerId],
      {
        kind: 'qa_acknowledged',
        title: `${agent.name} acknowledged your review of #${review.conversationNumber}`,
        body: parsed.note,
        link: consoleReviewLink(review.id),
        subjectId: review.id,
      },
      now,
    );
  });
}

export async function disputeQaReview(
  db: DatabaseOrTransaction,
  input: DisputeQaReviewInput,
  agent: QaStaff,
  now: Date = new Date(),
) {
  const parsed = disputeQaReviewInputSchema.parse(input);
  await db.transaction(async (tx) => {
    const review = await lockReviewFor(tx, parsed.id, 'dispute', agent, now);
    const version = await qaVersionById(tx, review.scorecardVersionId);
    const known = new Set(version.criteria.map((criterion) => criterion.id));
    const unknown = parsed.criterionIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) {
      throw new QaError('BAD_REQUEST', 'Not a criterion of this review', `criterionIds.${unknown}`);
    }
    await moveReview(
      tx,
      review.id,
      {
        status: 'disputed',
        disputeReason: parsed.reason,
        disputedAt: now,
      },
      {
        type: 'disputed',
        actorId: agent.id,
        payload: { reason: parsed.reason, criterionIds: parsed.criterionIds },
      },
      now,
    );
    const leads = await leadsOfPerson(tx, review.agentId, [review.reviewerId, agent.id]);
    const notice = {
      title: `${agent.name} disputes the QA review of #${review.conversationNumber}`,
      body: parsed.reason,
      link: consoleReviewLink(review.id),
      subjectId: review.id,
    };
    await notifyPeople(tx, leads, { kind: 'qa_dispute', ...notice }, now);
    await notifyPeople(tx, [review.reviewerId], { kind: 'qa_disputed', ...notice }, now);
  });
}

/**
 * A lead's decision on a dispute: the scores stand, or they are revised (every criterion
 * scored again on the review's own version, which gives a new score). The note tells the
 * agent why; the history keeps the scores that were replaced.
 */
export async function settleQaReview(
  db: DatabaseOrTransaction,
  input: SettleQaReviewInput,
  lead: QaStaff,
  now: Date = new Date(),
) {
  const parsed = settleQaReviewInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const review = await lockReviewFor(tx, parsed.id, 'settle', lead, now);
    const version = await qaVersionById(tx, review.scorecardVersionId);
    let revised: { scores: QaAnswers; score: number | null; autoFailed: boolean } | null = null;
    if (parsed.outcome === 'revised') {
      const scores = parsed.scores!;
      refuseBadAnswers(version.criteria, scores, 'submit');
      const result = qaScore(version.criteria, scores);
      revised = { scores, score: result.score, autoFailed: result.autoFailed };
    }
    await moveReview(
      tx,
      review.id,
      {
        status: 'settled',
        settlement: parsed.outcome,
        settlementNote: parsed.note,
        settledById: lead.id,
        settledAt: now,
        ...(revised ?? {}),
      },
      {
        type: 'settled',
        actorId: lead.id,
        payload: {
          outcome: parsed.outcome,
          note: parsed.note,
          ...(revised
            ? {
                before: {
                  score: review.score,
                  autoFailed: review.autoFailed,
                  scores: review.scores,
                },
                after: { score: revised.score, autoFailed: revised.autoFailed },
              }
            : {}),
        },
      },
      now,
    );
    const score = revised?.score ?? review.score;
    const notice = {
      title:
        parsed.outcome === 'revised'
          ? `Dispute on #${review.conversationNumber} settled: score revised to ${score}%`
          : `Dispute on #${review.conversationNumber} settled: scores upheld`,
      body: parsed.note,
      subjectId: review.id,
    };
    await notifyPeople(
      tx,
      [review.agentId],
      { kind: 'qa_settled', ...notice, link: myReviewLink(review.id) },
      now,
    );
    await notifyPeople(
      tx,
      [review.reviewerId].filter((id) => id !== lead.id),
      { kind: 'qa_settled', ...notice, link: consoleReviewLink(review.id) },
      now,
    );
    return { id: review.id, score, outcome: parsed.outcome };
  });
}
