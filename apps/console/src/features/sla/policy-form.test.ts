import { DEFAULT_SLA_POLICY_TARGETS } from '@switchboard/domain';
import { describe, expect, it } from 'vitest';
import { calendarFormPathOf } from './calendar-form.ts';
import {
  minutesOf,
  policyFormPathOf,
  policyFormValuesOf,
  targetsOf,
  targetValuesOf,
} from './policy-form.ts';

describe('SLA policy form', () => {
  it('shows minutes in the largest unit that holds them whole', () => {
    expect(targetValuesOf({ minutes: 15, businessHours: true })).toEqual({
      amount: 15,
      unit: 'min',
      businessHours: true,
    });
    expect(targetValuesOf({ minutes: 90, businessHours: false })).toMatchObject({
      amount: 90,
      unit: 'min',
    });
    expect(targetValuesOf({ minutes: 240, businessHours: false })).toMatchObject({
      amount: 4,
      unit: 'h',
    });
    expect(targetValuesOf({ minutes: 4320, businessHours: false })).toMatchObject({
      amount: 3,
      unit: 'd',
    });
  });

  it('turns amounts back into minutes, leaving an empty one for the schema to refuse', () => {
    expect(minutesOf({ amount: 1.5, unit: 'h', businessHours: true })).toBe(90);
    expect(minutesOf({ amount: 0.1, unit: 'h', businessHours: true })).toBe(6);
    expect(minutesOf({ amount: '2', unit: 'd', businessHours: true })).toBe(2880);
    expect(minutesOf({ amount: '', unit: 'min', businessHours: true })).toBeNaN();
    expect(
      targetsOf(policyFormValuesOf({ calendarId: null, targets: DEFAULT_SLA_POLICY_TARGETS })),
    ).toEqual(DEFAULT_SLA_POLICY_TARGETS);
  });

  it('puts errors on the inputs that show them', () => {
    expect(policyFormPathOf(['targets', 'P1', 'firstResponse', 'minutes'])).toBe(
      'targets.P1.firstResponse.amount',
    );
    expect(policyFormPathOf(['calendarId'])).toBe('calendarId');
    expect(calendarFormPathOf(['weekly', 'mon', 0, 1])).toBe('weekly.mon.0.to');
    expect(calendarFormPathOf(['weekly', 'mon', 0, 0])).toBe('weekly.mon.0.from');
    expect(calendarFormPathOf(['weekly', 'mon', 0])).toBe('weekly.mon.0.to');
    expect(calendarFormPathOf(['weekly', 'mon'])).toBe('weekly.mon');
    expect(calendarFormPathOf(['holidays', 2, 'date'])).toBe('holidays.2.date');
    expect(calendarFormPathOf(['holidays', 2, 'name'])).toBe('holidays.2.name');
  });
});
