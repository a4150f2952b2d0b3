import { ACCESS } from '@switchboard/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { qaScorecards, qaScorecardVersions, teams, users } from '../schema/index.ts';

/** What the QA pages filter and pick by: agents, reviewers, teams and scorecards, by name. */
export async function qaFilterOptions(db: Database) {
  const [agents, reviewers, teamRows, scorecards] = await Promise.all([
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.role, 'agent'))
      .orderBy(asc(users.name)),
    db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(and(inArray(users.role, [...ACCESS.console]), eq(users.active, true)))
      .orderBy(asc(users.name)),
    db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)),
    db
      .select({
        id: qaScorecards.id,
        name: qaScorecards.name,
        audience: qaScorecards.audience,
        passMark: qaScorecardVersions.passMark,
        archivedAt: qaScorecards.archivedAt,
      })
      .from(qaScorecards)
      .innerJoin(
        qaScorecardVersions,
        and(
          eq(qaScorecardVersions.scorecardId, qaScorecards.id),
          eq(qaScorecardVersions.version, qaScorecards.currentVersion),
        ),
      )
      .orderBy(asc(qaScorecards.name)),
  ]);
  return { agents, reviewers, teams: teamRows, scorecards };
}
