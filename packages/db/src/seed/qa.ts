import {
  QA_LOW_CSAT_MAX_RATING,
  type QaAnswers,
  type QaCriterion,
  qaScore,
  storedCriteria,
  weekStartOf,
} from '@switchboard/domain';
import { and, asc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  createQaCalibration,
  qaCalibrationDetail,
  revealQaCalibration,
} from '../queries/qa-calibration.ts';
import {
  acknowledgeQaReview,
  disputeQaReview,
  type QaStaff,
  saveQaDraft,
  settleQaReview,
  startQaReview,
  submitQaReview,
} from '../queries/qa-reviews.ts';
import { createQaScorecard, updateQaScorecard } from '../queries/qa-scorecards.ts';
import { conversations, escalations, qaReviews, qaScorecards, users } from '../schema/index.ts';
import { demoStaff } from './organisation.ts';
import {
  coachingComment,
  DRIVER_SCORECARD,
  GUEST_SCORECARD,
  GUEST_SCORECARD_V2,
  LOW_SCORE_COMMENTS,
} from './qa-scorecards.ts';
import { hash32, Random } from './random.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEKS = 8;
const REVIEWS_PER_WEEK = 8;

interface Candidate {
  id: string;
  number: number;
  audience: 'guest' | 'driver';
  resolvedAt: Date;
  csatRating: number | null;
  agentId: string;
  agentName: string;
  escalated: boolean;
}

interface Scorecard {
  id: string;
  passMark: number;
  criteria: QaCriterion[];
}

/** Candidates per agent per week: enough to pick from, few enough to hold at any scale. */
const CANDIDATES_PER_AGENT_WEEK = 3;

/**
 * Agents' resolved conversations of the last eight weeks, oldest first: the first few of
 * each agent's week, so a million-conversation demo reads a few hundred rows, not all of them.
 */
async function candidates(db: Database, now: number): Promise<Candidate[]> {
  const ranked = db
    .select({
      id: conversations.id,
      number: conversations.number,
      audience: conversations.audience,
      resolvedAt: conversations.resolvedAt,
      csatRating: conversations.csatRating,
      agentId: sql<string>`${users.id}`.as('agent_id'),
      agentName: sql<string>`${users.name}`.as('agent_name'),
      rank: sql<number>`row_number() over (
        partition by ${conversations.assigneeId}, date_trunc('week', ${conversations.resolvedAt})
        order by ${conversations.number})`.as('rank'),
    })
    .from(conversations)
    .innerJoin(users, eq(users.id, conversations.assigneeId))
    .where(
      and(
        eq(users.role, 'agent'),
        inArray(conversations.status, ['resolved', 'closed']),
        gte(conversations.resolvedAt, new Date(now - WEEKS * 7 * DAY)),
        lt(conversations.resolvedAt, new Date(now - 2 * DAY)),
      ),
    )
    .as('ranked');
  const rows = await db
    .select({
      id: ranked.id,
      number: ranked.number,
      audience: ranked.audience,
      resolvedAt: ranked.resolvedAt,
      csatRating: ranked.csatRating,
      agentId: ranked.agentId,
      agentName: ranked.agentName,
      escalated: sql<boolean>`exists (select 1 from ${escalations}
        where ${escalations.conversationId} = ${ranked.id})`,
    })
    .from(ranked)
    .where(lte(ranked.rank, CANDIDATES_PER_AGENT_WEEK))
    .orderBy(asc(ranked.resolvedAt), asc(ranked.number));
  return rows.map((row) => ({ ...row, resolvedAt: row.resolvedAt! }));
}

/**
 * An agent's steady quality (0.55–0.95 of each scale), from their id, so the same agents
 * lead and trail the trends every time the demo is seeded.
 */
function qualityOf(agentId: string): number {
  return 0.55 + (hash32('qa-quality', agentId) % 1000) / 2500;
}

