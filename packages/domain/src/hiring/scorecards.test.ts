import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type HiringRecommendation,
  RUBRICS,
  recommendationTally,
  rubricAverages,
  scorecardInputSchema,
} from './scorecards.ts';

const candidateId = '2f7f8c1e-6d3a-4c3e-9a51-0b6f1d2a3c4e';

describe('scorecard input', () => {
  it('rates each rubric 1 to 5; other languages may be left unrated', () => {
    const parsed = scorecardInputSchema.parse({
      candidateId,
      kind: 'interview',
      ratings: { writtenEnglish: 4, empathy: 5, problemSolving: 3, otherLanguages: null },
      recommendation: 'yes',
    });
    expect(parsed.comments).toBe('');
  });

  it('names the rubric at fault', () => {
    const result = scorecardInputSchema.safeParse({
      candidateId,
      kind: 'chat',
      ratings: { writtenEnglish: 6, empathy: 0, problemSolving: 2.5 },
      recommendation: 'maybe',
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['kind', 'Kind: written assessment or interview'],
      ['ratings.writtenEnglish', 'Written English: rate 1 to 5'],
      ['ratings.empathy', 'Empathy: rate 1 to 5'],
      ['ratings.problemSolving', 'Problem solving: a whole number from 1 to 5'],
      ['ratings.otherLanguages', 'Other languages: rate 1 to 5'],
      ['recommendation', 'Recommendation: choose one'],
    ]);
  });
});

describe('rubricAverages', () => {
  it('averages each rubric over the scorecards that rated it', () => {
    expect(
      rubricAverages([
        { ratings: { writtenEnglish: 4, empathy: 5, problemSolving: 3, otherLanguages: null } },
        { ratings: { writtenEnglish: 3, empathy: 4, problemSolving: 4, otherLanguages: 2 } },
      ]),
    ).toEqual([
      { rubric: 'writtenEnglish', average: 3.5, count: 2 },
      { rubric: 'empathy', average: 4.5, count: 2 },
      { rubric: 'problemSolving', average: 3.5, count: 2 },
      { rubric: 'otherLanguages', average: 2, count: 1 },
    ]);
    expect(rubricAverages([]).every((row) => row.average === null && row.count === 0)).toBe(true);
  });

  it('tallies recommendations', () => {
    expect(
      recommendationTally([
        { recommendation: 'yes' },
        { recommendation: 'strong_no' },
        { recommendation: 'yes' },
      ]),
    ).toEqual({ strong_yes: 0, yes: 2, no: 0, strong_no: 1 });
  });

  it('property: every average lies between the lowest and highest rating given', () => {
    const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
    const card = fc.record({
      writtenEnglish: rating,
      empathy: rating,
      problemSolving: rating,
      otherLanguages: rating,
    });
    fc.assert(
      fc.property(fc.array(card, { maxLength: 12 }), (cards) => {
        const averages = rubricAverages(cards.map((ratings) => ({ ratings })));
        for (const rubric of RUBRICS) {
          const given = cards.map((c) => c[rubric]).filter((v): v is number => v !== null);
          const row = averages.find((a) => a.rubric === rubric)!;
          expect(row.count).toBe(given.length);
          if (given.length === 0) expect(row.average).toBeNull();
          else {
            expect(row.average).toBeGreaterThanOrEqual(Math.min(...given));
            expect(row.average).toBeLessThanOrEqual(Math.max(...given));
          }
        }
      }),
    );
  });

  it('property: the tally counts every scorecard once', () => {
    const recommendation = fc.constantFrom<HiringRecommendation>(
      'strong_yes',
      'yes',
      'no',
      'strong_no',
    );
    fc.assert(
      fc.property(fc.array(recommendation), (values) => {
        const tally = recommendationTally(values.map((value) => ({ recommendation: value })));
        expect(Object.values(tally).reduce((a, b) => a + b, 0)).toBe(values.length);
      }),
    );
  });
});
