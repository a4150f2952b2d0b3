import { z } from 'zod';
import type { QaCriterion } from './scorecard.ts';

/**
 * A reviewer's answer to one criterion: points on its scale, or null for N/A; with an
 * optional comment the agent reads.
 */
export const qaCriterionAnswerSchema = z.object({
  score: z.number({ error: 'Score: a number or N/A' }).int('Score: whole points').nullable(),
  comment: z.string().trim().max(2000, 'Comment: at most 2,000 characters').default(''),
});

/** Answers by criterion id, as stored in `qa_reviews.scores`. */
export const qaAnswersSchema = z.record(z.string().max(40), qaCriterionAnswerSchema);
export type QaAnswers = Record<string, { score: number | null; comment?: string }>;

/** Where a score sits on its criterion's scale: 0 at the bottom, 1 at the top. */
export function normalisedScore(criterion: Pick<QaCriterion, 'scale'>, score: number): number {
  const { min, max } = criterion.scale;
  return Math.min(1, Math.max(0, (score - min) / (max - min)));
}

/** An auto-fail criterion fails when it gets the bottom of its scale. */
export function failsAutomatically(
  criterion: Pick<QaCriterion, 'autoFail' | 'scale'>,
  score: number | null | undefined,
): boolean {
  return (
    criterion.autoFail && score !== null && score !== undefined && score <= criterion.scale.min
  );
}

export interface QaScoreResult {
  /** Whole percent 0–100 (0 on auto-fail); null when no criterion applies yet. */
  score: number | null;
  /** The unrounded percent, for averages. */
  exact: number | null;
  autoFailed: boolean;
  /** Ids of the auto-fail criteria that failed. */
  failedCriteria: string[];
  /** Σ weight of the criteria that count (answered with a score, not N/A). */
  applicableWeight: number;
}

/**
 * DOMAIN.md "QA": score = Σ(weight × normalised score) ÷ Σ(weight of applicable criteria),
 * as a percent; any failed auto-fail criterion makes it 0. N/A and unanswered criteria count
 * neither for nor against, so a draft shows the score so far.
 */
export function qaScore(criteria: readonly QaCriterion[], answers: QaAnswers): QaScoreResult {
  let weighted = 0;
  let applicableWeight = 0;
  const failedCriteria: string[] = [];
  for (const criterion of criteria) {
    const score = answers[criterion.id]?.score;
    if (score === null || score === undefined) continue;
    if (failsAutomatically(criterion, score)) failedCriteria.push(criterion.id);
    weighted += criterion.weight * normalisedScore(criterion, score);
    applicableWeight += criterion.weight;
  }
  const autoFailed = failedCriteria.length > 0;
  // A failed auto-fail criterion carries weight, so an auto-fail always has a score.
  if (applicableWeight === 0) {
    return { score: null, exact: null, autoFailed, failedCriteria, applicableWeight };
  }
  const exact = autoFailed ? 0 : (weighted / applicableWeight) * 100;
  return { score: Math.round(exact), exact, autoFailed, failedCriteria, applicableWeight };
}

export interface QaAnswerIssue {
  /** `scores.<criterion id>.score`, as the API names the field. */
  path: string;
  message: string;
}

/**
 * What is wrong with a set of answers for these criteria. A draft may leave criteria
 * unanswered; a submitted review answers every one, and at least one must count.
 */
export function qaAnswerIssues(
  criteria: readonly QaCriterion[],
  answers: QaAnswers,
  mode: 'draft' | 'submit',
): QaAnswerIssue[] {
  const issues: QaAnswerIssue[] = [];
  const known = new Set(criteria.map((criterion) => criterion.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) {
      issues.push({ path: `scores.${id}`, message: 'Not a criterion of this scorecard version' });
    }
  }
  for (const criterion of criteria) {
    const path = `scores.${criterion.id}.score`;
    const answer = answers[criterion.id];
    if (answer === undefined) {
      if (mode === 'submit') issues.push({ path, message: `${criterion.label}: score it` });
      continue;
    }
    if (answer.score === null) {
      if (!criterion.allowNa) {
        issues.push({ path, message: `${criterion.label}: N/A is not allowed` });
      }
      continue;
    }
    const { min, max } = criterion.scale;
    if (!Number.isInteger(answer.score) || answer.score < min || answer.score > max) {
      issues.push({ path, message: `${criterion.label}: score ${min}–${max}` });
    }
  }
  if (
    mode === 'submit' &&
    issues.length === 0 &&
    qaScore(criteria, answers).applicableWeight === 0
  ) {
    issues.push({
      path: 'scores',
      message: 'Every criterion is N/A: score at least one, or discard the review',
    });
  }
  return issues;
}

/** Whether a review passes: its score at or above its scorecard version's pass mark. */
export function passesQa(score: number, passMark: number): boolean {
  return score >= passMark;
}
