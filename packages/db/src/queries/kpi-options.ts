import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { cities, inboxes, requestTypes, teams, users } from '../schema/index.ts';

/** Most people a report's agent picker lists: staff, not customers, so this bounds it. */
const MAX_AGENTS = 1_000;

/** What the dashboard's filters and breakdown labels choose from. */
export async function kpiFilterOptions(db: DatabaseOrTransaction) {
  const [cityRows, inboxRows, teamRows, agentRows, typeRows] = await Promise.all([
    db
      .select({ id: cities.id, name: cities.name, timeZone: cities.timeZone })
      .from(cities)
      .orderBy(asc(cities.name)),
    db
      .select({
        id: inboxes.id,
        name: inboxes.name,
        teamId: inboxes.teamId,
        audience: inboxes.audience,
      })
      .from(inboxes)
      .orderBy(asc(inboxes.name)),
    db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(inArray(users.role, ['agent', 'lead']), eq(users.active, true)))
      .orderBy(asc(users.name))
      .limit(MAX_AGENTS),
    db
      .select({ id: requestTypes.id, name: requestTypes.name, audience: requestTypes.audience })
      .from(requestTypes)
      .orderBy(asc(requestTypes.name)),
  ]);
  return {
    cities: cityRows,
    inboxes: inboxRows,
    teams: teamRows,
    agents: agentRows,
    requestTypes: typeRows,
  };
}
