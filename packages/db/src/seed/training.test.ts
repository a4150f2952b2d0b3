import { trainingModuleInputSchema } from '@switchboard/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.ts';
import { listCurricula } from '../queries/training-curricula.ts';
import { listMarkingQueue } from '../queries/training-marking.ts';
import { myTraining } from '../queries/training-my-training.ts';
import { listTeamTrainingPlans } from '../queries/training-plan-settings.ts';
import { cohortOf } from '../queries/training-records.ts';
import { users } from '../schema/index.ts';
import { createIsolatedTestDatabase } from '../testing.ts';
import { seedDemo } from './index.ts';
import { DEMO_CURRICULA } from './training.ts';

const NOW = new Date('2026-03-02T10:30:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createIsolatedTestDatabase();
  await seedDemo(handle, { conversations: 120, seed: 3, now: NOW, batchSize: 60 });
}, 120_000);
afterAll(() => handle.close());

async function userId(email: string) {
  const [row] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

describe('demo training', () => {
  it('writes modules a trainer could have saved', () => {
    for (const curriculum of DEMO_CURRICULA) {
      for (const module of curriculum.modules) {
        const input =
          module.kind === 'sop_reading'
            ? { ...module, sopId: '00000000-0000-4000-8000-000000000000' }
            : module;
        expect(trainingModuleInputSchema.safeParse(input).error).toBeUndefined();
      }
    }
  });

  it('gives the support teams their plans and a cohort at every stage', async () => {
    const listed = await listCurricula(handle.db, { includeArchived: false });
    const onboarding = listed.find((row) => row.code === 'GUEST_ONBOARDING')!;
    expect(onboarding).toMatchObject({ certificationName: 'Guest refunds', moduleCount: 6 });
    const plans = await listTeamTrainingPlans(handle.db);
    expect(plans.find((team) => team.code === 'SUPPORT_L1')?.curricula.map((c) => c.code)).toEqual([
      'GUEST_ONBOARDING',
      'GUEST_REFUNDS_CHECK',
    ]);

    const cohort = await cohortOf(handle.db, { curriculumId: onboarding.id, filter: 'all' }, NOW);
    const byName = new Map(cohort.rows.map((row) => [row.name, row]));
    expect(byName.get('Beatriz Rocha')?.summary.state).toBe('not_started');
    expect(byName.get('Tomás Ferreira')?.summary.awaitingMarking).toBe(1);
    expect(byName.get('Inês Carvalho')?.cells[3]).toMatchObject({
      status: 'awaiting_marking',
      attempts: 2,
      score: 57,
    });
    expect(byName.get('Rafael Lima')?.cells[4]).toMatchObject({ status: 'in_progress' });
    expect(byName.get('Chloe Martin')?.summary).toMatchObject({ overdue: true, stuck: 'inactive' });
    expect(byName.get('Ana Silva')?.summary.state).toBe('completed');

    const queue = await listMarkingQueue(handle.db, { limit: 50, offset: 0 });
    expect(queue.items.map((item) => item.traineeName).sort()).toEqual([
      'Inês Carvalho',
      'João Pereira',
      'Tomás Ferreira',
    ]);
  });

  it('asks Ana to re-read the no-show playbook and leaves the demo agent mid-way', async () => {
    const ana = await myTraining(handle.db, await userId('ana.silva@switchboard.test'));
    expect(ana.reacknowledge.map((item) => item.title)).toEqual([
      'Re-acknowledge: Driver no-show (guest stranded) v2',
    ]);
    const alex = await myTraining(handle.db, await userId('agent@switchboard.test'));
    const payouts = alex.enrolments.find((row) => row.curriculumName === 'Driver payouts')!;
    expect(payouts.modules.map((module) => [module.status, module.locked])).toEqual([
      ['completed', false],
      ['not_started', false],
      ['not_started', true],
      ['not_started', true],
    ]);
    expect(
      alex.enrolments.find((row) => row.curriculumName === 'Guest refunds certification check')
        ?.completedAt,
    ).toBeTruthy();
  });
});
