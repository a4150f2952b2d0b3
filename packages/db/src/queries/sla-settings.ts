import {
  type BusinessCalendarChangeView,
  type BusinessCalendarInput,
  businessCalendarInputSchema,
  DEFAULT_SLA_POLICY_TARGETS,
  type DeleteBusinessCalendarInput,
  deleteBusinessCalendarInputSchema,
  describeBusinessCalendarChange,
  describeSlaPolicyChange,
  type Priority,
  type SaveSlaPolicyInput,
  type SlaPriorityTargets,
  saveSlaPolicyInputSchema,
  slaPolicyWarnings,
  type UpdateBusinessCalendarInput,
  updateBusinessCalendarInputSchema,
  WEEKDAYS,
  weeklyOpenMinutes,
} from '@switchboard/domain';
import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { businessCalendars, cities, inboxes, slaPolicies, teams, users } from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { Refusal } from './refusal.ts';

/*
 * Business calendars and SLA policies as leads edit them in the console. The clocks read
 * them through sla-schedule.ts when they start or restart; a change here never moves a due
 * time already stored.
 */

export class SlaSettingsError extends Refusal {}

export interface SlaChangeContext {
  actorId: string | null;
  /** When the change happened (the seed backdates its setup); now by default. */
  now?: Date;
}

// --- Calendars --------------------------------------------------------------------------------

function selectCalendars(db: DatabaseOrTransaction) {
  return db
    .select({
      id: businessCalendars.id,
      name: businessCalendars.name,
      cityCode: cities.code,
      cityName: cities.name,
      timeZone: businessCalendars.timeZone,
      alwaysOpen: businessCalendars.alwaysOpen,
      weekly: businessCalendars.weekly,
      holidays: businessCalendars.holidays,
      updatedAt: businessCalendars.updatedAt,
    })
    .from(businessCalendars)
    .leftJoin(cities, eq(cities.id, businessCalendars.cityId));
}

/** The inboxes whose SLA policy counts in each of these calendars, by name. */
async function inboxesUsing(db: DatabaseOrTransaction, calendarIds: readonly string[]) {
  const using = new Map<string, Array<{ id: string; code: string; name: string }>>();
  if (calendarIds.length === 0) return using;
  const rows = await db
    .select({
      calendarId: slaPolicies.calendarId,
      id: inboxes.id,
      code: inboxes.code,
      name: inboxes.name,
    })
    .from(slaPolicies)
    .innerJoin(inboxes, eq(inboxes.id, slaPolicies.inboxId))
    .where(and(isNotNull(slaPolicies.calendarId), inArray(slaPolicies.calendarId, calendarIds)))
    .orderBy(asc(inboxes.name));
  for (const { calendarId, ...inbox } of rows) {
    const list = using.get(calendarId!) ?? [];
    list.push(inbox);
    using.set(calendarId!, list);
  }
  return using;
}

type CalendarRow = Awaited<ReturnType<typeof selectCalendars>>[number];

function withFigures(
  row: CalendarRow,
  using: Map<string, Array<{ id: string; code: string; name: string }>>,
) {
  return {
    ...row,
    weeklyOpenMinutes: weeklyOpenMinutes(row),
    holidayCount: row.holidays.length,
    inboxes: using.get(row.id) ?? [],
  };
}

export type BusinessCalendarRow = ReturnType<typeof withFigures>;

/**
 * Every calendar (configuration: a few per city), by name, with its city, weekly open
 * minutes, number of holidays and the inboxes whose SLA counts in it.
 */
export async function listBusinessCalendars(db: DatabaseOrTransaction) {
  const rows = await selectCalendars(db).orderBy(asc(businessCalendars.name));
  const using = await inboxesUsing(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => withFigures(row, using));
}

export async function businessCalendarById(db: DatabaseOrTransaction, id: string) {
  const [row] = await selectCalendars(db).where(eq(businessCalendars.id, id));
  if (!row) throw new SlaSettingsError('NOT_FOUND', 'There is no such calendar', 'id');
  return withFigures(row, await inboxesUsing(db, [id]));
}

/** Cities a calendar can belong to, with the time zone a new calendar starts from. */
export function listCalendarCities(db: DatabaseOrTransaction) {
  return db
    .select({ code: cities.code, name: cities.name, timeZone: cities.timeZone })
    .from(cities)
    .orderBy(asc(cities.name));
}

