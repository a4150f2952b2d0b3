import {
  CHANNELS,
  type Channel,
  DEFAULT_SLA_SCHEDULE,
  datasetFromEvents,
  KPI_SLICES,
  type KpiConversation,
  type KpiEvent,
  type KpiQuery,
  PRIORITIES,
  type Priority,
  referenceBreakdown,
  referenceKpis,
  type SlaSchedule,
  type Trip,
} from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.ts';
import { rowsOf } from '../migrate.ts';
import {
  bookings,
  businessCalendars,
  categories,
  contacts,
  conversationEvents,
  conversations,
  inboxes,
  requestTypes,
  slaPolicies,
  teams,
  users,
} from '../schema/index.ts';
import { createCityInboxFixture, createIsolatedTestDatabase, uniqueSuffix } from '../testing.ts';
import { kpiBreakdown, kpiFigures } from './kpi.ts';
import { KPI_DURATION_BOUNDS } from './kpi-durations.ts';
import { refreshKpiFacts, writeKpiFacts } from './kpi-facts.ts';

/*
 * The KPI engine's two implementations must agree exactly: a seeded generator writes a
 * month and a half of conversations with random histories (replies, pauses, priority changes,
 * transfers, escalations, resolutions, reopens, ratings) into a database of their own, the
 * server's path derives their facts (and the triggers their daily rollups), and every KPI —
 * for the whole organisation, filtered and broken down by each slice, over periods whose
 * edges fall anywhere in a day — is computed by the SQL and by the reference over the raw
 * events.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = new Date('2026-11-20T10:17:00Z');

/** Mulberry32: a small seeded generator, so a failure replays. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof seeded>;

/** Lisbon weekdays 09:00–18:00 with a holiday inside the window: business time differs. */
const LISBON_BUSINESS: SlaSchedule = {
  calendar: {
    timeZone: 'Europe/Lisbon',
    weekly: Object.fromEntries(
      (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, [['09:00', '18:00']]]),
    ),
    holidays: ['2026-11-01', '2026-10-05'],
  },
  targets: Object.fromEntries(
    PRIORITIES.map((priority, index) => [
      priority,
      {
        firstResponse: { minutes: 30 * (index + 1), businessHours: true },
        nextResponse: { minutes: 60 * (index + 1), businessHours: true },
        resolution: { minutes: 8 * 60 * (index + 1), businessHours: index > 0 },
      },
    ]),
  ) as SlaSchedule['targets'],
};

interface Generated {
  conversation: KpiConversation;
  events: KpiEvent[];
}

interface World {
  inboxIds: string[];
  inboxAudience: Map<string, 'guest' | 'driver'>;
  agentIds: string[];
  requestTypeIds: Array<string | null>;
  cityId: string;
}

