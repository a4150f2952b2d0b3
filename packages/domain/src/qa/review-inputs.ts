import { z } from 'zod';
import { kpiPeriodSchema } from '../kpi/query.ts';
import { pageInputSchema, sortDirectionSchema } from '../shared/pagination.ts';
import { QA_PUBLISHED_STATUSES, QA_SETTLEMENTS, qaReviewStatusSchema } from './review-status.ts';
import { qaReviewSampleSchema, qaSampleListSchema, weekStartSchema } from './sampling.ts';
import { qaAnswersSchema } from './scoring.ts';

const staffIdSchema = z.string().min(1).max(100);

export const qaReviewIdInputSchema = z.object({ id: z.uuid('Not a review id') });

/**
 * Starts a draft review of a conversation on a scorecard's current version: one from a sample
 * (by id), or one picked by hand (by the number people quote).
 */
export const startQaReviewInputSchema = z
  .object({
    scorecardId: z.uuid('Scorecard: choose one'),
    sample: qaReviewSampleSchema,
    conversationId: z.uuid('Conversation: not a conversation id').optional(),
    conversationNumber: z
      .number({ error: 'Conversation: enter its number' })
      .int('Conversation: a whole number')
      .min(1, 'Conversation: enter its number')
      .optional(),
  })
  .refine(
    (input) => (input.conversationId === undefined) !== (input.conversationNumber === undefined),
    {
      message: 'Conversation: choose one from a sample or enter its number',
      path: ['conversationNumber'],
    },
  );
export type StartQaReviewInput = z.input<typeof startQaReviewInputSchema>;

const coachingCommentSchema = z
  .string()
  .trim()
  .max(5000, 'Coaching comment: at most 5,000 characters')
  .default('');

/** The reviewer's scores and coaching comment: saved as a draft, or submitted to the agent. */
export const qaReviewAnswersInputSchema = qaReviewIdInputSchema.extend({
  scores: qaAnswersSchema,
  comment: coachingCommentSchema,
});
export type QaReviewAnswersInput = z.input<typeof qaReviewAnswersInputSchema>;

export const acknowledgeQaReviewInputSchema = qaReviewIdInputSchema.extend({
  note: z.string().trim().max(1000, 'Note: at most 1,000 characters').default(''),
});
export type AcknowledgeQaReviewInput = z.input<typeof acknowledgeQaReviewInputSchema>;

export const QA_MIN_DISPUTE_REASON = 10;

export const disputeQaReviewInputSchema = qaReviewIdInputSchema.extend({
  reason: z
    .string({ error: 'Reason: say what you disagree with' })
    .trim()
    .min(QA_MIN_DISPUTE_REASON, 'Reason: say what you disagree with (at least 10 characters)')
    .max(2000, 'Reason: at most 2,000 characters'),
  /** The criteria the agent disagrees with, if they name any. */
  criterionIds: z.array(z.string().max(40)).max(40).default([]),
});
export type DisputeQaReviewInput = z.input<typeof disputeQaReviewInputSchema>;

export const settleQaReviewInputSchema = qaReviewIdInputSchema
  .extend({
    outcome: z.enum(QA_SETTLEMENTS, { error: 'Outcome: uphold or revise the scores' }),
    note: z
      .string({ error: 'Note: explain the decision to the agent' })
      .trim()
      .min(5, 'Note: explain the decision to the agent')
      .max(2000, 'Note: at most 2,000 characters'),
    /** The revised scores (every criterion), when the outcome is `revised`. */
    scores: qaAnswersSchema.optional(),
  })
  .refine((input) => input.outcome === 'upheld' || input.scores !== undefined, {
    message: 'Scores: give the revised scores',
    path: ['scores'],
  });
export type SettleQaReviewInput = z.input<typeof settleQaReviewInputSchema>;

export const QA_REVIEW_SORTS = ['updatedAt', 'submittedAt', 'score'] as const;

export const qaReviewListInputSchema = pageInputSchema.extend({
  status: qaReviewStatusSchema.optional(),
  agentId: staffIdSchema.optional(),
  reviewerId: staffIdSchema.optional(),
  teamId: z.uuid('Team: not a team id').optional(),
  scorecardId: z.uuid('Scorecard: not a scorecard id').optional(),
  sample: qaReviewSampleSchema.optional(),
  /** Submitted in this period. */
  from: z.coerce.date({ error: 'From: enter a date' }).optional(),
  to: z.coerce.date({ error: 'To: enter a date' }).optional(),
  sort: z.enum(QA_REVIEW_SORTS).default('updatedAt'),
  direction: sortDirectionSchema.default('desc'),
});
export type QaReviewListInput = z.input<typeof qaReviewListInputSchema>;

export const myQaReviewsInputSchema = pageInputSchema.extend({
  status: z.enum(QA_PUBLISHED_STATUSES, { error: 'Status: not one an agent sees' }).optional(),
});
export type MyQaReviewsInput = z.input<typeof myQaReviewsInputSchema>;

export const qaSampleInputSchema = pageInputSchema.extend({
  scorecardId: z.uuid('Scorecard: choose one'),
  list: qaSampleListSchema,
  weekStart: weekStartSchema,
  timeZone: kpiPeriodSchema.shape.timeZone,
  agentId: staffIdSchema.optional(),
  teamId: z.uuid('Team: not a team id').optional(),
});
export type QaSampleInput = z.input<typeof qaSampleInputSchema>;

export const qaTrendFilterSchema = z.object({
  scorecardId: z.uuid('Scorecard: not a scorecard id').optional(),
  teamId: z.uuid('Team: not a team id').optional(),
  agentId: staffIdSchema.optional(),
});

/** Trends over a period (at most a year), in weeks of the viewer's time zone. */
export const qaTrendsInputSchema = z.intersection(kpiPeriodSchema, qaTrendFilterSchema);
export type QaTrendsInput = z.input<typeof qaTrendsInputSchema>;
