import {
  type AddStaffingShiftInput,
  CHANNEL_NAMES,
  type Channel,
  type ChannelHandling,
  defaultStaffingPlanSettings,
  formatMoney,
  type HourlyVolume,
  type SaveStaffingPlanInput,
  type StaffingPlanSettings,
  type UpdateStaffingShiftInput,
  WEEKDAY_LABELS,
  WEEKDAYS,
  type Weekday,
} from '@switchboard/domain';
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  cities,
  conversations,
  inboxes,
  staffingPlans,
  staffingShifts,
  users,
} from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { Refusal } from './refusal.ts';

export class StaffingError extends Refusal {}

const WEEK_MS = 7 * 86_400_000;
/** Enough for round-the-clock cover in several overlapping patterns, short of a runaway. */
const MAX_SHIFTS_PER_INBOX = 300;
/** The currency of a plan for an inbox that serves every city, until a lead sets one. */
const FALLBACK_CURRENCY = 'EUR';

/** The inbox a plan is for, with the time zone its shifts and history are read in. */
export async function staffingInbox(db: DatabaseOrTransaction, inboxId: string) {
  const [inbox] = await db
    .select({
      id: inboxes.id,
      code: inboxes.code,
      name: inboxes.name,
      channels: inboxes.channels,
      active: inboxes.active,
      cityName: cities.name,
      cityTimeZone: cities.timeZone,
      cityCurrency: cities.currency,
    })
    .from(inboxes)
    .leftJoin(cities, eq(cities.id, inboxes.cityId))
    .where(eq(inboxes.id, inboxId));
  if (!inbox) throw new StaffingError('NOT_FOUND', 'Inbox not found', 'inboxId');
  const { cityTimeZone, cityCurrency, ...rest } = inbox;
  return {
    ...rest,
    /** An inbox serving every city plans in UTC. */
    timeZone: cityTimeZone ?? 'UTC',
    currency: cityCurrency ?? FALLBACK_CURRENCY,
  };
}
export type StaffingInbox = Awaited<ReturnType<typeof staffingInbox>>;

/** Active inboxes to plan for, by name. */
export function listStaffingInboxes(db: Database) {
  return db
    .select({
      id: inboxes.id,
      code: inboxes.code,
      name: inboxes.name,
      cityName: cities.name,
    })
    .from(inboxes)
    .leftJoin(cities, eq(cities.id, inboxes.cityId))
    .where(eq(inboxes.active, true))
    .orderBy(asc(inboxes.name))
    .limit(500);
}

/**
 * Conversations created in the inbox over the last `weeks` weeks before `now`, counted in
 * SQL per week back, hour of week and channel. Hours of week are read in the inbox city's
 * time zone (UTC without a city): 0 is Monday 00:00–01:00 local. Weeks are the 7-day
 * stretches back from `now`, so each holds every hour of the week once.
 */
export async function staffingHistory(
  db: Database,
  params: { inboxId: string; weeks: number; now?: Date },
): Promise<HourlyVolume[]> {
  const now = params.now ?? new Date();
  const since = new Date(now.getTime() - params.weeks * WEEK_MS);
  const zone = sql`coalesce(${cities.timeZone}, 'UTC')`;
  const local = sql`(${conversations.createdAt} at time zone ${zone})`;
  const weeksAgo = sql<number>`floor(extract(epoch from (${now.toISOString()}::timestamptz - ${conversations.createdAt})) / ${WEEK_MS / 1000})::int`;
  const hourOfWeek = sql<number>`((extract(isodow from ${local})::int - 1) * 24 + extract(hour from ${local})::int)`;
  const rows = await db
    .select({
      weeksAgo: weeksAgo.as('weeks_ago'),
      hourOfWeek: hourOfWeek.as('hour_of_week'),
      channel: conversations.channel,
      conversations: sql<number>`count(*)::int`,
    })
    .from(conversations)
    .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
    .leftJoin(cities, eq(cities.id, inboxes.cityId))
    .where(
      and(
        eq(conversations.inboxId, params.inboxId),
        gt(conversations.createdAt, since),
        lte(conversations.createdAt, now),
      ),
    )
    .groupBy(sql`weeks_ago`, sql`hour_of_week`, conversations.channel);
  return rows.map((row) => ({
    weeksAgo: Number(row.weeksAgo),
    hourOfWeek: Number(row.hourOfWeek),
    channel: row.channel,
    conversations: Number(row.conversations),
  }));
}

const percent = (value: unknown) => `${Math.round(Number(value) * 1000) / 10}%`;

