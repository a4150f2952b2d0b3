import type { QaReviewStatus } from './review-status.ts';
import { weekStartOf, weeksBetween } from './sampling.ts';
import type { QaCriterion, QaCriterionGroup } from './scorecard.ts';
import { failsAutomatically, normalisedScore, passesQa, type QaAnswers } from './scoring.ts';

/** One submitted review as trends read it: its score, its version's pass mark and criteria. */
export interface QaTrendReview {
  agentId: string;
  /** The teams the agent is on. */
  teamIds: readonly string[];
  submittedAt: Date;
  score: number;
  passMark: number;
  autoFailed: boolean;
  status: QaReviewStatus;
  criteria: readonly QaCriterion[];
  answers: QaAnswers;
}

/** The QA figures of a set of reviews. */
export interface QaFigures {
  reviews: number;
  /** Mean score, percent; null without reviews. */
  averageScore: number | null;
  /** Share 0–1 of reviews at or above their scorecard's pass mark. */
  passRate: number | null;
  autoFails: number;
  /** Reviews the agent disputed (open or settled). */
  disputes: number;
}

export interface QaCriterionTrend {
  criterionId: string;
  label: string;
  group: QaCriterionGroup;
  autoFail: boolean;
  /** Reviews that scored it. */
  scored: number;
  notApplicable: number;
  /** Mean position on its scale, percent (0 bottom, 100 top). */
  average: number | null;
  /** Times it failed a review automatically. */
  autoFailures: number;
}

export interface QaTrends {
  overall: QaFigures;
  weeks: Array<QaFigures & { weekStart: string }>;
  agents: Array<QaFigures & { agentId: string }>;
  teams: Array<QaFigures & { teamId: string }>;
  criteria: QaCriterionTrend[];
}

class FiguresAccumulator {
  private count = 0;
  private total = 0;
  private passed = 0;
  private autoFails = 0;
  private disputes = 0;

  add(review: QaTrendReview): void {
    this.count += 1;
    this.total += review.score;
    if (passesQa(review.score, review.passMark)) this.passed += 1;
    if (review.autoFailed) this.autoFails += 1;
    if (review.status === 'disputed' || review.status === 'settled') this.disputes += 1;
  }

  figures(): QaFigures {
    return {
      reviews: this.count,
      averageScore: this.count > 0 ? this.total / this.count : null,
      passRate: this.count > 0 ? this.passed / this.count : null,
      autoFails: this.autoFails,
      disputes: this.disputes,
    };
  }
}

function accumulatorFor<K>(map: Map<K, FiguresAccumulator>, key: K): FiguresAccumulator {
  let accumulator = map.get(key);
  if (!accumulator) {
    accumulator = new FiguresAccumulator();
    map.set(key, accumulator);
  }
  return accumulator;
}

interface CriterionAccumulator {
  criterion: QaCriterion;
  /** When the version the label comes from was used: the newest wording wins. */
  seenAt: number;
  scored: number;
  notApplicable: number;
  normalisedTotal: number;
  autoFailures: number;
}

/**
 * Weekly average score, pass rate (against each review's own scorecard pass mark) and number
 * of reviews, with the same figures per agent, per team and — on each criterion's own scale —
 * per criterion. Weeks start on Monday in `timeZone`; every week of the period is listed,
 * empty ones included, so a chart shows the gaps.
 */
export function qaTrends(
  reviews: readonly QaTrendReview[],
  period: { from: Date; to: Date; timeZone: string },
): QaTrends {
  const overall = new FiguresAccumulator();
  const weeks = new Map<string, FiguresAccumulator>(
    weeksBetween(period.from, period.to, period.timeZone).map((week) => [
      week,
      new FiguresAccumulator(),
    ]),
  );
  const agents = new Map<string, FiguresAccumulator>();
  const teams = new Map<string, FiguresAccumulator>();
  const criteria = new Map<string, CriterionAccumulator>();

  for (const review of reviews) {
    overall.add(review);
    accumulatorFor(weeks, weekStartOf(review.submittedAt, period.timeZone)).add(review);
    accumulatorFor(agents, review.agentId).add(review);
    for (const teamId of new Set(review.teamIds)) accumulatorFor(teams, teamId).add(review);
    for (const criterion of review.criteria) {
      const score = review.answers[criterion.id]?.score;
      if (score === undefined) continue;
      let entry = criteria.get(criterion.id);
      if (!entry) {
        entry = {
          criterion,
          seenAt: review.submittedAt.getTime(),
          scored: 0,
          notApplicable: 0,
          normalisedTotal: 0,
          autoFailures: 0,
        };
        criteria.set(criterion.id, entry);
      } else if (review.submittedAt.getTime() > entry.seenAt) {
        entry.criterion = criterion;
        entry.seenAt = review.submittedAt.getTime();
      }
      if (score === null) {
        entry.notApplicable += 1;
        continue;
      }
      entry.scored += 1;
      entry.normalisedTotal += normalisedScore(criterion, score);
      if (failsAutomatically(criterion, score)) entry.autoFailures += 1;
    }
  }

  return {
    overall: overall.figures(),
    weeks: [...weeks.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([weekStart, accumulator]) => ({ weekStart, ...accumulator.figures() })),
    agents: [...agents.entries()].map(([agentId, accumulator]) => ({
      agentId,
      ...accumulator.figures(),
    })),
    teams: [...teams.entries()].map(([teamId, accumulator]) => ({
      teamId,
      ...accumulator.figures(),
    })),
    criteria: [...criteria.values()]
      .map((entry) => ({
        criterionId: entry.criterion.id,
        label: entry.criterion.label,
        group: entry.criterion.group,
        autoFail: entry.criterion.autoFail,
        scored: entry.scored,
        notApplicable: entry.notApplicable,
        average: entry.scored > 0 ? (entry.normalisedTotal / entry.scored) * 100 : null,
        autoFailures: entry.autoFailures,
      }))
      // Weakest first: what to coach on.
      .sort((a, b) => (a.average ?? 101) - (b.average ?? 101)),
  };
}
