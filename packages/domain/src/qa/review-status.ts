import { z } from 'zod';
import { hasAccess, type Role } from '../people/roles.ts';

/**
 * A review's life: the reviewer drafts and submits it; the agent then acknowledges it or
 * disputes it with a reason; a lead settles a dispute by upholding the scores or revising
 * them. Acknowledged and settled are final.
 */
export const QA_REVIEW_STATUSES = [
  'draft',
  'submitted',
  'acknowledged',
  'disputed',
  'settled',
] as const;
export const qaReviewStatusSchema = z.enum(QA_REVIEW_STATUSES, {
  error: 'Status: draft, submitted, acknowledged, disputed or settled',
});
export type QaReviewStatus = z.infer<typeof qaReviewStatusSchema>;

export const QA_REVIEW_STATUS_LABELS: Record<QaReviewStatus, string> = {
  draft: 'Draft',
  submitted: 'Waiting for the agent',
  acknowledged: 'Acknowledged',
  disputed: 'Disputed',
  settled: 'Settled',
};

/** Statuses the agent can see: everything once submitted, never a draft. */
export const QA_PUBLISHED_STATUSES = [
  'submitted',
  'acknowledged',
  'disputed',
  'settled',
] as const satisfies readonly QaReviewStatus[];

export function isPublished(status: QaReviewStatus): boolean {
  return status !== 'draft';
}

export const QA_REVIEW_ACTIONS = ['edit', 'submit', 'acknowledge', 'dispute', 'settle'] as const;
export type QaReviewAction = (typeof QA_REVIEW_ACTIONS)[number];

const TRANSITIONS: Record<QaReviewAction, { from: QaReviewStatus; to: QaReviewStatus }> = {
  edit: { from: 'draft', to: 'draft' },
  submit: { from: 'draft', to: 'submitted' },
  acknowledge: { from: 'submitted', to: 'acknowledged' },
  dispute: { from: 'submitted', to: 'disputed' },
  settle: { from: 'disputed', to: 'settled' },
};

/** The status an action leads to, or null when it does not apply to this status. */
export function nextQaReviewStatus(
  status: QaReviewStatus,
  action: QaReviewAction,
): QaReviewStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from === status ? transition.to : null;
}

/** Days after submission an agent may still dispute a review. */
export const QA_DISPUTE_WINDOW_DAYS = 14;

export interface QaReviewForAction {
  status: QaReviewStatus;
  agentId: string;
  reviewerId: string;
  /** A calibration exercise: never the agent's to see, acknowledge or dispute. */
  calibration: boolean;
  submittedAt: Date | null;
}

export interface QaActor {
  id: string;
  role: Role;
}

export type QaRefusal = { code: 'FORBIDDEN' | 'CONFLICT'; message: string };

const STATUS_REFUSALS: Record<QaReviewAction, string> = {
  edit: 'This review has been submitted; only a lead settling a dispute changes its scores',
  submit: 'This review has been submitted already',
  acknowledge: 'Only a review waiting for you can be acknowledged',
  dispute: 'Only a review waiting for you can be disputed',
  settle: 'Only a disputed review can be settled',
};

/** When the reviewed agent can no longer dispute a review submitted at `submittedAt`. */
export function qaDisputeClosesAt(submittedAt: Date): Date {
  return new Date(submittedAt.getTime() + QA_DISPUTE_WINDOW_DAYS * 86_400_000);
}

/**
 * Why `actor` may not take `action` on the review now, or null when they may. Drafts are the
 * reviewer's own; acknowledging and disputing are the reviewed agent's; settling is a lead's
 * (or an admin's) who did not write the review, so nobody judges their own scores.
 */
export function qaReviewRefusal(
  review: QaReviewForAction,
  action: QaReviewAction,
  actor: QaActor,
  now: Date = new Date(),
): QaRefusal | null {
  switch (action) {
    case 'edit':
    case 'submit':
      if (actor.id !== review.reviewerId) {
        return { code: 'FORBIDDEN', message: 'Only the reviewer who drafted it can change it' };
      }
      break;
    case 'acknowledge':
    case 'dispute':
      if (review.calibration || actor.id !== review.agentId) {
        return { code: 'FORBIDDEN', message: 'Only the reviewed agent can answer a review' };
      }
      break;
    case 'settle':
      if (!hasAccess(actor.role, 'lead')) {
        return { code: 'FORBIDDEN', message: 'A team lead or an admin settles disputes' };
      }
      if (actor.id === review.reviewerId) {
        return {
          code: 'FORBIDDEN',
          message: 'You wrote this review: another lead settles the dispute',
        };
      }
      if (actor.id === review.agentId) {
        return { code: 'FORBIDDEN', message: 'You cannot settle a dispute about your own work' };
      }
      break;
  }
  if (nextQaReviewStatus(review.status, action) === null) {
    return { code: 'CONFLICT', message: STATUS_REFUSALS[action] };
  }
  if (action === 'dispute' && review.submittedAt) {
    if (now.getTime() > qaDisputeClosesAt(review.submittedAt).getTime()) {
      return {
        code: 'CONFLICT',
        message: `Reviews can be disputed for ${QA_DISPUTE_WINDOW_DAYS} days after they arrive`,
      };
    }
  }
  return null;
}

export const QA_SETTLEMENTS = ['upheld', 'revised'] as const;
export type QaSettlement = (typeof QA_SETTLEMENTS)[number];

export const QA_SETTLEMENT_LABELS: Record<QaSettlement, string> = {
  upheld: 'Scores upheld',
  revised: 'Scores revised',
};

/** What the review's history records, each with who and when (`qa_review_events`). */
export const QA_REVIEW_EVENT_TYPES = [
  'started',
  'submitted',
  'acknowledged',
  'disputed',
  'settled',
] as const;
export type QaReviewEventType = (typeof QA_REVIEW_EVENT_TYPES)[number];

export const QA_REVIEW_EVENT_LABELS: Record<QaReviewEventType, string> = {
  started: 'Review started',
  submitted: 'Submitted to the agent',
  acknowledged: 'Acknowledged by the agent',
  disputed: 'Disputed by the agent',
  settled: 'Dispute settled',
};