/** One conversation's history, following the rules the server applies. */
function generateConversation(random: Random, world: World, id: string): Generated {
  const createdAt = new Date(
    NOW.getTime() - random.int(2 * HOUR, 45 * DAY) + random.int(0, 59) * 1000,
  );
  const firstInbox = random.pick(world.inboxIds);
  let inboxId = firstInbox;
  let priority: Priority = random.pick(PRIORITIES);
  let status: KpiConversation['status'] = 'open';
  let assigneeId: string | null = random.chance(0.8) ? random.pick(world.agentIds) : null;
  const events: KpiEvent[] = [];
  let at = createdAt;
  const push = (type: KpiEvent['type'], actorType: KpiEvent['actorType'], payload = {}) =>
    events.push({ type, actorType, payload, occurredAt: at });
  push('created', 'contact', { inboxId });
  push('message_received', 'contact');
  if (random.chance(0.9)) push('routed', 'system', { inboxId, priority });
  const steps = random.int(0, 9);
  for (let step = 0; step < steps; step += 1) {
    const next = new Date(
      at.getTime() +
        random.int(1, random.chance(0.3) ? 3 * DAY : 6 * HOUR) +
        random.int(0, 59) * 1000,
    );
    if (next >= NOW) break;
    at = next;
    const roll = random.next();
    if (status === 'closed') break;
    if (status === 'resolved') {
      if (roll < 0.35) {
        push('message_received', 'contact');
        push('reopened', 'system', { from: 'resolved' });
        status = 'open';
      } else if (roll < 0.7) {
        push('csat_received', 'contact', { rating: random.int(1, 5) });
      } else if (roll < 0.8) {
        push('closed', 'agent', { from: 'resolved' });
        status = 'closed';
      }
      continue;
    }
    if (status === 'pending' || status === 'snoozed') {
      if (roll < 0.5) {
        push('message_received', 'contact');
        push('status_changed', 'system', { from: status, to: 'open' });
      } else if (roll < 0.8) {
        push('status_changed', 'agent', { from: status, to: 'open' });
      } else {
        push('resolved', 'agent', { from: status });
        push('csat_requested', 'system', {});
        status = 'resolved';
        continue;
      }
      status = 'open';
      continue;
    }
    if (roll < 0.3) {
      push('reply_sent', 'agent');
      assigneeId ??= random.pick(world.agentIds);
    } else if (roll < 0.4) push('message_received', 'contact');
    else if (roll < 0.45) push('note_added', 'agent');
    else if (roll < 0.52) {
      push('status_changed', 'agent', { from: 'open', to: 'pending' });
      status = 'pending';
    } else if (roll < 0.56) {
      push('status_changed', 'agent', { from: 'open', to: 'snoozed' });
      status = 'snoozed';
    } else if (roll < 0.62) {
      const to = random.pick(PRIORITIES.filter((candidate) => candidate !== priority));
      push('priority_changed', 'agent', { from: priority, to });
      priority = to;
    } else if (roll < 0.67) {
      const to = random.pick(world.inboxIds.filter((candidate) => candidate !== inboxId));
      push('transferred', 'agent', { fromInboxId: inboxId, toInboxId: to });
      inboxId = to;
    } else if (roll < 0.72) {
      push('escalation_updated', 'agent', { move: random.chance(0.8) ? 'sent' : 'resolved' });
    } else if (roll < 0.74) {
      push('reply_sent', 'bot');
    } else {
      push('resolved', 'agent', { from: 'open' });
      if (random.chance(0.8)) push('csat_requested', 'system', {});
      status = 'resolved';
    }
  }
  return {
    conversation: {
      id,
      audience: world.inboxAudience.get(inboxId)!,
      channel: random.pick(CHANNELS) as Channel,
      cityId: world.cityId,
      inboxId,
      assigneeId,
      requestTypeId: random.pick(world.requestTypeIds),
      priority,
      status,
      createdAt,
    },
    events,
  };
}

let handle: DatabaseHandle;
let world: World;
let teamIds: string[];
const generated: Generated[] = [];
const trips: Trip[] = [];
const schedules = new Map<string, SlaSchedule>();
const inboxTeams = new Map<string, string>();

