import { describe, expect, it } from 'vitest';
import {
  businessCalendarSchema,
  defaultBusinessCalendar,
  isWithinBusinessHours,
  localClock,
} from './calendar.ts';

const lisbon = {
  timeZone: 'Europe/Lisbon',
  weekly: {
    mon: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ] as Array<[string, string]>,
  },
  holidays: ['2026-06-08'],
};

describe('business hours', () => {
  it('reads the local clock, across daylight saving time', () => {
    // 08:30 UTC is 09:30 in Lisbon in summer (WEST) and 08:30 in winter (WET).
    expect(localClock(new Date('2026-06-01T08:30:00Z'), 'Europe/Lisbon')).toEqual({
      date: '2026-06-01',
      weekday: 'mon',
      time: '09:30',
    });
    expect(localClock(new Date('2026-01-05T08:30:00Z'), 'Europe/Lisbon').time).toBe('08:30');
  });

  it('is open inside an interval, closed at its end, at lunch, on other days and holidays', () => {
    expect(isWithinBusinessHours(new Date('2026-06-01T08:30:00Z'), lisbon)).toBe(true);
    expect(isWithinBusinessHours(new Date('2026-01-05T08:30:00Z'), lisbon)).toBe(false);
    expect(isWithinBusinessHours(new Date('2026-06-01T12:30:00Z'), lisbon)).toBe(false);
    expect(isWithinBusinessHours(new Date('2026-06-01T17:00:00Z'), lisbon)).toBe(false);
    expect(isWithinBusinessHours(new Date('2026-06-02T08:30:00Z'), lisbon)).toBe(false);
    expect(isWithinBusinessHours(new Date('2026-06-08T08:30:00Z'), lisbon)).toBe(false);
  });

  it('defaults to 08:00–20:00 every day in the city’s time zone', () => {
    const mexico = defaultBusinessCalendar('America/Mexico_City');
    expect(isWithinBusinessHours(new Date('2026-03-07T15:00:00Z'), mexico)).toBe(true);
    expect(isWithinBusinessHours(new Date('2026-03-07T03:00:00Z'), mexico)).toBe(false);
  });

  it('validates a calendar and names what is wrong', () => {
    const result = businessCalendarSchema.safeParse({
      timeZone: 'Mars/Olympus',
      weekly: { mon: [['18:00', '09:00']] },
      holidays: ['8 June'],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'holidays.0',
      'timeZone',
      'weekly.mon.0',
    ]);
  });
});
