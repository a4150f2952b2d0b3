import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../sla/calendar.ts';
import { requiredAgents } from './erlang-c.ts';
import { forecastArrivals, type HourlyVolume } from './forecast.ts';
import { saveStaffingPlanInputSchema, updateStaffingShiftInputSchema } from './inputs.ts';
import {
  DEFAULT_CHANNEL_HANDLING,
  defaultStaffingPlanSettings,
  planStaffing,
  type StaffingPlanSettings,
  staffingPlanSettingsSchema,
} from './plan.ts';
import {
  HOURS_PER_WEEK,
  hourOfWeekLabel,
  hourOfWeekParts,
  scheduledAgentsByHour,
  shiftMinutes,
  staffingShiftSchema,
} from './shifts.ts';

const MONDAY_9 = 9;
const TUESDAY_9 = 24 + 9;

describe('forecastArrivals', () => {
  const history: HourlyVolume[] = [
    { weeksAgo: 0, hourOfWeek: MONDAY_9, channel: 'chat', conversations: 8 },
    { weeksAgo: 1, hourOfWeek: MONDAY_9, channel: 'chat', conversations: 4 },
    { weeksAgo: 3, hourOfWeek: MONDAY_9, channel: 'chat', conversations: 4 },
    { weeksAgo: 0, hourOfWeek: MONDAY_9, channel: 'voice', conversations: 2 },
    { weeksAgo: 2, hourOfWeek: TUESDAY_9, channel: 'email', conversations: 6 },
    // Outside the 4-week window: ignored.
    { weeksAgo: 4, hourOfWeek: MONDAY_9, channel: 'chat', conversations: 100 },
  ];

  it('averages the same hour over the weeks, a week without rows counting as zero', () => {
    const forecast = forecastArrivals({ weeks: 4, history });
    expect(forecast).toHaveLength(HOURS_PER_WEEK);
    expect(forecast[MONDAY_9]).toEqual({
      hourOfWeek: MONDAY_9,
      arrivals: { chat: 4, voice: 0.5 }, // (8 + 4 + 0 + 4) ÷ 4, 2 ÷ 4
      totalArrivals: 4.5,
    });
    expect(forecast[TUESDAY_9]!.arrivals).toEqual({ email: 1.5 });
    expect(forecast[0]).toEqual({ hourOfWeek: 0, arrivals: {}, totalArrivals: 0 });
  });

  it('weighs recent weeks more when asked: 4, 3, 2, 1 for four weeks', () => {
    const forecast = forecastArrivals({ weeks: 4, history, weighting: 'recent' });
    // (8·4 + 4·3 + 0·2 + 4·1) ÷ 10
    expect(forecast[MONDAY_9]!.arrivals.chat).toBeCloseTo(4.8, 12);
    expect(forecast[TUESDAY_9]!.arrivals.email).toBeCloseTo(1.2, 12); // 6·2 ÷ 10
  });

  it('keeps the total: the forecast week holds the average week', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weeksAgo: fc.integer({ min: 0, max: 7 }),
            hourOfWeek: fc.integer({ min: 0, max: 167 }),
            channel: fc.constantFrom('chat', 'whatsapp', 'email', 'voice' as const),
            conversations: fc.integer({ min: 1, max: 50 }),
          }),
          { maxLength: 60 },
        ),
        (rows) => {
          const forecast = forecastArrivals({ weeks: 8, history: rows });
          const total = forecast.reduce((sum, hour) => sum + hour.totalArrivals, 0);
          const expected = rows.reduce((sum, row) => sum + row.conversations, 0) / 8;
          expect(total).toBeCloseTo(expected, 9);
        },
      ),
    );
  });

  it('refuses a window without a whole week', () => {
    expect(() => forecastArrivals({ weeks: 0, history })).toThrow(/^weeks: /);
  });
});

