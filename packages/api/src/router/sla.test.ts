import { slaScheduleForInbox } from '@switchboard/db/queries/sla-schedule';
import { businessCalendars, configChanges, slaPolicies } from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import {
  addBusinessMinutes,
  type BusinessCalendarInput,
  DEFAULT_SLA_POLICY_TARGETS,
  type SlaPriorityTargets,
} from '@switchboard/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
const db = () => api.handle.db;
type Caller = Awaited<ReturnType<TestApi['callerAs']>>;

let lead: Caller;
let trainer: Caller;
let agent: Caller;

beforeAll(async () => {
  api = await createTestApi();
  [lead, trainer, agent] = await Promise.all([
    api.callerAs('lead'),
    api.callerAs('trainer'),
    api.callerAs('agent'),
  ]);
});
afterAll(() => api.close());

const everyDay = (from: string, to: string) =>
  Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [
      day,
      [[from, to]] as Array<[string, string]>,
    ]),
  );

/** Lisbon support, every day 08:00–22:00, closed on Christmas; a name of its own. */
function lisbonCalendar(cityCode: string | null = null): BusinessCalendarInput {
  return {
    name: `Lisbon support ${uniqueSuffix()}`,
    cityCode,
    timeZone: 'Europe/Lisbon',
    alwaysOpen: false,
    weekly: everyDay('08:00', '22:00'),
    holidays: [{ date: '2020-12-25', name: 'Natal', yearly: true }],
  };
}

function targets(): Record<'P1' | 'P2' | 'P3' | 'P4', SlaPriorityTargets> {
  const copy = structuredClone(DEFAULT_SLA_POLICY_TARGETS);
  copy.P3.firstResponse = { minutes: 120, businessHours: true };
  return copy;
}

async function changesOf(entityId: string) {
  return db()
    .select()
    .from(configChanges)
    .where(eq(configChanges.entityId, entityId))
    .orderBy(configChanges.createdAt);
}

async function calendarsNamed(name: string) {
  return db()
    .select()
    .from(businessCalendars)
    .where(sql`lower(${businessCalendars.name}) = lower(${name})`);
}

