import {
  type Audience,
  freezeFigures,
  type KpiQuery,
  kpiDefinitionVersions,
  periodBefore,
  ROOT_CAUSE_LABELS,
  recommendActions,
  type SnapshotContent,
  type SnapshotDriver,
  type SnapshotKind,
  type SnapshotPeriod,
  type SnapshotStaffingGap,
  TEAM_KIND_LABELS,
} from '@switchboard/domain';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { rowsOf } from '../migrate.ts';
import { kpiSnapshots, users } from '../schema/index.ts';
import { escalationTurnaroundReport } from './escalation-views.ts';
import { kpiFigures } from './kpi.ts';
import { between } from './kpi-sql.ts';

const TOP_DRIVERS = 10;

/** Request types (created) and root causes (resolved) by volume, per audience, against before. */
async function snapshotDrivers(
  db: DatabaseOrTransaction,
  period: SnapshotPeriod,
): Promise<SnapshotContent['drivers']> {
  const before = periodBefore(period);
  const span = { ...period, from: before.from } as KpiQuery;
  const current = { ...period } as KpiQuery;
  const types = rowsOf<{
    audience: Audience;
    code: string;
    name: string;
    count: number;
    previous: number;
  }>(
    await db.execute(sql`select f.audience, rt.code, rt.name,
        count(*) filter (where ${between(sql`f.created_at`, current)})::int as count,
        count(*) filter (where ${between(sql`f.created_at`, before as KpiQuery)})::int as previous
      from conversation_kpi_facts f join request_types rt on rt.id = f.request_type_id
      where ${between(sql`f.created_at`, span)}
      group by f.audience, rt.code, rt.name`),
  );
  const causes = rowsOf<{ audience: Audience; code: string; count: number; previous: number }>(
    await db.execute(sql`select f.audience, c.root_cause_code as code,
        count(*) filter (where ${between(sql`f.resolved_at`, current)})::int as count,
        count(*) filter (where ${between(sql`f.resolved_at`, before as KpiQuery)})::int as previous
      from conversation_kpi_facts f join conversations c on c.id = f.conversation_id
      where ${between(sql`f.resolved_at`, span)} and c.root_cause_code is not null
      group by f.audience, c.root_cause_code`),
  );
  const top = (rows: SnapshotDriver[]) =>
    rows
      .filter((row) => row.count > 0 || row.previous > 0)
      .sort((a, b) => b.count - a.count || b.previous - a.previous || a.code.localeCompare(b.code))
      .slice(0, TOP_DRIVERS);
  const split = (rows: Array<SnapshotDriver & { audience: Audience }>) => ({
    guest: top(rows.filter((row) => row.audience === 'guest')),
    driver: top(rows.filter((row) => row.audience === 'driver')),
  });
  return {
    requestTypes: split(types),
    rootCauses: split(
      causes.map((row) => ({
        ...row,
        name: ROOT_CAUSE_LABELS[row.code as keyof typeof ROOT_CAUSE_LABELS] ?? row.code,
      })),
    ),
  };
}

/** Everything a snapshot shows, computed now and then frozen. */
export async function snapshotContent(
  db: DatabaseOrTransaction,
  period: SnapshotPeriod,
  staffingGaps: SnapshotStaffingGap[],
  now: Date,
): Promise<SnapshotContent> {
  const before = periodBefore(period);
  const figuresOf = async (range: SnapshotPeriod) => {
    const query = { from: range.from, to: range.to, timeZone: range.timeZone };
    return {
      all: freezeFigures(await kpiFigures(db, query, now)),
      guest: freezeFigures(await kpiFigures(db, { ...query, audience: 'guest' }, now)),
      driver: freezeFigures(await kpiFigures(db, { ...query, audience: 'driver' }, now)),
    };
  };
  const turnaround = (
    await escalationTurnaroundReport(db as Database, { since: period.from, until: period.to }, now)
  ).map((row) => ({
    team: TEAM_KIND_LABELS[row.teamKind],
    acknowledgeP90Minutes: row.acknowledgeMinutes.p90,
    resolveP90Minutes: row.resolveMinutes.p90,
    breached: row.breached,
    returned: row.returned,
  }));
  const content = {
    figures: await figuresOf(period),
    previous: await figuresOf(before),
    drivers: await snapshotDrivers(db, period),
    turnaround,
    staffingGaps,
  };
  return { ...content, recommendations: recommendActions(content) };
}

