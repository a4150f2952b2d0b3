import { type ImprovementStatus, type Role, rankThemes } from '@switchboard/domain';
import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../client.ts';
import { rowsOf } from '../migrate.ts';
import { improvementEvents, improvementItems, requestTypes, users } from '../schema/index.ts';
import { activeColleague } from './people.ts';
import { Refusal } from './refusal.ts';

export class ImprovementError extends Refusal {}

/**
 * Recurring themes over resolved conversations: per request type and root cause, how many
 * this period and the period before (aggregated in SQL on the themes index), ranked with a
 * trend by domain.rankThemes, each with the improvement items already linked to it.
 */
export async function recurringThemes(
  db: Database,
  input: { days: number; audience?: 'guest' | 'driver' | undefined; limit: number },
  now: Date = new Date(),
) {
  const periodStart = new Date(now.getTime() - input.days * 86_400_000);
  const previousStart = new Date(periodStart.getTime() - input.days * 86_400_000);
  const rows = rowsOf<{
    request_type_code: string;
    request_type_name: string;
    root_cause_code: string | null;
    current: number;
    previous: number;
  }>(
    await db.execute(sql`
      select rt.code as request_type_code, rt.name as request_type_name, c.root_cause_code,
        count(*) filter (where c.resolved_at >= ${periodStart.toISOString()}::timestamptz)::int as current,
        count(*) filter (where c.resolved_at < ${periodStart.toISOString()}::timestamptz)::int as previous
      from conversations c
      join request_types rt on rt.id = c.request_type_id
      where c.resolved_at >= ${previousStart.toISOString()}::timestamptz
        and c.resolved_at < ${now.toISOString()}::timestamptz
        ${input.audience ? sql`and c.audience = ${input.audience}` : sql``}
      group by 1, 2, 3
    `),
  );
  const names = new Map(rows.map((row) => [row.request_type_code, row.request_type_name]));
  const ranked = rankThemes(
    rows.map((row) => ({
      requestTypeCode: row.request_type_code,
      rootCauseCode: row.root_cause_code,
      current: Number(row.current),
      previous: Number(row.previous),
    })),
  ).slice(0, input.limit);
  const items = await db
    .select({
      id: improvementItems.id,
      title: improvementItems.title,
      status: improvementItems.status,
      requestTypeCode: improvementItems.requestTypeCode,
      rootCauseCode: improvementItems.rootCauseCode,
    })
    .from(improvementItems)
    .where(
      inArray(
        improvementItems.requestTypeCode,
        ranked.map((theme) => theme.requestTypeCode).concat(['']),
      ),
    );
  const totals = ranked.reduce(
    (sum, theme) => ({
      current: sum.current + theme.current,
      previous: sum.previous + theme.previous,
    }),
    { current: 0, previous: 0 },
  );
  return {
    themes: ranked.map((theme) => ({
      ...theme,
      requestTypeName: names.get(theme.requestTypeCode) ?? theme.requestTypeCode,
      improvements: items.filter(
        (item) =>
          item.requestTypeCode === theme.requestTypeCode &&
          (item.rootCauseCode === null || item.rootCauseCode === theme.rootCauseCode),
      ),
    })),
    totals,
    period: { from: periodStart, to: now, previousFrom: previousStart },
  };
}

const owners = alias(users, 'owners');

export async function listImprovements(
  db: Database,
  input: { status: ImprovementStatus | 'active' | 'all'; limit: number; offset: number },
) {
  const where: SQL | undefined =
    input.status === 'all'
      ? undefined
      : input.status === 'active'
        ? inArray(improvementItems.status, ['proposed', 'planned', 'in_progress'])
        : eq(improvementItems.status, input.status);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: improvementItems.id,
        title: improvementItems.title,
        kind: improvementItems.kind,
        requestTypeCode: improvementItems.requestTypeCode,
        requestTypeName: requestTypes.name,
        rootCauseCode: improvementItems.rootCauseCode,
        ownerId: improvementItems.ownerId,
        ownerName: owners.name,
        dueDate: improvementItems.dueDate,
        status: improvementItems.status,
        notes: improvementItems.notes,
        updatedAt: improvementItems.updatedAt,
      })
      .from(improvementItems)
      .innerJoin(owners, eq(owners.id, improvementItems.ownerId))
      .leftJoin(requestTypes, eq(requestTypes.code, improvementItems.requestTypeCode))
      .where(where)
      .orderBy(desc(improvementItems.updatedAt))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: count() }).from(improvementItems).where(where),
  ]);
  return { items, total: total?.total ?? 0 };
}

export async function createImprovement(
  db: Database,
  viewer: { userId: string; role: Role },
  input: {
    title: string;
    kind: string;
    requestTypeCode: string | null;
    rootCauseCode: string | null;
    ownerId: string;
    dueDate: string | null;
    notes: string;
  },
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    if (!(await activeColleague(tx, input.ownerId))) {
      throw new ImprovementError('BAD_REQUEST', 'No active colleague has this id', 'ownerId');
    }
    if (input.requestTypeCode) {
      const [type] = await tx
        .select({ id: requestTypes.id })
        .from(requestTypes)
        .where(eq(requestTypes.code, input.requestTypeCode));
      if (!type)
        throw new ImprovementError(
          'BAD_REQUEST',
          `No request type ${input.requestTypeCode}`,
          'requestTypeCode',
        );
    }
    const [item] = await tx
      .insert(improvementItems)
      .values({ ...input, createdById: viewer.userId, createdAt: now, updatedAt: now })
      .returning({ id: improvementItems.id });
    await tx.insert(improvementEvents).values({
      improvementId: item!.id,
      type: 'created',
      actorId: viewer.userId,
      payload: { ...input },
      createdAt: now,
    });
    return { id: item!.id };
  });
}

export async function setImprovementStatus(
  db: Database,
  viewer: { userId: string; role: Role },
  input: { improvementId: string; status: ImprovementStatus; note: string },
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(improvementItems)
      .where(eq(improvementItems.id, input.improvementId))
      .for('update');
    if (!item)
      throw new ImprovementError('NOT_FOUND', 'Improvement item not found', 'improvementId');
    if (item.status === input.status) return { id: item.id };
    await tx
      .update(improvementItems)
      .set({ status: input.status, updatedAt: now })
      .where(and(eq(improvementItems.id, item.id)));
    await tx.insert(improvementEvents).values({
      improvementId: item.id,
      type: 'status_changed',
      actorId: viewer.userId,
      payload: { from: item.status, to: input.status, note: input.note },
      createdAt: now,
    });
    return { id: item.id };
  });
}