beforeAll(async () => {
  handle = await createIsolatedTestDatabase();
  const { db } = handle;
  const random = seeded(20261120);
  const guest = await createCityInboxFixture(db, { audience: 'guest' });
  const suffix = uniqueSuffix();
  const [driverTeam] = await db
    .insert(teams)
    .values({ code: `KPI_DRIVERS_${suffix}`, name: `Drivers ${suffix}`, kind: 'support_l1' })
    .returning();
  const [driverInbox] = await db
    .insert(inboxes)
    .values({
      code: `KPI_DRIVER_${suffix}`,
      name: `Driver inbox ${suffix}`,
      audience: 'driver',
      cityId: guest.city.id,
      teamId: driverTeam!.id,
    })
    .returning();
  const [calendar] = await db
    .insert(businessCalendars)
    .values({
      name: `Lisbon weekdays ${suffix}`,
      cityId: guest.city.id,
      timeZone: 'Europe/Lisbon',
      alwaysOpen: false,
      weekly: LISBON_BUSINESS.calendar.weekly,
      holidays: LISBON_BUSINESS.calendar.holidays.map((date) => ({
        date,
        name: 'Holiday',
        yearly: false,
      })),
    })
    .returning();
  await db.insert(slaPolicies).values({
    inboxId: guest.inbox.id,
    calendarId: calendar!.id,
    targets: LISBON_BUSINESS.targets,
  });
  schedules.set(guest.inbox.id, LISBON_BUSINESS);
  schedules.set(driverInbox!.id, DEFAULT_SLA_SCHEDULE);
  inboxTeams.set(guest.inbox.id, guest.team.id);
  inboxTeams.set(driverInbox!.id, driverTeam!.id);
  teamIds = [guest.team.id, driverTeam!.id];

  const agents = await db
    .insert(users)
    .values(
      [1, 2, 3].map((n) => ({
        id: `kpi-agent-${n}-${suffix}`,
        name: `KPI agent ${n}`,
        email: `kpi-agent-${n}-${suffix}@switchboard.test`,
      })),
    )
    .returning({ id: users.id });
  const [category] = await db
    .insert(categories)
    .values({ code: `KPI_CAT_${suffix}`, name: 'KPI category' })
    .returning();
  const types = await db
    .insert(requestTypes)
    .values(
      ['A', 'B'].map((letter) => ({
        code: `KPI_TYPE_${letter}_${suffix}`,
        name: `KPI type ${letter}`,
        categoryId: category!.id,
        audience: 'guest' as const,
      })),
    )
    .returning({ id: requestTypes.id });
  world = {
    inboxIds: [guest.inbox.id, driverInbox!.id],
    inboxAudience: new Map([
      [guest.inbox.id, 'guest'],
      [driverInbox!.id, 'driver'],
    ]),
    agentIds: agents.map((agent) => agent.id),
    requestTypeIds: [...types.map((type) => type.id), null],
    cityId: guest.city.id,
  };

  const [contact] = await db
    .insert(contacts)
    .values({ audience: 'guest', name: 'KPI contact', cityId: guest.city.id })
    .returning();
  for (let index = 0; index < 400; index += 1) {
    generated.push(generateConversation(random, world, crypto.randomUUID()));
  }
  await db.insert(conversations).values(
    generated.map(({ conversation }) => ({
      ...conversation,
      contactId: contact!.id,
      subject: 'KPI agreement',
    })),
  );
  const eventRows = generated.flatMap(({ conversation, events }) =>
    events.map((event) => ({ conversationId: conversation.id, ...event, actorUserId: null })),
  );
  for (let start = 0; start < eventRows.length; start += 1_000) {
    await db.insert(conversationEvents).values(eventRows.slice(start, start + 1_000));
  }
  for (let index = 0; index < 900; index += 1) {
    const trip = {
      cityId: guest.city.id,
      scheduledAt: new Date(NOW.getTime() - random.int(0, 70 * DAY)),
    };
    trips.push(trip);
  }
  await db.insert(bookings).values(
    trips.map((trip, index) => ({
      reference: `KPI-${suffix}-${index}`,
      cityId: trip.cityId,
      pickupAddress: 'Rua Augusta 1',
      dropoffAddress: 'Aeroporto',
      scheduledAt: trip.scheduledAt,
      fareAmountMinor: 1_500,
      currency: 'EUR',
      status: 'completed' as const,
    })),
  );
  await writeKpiFacts(
    db,
    generated.map(({ conversation }) => conversation.id),
    NOW,
  );
}, 60_000);
afterAll(() => handle.close());

function reference() {
  return datasetFromEvents({
    conversations: generated.map(({ conversation }) => conversation),
    events: new Map(generated.map(({ conversation, events }) => [conversation.id, events])),
    schedules,
    inboxTeams,
    trips,
  });
}

