import {
  attemptsLeft,
  type ModuleProgressKey,
  moduleRequirementText,
  needsReacknowledgement,
  quizResultText,
  reacknowledgementTitle,
  TRAINING_MODULE_KIND_LABELS,
  traineePartDone,
  traineeQuestions,
} from '@switchboard/domain';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { requestTypes, sops, sopVersions } from '../schema/index.ts';
import {
  type EnrolmentModule,
  latestPublishedVersions,
  readingVersionOf,
  requireModule,
  requireOwnEnrolment,
} from './training-enrolment.ts';
import { freshEnrolmentsOf } from './training-live-practice.ts';
import { quizBlocker } from './training-progress.ts';
import { attemptsOf, livePracticeView, summaryOf } from './training-records.ts';

/*
 * The trainee's own view: My training (their enrolments and modules in order, and SOPs to
 * re-acknowledge) and one module opened. Only ever their own records.
 */

/** Every enrolment of the person, newest first, with live practice re-counted. */
export async function myTraining(db: Database, userId: string) {
  return db.transaction(async (tx) => {
    const now = new Date();
    const enrolments = await freshEnrolmentsOf(tx, userId, now);
    const modules = enrolments.flatMap((enrolment) => enrolment.modules);
    const latest = await latestPublishedVersions(
      tx,
      modules.flatMap((module) => (module.sopId ? [module.sopId] : [])),
    );
    const reacknowledge = enrolments.flatMap((enrolment) =>
      enrolment.modules.flatMap((module) => {
        const published = module.sopId ? latest.get(module.sopId) : undefined;
        const due = needsReacknowledgement({
          status: module.progress.status,
          acknowledgedVersion: module.progress.acknowledgedSopVersion,
          latestPublishedVersion: published?.version ?? null,
        });
        return due && published
          ? [
              {
                enrolmentId: enrolment.id,
                moduleId: module.id,
                title: reacknowledgementTitle(published.title, published.version),
              },
            ]
          : [];
      }),
    );
    const views = [];
    for (const enrolment of enrolments) {
      const moduleViews = [];
      for (const module of enrolment.modules) {
        const live = module.locked ? null : await livePracticeView(tx, userId, module);
        moduleViews.push({
          id: module.id,
          title: module.title,
          kind: module.kind,
          kindLabel: TRAINING_MODULE_KIND_LABELS[module.kind],
          requirement: moduleRequirementText(module.definition),
          estimatedMinutes: module.estimatedMinutes,
          status: module.progress.status,
          locked: module.locked,
          score: module.progress.score,
          attemptsLeft:
            module.definition.kind === 'quiz'
              ? attemptsLeft(module.definition.settings.maxAttempts, module.progress.attempts)
              : null,
          progressText: live?.text ?? null,
        });
      }
      views.push({
        id: enrolment.id,
        curriculumName: enrolment.curriculum.name,
        certificationName: enrolment.curriculum.certificationName,
        requiresSignOff: enrolment.curriculum.requiresSignOff,
        enrolledAt: enrolment.enrolledAt,
        dueAt: enrolment.dueAt,
        completedAt: enrolment.completedAt,
        summary: summaryOf(enrolment, now),
        modules: moduleViews,
      });
    }
    // Training still to do first; among equals, the latest enrolment, then by name.
    views.sort(
      (a, b) =>
        Number(a.completedAt !== null) - Number(b.completedAt !== null) ||
        b.enrolledAt.getTime() - a.enrolledAt.getTime() ||
        a.curriculumName.localeCompare(b.curriculumName),
    );
    return { enrolments: views, reacknowledge };
  });
}

async function readingOf(db: Database, module: EnrolmentModule) {
  if (module.kind !== 'sop_reading' || !module.sopId) return null;
  const latest = (await latestPublishedVersions(db, [module.sopId])).get(module.sopId);
  const version = readingVersionOf(module, latest?.version ?? null);
  const [row] = await db
    .select({
      version: sopVersions.version,
      title: sopVersions.title,
      steps: sopVersions.steps,
      requestTypeName: requestTypes.name,
    })
    .from(sopVersions)
    .innerJoin(sops, eq(sops.id, sopVersions.sopId))
    .innerJoin(requestTypes, eq(requestTypes.id, sops.requestTypeId))
    .where(and(eq(sopVersions.sopId, module.sopId), eq(sopVersions.version, version ?? -1)));
  const due = needsReacknowledgement({
    status: module.progress.status,
    acknowledgedVersion: module.progress.acknowledgedSopVersion,
    latestPublishedVersion: latest?.version ?? null,
  });
  return {
    sop: row ?? null,
    acknowledgedVersion: module.progress.acknowledgedSopVersion,
    /** The trainee can acknowledge now: first reading, or a newer version to re-acknowledge. */
    canAcknowledge: row !== undefined && (due || !traineePartDone(module.progress.status)),
    reacknowledging: due,
  };
}

/** One module as the trainee opens it: what to read, do or answer, and where they stand. */
export async function myModuleView(db: Database, userId: string, key: ModuleProgressKey) {
  const enrolment = await requireOwnEnrolment(db, userId, key.enrolmentId);
  const module = requireModule(enrolment, key.moduleId);
  const position = enrolment.modules.indexOf(module);
  const previous = position > 0 ? enrolment.modules[position - 1]! : null;
  const attempts =
    module.definition.kind === 'quiz'
      ? (await attemptsOf(db, [enrolment.id]))
          .filter((attempt) => attempt.moduleId === module.id)
          .map((attempt) => ({
            ...attempt,
            resultText: quizResultText(attempt.status, attempt.score),
          }))
      : [];
  return {
    enrolmentId: enrolment.id,
    curriculumName: enrolment.curriculum.name,
    position: position + 1,
    moduleCount: enrolment.modules.length,
    id: module.id,
    kind: module.kind,
    kindLabel: TRAINING_MODULE_KIND_LABELS[module.kind],
    title: module.title,
    body: module.body,
    requirement: moduleRequirementText(module.definition),
    estimatedMinutes: module.estimatedMinutes,
    requiresSignOff: module.definition.settings.requiresSignOff,
    locked: module.locked,
    lockedBehind: module.locked ? (previous?.title ?? null) : null,
    status: module.progress.status,
    startedAt: module.progress.startedAt,
    completedAt: module.progress.completedAt,
    timeSpentSeconds: module.progress.timeSpentSeconds,
    signedOffAt: module.progress.signedOffAt,
    // A locked module shows what it is, not its content.
    reading: module.locked ? null : await readingOf(db, module),
    quiz:
      module.definition.kind === 'quiz' && !module.locked
        ? {
            questions: traineeQuestions(module.definition.settings.questions),
            passMarkPercent: module.definition.settings.passMarkPercent,
            maxAttempts: module.definition.settings.maxAttempts,
            attemptsLeft: attemptsLeft(
              module.definition.settings.maxAttempts,
              module.progress.attempts,
            ),
            bestScore: module.progress.score,
            blocker: quizBlocker(module),
            attempts,
          }
        : null,
    livePractice: module.locked ? null : await livePracticeView(db, userId, module),
  };
}
