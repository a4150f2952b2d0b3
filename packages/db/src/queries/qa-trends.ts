import {
  type QaAnswers,
  type QaTrendsInput,
  qaTrends,
  qaTrendsInputSchema,
  storedCriteria,
} from '@switchboard/domain';
import { and, eq, gte, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { memberships, qaReviews, qaScorecardVersions, teams, users } from '../schema/index.ts';
import { onTeam } from './list-helpers.ts';

/*
 * QA trends: the submitted reviews of a period (calibration aside) — each on its own
 * scorecard version's criteria and pass mark — summed up per week, agent, team and criterion
 * by domain `qaTrends`. Reviews are a sample of the conversations (a few per agent a week),
 * so a year of them is read at once.
 */

export async function qaTrendsReport(db: Database, input: QaTrendsInput) {
  const parsed = qaTrendsInputSchema.parse(input);
  const rows = await db
    .select({
      agentId: qaReviews.agentId,
      submittedAt: qaReviews.submittedAt,
      score: qaReviews.score,
      autoFailed: qaReviews.autoFailed,
      status: qaReviews.status,
      scores: qaReviews.scores,
      versionId: qaReviews.scorecardVersionId,
      passMark: qaScorecardVersions.passMark,
    })
    .from(qaReviews)
    .innerJoin(qaScorecardVersions, eq(qaScorecardVersions.id, qaReviews.scorecardVersionId))
    .where(
      and(
        isNotNull(qaReviews.submittedAt),
        isNull(qaReviews.calibrationSessionId),
        gte(qaReviews.submittedAt, parsed.from),
        lt(qaReviews.submittedAt, parsed.to),
        parsed.scorecardId ? eq(qaScorecardVersions.scorecardId, parsed.scorecardId) : undefined,
        parsed.agentId ? eq(qaReviews.agentId, parsed.agentId) : undefined,
        onTeam(parsed.teamId, qaReviews.agentId),
      ),
    );

  const versionIds = [...new Set(rows.map((row) => row.versionId))];
  const agentIds = [...new Set(rows.map((row) => row.agentId))];
  const [versions, teamRows, agentRows] = await Promise.all([
    versionIds.length
      ? db
          .select({ id: qaScorecardVersions.id, criteria: qaScorecardVersions.criteria })
          .from(qaScorecardVersions)
          .where(inArray(qaScorecardVersions.id, versionIds))
      : [],
    agentIds.length
      ? db
          .select({ userId: memberships.userId, teamId: teams.id, teamName: teams.name })
          .from(memberships)
          .innerJoin(teams, eq(teams.id, memberships.teamId))
          .where(inArray(memberships.userId, agentIds))
      : [],
    agentIds.length
      ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, agentIds))
      : [],
  ]);
  const criteriaOf = new Map(
    versions.map((version) => [version.id, storedCriteria(version.criteria)]),
  );
  const teamsOf = new Map<string, string[]>();
  const teamNames = new Map<string, string>();
  for (const row of teamRows) {
    teamsOf.set(row.userId, [...(teamsOf.get(row.userId) ?? []), row.teamId]);
    teamNames.set(row.teamId, row.teamName);
  }
  const agentNames = new Map(agentRows.map((row) => [row.id, row.name]));

  const trends = qaTrends(
    rows.map((row) => ({
      agentId: row.agentId,
      // A team filter reads that team alone: the agent's other teams are not in question.
      teamIds: parsed.teamId ? [parsed.teamId] : (teamsOf.get(row.agentId) ?? []),
      submittedAt: row.submittedAt!,
      score: row.score ?? 0,
      passMark: row.passMark,
      autoFailed: row.autoFailed,
      status: row.status,
      criteria: criteriaOf.get(row.versionId) ?? [],
      answers: row.scores as QaAnswers,
    })),
    parsed,
  );
  return {
    ...trends,
    agents: trends.agents
      .map((row) => ({ ...row, agentName: agentNames.get(row.agentId) ?? 'Unknown' }))
      .sort((a, b) => a.agentName.localeCompare(b.agentName)),
    teams: trends.teams
      .map((row) => ({ ...row, teamName: teamNames.get(row.teamId) ?? 'Unknown team' }))
      .sort((a, b) => a.teamName.localeCompare(b.teamName)),
  };
}
