import {
  QA_LOW_CSAT_MAX_RATING,
  type QaSampleInput,
  qaSampleInputSchema,
  qaSampleReason,
  weekRange,
} from '@switchboard/domain';
import {
  and,
  asc,
  desc,
  eq,
  exists,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  sql,
} from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  approvalOutcomes,
  approvalRequests,
  conversations,
  escalations,
  conversationKpiFacts as facts,
  guardrailDecisions,
  qaReviews,
  qaScorecards,
  users,
} from '../schema/index.ts';
import { allOf, onTeam } from './list-helpers.ts';
import { QaError } from './qa-refusal.ts';

/*
 * The samples reviewers pick conversations from: conversations agents resolved in one local
 * week (read from the KPI facts, indexed by resolution time), of the scorecard's audience.
 * The random sample draws the scorecard's number per agent by hashing each conversation with
 * the scorecard and the week, so the draw is random across conversations but the same every
 * time the page opens — reviewers work through one list, not a reshuffled one.
 */

async function scorecardOf(db: Database, id: string) {
  const [row] = await db
    .select({
      id: qaScorecards.id,
      name: qaScorecards.name,
      audience: qaScorecards.audience,
      randomSamplePerAgent: qaScorecards.randomSamplePerAgent,
    })
    .from(qaScorecards)
    .where(eq(qaScorecards.id, id));
  if (!row) throw new QaError('NOT_FOUND', 'There is no such scorecard', 'scorecardId');
  return row;
}

/** Whether a submitted review outside calibration exists on the conversation. */
function reviewed(conversationId: typeof facts.conversationId) {
  return sql<boolean>`exists (select 1 from ${qaReviews}
    where ${qaReviews.conversationId} = ${conversationId}
      and ${qaReviews.calibrationSessionId} is null
      and ${qaReviews.submittedAt} is not null)`;
}