describe('shifts', () => {
  it('numbers the week from Monday midnight', () => {
    expect(hourOfWeekParts(0)).toEqual({ weekday: 'mon', hour: 0 });
    expect(hourOfWeekParts(167)).toEqual({ weekday: 'sun', hour: 23 });
    expect(hourOfWeekLabel(TUESDAY_9)).toBe('Tue 09:00');
  });

  it('counts part of an hour by the share it covers', () => {
    const hours = scheduledAgentsByHour([
      { weekday: 'mon', startsAt: '08:30', endsAt: '10:15', agents: 4 },
    ]);
    expect(hours[8]).toBe(2);
    expect(hours[9]).toBe(4);
    expect(hours[10]).toBe(1);
    expect(hours.reduce((sum, agents) => sum + agents, 0)).toBe(7); // 4 × 1.75 h
  });

  it('runs an overnight shift into the next day, and Sunday night into Monday', () => {
    const hours = scheduledAgentsByHour([
      { weekday: 'sun', startsAt: '22:00', endsAt: '06:00', agents: 2 },
    ]);
    expect(hours[166]).toBe(2);
    expect(hours[167]).toBe(2);
    expect(hours.slice(0, 6)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(hours[6]).toBe(0);
    expect(shiftMinutes({ startsAt: '22:00', endsAt: '06:00' })).toBe(480);
    expect(shiftMinutes({ startsAt: '16:00', endsAt: '24:00' })).toBe(480);
  });

  it('adds up agent-hours exactly, whatever the shifts', () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weekday: fc.constantFrom(...WEEKDAYS),
            startsAt: time,
            endsAt: time,
            agents: fc.integer({ min: 1, max: 30 }),
          }),
          { maxLength: 12 },
        ),
        (shifts) => {
          const real = shifts.filter((shift) => shift.startsAt !== shift.endsAt);
          const hours = scheduledAgentsByHour(real);
          const expected = real.reduce((sum, s) => sum + (s.agents * shiftMinutes(s)) / 60, 0);
          expect(hours.reduce((sum, agents) => sum + agents, 0)).toBeCloseTo(expected, 9);
          expect(hours.every((agents) => agents >= 0)).toBe(true);
        },
      ),
    );
  });

  it('refuses a shift without a length or with a bad time, naming the field', () => {
    const paths = (input: unknown) =>
      staffingShiftSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths({ weekday: 'mon', startsAt: '09:00', endsAt: '09:00', agents: 2 })).toEqual([
      'endsAt',
    ]);
    expect(paths({ weekday: 'mon', startsAt: '24:00', endsAt: '09:00', agents: 2 })).toEqual([
      'startsAt',
    ]);
    expect(paths({ weekday: 'monday', startsAt: '08:00', endsAt: '9:00', agents: 0 })).toEqual([
      'weekday',
      'endsAt',
      'agents',
    ]);
    expect(
      updateStaffingShiftInputSchema.safeParse({
        id: 'not-an-id',
        weekday: 'mon',
        startsAt: '08:00',
        endsAt: '16:00',
        agents: 2,
      }).error?.issues[0]?.path,
    ).toEqual(['id']);
  });
});

describe('plan settings', () => {
  it('defaults to 80 % in 60 s with 30 % shrinkage and typical handle times', () => {
    const settings = defaultStaffingPlanSettings(['chat', 'voice'], 'EUR');
    expect(staffingPlanSettingsSchema.parse(settings)).toEqual(settings);
    expect(settings.channelHandling).toEqual({
      chat: DEFAULT_CHANNEL_HANDLING.chat,
      voice: DEFAULT_CHANNEL_HANDLING.voice,
    });
  });

  it('names the field of each mistake', () => {
    const result = saveStaffingPlanInputSchema.safeParse({
      inboxId: '8a0c1b7e-3a7e-4a8e-9c2b-2f6f3b1d9e11',
      serviceLevelTarget: 1.2,
      answerTargetSeconds: -1,
      shrinkage: 1,
      channelHandling: { chat: { ahtSeconds: 0, concurrency: 2 }, fax: { ahtSeconds: 1 } },
      hourlyRateMinor: 12.5,
      currency: 'euro',
    });
    const paths = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual([
      'answerTargetSeconds',
      'channelHandling',
      'channelHandling.chat.ahtSeconds',
      'currency',
      'hourlyRateMinor',
      'serviceLevelTarget',
      'shrinkage',
    ]);
    const unknownChannel = result.error?.issues.find(
      (issue) => issue.path.join('.') === 'channelHandling',
    );
    expect(unknownChannel?.message).toBe('Handling per channel: chat, whatsapp, email or voice');
  });
});