function handlingText(value: unknown): string {
  const handling = value as Partial<Record<Channel, ChannelHandling>>;
  return (
    Object.entries(handling)
      .map(([channel, { ahtSeconds, concurrency }]) => {
        const name = CHANNEL_NAMES[channel as Channel] ?? channel;
        return `${name} ${ahtSeconds} s${concurrency > 1 ? ` × ${concurrency} at once` : ''}`;
      })
      .join(', ') || 'none'
  );
}

const PLAN_LABELS = {
  serviceLevelTarget: { label: 'Service level target', format: percent },
  answerTargetSeconds: { label: 'Answer within', format: (value: unknown) => `${value} s` },
  shrinkage: { label: 'Shrinkage', format: percent },
  channelHandling: { label: 'Handling', format: handlingText },
  hourlyRate: { label: 'Hourly rate' },
};

function planForHistory(settings: StaffingPlanSettings) {
  return {
    serviceLevelTarget: settings.serviceLevelTarget,
    answerTargetSeconds: settings.answerTargetSeconds,
    shrinkage: settings.shrinkage,
    channelHandling: settings.channelHandling,
    hourlyRate: formatMoney({
      amountMinor: settings.hourlyRateMinor,
      currency: settings.currency,
    }),
  };
}

export interface StaffingPlanRecord {
  settings: StaffingPlanSettings;
  /** False: nobody saved one yet, these are the defaults. */
  saved: boolean;
  updatedAt: Date | null;
  updatedByName: string | null;
}

/**
 * The inbox's staffing plan, or the defaults for its channels and city currency when no one
 * has saved one yet (`saved: false`).
 */
export async function staffingPlanOf(
  db: DatabaseOrTransaction,
  inbox: StaffingInbox,
): Promise<StaffingPlanRecord> {
  const [row] = await db
    .select({
      serviceLevelTarget: staffingPlans.serviceLevelTarget,
      answerTargetSeconds: staffingPlans.answerTargetSeconds,
      shrinkage: staffingPlans.shrinkage,
      channelHandling: staffingPlans.channelHandling,
      hourlyRateMinor: staffingPlans.hourlyRateMinor,
      currency: staffingPlans.currency,
      updatedAt: staffingPlans.updatedAt,
      updatedByName: users.name,
    })
    .from(staffingPlans)
    .leftJoin(users, eq(users.id, staffingPlans.updatedById))
    .where(eq(staffingPlans.inboxId, inbox.id));
  if (!row) {
    return {
      settings: defaultStaffingPlanSettings(inbox.channels, inbox.currency),
      saved: false,
      updatedAt: null,
      updatedByName: null,
    };
  }
  const { updatedAt, updatedByName, ...settings } = row;
  return { settings: settings as StaffingPlanSettings, saved: true, updatedAt, updatedByName };
}

/**
 * Saves the inbox's plan (created the first time) and records the change, in one
 * transaction. Handling may only be set for channels the inbox takes.
 */
export async function saveStaffingPlan(
  db: Database,
  input: SaveStaffingPlanInput,
  actorId: string,
) {
  return db.transaction(async (tx) => {
    const inbox = await staffingInbox(tx, input.inboxId);
    for (const channel of Object.keys(input.channelHandling) as Channel[]) {
      if (!inbox.channels.includes(channel)) {
        throw new StaffingError(
          'BAD_REQUEST',
          `${inbox.name} does not take ${CHANNEL_NAMES[channel] ?? channel}`,
          `channelHandling.${channel}`,
        );
      }
    }
    const [existing] = await tx
      .select({ inboxId: staffingPlans.inboxId })
      .from(staffingPlans)
      .where(eq(staffingPlans.inboxId, input.inboxId))
      .for('update');
    const before = existing ? (await staffingPlanOf(tx, inbox)).settings : null;
    const { inboxId, ...settings } = input;
    const stored = { ...settings, updatedById: actorId, updatedAt: new Date() };
    await tx
      .insert(staffingPlans)
      .values({ inboxId, ...stored })
      .onConflictDoUpdate({ target: staffingPlans.inboxId, set: stored });
    await recordChange(tx, {
      entityType: 'staffing_plan',
      entityId: inboxId,
      entityName: inbox.name,
      action: before ? 'updated' : 'created',
      actorId,
      before: before ? planForHistory(before) : null,
      after: planForHistory(settings),
      labels: PLAN_LABELS,
    });
    return staffingPlanOf(tx, inbox);
  });
}

const shiftColumns = {
  id: staffingShifts.id,
  inboxId: staffingShifts.inboxId,
  weekday: staffingShifts.weekday,
  startsAt: staffingShifts.startsAt,
  endsAt: staffingShifts.endsAt,
  agents: staffingShifts.agents,
  note: staffingShifts.note,
  createdAt: staffingShifts.createdAt,
};

const weekdayOrder = sql`array_position(array[${sql.join(
  WEEKDAYS.map((day) => sql`${day}`),
  sql`, `,
)}]::text[], ${staffingShifts.weekday})`;

