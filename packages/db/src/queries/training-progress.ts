import {
  attemptsLeft,
  isLivePractice,
  type LogShadowingInput,
  type ModuleProgressKey,
  markAutomatically,
  needsReacknowledgement,
  type QuizQuestion,
  type QuizResponses,
  quizOutcome,
  quizResultText,
  responseIssues,
  type SubmitQuizInput,
  sessionSeconds,
  traineePartDone,
} from '@switchboard/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { conversations, quizAttempts } from '../schema/index.ts';
import { notifyPeople } from './notifications.ts';
import {
  type EnrolmentModule,
  finishedWork,
  type LoadedEnrolment,
  latestPublishedVersions,
  loadEnrolment,
  readingVersionOf,
  requireModule,
  requireOwnEnrolment,
  settleEnrolment,
  statusAfterQuiz,
  updateProgress,
} from './training-enrolment.ts';
import { TrainingRefusal } from './training-errors.ts';
import { evaluateLivePractice } from './training-live-practice.ts';

/*
 * What a trainee does in My training: open a module (the server notes the time), acknowledge
 * an SOP reading, finish a walkthrough, take a quiz, log a shadowed conversation. Each runs in
 * one transaction with the enrolment row locked, and completes the enrolment when it can.
 */

/** What the quiz attempt keeps besides the answers: the questions as the trainee saw them. */
export interface StoredQuizAttemptAnswers {
  questions: QuizQuestion[];
  passMarkPercent: number;
  responses: QuizResponses;
}

function refuseLocked(module: EnrolmentModule) {
  if (module.locked) {
    throw new TrainingRefusal('CONFLICT', 'Finish the modules before this one first', 'moduleId');
  }
}

function refuseKind(module: EnrolmentModule, kind: EnrolmentModule['kind'], what: string) {
  if (module.kind !== kind) {
    throw new TrainingRefusal('BAD_REQUEST', `Only ${what}`, 'moduleId');
  }
}

async function ownModule(
  tx: DatabaseOrTransaction,
  userId: string,
  key: ModuleProgressKey,
): Promise<{ enrolment: LoadedEnrolment; module: EnrolmentModule }> {
  const enrolment = await requireOwnEnrolment(tx, userId, key.enrolmentId, { lock: true });
  const module = requireModule(enrolment, key.moduleId);
  refuseLocked(module);
  return { enrolment, module };
}

/**
 * The trainee opens a module: it starts (the start of nesting's counting window) and, for
 * modules timed by their sessions, the opening time is noted on the server. Opening again
 * restarts the session, so only the last stretch before finishing counts.
 */
export async function startModule(db: Database, userId: string, key: ModuleProgressKey) {
  return db.transaction(async (tx) => {
    const { enrolment, module } = await ownModule(tx, userId, key);
    const now = new Date();
    const { status } = module.progress;
    const rereading = module.kind === 'sop_reading' && status === 'completed';
    const timed = !isLivePractice(module.kind) && (status !== 'completed' || rereading);
    await updateProgress(tx, enrolment.id, module.id, {
      startedAt: module.progress.startedAt ?? now,
      ...(timed ? { openedAt: now } : {}),
      ...(status === 'not_started' ? { status: 'in_progress' } : {}),
    });
    return { startedAt: module.progress.startedAt ?? now };
  });
}

function finishedSession(module: EnrolmentModule, now: Date) {
  return {
    timeSpentSeconds:
      module.progress.timeSpentSeconds +
      sessionSeconds(module.progress.openedAt, now, module.estimatedMinutes),
    openedAt: null,
  };
}

/**
 * Acknowledges the SOP version the reading shows: the module's version the first time, the
 * latest published version when re-acknowledging after a new one came out.
 */
