import type { Role, UserListInput } from '@switchboard/domain';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { memberships, teams, users } from '../schema/index.ts';

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  role: Role;
  agentTier: 'L1' | 'L2' | null;
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
  agentTier: users.agentTier,
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

export async function listTeamsOfUser(db: Database, userId: string) {
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
  const filters: SQL[] = [];
  if (input.role) filters.push(eq(users.role, input.role));
  if (input.search) {
    const pattern = `%${escapeLike(input.search)}%`;
    const match = or(ilike(users.name, pattern), ilike(users.email, pattern));
    if (match) filters.push(match);
  }
  const where = filters.length > 0 ? and(...filters) : undefined;
  const [items, [totalRow]] = await Promise.all([
    db
      .select(staffColumns)
      .from(users)
      .where(where)
      .orderBy(asc(USER_SORT_COLUMNS[input.sort]), asc(users.id))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items, total: totalRow?.total ?? 0, limit: input.limit, offset: input.offset };
}

/** Escapes LIKE wildcards so a search for "50%" finds the text, not everything. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
