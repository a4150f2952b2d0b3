import { lastCompletePeriod, snapshotMarkdown } from '@switchboard/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.ts';
import { kpiSnapshots } from '../schema/index.ts';
import { createTestDatabase } from '../testing.ts';
import { generateSnapshot, listSnapshots, snapshotById } from './kpi-snapshots.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const GAP = {
  inboxName: 'Drivers — Lisbon',
  shortAgentHours: 6,
  requiredAgentHours: 100,
  scheduledAgentHours: 94,
  worstInterval: 'Mon 09:00',
  worstGap: 2,
};

/** The database itself refuses: the driver wraps the trigger's error as the cause. */
async function expectRefused(statement: Promise<unknown>) {
  const error = await statement.then(
    () => null,
    (caught: unknown) => caught as { message: string; cause?: { message?: string } },
  );
  expect(error?.cause?.message ?? error?.message).toMatch(/is append-only/);
}

describe('KPI snapshots', () => {
  // A period far in the past of its own, so a shared PostgreSQL has no other snapshot of it.
  const period = lastCompletePeriod(
    'weekly',
    new Date(Date.UTC(2001, 0, 1 + Math.floor(Math.random() * 5000))),
  );

  it('makes a scheduled snapshot once per period, however often it is asked', async () => {
    const first = await generateSnapshot(handle.db, {
      period,
      source: 'schedule',
      staffingGaps: [GAP],
    });
    const again = await generateSnapshot(handle.db, {
      period,
      source: 'schedule',
      staffingGaps: [],
    });
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    const onDemand = await generateSnapshot(handle.db, {
      period,
      source: 'on_demand',
      staffingGaps: [],
    });
    expect(onDemand).not.toBeNull();
    const rows = await handle.db
      .select()
      .from(kpiSnapshots)
      .where(eq(kpiSnapshots.periodStart, period.from));
    expect(rows.map((row) => row.source).sort()).toEqual(['on_demand', 'schedule']);
  });

  it('is frozen: its figures, definitions and actions are stored, and it cannot be changed', async () => {
    const stored = await generateSnapshot(handle.db, {
      period,
      source: 'on_demand',
      staffingGaps: [GAP],
    });
    const snapshot = (await snapshotById(handle.db, stored!.id))!;
    expect(snapshot.definitions).toMatchObject({ firstResponse: 1, csat: 1, slaAttainment: 1 });
    expect(snapshot.content.figures.all.created).toBe(0);
    expect(snapshot.content.staffingGaps).toEqual([GAP]);
    expect(snapshot.content.recommendations.map((item) => item.rule)).toContain('staffingGap');
    expect(snapshotMarkdown(snapshot)).toContain('Schedule 6 more agent-hours in Drivers — Lisbon');
    await expectRefused(
      handle.db
        .update(kpiSnapshots)
        .set({ timeZone: 'UTC' })
        .where(eq(kpiSnapshots.id, stored!.id)),
    );
    await expectRefused(handle.db.delete(kpiSnapshots).where(eq(kpiSnapshots.id, stored!.id)));
    const { items, total } = await listSnapshots(handle.db, {
      kind: 'weekly',
      limit: 50,
      offset: 0,
    });
    expect(total).toBeGreaterThanOrEqual(3);
    expect(items.find((item) => item.id === stored!.id)).toMatchObject({
      kind: 'weekly',
      recommendations: snapshot.content.recommendations.length,
    });
  });
});
