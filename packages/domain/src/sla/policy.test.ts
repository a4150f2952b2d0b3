import { describe, expect, it } from 'vitest';
import {
  businessCalendarInputSchema,
  type CalendarSettings,
  calendarPreviewText,
  DEFAULT_SLA_POLICY_TARGETS,
  describeBusinessCalendarChange,
  describeSlaPolicyChange,
  holidayText,
  nextOpeningAfter,
  saveSlaPolicyInputSchema,
  slaPolicyWarnings,
  slaTargetText,
  weeklyHoursText,
} from './policy.ts';

const at = (iso: string) => new Date(iso);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Lisbon support: every day 08:00–22:00, closed on Christmas every year. */
const lisbon: CalendarSettings = {
  name: 'Lisbon support hours',
  timeZone: 'Europe/Lisbon',
  alwaysOpen: false,
  weekly: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [
      day,
      [['08:00', '22:00']] as Array<[string, string]>,
    ]),
  ),
  holidays: [{ date: '2020-12-25', name: 'Natal', yearly: true }],
};

/** Weekdays in Mexico City, and a Friday night shift that runs past midnight. */
const mexicoNights: CalendarSettings = {
  name: 'Mexico City nights',
  timeZone: 'America/Mexico_City',
  alwaysOpen: false,
  weekly: {
    mon: [['09:00', '18:00']],
    tue: [['09:00', '18:00']],
    wed: [['09:00', '18:00']],
    thu: [['09:00', '18:00']],
    fri: [
      ['09:00', '18:00'],
      ['20:00', '24:00'],
    ],
    sat: [['00:00', '02:00']],
  },
  holidays: [],
};

describe('calendar inputs', () => {
  it('accepts a calendar with its city, and names the field of each mistake', () => {
    expect(businessCalendarInputSchema.safeParse({ ...lisbon, cityCode: 'LIS' }).success).toBe(
      true,
    );
    const paths = (input: unknown) =>
      businessCalendarInputSchema
        .safeParse(input)
        .error?.issues.map((issue) => issue.path.join('.'));
    expect(paths({ ...lisbon, cityCode: null, timeZone: 'Europe/Lisbn' })).toEqual(['timeZone']);
    expect(paths({ ...lisbon, cityCode: null, weekly: { mon: [['08:00', '25:00']] } })).toEqual([
      'weekly.mon.0.1',
    ]);
    expect(
      paths({
        ...lisbon,
        cityCode: null,
        weekly: {
          mon: [
            ['08:00', '12:00'],
            ['11:00', '14:00'],
          ],
        },
      }),
    ).toEqual(['weekly.mon']);
    expect(paths({ ...lisbon, cityCode: null, weekly: {} })).toEqual(['weekly']);
    expect(paths({ ...lisbon, cityCode: null, weekly: {}, alwaysOpen: true })).toBeUndefined();
    expect(
      paths({
        ...lisbon,
        cityCode: null,
        holidays: [
          { date: '2020-12-25', name: 'Natal', yearly: true },
          { date: '2027-12-25', name: 'Christmas', yearly: true },
        ],
      }),
    ).toEqual(['holidays.1.date']);
  });

  it('refuses a zero-minute target in a policy', () => {
    const targets = clone(DEFAULT_SLA_POLICY_TARGETS);
    targets.P2.nextResponse.minutes = 0;
    const result = saveSlaPolicyInputSchema.safeParse({
      inboxId: '66666666-6666-4666-8666-666666666666',
      calendarId: null,
      targets,
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'targets.P2.nextResponse.minutes',
    ]);
  });
});

describe('calendar text', () => {
  it('reads weekly hours as day ranges, and holidays as dates', () => {
    expect(weeklyHoursText(lisbon.weekly)).toBe('Mon–Sun 08:00–22:00');
    expect(weeklyHoursText(mexicoNights.weekly)).toBe(
      'Mon–Thu 09:00–18:00; Fri 09:00–18:00, 20:00–24:00; Sat 00:00–02:00',
    );
    expect(weeklyHoursText({ mon: [['09:00', '17:00']], wed: [['09:00', '17:00']] })).toBe(
      'Mon 09:00–17:00; Wed 09:00–17:00',
    );
    expect(weeklyHoursText({})).toBe('Closed every day');
    expect(holidayText({ date: '2020-12-25', name: 'Natal', yearly: true })).toBe(
      '25 Dec · Natal (every year)',
    );
    expect(holidayText({ date: '2026-04-03', name: 'Sexta-feira Santa', yearly: false })).toBe(
      '2026-04-03 · Sexta-feira Santa',
    );
  });

  it('describes a calendar change field by field', () => {
    const view = {
      name: lisbon.name,
      city: 'Lisbon',
      timeZone: lisbon.timeZone,
      alwaysOpen: false,
      weekly: lisbon.weekly,
      holidays: lisbon.holidays,
    };
    expect(describeBusinessCalendarChange(null, view)).toEqual([
      'Name: Lisbon support hours',
      'City: Lisbon',
      'Time zone: Europe/Lisbon',
      'Open 24/7: no',
      'Weekly hours: Mon–Sun 08:00–22:00',
      'Holidays: 25 Dec · Natal (every year)',
    ]);
    expect(
      describeBusinessCalendarChange(view, {
        ...view,
        weekly: { ...view.weekly, sun: [['10:00', '18:00']] },
        holidays: [...view.holidays, { date: '2026-04-03', name: 'Good Friday', yearly: false }],
      }),
    ).toEqual([
      'Weekly hours: Mon–Sun 08:00–22:00 → Mon–Sat 08:00–22:00; Sun 10:00–18:00',
      'Holidays: added 2026-04-03 · Good Friday',
    ]);
    expect(describeBusinessCalendarChange(view, { ...view })).toEqual([]);
  });
});

