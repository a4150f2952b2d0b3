import {
  type MarkingQueueInput,
  type MarkQuizAttemptInput,
  quizOutcome,
  quizResultText,
  trainerMarkIssues,
} from '@switchboard/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  curricula,
  quizAttempts,
  trainingEnrolments,
  trainingModules,
  users,
} from '../schema/index.ts';
import { allOf, pageOf } from './list-helpers.ts';
import { notifyPeople } from './notifications.ts';
import {
  myModuleLink,
  refuseOwnRecord,
  requireEnrolment,
  requireModule,
  settleEnrolment,
  statusAfterQuiz,
  updateProgress,
} from './training-enrolment.ts';
import { TrainingRefusal } from './training-errors.ts';
import type { StoredQuizAttemptAnswers } from './training-progress.ts';

/*
 * The marking queue: quiz attempts with written short answers, oldest first. The trainer gives
 * points per answer and feedback; the attempt then passes or fails on the pass mark it was
 * taken under.
 */

const trainees = alias(users, 'trainees');
const markers = alias(users, 'markers');

const awaiting = eq(quizAttempts.status, 'awaiting_marking');

export function listMarkingQueue(db: Database, input: MarkingQueueInput) {
  const where = allOf([
    awaiting,
    input.curriculumId ? eq(trainingEnrolments.curriculumId, input.curriculumId) : undefined,
  ]);
  const from = () =>
    db
      .select({
        attemptId: quizAttempts.id,
        number: quizAttempts.number,
        submittedAt: quizAttempts.submittedAt,
        enrolmentId: quizAttempts.enrolmentId,
        moduleId: quizAttempts.moduleId,
        moduleTitle: trainingModules.title,
        curriculumId: curricula.id,
        curriculumName: curricula.name,
        userId: trainees.id,
        traineeName: trainees.name,
      })
      .from(quizAttempts)
      .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, quizAttempts.enrolmentId))
      .innerJoin(curricula, eq(curricula.id, trainingEnrolments.curriculumId))
      .innerJoin(trainingModules, eq(trainingModules.id, quizAttempts.moduleId))
      .innerJoin(trainees, eq(trainees.id, trainingEnrolments.userId));
  return pageOf(
    from()
      .where(where)
      .orderBy(asc(quizAttempts.submittedAt), asc(quizAttempts.id))
      .limit(input.limit)
      .offset(input.offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(quizAttempts)
      .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, quizAttempts.enrolmentId))
      .where(where),
    input,
  );
}

/** One attempt with the questions as asked, the answers, and any marks so far. */
export async function quizAttemptDetail(db: DatabaseOrTransaction, attemptId: string) {
  const [row] = await db
    .select({
      id: quizAttempts.id,
      number: quizAttempts.number,
      enrolmentId: quizAttempts.enrolmentId,
      moduleId: quizAttempts.moduleId,
      moduleTitle: trainingModules.title,
      curriculumName: curricula.name,
      userId: trainees.id,
      traineeName: trainees.name,
      answers: quizAttempts.answers,
      marks: quizAttempts.marks,
      status: quizAttempts.status,
      score: quizAttempts.score,
      submittedAt: quizAttempts.submittedAt,
      markedAt: quizAttempts.markedAt,
      markedByName: markers.name,
      feedback: quizAttempts.feedback,
    })
    .from(quizAttempts)
    .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, quizAttempts.enrolmentId))
    .innerJoin(curricula, eq(curricula.id, trainingEnrolments.curriculumId))
    .innerJoin(trainingModules, eq(trainingModules.id, quizAttempts.moduleId))
    .innerJoin(trainees, eq(trainees.id, trainingEnrolments.userId))
    .leftJoin(markers, eq(markers.id, quizAttempts.markedById))
    .where(eq(quizAttempts.id, attemptId));
  if (!row) throw new TrainingRefusal('NOT_FOUND', 'There is no such quiz attempt', 'attemptId');
  const { answers, ...attempt } = row;
  const stored = answers as unknown as StoredQuizAttemptAnswers;
  const status = attempt.status as 'awaiting_marking' | 'passed' | 'failed';
  return {
    ...attempt,
    status,
    resultText: quizResultText(status, attempt.score),
    passMarkPercent: stored.passMarkPercent,
    questions: stored.questions,
    responses: stored.responses,
    awaitingMarking: stored.questions
      .filter((question) => attempt.marks[question.id] === undefined)
      .map((question) => question.id),
  };
}

export async function markQuizAttempt(db: Database, actorId: string, input: MarkQuizAttemptInput) {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ enrolmentId: quizAttempts.enrolmentId })
      .from(quizAttempts)
      .where(eq(quizAttempts.id, input.attemptId));
    if (!locked)
      throw new TrainingRefusal('NOT_FOUND', 'There is no such quiz attempt', 'attemptId');
    // The enrolment first, then the attempt: the order every training write locks in.
    const enrolment = await requireEnrolment(tx, locked.enrolmentId, { lock: true });
    refuseOwnRecord(enrolment, actorId, 'mark quizzes');
    await tx
      .select({ id: quizAttempts.id })
      .from(quizAttempts)
      .where(eq(quizAttempts.id, input.attemptId))
      .for('update');
    const attempt = await quizAttemptDetail(tx, input.attemptId);
    if (attempt.status !== 'awaiting_marking') {
      throw new TrainingRefusal('CONFLICT', 'This attempt is already marked');
    }
    const [issue] = trainerMarkIssues(attempt.questions, attempt.awaitingMarking, input.marks);
    if (issue) throw new TrainingRefusal('BAD_REQUEST', issue.message, issue.path);
    const marks = { ...attempt.marks, ...input.marks };
    const outcome = quizOutcome(attempt.questions, marks, attempt.passMarkPercent);
    const now = new Date();
    await tx
      .update(quizAttempts)
      .set({
        marks,
        status: outcome.status,
        score: outcome.score,
        markedById: actorId,
        markedAt: now,
        feedback: input.feedback,
      })
      .where(and(eq(quizAttempts.id, attempt.id), awaiting));

    const module = requireModule(enrolment, attempt.moduleId);
    // A retake or a later pass may already have moved the module on; only the attempt it
    // waits on decides it.
    if (module.progress.status === 'awaiting_marking') {
      const next = statusAfterQuiz(module, outcome.status, now);
      await updateProgress(tx, enrolment.id, module.id, {
        ...next,
        score:
          outcome.score === null
            ? module.progress.score
            : Math.max(module.progress.score ?? 0, outcome.score),
      });
    }
    await notifyPeople(
      tx,
      [enrolment.userId],
      {
        kind: 'training_quiz_marked',
        title: `${module.title}: ${quizResultText(outcome.status, outcome.score)}`,
        body: input.feedback || 'Your trainer marked your short answers.',
        link: myModuleLink(enrolment.id, module.id),
        subjectId: attempt.id,
      },
      now,
    );
    const completedCurriculum =
      outcome.status === 'passed' ? await settleEnrolment(tx, enrolment.id, actorId, now) : false;
    return {
      status: outcome.status,
      score: outcome.score,
      resultText: quizResultText(outcome.status, outcome.score),
      completedCurriculum,
    };
  });
}