describe('business calendars', () => {
  it('lets a lead create, read, change and delete a calendar, with its history', async () => {
    const { city } = await createCityInboxFixture(db());
    const input = lisbonCalendar(city.code);
    const created = await lead.caller.sla.createCalendar({
      ...input,
      rolloutNote: 'Lisbon support now closes at 22:00.',
    });
    expect(created).toMatchObject({
      name: input.name,
      cityCode: city.code,
      cityName: city.name,
      timeZone: 'Europe/Lisbon',
      weeklyOpenMinutes: 7 * 14 * 60,
      holidayCount: 1,
      inboxes: [],
    });
    const listed = await trainer.caller.sla.calendars();
    expect(listed.find((row) => row.id === created.id)).toMatchObject({ name: input.name });
    expect(await trainer.caller.sla.calendar({ id: created.id })).toMatchObject({
      weekly: input.weekly,
      holidays: input.holidays,
    });

    const updated = await lead.caller.sla.updateCalendar({
      ...input,
      id: created.id,
      weekly: {
        ...input.weekly,
        // A night shift on Friday runs past midnight: two intervals, out of order on purpose.
        fri: [
          ['22:00', '24:00'],
          ['08:00', '20:00'],
        ],
        sat: [
          ['00:00', '02:00'],
          ['08:00', '22:00'],
        ],
      },
    });
    expect(updated.weekly.fri).toEqual([
      ['08:00', '20:00'],
      ['22:00', '24:00'],
    ]);
    expect(updated.weeklyOpenMinutes).toBe(7 * 14 * 60 + 2 * 60);
    // The same settings again change nothing and record nothing.
    await lead.caller.sla.updateCalendar({ ...input, id: created.id, weekly: updated.weekly });
    const history = await changesOf(created.id);
    expect(history.map((change) => change.action)).toEqual(['created', 'updated']);
    expect(history[0]).toMatchObject({
      entityType: 'sla_calendar',
      actorId: lead.userId,
      rolloutNote: 'Lisbon support now closes at 22:00.',
    });
    expect(history[0]!.diff).toContain('Weekly hours: Mon–Sun 08:00–22:00');
    expect(history[1]!.diff).toEqual([
      'Weekly hours: Mon–Sun 08:00–22:00 → Mon–Thu 08:00–22:00; Fri 08:00–20:00, 22:00–24:00; Sat 00:00–02:00, 08:00–22:00; Sun 08:00–22:00',
    ]);
    const page = await lead.caller.changes.list({ entityId: created.id, limit: 10, offset: 0 });
    expect(page.items[0]!.actorName).toMatch(/^Test lead/);

    await lead.caller.sla.deleteCalendar({ id: created.id });
    expect(await calendarsNamed(input.name)).toEqual([]);
    expect((await changesOf(created.id)).map((change) => change.action)).toContain('deleted');
    await expect(lead.caller.sla.calendar({ id: created.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('keeps calendars from agents, and changes to them from trainers', async () => {
    await expect(agent.caller.sla.calendars()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.caller.sla.cities()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const input = lisbonCalendar();
    await expect(trainer.caller.sla.createCalendar(input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const admin = await api.callerAs('admin');
    const created = await admin.caller.sla.createCalendar(input);
    await expect(
      trainer.caller.sla.updateCalendar({ ...input, id: created.id, name: 'Renamed' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(trainer.caller.sla.deleteCalendar({ id: created.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await calendarsNamed(input.name)).toHaveLength(1);
  });

  it('names the field at fault and writes nothing', async () => {
    const input = lisbonCalendar();
    const { name } = input;
    await expectBadInput(
      lead.caller.sla.createCalendar({ ...input, timeZone: 'Europe/Lisbn' }),
      'timeZone',
    );
    await expectBadInput(
      lead.caller.sla.createCalendar({ ...input, weekly: { mon: [['08:00', '25:00']] } }),
      'weekly.mon.0.1',
    );
    await expectBadInput(
      lead.caller.sla.createCalendar({
        ...input,
        weekly: {
          tue: [
            ['08:00', '14:00'],
            ['13:00', '20:00'],
          ],
        },
      }),
      'weekly.tue',
    );
    await expectBadInput(lead.caller.sla.createCalendar({ ...input, weekly: {} }), 'weekly');
    await expectBadInput(
      lead.caller.sla.createCalendar({
        ...input,
        holidays: [
          { date: '2020-12-25', name: 'Natal', yearly: true },
          { date: '2031-12-25', name: 'Christmas', yearly: true },
        ],
      }),
      'holidays.1.date',
    );
    await expectBadInput(
      lead.caller.sla.createCalendar({ ...input, cityCode: 'NO_SUCH_CITY' }),
      'cityCode',
    );
    await expectBadInput(lead.caller.sla.createCalendar({ ...input, name: ' ' }), 'name');
    expect(await calendarsNamed(name)).toEqual([]);
    // Open 24/7 needs no weekly hours.
    const always = await lead.caller.sla.createCalendar({ ...input, alwaysOpen: true, weekly: {} });
    expect(always.weeklyOpenMinutes).toBe(7 * 24 * 60);

    // A name another calendar has, in any case, is refused on `name`.
    const error = await lead.caller.sla
      .createCalendar({ ...lisbonCalendar(), name: name.toUpperCase() })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'CONFLICT', cause: { field: 'name' } });
    expect(String((error as Error).message)).toContain(`“${name}” exists already`);
    const other = await lead.caller.sla.createCalendar(lisbonCalendar());
    await expect(
      lead.caller.sla.updateCalendar({ ...lisbonCalendar(), id: other.id, name }),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { field: 'name' } });
    expect((await changesOf(other.id)).map((change) => change.action)).toEqual(['created']);
    await expect(
      lead.caller.sla.updateCalendar({ ...lisbonCalendar(), id: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('SLA policies', () => {
  it('lists every active inbox, on the defaults until a lead saves its own', async () => {
    const { inbox } = await createCityInboxFixture(db());
    const list = await trainer.caller.sla.policies();
    expect(list.find((row) => row.inboxId === inbox.id)).toMatchObject({
      inboxName: inbox.name,
      source: 'defaults',
      calendarId: null,
      targets: DEFAULT_SLA_POLICY_TARGETS,
      warnings: [],
    });
    expect(await trainer.caller.sla.policy({ inboxId: inbox.id })).toMatchObject({
      source: 'defaults',
      policyId: null,
    });
    await expect(lead.caller.sla.policy({ inboxId: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('saves a policy the clocks then run on, with its history', async () => {
    const { inbox, city } = await createCityInboxFixture(db());
    const calendar = await lead.caller.sla.createCalendar(lisbonCalendar(city.code));
    const saved = await lead.caller.sla.savePolicy({
      inboxId: inbox.id,
      calendarId: calendar.id,
      targets: targets(),
      rolloutNote: 'Normal requests: first reply within 2 business hours.',
    });
    expect(saved).toMatchObject({
      source: 'policy',
      changed: true,
      calendarId: calendar.id,
      calendarName: calendar.name,
      warnings: [],
    });
    expect(saved.updatedByName).toMatch(/^Test lead/);
    expect((await lead.caller.sla.calendar({ id: calendar.id })).inboxes).toEqual([
      { id: inbox.id, code: inbox.code, name: inbox.name },
    ]);

    // Saturday 21:30 in Lisbon: two business hours run to Sunday 09:30.
    const schedule = await slaScheduleForInbox(db(), inbox.id, new Date('2026-03-07T12:00:00Z'));
    expect(
      addBusinessMinutes(
        new Date('2026-03-07T21:30:00Z'),
        schedule.targets.P3.firstResponse.minutes,
        schedule.calendar,
      ),
    ).toEqual(new Date('2026-03-08T09:30:00Z'));

    const again = await lead.caller.sla.savePolicy({
      inboxId: inbox.id,
      calendarId: calendar.id,
      targets: targets(),
    });
    expect(again.changed).toBe(false);
    const history = await changesOf(saved.policyId!);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      entityType: 'sla_policy',
      entityName: `SLA of ${inbox.name}`,
      action: 'created',
      actorId: lead.userId,
      diff: [
        'Own targets instead of the defaults',
        `Calendar: none (around the clock) → ${calendar.name}`,
        'P3 · First response: 4 h · calendar time → 2 h · business hours',
      ],
    });

    // Inverted targets are saved, with warnings to show.
    const inverted = targets();
    inverted.P1.resolution.minutes = 48 * 60;
    const warned = await lead.caller.sla.savePolicy({
      inboxId: inbox.id,
      calendarId: null,
      targets: inverted,
    });
    expect(warned.changed).toBe(true);
    expect(warned.calendarId).toBeNull();
    expect(warned.warnings.map((warning) => warning.path)).toEqual(['targets.P1.resolution']);
    expect((await changesOf(saved.policyId!)).at(-1)!.diff).toEqual([
      `Calendar: ${calendar.name} → none (around the clock)`,
      'P1 · Resolution: 4 h · calendar time → 2 d · calendar time',
    ]);
  });

  it('refuses a calendar in use, naming the inboxes', async () => {
    const { inbox } = await createCityInboxFixture(db());
    const calendar = await lead.caller.sla.createCalendar(lisbonCalendar());
    await lead.caller.sla.savePolicy({
      inboxId: inbox.id,
      calendarId: calendar.id,
      targets: targets(),
    });
    const error = await lead.caller.sla
      .deleteCalendar({ id: calendar.id })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect((error as Error).message).toContain(`is the calendar of ${inbox.name}`);
    expect(await calendarsNamed(calendar.name)).toHaveLength(1);
    expect((await changesOf(calendar.id)).map((change) => change.action)).toEqual(['created']);
  });

  it('names the field at fault and leaves the stored policy as it was', async () => {
    const { inbox } = await createCityInboxFixture(db());
    const first = await lead.caller.sla.savePolicy({
      inboxId: inbox.id,
      calendarId: null,
      targets: targets(),
    });
    const stored = async () =>
      db().select().from(slaPolicies).where(eq(slaPolicies.inboxId, inbox.id));
    const before = await stored();

    await expectBadInput(
      lead.caller.sla.savePolicy({
        inboxId: inbox.id,
        calendarId: crypto.randomUUID(),
        targets: targets(),
      }),
      'calendarId',
    );
    const zero = targets();
    zero.P2.firstResponse.minutes = 0;
    await expectBadInput(
      lead.caller.sla.savePolicy({ inboxId: inbox.id, calendarId: null, targets: zero }),
      'targets.P2.firstResponse.minutes',
    );
    await expectBadInput(
      lead.caller.sla.savePolicy({
        inboxId: crypto.randomUUID(),
        calendarId: null,
        targets: targets(),
      }),
      'inboxId',
    );
    await expectBadInput(
      lead.caller.sla.savePolicy({ inboxId: 'not-an-id', calendarId: null, targets: targets() }),
      'inboxId',
    );
    expect(await stored()).toEqual(before);
    expect(await changesOf(first.policyId!)).toHaveLength(1);
  });

  it('keeps policies from agents, and changes to them from trainers', async () => {
    const { inbox } = await createCityInboxFixture(db());
    await expect(agent.caller.sla.policies()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.caller.sla.policy({ inboxId: inbox.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const policy = { inboxId: inbox.id, calendarId: null, targets: targets() };
    await expect(agent.caller.sla.savePolicy(policy)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(trainer.caller.sla.savePolicy(policy)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const anonymous = await api.callerFor();
    await expect(anonymous.sla.policies()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await db().select().from(slaPolicies).where(eq(slaPolicies.inboxId, inbox.id))).toEqual(
      [],
    );
  });
});
