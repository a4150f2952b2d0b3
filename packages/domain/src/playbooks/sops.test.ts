import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nextStepId,
  type SopStep,
  type SopStepCheck,
  sopCheckInputSchema,
  sopDraftInputSchema,
  sopListInputSchema,
  sopProgress,
  unmetRequiredSteps,
} from './sops.ts';

const stepArb = fc.record({
  id: fc.stringMatching(/^[a-z0-9-]{1,10}$/),
  text: fc.constant('Check the booking'),
  required: fc.boolean(),
});
const stepsArb = fc.uniqueArray(stepArb, { selector: (step) => step.id, maxLength: 12 });
const checksFor = (steps: SopStep[]) =>
  fc.subarray(steps).chain((picked) =>
    fc.tuple(
      ...picked.map((step) =>
        fc.record({
          stepId: fc.constant(step.id),
          state: fc.constantFrom('done' as const, 'skipped' as const),
          skipReason: fc.constant(null),
        }),
      ),
    ),
  );

describe('sopDraftInputSchema', () => {
  const draft = {
    requestTypeCode: 'PICKUP_ISSUE',
    title: 'Driver no-show',
    steps: [
      { id: 'step-1', text: 'Check the driver location', required: true },
      { id: 'step-2', text: 'Offer a new driver' },
    ],
  };

  it('accepts ordered steps and defaults required to false', () => {
    expect(sopDraftInputSchema.parse(draft).steps[1]?.required).toBe(false);
  });

  it('names the field at fault', () => {
    const paths = (input: unknown) =>
      sopDraftInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths({ ...draft, requestTypeCode: 'pickup' })).toEqual(['requestTypeCode']);
    expect(paths({ ...draft, title: 'x' })).toEqual(['title']);
    expect(paths({ ...draft, steps: [] })).toEqual(['steps']);
    expect(paths({ ...draft, steps: [{ id: 'Step 1', text: 'Check' }] })).toEqual(['steps.0.id']);
    expect(paths({ ...draft, steps: [draft.steps[0], draft.steps[0]] })).toEqual(['steps']);
  });
});

describe('sopCheckInputSchema', () => {
  const base = { conversationId: '22222222-2222-4222-8222-222222222222', stepId: 'step-1' };

  it('needs a reason to skip, and none to tick or clear', () => {
    expect(sopCheckInputSchema.safeParse({ ...base, state: 'done' }).success).toBe(true);
    expect(sopCheckInputSchema.safeParse({ ...base, state: null }).success).toBe(true);
    const skip = sopCheckInputSchema.safeParse({ ...base, state: 'skipped', skipReason: ' ' });
    expect(skip.error?.issues[0]?.path).toEqual(['skipReason']);
    expect(
      sopCheckInputSchema.safeParse({ ...base, state: 'skipped', skipReason: 'Guest left' })
        .success,
    ).toBe(true);
  });

  it('lists by audience', () => {
    expect(sopListInputSchema.safeParse({ audience: 'partner' }).error?.issues[0]?.path).toEqual([
      'audience',
    ]);
  });
});

describe('unmetRequiredSteps', () => {
  const steps: SopStep[] = [
    { id: 'a', text: 'Apologise', required: false },
    { id: 'b', text: 'Check GPS', required: true },
    { id: 'c', text: 'Refund', required: true },
  ];

  it('lists required steps neither done nor skipped, in order', () => {
    expect(unmetRequiredSteps(steps, []).map((step) => step.id)).toEqual(['b', 'c']);
    const checks: SopStepCheck[] = [{ stepId: 'c', state: 'skipped', skipReason: 'No charge' }];
    expect(unmetRequiredSteps(steps, checks).map((step) => step.id)).toEqual(['b']);
  });

  it('property: is a subset of the required steps, in their order', () => {
    fc.assert(
      fc.property(
        stepsArb.chain((generated) => fc.tuple(fc.constant(generated), checksFor(generated))),
        ([generated, checks]) => {
          const unmet = unmetRequiredSteps(generated, checks);
          const required = generated.filter((step) => step.required);
          expect(unmet.every((step) => step.required)).toBe(true);
          expect(required.filter((step) => unmet.includes(step))).toEqual(unmet);
          const handled = new Set(checks.map((check) => check.stepId));
          expect(unmet.some((step) => handled.has(step.id))).toBe(false);
        },
      ),
    );
  });

  it('property: checking every required step leaves nothing unmet', () => {
    fc.assert(
      fc.property(stepsArb, (generated) => {
        const checks = generated
          .filter((step) => step.required)
          .map((step) => ({ stepId: step.id, state: 'done' as const, skipReason: null }));
        expect(unmetRequiredSteps(generated, checks)).toEqual([]);
        expect(sopProgress(generated, checks).requiredOpen).toBe(0);
      }),
    );
  });
});

describe('sopProgress', () => {
  it('counts done and skipped steps and ignores checks of steps no longer there', () => {
    const steps: SopStep[] = [
      { id: 'a', text: 'Apologise', required: true },
      { id: 'b', text: 'Check GPS', required: true },
    ];
    expect(
      sopProgress(steps, [
        { stepId: 'a', state: 'done', skipReason: null },
        { stepId: 'gone', state: 'done', skipReason: null },
      ]),
    ).toEqual({ done: 1, skipped: 0, total: 2, requiredOpen: 1 });
  });
});

describe('nextStepId', () => {
  it('takes the first free step number', () => {
    expect(nextStepId([])).toBe('step-1');
    expect(nextStepId(['step-1', 'step-3'])).toBe('step-2');
    expect(nextStepId(['check-gps', 'step-1'])).toBe('step-2');
  });

  it('property: is never one of the existing ids and is a valid step id', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^step-[1-9]$/), { maxLength: 12 }), (ids) => {
        const next = nextStepId(ids);
        expect(ids).not.toContain(next);
        expect(next).toMatch(/^[a-z0-9-]{1,40}$/);
      }),
    );
  });
});
