import {
  alwaysOpenCalendar,
  businessCalendarOf,
  type CalendarSettings,
  type Holiday,
  type Priority,
  type SlaPriorityTargets,
  type SlaSchedule,
  type SlaTarget,
  WEEKDAYS,
  type Weekday,
} from '@switchboard/domain';
import { eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { createBusinessCalendar, saveSlaPolicy } from '../queries/sla-settings.ts';
import { inboxes, users } from '../schema/index.ts';
import { type CityCode, cityProfile } from './cities.ts';
import { DEMO_EMAIL_DOMAIN, DEMO_INBOXES } from './organisation.ts';

/*
 * The demo's SLA setup, as plain data: support hours and public holidays per city, a 24/7
 * calendar for safety and urgent work, and a policy per demo inbox. City inboxes count most
 * targets in their city's business hours; P1 (safety, someone stranded now) runs around the
 * clock everywhere, and the escalation desks, which take safety cases, are 24/7 throughout.
 */

export interface DemoSlaCalendar extends Omit<CalendarSettings, 'weekly'> {
  cityCode: CityCode | null;
  weekly: Partial<Record<Weekday, Array<[string, string]>>>;
}

export interface DemoSlaPolicy {
  inboxCode: string;
  /** The calendar's name in DEMO_SLA_CALENDARS; null counts business time around the clock. */
  calendarName: string | null;
  targets: Record<Priority, SlaPriorityTargets>;
}

function hours(
  days: readonly Weekday[],
  ...intervals: Array<[string, string]>
): Partial<Record<Weekday, Array<[string, string]>>> {
  return Object.fromEntries(days.map((day) => [day, intervals.map(([a, b]) => [a, b])]));
}

const yearly = (monthDay: string, name: string): Holiday => ({
  // Any year will do: a yearly holiday is read by its month and day.
  date: `2024-${monthDay}`,
  name,
  yearly: true,
});
const once = (date: string, name: string): Holiday => ({ date, name, yearly: false });

export const SAFETY_CALENDAR_NAME = 'Safety & urgent (24/7)';

export const DEMO_SLA_CALENDARS: readonly DemoSlaCalendar[] = [
  {
    name: 'Lisbon support hours',
    cityCode: 'LIS',
    timeZone: cityProfile('LIS').timeZone,
    alwaysOpen: false,
    weekly: hours(WEEKDAYS, ['08:00', '22:00']),
    holidays: [
      yearly('01-01', 'Ano Novo'),
      yearly('04-25', 'Dia da Liberdade'),
      yearly('05-01', 'Dia do Trabalhador'),
      yearly('06-10', 'Dia de Portugal'),
      yearly('06-13', 'Santo António (Lisboa)'),
      yearly('08-15', 'Assunção de Nossa Senhora'),
      yearly('10-05', 'Implantação da República'),
      yearly('11-01', 'Dia de Todos-os-Santos'),
      yearly('12-01', 'Restauração da Independência'),
      yearly('12-08', 'Imaculada Conceição'),
      yearly('12-25', 'Natal'),
      // Easter moves: its holidays are written out year by year.
      once('2026-04-03', 'Sexta-feira Santa'),
      once('2026-04-05', 'Páscoa'),
      once('2026-06-04', 'Corpo de Deus'),
      once('2027-03-26', 'Sexta-feira Santa'),
      once('2027-03-28', 'Páscoa'),
      once('2027-05-27', 'Corpo de Deus'),
    ],
  },
  {
    name: 'Mexico City support hours',
    cityCode: 'MEX',
    timeZone: cityProfile('MEX').timeZone,
    alwaysOpen: false,
    // A weekend night shift past midnight is two intervals: Fri 20:00–24:00, Sat 00:00–02:00.
    weekly: {
      ...hours(['mon', 'tue', 'wed', 'thu'], ['07:00', '23:00']),
      fri: [['07:00', '24:00']],
      sat: [
        ['00:00', '02:00'],
        ['08:00', '24:00'],
      ],
      sun: [
        ['00:00', '02:00'],
        ['08:00', '22:00'],
      ],
    },
    holidays: [
      yearly('01-01', 'Año Nuevo'),
      yearly('05-01', 'Día del Trabajo'),
      yearly('09-16', 'Día de la Independencia'),
      yearly('12-25', 'Navidad'),
      // The Monday holidays move: first Monday of February, third of March and November.
      once('2026-02-02', 'Día de la Constitución'),
      once('2026-03-16', 'Natalicio de Benito Juárez'),
      once('2026-11-16', 'Día de la Revolución'),
      once('2027-02-01', 'Día de la Constitución'),
      once('2027-03-15', 'Natalicio de Benito Juárez'),
      once('2027-11-15', 'Día de la Revolución'),
    ],
  },
  {
    name: 'Dubai support hours',
    cityCode: 'DXB',
    timeZone: cityProfile('DXB').timeZone,
    alwaysOpen: false,
    weekly: hours(WEEKDAYS, ['08:00', '24:00']),
    holidays: [
      yearly('01-01', "New Year's Day"),
      yearly('12-02', 'Eid Al Etihad (National Day)'),
      yearly('12-03', 'Eid Al Etihad (National Day)'),
      // Lunar holidays follow the moon sighting; these are the expected dates.
      once('2026-03-20', 'Eid al-Fitr'),
      once('2026-05-27', 'Eid al-Adha'),
    ],
  },
  {
    name: 'London support hours',
    cityCode: 'LON',
    timeZone: cityProfile('LON').timeZone,
    alwaysOpen: false,
    weekly: {
      ...hours(['mon', 'tue', 'wed', 'thu', 'fri'], ['08:00', '20:00']),
      ...hours(['sat', 'sun'], ['09:00', '17:00']),
    },
    holidays: [
      yearly('01-01', "New Year's Day"),
      yearly('12-25', 'Christmas Day'),
      yearly('12-26', 'Boxing Day'),
      once('2026-04-03', 'Good Friday'),
      once('2026-04-06', 'Easter Monday'),
      once('2026-05-04', 'Early May bank holiday'),
      once('2026-05-25', 'Spring bank holiday'),
      once('2026-08-31', 'Summer bank holiday'),
      once('2026-12-28', 'Boxing Day (substitute day)'),
      once('2027-03-26', 'Good Friday'),
      once('2027-03-29', 'Easter Monday'),
      once('2027-05-03', 'Early May bank holiday'),
      once('2027-05-31', 'Spring bank holiday'),
      once('2027-08-30', 'Summer bank holiday'),
      once('2027-12-27', 'Christmas Day (substitute day)'),
      once('2027-12-28', 'Boxing Day (substitute day)'),
    ],
  },
  {
    name: SAFETY_CALENDAR_NAME,
    cityCode: null,
    timeZone: 'UTC',
    alwaysOpen: true,
    weekly: {},
    holidays: [],
  },
];

const MINUTE = 1;
const HOUR = 60;

const clock = (minutes: number): SlaTarget => ({ minutes, businessHours: false });
const business = (minutes: number): SlaTarget => ({ minutes, businessHours: true });

function targets(
  firstResponse: SlaTarget,
  nextResponse: SlaTarget,
  resolution: SlaTarget,
): SlaPriorityTargets {
  return { firstResponse, nextResponse, resolution };
}

/** Riders and travellers: fast, P1 around the clock, the rest in the city's hours. */
const GUEST_TARGETS: Record<Priority, SlaPriorityTargets> = {
  P1: targets(clock(15 * MINUTE), clock(15 * MINUTE), clock(4 * HOUR)),
  P2: targets(business(30 * MINUTE), business(30 * MINUTE), business(8 * HOUR)),
  P3: targets(business(2 * HOUR), business(2 * HOUR), business(24 * HOUR)),
  P4: targets(business(8 * HOUR), business(8 * HOUR), business(72 * HOUR)),
};

/** Drivers and partners: a little more time, P1 around the clock. */
const DRIVER_TARGETS: Record<Priority, SlaPriorityTargets> = {
  P1: targets(clock(15 * MINUTE), clock(15 * MINUTE), clock(4 * HOUR)),
  P2: targets(business(1 * HOUR), business(1 * HOUR), business(12 * HOUR)),
  P3: targets(business(4 * HOUR), business(4 * HOUR), business(36 * HOUR)),
  P4: targets(business(12 * HOUR), business(12 * HOUR), business(72 * HOUR)),
};

/** The escalation desks take safety cases: every target in calendar time, 24/7. */
const SAFETY_TARGETS: Record<Priority, SlaPriorityTargets> = {
  P1: targets(clock(5 * MINUTE), clock(10 * MINUTE), clock(2 * HOUR)),
  P2: targets(clock(15 * MINUTE), clock(30 * MINUTE), clock(8 * HOUR)),
  P3: targets(clock(1 * HOUR), clock(2 * HOUR), clock(24 * HOUR)),
  P4: targets(clock(4 * HOUR), clock(8 * HOUR), clock(72 * HOUR)),
};

export const DEMO_SLA_POLICIES: readonly DemoSlaPolicy[] = DEMO_INBOXES.map((inbox) => {
  if (inbox.city === null) {
    return { inboxCode: inbox.code, calendarName: SAFETY_CALENDAR_NAME, targets: SAFETY_TARGETS };
  }
  const calendar = DEMO_SLA_CALENDARS.find((candidate) => candidate.cityCode === inbox.city);
  if (!calendar) throw new Error(`No demo SLA calendar for ${inbox.city}`);
  return {
    inboxCode: inbox.code,
    calendarName: calendar.name,
    targets: inbox.audience === 'driver' ? DRIVER_TARGETS : GUEST_TARGETS,
  };
});

/**
 * The SLA schedule of each demo inbox, by inbox code, as the clocks would load it at `now`:
 * what the conversation generator needs to replay clocks on the demo's own policies.
 */
export function demoSlaSchedules(now: Date): Map<string, SlaSchedule> {
  const calendars = new Map(
    DEMO_SLA_CALENDARS.map((calendar) => [calendar.name, businessCalendarOf(calendar, now)]),
  );
  return new Map(
    DEMO_SLA_POLICIES.map((policy) => {
      // As sla-schedule.ts reads it: without a calendar, business time runs around the clock.
      const calendar = policy.calendarName ? calendars.get(policy.calendarName) : undefined;
      return [
        policy.inboxCode,
        { calendar: calendar ?? alwaysOpenCalendar(), targets: policy.targets },
      ];
    }),
  );
}

/**
 * Writes the demo calendars and policies through the same queries the console uses, as the
 * admin, at `createdAt` — so the change history shows who set them up. Inboxes must exist.
 */
export async function insertDemoSla(
  db: DatabaseOrTransaction,
  createdAt: Date,
): Promise<{ slaCalendars: number; slaPolicies: number }> {
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, `admin@${DEMO_EMAIL_DOMAIN}`));
  const context = { actorId: admin?.id ?? null, now: createdAt };
  const calendarIds = new Map<string, string>();
  for (const { cityCode, ...settings } of DEMO_SLA_CALENDARS) {
    const created = await createBusinessCalendar(db, { ...settings, cityCode }, context);
    calendarIds.set(created.name, created.id);
  }
  const inboxRows = await db
    .select({ id: inboxes.id, code: inboxes.code })
    .from(inboxes)
    .where(
      inArray(
        inboxes.code,
        DEMO_SLA_POLICIES.map((policy) => policy.inboxCode),
      ),
    );
  const inboxIds = new Map(inboxRows.map((row) => [row.code, row.id]));
  for (const policy of DEMO_SLA_POLICIES) {
    const inboxId = inboxIds.get(policy.inboxCode);
    if (!inboxId) throw new Error(`Seed the inboxes before their SLA: no ${policy.inboxCode}`);
    await saveSlaPolicy(
      db,
      {
        inboxId,
        calendarId: policy.calendarName ? (calendarIds.get(policy.calendarName) ?? null) : null,
        targets: policy.targets,
      },
      context,
    );
  }
  return { slaCalendars: DEMO_SLA_CALENDARS.length, slaPolicies: DEMO_SLA_POLICIES.length };
}