export async function acknowledgeSopReading(db: Database, userId: string, key: ModuleProgressKey) {
  return db.transaction(async (tx) => {
    const { enrolment, module } = await ownModule(tx, userId, key);
    refuseKind(module, 'sop_reading', 'SOP readings are acknowledged');
    const latest = (await latestPublishedVersions(tx, [module.sopId!])).get(module.sopId!);
    const { status, acknowledgedSopVersion } = module.progress;
    const now = new Date();
    if (traineePartDone(status)) {
      const due = needsReacknowledgement({
        status,
        acknowledgedVersion: acknowledgedSopVersion,
        latestPublishedVersion: latest?.version ?? null,
      });
      if (!due) {
        throw new TrainingRefusal('CONFLICT', 'You have already acknowledged this version');
      }
      await updateProgress(tx, enrolment.id, module.id, {
        ...finishedSession(module, now),
        acknowledgedSopVersion: latest!.version,
      });
      return { acknowledgedVersion: latest!.version, status };
    }
    const version = readingVersionOf(module, latest?.version ?? null)!;
    const finished = finishedWork(module, now);
    await updateProgress(tx, enrolment.id, module.id, {
      ...finishedSession(module, now),
      ...finished,
      startedAt: module.progress.startedAt ?? now,
      acknowledgedSopVersion: version,
    });
    await settleEnrolment(tx, enrolment.id, null, now);
    return { acknowledgedVersion: version, status: finished.status };
  });
}

export async function markWalkthroughDone(db: Database, userId: string, key: ModuleProgressKey) {
  return db.transaction(async (tx) => {
    const { enrolment, module } = await ownModule(tx, userId, key);
    refuseKind(module, 'walkthrough', 'walkthroughs are marked as done');
    if (traineePartDone(module.progress.status)) {
      throw new TrainingRefusal('CONFLICT', 'This walkthrough is already done');
    }
    const now = new Date();
    const finished = finishedWork(module, now);
    await updateProgress(tx, enrolment.id, module.id, {
      ...finishedSession(module, now),
      ...finished,
      startedAt: module.progress.startedAt ?? now,
    });
    await settleEnrolment(tx, enrolment.id, null, now);
    return { status: finished.status };
  });
}

/** Why the trainee cannot take the quiz now, or null when they can. */
export function quizBlocker(module: EnrolmentModule): string | null {
  if (module.definition.kind !== 'quiz') return 'This module is not a quiz';
  const { status, attempts } = module.progress;
  if (traineePartDone(status)) return 'You passed this quiz';
  if (status === 'awaiting_marking') return 'Your last attempt is waiting for marking';
  if (attemptsLeft(module.definition.settings.maxAttempts, attempts) === 0) {
    return 'No attempts left: ask your trainer for a retake';
  }
  return null;
}

/**
 * Submits an attempt: multiple choice is marked at once; written short answers wait for a
 * trainer (the trainer who enrolled them is told). The attempt keeps the questions as asked,
 * so editing the quiz later never changes an attempt's marking.
 */
