import { candidateDetail } from '@switchboard/db/queries/hiring-candidate-detail';
import {
  addCandidateNote,
  candidateBoard,
  createCandidate,
  listCandidates,
  moveCandidate,
  saveScorecard,
  updateCandidate,
} from '@switchboard/db/queries/hiring-candidates';
import { hireCandidate, reissueInvitation } from '@switchboard/db/queries/hiring-hire';
import { listPipeline, savePipeline } from '@switchboard/db/queries/hiring-pipeline';
import {
  createRequisition,
  hiringOptions,
  listRequisitions,
  requisitionById,
  requisitionFunnel,
  updateRequisition,
} from '@switchboard/db/queries/hiring-requisitions';
import { acceptInvitation, invitationByToken } from '@switchboard/db/queries/invitations';
import {
  acceptInvitationInputSchema,
  boardInputSchema,
  candidateIdInputSchema,
  candidateInputSchema,
  candidateListInputSchema,
  hireInputSchema,
  invitationTokenInputSchema,
  moveCandidateInputSchema,
  noteInputSchema,
  pipelineInputSchema,
  requisitionIdInputSchema,
  requisitionInputSchema,
  requisitionListInputSchema,
  scorecardInputSchema,
  updateCandidateInputSchema,
  updateRequisitionInputSchema,
} from '@switchboard/domain';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { createTRPCRouter, publicProcedure, trainerProcedure } from '../trpc.ts';

/**
 * Hiring: requisitions, candidates through the pipeline, scorecards, notes and the hire
 * that creates a trainee's account. Trainers, leads and admins run it; agents see none of
 * it. The two invitation procedures are public: the new hire has no session yet, and the
 * unguessable token is their proof.
 */
export const hiringRouter = createTRPCRouter({
  /** Teams, cities, colleagues and stages the forms pick from. */
  options: trainerProcedure.query(({ ctx }) => hiringOptions(ctx.db)),

  pipeline: trainerProcedure.query(({ ctx }) => listPipeline(ctx.db)),

  savePipeline: trainerProcedure
    .input(pipelineInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => savePipeline(ctx.db, input, ctx.viewer.id)),
    ),

  requisitions: trainerProcedure
    .input(requisitionListInputSchema)
    .query(({ ctx, input }) => listRequisitions(ctx.db, input)),

  requisition: trainerProcedure
    .input(requisitionIdInputSchema)
    .query(({ ctx, input }) => refusalsAsTrpcErrors(() => requisitionById(ctx.db, input.id))),

  /** How far the requisition's candidates got, conversion between stages, time in stage. */
  funnel: trainerProcedure
    .input(requisitionIdInputSchema)
    .query(({ ctx, input }) => refusalsAsTrpcErrors(() => requisitionFunnel(ctx.db, input.id))),

  createRequisition: trainerProcedure
    .input(requisitionInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => createRequisition(ctx.db, input, ctx.viewer.id)),
    ),

  updateRequisition: trainerProcedure
    .input(updateRequisitionInputSchema)
    .mutation(({ ctx, input }) => refusalsAsTrpcErrors(() => updateRequisition(ctx.db, input))),

  candidates: trainerProcedure
    .input(candidateListInputSchema)
    .query(({ ctx, input }) => listCandidates(ctx.db, input)),

  board: trainerProcedure
    .input(boardInputSchema)
    .query(({ ctx, input }) => candidateBoard(ctx.db, input)),

  candidate: trainerProcedure
    .input(candidateIdInputSchema)
    .query(({ ctx, input }) => refusalsAsTrpcErrors(() => candidateDetail(ctx.db, input.id))),

  createCandidate: trainerProcedure
    .input(candidateInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => createCandidate(ctx.db, input, ctx.viewer.id)),
    ),

  updateCandidate: trainerProcedure
    .input(updateCandidateInputSchema)
    .mutation(({ ctx, input }) => refusalsAsTrpcErrors(() => updateCandidate(ctx.db, input))),

  moveCandidate: trainerProcedure
    .input(moveCandidateInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => moveCandidate(ctx.db, input, ctx.viewer.id)),
    ),

  addNote: trainerProcedure
    .input(noteInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => addCandidateNote(ctx.db, input, ctx.viewer.id)),
    ),

  /** The caller's own scorecard of a kind for the candidate; filling it again replaces it. */
  saveScorecard: trainerProcedure
    .input(scorecardInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => saveScorecard(ctx.db, input, ctx.viewer.id)),
    ),

  /**
   * Hires the candidate: trainee account, team membership, training plan, and the
   * invitation link — whose token is in this answer only, never stored or shown again.
   */
  hire: trainerProcedure
    .input(hireInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => hireCandidate(ctx.db, input, ctx.viewer.id)),
    ),

  /** A fresh link for a hire who has not set a password; earlier links stop working. */
  reissueInvitation: trainerProcedure
    .input(hireInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => reissueInvitation(ctx.db, input, ctx.viewer.id)),
    ),

  /** Public: whose invitation this is, or why it cannot be used. */
  invitation: publicProcedure
    .input(invitationTokenInputSchema)
    .query(({ ctx, input }) => invitationByToken(ctx.db, input.token)),

  /** Public: sets the new hire's password; they then sign in with email and password. */
  acceptInvitation: publicProcedure
    .input(acceptInvitationInputSchema)
    .mutation(({ ctx, input }) => refusalsAsTrpcErrors(() => acceptInvitation(ctx.db, input))),
});
