import { z } from 'zod';
import { hasAccess, type Role } from '../people/roles.ts';
import type { QaRefusal } from './review-status.ts';
import type { QaCriterion, QaScale } from './scorecard.ts';
import { normalisedScore, type QaAnswers, qaScore } from './scoring.ts';

/*
 * Calibration: several reviewers score the same conversation blind, then compare. The figure
 * a QA lead reads is the agreement rate — the share of criteria the reviewers agreed on:
 *
 *   - on short scales (three points or fewer, e.g. 0–1 or 0–2) they agree when everyone gave
 *     the same score: one point there is the difference between "partly" and "yes";
 *   - on longer scales (e.g. 1–5) they agree when every score is within one point of every
 *     other;
 *   - a criterion some called N/A and others scored is a disagreement; one everyone called N/A
 *     is an agreement.
 *
 * At QA_CALIBRATED_AGREEMENT or above the team reads the scorecard the same way; below, the
 * criteria that disagree are the ones to talk through.
 */

/** Agreement at or above which a session counts as calibrated. */
export const QA_CALIBRATED_AGREEMENT = 0.8;

export const QA_AGREEMENT_EXPLANATION =
  'Agreement is the share of criteria the reviewers agreed on. On short scales (0–1, 0–2) that means everyone gave the same score; on longer ones (1–5) every score within one point of the others. A criterion some marked N/A and others scored counts as a disagreement. 80% or more: the team reads the scorecard the same way.';

/** How far apart scores on this scale may be and still agree. */
export function agreementTolerance(scale: QaScale): number {
  return scale.max - scale.min + 1 <= 3 ? 0 : 1;
}

export interface CalibrationEntry {
  reviewerId: string;
  answers: QaAnswers;
}

export interface CriterionSpread {
  criterionId: string;
  /** Each entry's score in entry order; null for N/A or unanswered. */
  scores: Array<number | null>;
  naCount: number;
  /** Over the scores given (N/A left out), in scale points; null when nobody scored it. */
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Population standard deviation, in scale points. */
  standardDeviation: number | null;
  agrees: boolean;
}

export interface ReviewerLeaning {
  reviewerId: string;
  /** Their overall score (percent), null when nothing applied. */
  score: number | null;
  /**
   * How much more generously (positive) or strictly (negative) they scored than the others,
   * in percentage points of the scale, averaged over the criteria they scored.
   */
  leaning: number | null;
}

export interface CalibrationResult {
  criteria: CriterionSpread[];
  /** Share 0–1 of the criteria the reviewers agreed on; null with fewer than two entries. */
  agreement: number | null;
  calibrated: boolean;
  /** Lowest and highest overall score, and their gap in percentage points. */
  scoreRange: { min: number; max: number; gap: number } | null;
  reviewers: ReviewerLeaning[];
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function standardDeviation(values: readonly number[]): number {
  const average = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - average) ** 2)));
}

function spreadOf(criterion: QaCriterion, entries: readonly CalibrationEntry[]): CriterionSpread {
  const scores = entries.map((entry) => entry.answers[criterion.id]?.score ?? null);
  const given = scores.filter((score): score is number => score !== null);
  const naCount = scores.length - given.length;
  const min = given.length > 0 ? Math.min(...given) : null;
  const max = given.length > 0 ? Math.max(...given) : null;
  const agrees =
    given.length === 0 ||
    (naCount === 0 && (max ?? 0) - (min ?? 0) <= agreementTolerance(criterion.scale));
  return {
    criterionId: criterion.id,
    scores,
    naCount,
    min,
    max,
    mean: given.length > 0 ? mean(given) : null,
    standardDeviation: given.length > 0 ? standardDeviation(given) : null,
    agrees,
  };
}