function queries(): Array<{ name: string; query: KpiQuery }> {
  const base = {
    from: new Date(NOW.getTime() - 30 * DAY),
    to: NOW,
    timeZone: 'Europe/Lisbon',
  };
  return [
    { name: 'last 30 days, the whole organisation', query: base },
    {
      name: 'the 30 days before, in Mexico City days',
      query: {
        ...base,
        from: new Date(NOW.getTime() - 60 * DAY),
        to: base.from,
        timeZone: 'America/Mexico_City',
      },
    },
    { name: 'guests', query: { ...base, audience: 'guest' } },
    { name: 'drivers on WhatsApp', query: { ...base, audience: 'driver', channel: 'whatsapp' } },
    { name: 'one city', query: { ...base, cityId: world.cityId } },
    { name: 'one team', query: { ...base, teamId: teamIds[1]! } },
    { name: 'one inbox', query: { ...base, inboxId: world.inboxIds[0]! } },
    { name: 'one agent', query: { ...base, agentId: world.agentIds[0]! } },
    { name: 'one request type', query: { ...base, requestTypeId: world.requestTypeIds[0]! } },
    {
      name: 'a week ending at a local midnight',
      query: {
        ...base,
        from: new Date('2026-11-09T00:00:00Z'),
        to: new Date('2026-11-16T00:00:00Z'),
      },
    },
    {
      // Both ends past midday: the rollup days run to the next midnights, and the edges are
      // taken away. Lisbon leaves summer time on 25 October.
      name: 'edges late in the day, across a daylight-saving change',
      query: {
        ...base,
        from: new Date('2026-10-24T19:30:00Z'),
        to: new Date('2026-11-19T20:45:00Z'),
      },
    },
    {
      name: 'six hours of one day, in Dubai days',
      query: {
        ...base,
        from: new Date('2026-11-18T03:00:00Z'),
        to: new Date('2026-11-18T09:00:00Z'),
        timeZone: 'Asia/Dubai',
      },
    },
    {
      name: 'drivers, until an hour from now',
      query: { ...base, audience: 'driver', to: new Date(NOW.getTime() + HOUR) },
    },
  ];
}

describe('the KPI engine: SQL agrees exactly with the reference', () => {
  it('has generated enough of every kind of history to mean something', () => {
    const figures = referenceKpis(reference(), queries()[0]!.query, NOW);
    expect(figures.created).toBeGreaterThan(100);
    expect(figures.firstResponse.count).toBeGreaterThan(30);
    expect(figures.resolution.count).toBeGreaterThan(30);
    expect(figures.sla.firstResponse.due).toBeGreaterThan(30);
    expect(figures.sla.nextResponse.due).toBeGreaterThan(5);
    expect(figures.sla.resolution.due).toBeGreaterThan(10);
    expect(figures.sla.firstResponse.met).toBeGreaterThan(0);
    expect(figures.sla.firstResponse.met).toBeLessThan(figures.sla.firstResponse.due);
    expect(figures.backlog.open).toBeGreaterThan(10);
    expect(figures.backlog.breachedOpen).toBeGreaterThan(0);
    expect(figures.routingAccuracy.transferred).toBeGreaterThan(0);
    expect(figures.reopen.reopened).toBeGreaterThan(0);
    expect(figures.csat.ratings).toBeGreaterThan(5);
    expect(figures.escalation.escalated).toBeGreaterThan(0);
    expect(figures.contactRate.trips).toBeGreaterThan(100);
    // Business time is really in play: the business FRT median is below the calendar one.
    const guests = referenceKpis(
      reference(),
      { ...queries()[0]!.query, inboxId: world.inboxIds[0]! },
      NOW,
    );
    expect(guests.firstResponse.p90BusinessSeconds!).toBeLessThan(guests.firstResponse.p90Seconds!);
  });

  for (const index of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
    it(`every KPI: query ${index + 1}`, async () => {
      const { name, query } = queries()[index]!;
      const sql = await kpiFigures(handle.db, query, NOW);
      expect({ name, ...sql }).toEqual({ name, ...referenceKpis(reference(), query, NOW) });
    });
  }

  for (const slice of KPI_SLICES) {
    it(`the breakdown by ${slice}`, async () => {
      const query = queries()[0]!.query;
      const sql = await kpiBreakdown(handle.db, query, slice, NOW);
      expect(sql.length).toBeGreaterThan(0);
      expect(sql).toEqual(referenceBreakdown(reference(), query, slice, NOW));
    });
  }

  it('the breakdown by audience of one city, and of guests over odd edges', async () => {
    const [, , guests, , city, , , , , , oddEdges] = queries();
    for (const query of [
      city!.query,
      guests!.query,
      { ...oddEdges!.query, audience: 'guest' as const },
    ]) {
      const sql = await kpiBreakdown(handle.db, query, 'audience', NOW);
      expect(sql.length).toBeGreaterThan(0);
      expect(sql).toEqual(referenceBreakdown(reference(), query, 'audience', NOW));
    }
  });

  it('buckets durations by the same bounds in SQL and TypeScript', async () => {
    const [row] = rowsOf<{ bounds: number[] }>(
      await handle.db.execute(sql`select kpi_duration_bounds() as bounds`),
    );
    expect(row!.bounds.map(Number)).toEqual(KPI_DURATION_BOUNDS);
  });
});

