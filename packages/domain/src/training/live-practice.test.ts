import { describe, expect, it } from 'vitest';
import {
  nestingProgress,
  nestingProgressText,
  shadowingProgress,
  shadowingProgressText,
} from './live-practice.ts';

const nesting = { conversations: 10, qaThresholdPercent: 85, minReviews: 3, requiresSignOff: true };

describe('shadowing', () => {
  it('counts watched conversations up to the number asked', () => {
    const settings = { conversations: 5, requiresSignOff: true };
    expect(shadowingProgress(settings, 3)).toEqual({ done: 3, required: 5, met: false });
    expect(shadowingProgress(settings, 7)).toEqual({ done: 5, required: 5, met: true });
    expect(shadowingProgressText(shadowingProgress(settings, 3))).toBe(
      '3 of 5 conversations watched',
    );
  });
});

describe('nesting', () => {
  it('needs the conversations and enough reviews averaging at or above the threshold', () => {
    expect(
      nestingProgress(nesting, { conversationsResolved: 10, reviewScores: [85, 90, 80] }),
    ).toMatchObject({
      done: 10,
      averageQa: 85,
      conversationsMet: true,
      qaMet: true,
      met: true,
    });
    expect(
      nestingProgress(nesting, { conversationsResolved: 10, reviewScores: [84, 85, 85] }).met,
    ).toBe(false);
    expect(
      nestingProgress(nesting, { conversationsResolved: 10, reviewScores: [100, 100] }),
    ).toMatchObject({
      qaMet: false,
      met: false,
    });
    expect(
      nestingProgress(nesting, { conversationsResolved: 9, reviewScores: [100, 100, 100] }),
    ).toMatchObject({
      conversationsMet: false,
      met: false,
    });
  });

  it('says where the trainee stands', () => {
    expect(
      nestingProgressText(
        nestingProgress(nesting, { conversationsResolved: 7, reviewScores: [88, 90, 86, 88] }),
      ),
    ).toBe('7 of 10 resolved · QA 88% over 4 reviews (needs ≥ 85% over 3)');
    expect(
      nestingProgressText(nestingProgress(nesting, { conversationsResolved: 0, reviewScores: [] })),
    ).toBe('0 of 10 resolved · no QA reviews yet (needs ≥ 85% over 3)');
  });
});
