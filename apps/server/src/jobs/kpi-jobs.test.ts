import type { DatabaseHandle } from '@switchboard/db/client';
import { receiveInboundMessage } from '@switchboard/db/queries/intake';
import { conversationKpiFacts, kpiRefreshQueue, kpiSnapshots } from '@switchboard/db/schema';
import { createCityInboxFixture, createTestDatabase, uniqueSuffix } from '@switchboard/db/testing';
import { lastCompletePeriod } from '@switchboard/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { startKpiFactsJob } from './kpi-facts.ts';
import { makeDueSnapshots } from './kpi-snapshots.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const logger = createLogger('silent');

describe('the KPI facts job', () => {
  it('derives the facts of a conversation that just came in, and empties the queue', async () => {
    const { city } = await createCityInboxFixture(handle.db);
    const { conversationId } = await receiveInboundMessage(handle.db, {
      channel: 'whatsapp',
      audience: 'guest',
      externalMessageId: `wamid.${uniqueSuffix()}`,
      contact: { externalId: `rider-${uniqueSuffix()}`, name: 'Marta Costa', city: city.code },
      text: 'My driver is not at the meeting point.',
    });
    const job = startKpiFactsJob({ database: handle, logger, everyMs: 60_000 });
    try {
      expect(await job.runOnce()).toBeGreaterThanOrEqual(1);
    } finally {
      await job.stop();
    }
    const [facts] = await handle.db
      .select()
      .from(conversationKpiFacts)
      .where(eq(conversationKpiFacts.conversationId, conversationId));
    expect(facts).toMatchObject({
      audience: 'guest',
      channel: 'whatsapp',
      status: 'open',
      cityId: city.id,
    });
    const queued = await handle.db
      .select()
      .from(kpiRefreshQueue)
      .where(eq(kpiRefreshQueue.conversationId, conversationId));
    expect(queued).toEqual([]);
  });
});

describe('the snapshot schedule', () => {
  it('makes the last week’s and month’s snapshot once, however many times it runs', async () => {
    // A moment of its own, so a shared PostgreSQL holds no scheduled snapshot of it yet.
    const now = new Date(Date.UTC(1990, 0, 1 + Math.floor(Math.random() * 3000), 12));
    expect(await makeDueSnapshots(handle, now)).toBe(2);
    expect(await makeDueSnapshots(handle, now)).toBe(0);
    for (const kind of ['weekly', 'monthly'] as const) {
      const period = lastCompletePeriod(kind, now);
      const rows = await handle.db
        .select()
        .from(kpiSnapshots)
        .where(and(eq(kpiSnapshots.kind, kind), eq(kpiSnapshots.periodStart, period.from)));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ source: 'schedule', requestedById: null });
    }
  });
});
