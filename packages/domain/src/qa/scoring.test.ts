import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUEST_CRITERIA } from './fixtures.ts';
import type { QaCriterion } from './scorecard.ts';
import { normalisedScore, passesQa, type QaAnswers, qaAnswerIssues, qaScore } from './scoring.ts';

const perfect: QaAnswers = {
  greets_by_name: { score: 1 },
  acknowledges_feelings: { score: 2 },
  resolves_first_time: { score: 5 },
  protects_driver_privacy: { score: 1 },
};

describe('normalisedScore', () => {
  it('puts the bottom of a scale at 0 and the top at 1', () => {
    const scale = { scale: { min: 1, max: 5 } };
    expect(normalisedScore(scale, 1)).toBe(0);
    expect(normalisedScore(scale, 3)).toBe(0.5);
    expect(normalisedScore(scale, 5)).toBe(1);
  });
});

describe('qaScore', () => {
  it('is 100 when every criterion gets the top of its scale', () => {
    expect(qaScore(GUEST_CRITERIA, perfect)).toMatchObject({
      score: 100,
      autoFailed: false,
      applicableWeight: 8,
    });
  });

  it('weights each criterion: Σ(weight × normalised score) ÷ Σ(applicable weight)', () => {
    const result = qaScore(GUEST_CRITERIA, {
      greets_by_name: { score: 0 },
      acknowledges_feelings: { score: 1 },
      resolves_first_time: { score: 4 },
      protects_driver_privacy: { score: 1 },
    });
    // (1×0 + 2×0.5 + 3×0.75 + 2×1) ÷ 8 = 5.25 ÷ 8
    expect(result.exact).toBeCloseTo(65.625);
    expect(result.score).toBe(66);
  });

  it('leaves N/A criteria out of both sums', () => {
    const result = qaScore(GUEST_CRITERIA, {
      ...perfect,
      acknowledges_feelings: { score: null },
      resolves_first_time: { score: 3 },
    });
    // (1×1 + 3×0.5 + 2×1) ÷ 6
    expect(result.applicableWeight).toBe(6);
    expect(result.exact).toBeCloseTo((4.5 / 6) * 100);
  });

  it('is 0 when an auto-fail criterion gets the bottom of its scale', () => {
    const result = qaScore(GUEST_CRITERIA, {
      ...perfect,
      protects_driver_privacy: { score: 0 },
    });
    expect(result).toMatchObject({
      score: 0,
      exact: 0,
      autoFailed: true,
      failedCriteria: ['protects_driver_privacy'],
    });
  });

  it('has no score while nothing applies', () => {
    expect(qaScore(GUEST_CRITERIA, {})).toMatchObject({ score: null, applicableWeight: 0 });
  });
});

const criterionArbitrary: fc.Arbitrary<QaCriterion> = fc
  .record({
    min: fc.integer({ min: 0, max: 5 }),
    span: fc.integer({ min: 1, max: 5 }),
    weight: fc.integer({ min: 1, max: 100 }),
    allowNa: fc.boolean(),
    autoFail: fc.boolean(),
    group: fc.constantFrom('tone', 'clarity', 'empathy', 'resolution' as const),
  })
  .map(({ min, span, weight, allowNa, autoFail, group }) => ({
    id: 'x',
    group,
    label: 'Criterion',
    guidance: '',
    weight,
    scale: { min, max: min + span },
    allowNa,
    autoFail,
  }));

/** Criteria with unique ids and answers for each: a point on its scale or N/A. */
const scoredCardArbitrary = fc
  .array(criterionArbitrary, { minLength: 1, maxLength: 8 })
  .map((criteria) => criteria.map((criterion, index) => ({ ...criterion, id: `c_${index}` })))
  .chain((criteria) =>
    fc
      .tuple(
        ...criteria.map((criterion) =>
          fc.oneof(
            fc.integer({ min: criterion.scale.min, max: criterion.scale.max }),
            fc.constant(null),
          ),
        ),
      )
      .map((scores) => ({
        criteria,
        answers: Object.fromEntries(
          criteria.map((criterion, index) => [criterion.id, { score: scores[index] ?? null }]),
        ) as QaAnswers,
      })),
  );