async function cityByCode(tx: DatabaseOrTransaction, cityCode: string | null) {
  if (cityCode === null) return null;
  const [city] = await tx
    .select({ id: cities.id, name: cities.name })
    .from(cities)
    .where(eq(cities.code, cityCode));
  if (!city) {
    throw new SlaSettingsError('BAD_REQUEST', `There is no city ${cityCode}`, 'cityCode');
  }
  return city;
}

/** Names differing only in case would read as the same calendar in every picker. */
async function refuseTakenName(tx: DatabaseOrTransaction, name: string, exceptId?: string) {
  const [taken] = await tx
    .select({ name: businessCalendars.name })
    .from(businessCalendars)
    .where(
      and(
        sql`lower(${businessCalendars.name}) = lower(${name})`,
        exceptId ? ne(businessCalendars.id, exceptId) : undefined,
      ),
    );
  if (taken) {
    throw new SlaSettingsError(
      'CONFLICT',
      `A calendar called “${taken.name}” exists already`,
      'name',
    );
  }
}

/** Weekly hours as stored: days in week order, each day's intervals sorted, closed days left out. */
function storedWeekly(weekly: BusinessCalendarInput['weekly']) {
  const stored: Partial<Record<(typeof WEEKDAYS)[number], Array<[string, string]>>> = {};
  for (const day of WEEKDAYS) {
    const intervals = weekly[day] ?? [];
    if (intervals.length > 0) {
      stored[day] = [...intervals]
        .map(([from, to]): [string, string] => [from, to])
        .sort(([a], [b]) => a.localeCompare(b));
    }
  }
  return stored;
}

function changeView(
  calendar: Omit<BusinessCalendarChangeView, 'city'>,
  city: { name: string } | null,
): BusinessCalendarChangeView {
  return {
    name: calendar.name,
    city: city?.name ?? null,
    timeZone: calendar.timeZone,
    alwaysOpen: calendar.alwaysOpen,
    weekly: calendar.weekly,
    holidays: calendar.holidays,
  };
}

export async function createBusinessCalendar(
  db: DatabaseOrTransaction,
  input: BusinessCalendarInput,
  context: SlaChangeContext,
) {
  const { cityCode, rolloutNote, ...settings } = businessCalendarInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const city = await cityByCode(tx, cityCode);
    await refuseTakenName(tx, settings.name);
    const now = context.now ?? new Date();
    const stored = { ...settings, weekly: storedWeekly(settings.weekly) };
    const [created] = await tx
      .insert(businessCalendars)
      .values({ ...stored, cityId: city?.id ?? null, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: businessCalendars.name })
      .returning({ id: businessCalendars.id });
    if (!created) {
      throw new SlaSettingsError(
        'CONFLICT',
        `A calendar called “${settings.name}” exists already`,
        'name',
      );
    }
    await recordChange(tx, {
      entityType: 'sla_calendar',
      entityId: created.id,
      entityName: settings.name,
      action: 'created',
      actorId: context.actorId,
      before: null,
      after: changeView(stored, city),
      diff: describeBusinessCalendarChange(null, changeView(stored, city)),
      rolloutNote,
    });
    return businessCalendarById(tx, created.id);
  });
}

/** Replaces a calendar's settings. Saving what is stored records nothing. */
export async function updateBusinessCalendar(
  db: DatabaseOrTransaction,
  input: UpdateBusinessCalendarInput,
  context: SlaChangeContext,
) {
  const { id, cityCode, rolloutNote, ...settings } = updateBusinessCalendarInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        name: businessCalendars.name,
        cityName: cities.name,
        timeZone: businessCalendars.timeZone,
        alwaysOpen: businessCalendars.alwaysOpen,
        weekly: businessCalendars.weekly,
        holidays: businessCalendars.holidays,
      })
      .from(businessCalendars)
      .leftJoin(cities, eq(cities.id, businessCalendars.cityId))
      .where(eq(businessCalendars.id, id))
      .for('update', { of: businessCalendars });
    if (!before) throw new SlaSettingsError('NOT_FOUND', 'There is no such calendar', 'id');
    const city = await cityByCode(tx, cityCode);
    await refuseTakenName(tx, settings.name, id);
    const stored = { ...settings, weekly: storedWeekly(settings.weekly) };
    const beforeView = changeView(before, before.cityName ? { name: before.cityName } : null);
    const afterView = changeView(stored, city);
    const diff = describeBusinessCalendarChange(beforeView, afterView);
    if (diff.length === 0) return businessCalendarById(tx, id);
    await tx
      .update(businessCalendars)
      .set({ ...stored, cityId: city?.id ?? null, updatedAt: context.now ?? new Date() })
      .where(eq(businessCalendars.id, id));
    await recordChange(tx, {
      entityType: 'sla_calendar',
      entityId: id,
      entityName: settings.name,
      action: 'updated',
      actorId: context.actorId,
      before: beforeView,
      after: afterView,
      diff,
      rolloutNote,
    });
    return businessCalendarById(tx, id);
  });
}