export async function submitQuizAttempt(db: Database, userId: string, input: SubmitQuizInput) {
  return db.transaction(async (tx) => {
    const { enrolment, module } = await ownModule(tx, userId, input);
    refuseKind(module, 'quiz', 'quizzes take answers');
    const blocker = quizBlocker(module);
    if (blocker) throw new TrainingRefusal('CONFLICT', blocker);
    if (module.definition.kind !== 'quiz') throw new Error('unreachable');
    const { questions, passMarkPercent, maxAttempts } = module.definition.settings;
    const [issue] = responseIssues(questions, input.responses);
    if (issue) throw new TrainingRefusal('BAD_REQUEST', issue.message, issue.path);

    const now = new Date();
    const { marks, awaitingMarking } = markAutomatically(questions, input.responses);
    const outcome = quizOutcome(questions, marks, passMarkPercent);
    const [numbered] = await tx
      .select({ last: sql<number>`coalesce(max(${quizAttempts.number}), 0)::int` })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.enrolmentId, enrolment.id), eq(quizAttempts.moduleId, module.id)));
    const answers: StoredQuizAttemptAnswers = {
      questions,
      passMarkPercent,
      responses: input.responses,
    };
    const [attempt] = await tx
      .insert(quizAttempts)
      .values({
        enrolmentId: enrolment.id,
        moduleId: module.id,
        number: (numbered?.last ?? 0) + 1,
        answers: answers as unknown as Record<string, unknown>,
        marks,
        status: outcome.status,
        score: outcome.score,
        submittedAt: now,
        markedAt: outcome.status === 'awaiting_marking' ? null : now,
      })
      .returning({ id: quizAttempts.id, number: quizAttempts.number });

    const attempts = module.progress.attempts + 1;
    await updateProgress(tx, enrolment.id, module.id, {
      ...finishedSession(module, now),
      ...statusAfterQuiz(module, outcome.status, now),
      attempts,
      startedAt: module.progress.startedAt ?? now,
      score:
        outcome.score === null
          ? module.progress.score
          : Math.max(module.progress.score ?? 0, outcome.score),
    });
    if (outcome.status === 'awaiting_marking' && enrolment.enrolledById) {
      await notifyPeople(
        tx,
        [enrolment.enrolledById],
        {
          kind: 'training_marking',
          title: `Quiz to mark: ${module.title}`,
          body: `${awaitingMarking.length} short answer${awaitingMarking.length === 1 ? '' : 's'} from ${enrolment.curriculum.name}`,
          link: '/console/training/marking',
          subjectId: attempt!.id,
        },
        now,
      );
    }
    if (outcome.status === 'passed') await settleEnrolment(tx, enrolment.id, null, now);
    return {
      attemptId: attempt!.id,
      number: attempt!.number,
      status: outcome.status,
      score: outcome.score,
      resultText: quizResultText(outcome.status, outcome.score),
      awaitingMarking: awaitingMarking.length,
      attemptsLeft: attemptsLeft(maxAttempts, attempts),
    };
  });
}

/**
 * Adds a live conversation to a shadowing module by its number. It must exist and not be the
 * trainee's own (handling it themselves is nesting, not shadowing).
 */
export async function addShadowedConversation(
  tx: DatabaseOrTransaction,
  enrolment: LoadedEnrolment,
  module: EnrolmentModule,
  input: Pick<LogShadowingInput, 'conversationNumber'>,
  actorId: string,
) {
  refuseKind(module, 'shadowing', 'shadowing modules count watched conversations');
  if (module.progress.status === 'completed') {
    throw new TrainingRefusal('CONFLICT', 'This shadowing module is already complete');
  }
  const [conversation] = await tx
    .select({ id: conversations.id, assigneeId: conversations.assigneeId })
    .from(conversations)
    .where(eq(conversations.number, input.conversationNumber));
  if (!conversation) {
    throw new TrainingRefusal(
      'BAD_REQUEST',
      `There is no conversation #${input.conversationNumber}`,
      'conversationNumber',
    );
  }
  if (conversation.assigneeId === enrolment.userId) {
    throw new TrainingRefusal(
      'BAD_REQUEST',
      'This conversation was handled by the trainee: shadowing counts conversations watched',
      'conversationNumber',
    );
  }
  if (module.progress.conversationIds.includes(conversation.id)) {
    throw new TrainingRefusal(
      'BAD_REQUEST',
      `Conversation #${input.conversationNumber} is already logged`,
      'conversationNumber',
    );
  }
  const now = new Date();
  await updateProgress(tx, enrolment.id, module.id, {
    conversationIds: [...module.progress.conversationIds, conversation.id],
    startedAt: module.progress.startedAt ?? now,
    ...(module.progress.status === 'not_started' ? { status: 'in_progress' } : {}),
  });
  const reloaded = (await loadEnrolment(tx, enrolment.id))!;
  await evaluateLivePractice(tx, reloaded, actorId, now);
  return { conversationId: conversation.id };
}

/** The trainee logs a conversation they watched; their trainer sees it on the record. */
export async function logShadowedConversation(
  db: Database,
  userId: string,
  input: LogShadowingInput,
) {
  return db.transaction(async (tx) => {
    const { enrolment, module } = await ownModule(tx, userId, input);
    return addShadowedConversation(tx, enrolment, module, input, userId);
  });
}