/**
 * Generates and stores a snapshot of `period`. A scheduled one is made once per period
 * (a unique index on scheduled snapshots: a second server's insert does nothing); one on
 * demand is always new.
 */
export async function generateSnapshot(
  db: Database,
  input: {
    period: SnapshotPeriod;
    source: 'schedule' | 'on_demand';
    requestedById?: string | null;
    staffingGaps: SnapshotStaffingGap[];
    now?: Date;
  },
): Promise<{ id: string } | null> {
  const now = input.now ?? new Date();
  const content = await snapshotContent(db, input.period, input.staffingGaps, now);
  const [stored] = await db
    .insert(kpiSnapshots)
    .values({
      kind: input.period.kind,
      periodStart: input.period.from,
      periodEnd: input.period.to,
      timeZone: input.period.timeZone,
      source: input.source,
      requestedById: input.requestedById ?? null,
      definitions: kpiDefinitionVersions(),
      content: content as unknown as Record<string, unknown>,
      createdAt: now,
    })
    .onConflictDoNothing({
      target: [kpiSnapshots.kind, kpiSnapshots.periodStart],
      where: sql`source = 'schedule'`,
    })
    .returning({ id: kpiSnapshots.id });
  return stored ?? null;
}

/** Whether the period already has its scheduled snapshot. */
export async function hasScheduledSnapshot(db: DatabaseOrTransaction, period: SnapshotPeriod) {
  const [row] = await db
    .select({ id: kpiSnapshots.id })
    .from(kpiSnapshots)
    .where(
      and(
        eq(kpiSnapshots.kind, period.kind),
        eq(kpiSnapshots.periodStart, period.from),
        eq(kpiSnapshots.source, 'schedule'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function listSnapshots(
  db: DatabaseOrTransaction,
  input: { kind?: SnapshotKind | undefined; limit: number; offset: number },
) {
  const where = input.kind ? eq(kpiSnapshots.kind, input.kind) : undefined;
  const rows = await db
    .select({
      id: kpiSnapshots.id,
      kind: kpiSnapshots.kind,
      periodStart: kpiSnapshots.periodStart,
      periodEnd: kpiSnapshots.periodEnd,
      timeZone: kpiSnapshots.timeZone,
      source: kpiSnapshots.source,
      createdAt: kpiSnapshots.createdAt,
      requestedByName: users.name,
      recommendations: sql<number>`jsonb_array_length(${kpiSnapshots.content}->'recommendations')`,
    })
    .from(kpiSnapshots)
    .leftJoin(users, eq(users.id, kpiSnapshots.requestedById))
    .where(where)
    .orderBy(desc(kpiSnapshots.periodStart), desc(kpiSnapshots.createdAt))
    .limit(input.limit)
    .offset(input.offset);
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(kpiSnapshots)
    .where(where);
  return {
    items: rows.map((row) => ({ ...row, kind: row.kind as SnapshotKind })),
    total: counted?.total ?? 0,
  };
}

export async function snapshotById(db: DatabaseOrTransaction, snapshotId: string) {
  const [found] = await db
    .select({ snapshot: kpiSnapshots, requestedByName: users.name })
    .from(kpiSnapshots)
    .leftJoin(users, eq(users.id, kpiSnapshots.requestedById))
    .where(eq(kpiSnapshots.id, snapshotId))
    .limit(1);
  if (!found) return null;
  const row = found.snapshot;
  return {
    ...row,
    requestedByName: found.requestedByName,
    kind: row.kind as SnapshotKind,
    content: row.content as unknown as SnapshotContent,
  };
}