/** Deletes a calendar no SLA policy counts in; one in use is refused, naming its inboxes. */
export async function deleteBusinessCalendar(
  db: DatabaseOrTransaction,
  input: DeleteBusinessCalendarInput,
  context: SlaChangeContext,
) {
  const { id, rolloutNote } = deleteBusinessCalendarInputSchema.parse(input);
  return db.transaction(async (tx) => {
    // Locked first: a policy being saved with this calendar waits, then finds it gone.
    const [before] = await tx
      .select({
        name: businessCalendars.name,
        cityName: cities.name,
        timeZone: businessCalendars.timeZone,
        alwaysOpen: businessCalendars.alwaysOpen,
        weekly: businessCalendars.weekly,
        holidays: businessCalendars.holidays,
      })
      .from(businessCalendars)
      .leftJoin(cities, eq(cities.id, businessCalendars.cityId))
      .where(eq(businessCalendars.id, id))
      .for('update', { of: businessCalendars });
    if (!before) throw new SlaSettingsError('NOT_FOUND', 'There is no such calendar', 'id');
    const using = (await inboxesUsing(tx, [id])).get(id) ?? [];
    if (using.length > 0) {
      const names = using.map((inbox) => inbox.name);
      throw new SlaSettingsError(
        'CONFLICT',
        `${before.name} is the calendar of ${names.join(', ')}: give ${
          using.length === 1 ? 'that inbox' : 'those inboxes'
        } another calendar first`,
      );
    }
    await tx.delete(businessCalendars).where(eq(businessCalendars.id, id));
    await recordChange(tx, {
      entityType: 'sla_calendar',
      entityId: id,
      entityName: before.name,
      action: 'deleted',
      actorId: context.actorId,
      before: changeView(before, before.cityName ? { name: before.cityName } : null),
      after: null,
      diff: [`Deleted the calendar ${before.name}`],
      rolloutNote,
    });
    return { id };
  });
}

// --- Policies ---------------------------------------------------------------------------------

function selectInboxPolicies(db: DatabaseOrTransaction) {
  return db
    .select({
      inboxId: inboxes.id,
      inboxCode: inboxes.code,
      inboxName: inboxes.name,
      audience: inboxes.audience,
      active: inboxes.active,
      cityName: cities.name,
      teamName: teams.name,
      policyId: slaPolicies.id,
      calendarId: slaPolicies.calendarId,
      calendarName: businessCalendars.name,
      calendarAlwaysOpen: businessCalendars.alwaysOpen,
      targets: slaPolicies.targets,
      updatedAt: slaPolicies.updatedAt,
      updatedByName: users.name,
    })
    .from(inboxes)
    .innerJoin(teams, eq(teams.id, inboxes.teamId))
    .leftJoin(cities, eq(cities.id, inboxes.cityId))
    .leftJoin(slaPolicies, eq(slaPolicies.inboxId, inboxes.id))
    .leftJoin(businessCalendars, eq(businessCalendars.id, slaPolicies.calendarId))
    .leftJoin(users, eq(users.id, slaPolicies.updatedById));
}

type InboxPolicyRow = Awaited<ReturnType<typeof selectInboxPolicies>>[number];

/** An inbox's SLA as the console shows it: its own policy, or the defaults it runs on. */
function inboxPolicy(row: InboxPolicyRow) {
  const targets: Record<Priority, SlaPriorityTargets> = row.targets ?? DEFAULT_SLA_POLICY_TARGETS;
  return {
    inboxId: row.inboxId,
    inboxCode: row.inboxCode,
    inboxName: row.inboxName,
    audience: row.audience,
    active: row.active,
    cityName: row.cityName,
    teamName: row.teamName,
    source: row.policyId ? ('policy' as const) : ('defaults' as const),
    policyId: row.policyId,
    calendarId: row.calendarId,
    calendarName: row.calendarName,
    calendarAlwaysOpen: row.calendarAlwaysOpen,
    targets,
    warnings: slaPolicyWarnings(targets),
    updatedAt: row.updatedAt,
    updatedByName: row.updatedByName,
  };
}

