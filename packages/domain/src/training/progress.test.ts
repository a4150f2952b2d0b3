import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  enrolmentComplete,
  enrolmentReadyForSignOff,
  lockedModules,
  SESSION_CAP_CEILING_SECONDS,
  sessionCapSeconds,
  sessionSeconds,
  TRAINING_PROGRESS_STATUSES,
  timeSpentText,
} from './progress.ts';
import { needsReacknowledgement, reacknowledgementTitle } from './sop-reacknowledgement.ts';

describe('lockedModules', () => {
  it('opens the first module, and each next one when the trainee finished the one before', () => {
    expect(lockedModules(['not_started', 'not_started'])).toEqual([false, true]);
    expect(lockedModules(['completed', 'in_progress', 'not_started'])).toEqual([
      false,
      false,
      true,
    ]);
    expect(lockedModules(['awaiting_sign_off', 'not_started'])).toEqual([false, false]);
    expect(lockedModules(['awaiting_marking', 'not_started'])).toEqual([false, true]);
    expect(lockedModules(['failed', 'not_started'])).toEqual([false, true]);
  });

  it('never unlocks a module after a locked one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRAINING_PROGRESS_STATUSES)), (statuses) => {
        const locked = lockedModules(statuses);
        const firstLocked = locked.indexOf(true);
        if (firstLocked >= 0) expect(locked.slice(firstLocked).every(Boolean)).toBe(true);
        if (statuses.length > 0) expect(locked[0]).toBe(false);
      }),
    );
  });
});

describe('enrolment completion', () => {
  it('needs every module complete and the sign-off when the curriculum asks for one', () => {
    const done = ['completed', 'completed'] as const;
    expect(
      enrolmentComplete({
        moduleStatuses: done,
        curriculumRequiresSignOff: false,
        signedOff: false,
      }),
    ).toBe(true);
    expect(
      enrolmentComplete({
        moduleStatuses: done,
        curriculumRequiresSignOff: true,
        signedOff: false,
      }),
    ).toBe(false);
    expect(
      enrolmentReadyForSignOff({
        moduleStatuses: done,
        curriculumRequiresSignOff: true,
        signedOff: false,
      }),
    ).toBe(true);
    expect(
      enrolmentComplete({ moduleStatuses: done, curriculumRequiresSignOff: true, signedOff: true }),
    ).toBe(true);
    expect(
      enrolmentComplete({
        moduleStatuses: ['completed', 'awaiting_sign_off'],
        curriculumRequiresSignOff: false,
        signedOff: false,
      }),
    ).toBe(false);
    expect(
      enrolmentComplete({ moduleStatuses: [], curriculumRequiresSignOff: false, signedOff: true }),
    ).toBe(false);
  });
});

describe('time spent', () => {
  const opened = new Date('2026-03-02T09:00:00Z');
  const after = (minutes: number) => new Date(opened.getTime() + minutes * 60_000);

  it('counts from opening to finishing, capped at three times the estimate within 30 min – 4 h', () => {
    expect(sessionSeconds(opened, after(12), 10)).toBe(12 * 60);
    expect(sessionSeconds(opened, after(45), 10)).toBe(30 * 60);
    expect(sessionSeconds(opened, after(24 * 60), 10)).toBe(30 * 60);
    expect(sessionSeconds(opened, after(24 * 60), 600)).toBe(SESSION_CAP_CEILING_SECONDS);
    expect(sessionSeconds(null, after(5), 10)).toBe(0);
    expect(sessionSeconds(after(5), opened, 10)).toBe(0);
  });

  it('never counts more than the cap nor less than nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 600 }),
        (s, estimate) => {
          const seconds = sessionSeconds(opened, new Date(opened.getTime() + s * 1000), estimate);
          expect(seconds).toBeGreaterThanOrEqual(0);
          expect(seconds).toBeLessThanOrEqual(sessionCapSeconds(estimate));
        },
      ),
    );
  });

  it('reads as minutes and hours', () => {
    expect(timeSpentText(0)).toBe('—');
    expect(timeSpentText(20)).toBe('1 min');
    expect(timeSpentText(12 * 60)).toBe('12 min');
    expect(timeSpentText(65 * 60)).toBe('1 h 05 min');
  });
});

describe('SOP re-acknowledgement', () => {
  it('asks again when the module was completed at an older version than the published one', () => {
    expect(
      needsReacknowledgement({
        status: 'completed',
        acknowledgedVersion: 1,
        latestPublishedVersion: 2,
      }),
    ).toBe(true);
    expect(
      needsReacknowledgement({
        status: 'completed',
        acknowledgedVersion: 2,
        latestPublishedVersion: 2,
      }),
    ).toBe(false);
    expect(
      needsReacknowledgement({
        status: 'in_progress',
        acknowledgedVersion: null,
        latestPublishedVersion: 2,
      }),
    ).toBe(false);
    expect(
      needsReacknowledgement({
        status: 'completed',
        acknowledgedVersion: 1,
        latestPublishedVersion: null,
      }),
    ).toBe(false);
    expect(reacknowledgementTitle('Cancellation and refund', 2)).toBe(
      'Re-acknowledge: Cancellation and refund v2',
    );
  });
});
