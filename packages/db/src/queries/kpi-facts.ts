import {
  type ConversationKpiFacts,
  conversationKpiFacts,
  type KpiEvent,
  type KpiSlaOutcome,
} from '@switchboard/domain';
import { asc, inArray, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { rowsOf } from '../migrate.ts';
import {
  conversationEvents,
  conversations,
  conversationKpiFacts as factsTable,
  slaOutcomes,
} from '../schema/index.ts';
import { slaSchedulesForInboxes } from './sla-schedule.ts';

/*
 * KPI facts are derived from each conversation's events by domain `conversationKpiFacts`. A
 * trigger queues a conversation whenever it gets an event; `refreshKpiFacts` (a durable job on
 * the server) drains the queue, so reports follow the live operation within seconds and a
 * restart loses nothing — the queue is a table.
 */

export type KpiFactRow = typeof factsTable.$inferInsert;
export type SlaOutcomeRow = typeof slaOutcomes.$inferInsert;

export function kpiFactRow(facts: ConversationKpiFacts, refreshedAt: Date): KpiFactRow {
  return { ...facts, refreshedAt };
}

export function slaOutcomeRow(outcome: KpiSlaOutcome): SlaOutcomeRow {
  return {
    conversationId: outcome.conversationId,
    target: outcome.target,
    dueAt: outcome.dueAt,
    stoppedAt: outcome.stoppedAt,
    paused: outcome.paused,
    audience: outcome.audience,
    channel: outcome.channel,
    cityId: outcome.cityId,
    inboxId: outcome.inboxId,
    assigneeId: outcome.assigneeId,
    requestTypeId: outcome.requestTypeId,
  };
}

/** Re-derives and stores the facts and clock runs of these conversations. */
export async function writeKpiFacts(
  tx: DatabaseOrTransaction,
  conversationIds: readonly string[],
  now: Date = new Date(),
): Promise<void> {
  if (conversationIds.length === 0) return;
  const ids = [...conversationIds];
  const rows = await tx
    .select({
      id: conversations.id,
      audience: conversations.audience,
      channel: conversations.channel,
      cityId: conversations.cityId,
      inboxId: conversations.inboxId,
      assigneeId: conversations.assigneeId,
      requestTypeId: conversations.requestTypeId,
      priority: conversations.priority,
      status: conversations.status,
      createdAt: conversations.createdAt,
    })
    .from(conversations)
    .where(inArray(conversations.id, ids));
  const events = await tx
    .select({
      conversationId: conversationEvents.conversationId,
      type: conversationEvents.type,
      actorType: conversationEvents.actorType,
      payload: conversationEvents.payload,
      occurredAt: conversationEvents.occurredAt,
    })
    .from(conversationEvents)
    .where(inArray(conversationEvents.conversationId, ids))
    .orderBy(asc(conversationEvents.id));
  const eventsOf = new Map<string, KpiEvent[]>();
  for (const event of events) {
    const list = eventsOf.get(event.conversationId) ?? [];
    list.push(event as KpiEvent);
    eventsOf.set(event.conversationId, list);
  }
  const schedules = await slaSchedulesForInboxes(
    tx,
    rows.map((row) => row.inboxId),
    now,
  );
  const factRows: KpiFactRow[] = [];
  const outcomeRows: SlaOutcomeRow[] = [];
  for (const conversation of rows) {
    const derived = conversationKpiFacts(
      conversation,
      eventsOf.get(conversation.id) ?? [],
      schedules.get(conversation.inboxId),
    );
    factRows.push(kpiFactRow(derived.facts, now));
    outcomeRows.push(...derived.outcomes.map(slaOutcomeRow));
  }
  await tx.delete(slaOutcomes).where(inArray(slaOutcomes.conversationId, ids));
  if (factRows.length > 0) {
    await tx
      .insert(factsTable)
      .values(factRows)
      .onConflictDoUpdate({
        target: factsTable.conversationId,
        set: Object.fromEntries(
          Object.keys(factRows[0]!)
            .filter((key) => key !== 'conversationId')
            .map((key) => [key, sql.raw(`excluded."${toSnakeCase(key)}"`)]),
        ),
      });
  }
  for (let start = 0; start < outcomeRows.length; start += 1_000) {
    await tx.insert(slaOutcomes).values(outcomeRows.slice(start, start + 1_000));
  }
}

/**
 * Drains up to `limit` conversations from the refresh queue and rewrites their facts, in one
 * transaction (SKIP LOCKED: several servers share the work). Returns how many it refreshed.
 * With `waitForOthers`, it waits for the rows another drain holds instead of skipping them,
 * so it returns only once their facts are committed too.
 */
export async function refreshKpiFacts(
  db: Database,
  options: { limit?: number; now?: Date; waitForOthers?: boolean } = {},
): Promise<number> {
  const locking = options.waitForOthers ? sql`for update` : sql`for update skip locked`;
  return db.transaction(async (tx) => {
    const taken = rowsOf<{ conversation_id: string }>(
      await tx.execute(sql`delete from kpi_refresh_queue where conversation_id in (
          select conversation_id from kpi_refresh_queue order by queued_at
          limit ${options.limit ?? 500} ${locking})
        returning conversation_id`),
    ).map((row) => row.conversation_id);
    await writeKpiFacts(tx, taken, options.now);
    return taken.length;
  });
}

/**
 * Refreshes until the queue is empty (tests, and the seed after it writes history). A drain
 * running elsewhere may hold queued rows it has not committed yet; the last pass waits for it,
 * so every conversation queued before the call has its facts when this returns.
 */
export async function refreshAllKpiFacts(db: Database, now?: Date): Promise<number> {
  const batch = { limit: 1_000, ...(now ? { now } : {}) };
  let total = 0;
  for (;;) {
    const refreshed = await refreshKpiFacts(db, batch);
    total += refreshed;
    if (refreshed > 0) continue;
    const waited = await refreshKpiFacts(db, { ...batch, waitForOthers: true });
    total += waited;
    if (waited === 0) return total;
  }
}