describe('qaScore properties', () => {
  it('stays within 0–100', () => {
    fc.assert(
      fc.property(scoredCardArbitrary, ({ criteria, answers }) => {
        const { score, exact } = qaScore(criteria, answers);
        if (score === null) return;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(exact!).toBeGreaterThanOrEqual(0);
        expect(exact!).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });

  it('does not change when an N/A criterion is dropped from the scorecard', () => {
    fc.assert(
      fc.property(scoredCardArbitrary, ({ criteria, answers }) => {
        const applicable = criteria.filter((criterion) => answers[criterion.id]?.score !== null);
        const with_ = qaScore(criteria, answers);
        const without = qaScore(applicable, answers);
        expect(without.score).toBe(with_.score);
        expect(without.applicableWeight).toBe(with_.applicableWeight);
      }),
    );
  });

  it('never falls when one score goes up', () => {
    fc.assert(
      fc.property(scoredCardArbitrary, fc.nat(), ({ criteria, answers }, pick) => {
        const scored = criteria.filter((criterion) => answers[criterion.id]?.score !== null);
        if (scored.length === 0) return;
        const criterion = scored[pick % scored.length]!;
        const current = answers[criterion.id]!.score!;
        if (current >= criterion.scale.max) return;
        const raised = { ...answers, [criterion.id]: { score: current + 1 } };
        const before = qaScore(criteria, answers);
        const after = qaScore(criteria, raised);
        expect(after.exact!).toBeGreaterThanOrEqual(before.exact! - 1e-9);
        expect(after.score!).toBeGreaterThanOrEqual(before.score!);
      }),
    );
  });

  it('is 0 whenever an auto-fail criterion is at the bottom of its scale', () => {
    fc.assert(
      fc.property(scoredCardArbitrary, ({ criteria, answers }) => {
        const failing = criteria.find(
          (criterion) => criterion.autoFail && answers[criterion.id]?.score === criterion.scale.min,
        );
        const result = qaScore(criteria, answers);
        expect(result.autoFailed).toBe(failing !== undefined);
        if (failing) expect(result.score).toBe(0);
      }),
    );
  });
});

describe('qaAnswerIssues', () => {
  it('accepts a complete, in-range submission', () => {
    expect(qaAnswerIssues(GUEST_CRITERIA, perfect, 'submit')).toEqual([]);
  });

  it('lets a draft leave criteria unanswered, but not a submission', () => {
    const partial = { greets_by_name: { score: 1 } };
    expect(qaAnswerIssues(GUEST_CRITERIA, partial, 'draft')).toEqual([]);
    expect(qaAnswerIssues(GUEST_CRITERIA, partial, 'submit').map((issue) => issue.path)).toEqual([
      'scores.acknowledges_feelings.score',
      'scores.resolves_first_time.score',
      'scores.protects_driver_privacy.score',
    ]);
  });

  it('names the criterion of an out-of-range score, a refused N/A and an unknown id', () => {
    const issues = qaAnswerIssues(
      GUEST_CRITERIA,
      {
        ...perfect,
        resolves_first_time: { score: 6 },
        greets_by_name: { score: null },
        typo: { score: 1 },
      },
      'draft',
    );
    expect(issues).toEqual([
      { path: 'scores.typo', message: 'Not a criterion of this scorecard version' },
      {
        path: 'scores.greets_by_name.score',
        message: 'Greets the guest by name: N/A is not allowed',
      },
      {
        path: 'scores.resolves_first_time.score',
        message: 'Resolves it in this conversation: score 1–5',
      },
    ]);
  });

  it('refuses to submit when every criterion is N/A', () => {
    const criteria = GUEST_CRITERIA.filter((criterion) => criterion.allowNa);
    const issues = qaAnswerIssues(
      criteria,
      { acknowledges_feelings: { score: null }, protects_driver_privacy: { score: null } },
      'submit',
    );
    expect(issues).toEqual([{ path: 'scores', message: expect.stringMatching(/N\/A/) }]);
  });
});

describe('passesQa', () => {
  it('passes at the pass mark and above', () => {
    expect(passesQa(80, 80)).toBe(true);
    expect(passesQa(79, 80)).toBe(false);
  });
});
