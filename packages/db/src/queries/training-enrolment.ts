import {
  enrolmentComplete,
  enrolmentReadyForSignOff,
  lockedModules,
  type QuizAttemptStatus,
  statusWhenTraineeFinished,
  type TrainingModuleSettings,
  type TrainingProgressStatus,
  trainingModuleSettingsOf,
  trainingProgressStatusSchema,
} from '@switchboard/domain';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import {
  certifications,
  curricula,
  notifications,
  sopVersions,
  trainingEnrolments,
  trainingModules,
  trainingProgress,
} from '../schema/index.ts';
import { grantCertification } from './certifications.ts';
import { notifyPeople } from './notifications.ts';
import { TrainingRefusal } from './training-errors.ts';

/*
 * One enrolment with its curriculum and its modules in order, each with the trainee's
 * progress: what every training action reads first, and where completion is decided.
 */

export const MY_TRAINING_LINK = '/workspace/training';
export const myModuleLink = (enrolmentId: string, moduleId: string) =>
  `${MY_TRAINING_LINK}/${enrolmentId}/modules/${moduleId}`;
export const trainingRecordLink = (userId: string) => `/console/training/people/${userId}`;

export interface EnrolmentModule {
  id: string;
  position: number;
  kind: TrainingModuleSettings['kind'];
  title: string;
  body: string;
  sopId: string | null;
  sopVersion: number | null;
  estimatedMinutes: number;
  definition: TrainingModuleSettings;
  /** Every module before it is not done yet. */
  locked: boolean;
  progress: {
    status: TrainingProgressStatus;
    startedAt: Date | null;
    openedAt: Date | null;
    completedAt: Date | null;
    timeSpentSeconds: number;
    score: number | null;
    attempts: number;
    acknowledgedSopVersion: number | null;
    conversationIds: string[];
    signedOffById: string | null;
    signedOffAt: Date | null;
    updatedAt: Date;
  };
}

export interface LoadedEnrolment {
  id: string;
  userId: string;
  curriculumId: string;
  enrolledAt: Date;
  enrolledById: string | null;
  dueAt: Date | null;
  completedAt: Date | null;
  signedOffById: string | null;
  signedOffAt: Date | null;
  curriculum: {
    code: string;
    name: string;
    requiresSignOff: boolean;
    certificationId: string | null;
    certificationName: string | null;
  };
  modules: EnrolmentModule[];
}

/** The columns an enrolment is loaded from (its modules and progress come separately). */
export const enrolmentHeader = {
  id: trainingEnrolments.id,
  userId: trainingEnrolments.userId,
  curriculumId: trainingEnrolments.curriculumId,
  enrolledAt: trainingEnrolments.enrolledAt,
  enrolledById: trainingEnrolments.enrolledById,
  dueAt: trainingEnrolments.dueAt,
  completedAt: trainingEnrolments.completedAt,
  signedOffById: trainingEnrolments.signedOffById,
  signedOffAt: trainingEnrolments.signedOffAt,
};

/**
 * Loads the enrolment (row-locked with `lock`, so two actions on one record queue up). Modules
 * added to a curriculum after someone completed it have no progress row for them and are left
 * out: they finished the curriculum as it was.
 */
export async function loadEnrolment(
  tx: DatabaseOrTransaction,
  enrolmentId: string,
  options: { lock?: boolean } = {},
): Promise<LoadedEnrolment | null> {
  const header = tx
    .select(enrolmentHeader)
    .from(trainingEnrolments)
    .where(eq(trainingEnrolments.id, enrolmentId));
  const [row] = options.lock ? await header.for('update') : await header;
  if (!row) return null;
  const [loaded] = await loadEnrolmentsOf(tx, [row]);
  return loaded ?? null;
}

type EnrolmentHeader = Omit<LoadedEnrolment, 'curriculum' | 'modules'>;

