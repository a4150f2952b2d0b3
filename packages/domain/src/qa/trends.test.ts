import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUEST_CRITERIA } from './fixtures.ts';
import { weekRange, weekStartOf, weekStartSchema, weeksBetween } from './sampling.ts';
import { type QaTrendReview, qaTrends } from './trends.ts';

function review(overrides: Partial<QaTrendReview>): QaTrendReview {
  return {
    agentId: 'ana',
    teamIds: ['l1'],
    submittedAt: new Date('2026-03-03T10:00:00Z'),
    score: 90,
    passMark: 80,
    autoFailed: false,
    status: 'submitted',
    criteria: GUEST_CRITERIA,
    answers: {
      greets_by_name: { score: 1 },
      acknowledges_feelings: { score: null },
      resolves_first_time: { score: 3 },
      protects_driver_privacy: { score: 1 },
    },
    ...overrides,
  };
}

describe('weeks', () => {
  it('starts weeks on Monday in the viewer’s time zone', () => {
    // Sunday 23:30 in Lisbon summer time is already Monday in Dubai.
    const at = new Date('2026-06-07T22:30:00Z');
    expect(weekStartOf(at, 'Europe/Lisbon')).toBe('2026-06-01');
    expect(weekStartOf(at, 'Asia/Dubai')).toBe('2026-06-08');
  });

  it('covers a local week from Monday midnight to the next', () => {
    const { from, to } = weekRange('2026-03-30', 'Europe/Lisbon');
    // The clocks go forward on 29 March: the week after is on summer time.
    expect(from.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(to.toISOString()).toBe('2026-04-05T23:00:00.000Z');
  });

  it('lists every week of a period', () => {
    expect(
      weeksBetween(new Date('2026-03-04T00:00:00Z'), new Date('2026-03-23T00:00:00Z'), 'UTC'),
    ).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
  });

  it('property: every instant falls in the week that starts it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.constantFrom('UTC', 'Europe/Lisbon', 'Asia/Dubai', 'America/Mexico_City'),
        (at, zone) => {
          const week = weekStartOf(at, zone);
          const { from, to } = weekRange(week, zone);
          expect(at.getTime()).toBeGreaterThanOrEqual(from.getTime());
          expect(at.getTime()).toBeLessThan(to.getTime());
        },
      ),
    );
  });

  it('only takes Mondays as week starts', () => {
    expect(weekStartSchema.safeParse('2026-03-02').success).toBe(true);
    expect(weekStartSchema.safeParse('2026-03-03').error?.issues[0]?.message).toBe(
      'Week: starts on a Monday',
    );
  });
});

describe('qaTrends', () => {
  const period = {
    from: new Date('2026-03-02T00:00:00Z'),
    to: new Date('2026-03-16T00:00:00Z'),
    timeZone: 'UTC',
  };

  it('averages scores and counts passes against each review’s own pass mark', () => {
    const trends = qaTrends(
      [
        review({ score: 90 }),
        review({ score: 70, agentId: 'omar', teamIds: ['l1', 'l2'], status: 'disputed' }),
        review({
          score: 0,
          autoFailed: true,
          submittedAt: new Date('2026-03-10T09:00:00Z'),
          passMark: 60,
        }),
      ],
      period,
    );
    expect(trends.overall).toMatchObject({ reviews: 3, autoFails: 1, disputes: 1 });
    expect(trends.overall.averageScore).toBeCloseTo(160 / 3);
    expect(trends.overall.passRate).toBeCloseTo(1 / 3);
    expect(trends.weeks).toEqual([
      expect.objectContaining({
        weekStart: '2026-03-02',
        reviews: 2,
        averageScore: 80,
        passRate: 0.5,
      }),
      expect.objectContaining({
        weekStart: '2026-03-09',
        reviews: 1,
        averageScore: 0,
        passRate: 0,
      }),
    ]);
    expect(trends.agents.find((row) => row.agentId === 'ana')).toMatchObject({ reviews: 2 });
    expect(trends.teams.find((row) => row.teamId === 'l2')).toMatchObject({ reviews: 1 });
  });

  it('lists empty weeks without figures', () => {
    const trends = qaTrends([], period);
    expect(trends.weeks).toEqual([
      {
        weekStart: '2026-03-02',
        reviews: 0,
        averageScore: null,
        passRate: null,
        autoFails: 0,
        disputes: 0,
      },
      {
        weekStart: '2026-03-09',
        reviews: 0,
        averageScore: null,
        passRate: null,
        autoFails: 0,
        disputes: 0,
      },
    ]);
  });

  it('averages each criterion on its own scale, weakest first, N/A apart', () => {
    const trends = qaTrends(
      [review({}), review({ answers: { resolves_first_time: { score: 5 } } })],
      period,
    );
    expect(trends.criteria[0]).toMatchObject({
      criterionId: 'resolves_first_time',
      scored: 2,
      average: 75,
    });
    expect(
      trends.criteria.find((row) => row.criterionId === 'acknowledges_feelings'),
    ).toMatchObject({
      scored: 0,
      notApplicable: 1,
      average: null,
    });
  });

  it('names a criterion by its newest wording', () => {
    const renamed = GUEST_CRITERIA.map((criterion) =>
      criterion.id === 'greets_by_name'
        ? { ...criterion, label: 'Greets warmly, by name' }
        : criterion,
    );
    const trends = qaTrends(
      [review({ criteria: renamed, submittedAt: new Date('2026-03-11T10:00:00Z') }), review({})],
      period,
    );
    expect(trends.criteria.find((row) => row.criterionId === 'greets_by_name')?.label).toBe(
      'Greets warmly, by name',
    );
  });
});
