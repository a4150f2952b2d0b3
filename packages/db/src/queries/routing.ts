import type { InboxListInput } from '@switchboard/domain';
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { cities, conversations, inboxes, memberships, teams } from '../schema/index.ts';
import { escapeLike } from './people.ts';

/** Conversations still needing work, counted per inbox in SQL (never loaded). */
const openCount = sql<number>`(
  select count(*)::int from ${conversations}
  where ${conversations.inboxId} = ${inboxes.id}
    and ${conversations.status} in ('open', 'pending', 'snoozed')
)`;

const unassignedCount = sql<number>`(
  select count(*)::int from ${conversations}
  where ${conversations.inboxId} = ${inboxes.id}
    and ${conversations.status} = 'open' and ${conversations.assigneeId} is null
)`;

export async function listInboxes(db: Database, input: InboxListInput) {
  const filters: SQL[] = [];
  if (input.audience) filters.push(eq(inboxes.audience, input.audience));
  if (input.search) {
    const pattern = `%${escapeLike(input.search)}%`;
    const match = or(ilike(inboxes.name, pattern), ilike(inboxes.code, pattern));
    if (match) filters.push(match);
  }
  const where = filters.length > 0 ? and(...filters) : undefined;
  const order =
    input.sort === 'openCount' ? [desc(openCount), asc(inboxes.name)] : [asc(inboxes.name)];
  const [items, [totalRow]] = await Promise.all([
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
  ]);
  return { items, total: totalRow?.total ?? 0, limit: input.limit, offset: input.offset };
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