/** The curricula and modules of many enrolments at once (a cohort, a person's record). */
export async function loadEnrolmentsOf(
  tx: DatabaseOrTransaction,
  headers: readonly EnrolmentHeader[],
): Promise<LoadedEnrolment[]> {
  if (headers.length === 0) return [];
  const curriculumIds = [...new Set(headers.map((header) => header.curriculumId))];
  const [curriculumRows, moduleRows] = await Promise.all([
    tx
      .select({
        id: curricula.id,
        code: curricula.code,
        name: curricula.name,
        requiresSignOff: curricula.requiresSignOff,
        certificationId: curricula.certificationId,
        certificationName: certifications.name,
      })
      .from(curricula)
      .leftJoin(certifications, eq(certifications.id, curricula.certificationId))
      .where(inArray(curricula.id, curriculumIds)),
    tx
      .select({
        enrolmentId: trainingProgress.enrolmentId,
        id: trainingModules.id,
        position: trainingModules.position,
        kind: trainingModules.kind,
        title: trainingModules.title,
        body: trainingModules.body,
        sopId: trainingModules.sopId,
        sopVersion: trainingModules.sopVersion,
        estimatedMinutes: trainingModules.estimatedMinutes,
        settings: trainingModules.settings,
        status: trainingProgress.status,
        startedAt: trainingProgress.startedAt,
        openedAt: trainingProgress.openedAt,
        completedAt: trainingProgress.completedAt,
        timeSpentSeconds: trainingProgress.timeSpentSeconds,
        score: trainingProgress.score,
        attempts: trainingProgress.attempts,
        acknowledgedSopVersion: trainingProgress.acknowledgedSopVersion,
        conversationIds: trainingProgress.conversationIds,
        signedOffById: trainingProgress.signedOffById,
        signedOffAt: trainingProgress.signedOffAt,
        updatedAt: trainingProgress.updatedAt,
      })
      .from(trainingProgress)
      .innerJoin(trainingModules, eq(trainingModules.id, trainingProgress.moduleId))
      .where(
        inArray(
          trainingProgress.enrolmentId,
          headers.map((header) => header.id),
        ),
      )
      .orderBy(asc(trainingModules.position), asc(trainingModules.createdAt)),
  ]);
  const curriculumById = new Map(curriculumRows.map((row) => [row.id, row]));
  return headers.map((header) => {
    const rows = moduleRows.filter((row) => row.enrolmentId === header.id);
    const statuses = rows.map((row) => trainingProgressStatusSchema.parse(row.status));
    const locked = lockedModules(statuses);
    const { id: _id, ...curriculum } = curriculumById.get(header.curriculumId)!;
    return {
      ...header,
      curriculum,
      modules: rows.map((row, index) => {
        const definition = trainingModuleSettingsOf(row.kind, row.settings);
        return {
          id: row.id,
          position: row.position,
          kind: definition.kind,
          title: row.title,
          body: row.body,
          sopId: row.sopId,
          sopVersion: row.sopVersion,
          estimatedMinutes: row.estimatedMinutes,
          definition,
          locked: locked[index]!,
          progress: {
            status: statuses[index]!,
            startedAt: row.startedAt,
            openedAt: row.openedAt,
            completedAt: row.completedAt,
            timeSpentSeconds: row.timeSpentSeconds,
            score: row.score,
            attempts: row.attempts,
            acknowledgedSopVersion: row.acknowledgedSopVersion,
            conversationIds: row.conversationIds,
            signedOffById: row.signedOffById,
            signedOffAt: row.signedOffAt,
            updatedAt: row.updatedAt,
          },
        };
      }),
    };
  });
}

/** The enrolment, refused as not found when missing. */
export async function requireEnrolment(
  tx: DatabaseOrTransaction,
  enrolmentId: string,
  options: { lock?: boolean } = {},
): Promise<LoadedEnrolment> {
  const enrolment = await loadEnrolment(tx, enrolmentId, options);
  if (!enrolment) throw new TrainingRefusal('NOT_FOUND', 'There is no such enrolment');
  return enrolment;
}

/** The trainee's own enrolment: someone else's record is refused, never shown. */
export async function requireOwnEnrolment(
  tx: DatabaseOrTransaction,
  userId: string,
  enrolmentId: string,
  options: { lock?: boolean } = {},
): Promise<LoadedEnrolment> {
  const enrolment = await requireEnrolment(tx, enrolmentId, options);
  if (enrolment.userId !== userId) {
    throw new TrainingRefusal('FORBIDDEN', 'This training record belongs to someone else');
  }
  return enrolment;
}

export function requireModule(enrolment: LoadedEnrolment, moduleId: string): EnrolmentModule {
  const module = enrolment.modules.find((candidate) => candidate.id === moduleId);
  if (!module) {
    throw new TrainingRefusal('NOT_FOUND', 'This module is not part of the enrolment', 'moduleId');
  }
  return module;
}

/** Trainers work on other people's records, never their own. */
export function refuseOwnRecord(enrolment: LoadedEnrolment, actorId: string, what: string) {
  if (enrolment.userId === actorId) {
    throw new TrainingRefusal('FORBIDDEN', `You cannot ${what} on your own training record`);
  }
}

export type ProgressChange = Partial<typeof trainingProgress.$inferInsert>;

export async function updateProgress(
  tx: DatabaseOrTransaction,
  enrolmentId: string,
  moduleId: string,
  change: ProgressChange,
) {
  await tx
    .update(trainingProgress)
    .set(change)
    .where(
      and(eq(trainingProgress.enrolmentId, enrolmentId), eq(trainingProgress.moduleId, moduleId)),
    );
}