/** The inbox's weekly shifts, Monday first, earliest start first. */
export async function listStaffingShifts(db: DatabaseOrTransaction, inboxId: string) {
  const rows = await db
    .select(shiftColumns)
    .from(staffingShifts)
    .where(eq(staffingShifts.inboxId, inboxId))
    .orderBy(weekdayOrder, asc(staffingShifts.startsAt), asc(staffingShifts.id))
    .limit(MAX_SHIFTS_PER_INBOX);
  return rows.map((row) => ({ ...row, weekday: row.weekday as Weekday }));
}
export type StaffingShiftRow = Awaited<ReturnType<typeof listStaffingShifts>>[number];

const SHIFT_LABELS = {
  weekday: { label: 'Day', format: (value: unknown) => WEEKDAY_LABELS[value as Weekday] ?? '—' },
  startsAt: { label: 'Starts' },
  endsAt: { label: 'Ends' },
  agents: { label: 'Agents' },
  note: { label: 'Note' },
};

type ShiftFields = Pick<StaffingShiftRow, 'weekday' | 'startsAt' | 'endsAt' | 'agents' | 'note'>;

function shiftForHistory(shift: ShiftFields) {
  return {
    weekday: shift.weekday,
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
    agents: shift.agents,
    note: shift.note,
  };
}

function shiftName(inboxName: string, shift: ShiftFields) {
  const day = WEEKDAY_LABELS[shift.weekday].slice(0, 3);
  return `${inboxName} · ${day} ${shift.startsAt}–${shift.endsAt}`;
}

export async function addStaffingShift(
  db: Database,
  input: AddStaffingShiftInput,
  actorId: string,
) {
  return db.transaction(async (tx) => {
    const inbox = await staffingInbox(tx, input.inboxId);
    const [count] = await tx
      .select({ shifts: sql<number>`count(*)::int` })
      .from(staffingShifts)
      .where(eq(staffingShifts.inboxId, inbox.id));
    if ((count?.shifts ?? 0) >= MAX_SHIFTS_PER_INBOX) {
      throw new StaffingError(
        'CONFLICT',
        `${inbox.name} has ${MAX_SHIFTS_PER_INBOX} shifts already; change or remove one instead`,
      );
    }
    const fields = shiftForHistory(input);
    const [created] = await tx
      .insert(staffingShifts)
      .values({ inboxId: inbox.id, ...fields, createdById: actorId })
      .returning(shiftColumns);
    await recordChange(tx, {
      entityType: 'staffing_shift',
      entityId: created!.id,
      entityName: shiftName(inbox.name, input),
      action: 'created',
      actorId,
      before: null,
      after: fields,
      labels: SHIFT_LABELS,
    });
    return { ...created!, weekday: created!.weekday as Weekday };
  });
}

/** The shift and its inbox, locked for the change; NOT_FOUND naming `id` otherwise. */
async function shiftForChange(tx: DatabaseOrTransaction, id: string) {
  const [shift] = await tx
    .select(shiftColumns)
    .from(staffingShifts)
    .where(eq(staffingShifts.id, id))
    .for('update');
  if (!shift) throw new StaffingError('NOT_FOUND', 'Shift not found', 'id');
  const inbox = await staffingInbox(tx, shift.inboxId);
  return { shift: { ...shift, weekday: shift.weekday as Weekday }, inbox };
}

export async function updateStaffingShift(
  db: Database,
  input: UpdateStaffingShiftInput,
  actorId: string,
) {
  return db.transaction(async (tx) => {
    const { shift, inbox } = await shiftForChange(tx, input.id);
    const fields = shiftForHistory(input);
    const [updated] = await tx
      .update(staffingShifts)
      .set(fields)
      .where(eq(staffingShifts.id, input.id))
      .returning(shiftColumns);
    await recordChange(tx, {
      entityType: 'staffing_shift',
      entityId: input.id,
      entityName: shiftName(inbox.name, input),
      action: 'updated',
      actorId,
      before: shiftForHistory(shift),
      after: fields,
      labels: SHIFT_LABELS,
    });
    return { ...updated!, weekday: updated!.weekday as Weekday };
  });
}

export async function removeStaffingShift(db: Database, id: string, actorId: string) {
  return db.transaction(async (tx) => {
    const { shift, inbox } = await shiftForChange(tx, id);
    await tx.delete(staffingShifts).where(eq(staffingShifts.id, id));
    await recordChange(tx, {
      entityType: 'staffing_shift',
      entityId: id,
      entityName: shiftName(inbox.name, shift),
      action: 'deleted',
      actorId,
      before: shiftForHistory(shift),
      after: null,
      labels: SHIFT_LABELS,
    });
    return { id, inboxId: shift.inboxId };
  });
}
