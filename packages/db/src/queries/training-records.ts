import {
  type CohortFilter,
  type CohortInput,
  type EnrolmentSummary,
  enrolmentReadyForSignOff,
  enrolmentSummary,
  moduleRequirementText,
  needsReacknowledgement,
  nestingProgressText,
  shadowingProgressText,
  TRAINING_MODULE_KIND_LABELS,
  type TraineeListInput,
} from '@switchboard/domain';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  certifications,
  quizAttempts,
  trainingEnrolments,
  userCertifications,
  users,
} from '../schema/index.ts';
import { textSearch } from './list-helpers.ts';
import { listTeamsOfUser } from './people.ts';
import { curriculumDetail } from './training-curricula.ts';
import {
  type EnrolmentModule,
  enrolmentHeader,
  type LoadedEnrolment,
  latestPublishedVersions,
  loadEnrolmentsOf,
} from './training-enrolment.ts';
import { TrainingRefusal } from './training-errors.ts';
import {
  countedConversations,
  freshEnrolmentsOf,
  type LivePracticeProgress,
  livePracticeProgressOf,
} from './training-live-practice.ts';

/*
 * Training records as trainers read them: a cohort (everyone in one curriculum, person ×
 * module), everyone in training with who is stuck or overdue, and one person's full record.
 */

export function summaryOf(enrolment: LoadedEnrolment, now: Date): EnrolmentSummary {
  return enrolmentSummary(
    {
      enrolledAt: enrolment.enrolledAt,
      dueAt: enrolment.dueAt,
      completedAt: enrolment.completedAt,
      signedOffAt: enrolment.signedOffAt,
      curriculumRequiresSignOff: enrolment.curriculum.requiresSignOff,
      modules: enrolment.modules.map((module) => ({
        status: module.progress.status,
        attempts: module.progress.attempts,
        maxAttempts:
          module.definition.kind === 'quiz' ? module.definition.settings.maxAttempts : null,
        timeSpentSeconds: module.progress.timeSpentSeconds,
        updatedAt: module.progress.updatedAt,
      })),
    },
    now,
  );
}

function matchesFilter(summary: EnrolmentSummary, filter: CohortFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'active':
      return summary.state !== 'completed';
    case 'stuck':
      return summary.stuck !== null;
    case 'overdue':
      return summary.overdue;
    case 'completed':
      return summary.state === 'completed';
  }
}

/** A cohort is one curriculum's people: tens, at most a few hundred. */
const COHORT_LIMIT = 500;

/** Everyone enrolled in a curriculum with their progress per module, filtered. */
export async function cohortOf(db: Database, input: CohortInput, now: Date = new Date()) {
  const curriculum = await curriculumDetail(db, input.curriculumId);
  const headers = await db
    .select({ ...enrolmentHeader, name: users.name, email: users.email })
    .from(trainingEnrolments)
    .innerJoin(users, eq(users.id, trainingEnrolments.userId))
    .where(
      and(
        eq(trainingEnrolments.curriculumId, curriculum.id),
        textSearch(input.search, [users.name, users.email]),
      ),
    )
    .orderBy(asc(users.name))
    .limit(COHORT_LIMIT + 1);
  const loaded = await loadEnrolmentsOf(
    db,
    headers.slice(0, COHORT_LIMIT).map(({ name: _name, email: _email, ...header }) => header),
  );
  const rows = loaded.map((enrolment, index) => {
    const person = headers[index]!;
    const byModule = new Map(enrolment.modules.map((module) => [module.id, module]));
    return {
      enrolmentId: enrolment.id,
      userId: enrolment.userId,
      name: person.name,
      email: person.email,
      enrolledAt: enrolment.enrolledAt,
      dueAt: enrolment.dueAt,
      completedAt: enrolment.completedAt,
      summary: summaryOf(enrolment, now),
      /** One cell per curriculum module; null when the module is not on their record. */
      cells: curriculum.modules.map((module) => {
        const mine = byModule.get(module.id);
        return mine
          ? {
              moduleId: module.id,
              status: mine.progress.status,
              score: mine.progress.score,
              attempts: mine.progress.attempts,
              locked: mine.locked,
            }
          : null;
      }),
    };
  });
  const counts = Object.fromEntries(
    (['all', 'active', 'stuck', 'overdue', 'completed'] as const).map((filter) => [
      filter,
      rows.filter((row) => matchesFilter(row.summary, filter)).length,
    ]),
  ) as Record<CohortFilter, number>;
  return {
    curriculum: {
      id: curriculum.id,
      code: curriculum.code,
      name: curriculum.name,
      requiresSignOff: curriculum.requiresSignOff,
      certificationName: curriculum.certificationName,
    },
    modules: curriculum.modules.map((module) => ({
      id: module.id,
      title: module.title,
      kind: module.kind,
      kindLabel: module.kindLabel,
    })),
    rows: rows.filter((row) => matchesFilter(row.summary, input.filter)),
    counts,
    truncated: headers.length > COHORT_LIMIT,
  };
}

