import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.ts';
import { contacts, conversations, kpiRefreshQueue } from '../schema/index.ts';
import { createCityInboxFixture, createIsolatedTestDatabase } from '../testing.ts';
import { refreshAllKpiFacts } from './kpi-facts.ts';

// Another connection's drain holding queued rows is what is under test, so this runs where
// connections are real: PostgreSQL. PGlite runs one query at a time.
describe.runIf(process.env.DATABASE_URL)('refreshing all KPI facts', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createIsolatedTestDatabase();
  });
  afterAll(() => handle?.close());

  it('returns only once a drain running elsewhere has committed the rows it took', async () => {
    const { db } = handle;
    const world = await createCityInboxFixture(db);
    const [contact] = await db
      .insert(contacts)
      .values({ audience: 'guest', name: 'Queued guest', cityId: world.city.id })
      .returning();
    const [conversation] = await db
      .insert(conversations)
      .values({
        inboxId: world.inbox.id,
        contactId: contact!.id,
        audience: 'guest',
        channel: 'email',
        subject: 'Queued while another server drains',
      })
      .returning();
    await refreshAllKpiFacts(db);
    await db.insert(kpiRefreshQueue).values({ conversationId: conversation!.id });

    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let taken!: () => void;
    const holding = new Promise<void>((resolve) => {
      taken = resolve;
    });
    // The other drain: it has taken the row and not yet committed.
    const otherDrain = db.transaction(async (tx) => {
      await tx.execute(
        sql`delete from kpi_refresh_queue where conversation_id = ${conversation!.id}`,
      );
      taken();
      await released;
    });
    await holding;

    let settled = false;
    const refreshing = refreshAllKpiFacts(db).then((count) => {
      settled = true;
      return count;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const settledWhileHeld = settled;

    release();
    await otherDrain;
    expect(await refreshing).toBe(0);
    expect(settledWhileHeld).toBe(false);
  });
});
