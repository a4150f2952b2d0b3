import {
  createQaCalibration,
  listQaCalibrations,
  qaCalibrationDetail,
  revealQaCalibration,
} from '@switchboard/db/queries/qa-calibration';
import { qaFilterOptions } from '@switchboard/db/queries/qa-options';
import {
  countMyOpenQaReviews,
  listMyQaReviews,
  listQaReviews,
  myQaReview,
  qaReviewForConsole,
} from '@switchboard/db/queries/qa-review-views';
import {
  acknowledgeQaReview,
  discardQaDraft,
  disputeQaReview,
  saveQaDraft,
  settleQaReview,
  startQaReview,
  submitQaReview,
} from '@switchboard/db/queries/qa-reviews';
import { listQaSample } from '@switchboard/db/queries/qa-samples';
import {
  createQaScorecard,
  listQaScorecards,
  qaScorecardById,
  setQaScorecardArchived,
  updateQaScorecard,
} from '@switchboard/db/queries/qa-scorecards';
import { qaTrendsReport } from '@switchboard/db/queries/qa-trends';
import {
  acknowledgeQaReviewInputSchema,
  archiveQaScorecardInputSchema,
  createQaCalibrationInputSchema,
  disputeQaReviewInputSchema,
  myQaReviewsInputSchema,
  pageInputSchema,
  qaCalibrationIdInputSchema,
  qaReviewAnswersInputSchema,
  qaReviewIdInputSchema,
  qaReviewListInputSchema,
  qaSampleInputSchema,
  qaScorecardIdInputSchema,
  qaScorecardInputSchema,
  qaTrendsInputSchema,
  settleQaReviewInputSchema,
  startQaReviewInputSchema,
  updateQaScorecardInputSchema,
} from '@switchboard/domain';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import {
  agentProcedure,
  consoleProcedure,
  createTRPCRouter,
  leadProcedure,
  trainerProcedure,
} from '../trpc.ts';

/**
 * QA: scorecards, reviews, samples, calibration and trends. Leads, trainers and admins review
 * and see every review (calibration scores only once revealed); trainers, leads and admins
 * edit scorecards and run calibration; leads and admins settle disputes. An agent reads only
 * their own submitted reviews and answers only those.
 */
export const qaRouter = createTRPCRouter({
  /** Agents, reviewers, teams and scorecards the QA pages filter and pick by. */
  filterOptions: consoleProcedure.query(({ ctx }) => qaFilterOptions(ctx.db)),

  // --- Scorecards ---------------------------------------------------------------------------

  scorecards: consoleProcedure.query(({ ctx }) => listQaScorecards(ctx.db)),

  scorecard: consoleProcedure
    .input(qaScorecardIdInputSchema)
    .query(({ ctx, input }) => refusalsAsTrpcErrors(() => qaScorecardById(ctx.db, input.id))),

  createScorecard: trainerProcedure
    .input(qaScorecardInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => createQaScorecard(ctx.db, input, { actorId: ctx.viewer.id })),
    ),

  /** Saves a scorecard; changed criteria or pass mark make a new version (`newVersion`). */
  updateScorecard: trainerProcedure
    .input(updateQaScorecardInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => updateQaScorecard(ctx.db, input, { actorId: ctx.viewer.id })),
    ),

  archiveScorecard: trainerProcedure
    .input(archiveQaScorecardInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => setQaScorecardArchived(ctx.db, input, { actorId: ctx.viewer.id })),
    ),

  // --- Samples and reviews (console) -------------------------------------------------------

  /** One week's sample of conversations to review: random per agent, low CSAT, escalated… */
  sample: consoleProcedure
    .input(qaSampleInputSchema)
    .query(({ ctx, input }) => refusalsAsTrpcErrors(() => listQaSample(ctx.db, input))),

  reviews: consoleProcedure
    .input(qaReviewListInputSchema)
    .query(({ ctx, input }) => listQaReviews(ctx.db, input)),

  /** A review beside its conversation's timeline, with its history. */
  review: consoleProcedure
    .input(qaReviewIdInputSchema)
    .query(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => qaReviewForConsole(ctx.db, input.id, ctx.viewer.id)),
    ),

  startReview: consoleProcedure
    .input(startQaReviewInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => startQaReview(ctx.db, input, ctx.viewer)),
    ),

  saveDraft: consoleProcedure
    .input(qaReviewAnswersInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => saveQaDraft(ctx.db, input, ctx.viewer)),
    ),

  /** Scores every criterion and sends the review to the agent. */
  submitReview: consoleProcedure
    .input(qaReviewAnswersInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => submitQaReview(ctx.db, input, ctx.viewer)),
    ),

  discardDraft: consoleProcedure
    .input(qaReviewIdInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => discardQaDraft(ctx.db, input.id, ctx.viewer)),
    ),

  /** A lead (not the reviewer) upholds or revises a disputed review. */
  settle: leadProcedure
    .input(settleQaReviewInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => settleQaReview(ctx.db, input, ctx.viewer)),
    ),

  // --- The agent's own reviews (workspace) -------------------------------------------------

  myReviews: agentProcedure
    .input(myQaReviewsInputSchema)
    .query(({ ctx, input }) => listMyQaReviews(ctx.db, ctx.viewer.id, input)),

  myReview: agentProcedure
    .input(qaReviewIdInputSchema)
    .query(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => myQaReview(ctx.db, input.id, ctx.viewer.id)),
    ),

  /** Reviews waiting for the agent's answer. */
  myOpenCount: agentProcedure.query(({ ctx }) => countMyOpenQaReviews(ctx.db, ctx.viewer.id)),

  acknowledge: agentProcedure
    .input(acknowledgeQaReviewInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => acknowledgeQaReview(ctx.db, input, ctx.viewer)),
    ),

  dispute: agentProcedure
    .input(disputeQaReviewInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => disputeQaReview(ctx.db, input, ctx.viewer)),
    ),

  // --- Calibration ---------------------------------------------------------------------------

  calibrations: consoleProcedure
    .input(pageInputSchema.optional())
    .query(({ ctx, input }) => listQaCalibrations(ctx.db, ctx.viewer.id, input)),

  /** A session: blind until revealed (the viewer's own scores only), then the full spread. */
  calibration: consoleProcedure
    .input(qaCalibrationIdInputSchema)
    .query(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => qaCalibrationDetail(ctx.db, input.id, ctx.viewer)),
    ),

  createCalibration: trainerProcedure
    .input(createQaCalibrationInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => createQaCalibration(ctx.db, input, ctx.viewer)),
    ),

  reveal: trainerProcedure
    .input(qaCalibrationIdInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => revealQaCalibration(ctx.db, input.id, ctx.viewer)),
    ),

  // --- Trends --------------------------------------------------------------------------------

  /** Weekly average score, pass rate and reviews, per agent, team and criterion. */
  trends: consoleProcedure
    .input(qaTrendsInputSchema)
    .query(({ ctx, input }) => qaTrendsReport(ctx.db, input)),
});