/**
 * Completes the enrolment once every module is complete (and the curriculum is signed off if
 * it asks for that): sets `completed_at`, grants the curriculum's certification and tells the
 * trainee, all in the caller's transaction. When only the curriculum sign-off is missing, the
 * trainer who enrolled them hears that it is due. Returns whether it completed now.
 */
export async function settleEnrolment(
  tx: DatabaseOrTransaction,
  enrolmentId: string,
  actorId: string | null,
  now: Date = new Date(),
): Promise<boolean> {
  const enrolment = await loadEnrolment(tx, enrolmentId);
  if (!enrolment || enrolment.completedAt) return false;
  const facts = {
    moduleStatuses: enrolment.modules.map((module) => module.progress.status),
    curriculumRequiresSignOff: enrolment.curriculum.requiresSignOff,
    signedOff: enrolment.signedOffAt !== null,
  };
  if (!enrolmentComplete(facts)) {
    if (enrolmentReadyForSignOff(facts) && enrolment.enrolledById) {
      await announceSignOffDue(tx, enrolment, now);
    }
    return false;
  }
  const [completed] = await tx
    .update(trainingEnrolments)
    .set({ completedAt: now })
    .where(and(eq(trainingEnrolments.id, enrolment.id), isNull(trainingEnrolments.completedAt)))
    .returning({ id: trainingEnrolments.id });
  if (!completed) return false;
  const { certificationId, certificationName, name } = enrolment.curriculum;
  if (certificationId) {
    await grantCertification(tx, {
      userId: enrolment.userId,
      certificationId,
      grantedById: actorId,
      source: 'curriculum',
      curriculumId: enrolment.curriculumId,
      now,
    });
  }
  await notifyPeople(
    tx,
    [enrolment.userId],
    {
      kind: 'training_completed',
      title: `You completed ${name}`,
      body: certificationName
        ? `You are now certified for ${certificationName}.`
        : 'Every module is complete.',
      link: MY_TRAINING_LINK,
      subjectId: enrolment.id,
    },
    now,
  );
  return true;
}

const SIGN_OFF_DUE = 'training_sign_off_due';

/** Once per enrolment: the notification's subject is the enrolment and its kind says why. */
async function announceSignOffDue(
  tx: DatabaseOrTransaction,
  enrolment: LoadedEnrolment,
  now: Date,
) {
  const [sent] = await tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.kind, SIGN_OFF_DUE),
        eq(notifications.subjectId, enrolment.id),
        eq(notifications.userId, enrolment.enrolledById!),
      ),
    )
    .limit(1);
  if (sent) return;
  await notifyPeople(
    tx,
    [enrolment.enrolledById!],
    {
      kind: SIGN_OFF_DUE,
      title: `${enrolment.curriculum.name}: ready for your sign-off`,
      body: 'Every module is complete; the curriculum needs a trainer to sign it off.',
      link: trainingRecordLink(enrolment.userId),
      subjectId: enrolment.id,
    },
    now,
  );
}

/** Finishing a module's work: complete, or waiting for the trainer's sign-off. */
export function finishedWork(module: EnrolmentModule, now: Date) {
  const status = statusWhenTraineeFinished(module.definition.settings.requiresSignOff);
  return { status, completedAt: status === 'completed' ? now : null };
}

/** Where a quiz module goes once an attempt is decided (or left awaiting marking). */
export function statusAfterQuiz(
  module: EnrolmentModule,
  attemptStatus: QuizAttemptStatus,
  now: Date,
): { status: TrainingProgressStatus; completedAt: Date | null } {
  return attemptStatus === 'passed'
    ? finishedWork(module, now)
    : { status: attemptStatus, completedAt: null };
}

/** The SOP version a reading shows: the latest published one when re-acknowledging. */
export function readingVersionOf(
  module: EnrolmentModule,
  latestPublished: number | null,
): number | null {
  if (module.progress.status === 'completed' && latestPublished !== null) return latestPublished;
  return module.sopVersion;
}

/** The published version of each SOP (one per SOP: publishing archives the one before). */
export async function latestPublishedVersions(
  tx: DatabaseOrTransaction,
  sopIds: readonly string[],
): Promise<Map<string, { version: number; title: string }>> {
  const unique = [...new Set(sopIds)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({ sopId: sopVersions.sopId, version: sopVersions.version, title: sopVersions.title })
    .from(sopVersions)
    .where(and(inArray(sopVersions.sopId, unique), eq(sopVersions.status, 'published')));
  return new Map(rows.map((row) => [row.sopId, { version: row.version, title: row.title }]));
}