export async function listQaSample(db: Database, input: QaSampleInput) {
  const parsed = qaSampleInputSchema.parse(input);
  const scorecard = await scorecardOf(db, parsed.scorecardId);
  const { from, to } = weekRange(parsed.weekStart, parsed.timeZone);
  const eligible = allOf([
    isNotNull(facts.assigneeId),
    gte(facts.resolvedAt, from),
    lt(facts.resolvedAt, to),
    eq(users.role, 'agent'),
    scorecard.audience ? eq(facts.audience, scorecard.audience) : undefined,
    parsed.agentId ? eq(facts.assigneeId, parsed.agentId) : undefined,
    onTeam(parsed.teamId, facts.assigneeId),
  ]);

  const seed = `${scorecard.id}:${parsed.weekStart}:`;
  const draws = db
    .select({
      conversationId: sql<string>`${facts.conversationId}`.as('drawn_id'),
      draw: sql<number>`row_number() over (partition by ${facts.assigneeId}
        order by md5(${seed} || ${facts.conversationId}::text))`.as('draw'),
    })
    .from(facts)
    .innerJoin(users, eq(users.id, facts.assigneeId))
    .where(eligible)
    .as('draws');

  /** The conversations the random draw picked: the first `randomSamplePerAgent` per agent. */
  const drawn = and(
    eq(draws.conversationId, facts.conversationId),
    lte(draws.draw, scorecard.randomSamplePerAgent),
  );

  const listFilter = {
    random: undefined,
    low_csat: lte(facts.csatRating, QA_LOW_CSAT_MAX_RATING),
    escalated: exists(
      db
        .select({ one: sql`1` })
        .from(escalations)
        .where(eq(escalations.conversationId, facts.conversationId)),
    ),
    guardrail_approval: exists(
      db
        .select({ one: sql`1` })
        .from(approvalRequests)
        .where(eq(approvalRequests.conversationId, facts.conversationId)),
    ),
  }[parsed.list];

  const fromSample = () => {
    const base = db
      .select({
        conversationId: facts.conversationId,
        number: conversations.number,
        subject: conversations.subject,
        audience: facts.audience,
        channel: facts.channel,
        resolvedAt: facts.resolvedAt,
        csatRating: facts.csatRating,
        agentId: sql<string>`${facts.assigneeId}`,
        agentName: users.name,
      })
      .from(facts)
      .innerJoin(conversations, eq(conversations.id, facts.conversationId))
      .innerJoin(users, eq(users.id, facts.assigneeId));
    return parsed.list === 'random' ? base.innerJoin(draws, drawn) : base;
  };
  const where = allOf([eligible, listFilter]);

  const countQuery = () => {
    const base = db
      .select({ total: sql<number>`count(*)::int` })
      .from(facts)
      .innerJoin(users, eq(users.id, facts.assigneeId));
    return parsed.list === 'random' ? base.innerJoin(draws, drawn) : base;
  };

  const randomProgress = () =>
    db
      .select({
        agentId: sql<string>`${facts.assigneeId}`,
        agentName: users.name,
        sampled: sql<number>`count(*)::int`,
        reviewed: sql<number>`count(*) filter (where ${reviewed(facts.conversationId)})::int`,
      })
      .from(facts)
      .innerJoin(users, eq(users.id, facts.assigneeId))
      .innerJoin(draws, drawn)
      .where(eligible)
      .groupBy(facts.assigneeId, users.name)
      .orderBy(asc(users.name));

  const [rows, [count], progress] = await Promise.all([
    fromSample()
      .where(where)
      .orderBy(asc(users.name), desc(facts.resolvedAt), asc(facts.conversationId))
      .limit(parsed.limit)
      .offset(parsed.offset),
    countQuery().where(where),
    parsed.list === 'random' ? randomProgress() : Promise.resolve([]),
  ]);

  const ids = rows.map((row) => row.conversationId);
  const [escalatedTo, approvals, reviews] = ids.length
    ? await Promise.all([
        db
          .selectDistinct({
            conversationId: escalations.conversationId,
            teamKind: escalations.teamKind,
          })
          .from(escalations)
          .where(inArray(escalations.conversationId, ids)),
        db
          .select({
            conversationId: approvalRequests.conversationId,
            kind: guardrailDecisions.kind,
            outcome: approvalOutcomes.outcome,
          })
          .from(approvalRequests)
          .innerJoin(guardrailDecisions, eq(guardrailDecisions.id, approvalRequests.decisionId))
          .leftJoin(approvalOutcomes, eq(approvalOutcomes.requestId, approvalRequests.id))
          .where(inArray(approvalRequests.conversationId, ids))
          .orderBy(asc(approvalRequests.createdAt)),
        db
          .select({
            id: qaReviews.id,
            conversationId: qaReviews.conversationId,
            status: qaReviews.status,
            score: qaReviews.score,
            reviewerId: qaReviews.reviewerId,
            reviewerName: users.name,
          })
          .from(qaReviews)
          .innerJoin(users, eq(users.id, qaReviews.reviewerId))
          .where(
            and(inArray(qaReviews.conversationId, ids), isNull(qaReviews.calibrationSessionId)),
          )
          .orderBy(asc(qaReviews.createdAt)),
      ])
    : [[], [], []];

  const grouped = <T extends { conversationId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list)
      map.set(item.conversationId, [...(map.get(item.conversationId) ?? []), item]);
    return map;
  };
  const escalatedBy = grouped(escalatedTo);
  const approvalsBy = grouped(approvals);
  const reviewsBy = grouped(reviews);

  return {
    scorecard,
    week: { start: parsed.weekStart, from, to },
    items: rows.map((row) => ({
      ...row,
      reason: qaSampleReason(parsed.list, {
        csatRating: row.csatRating,
        escalatedTo: (escalatedBy.get(row.conversationId) ?? []).map((item) => item.teamKind),
        approvals: (approvalsBy.get(row.conversationId) ?? []).map(({ kind, outcome }) => ({
          kind,
          outcome,
        })),
      }),
      reviews: (reviewsBy.get(row.conversationId) ?? []).map(
        ({ conversationId: _id, ...review }) => review,
      ),
    })),
    total: count?.total ?? 0,
    limit: parsed.limit,
    offset: parsed.offset,
    /** Random sample only: per agent, conversations drawn and reviewed so far. */
    progress,
  };
}
