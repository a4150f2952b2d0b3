import {
  needsNewVersion,
  QA_CRITERION_GROUPS,
  qaScorecardInputSchema,
  storedCriteria,
} from '@switchboard/domain';
import { describe, expect, it } from 'vitest';
import {
  coachingComment,
  DRIVER_SCORECARD,
  GUEST_SCORECARD,
  GUEST_SCORECARD_V2,
  LOW_SCORE_COMMENTS,
} from './qa-scorecards.ts';

describe('demo QA scorecards', () => {
  it('are scorecards a trainer could have saved, covering every group', () => {
    for (const scorecard of [GUEST_SCORECARD, GUEST_SCORECARD_V2, DRIVER_SCORECARD]) {
      const parsed = qaScorecardInputSchema.parse(scorecard);
      expect(new Set(parsed.criteria.map((criterion) => criterion.group))).toEqual(
        new Set(QA_CRITERION_GROUPS),
      );
      expect(parsed.criteria.some((criterion) => criterion.autoFail)).toBe(true);
      for (const criterion of parsed.criteria)
        expect(LOW_SCORE_COMMENTS[criterion.id]).toBeTruthy();
    }
  });

  it('edit the guest scorecard into a second version', () => {
    const v1 = qaScorecardInputSchema.parse(GUEST_SCORECARD);
    const v2 = qaScorecardInputSchema.parse(GUEST_SCORECARD_V2);
    expect(needsNewVersion({ ...v1, criteria: storedCriteria(v1.criteria) }, v2)).toBe(true);
  });

  it('coach by how the review went', () => {
    expect(coachingComment(0, 80, 'Ana')).toMatch(/data-protection/);
    expect(coachingComment(96, 80, 'Ana')).toMatch(/Excellent/);
    expect(coachingComment(70, 80, 'Ana')).toMatch(/below the bar/);
  });
});