export type InboxSlaPolicy = ReturnType<typeof inboxPolicy>;

/** Every active inbox with its SLA policy, or 'defaults' where it has none (tens of inboxes). */
export async function listSlaPolicies(db: DatabaseOrTransaction) {
  const rows = await selectInboxPolicies(db)
    .where(eq(inboxes.active, true))
    .orderBy(asc(inboxes.name), asc(inboxes.code));
  return rows.map(inboxPolicy);
}

/** One inbox's SLA policy, or the defaults when it has none. */
export async function slaPolicyOfInbox(db: DatabaseOrTransaction, inboxId: string) {
  const [row] = await selectInboxPolicies(db).where(eq(inboxes.id, inboxId));
  if (!row) throw new SlaSettingsError('NOT_FOUND', 'There is no such inbox', 'inboxId');
  return inboxPolicy(row);
}

/**
 * Creates or replaces an inbox's SLA policy. Refuses, naming the field, an inbox or calendar
 * that does not exist; targets that look inverted are returned as warnings, never refused.
 * Saving what is stored records nothing. Due times already stored stay as they are: the new
 * targets apply to clocks that start (or restart) from now on.
 */
export async function saveSlaPolicy(
  db: DatabaseOrTransaction,
  input: SaveSlaPolicyInput,
  context: SlaChangeContext,
) {
  const policy = saveSlaPolicyInputSchema.parse(input);
  const result = await db.transaction(async (tx) => {
    const [inbox] = await tx
      .select({ id: inboxes.id, name: inboxes.name })
      .from(inboxes)
      .where(eq(inboxes.id, policy.inboxId));
    if (!inbox) throw new SlaSettingsError('BAD_REQUEST', 'There is no such inbox', 'inboxId');
    let calendar: { id: string; name: string } | undefined;
    if (policy.calendarId !== null) {
      // Shared lock: a calendar being deleted is either gone when we read it or stays.
      [calendar] = await tx
        .select({ id: businessCalendars.id, name: businessCalendars.name })
        .from(businessCalendars)
        .where(eq(businessCalendars.id, policy.calendarId))
        .for('share');
      if (!calendar) {
        throw new SlaSettingsError('BAD_REQUEST', 'There is no such calendar', 'calendarId');
      }
    }
    // One save at a time per inbox, so the history's before is the stored one.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`sla-policy:${inbox.id}`}, 0))`,
    );
    const [before] = await tx
      .select({
        id: slaPolicies.id,
        targets: slaPolicies.targets,
        calendarName: businessCalendars.name,
      })
      .from(slaPolicies)
      .leftJoin(businessCalendars, eq(businessCalendars.id, slaPolicies.calendarId))
      .where(eq(slaPolicies.inboxId, inbox.id));
    const beforeView = before ? { calendar: before.calendarName, targets: before.targets } : null;
    const afterView = { calendar: calendar?.name ?? null, targets: policy.targets };
    const diff = describeSlaPolicyChange(beforeView, afterView);
    if (before && diff.length === 0) return { changed: false };
    const now = context.now ?? new Date();
    const [saved] = await tx
      .insert(slaPolicies)
      .values({
        inboxId: inbox.id,
        calendarId: calendar?.id ?? null,
        targets: policy.targets,
        updatedById: context.actorId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: slaPolicies.inboxId,
        set: {
          calendarId: calendar?.id ?? null,
          targets: policy.targets,
          updatedById: context.actorId,
          updatedAt: now,
        },
      })
      .returning({ id: slaPolicies.id });
    await recordChange(tx, {
      entityType: 'sla_policy',
      entityId: saved!.id,
      entityName: `SLA of ${inbox.name}`,
      action: before ? 'updated' : 'created',
      actorId: context.actorId,
      before: beforeView,
      after: afterView,
      diff,
      rolloutNote: policy.rolloutNote,
    });
    return { changed: true };
  });
  return { ...(await slaPolicyOfInbox(db, policy.inboxId)), changed: result.changed };
}