function leaningOf(
  index: number,
  criteria: readonly QaCriterion[],
  entries: readonly CalibrationEntry[],
): number | null {
  const differences: number[] = [];
  for (const criterion of criteria) {
    const own = entries[index]!.answers[criterion.id]?.score;
    if (own === null || own === undefined) continue;
    const others = entries
      .filter((_, other) => other !== index)
      .map((entry) => entry.answers[criterion.id]?.score)
      .filter((score): score is number => score !== null && score !== undefined);
    if (others.length === 0) continue;
    const othersMean = mean(others.map((score) => normalisedScore(criterion, score)));
    differences.push((normalisedScore(criterion, own) - othersMean) * 100);
  }
  return differences.length > 0 ? mean(differences) : null;
}

/** The spread per criterion, the agreement rate and each reviewer's leaning. */
export function calibrationResult(
  criteria: readonly QaCriterion[],
  entries: readonly CalibrationEntry[],
): CalibrationResult {
  const spreads = criteria.map((criterion) => spreadOf(criterion, entries));
  const comparable = entries.length >= 2 && spreads.length > 0;
  const agreement = comparable
    ? spreads.filter((spread) => spread.agrees).length / spreads.length
    : null;
  const reviewers = entries.map((entry, index) => ({
    reviewerId: entry.reviewerId,
    score: qaScore(criteria, entry.answers).score,
    leaning: entries.length >= 2 ? leaningOf(index, criteria, entries) : null,
  }));
  const overall = reviewers
    .map((reviewer) => reviewer.score)
    .filter((score): score is number => score !== null);
  const scoreRange =
    overall.length > 0
      ? {
          min: Math.min(...overall),
          max: Math.max(...overall),
          gap: Math.max(...overall) - Math.min(...overall),
        }
      : null;
  return {
    criteria: spreads,
    agreement,
    calibrated: agreement !== null && agreement >= QA_CALIBRATED_AGREEMENT,
    scoreRange,
    reviewers,
  };
}

export const QA_CALIBRATION_STATUSES = ['open', 'revealed'] as const;
export type QaCalibrationStatus = (typeof QA_CALIBRATION_STATUSES)[number];

export const QA_MAX_CALIBRATION_REVIEWERS = 12;

/** A calibration session as a lead or trainer sets it up. */
export const createQaCalibrationInputSchema = z.object({
  title: z
    .string({ error: 'Title: required' })
    .trim()
    .min(1, 'Title: required')
    .max(120, 'Title: at most 120 characters'),
  /** The conversation's number, as people quote it (#10423). */
  conversationNumber: z
    .number({ error: 'Conversation: enter its number' })
    .int('Conversation: a whole number')
    .min(1, 'Conversation: enter its number'),
  scorecardId: z.uuid('Scorecard: choose one'),
  reviewerIds: z
    .array(z.string().min(1).max(100))
    .min(2, 'Reviewers: choose at least two')
    .max(QA_MAX_CALIBRATION_REVIEWERS, `Reviewers: at most ${QA_MAX_CALIBRATION_REVIEWERS}`)
    .refine((ids) => new Set(ids).size === ids.length, 'Reviewers: each one once'),
});
export type CreateQaCalibrationInput = z.input<typeof createQaCalibrationInputSchema>;

export const qaCalibrationIdInputSchema = z.object({ id: z.uuid('Not a calibration session id') });

/** Scores compared need at least two of them. */
export const QA_MIN_REVEALED_SCORES = 2;

/**
 * Why `actor` may not reveal the session now, or null. The lead or trainer who set it up, or
 * any lead or admin, reveals it once at least two reviewers have submitted; whoever has not
 * submitted by then is left out of the comparison.
 */
export function calibrationRevealRefusal(
  session: { status: QaCalibrationStatus; createdById: string | null; submitted: number },
  actor: { id: string; role: Role },
): QaRefusal | null {
  if (session.createdById !== actor.id && !hasAccess(actor.role, 'lead')) {
    return {
      code: 'FORBIDDEN',
      message: 'The person who set up the session, or a lead, reveals it',
    };
  }
  if (session.status === 'revealed') {
    return { code: 'CONFLICT', message: 'This session has been revealed already' };
  }
  if (session.submitted < QA_MIN_REVEALED_SCORES) {
    return {
      code: 'CONFLICT',
      message: `Wait until at least ${QA_MIN_REVEALED_SCORES} reviewers have submitted their scores`,
    };
  }
  return null;
}
