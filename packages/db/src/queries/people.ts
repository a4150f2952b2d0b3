import type { AgentTier, Role, UserListInput } from '@switchboard/domain';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { memberships, teams, users } from '../schema/index.ts';
import { agentTiersOf } from './certifications.ts';
import { allOf, pageOf, textSearch } from './list-helpers.ts';

/** A signed-in person as every request sees them (one indexed read per request). */
export interface StaffMember {
  id: string;
  name: string;
  email: string;
  role: Role;
  languages: string[];
  skills: string[];
  capacity: number;
  availability: 'online' | 'away' | 'offline';
  timeZone: string;
  active: boolean;
}

const staffColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  languages: users.languages,
  skills: users.skills,
  capacity: users.capacity,
  availability: users.availability,
  timeZone: users.timeZone,
  active: users.active,
};

export async function findStaffMember(db: Database, userId: string): Promise<StaffMember | null> {
  const [row] = await db.select(staffColumns).from(users).where(eq(users.id, userId)).limit(1);
  return row ?? null;
}

/** Agents' guardrail tier, from their valid certifications; null for everyone else. */
export async function agentTierOf(
  db: DatabaseOrTransaction,
  person: { id: string; role: Role },
): Promise<AgentTier | null> {
  return (await agentTiersOf(db, [person])).get(person.id) ?? null;
}

export async function listTeamsOfUser(db: DatabaseOrTransaction, userId: string) {
  return db
    .select({
      id: teams.id,
      code: teams.code,
      name: teams.name,
      kind: teams.kind,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(teams.name));
}

const USER_SORT_COLUMNS = { name: users.name, role: users.role, createdAt: users.createdAt };

export async function listStaff(db: Database, input: UserListInput) {
  const where = allOf([
    input.role ? eq(users.role, input.role) : undefined,
    textSearch(input.search, [users.name, users.email]),
  ]);
  const page = await pageOf(
    db
      .select(staffColumns)
      .from(users)
      .where(where)
      .orderBy(asc(USER_SORT_COLUMNS[input.sort]), asc(users.id))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: count() }).from(users).where(where),
    input,
  );
  const tiers = await agentTiersOf(db, page.items);
  return {
    ...page,
    items: page.items.map((person) => ({ ...person, agentTier: tiers.get(person.id) ?? null })),
  };
}

/** An active colleague by id (to give a role, an action or an item to), or null. */
export async function activeColleague(db: DatabaseOrTransaction, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  return row ?? null;
}