describe('planStaffing', () => {
  const settings: StaffingPlanSettings = {
    serviceLevelTarget: 0.8,
    answerTargetSeconds: 20,
    shrinkage: 0.3,
    channelHandling: { voice: { ahtSeconds: 180, concurrency: 1 } },
    hourlyRateMinor: 1850,
    currency: 'EUR',
  };
  // Monday 09:00: the classic 200 calls an hour; Monday 10:00: 100 calls.
  const forecast = forecastArrivals({
    weeks: 1,
    history: [
      { weeksAgo: 0, hourOfWeek: MONDAY_9, channel: 'voice', conversations: 200 },
      { weeksAgo: 0, hourOfWeek: MONDAY_9 + 1, channel: 'voice', conversations: 100 },
    ],
  });

  it('puts required, scheduled and the gap side by side per hour', () => {
    const plan = planStaffing({
      forecast,
      settings,
      shifts: [{ weekday: 'mon', startsAt: '08:30', endsAt: '10:30', agents: 16 }],
    });
    expect(plan.intervals).toHaveLength(HOURS_PER_WEEK);
    const nine = plan.intervals[MONDAY_9]!;
    expect(nine).toMatchObject({
      weekday: 'mon',
      hour: 9,
      arrivals: { voice: 200 },
      totalArrivals: 200,
      workloadErlangs: 10,
      requiredBeforeShrinkage: 14,
      required: 20, // 14 ÷ 0.7
      scheduled: 16,
      gap: -4,
    });
    // 16 scheduled, 30 % away: 11 on the queue, 39 % in 20 s (the classic table).
    expect(nine.scheduledServiceLevel).toBeCloseTo(0.389614, 5);
    const ten = plan.intervals[MONDAY_9 + 1]!;
    expect(ten.scheduled).toBe(8); // half an hour of 16
    expect(ten.required).toBe(
      requiredAgents({
        arrivalsPerHour: 100,
        ahtSeconds: 180,
        targetServiceLevel: 0.8,
        targetAnswerSeconds: 20,
        shrinkage: 0.3,
      }).agents,
    );
    expect(plan.intervals[MONDAY_9 - 1]).toMatchObject({
      scheduled: 8,
      required: 0,
      gap: 8,
      scheduledServiceLevel: null,
    });
    expect(plan.totals).toEqual({
      forecastArrivals: 300,
      requiredAgentHours: 20 + ten.required,
      scheduledAgentHours: 32,
      shortfallAgentHours: 4 + Math.max(0, ten.required - 8),
      understaffedHours: ten.required > 8 ? 2 : 1,
      requiredCostMinor: (20 + ten.required) * 1850,
      scheduledCostMinor: 32 * 1850,
      currency: 'EUR',
    });
  });

  it('pools channels: arrivals summed, handle time the weighted AHT ÷ concurrency', () => {
    const mixed = forecastArrivals({
      weeks: 1,
      history: [
        { weeksAgo: 0, hourOfWeek: 0, channel: 'voice', conversations: 100 },
        { weeksAgo: 0, hourOfWeek: 0, channel: 'chat', conversations: 100 },
      ],
    });
    const plan = planStaffing({
      forecast: mixed,
      settings: { ...settings, shrinkage: 0 },
      shifts: [],
    });
    // Chat is not set: the default 480 s, 2 at a time → 240 s; voice 180 s.
    const pooled = requiredAgents({
      arrivalsPerHour: 200,
      ahtSeconds: (100 * 180 + 100 * 240) / 200,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      shrinkage: 0,
    });
    expect(plan.intervals[0]).toMatchObject({
      workloadErlangs: (100 * 180 + 100 * 240) / 3600,
      required: pooled.agents,
      scheduled: 0,
      gap: -pooled.agents,
      scheduledServiceLevel: 0,
    });
  });

  it('costs fractional shifts to the minute, in whole minor units', () => {
    const plan = planStaffing({
      forecast,
      settings: { ...settings, hourlyRateMinor: 1001 },
      shifts: [{ weekday: 'tue', startsAt: '09:00', endsAt: '09:20', agents: 1 }],
    });
    expect(plan.totals.scheduledAgentHours).toBeCloseTo(1 / 3, 12);
    expect(plan.totals.scheduledCostMinor).toBe(334); // 1001 ÷ 3 = 333.67
  });
});
