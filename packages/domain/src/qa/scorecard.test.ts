import { describe, expect, it } from 'vitest';
import { GUEST_CRITERIA } from './fixtures.ts';
import {
  needsNewVersion,
  type QaScorecardInput,
  qaScaleSchema,
  qaScorecardInputSchema,
  storedCriteria,
} from './scorecard.ts';

const input: QaScorecardInput = {
  code: 'GUEST_SUPPORT_QA',
  name: 'Guest support QA',
  description: 'Guest conversations in every city.',
  audience: 'guest',
  randomSamplePerAgent: 3,
  passMark: 80,
  criteria: GUEST_CRITERIA,
};

function issues(candidate: unknown) {
  const result = qaScorecardInputSchema.safeParse(candidate);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('qaScorecardInputSchema', () => {
  it('accepts a guest scorecard', () => {
    expect(issues(input)).toEqual([]);
  });

  it('names the field at fault', () => {
    expect(issues({ ...input, code: 'guest qa' })).toEqual([
      { path: 'code', message: 'Code: UPPER_SNAKE_CASE, e.g. GUEST_SUPPORT_QA' },
    ]);
    expect(issues({ ...input, passMark: 120 })).toEqual([
      { path: 'passMark', message: 'Pass mark: 0–100' },
    ]);
    expect(issues({ ...input, criteria: [] })).toEqual([
      { path: 'criteria', message: 'Criteria: add at least one' },
    ]);
    expect(
      issues({
        ...input,
        criteria: [{ ...GUEST_CRITERIA[0], weight: 0 }, ...GUEST_CRITERIA.slice(1)],
      }),
    ).toEqual([{ path: 'criteria.0.weight', message: 'Weight: at least 1' }]);
  });

  it('refuses a criterion id used twice', () => {
    expect(issues({ ...input, criteria: [...GUEST_CRITERIA, GUEST_CRITERIA[0]] })).toEqual([
      { path: 'criteria.4.id', message: 'Criterion id: “greets_by_name” is used twice' },
    ]);
  });

  it('refuses a scorecard whose every criterion may be N/A', () => {
    const criteria = GUEST_CRITERIA.map((criterion) => ({ ...criterion, allowNa: true }));
    expect(issues({ ...input, criteria })[0]?.path).toBe('criteria.0.allowNa');
  });

  it('refuses an upside-down scale', () => {
    expect(qaScaleSchema.safeParse({ min: 3, max: 2 }).error?.issues[0]).toMatchObject({
      path: ['max'],
      message: 'Scale: the highest score must be above the lowest',
    });
  });
});

describe('needsNewVersion', () => {
  const current = { passMark: 80, criteria: storedCriteria(GUEST_CRITERIA) };

  it('keeps the version when criteria and pass mark are the same', () => {
    expect(
      needsNewVersion(current, { passMark: 80, criteria: storedCriteria(GUEST_CRITERIA) }),
    ).toBe(false);
  });

  it('makes a new version when a weight, a scale or the pass mark changes', () => {
    const reweighted = GUEST_CRITERIA.map((criterion, index) =>
      index === 0 ? { ...criterion, weight: 2 } : criterion,
    );
    expect(needsNewVersion(current, { passMark: 80, criteria: reweighted })).toBe(true);
    expect(needsNewVersion(current, { passMark: 85, criteria: current.criteria })).toBe(true);
  });
});
