import {
  type CreateQaCalibrationInput,
  calibrationResult,
  calibrationRevealRefusal,
  createQaCalibrationInputSchema,
  hasAccess,
  type PageInput,
  pageInputSchema,
  type QaAnswers,
  type QaCriterion,
  reviewableIssue,
} from '@switchboard/domain';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
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
import { notifyPeople } from './notifications.ts';
import { QaError } from './qa-refusal.ts';
import type { QaStaff } from './qa-reviews.ts';
import { currentQaVersion, qaVersionById, scorecardView } from './qa-scorecards.ts';

/*
 * Calibration sessions: every reviewer scores the same conversation on the same scorecard
 * version, blind. Until the session is revealed each reviewer sees only their own scores —
 * the session lists who has submitted, never what. Revealed, everyone sees every score, the
 * spread per criterion and the agreement rate (domain calibrationResult).
 */

const calibrationLink = (id: string) => `/console/qa/calibration/${id}`;

/** How far the submitted reviews of a session agree, criterion by criterion. */
function sessionResult(
  criteria: readonly QaCriterion[],
  submitted: ReadonlyArray<{ reviewerId: string; scores: unknown }>,
) {
  return calibrationResult(
    criteria,
    submitted.map((review) => ({
      reviewerId: review.reviewerId,
      answers: review.scores as QaAnswers,
    })),
  );
}

export async function createQaCalibration(
  db: DatabaseOrTransaction,
  input: CreateQaCalibrationInput,
  creator: QaStaff,
  now: Date = new Date(),
): Promise<{ id: string }> {
  const parsed = createQaCalibrationInputSchema.parse(input);
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
      .where(eq(conversations.number, parsed.conversationNumber));
    if (!conversation) {
      throw new QaError('BAD_REQUEST', 'There is no such conversation', 'conversationNumber');
    }
    const issue = reviewableIssue(conversation, version, {
      unresolved: 'Calibrate on a resolved conversation',
      unhandled: 'Nobody handled this conversation',
    });
    if (issue) {
      const field = issue.on === 'scorecard' ? 'scorecardId' : 'conversationNumber';
      throw new QaError('BAD_REQUEST', issue.message, field);
    }
    const staff = await tx
      .select({ id: users.id, name: users.name, role: users.role, active: users.active })
      .from(users)
      .where(inArray(users.id, parsed.reviewerIds));
    const byId = new Map(staff.map((member) => [member.id, member]));
    parsed.reviewerIds.forEach((id, index) => {
      const member = byId.get(id);
      const field = `reviewerIds.${index}`;
      if (!member?.active) throw new QaError('BAD_REQUEST', 'There is no such reviewer', field);
      if (!hasAccess(member.role, 'console')) {
        throw new QaError(
          'BAD_REQUEST',
          `${member.name} is an agent; reviewers are leads, trainers and admins`,
          field,
        );
      }
      if (id === conversation.assigneeId) {
        throw new QaError('BAD_REQUEST', `${member.name} handled this conversation`, field);
      }
    });
    const [session] = await tx
      .insert(qaCalibrationSessions)
      .values({
        title: parsed.title,
        conversationId: conversation.id,
        scorecardVersionId: version.currentVersionId,
        reviewerIds: parsed.reviewerIds,
        status: 'open',
        createdById: creator.id,
        createdAt: now,
      })
      .returning({ id: qaCalibrationSessions.id });
    const drafts = await tx
      .insert(qaReviews)
      .values(
        parsed.reviewerIds.map((reviewerId) => ({
          conversationId: conversation.id,
          agentId: conversation.assigneeId!,
          reviewerId,
          scorecardVersionId: version.currentVersionId,
          sample: 'calibration' as const,
          calibrationSessionId: session!.id,
          status: 'draft' as const,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: qaReviews.id, reviewerId: qaReviews.reviewerId });
    await tx.insert(qaReviewEvents).values(
      drafts.map((draft) => ({
        reviewId: draft.id,
        type: 'started',
        actorId: creator.id,
        payload: { sample: 'calibration', calibrationSessionId: session!.id },
        occurredAt: now,
      })),
    );
    await notifyPeople(
      tx,
      parsed.reviewerIds.filter((id) => id !== creator.id),
      {
        kind: 'qa_calibration',
        title: `Calibration: ${parsed.title}`,
        body: `${creator.name} asks you to score #${parsed.conversationNumber} on ${version.name}, blind.`,
        link: calibrationLink(session!.id),
        subjectId: session!.id,
      },
      now,
    );
    return { id: session!.id };
  });
}

