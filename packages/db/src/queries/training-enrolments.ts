import type { EnrolInput } from '@switchboard/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { curricula, trainingEnrolments, trainingModules, users } from '../schema/index.ts';
import { notifyPeople } from './notifications.ts';
import { MY_TRAINING_LINK, requireEnrolment } from './training-enrolment.ts';
import { TrainingRefusal } from './training-errors.ts';
import { enrolInCurricula } from './training-plans.ts';

/*
 * Trainers enrol people (one, or a whole cohort at once) in a curriculum, move due dates and
 * withdraw people who will not finish. Hiring enrols new hires through `enrolInCurricula`.
 */

/** A due date is the end of that day (UTC), so "due 31 March" is still on time that day. */
export function dueAtOf(dueDate: string | null): Date | null {
  return dueDate === null ? null : new Date(`${dueDate}T23:59:59.999Z`);
}

function refusePastDueDate(dueAt: Date | null, now: Date) {
  if (dueAt && dueAt.getTime() < now.getTime()) {
    throw new TrainingRefusal('BAD_REQUEST', 'Due date: not in the past', 'dueDate');
  }
}

export async function enrolPeople(db: Database, actorId: string, input: EnrolInput) {
  return db.transaction(async (tx) => {
    const [curriculum] = await tx
      .select({ id: curricula.id, name: curricula.name, archivedAt: curricula.archivedAt })
      .from(curricula)
      .where(eq(curricula.id, input.curriculumId));
    if (!curriculum) {
      throw new TrainingRefusal('NOT_FOUND', 'There is no such curriculum', 'curriculumId');
    }
    if (curriculum.archivedAt) {
      throw new TrainingRefusal('CONFLICT', 'This curriculum is archived', 'curriculumId');
    }
    const [modules] = await tx
      .select({ total: sql<number>`count(*)::int` })
      .from(trainingModules)
      .where(eq(trainingModules.curriculumId, curriculum.id));
    if ((modules?.total ?? 0) === 0) {
      throw new TrainingRefusal('CONFLICT', 'Add modules before enrolling people', 'curriculumId');
    }
    const now = new Date();
    const dueAt = dueAtOf(input.dueDate);
    refusePastDueDate(dueAt, now);
    const people = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(inArray(users.id, input.userIds), eq(users.active, true)));
    const nameOf = new Map(people.map((person) => [person.id, person.name]));
    const unknown = input.userIds.findIndex((id) => !nameOf.has(id));
    if (unknown >= 0) {
      throw new TrainingRefusal('BAD_REQUEST', 'Choose active staff members', `userIds.${unknown}`);
    }
    const enrolled: string[] = [];
    const alreadyEnrolled: string[] = [];
    for (const userId of new Set(input.userIds)) {
      const created = await enrolInCurricula(tx, {
        userId,
        curriculumIds: [curriculum.id],
        enrolledById: actorId,
        dueAt,
      });
      (created.length > 0 ? enrolled : alreadyEnrolled).push(userId);
    }
    await notifyPeople(
      tx,
      enrolled,
      {
        kind: 'training_enrolled',
        title: `You are enrolled in ${curriculum.name}`,
        body: dueAt ? `Due by ${input.dueDate}.` : 'Open My training to start.',
        link: MY_TRAINING_LINK,
        subjectId: curriculum.id,
      },
      now,
    );
    return {
      enrolled: enrolled.map((id) => nameOf.get(id)!),
      alreadyEnrolled: alreadyEnrolled.map((id) => nameOf.get(id)!),
    };
  });
}

export async function setEnrolmentDueDate(
  db: Database,
  input: { enrolmentId: string; dueDate: string | null },
) {
  return db.transaction(async (tx) => {
    const enrolment = await requireEnrolment(tx, input.enrolmentId, { lock: true });
    if (enrolment.completedAt) {
      throw new TrainingRefusal('CONFLICT', 'This enrolment is complete', 'enrolmentId');
    }
    const dueAt = dueAtOf(input.dueDate);
    refusePastDueDate(dueAt, new Date());
    await tx
      .update(trainingEnrolments)
      .set({ dueAt })
      .where(eq(trainingEnrolments.id, enrolment.id));
    return { dueAt };
  });
}

/** Withdraws someone from a curriculum they have not completed; completed records are kept. */
export async function withdrawEnrolment(db: Database, enrolmentId: string) {
  return db.transaction(async (tx) => {
    const enrolment = await requireEnrolment(tx, enrolmentId, { lock: true });
    if (enrolment.completedAt) {
      throw new TrainingRefusal(
        'CONFLICT',
        'A completed enrolment is part of the person’s record and stays',
        'enrolmentId',
      );
    }
    await tx.delete(trainingEnrolments).where(eq(trainingEnrolments.id, enrolment.id));
    return { id: enrolment.id };
  });
}