describe('keeping the facts up to date', () => {
  it('queues a conversation when it gets an event, and the refresh job re-derives it', async () => {
    const { db } = handle;
    const target = generated.find(({ conversation }) => conversation.status === 'open')!;
    const at = new Date(NOW.getTime() + MINUTE);
    await db.insert(conversationEvents).values({
      conversationId: target.conversation.id,
      type: 'reply_sent',
      actorType: 'agent',
      payload: {},
      occurredAt: at,
    });
    target.events.push({ type: 'reply_sent', actorType: 'agent', payload: {}, occurredAt: at });
    // The queue may hold other tests' conversations on a shared PostgreSQL: drain it all.
    let refreshed = 0;
    for (let round = 0; round < 100; round += 1) {
      const count = await refreshKpiFacts(db, { now: NOW });
      refreshed += count;
      if (count === 0) break;
    }
    expect(refreshed).toBeGreaterThanOrEqual(1);
    const query = { ...queries()[0]!.query, to: new Date(NOW.getTime() + HOUR) };
    expect(await kpiFigures(db, query, NOW)).toEqual(referenceKpis(reference(), query, NOW));
  });

  it('keeps the daily rollups equal to a rebuild from the facts, clock runs and bookings', async () => {
    const { db } = handle;
    // Every kind of write the triggers follow: facts and clock runs rewritten, a booking
    // moved to another day and one cancelled out of the table.
    await writeKpiFacts(
      db,
      generated.slice(0, 50).map(({ conversation }) => conversation.id),
      NOW,
    );
    await db.execute(sql`update bookings set scheduled_at = scheduled_at + interval '30 hours'
      where reference in (select reference from bookings order by reference limit 5)`);
    await db.execute(sql`delete from bookings
      where reference in (select reference from bookings order by reference limit 1)`);
    const rollups = async () => ({
      counts: rowsOf(
        await db.execute(sql`select * from kpi_daily_counts
          where (created, routed, accurate, transferred, escalated, first_responses, resolutions,
            first_resolved, one_touch, reopened, ratings, positive, requested, responded,
            first_response_due, first_response_met, next_response_due, next_response_met,
            resolution_due, resolution_met) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
          order by day, audience, channel, city_id, inbox_id, assignee_id, request_type_id`),
      ),
      durations: rowsOf(
        await db.execute(sql`select * from kpi_daily_durations where count <> 0
          order by day, audience, metric, bucket`),
      ),
      trips: rowsOf(
        await db.execute(sql`select * from kpi_daily_trips where trips <> 0 order by day, city_id`),
      ),
    });
    const kept = await rollups();
    expect(kept.counts.length).toBeGreaterThan(100);
    expect(kept.durations.length).toBeGreaterThan(100);
    await db.execute(sql`select kpi_rollups_rebuild()`);
    expect(await rollups()).toEqual(kept);
  });
});
