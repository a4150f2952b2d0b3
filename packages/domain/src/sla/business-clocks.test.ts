import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../conversations/priority.ts';
import { businessMinutesBetween } from './business-time.ts';
import type { BusinessCalendar } from './calendar.ts';
import { clocksForStatus, onPriorityChange, startClocks } from './clocks.ts';
import { DEFAULT_SLA_SCHEDULE, type SlaSchedule } from './policy.ts';

const MINUTE = 60_000;

/** Lisbon weekdays 09:00–18:00. */
const calendar: BusinessCalendar = {
  timeZone: 'Europe/Lisbon',
  weekly: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, [['09:00', '18:00']]]),
  ),
  holidays: ['2026-12-08'],
};

const schedule: SlaSchedule = {
  calendar,
  targets: Object.fromEntries(
    PRIORITIES.map((priority, index) => [
      priority,
      {
        firstResponse: { minutes: 60 * (index + 1), businessHours: true },
        nextResponse: { minutes: 30 * (index + 1), businessHours: true },
        // Resolution in calendar time: each target picks its own clock.
        resolution: { minutes: 24 * 60 * (index + 1), businessHours: false },
      },
    ]),
  ) as SlaSchedule['targets'],
};

describe('clocks on a business calendar', () => {
  it('counts business targets in opening hours and calendar targets around the clock', () => {
    // Friday 17:30 Lisbon (winter, UTC+0): 30 minutes today, the rest on Monday.
    const created = new Date('2026-12-04T17:30:00Z');
    const clocks = startClocks(created, 'P1', schedule);
    expect(clocks.firstResponseDueAt).toEqual(new Date('2026-12-07T09:30:00Z'));
    expect(clocks.resolutionDueAt).toEqual(new Date(created.getTime() + 24 * 60 * MINUTE));
  });

  it('skips a holiday', () => {
    // Monday 17:00; Tuesday 8 December is a holiday.
    const clocks = startClocks(new Date('2026-12-07T17:00:00Z'), 'P2', schedule);
    expect(clocks.firstResponseDueAt).toEqual(new Date('2026-12-09T10:00:00Z'));
  });

  it('a pause over the weekend costs no business minutes; what was left counts from the resume', () => {
    const created = new Date('2026-12-04T16:00:00Z'); // Friday 16:00, P2: 120 business minutes
    const started = startClocks(created, 'P2', schedule);
    const paused = clocksForStatus(started, 'pending', new Date('2026-12-04T17:00:00Z'), {
      schedule,
      priority: 'P2',
    });
    // Resumed on Monday at 11:00: 60 minutes were left.
    const resumed = clocksForStatus(paused, 'open', new Date('2026-12-07T11:00:00Z'), {
      schedule,
      priority: 'P2',
    });
    expect(resumed.firstResponseDueAt).toEqual(new Date('2026-12-07T12:00:00Z'));
  });

  it('property: a priority change moves a due time by the difference of the targets, in business minutes', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2027-06-01'), noInvalidDate: true }),
        fc.constantFrom(...PRIORITIES),
        fc.constantFrom(...PRIORITIES),
        (created, from, to) => {
          const clocks = startClocks(created, from, schedule);
          const moved = onPriorityChange(
            { ...clocks, createdAt: created, priority: from, firstResponseAt: null },
            from,
            to,
            schedule,
          );
          // Re-targeted from the start: as if the conversation had had the new priority.
          expect(businessMinutesBetween(created, moved.firstResponseDueAt!, calendar)).toBe(
            schedule.targets[to].firstResponse.minutes,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the defaults run around the clock, as before any policy', () => {
    const created = new Date('2026-12-04T17:30:00Z');
    expect(startClocks(created, 'P1', DEFAULT_SLA_SCHEDULE).firstResponseDueAt).toEqual(
      new Date(created.getTime() + 15 * MINUTE),
    );
  });
});