/** Scores around the agent's quality, N/A where a criterion often does not apply. */
function answersFor(criteria: readonly QaCriterion[], quality: number, random: Random): QaAnswers {
  const answers: QaAnswers = {};
  for (const criterion of criteria) {
    if (criterion.allowNa && random.chance(criterion.autoFail ? 0.7 : 0.25)) {
      answers[criterion.id] = { score: null };
      continue;
    }
    const { min, max } = criterion.scale;
    if (criterion.autoFail) {
      answers[criterion.id] = { score: max };
      continue;
    }
    const position = Math.min(1, Math.max(0, quality + random.float(-0.3, 0.2)));
    const score = Math.round(min + position * (max - min));
    answers[criterion.id] = {
      score,
      ...(position < 0.5 && LOW_SCORE_COMMENTS[criterion.id]
        ? { comment: LOW_SCORE_COMMENTS[criterion.id] }
        : {}),
    };
  }
  return answers;
}

function sampleOf(candidate: Candidate, random: Random) {
  if (candidate.csatRating !== null && candidate.csatRating <= QA_LOW_CSAT_MAX_RATING)
    return 'low_csat' as const;
  if (candidate.escalated) return 'escalated' as const;
  return random.chance(0.8) ? ('random' as const) : ('manual' as const);
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/** Up to REVIEWS_PER_WEEK conversations a week, one per agent before anyone gets a second. */
function plannedReviews(
  all: readonly Candidate[],
  now: number,
  random: Random,
  demoAgentId: string,
): Candidate[] {
  const byWeek = new Map<string, Candidate[]>();
  for (const candidate of all) {
    const week = weekStartOf(candidate.resolvedAt, 'Europe/Lisbon');
    byWeek.set(week, [...(byWeek.get(week) ?? []), candidate]);
  }
  const picked: Candidate[] = [];
  for (const [, week] of [...byWeek.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const perAgent = new Map<string, Candidate[]>();
    for (const candidate of week) {
      perAgent.set(candidate.agentId, [...(perAgent.get(candidate.agentId) ?? []), candidate]);
    }
    // The demo agent's queue first: whoever signs in as agent@ has reviews every week.
    const queues = [...perAgent.entries()]
      .sort(([a], [b]) => Number(b === demoAgentId) - Number(a === demoAgentId))
      .map(([, list]) => shuffled(list, random));
    let taken = 0;
    for (let round = 0; taken < REVIEWS_PER_WEEK && round < 3; round += 1) {
      for (const queue of queues) {
        const next = queue[round];
        if (next && taken < REVIEWS_PER_WEEK && next.resolvedAt.getTime() < now - 2 * DAY) {
          picked.push(next);
          taken += 1;
        }
      }
    }
  }
  return picked;
}

/**
 * The demo's QA: a guest scorecard (edited once, so it has two versions) and a driver one,
 * about sixty reviews submitted over the last eight weeks through the same queries the API
 * uses — most acknowledged, some low, one auto-failed, two disputed (one settled by a lead)
 * — two drafts in progress, and a revealed calibration session of three reviewers. Skipped
 * when the database already has scorecards.
 */
export async function insertDemoQa(db: Database, now: number, seed: number): Promise<number> {
  const [existing] = await db.select({ id: qaScorecards.id }).from(qaScorecards).limit(1);
  if (existing) return 0;
  const random = new Random(seed, 'qa');
  const [trainer, lead, otherLead] = await Promise.all([
    demoStaff(db, 'trainer'),
    demoStaff(db, 'lead'),
    demoStaff(db, 'karim.mansour'),
  ]);
  const demoAgent = await demoStaff(db, 'agent');

  const guest = await createQaScorecard(db, GUEST_SCORECARD, {
    actorId: trainer.id,
    now: new Date(now - 120 * DAY),
  });
  const guestV2 = await updateQaScorecard(
    db,
    { ...GUEST_SCORECARD_V2, id: guest.id },
    { actorId: lead.id, now: new Date(now - 70 * DAY) },
  );
  const driver = await createQaScorecard(db, DRIVER_SCORECARD, {
    actorId: trainer.id,
    now: new Date(now - 110 * DAY),
  });
  const scorecards: Record<'guest' | 'driver', Scorecard> = {
    guest: {
      id: guestV2.id,
      passMark: guestV2.passMark,
      criteria: storedCriteria(guestV2.criteria),
    },
    driver: { id: driver.id, passMark: driver.passMark, criteria: storedCriteria(driver.criteria) },
  };

  const all = await candidates(db, now);
  // The calibration conversation is kept out of the reviews.
  const calibrationCandidate = [...all]
    .reverse()
    .find(
      (candidate) =>
        candidate.audience === 'guest' &&
        candidate.agentId !== demoAgent.id &&
        candidate.resolvedAt.getTime() < now - 11 * DAY,
    );
  const plan = plannedReviews(
    all.filter((candidate) => candidate.id !== calibrationCandidate?.id),
    now,
    random,
    demoAgent.id,
  );
  const reviewers = [trainer, trainer, lead, otherLead];
  const submitted: Array<{
    id: string;
    candidate: Candidate;
    reviewer: QaStaff;
    at: number;
    score: number;
  }> = [];
  let autoFailDone = false;

  for (const [index, candidate] of plan.entries()) {
    const scorecard = scorecards[candidate.audience];
    const reviewer = reviewers[index % reviewers.length]!;
    const at = Math.min(now - 3 * HOUR, candidate.resolvedAt.getTime() + random.int(20, 70) * HOUR);
    const answers = answersFor(scorecard.criteria, qualityOf(candidate.agentId), random);
    // One guest review, weeks back, fails on personal data.
    if (
      !autoFailDone &&
      candidate.audience === 'guest' &&
      candidate.agentId !== demoAgent.id &&
      at < now - 21 * DAY
    ) {
      answers.protects_personal_data = {
        score: 0,
        comment: LOW_SCORE_COMMENTS.protects_personal_data,
      };
      autoFailDone = true;
    }
    const { id } = await startQaReview(
      db,
      {
        scorecardId: scorecard.id,
        sample: sampleOf(candidate, random),
        conversationId: candidate.id,
      },
      reviewer,
      new Date(at - 40 * 60_000),
    );
    // The two most recent planned conversations stay drafts: reviews in progress.
    if (index >= plan.length - 2) {
      await saveQaDraft(
        db,
        { id, scores: Object.fromEntries(Object.entries(answers).slice(0, 3)), comment: '' },
        reviewer,
        new Date(at - 30 * 60_000),
      );
      continue;
    }
    const score = qaScore(scorecard.criteria, answers).score ?? 0;
    await submitQaReview(
      db,
      {
        id,
        scores: answers,
        comment: coachingComment(score, scorecard.passMark, candidate.agentName.split(' ')[0]!),
      },
      reviewer,
      new Date(at),
    );
    submitted.push({ id, candidate, reviewer, at, score });
  }

  // Disputes: the demo agent's lowest recent review stays open for the demo lead to settle
  // (one she did not write); another agent's low review, weeks ago, was settled with revised
  // scores.
  const disputable = submitted
    .filter((item) => item.at > now - 12 * DAY && item.score > 0)
    .sort((a, b) => a.score - b.score);
  const byDemoAgent = disputable.filter((item) => item.candidate.agentId === demoAgent.id);
  const openDispute =
    byDemoAgent.find((item) => item.reviewer.id !== lead.id) ?? byDemoAgent[0] ?? disputable[0];
  const settledDispute = submitted
    .filter(
      (item) =>
        item.candidate.agentId !== demoAgent.id &&
        item.at < now - 20 * DAY &&
        item.score > 0 &&
        item.reviewer.id !== lead.id,
    )
    .sort((a, b) => a.score - b.score)[0];
  const latestOfDemoAgent = submitted
    .filter((item) => item.candidate.agentId === demoAgent.id && item !== openDispute)
    .at(-1);

  for (const item of submitted) {
    const agent: QaStaff = {
      id: item.candidate.agentId,
      name: item.candidate.agentName,
      role: 'agent',
    };
    const answeredAt = new Date(Math.min(now - HOUR, item.at + random.int(3, 40) * HOUR));
    if (item === openDispute || item === settledDispute) {
      await disputeQaReview(
        db,
        {
          id: item.id,
          reason:
            item === openDispute
              ? 'I answered the follow-up in my second reply, so the customer did not have to write again — the resolution score should be higher.'
              : 'The handoff had everything the other team needed; nobody had to come back to me.',
        },
        agent,
        answeredAt,
      );
      if (item === settledDispute) {
        const scorecard = scorecards[item.candidate.audience];
        const [row] = await db
          .select({ scores: qaReviews.scores })
          .from(qaReviews)
          .where(eq(qaReviews.id, item.id));
        const resolution = scorecard.criteria.find(
          (criterion) => criterion.group === 'resolution',
        )!;
        await settleQaReview(
          db,
          {
            id: item.id,
            outcome: 'revised',
            note: 'Checked the conversation and its handoff: nothing was missing. Resolution scored again.',
            scores: { ...row!.scores, [resolution.id]: { score: resolution.scale.max } },
          },
          lead,
          new Date(answeredAt.getTime() + 26 * HOUR),
        );
      }
      continue;
    }
    // Most reviews are acknowledged; the demo agent's latest still waits for them.
    if (item === latestOfDemoAgent || random.chance(0.2)) continue;
    await acknowledgeQaReview(
      db,
      { id: item.id, note: random.chance(0.3) ? 'Thanks — noted for next time.' : '' },
      agent,
      answeredAt,
    );
  }

  if (calibrationCandidate) {
    await insertDemoCalibration(
      db,
      calibrationCandidate,
      scorecards.guest,
      [trainer, lead, otherLead],
      now,
    );
  }
  return plan.length;
}

/** Three reviewers score one guest conversation blind; the lead reveals it two days later. */
async function insertDemoCalibration(
  db: Database,
  candidate: Candidate,
  scorecard: Scorecard,
  reviewers: [QaStaff, QaStaff, QaStaff],
  now: number,
) {
  const [trainer, lead, otherLead] = reviewers;
  const createdAt = now - 10 * DAY;
  const { id } = await createQaCalibration(
    db,
    {
      title: `Airport pickup, #${candidate.number}`,
      conversationNumber: candidate.number,
      scorecardId: scorecard.id,
      reviewerIds: reviewers.map((reviewer) => reviewer.id),
    },
    lead,
    new Date(createdAt),
  );
  const base: QaAnswers = {
    greets_by_name: { score: 2 },
    tone_fits: { score: 4 },
    clear_next_steps: { score: 1, comment: 'Pickup point given, no ETA.' },
    acknowledges_situation: { score: 2 },
    within_guardrails: { score: null },
    protects_personal_data: { score: 1 },
    classified_correctly: { score: 2 },
    resolved_in_contact: { score: 4 },
  };
  // Where the team reads the scorecard differently: ETA clarity and empathy.
  const variations: QaAnswers[] = [
    base,
    { ...base, clear_next_steps: { score: 2 }, tone_fits: { score: 5 } },
    {
      ...base,
      acknowledges_situation: { score: 1, comment: 'Acknowledged late, after the logistics.' },
      within_guardrails: { score: 2 },
      resolved_in_contact: { score: 3 },
    },
  ];
  const detail = await qaCalibrationDetail(db, id, lead);
  for (const [index, reviewer] of [trainer, lead, otherLead].entries()) {
    const reviewId = detail.reviewers.find((row) => row.reviewerId === reviewer.id)!.reviewId;
    await submitQaReview(
      db,
      { id: reviewId, scores: variations[index]!, comment: '' },
      reviewer,
      new Date(createdAt + (index + 1) * 5 * HOUR),
    );
  }
  await revealQaCalibration(db, id, lead, new Date(createdAt + 2 * DAY));
}
