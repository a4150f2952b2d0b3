import { asc, inArray, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import {
  teamTrainingPlans,
  trainingEnrolments,
  trainingModules,
  trainingProgress,
} from '../schema/index.ts';

/*
 * Enrolment: a person starts a curriculum with a progress row per module. Hiring enrols a new
 * trainee in their team's training plan; trainers enrol anyone in any curriculum.
 */

/** The curricula of a team's training plan, in order. */
export async function teamTrainingPlan(tx: DatabaseOrTransaction, teamId: string) {
  const rows = await tx
    .select({ curriculumId: teamTrainingPlans.curriculumId })
    .from(teamTrainingPlans)
    .where(sql`${teamTrainingPlans.teamId} = ${teamId}`)
    .orderBy(asc(teamTrainingPlans.position));
  return rows.map((row) => row.curriculumId);
}

/**
 * Enrols the person in each curriculum they are not already enrolled in, with a not-started
 * progress row for every module. Returns the ids of the enrolments it created.
 */
export async function enrolInCurricula(
  tx: DatabaseOrTransaction,
  input: {
    userId: string;
    curriculumIds: readonly string[];
    enrolledById: string | null;
    dueAt?: Date | null;
  },
): Promise<string[]> {
  if (input.curriculumIds.length === 0) return [];
  const created = await tx
    .insert(trainingEnrolments)
    .values(
      input.curriculumIds.map((curriculumId) => ({
        userId: input.userId,
        curriculumId,
        enrolledById: input.enrolledById,
        dueAt: input.dueAt ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: trainingEnrolments.id, curriculumId: trainingEnrolments.curriculumId });
  if (created.length === 0) return [];
  const modules = await tx
    .select({ id: trainingModules.id, curriculumId: trainingModules.curriculumId })
    .from(trainingModules)
    .where(
      inArray(
        trainingModules.curriculumId,
        created.map((row) => row.curriculumId),
      ),
    );
  const rows = created.flatMap((enrolment) =>
    modules
      .filter((module) => module.curriculumId === enrolment.curriculumId)
      .map((module) => ({ enrolmentId: enrolment.id, moduleId: module.id })),
  );
  if (rows.length > 0) await tx.insert(trainingProgress).values(rows).onConflictDoNothing();
  return created.map((row) => row.id);
}
