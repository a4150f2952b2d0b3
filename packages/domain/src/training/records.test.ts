import { describe, expect, it } from 'vitest';
import { cohortToCsv, enrolmentSummary, type ModuleRecordFacts } from './records.ts';

const now = new Date('2026-03-20T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const module = (overrides: Partial<ModuleRecordFacts> = {}): ModuleRecordFacts => ({
  status: 'not_started',
  attempts: 0,
  maxAttempts: null,
  timeSpentSeconds: 0,
  updatedAt: daysAgo(1),
  ...overrides,
});
const base = {
  enrolledAt: daysAgo(3),
  dueAt: null,
  completedAt: null,
  signedOffAt: null,
  curriculumRequiresSignOff: false,
};

describe('enrolmentSummary', () => {
  it('counts completed modules, time and what waits for a trainer', () => {
    const summary = enrolmentSummary(
      {
        ...base,
        modules: [
          module({ status: 'completed', timeSpentSeconds: 600 }),
          module({
            status: 'awaiting_marking',
            timeSpentSeconds: 300,
            maxAttempts: 3,
            attempts: 1,
          }),
          module({ status: 'awaiting_sign_off' }),
          module(),
        ],
      },
      now,
    );
    expect(summary).toMatchObject({
      state: 'in_progress',
      completedModules: 1,
      totalModules: 4,
      percent: 25,
      timeSpentSeconds: 900,
      awaitingMarking: 1,
      awaitingSignOff: 1,
      overdue: false,
      stuck: null,
    });
  });

  it('is overdue past its due date and stuck when out of attempts or idle for a week', () => {
    const outOfAttempts = enrolmentSummary(
      {
        ...base,
        dueAt: daysAgo(1),
        modules: [module({ status: 'failed', maxAttempts: 2, attempts: 2 })],
      },
      now,
    );
    expect(outOfAttempts).toMatchObject({ overdue: true, stuck: 'out_of_attempts' });
    const idle = enrolmentSummary(
      {
        ...base,
        enrolledAt: daysAgo(20),
        modules: [module({ status: 'in_progress', updatedAt: daysAgo(8) })],
      },
      now,
    );
    expect(idle.stuck).toBe('inactive');
    const waiting = enrolmentSummary(
      {
        ...base,
        enrolledAt: daysAgo(20),
        modules: [module({ status: 'awaiting_marking', updatedAt: daysAgo(8) })],
      },
      now,
    );
    expect(waiting.stuck).toBeNull();
  });

  it('waits for the curriculum sign-off once every module is complete', () => {
    const facts = {
      ...base,
      curriculumRequiresSignOff: true,
      modules: [module({ status: 'completed' }), module({ status: 'completed' })],
    };
    expect(enrolmentSummary(facts, now)).toMatchObject({
      state: 'awaiting_sign_off',
      percent: 100,
      awaitingSignOff: 1,
    });
    expect(
      enrolmentSummary(
        { ...facts, signedOffAt: daysAgo(1), completedAt: daysAgo(1), dueAt: daysAgo(2) },
        now,
      ),
    ).toMatchObject({ state: 'completed', overdue: false, stuck: null });
  });
});

describe('cohortToCsv', () => {
  it('writes one row per person with a column per module, fields escaped', () => {
    const summary = enrolmentSummary(
      { ...base, dueAt: daysAgo(1), modules: [module({ status: 'completed' })] },
      now,
    );
    const csv = cohortToCsv(
      ['Refunds, part 1'],
      [
        {
          name: '=Eve',
          email: 'eve@switchboard.test',
          enrolledAt: daysAgo(3),
          dueAt: daysAgo(1),
          summary,
          modules: [{ status: 'completed', score: 90 }],
        },
      ],
    );
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(
      'Name,Email,Enrolled,Due,State,Progress %,"Refunds, part 1",Time spent,Overdue,Stuck',
    );
    expect(row).toBe(
      "'=Eve,eve@switchboard.test,2026-03-17,2026-03-19,Completed,100,Completed (90%),—,no,",
    );
  });
});