/** Enrolments read for the trainee list: the most recent ones, far more than a team trains. */
const TRAINEE_LIST_SCAN = 2000;

/**
 * Everyone in training across curricula, most urgent first (stuck, then overdue, then by due
 * date). Stuck is worked out from progress, so the list is filtered after reading.
 */
export async function listTraineeEnrolments(
  db: Database,
  input: TraineeListInput,
  now: Date = new Date(),
) {
  const headers = await db
    .select({ ...enrolmentHeader, name: users.name, email: users.email })
    .from(trainingEnrolments)
    .innerJoin(users, eq(users.id, trainingEnrolments.userId))
    .where(textSearch(input.search, [users.name, users.email]))
    .orderBy(desc(trainingEnrolments.enrolledAt))
    .limit(TRAINEE_LIST_SCAN);
  const loaded = await loadEnrolmentsOf(
    db,
    headers.map(({ name: _name, email: _email, ...header }) => header),
  );
  const rows = loaded
    .map((enrolment, index) => ({
      enrolmentId: enrolment.id,
      userId: enrolment.userId,
      name: headers[index]!.name,
      email: headers[index]!.email,
      curriculumId: enrolment.curriculumId,
      curriculumName: enrolment.curriculum.name,
      enrolledAt: enrolment.enrolledAt,
      dueAt: enrolment.dueAt,
      completedAt: enrolment.completedAt,
      summary: summaryOf(enrolment, now),
    }))
    .filter((row) => matchesFilter(row.summary, input.filter))
    .sort(
      (a, b) =>
        Number(b.summary.stuck !== null) - Number(a.summary.stuck !== null) ||
        Number(b.summary.overdue) - Number(a.summary.overdue) ||
        (a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) -
          (b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
        a.name.localeCompare(b.name),
    );
  return {
    items: rows.slice(input.offset, input.offset + input.limit),
    total: rows.length,
    limit: input.limit,
    offset: input.offset,
  };
}

async function namesOf(tx: DatabaseOrTransaction, ids: readonly (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** How a live-practice module stands, in words and numbers, with what was counted. */
export async function livePracticeView(
  tx: DatabaseOrTransaction,
  userId: string,
  module: EnrolmentModule,
) {
  const progress: LivePracticeProgress | null = await livePracticeProgressOf(tx, userId, module);
  if (!progress) return null;
  return {
    ...progress,
    text:
      progress.kind === 'shadowing'
        ? shadowingProgressText(progress.shadowing)
        : nestingProgressText(progress.nesting),
    conversations: await countedConversations(tx, module.progress.conversationIds),
  };
}

/** Quiz attempts of these enrolments, oldest first (a few per quiz). */
export async function attemptsOf(tx: DatabaseOrTransaction, enrolmentIds: readonly string[]) {
  if (enrolmentIds.length === 0) return [];
  return tx
    .select({
      id: quizAttempts.id,
      enrolmentId: quizAttempts.enrolmentId,
      moduleId: quizAttempts.moduleId,
      number: quizAttempts.number,
      status: quizAttempts.status,
      score: quizAttempts.score,
      submittedAt: quizAttempts.submittedAt,
      markedAt: quizAttempts.markedAt,
      feedback: quizAttempts.feedback,
    })
    .from(quizAttempts)
    .where(inArray(quizAttempts.enrolmentId, [...enrolmentIds]))
    .orderBy(asc(quizAttempts.number));
}

/**
 * One person's training record: every enrolment with each module's progress, scores,
 * attempts, time and sign-offs, and the certifications they hold. Live practice is re-counted
 * first, so the trainer sees today's numbers.
 */
export async function trainingRecordOf(db: Database, userId: string) {
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        active: users.active,
      })
      .from(users)
      .where(eq(users.id, userId));
    if (!person) throw new TrainingRefusal('NOT_FOUND', 'There is no such person', 'userId');
    const now = new Date();
    const enrolments = await freshEnrolmentsOf(tx, userId, now);
    const modules = enrolments.flatMap((enrolment) => enrolment.modules);
    const [names, latest, attempts, teams, held] = await Promise.all([
      namesOf(tx, [
        ...enrolments.flatMap((enrolment) => [enrolment.signedOffById, enrolment.enrolledById]),
        ...modules.map((module) => module.progress.signedOffById),
      ]),
      latestPublishedVersions(
        tx,
        modules.flatMap((module) => (module.sopId ? [module.sopId] : [])),
      ),
      attemptsOf(
        tx,
        enrolments.map((enrolment) => enrolment.id),
      ),
      listTeamsOfUser(tx, userId),
      tx
        .select({
          certificationId: certifications.id,
          name: certifications.name,
          grantedAt: userCertifications.grantedAt,
          expiresAt: userCertifications.expiresAt,
          source: userCertifications.source,
        })
        .from(userCertifications)
        .innerJoin(certifications, eq(certifications.id, userCertifications.certificationId))
        .where(eq(userCertifications.userId, userId))
        .orderBy(asc(certifications.name)),
    ]);
    const views = [];
    for (const enrolment of enrolments) {
      const moduleViews = [];
      for (const module of enrolment.modules) {
        const latestVersion = module.sopId ? (latest.get(module.sopId)?.version ?? null) : null;
        moduleViews.push({
          id: module.id,
          title: module.title,
          kind: module.kind,
          kindLabel: TRAINING_MODULE_KIND_LABELS[module.kind],
          requirement: moduleRequirementText(module.definition),
          requiresSignOff: module.definition.settings.requiresSignOff,
          locked: module.locked,
          ...module.progress,
          signedOffByName: module.progress.signedOffById
            ? (names.get(module.progress.signedOffById) ?? null)
            : null,
          maxAttempts:
            module.definition.kind === 'quiz' ? module.definition.settings.maxAttempts : null,
          latestSopVersion: latestVersion,
          needsReacknowledgement: needsReacknowledgement({
            status: module.progress.status,
            acknowledgedVersion: module.progress.acknowledgedSopVersion,
            latestPublishedVersion: latestVersion,
          }),
          quizAttempts: attempts.filter(
            (attempt) => attempt.enrolmentId === enrolment.id && attempt.moduleId === module.id,
          ),
          livePractice: module.locked ? null : await livePracticeView(tx, userId, module),
        });
      }
      views.push({
        id: enrolment.id,
        curriculumId: enrolment.curriculumId,
        curriculumName: enrolment.curriculum.name,
        certificationName: enrolment.curriculum.certificationName,
        requiresSignOff: enrolment.curriculum.requiresSignOff,
        enrolledAt: enrolment.enrolledAt,
        enrolledByName: enrolment.enrolledById ? (names.get(enrolment.enrolledById) ?? null) : null,
        dueAt: enrolment.dueAt,
        completedAt: enrolment.completedAt,
        signedOffAt: enrolment.signedOffAt,
        signedOffByName: enrolment.signedOffById
          ? (names.get(enrolment.signedOffById) ?? null)
          : null,
        readyForSignOff: enrolmentReadyForSignOff({
          moduleStatuses: enrolment.modules.map((module) => module.progress.status),
          curriculumRequiresSignOff: enrolment.curriculum.requiresSignOff,
          signedOff: enrolment.signedOffAt !== null,
        }),
        summary: summaryOf(enrolment, now),
        modules: moduleViews,
      });
    }
    return {
      person: { ...person, teams: teams.map((team) => team.name) },
      certifications: held,
      enrolments: views,
    };
  });
}
