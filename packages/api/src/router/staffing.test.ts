import { configChanges, inboxes, staffingPlans, teams } from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import { type Channel, HOURS_PER_WEEK, requiredAgents, WEEKDAYS } from '@switchboard/domain';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationFixture } from '../fixtures.ts';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
const db = () => api.handle.db;
type Caller = Awaited<ReturnType<TestApi['callerAs']>>;
let lead: Caller;

beforeAll(async () => {
  api = await createTestApi();
  lead = await api.callerAs('lead');
});
afterAll(() => api.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** The hour of week (0 = Monday 00:00) of an instant in a time zone, as people there read it. */
function hourOfWeekIn(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const weekday = parts.find((part) => part.type === 'weekday')!.value.toLowerCase();
  const hour = Number(parts.find((part) => part.type === 'hour')!.value);
  return WEEKDAYS.indexOf(weekday as (typeof WEEKDAYS)[number]) * 24 + hour;
}

/** An inbox of its own; `cityless` plans in UTC. */
async function inbox(options: { channels?: Channel[]; cityless?: boolean } = {}) {
  if (options.cityless) {
    const suffix = uniqueSuffix();
    const [team] = await db()
      .insert(teams)
      .values({ code: `TEAM_${suffix}`, name: `Team ${suffix}`, kind: 'support_l1' })
      .returning();
    const [created] = await db()
      .insert(inboxes)
      .values({
        code: `INBOX_${suffix}`,
        name: `Everywhere ${suffix}`,
        audience: 'guest',
        cityId: null,
        teamId: team!.id,
        ...(options.channels ? { channels: options.channels } : {}),
      })
      .returning();
    return created!;
  }
  const fixture = await createCityInboxFixture(db());
  if (options.channels) {
    await db()
      .update(inboxes)
      .set({ channels: options.channels })
      .where(eq(inboxes.id, fixture.inbox.id));
  }
  return fixture.inbox;
}

const PLAN = {
  serviceLevelTarget: 0.8,
  answerTargetSeconds: 20,
  shrinkage: 0.3,
  channelHandling: {
    chat: { ahtSeconds: 360, concurrency: 2 },
    voice: { ahtSeconds: 180, concurrency: 1 },
  },
  hourlyRateMinor: 1850,
  currency: 'EUR',
};

describe('staffing forecast', () => {
  it('forecasts each hour of the week from the history, in the city’s time zone', async () => {
    const lisbon = await inbox();
    const other = await inbox();
    const now = Date.now();
    // Half past an hour, a day and a half back: far from any hour or week boundary.
    const anchor = new Date(Math.floor((now - 36 * HOUR) / HOUR) * HOUR + 30 * 60_000);
    const created: { at: Date; channel: Channel }[] = [
      { at: anchor, channel: 'chat' },
      { at: anchor, channel: 'chat' },
      { at: new Date(anchor.getTime() + 5 * 60_000), channel: 'voice' },
      { at: new Date(anchor.getTime() - WEEK), channel: 'chat' },
      { at: new Date(anchor.getTime() - 3 * WEEK), channel: 'chat' },
      { at: new Date(anchor.getTime() - 2 * WEEK - 5 * HOUR), channel: 'email' },
      // Beyond the 8 weeks: not history any more.
      { at: new Date(anchor.getTime() - 8 * WEEK - HOUR), channel: 'chat' },
    ];
    for (const { at, channel } of created) {
      await createConversationFixture(db(), { inboxId: lisbon.id, channel, createdAt: at });
    }
    await createConversationFixture(db(), { inboxId: other.id, createdAt: anchor });

    const overview = await lead.caller.staffing.overview({ inboxId: lisbon.id });
    expect(overview.inbox).toMatchObject({ id: lisbon.id, timeZone: 'Europe/Lisbon' });
    expect(overview.intervals).toHaveLength(HOURS_PER_WEEK);
    expect(overview.history).toMatchObject({
      weeks: 8,
      conversations: 6,
      byChannel: { chat: 4, voice: 1, email: 1, whatsapp: 0 },
    });

    // What the history says, counted here from the inserted rows over 8 weeks: the average,
    // or weights 8 for the last week, 7 for the one before, … (Σ = 36).
    const expected = { equal: new Map<string, number>(), recent: new Map<string, number>() };
    for (const { at, channel } of created.slice(0, 6)) {
      const key = `${hourOfWeekIn('Europe/Lisbon', at)}:${channel}`;
      const weeksAgo = Math.floor((now - at.getTime()) / WEEK);
      expected.equal.set(key, (expected.equal.get(key) ?? 0) + 1 / 8);
      expected.recent.set(key, (expected.recent.get(key) ?? 0) + (8 - weeksAgo) / 36);
    }
    const recent = await lead.caller.staffing.overview({ inboxId: lisbon.id, weighting: 'recent' });
    expect(recent.history.weighting).toBe('recent');
    for (const [result, wanted] of [
      [overview, expected.equal],
      [recent, expected.recent],
    ] as const) {
      const forecast = new Map<string, number>();
      for (const interval of result.intervals) {
        for (const [channel, arrivals] of Object.entries(interval.arrivals)) {
          forecast.set(`${interval.hourOfWeek}:${channel}`, arrivals);
        }
      }
      expect([...forecast.keys()].sort()).toEqual([...wanted.keys()].sort());
      for (const [key, value] of wanted) expect(forecast.get(key)).toBeCloseTo(value, 12);
    }
    expect(overview.totals.forecastArrivals).toBeCloseTo(6 / 8, 12);

    // Two weeks only: the older conversations drop out.
    const short = await lead.caller.staffing.overview({ inboxId: lisbon.id, weeks: 2 });
    expect(short.history.conversations).toBe(4);
  });

  it('reads an inbox without a city in UTC', async () => {
    const everywhere = await inbox({ cityless: true });
    const at = new Date(Math.floor((Date.now() - 30 * HOUR) / HOUR) * HOUR + 20 * 60_000);
    await createConversationFixture(db(), {
      inboxId: everywhere.id,
      channel: 'voice',
      createdAt: at,
    });
    const overview = await lead.caller.staffing.overview({ inboxId: everywhere.id, weeks: 1 });
    expect(overview.inbox.timeZone).toBe('UTC');
    const utcHour = ((at.getUTCDay() + 6) % 7) * 24 + at.getUTCHours();
    expect(overview.intervals[utcHour]!.arrivals).toEqual({ voice: 1 });
    // The default plan: 80 % in 60 s, 30 % shrinkage, 5-minute calls — 1 on the phone, 2 paid.
    expect(overview.plan).toMatchObject({ saved: false, settings: { currency: 'EUR' } });
    expect(overview.intervals[utcHour]).toMatchObject({
      requiredBeforeShrinkage: 1,
      required: 2,
      scheduled: 0,
      gap: -2,
    });
  });
});

describe('staffing plan and shifts', () => {
  it('lets a lead save the plan and shifts, and shows required, scheduled, gap and cost', async () => {
    const target = await inbox();
    const fresh = await lead.caller.staffing.overview({ inboxId: target.id });
    expect(fresh.plan).toMatchObject({ saved: false, updatedAt: null });
    expect(fresh.plan.settings).toMatchObject({ serviceLevelTarget: 0.8, shrinkage: 0.3 });
    expect(fresh.totals).toMatchObject({ requiredAgentHours: 0, scheduledAgentHours: 0 });

    // 20 calls last week in one hour: a forecast of 20 ÷ 1 week.
    const at = new Date(Math.floor((Date.now() - 30 * HOUR) / HOUR) * HOUR + 10 * 60_000);
    for (let index = 0; index < 20; index += 1) {
      await createConversationFixture(db(), {
        inboxId: target.id,
        channel: 'voice',
        createdAt: at,
      });
    }
    const busyHour = hourOfWeekIn('Europe/Lisbon', at);

    const saved = await lead.caller.staffing.savePlan({ inboxId: target.id, ...PLAN });
    expect(saved).toMatchObject({ saved: true, settings: PLAN });
    await lead.caller.staffing.savePlan({ inboxId: target.id, ...PLAN, shrinkage: 0.25 });

    const { weekday, hour } = {
      weekday: WEEKDAYS[Math.floor(busyHour / 24)]!,
      hour: busyHour % 24,
    };
    const start = `${String(hour).padStart(2, '0')}:00`;
    const shift = await lead.caller.staffing.addShift({
      inboxId: target.id,
      weekday,
      startsAt: start,
      endsAt: `${String(hour).padStart(2, '0')}:30`,
      agents: 2,
      note: 'Morning cover',
    });
    expect(shift).toMatchObject({ weekday, startsAt: start, agents: 2, note: 'Morning cover' });
    const other = await lead.caller.staffing.addShift({
      inboxId: target.id,
      weekday: 'sun',
      startsAt: '22:00',
      endsAt: '06:00',
      agents: 1,
    });
    await lead.caller.staffing.updateShift({
      id: shift.id,
      weekday,
      startsAt: start,
      endsAt: hour === 23 ? '24:00' : `${String(hour + 1).padStart(2, '0')}:00`,
      agents: 3,
      note: 'Morning cover',
    });
    await lead.caller.staffing.removeShift({ id: other.id });

    const overview = await lead.caller.staffing.overview({ inboxId: target.id, weeks: 1 });
    expect(overview.plan).toMatchObject({ saved: true, settings: { ...PLAN, shrinkage: 0.25 } });
    expect(overview.shifts).toEqual([
      expect.objectContaining({ id: shift.id, agents: 3, note: 'Morning cover' }),
    ]);
    const need = requiredAgents({
      arrivalsPerHour: 20,
      ahtSeconds: 180,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      shrinkage: 0.25,
    });
    expect(overview.intervals[busyHour]).toMatchObject({
      arrivals: { voice: 20 },
      required: need.agents,
      scheduled: 3,
      gap: 3 - need.agents,
    });
    expect(overview.totals).toEqual({
      forecastArrivals: 20,
      requiredAgentHours: need.agents,
      scheduledAgentHours: 3,
      shortfallAgentHours: Math.max(0, need.agents - 3),
      understaffedHours: need.agents > 3 ? 1 : 0,
      requiredCostMinor: need.agents * 1850,
      scheduledCostMinor: 3 * 1850,
      currency: 'EUR',
    });

    const changes = await db()
      .select({
        entityType: configChanges.entityType,
        action: configChanges.action,
        diff: configChanges.diff,
      })
      .from(configChanges)
      .where(eq(configChanges.entityId, target.id))
      .orderBy(asc(configChanges.createdAt), asc(configChanges.id));
    expect(changes).toEqual([
      expect.objectContaining({ entityType: 'staffing_plan', action: 'created' }),
      {
        entityType: 'staffing_plan',
        action: 'updated',
        diff: ['Shrinkage: 30% → 25%'],
      },
    ]);
    const shiftChanges = await db()
      .select({ action: configChanges.action, diff: configChanges.diff })
      .from(configChanges)
      .where(eq(configChanges.entityId, shift.id))
      .orderBy(asc(configChanges.createdAt), asc(configChanges.id));
    expect(shiftChanges.map((change) => change.action)).toEqual(['created', 'updated']);
    expect(shiftChanges[1]!.diff).toContain('Agents: 2 → 3');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const target = await inbox({ channels: ['chat', 'email'] });
    await expectBadInput(
      lead.caller.staffing.savePlan({ inboxId: target.id, ...PLAN, shrinkage: 1 }),
      'shrinkage',
    );
    await expectBadInput(
      lead.caller.staffing.savePlan({ inboxId: target.id, ...PLAN, serviceLevelTarget: 1.5 }),
      'serviceLevelTarget',
    );
    await expectBadInput(
      lead.caller.staffing.savePlan({
        inboxId: target.id,
        ...PLAN,
        channelHandling: { chat: { ahtSeconds: -5, concurrency: 2 } },
      }),
      'channelHandling.chat.ahtSeconds',
    );
    // The inbox takes chat and email, not calls.
    const message = await expectBadInput(
      lead.caller.staffing.savePlan({ inboxId: target.id, ...PLAN }),
      'channelHandling.voice',
    );
    expect(message).toContain('does not take voice');
    expect(
      await db().select().from(staffingPlans).where(eq(staffingPlans.inboxId, target.id)),
    ).toEqual([]);

    const shift = { inboxId: target.id, weekday: 'mon' as const, agents: 2 };
    await expectBadInput(
      lead.caller.staffing.addShift({ ...shift, startsAt: '09:00', endsAt: '09:00' }),
      'endsAt',
    );
    await expectBadInput(
      lead.caller.staffing.addShift({ ...shift, startsAt: '9am', endsAt: '17:00' }),
      'startsAt',
    );
    await expectBadInput(
      lead.caller.staffing.addShift({ ...shift, agents: 0, startsAt: '09:00', endsAt: '17:00' }),
      'agents',
    );
    await expectBadInput(
      lead.caller.staffing.addShift({
        ...shift,
        weekday: 'monday' as 'mon',
        startsAt: '09:00',
        endsAt: '17:00',
      }),
      'weekday',
    );
    await expectBadInput(lead.caller.staffing.overview({ inboxId: target.id, weeks: 0 }), 'weeks');
    await expectBadInput(lead.caller.staffing.overview({ inboxId: 'lisbon' }), 'inboxId');
    expect((await lead.caller.staffing.overview({ inboxId: target.id })).shifts).toEqual([]);

    await expect(lead.caller.staffing.overview({ inboxId: NO_SUCH_ID })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      lead.caller.staffing.addShift({
        ...shift,
        inboxId: NO_SUCH_ID,
        startsAt: '09:00',
        endsAt: '17:00',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      lead.caller.staffing.updateShift({
        id: NO_SUCH_ID,
        weekday: 'mon',
        startsAt: '09:00',
        endsAt: '17:00',
        agents: 1,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(lead.caller.staffing.removeShift({ id: NO_SUCH_ID })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('is for leads and admins: agents and trainers are refused', async () => {
    const target = await inbox();
    const admin = await api.callerAs('admin');
    await admin.caller.staffing.savePlan({ inboxId: target.id, ...PLAN });
    expect((await admin.caller.staffing.inboxes()).map((row) => row.id)).toContain(target.id);
    for (const role of ['agent', 'trainer'] as const) {
      const { caller } = await api.callerAs(role);
      await expect(caller.staffing.inboxes()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(caller.staffing.overview({ inboxId: target.id })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        caller.staffing.savePlan({ inboxId: target.id, ...PLAN, shrinkage: 0.1 }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        caller.staffing.addShift({
          inboxId: target.id,
          weekday: 'mon',
          startsAt: '08:00',
          endsAt: '16:00',
          agents: 1,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const anonymous = await api.callerFor();
    await expect(anonymous.staffing.overview({ inboxId: target.id })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const [stored] = await db()
      .select()
      .from(staffingPlans)
      .where(eq(staffingPlans.inboxId, target.id));
    expect(stored?.shrinkage).toBe(0.3);
  });
});
