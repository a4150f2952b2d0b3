import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { rowsOf } from '../migrate.ts';
import { assignByPolicy } from '../queries/assignment.ts';
import {
  contacts,
  conversationEvents,
  conversations,
  inboxes,
  memberships,
  users,
} from '../schema/index.ts';
import { insertRows } from '../seed/bulk-insert.ts';
import { createCityInboxFixture, uniqueSuffix } from '../testing.ts';

export interface RaceOptions {
  workers: number;
  conversations: number;
  teams: number;
  agentsPerTeam: number;
  /** Chats each agent may hold; total capacity is set a little below the work on purpose. */
  chatCapacity: number;
}

export interface RaceResult {
  attempts: number;
  assigned: number;
  doubleAssignments: number;
  capacityOverflows: number;
  conversationsPerSecond: number;
  elapsedMs: number;
}

/**
 * Many workers assigning the same queue at once, as several server processes would: each
 * conversation is offered by two workers, in different orders. Afterwards, counts what must
 * never happen — a conversation assigned twice, an agent over capacity.
 */
export async function runAssignmentRace(db: Database, options: RaceOptions): Promise<RaceResult> {
  const suffix = uniqueSuffix();
  const inboxIds: string[] = [];
  const agentIds: string[] = [];
  for (let t = 0; t < options.teams; t += 1) {
    const { team, inbox } = await createCityInboxFixture(db);
    await db
      .update(inboxes)
      .set({ assignmentPolicy: { mode: t % 2 === 0 ? 'round_robin' : 'least_loaded' } })
      .where(eq(inboxes.id, inbox.id));
    inboxIds.push(inbox.id);
    const people = Array.from({ length: options.agentsPerTeam }, (_, a) => ({
      id: `race-${suffix}-${t}-${a}`.toLowerCase(),
      name: `Race agent ${t}.${a}`,
      email: `race.${suffix}.${t}.${a}@switchboard.test`.toLowerCase(),
      role: 'agent' as const,
      availability: 'online' as const,
      channelCapacity: { chat: options.chatCapacity },
    }));
    await db.insert(users).values(people);
    await db
      .insert(memberships)
      .values(people.map((person) => ({ teamId: team.id, userId: person.id })));
    agentIds.push(...people.map((person) => person.id));
  }

  const now = new Date();
  const contactRows = Array.from({ length: options.conversations }, (_, index) => ({
    id: randomUUID(),
    audience: 'guest' as const,
    externalId: `race-${suffix}-${index}`,
    name: `Guest ${index}`,
  }));
  const conversationRows = contactRows.map((contact, index) => ({
    id: randomUUID(),
    inboxId: inboxIds[index % inboxIds.length]!,
    contactId: contact.id,
    audience: 'guest' as const,
    channel: 'chat' as const,
    status: 'open' as const,
    priority: (['P1', 'P2', 'P3', 'P4'] as const)[index % 4]!,
    queuedAt: new Date(now.getTime() - index),
  }));
  for (let start = 0; start < contactRows.length; start += 5000) {
    await insertRows(db, contacts, contactRows.slice(start, start + 5000));
    await insertRows(db, conversations, conversationRows.slice(start, start + 5000));
  }

  const ids = conversationRows.map((row) => row.id);
  // Worker w offers slice w forwards and slice w+1 backwards: every conversation twice.
  const slice = Math.ceil(ids.length / options.workers);
  const queueOf = (worker: number) => [
    ...ids.slice(worker * slice, (worker + 1) * slice),
    ...ids
      .slice(
        ((worker + 1) % options.workers) * slice,
        (((worker + 1) % options.workers) + 1) * slice,
      )
      .reverse(),
  ];
  let attempts = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.workers }, async (_, worker) => {
      for (const id of queueOf(worker)) {
        attempts += 1;
        await db.transaction((tx) => assignByPolicy(tx, id));
      }
    }),
  );
  const elapsedMs = performance.now() - started;

  const [assignedRow] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(conversations)
    .where(and(inArray(conversations.id, ids), sql`${conversations.assigneeId} is not null`));
  const [doubles] = rowsOf<{ count: number }>(
    await db.execute(sql`
    select count(*)::int as count from (
      select ${conversationEvents.conversationId} from ${conversationEvents}
      where ${conversationEvents.type} = 'assigned'
        and ${conversationEvents.conversationId} = any(${`{${ids.join(',')}}`}::uuid[])
      group by ${conversationEvents.conversationId} having count(*) > 1) twice`),
  );
  const [overflows] = rowsOf<{ count: number }>(
    await db.execute(sql`
    select count(*)::int as count from (
      select ${conversations.assigneeId} from ${conversations}
      where ${conversations.assigneeId} = any(${`{${agentIds.join(',')}}`}::text[])
        and ${conversations.status} = 'open' and ${conversations.channel} = 'chat'
      group by ${conversations.assigneeId} having count(*) > ${options.chatCapacity}) over`),
  );
  const assigned = assignedRow?.count ?? 0;
  // Retired once counted: other suites sharing the database run queue and reply-limit jobs
  // over every inbox, and must not inherit thousands of open race conversations.
  await db
    .update(conversations)
    .set({ status: 'closed', queuedAt: null, assigneeReplyDueAt: null })
    .where(inArray(conversations.inboxId, inboxIds));
  return {
    attempts,
    assigned,
    doubleAssignments: Number(doubles?.count ?? 0),
    capacityOverflows: Number(overflows?.count ?? 0),
    conversationsPerSecond: Math.round(assigned / (elapsedMs / 1000)),
    elapsedMs: Math.round(elapsedMs),
  };
}
