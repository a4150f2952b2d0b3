import { DEFAULT_CHANNEL_HANDLING, type Weekday } from '@switchboard/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { cities, inboxes, staffingPlans, staffingShifts, users } from '../schema/index.ts';
import { DEMO_EMAIL_DOMAIN, DEMO_INBOXES } from './organisation.ts';

interface DemoShift {
  days: readonly Weekday[];
  startsAt: string;
  endsAt: string;
  agents: number;
  note: string;
}

const WEEKDAYS_ONLY = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const WEEKEND = ['sat', 'sun'] as const;

/*
 * City teams cover the day well and the evening thinly, and nobody covers the small hours
 * (except Friday night out in Lisbon), while riders still write at 01:00 — the gaps a
 * lead would spot on the staffing page.
 */
const GUEST_SHIFTS: readonly DemoShift[] = [
  { days: WEEKDAYS_ONLY, startsAt: '07:00', endsAt: '15:00', agents: 2, note: 'Early' },
  { days: WEEKDAYS_ONLY, startsAt: '15:00', endsAt: '23:00', agents: 2, note: 'Late' },
  { days: WEEKEND, startsAt: '09:00', endsAt: '17:00', agents: 1, note: 'Weekend day' },
  { days: WEEKEND, startsAt: '17:00', endsAt: '22:30', agents: 1, note: 'Weekend evening' },
];
const DRIVER_SHIFTS: readonly DemoShift[] = [
  { days: WEEKDAYS_ONLY, startsAt: '07:00', endsAt: '15:00', agents: 1, note: 'Early' },
  { days: WEEKDAYS_ONLY, startsAt: '11:00', endsAt: '19:30', agents: 1, note: 'Payouts desk' },
  { days: WEEKDAYS_ONLY, startsAt: '15:00', endsAt: '23:00', agents: 1, note: 'Late' },
  { days: WEEKEND, startsAt: '09:00', endsAt: '17:00', agents: 1, note: 'Weekend day' },
];
const ESCALATION_SHIFTS: readonly DemoShift[] = [
  { days: WEEKDAYS_ONLY, startsAt: '08:00', endsAt: '17:00', agents: 2, note: 'Office hours' },
];
const LISBON_NIGHT: DemoShift = {
  days: ['fri', 'sat'],
  startsAt: '23:00',
  endsAt: '03:00',
  agents: 1,
  note: 'Night out cover',
};

/** Hourly cost of an agent, in minor units of the city's currency. */
const HOURLY_RATES: Record<string, number> = { EUR: 1450, AED: 4800, MXN: 9500, GBP: 1650 };

function shiftsFor(code: string, audience: string, cityCode: string | null): DemoShift[] {
  if (cityCode === null) return [...ESCALATION_SHIFTS];
  if (audience === 'driver') return [...DRIVER_SHIFTS];
  return code === 'LIS_GUEST' ? [...GUEST_SHIFTS, LISBON_NIGHT] : [...GUEST_SHIFTS];
}

/**
 * A staffing plan and a week of shifts for every demo inbox that has no plan yet, set up by
 * the demo lead. Inboxes already planned are left as they are, so seeding an older demo
 * database again adds plans without touching the ones a lead has edited.
 */
export async function insertDemoStaffing(
  db: DatabaseOrTransaction,
  createdAt: Date,
): Promise<{ staffingPlans: number; staffingShifts: number }> {
  const [lead] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, `lead@${DEMO_EMAIL_DOMAIN}`));
  const rows = await db
    .select({
      id: inboxes.id,
      code: inboxes.code,
      audience: inboxes.audience,
      channels: inboxes.channels,
      cityCode: cities.code,
      currency: cities.currency,
    })
    .from(inboxes)
    .leftJoin(cities, eq(cities.id, inboxes.cityId))
    .where(
      and(
        eq(inboxes.active, true),
        inArray(
          inboxes.code,
          DEMO_INBOXES.map((inbox) => inbox.code),
        ),
      ),
    );
  if (rows.length === 0) return { staffingPlans: 0, staffingShifts: 0 };
  const planned = new Set(
    (
      await db
        .select({ inboxId: staffingPlans.inboxId })
        .from(staffingPlans)
        .where(
          inArray(
            staffingPlans.inboxId,
            rows.map((row) => row.id),
          ),
        )
    ).map((row) => row.inboxId),
  );
  const unplanned = rows.filter((row) => !planned.has(row.id));
  if (unplanned.length === 0) return { staffingPlans: 0, staffingShifts: 0 };

  await db.insert(staffingPlans).values(
    unplanned.map((inbox) => {
      const currency = inbox.currency ?? 'EUR';
      const escalations = inbox.cityCode === null;
      return {
        inboxId: inbox.id,
        // Escalations answer slower but each case takes longer.
        serviceLevelTarget: escalations ? 0.9 : 0.8,
        answerTargetSeconds: escalations ? 300 : 60,
        shrinkage: 0.3,
        channelHandling: Object.fromEntries(
          inbox.channels.map((channel) => {
            const handling = DEFAULT_CHANNEL_HANDLING[channel];
            return [
              channel,
              escalations ? { ...handling, ahtSeconds: handling.ahtSeconds * 2 } : handling,
            ];
          }),
        ),
        hourlyRateMinor: Math.round((HOURLY_RATES[currency] ?? 1500) * (escalations ? 1.4 : 1)),
        currency,
        updatedById: lead?.id ?? null,
        updatedAt: createdAt,
      };
    }),
  );
  const shifts = unplanned.flatMap((inbox) =>
    shiftsFor(inbox.code, inbox.audience, inbox.cityCode).flatMap((shift) =>
      shift.days.map((weekday) => ({
        inboxId: inbox.id,
        weekday,
        startsAt: shift.startsAt,
        endsAt: shift.endsAt,
        agents: shift.agents,
        note: shift.note,
        createdById: lead?.id ?? null,
        createdAt,
      })),
    ),
  );
  if (shifts.length > 0) await db.insert(staffingShifts).values(shifts);
  return { staffingPlans: unplanned.length, staffingShifts: shifts.length };
}