describe('calendar preview', () => {
  it('gives the weekly hours and the next opening in the calendar’s own time', () => {
    // Monday 2026-03-02 23:30 in Lisbon (UTC+0): closed until 08:00.
    expect(calendarPreviewText(lisbon, at('2026-03-02T23:30:00Z'))).toBe(
      'Open 98 h a week; next opening Tue 08:00',
    );
    expect(calendarPreviewText(lisbon, at('2026-03-02T06:00:00Z'))).toBe(
      'Open 98 h a week; next opening today 08:00',
    );
    expect(calendarPreviewText(lisbon, at('2026-03-02T12:00:00Z'))).toBe(
      'Open 98 h a week; open now; next opening Tue 08:00',
    );
    // Christmas Eve evening: Christmas is closed, so the next opening is on the 26th.
    expect(calendarPreviewText(lisbon, at('2026-12-24T23:00:00Z'))).toBe(
      'Open 98 h a week; next opening Sat 08:00',
    );
    expect(calendarPreviewText({ ...lisbon, alwaysOpen: true })).toBe(
      'Open 24/7: every minute counts',
    );
    expect(calendarPreviewText({ ...lisbon, weekly: {} })).toBe(
      'Never open: add hours or make it 24/7',
    );
  });

  it('does not count midnight as an opening when a shift runs past it', () => {
    // Friday 2026-03-06 21:00 in Mexico City (UTC−6): the night shift runs into Saturday.
    const friday = at('2026-03-07T03:00:00Z');
    const next = nextOpeningAfter(
      { timeZone: mexicoNights.timeZone, weekly: mexicoNights.weekly, holidays: [] },
      friday,
    );
    expect(next).toEqual(at('2026-03-09T15:00:00Z'));
    expect(calendarPreviewText(mexicoNights, friday)).toBe(
      'Open 51 h a week; open now; next opening Mon 09:00',
    );
  });

  it('shows the date when the next opening is a week or more away', () => {
    const onlyMondays: CalendarSettings = { ...lisbon, weekly: { mon: [['09:00', '10:00']] } };
    expect(calendarPreviewText(onlyMondays, at('2026-03-02T09:30:00Z'))).toBe(
      'Open 1 h a week; open now; next opening Mon 2026-03-09 09:00',
    );
  });
});

describe('SLA policy text and warnings', () => {
  it('reads targets as minutes with their clock', () => {
    expect(slaTargetText({ minutes: 15, businessHours: true })).toBe('15 min · business hours');
    expect(slaTargetText({ minutes: 1500, businessHours: false })).toBe('1 d 1 h · calendar time');
  });

  it('describes a policy change target by target, a first one against the defaults', () => {
    const targets = clone(DEFAULT_SLA_POLICY_TARGETS);
    targets.P3.firstResponse = { minutes: 120, businessHours: true };
    expect(describeSlaPolicyChange(null, { calendar: 'Lisbon support hours', targets })).toEqual([
      'Own targets instead of the defaults',
      'Calendar: none (around the clock) → Lisbon support hours',
      'P3 · First response: 4 h · calendar time → 2 h · business hours',
    ]);
    const later = clone(targets);
    later.P1.resolution.minutes = 180;
    expect(
      describeSlaPolicyChange(
        { calendar: 'Lisbon support hours', targets },
        { calendar: 'Lisbon support hours', targets: later },
      ),
    ).toEqual(['P1 · Resolution: 4 h · calendar time → 3 h · calendar time']);
  });

  it('warns, without refusing, about inverted targets', () => {
    expect(slaPolicyWarnings(DEFAULT_SLA_POLICY_TARGETS)).toEqual([]);
    const targets = clone(DEFAULT_SLA_POLICY_TARGETS);
    targets.P1.firstResponse.minutes = 120;
    targets.P4.resolution.minutes = 60;
    expect(slaPolicyWarnings(targets)).toEqual([
      {
        path: 'targets.P1.firstResponse',
        message:
          "P1 first response (2 h) is longer than P2's (1 h): the more urgent priority would wait longer",
      },
      {
        path: 'targets.P3.resolution',
        message:
          "P3 resolution (3 d) is longer than P4's (1 h): the more urgent priority would wait longer",
      },
      {
        path: 'targets.P4.resolution',
        message: 'P4 resolution (1 h) is due before its first response (1 d)',
      },
    ]);
  });
});
