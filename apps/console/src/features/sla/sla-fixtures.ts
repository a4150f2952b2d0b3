import { DEFAULT_SLA_POLICY_TARGETS } from '@switchboard/domain';
import type { ProcedureOutput } from '@switchboard/ui/testing';

/* Calendars and policies for the SLA component tests. */

type CalendarRow = ProcedureOutput<'sla.calendar'>;
type PolicyRow = ProcedureOutput<'sla.policy'>;

export const LISBON_CALENDAR_ID = '41414141-4141-4141-8141-414141414141';
export const SAFETY_CALENDAR_ID = '42424242-4242-4242-8242-424242424242';
export const LISBON_GUESTS_ID = '66666666-6666-4666-8666-666666666666';
export const LISBON_DRIVERS_ID = '66666666-6666-4666-8666-666666666667';
export const LISBON_POLICY_ID = '43434343-4343-4343-8343-434343434343';

const everyDay = (from: string, to: string) =>
  Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [
      day,
      [[from, to]] as Array<[string, string]>,
    ]),
  );

export const CITIES = [
  { code: 'LIS', name: 'Lisbon', timeZone: 'Europe/Lisbon' },
  { code: 'MEX', name: 'Mexico City', timeZone: 'America/Mexico_City' },
];

export function lisbonCalendar(overrides: Partial<CalendarRow> = {}): CalendarRow {
  return {
    id: LISBON_CALENDAR_ID,
    name: 'Lisbon support hours',
    cityCode: 'LIS',
    cityName: 'Lisbon',
    timeZone: 'Europe/Lisbon',
    alwaysOpen: false,
    weekly: everyDay('08:00', '22:00'),
    holidays: [
      { date: '2024-12-25', name: 'Natal', yearly: true },
      { date: '2026-04-03', name: 'Sexta-feira Santa', yearly: false },
    ],
    updatedAt: new Date('2026-03-01T10:00:00Z'),
    weeklyOpenMinutes: 98 * 60,
    holidayCount: 2,
    inboxes: [{ id: LISBON_GUESTS_ID, code: 'LIS_GUEST', name: 'Lisbon · Guests' }],
    ...overrides,
  };
}

export function safetyCalendar(): CalendarRow {
  return {
    id: SAFETY_CALENDAR_ID,
    name: 'Safety & urgent (24/7)',
    cityCode: null,
    cityName: null,
    timeZone: 'UTC',
    alwaysOpen: true,
    weekly: {},
    holidays: [],
    updatedAt: new Date('2026-03-01T10:00:00Z'),
    weeklyOpenMinutes: 7 * 24 * 60,
    holidayCount: 0,
    inboxes: [],
  };
}

/** Lisbon guests: P1 around the clock, the rest in Lisbon's business hours. */
export function lisbonTargets(): PolicyRow['targets'] {
  return {
    P1: {
      firstResponse: { minutes: 15, businessHours: false },
      nextResponse: { minutes: 15, businessHours: false },
      resolution: { minutes: 240, businessHours: false },
    },
    P2: {
      firstResponse: { minutes: 30, businessHours: true },
      nextResponse: { minutes: 30, businessHours: true },
      resolution: { minutes: 480, businessHours: true },
    },
    P3: {
      firstResponse: { minutes: 120, businessHours: true },
      nextResponse: { minutes: 120, businessHours: true },
      resolution: { minutes: 1440, businessHours: true },
    },
    P4: {
      firstResponse: { minutes: 480, businessHours: true },
      nextResponse: { minutes: 480, businessHours: true },
      resolution: { minutes: 4320, businessHours: true },
    },
  };
}

export function lisbonGuestsPolicy(overrides: Partial<PolicyRow> = {}): PolicyRow {
  return {
    inboxId: LISBON_GUESTS_ID,
    inboxCode: 'LIS_GUEST',
    inboxName: 'Lisbon · Guests',
    audience: 'guest',
    active: true,
    cityName: 'Lisbon',
    teamName: 'Support L1',
    source: 'policy',
    policyId: LISBON_POLICY_ID,
    calendarId: LISBON_CALENDAR_ID,
    calendarName: 'Lisbon support hours',
    calendarAlwaysOpen: false,
    targets: lisbonTargets(),
    warnings: [],
    updatedAt: new Date('2026-03-01T10:00:00Z'),
    updatedByName: 'Lena Lead',
    ...overrides,
  };
}

/** Lisbon drivers, still on the defaults. */
export function lisbonDriversDefaults(): PolicyRow {
  return {
    inboxId: LISBON_DRIVERS_ID,
    inboxCode: 'LIS_DRIVER',
    inboxName: 'Lisbon · Drivers',
    audience: 'driver',
    active: true,
    cityName: 'Lisbon',
    teamName: 'Support L1',
    source: 'defaults',
    policyId: null,
    calendarId: null,
    calendarName: null,
    calendarAlwaysOpen: null,
    targets: structuredClone(DEFAULT_SLA_POLICY_TARGETS),
    warnings: [],
    updatedAt: null,
    updatedByName: null,
  };
}
