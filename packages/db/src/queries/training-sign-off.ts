import {
  attemptsLeft,
  enrolmentReadyForSignOff,
  type LogShadowingInput,
  type ModuleProgressKey,
  type RemoveShadowingInput,
} from '@switchboard/domain';
import { eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { trainingEnrolments } from '../schema/index.ts';
import { notifyPeople } from './notifications.ts';
import {
  loadEnrolment,
  myModuleLink,
  refuseOwnRecord,
  requireEnrolment,
  requireModule,
  settleEnrolment,
  updateProgress,
} from './training-enrolment.ts';
import { TrainingRefusal } from './training-errors.ts';
import { evaluateLivePractice } from './training-live-practice.ts';
import { addShadowedConversation } from './training-progress.ts';

/*
 * What a trainer does on someone's training record: sign modules and curricula off, allow
 * another quiz attempt, and keep the shadowing log. Never on their own record.
 */

export async function signOffModule(db: Database, actorId: string, key: ModuleProgressKey) {
  return db.transaction(async (tx) => {
    const enrolment = await requireEnrolment(tx, key.enrolmentId, { lock: true });
    refuseOwnRecord(enrolment, actorId, 'sign modules off');
    const module = requireModule(enrolment, key.moduleId);
    if (module.progress.status !== 'awaiting_sign_off') {
      throw new TrainingRefusal(
        'CONFLICT',
        'Only a module the trainee has finished and that waits for sign-off can be signed off',
        'moduleId',
      );
    }
    const now = new Date();
    await updateProgress(tx, enrolment.id, module.id, {
      status: 'completed',
      completedAt: now,
      signedOffById: actorId,
      signedOffAt: now,
    });
    const completed = await settleEnrolment(tx, enrolment.id, actorId, now);
    await notifyPeople(
      tx,
      [enrolment.userId],
      {
        kind: 'training_signed_off',
        title: `Signed off: ${module.title}`,
        body: enrolment.curriculum.name,
        link: myModuleLink(enrolment.id, module.id),
        subjectId: enrolment.id,
      },
      now,
    );
    return { completedCurriculum: completed };
  });
}

/** Signs the whole curriculum off; with every module complete, that completes the enrolment. */
export async function signOffEnrolment(db: Database, actorId: string, enrolmentId: string) {
  return db.transaction(async (tx) => {
    const enrolment = await requireEnrolment(tx, enrolmentId, { lock: true });
    refuseOwnRecord(enrolment, actorId, 'sign a curriculum off');
    const ready = enrolmentReadyForSignOff({
      moduleStatuses: enrolment.modules.map((module) => module.progress.status),
      curriculumRequiresSignOff: enrolment.curriculum.requiresSignOff,
      signedOff: enrolment.signedOffAt !== null,
    });
    if (!ready) {
      throw new TrainingRefusal(
        'CONFLICT',
        enrolment.signedOffAt
          ? 'This curriculum is already signed off'
          : enrolment.curriculum.requiresSignOff
            ? 'Every module must be complete before the curriculum is signed off'
            : 'This curriculum does not ask for a sign-off',
      );
    }
    const now = new Date();
    await tx
      .update(trainingEnrolments)
      .set({ signedOffById: actorId, signedOffAt: now })
      .where(eq(trainingEnrolments.id, enrolment.id));
    return { completedCurriculum: await settleEnrolment(tx, enrolment.id, actorId, now) };
  });
}

/** A trainee out of quiz attempts gets one more. */
export async function allowQuizRetake(db: Database, actorId: string, key: ModuleProgressKey) {
  return db.transaction(async (tx) => {
    const enrolment = await requireEnrolment(tx, key.enrolmentId, { lock: true });
    refuseOwnRecord(enrolment, actorId, 'allow retakes');
    const module = requireModule(enrolment, key.moduleId);
    if (module.definition.kind !== 'quiz' || module.progress.status !== 'failed') {
      throw new TrainingRefusal('CONFLICT', 'Only a failed quiz can be retaken', 'moduleId');
    }
    const { maxAttempts } = module.definition.settings;
    const left = attemptsLeft(maxAttempts, module.progress.attempts);
    if (left > 0) {
      throw new TrainingRefusal(
        'CONFLICT',
        `They still have ${left} attempt${left === 1 ? '' : 's'} left`,
        'moduleId',
      );
    }
    await updateProgress(tx, enrolment.id, module.id, { attempts: maxAttempts - 1 });
    await notifyPeople(tx, [enrolment.userId], {
      kind: 'training_retake',
      title: `One more attempt: ${module.title}`,
      body: 'Your trainer allowed you to take the quiz again.',
      link: myModuleLink(enrolment.id, module.id),
      subjectId: enrolment.id,
    });
    return { attemptsLeft: 1 };
  });
}

/** The trainer logs a conversation the trainee watched with them. */
export async function trainerLogShadowing(db: Database, actorId: string, input: LogShadowingInput) {
  return db.transaction(async (tx) => {
    const enrolment = await requireEnrolment(tx, input.enrolmentId, { lock: true });
    refuseOwnRecord(enrolment, actorId, 'log shadowing');
    const module = requireModule(enrolment, input.moduleId);
    return addShadowedConversation(tx, enrolment, module, input, actorId);
  });
}

/** Takes a conversation off the shadowing log; a module no longer met waits again. */
export async function removeShadowedConversation(
  db: Database,
  actorId: string,
  input: RemoveShadowingInput,
) {
  return db.transaction(async (tx) => {
    const enrolment = await requireEnrolment(tx, input.enrolmentId, { lock: true });
    refuseOwnRecord(enrolment, actorId, 'change the shadowing log');
    const module = requireModule(enrolment, input.moduleId);
    if (module.definition.kind !== 'shadowing') {
      throw new TrainingRefusal(
        'BAD_REQUEST',
        'Only shadowing modules log conversations',
        'moduleId',
      );
    }
    if (module.progress.status === 'completed') {
      throw new TrainingRefusal('CONFLICT', 'This shadowing module is already complete');
    }
    const conversationIds = module.progress.conversationIds.filter(
      (id) => id !== input.conversationId,
    );
    if (conversationIds.length === module.progress.conversationIds.length) {
      throw new TrainingRefusal(
        'NOT_FOUND',
        'This conversation is not on the log',
        'conversationId',
      );
    }
    await updateProgress(tx, enrolment.id, module.id, { conversationIds });
    // The shared re-count decides whether the module still meets its bar.
    const reloaded = (await loadEnrolment(tx, enrolment.id))!;
    await evaluateLivePractice(tx, reloaded, actorId);
    return { conversations: conversationIds.length };
  });
}
