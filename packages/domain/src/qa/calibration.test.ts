import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreementTolerance,
  calibrationResult,
  createQaCalibrationInputSchema,
} from './calibration.ts';
import { GUEST_CRITERIA } from './fixtures.ts';
import type { QaAnswers } from './scoring.ts';

function answers(
  greets: number | null,
  feelings: number | null,
  resolves: number | null,
  privacy: number | null,
): QaAnswers {
  return {
    greets_by_name: { score: greets },
    acknowledges_feelings: { score: feelings },
    resolves_first_time: { score: resolves },
    protects_driver_privacy: { score: privacy },
  };
}

describe('agreementTolerance', () => {
  it('asks for the same score on short scales and within a point on longer ones', () => {
    expect(agreementTolerance({ min: 0, max: 1 })).toBe(0);
    expect(agreementTolerance({ min: 0, max: 2 })).toBe(0);
    expect(agreementTolerance({ min: 1, max: 5 })).toBe(1);
  });
});

describe('calibrationResult', () => {
  it('reports the spread per criterion and the share of criteria agreed on', () => {
    const result = calibrationResult(GUEST_CRITERIA, [
      { reviewerId: 'helen', answers: answers(1, 2, 4, 1) },
      { reviewerId: 'marta', answers: answers(1, 1, 5, 1) },
      { reviewerId: 'karim', answers: answers(1, 2, 5, null) },
    ]);
    const byId = Object.fromEntries(result.criteria.map((spread) => [spread.criterionId, spread]));
    expect(byId.greets_by_name).toMatchObject({
      min: 1,
      max: 1,
      standardDeviation: 0,
      agrees: true,
    });
    // 0–2 scale: 2 and 1 are not the same score.
    expect(byId.acknowledges_feelings).toMatchObject({ min: 1, max: 2, agrees: false });
    // 1–5 scale: 4 and 5 are within a point.
    expect(byId.resolves_first_time).toMatchObject({ min: 4, max: 5, agrees: true });
    expect(byId.resolves_first_time!.standardDeviation).toBeCloseTo(Math.sqrt(2 / 9));
    // Scored by two, N/A for one: a disagreement.
    expect(byId.protects_driver_privacy).toMatchObject({ naCount: 1, agrees: false });
    expect(result.agreement).toBe(0.5);
    expect(result.calibrated).toBe(false);
  });

  it('counts a criterion everyone marked N/A as agreed', () => {
    const result = calibrationResult(GUEST_CRITERIA, [
      { reviewerId: 'helen', answers: answers(1, null, 5, 1) },
      { reviewerId: 'marta', answers: answers(1, null, 5, 1) },
    ]);
    expect(result.agreement).toBe(1);
    expect(result.calibrated).toBe(true);
    expect(result.scoreRange).toEqual({ min: 100, max: 100, gap: 0 });
  });

  it('says who scores more generously or strictly than the others', () => {
    const result = calibrationResult(GUEST_CRITERIA, [
      { reviewerId: 'generous', answers: answers(1, 2, 5, 1) },
      { reviewerId: 'strict', answers: answers(0, 0, 1, 1) },
    ]);
    const [generous, strict] = result.reviewers;
    expect(generous!.leaning).toBeGreaterThan(0);
    expect(strict!.leaning).toBeCloseTo(-generous!.leaning!);
    expect(result.scoreRange?.gap).toBe(100 - strict!.score!);
  });

  it('has no agreement figure with fewer than two reviewers', () => {
    const result = calibrationResult(GUEST_CRITERIA, [
      { reviewerId: 'helen', answers: answers(1, 2, 5, 1) },
    ]);
    expect(result.agreement).toBeNull();
    expect(result.reviewers[0]!.leaning).toBeNull();
  });

  it('property: agreement is a share between 0 and 1, and identical scorers agree fully', () => {
    const score = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: null });
    const entry = fc
      .tuple(score(1), score(2), fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), score(1))
      .map(([a, b, c, d]) => answers(a, b, c, d));
    fc.assert(
      fc.property(fc.array(entry, { minLength: 2, maxLength: 6 }), (entries) => {
        const result = calibrationResult(
          GUEST_CRITERIA,
          entries.map((item, index) => ({ reviewerId: `r${index}`, answers: item })),
        );
        expect(result.agreement).toBeGreaterThanOrEqual(0);
        expect(result.agreement).toBeLessThanOrEqual(1);
        const same = calibrationResult(GUEST_CRITERIA, [
          { reviewerId: 'a', answers: entries[0]! },
          { reviewerId: 'b', answers: entries[0]! },
        ]);
        expect(same.agreement).toBe(1);
      }),
    );
  });
});

describe('createQaCalibrationInputSchema', () => {
  it('asks for two different reviewers', () => {
    const base = {
      title: 'Lost luggage at arrivals',
      conversationNumber: 10423,
      scorecardId: '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a001',
    };
    expect(
      createQaCalibrationInputSchema.safeParse({ ...base, reviewerIds: ['helen'] }).error
        ?.issues[0],
    ).toMatchObject({ path: ['reviewerIds'], message: 'Reviewers: choose at least two' });
    expect(
      createQaCalibrationInputSchema.safeParse({ ...base, reviewerIds: ['helen', 'helen'] }).error
        ?.issues[0],
    ).toMatchObject({ path: ['reviewerIds'], message: 'Reviewers: each one once' });
  });
});
