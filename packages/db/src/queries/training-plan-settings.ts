import type { SetTeamTrainingPlanInput } from '@switchboard/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { curricula, teams, teamTrainingPlans } from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { activeCurriculumIds } from './training-curricula.ts';
import { TrainingRefusal } from './training-errors.ts';

/*
 * Team training plans as trainers edit them: the curricula, in order, that each team's new
 * hires are enrolled in (hiring reads them through `teamTrainingPlan`).
 */

/** Every team with its plan (teams are tens of rows). */
export async function listTeamTrainingPlans(db: Database) {
  const [teamRows, planRows] = await Promise.all([
    db
      .select({ id: teams.id, code: teams.code, name: teams.name, kind: teams.kind })
      .from(teams)
      .orderBy(asc(teams.name)),
    db
      .select({
        teamId: teamTrainingPlans.teamId,
        curriculumId: curricula.id,
        code: curricula.code,
        name: curricula.name,
      })
      .from(teamTrainingPlans)
      .innerJoin(curricula, eq(curricula.id, teamTrainingPlans.curriculumId))
      .orderBy(asc(teamTrainingPlans.position)),
  ]);
  return teamRows.map((team) => ({
    ...team,
    curricula: planRows
      .filter((row) => row.teamId === team.id)
      .map(({ teamId: _teamId, ...curriculum }) => curriculum),
  }));
}

/** Replaces the team's plan with these curricula, in this order. */
export async function setTeamTrainingPlan(
  db: Database,
  actorId: string,
  input: SetTeamTrainingPlanInput,
) {
  return db.transaction(async (tx) => {
    const [team] = await tx
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(eq(teams.id, input.teamId))
      .for('update');
    if (!team) throw new TrainingRefusal('NOT_FOUND', 'There is no such team', 'teamId');
    const active = await activeCurriculumIds(tx, input.curriculumIds);
    const missing = input.curriculumIds.findIndex((id) => !active.has(id));
    if (missing >= 0) {
      throw new TrainingRefusal(
        'BAD_REQUEST',
        'Choose curricula that exist and are not archived',
        `curriculumIds.${missing}`,
      );
    }
    const before = await tx
      .select({ curriculumId: teamTrainingPlans.curriculumId })
      .from(teamTrainingPlans)
      .where(eq(teamTrainingPlans.teamId, team.id))
      .orderBy(asc(teamTrainingPlans.position));
    const beforeIds = before.map((row) => row.curriculumId);
    const everyId = [...new Set([...beforeIds, ...input.curriculumIds])];
    const names = new Map(
      everyId.length === 0
        ? []
        : (
            await tx
              .select({ id: curricula.id, name: curricula.name })
              .from(curricula)
              .where(inArray(curricula.id, everyId))
          ).map((row) => [row.id, row.name]),
    );
    const namesOf = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id);
    await tx.delete(teamTrainingPlans).where(eq(teamTrainingPlans.teamId, team.id));
    if (input.curriculumIds.length > 0) {
      await tx.insert(teamTrainingPlans).values(
        input.curriculumIds.map((curriculumId, position) => ({
          teamId: team.id,
          curriculumId,
          position,
        })),
      );
    }
    await recordChange(tx, {
      entityType: 'team_training_plan',
      entityId: team.id,
      entityName: team.name,
      action: 'updated',
      actorId,
      before: { curricula: namesOf(beforeIds) },
      after: { curricula: namesOf(input.curriculumIds) },
      labels: { curricula: { label: 'Curricula for new hires' } },
    });
    return { teamId: team.id, curriculumIds: input.curriculumIds };
  });
}
