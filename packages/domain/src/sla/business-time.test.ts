import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  alwaysOpenCalendar,
  businessMinutesBetween,
  CalendarNeverOpensError,
  instantOfLocalTime,
  subtractBusinessMinutes,
} from './business-time.ts';
import type { BusinessCalendar } from './calendar.ts';

const at = (iso: string) => new Date(iso);

/** Mon–Fri 09:00–13:00 and 14:00–18:00 in London, closed on 2026-12-25. */
const london: BusinessCalendar = {
  timeZone: 'Europe/London',
  weekly: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [
      day,
      [
        ['09:00', '13:00'],
        ['14:00', '18:00'],
      ] as Array<[string, string]>,
    ]),
  ),
  holidays: ['2026-12-25'],
};

/** A night shift past midnight, written as two intervals. */
const nightShift: BusinessCalendar = {
  timeZone: 'America/Mexico_City',
  weekly: {
    mon: [['22:00', '24:00']],
    tue: [['00:00', '06:00']],
  },
  holidays: [],
};

/** Open through the night when London springs forward and falls back. */
const overnightLondon: BusinessCalendar = {
  timeZone: 'Europe/London',
  weekly: { sun: [['00:00', '06:00']] },
  holidays: [],
};

describe('instantOfLocalTime', () => {
  it('reads a wall-clock time in its zone, summer and winter', () => {
    expect(instantOfLocalTime('2026-07-01', '09:00', 'Europe/London').toISOString()).toBe(
      '2026-07-01T08:00:00.000Z',
    );
    expect(instantOfLocalTime('2026-01-05', '09:00', 'Europe/London').toISOString()).toBe(
      '2026-01-05T09:00:00.000Z',
    );
    expect(instantOfLocalTime('2026-01-05', '09:00', 'Asia/Dubai').toISOString()).toBe(
      '2026-01-05T05:00:00.000Z',
    );
  });

  it('reads a time skipped in spring with the offset before it, a repeated one as the first', () => {
    // 2026-03-29: London goes 01:00 GMT → 02:00 BST.
    expect(instantOfLocalTime('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 2026-10-25: 01:30 happens twice; the first is BST.
    expect(instantOfLocalTime('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });
});

describe('addBusinessMinutes', () => {
  it('adds within an interval, and jumps the lunch break, the night and the weekend', () => {
    expect(addBusinessMinutes(at('2026-07-01T08:00:00Z'), 60, london).toISOString()).toBe(
      '2026-07-01T09:00:00.000Z',
    );
    // Wednesday 12:30 BST + 60 → 30 before lunch, 30 after: 14:30 BST.
    expect(addBusinessMinutes(at('2026-07-01T11:30:00Z'), 60, london).toISOString()).toBe(
      '2026-07-01T13:30:00.000Z',
    );
    // Friday 17:30 BST + 60 → Monday 09:30 BST.
    expect(addBusinessMinutes(at('2026-07-03T16:30:00Z'), 60, london).toISOString()).toBe(
      '2026-07-06T08:30:00.000Z',
    );
  });

  it('counts a start outside hours from the next opening, skipping holidays', () => {
    // Saturday → Monday 09:00 BST + 10.
    expect(addBusinessMinutes(at('2026-07-04T10:00:00Z'), 10, london).toISOString()).toBe(
      '2026-07-06T08:10:00.000Z',
    );
    // Christmas Eve 17:00 + 120 → the 26th is a Saturday: Monday 28th 10:00 GMT.
    expect(addBusinessMinutes(at('2026-12-24T17:00:00Z'), 120, london).toISOString()).toBe(
      '2026-12-28T10:00:00.000Z',
    );
    // Zero minutes outside hours is the next opening.
    expect(addBusinessMinutes(at('2026-07-04T10:00:00Z'), 0, london).toISOString()).toBe(
      '2026-07-06T08:00:00.000Z',
    );
  });

  it('ends at the closing time when the minutes run out exactly there', () => {
    expect(addBusinessMinutes(at('2026-07-01T16:00:00Z'), 60, london).toISOString()).toBe(
      '2026-07-01T17:00:00.000Z',
    );
    expect(addBusinessMinutes(at('2026-07-01T09:00:00Z'), 180, london).toISOString()).toBe(
      '2026-07-01T12:00:00.000Z',
    );
  });

  it('carries a shift past midnight written as two intervals', () => {
    // Monday 23:00 in Mexico City (UTC−6) + 120 → Tuesday 01:00.
    expect(addBusinessMinutes(at('2026-07-07T05:00:00Z'), 120, nightShift).toISOString()).toBe(
      '2026-07-07T07:00:00.000Z',
    );
  });

  it('neither adds nor loses minutes across daylight-saving changes', () => {
    // Sunday 2026-03-29 00:00–06:00 lasts 5 real hours in London; 2026-10-25 lasts 7.
    expect(
      businessMinutesBetween(
        at('2026-03-28T12:00:00Z'),
        at('2026-03-30T00:00:00Z'),
        overnightLondon,
      ),
    ).toBe(300);
    expect(
      businessMinutesBetween(
        at('2026-10-24T12:00:00Z'),
        at('2026-10-26T00:00:00Z'),
        overnightLondon,
      ),
    ).toBe(420);
    expect(addBusinessMinutes(at('2026-03-29T00:00:00Z'), 300, overnightLondon).toISOString()).toBe(
      '2026-03-29T05:00:00.000Z',
    );
    // 24/7 is calendar time: 1,440 minutes over the spring change is 24 real hours.
    const always = alwaysOpenCalendar('Europe/London');
    expect(addBusinessMinutes(at('2026-03-28T12:00:00Z'), 1440, always).toISOString()).toBe(
      '2026-03-29T12:00:00.000Z',
    );
  });

  it('refuses a calendar that never opens', () => {
    expect(() =>
      addBusinessMinutes(at('2026-07-01T10:00:00Z'), 10, {
        timeZone: 'UTC',
        weekly: {},
        holidays: [],
      }),
    ).toThrow(CalendarNeverOpensError);
  });
});

describe('businessMinutesBetween', () => {
  it('counts only the overlap with business hours', () => {
    expect(
      businessMinutesBetween(at('2026-07-01T07:00:00Z'), at('2026-07-01T18:00:00Z'), london),
    ).toBe(480);
    expect(
      businessMinutesBetween(at('2026-07-03T16:30:00Z'), at('2026-07-06T08:30:00Z'), london),
    ).toBe(60);
  });

  it('is 0 when to is not after from', () => {
    expect(
      businessMinutesBetween(at('2026-07-01T10:00:00Z'), at('2026-07-01T10:00:00Z'), london),
    ).toBe(0);
    expect(
      businessMinutesBetween(at('2026-07-01T11:00:00Z'), at('2026-07-01T10:00:00Z'), london),
    ).toBe(0);
  });
});

/** Lisbon every day 08:00–22:00 (crosses both daylight-saving changes), Portuguese holidays. */
const lisbon: BusinessCalendar = {
  timeZone: 'Europe/Lisbon',
  weekly: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [
      day,
      [['08:00', '22:00']] as Array<[string, string]>,
    ]),
  ),
  holidays: ['2026-12-25', '2027-04-25', '2027-06-10'],
};

/** Dubai's week runs Monday to Friday since 2022, with a Friday afternoon off. */
const dubai: BusinessCalendar = {
  timeZone: 'Asia/Dubai',
  weekly: {
    mon: [['09:00', '18:00']],
    tue: [['09:00', '18:00']],
    wed: [['09:00', '18:00']],
    thu: [['09:00', '18:00']],
    fri: [['09:00', '12:00']],
  },
  holidays: ['2026-12-02'],
};

/** Mexico City weekdays with a split shift, and its public holidays. */
const mexicoCity: BusinessCalendar = {
  timeZone: 'America/Mexico_City',
  weekly: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [
      day,
      [
        ['07:00', '15:00'],
        ['16:00', '23:30'],
      ] as Array<[string, string]>,
    ]),
  ),
  holidays: ['2026-11-16', '2026-12-25', '2027-02-01'],
};

const calendars = fc.constantFrom<BusinessCalendar>(
  london,
  lisbon,
  dubai,
  mexicoCity,
  nightShift,
  overnightLondon,
  alwaysOpenCalendar('Asia/Dubai'),
  {
    timeZone: 'America/New_York',
    weekly: {
      mon: [['08:00', '20:00']],
      wed: [
        ['01:30', '03:30'],
        ['12:00', '12:01'],
      ],
      sat: [['00:00', '24:00']],
    },
    holidays: ['2026-11-02', '2027-03-15'],
  },
);
const instants = fc
  .date({
    min: new Date('2026-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => new Date(Math.floor(date.getTime() / 1000) * 1000));

/** Inside, or at the closing edge of, an open interval. */
function insideOrClosing(instant: Date, calendar: BusinessCalendar): boolean {
  const before = new Date(instant.getTime() - 1);
  return (
    businessMinutesBetween(before, instant, calendar) > 0 ||
    businessMinutesBetween(instant, new Date(instant.getTime() + 1), calendar) > 0
  );
}

describe('business time properties', () => {
  it('lands inside business hours, and counting back gives the minutes added', () => {
    fc.assert(
      fc.property(
        instants,
        fc.integer({ min: 0, max: 5_000 }),
        calendars,
        (start, minutes, calendar) => {
          const end = addBusinessMinutes(start, minutes, calendar);
          expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
          expect(insideOrClosing(end, calendar)).toBe(true);
          expect(businessMinutesBetween(start, end, calendar)).toBe(minutes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts back into business hours, the mirror of adding', () => {
    fc.assert(
      fc.property(
        instants,
        fc.integer({ min: 1, max: 5_000 }),
        calendars,
        (end, minutes, calendar) => {
          const start = subtractBusinessMinutes(end, minutes, calendar);
          expect(start.getTime()).toBeLessThanOrEqual(end.getTime());
          expect(businessMinutesBetween(start, end, calendar)).toBe(minutes);
          // At an opening edge or inside hours: the minute after it is open.
          expect(
            businessMinutesBetween(start, new Date(start.getTime() + 1), calendar),
          ).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adds up over consecutive spans', () => {
    fc.assert(
      fc.property(instants, instants, instants, calendars, (a, b, c, calendar) => {
        const [from, middle, to] = [a, b, c].sort((x, y) => x.getTime() - y.getTime()) as [
          Date,
          Date,
          Date,
        ];
        expect(
          businessMinutesBetween(from, middle, calendar) +
            businessMinutesBetween(middle, to, calendar),
        ).toBeCloseTo(businessMinutesBetween(from, to, calendar), 9);
      }),
      { numRuns: 100 },
    );
  });
});