async function sessionRecords(db: Database, ids?: string[], page?: PageInput) {
  const query = db
    .select({
      id: qaCalibrationSessions.id,
      title: qaCalibrationSessions.title,
      status: qaCalibrationSessions.status,
      conversationId: qaCalibrationSessions.conversationId,
      conversationNumber: conversations.number,
      subject: conversations.subject,
      scorecardVersionId: qaCalibrationSessions.scorecardVersionId,
      scorecardName: qaScorecards.name,
      version: qaScorecardVersions.version,
      reviewerIds: qaCalibrationSessions.reviewerIds,
      createdById: qaCalibrationSessions.createdById,
      createdByName: users.name,
      createdAt: qaCalibrationSessions.createdAt,
      revealedAt: qaCalibrationSessions.revealedAt,
    })
    .from(qaCalibrationSessions)
    .innerJoin(conversations, eq(conversations.id, qaCalibrationSessions.conversationId))
    .innerJoin(
      qaScorecardVersions,
      eq(qaScorecardVersions.id, qaCalibrationSessions.scorecardVersionId),
    )
    .innerJoin(qaScorecards, eq(qaScorecards.id, qaScorecardVersions.scorecardId))
    .leftJoin(users, eq(users.id, qaCalibrationSessions.createdById))
    .where(ids ? inArray(qaCalibrationSessions.id, ids) : undefined)
    .orderBy(desc(qaCalibrationSessions.createdAt), desc(qaCalibrationSessions.id));
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

async function sessionReviews(db: Database, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .select({
      id: qaReviews.id,
      sessionId: qaReviews.calibrationSessionId,
      reviewerId: qaReviews.reviewerId,
      reviewerName: users.name,
      status: qaReviews.status,
      submittedAt: qaReviews.submittedAt,
      scores: qaReviews.scores,
      score: qaReviews.score,
      comment: qaReviews.comment,
    })
    .from(qaReviews)
    .innerJoin(users, eq(users.id, qaReviews.reviewerId))
    .where(inArray(qaReviews.calibrationSessionId, sessionIds))
    .orderBy(asc(users.name));
}

/** A page of sessions, newest first: who has submitted, and the agreement once revealed. */
export async function listQaCalibrations(
  db: Database,
  viewerId: string,
  input: Partial<PageInput> = {},
) {
  const page = pageInputSchema.parse(input);
  const [sessions, [count]] = await Promise.all([
    sessionRecords(db, undefined, page),
    db.select({ total: sql<number>`count(*)::int` }).from(qaCalibrationSessions),
  ]);
  const revealedVersionIds = [
    ...new Set(
      sessions
        .filter((session) => session.status === 'revealed')
        .map((session) => session.scorecardVersionId),
    ),
  ];
  const [reviews, revealedVersions] = await Promise.all([
    sessionReviews(
      db,
      sessions.map((session) => session.id),
    ),
    Promise.all(revealedVersionIds.map((id) => qaVersionById(db, id))),
  ]);
  const versions = new Map(revealedVersionIds.map((id, index) => [id, revealedVersions[index]!]));
  const items = sessions.map((session) => {
    const own = reviews.filter((review) => review.sessionId === session.id);
    const submitted = own.filter((review) => review.submittedAt !== null);
    const version = versions.get(session.scorecardVersionId);
    const result = version ? sessionResult(version.criteria, submitted) : null;
    const mine = own.find((review) => review.reviewerId === viewerId);
    return {
      ...session,
      reviewers: own.length,
      submitted: submitted.length,
      agreement: result?.agreement ?? null,
      myReviewId: mine?.id ?? null,
      mySubmitted: mine ? mine.submittedAt !== null : null,
    };
  });
  return { items, total: count?.total ?? 0, limit: page.limit, offset: page.offset };
}

/**
 * One session. Before it is revealed the viewer gets their own scores and, of the others,
 * only who has submitted; after, every submitted score with the spread and agreement.
 */
export async function qaCalibrationDetail(db: Database, id: string, viewer: QaStaff) {
  const [session] = await sessionRecords(db, [id]);
  if (!session) throw new QaError('NOT_FOUND', 'There is no such calibration session', 'id');
  const [version, reviews, conversation] = await Promise.all([
    qaVersionById(db, session.scorecardVersionId),
    sessionReviews(db, [id]),
    findConversationDetail(db, session.conversationId),
  ]);
  if (!conversation) throw new QaError('NOT_FOUND', 'The conversation is gone');
  const revealed = session.status === 'revealed';
  const submitted = reviews.filter((review) => review.submittedAt !== null);
  const mine = reviews.find((review) => review.reviewerId === viewer.id) ?? null;
  const result = revealed ? sessionResult(version.criteria, submitted) : null;
  return {
    session,
    scorecard: scorecardView(version),
    conversation,
    reviewers: reviews.map((review) => ({
      reviewerId: review.reviewerId,
      reviewerName: review.reviewerName,
      reviewId: review.id,
      status: review.status,
      submittedAt: review.submittedAt,
      // Blind until revealed: the viewer's own scores only.
      ...(revealed || review.reviewerId === viewer.id
        ? { scores: review.scores as QaAnswers, score: review.score, comment: review.comment }
        : { scores: null, score: null, comment: null }),
    })),
    myReviewId: mine?.id ?? null,
    result,
    revealRefusal:
      calibrationRevealRefusal(
        { status: session.status, createdById: session.createdById, submitted: submitted.length },
        viewer,
      )?.message ?? null,
  };
}

export async function revealQaCalibration(
  db: DatabaseOrTransaction,
  id: string,
  actor: QaStaff,
  now: Date = new Date(),
) {
  await db.transaction(async (tx) => {
    const [session] = await tx
      .select({
        title: qaCalibrationSessions.title,
        status: qaCalibrationSessions.status,
        createdById: qaCalibrationSessions.createdById,
        reviewerIds: qaCalibrationSessions.reviewerIds,
      })
      .from(qaCalibrationSessions)
      .where(eq(qaCalibrationSessions.id, id))
      .for('update');
    if (!session) throw new QaError('NOT_FOUND', 'There is no such calibration session', 'id');
    const submitted = await tx
      .select({ id: qaReviews.id })
      .from(qaReviews)
      .where(and(eq(qaReviews.calibrationSessionId, id), isNotNull(qaReviews.submittedAt)));
    const refusal = calibrationRevealRefusal(
      {
        status: session.status,
        createdById: session.createdById,
        submitted: submitted.length,
      },
      actor,
    );
    if (refusal) throw new QaError(refusal.code, refusal.message);
    await tx
      .update(qaCalibrationSessions)
      .set({ status: 'revealed', revealedAt: now })
      .where(eq(qaCalibrationSessions.id, id));
    await notifyPeople(
      tx,
      session.reviewerIds.filter((reviewerId) => reviewerId !== actor.id),
      {
        kind: 'qa_calibration_revealed',
        title: `Calibration revealed: ${session.title}`,
        body: 'Compare your scores with the others’ and see where the team agrees.',
        link: calibrationLink(id),
        subjectId: id,
      },
      now,
    );
  });
}
