import { ACTIVE_STATUSES, type InboxListInput } from '@switchboard/domain';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { cities, conversations, inboxes, memberships, teams } from '../schema/index.ts';
import { allOf, pageOf, textSearch } from './list-helpers.ts';

/** Conversations still needing work, counted per inbox in SQL (never loaded). */
const openCount = sql<number>`(
  select count(*)::int from ${conversations}
  where ${conversations.inboxId} = ${inboxes.id}
    and ${inArray(conversations.status, [...ACTIVE_STATUSES])}
)`;

const unassignedCount = sql<number>`(
  select count(*)::int from ${conversations}
  where ${conversations.inboxId} = ${inboxes.id}
    and ${conversations.status} = 'open' and ${conversations.assigneeId} is null
)`;

export function listInboxes(db: Database, input: InboxListInput) {
  const where = allOf([
    input.audience ? eq(inboxes.audience, input.audience) : undefined,
    textSearch(input.search, [inboxes.name, inboxes.code]),
  ]);
  const order =
    input.sort === 'openCount' ? [desc(openCount), asc(inboxes.name)] : [asc(inboxes.name)];
  return pageOf(
    db
      .select({
        id: inboxes.id,
        code: inboxes.code,
        name: inboxes.name,
        description: inboxes.description,
        audience: inboxes.audience,
        active: inboxes.active,
        cityCode: cities.code,
        cityName: cities.name,
        teamName: teams.name,
        teamKind: teams.kind,
        openCount,
        unassignedCount,
      })
      .from(inboxes)
      .innerJoin(teams, eq(teams.id, inboxes.teamId))
      .leftJoin(cities, eq(cities.id, inboxes.cityId))
      .where(where)
      .orderBy(...order)
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(inboxes).where(where),
    input,
  );
}

/** Ids of the inboxes a person works, through the teams they belong to. */
export async function inboxIdsOfUser(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: inboxes.id })
    .from(inboxes)
    .where(
      inArray(
        inboxes.teamId,
        db
          .select({ teamId: memberships.teamId })
          .from(memberships)
          .where(eq(memberships.userId, userId)),
      ),
    );
  return rows.map((row) => row.id);
}
