import {
  acknowledgementsOf,
  acknowledgeNote,
  changeById,
  listChanges,
  RolloutNoteNotFoundError,
  unacknowledgedNotes,
} from '@switchboard/db/queries/config-changes';
import { changeIdInputSchema, changeListInputSchema } from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
import { agentProcedure, consoleProcedure, createTRPCRouter, leadProcedure } from '../trpc.ts';

/** The configuration history and the rollout notes agents acknowledge. */
export const changesRouter = createTRPCRouter({
  list: consoleProcedure
    .input(changeListInputSchema)
    .query(({ ctx, input }) => listChanges(ctx.db, input)),

  byId: consoleProcedure.input(changeIdInputSchema).query(async ({ ctx, input }) => {
    const change = await changeById(ctx.db, input.id);
    if (!change) throw new TRPCError({ code: 'NOT_FOUND', message: 'Change not found' });
    return change;
  }),

  /** Who has read a rollout note and who still has to. */
  acknowledgements: leadProcedure.input(changeIdInputSchema).query(async ({ ctx, input }) => {
    const change = await changeById(ctx.db, input.id);
    if (!change?.rolloutNote) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'No rollout note with that id' });
    }
    return acknowledgementsOf(ctx.db, input.id);
  }),

  myRolloutNotes: agentProcedure.query(({ ctx }) => unacknowledgedNotes(ctx.db, ctx.viewer.id)),

  acknowledge: agentProcedure.input(changeIdInputSchema).mutation(async ({ ctx, input }) => {
    try {
      await acknowledgeNote(ctx.db, ctx.viewer.id, input.id);
    } catch (error) {
      if (error instanceof RolloutNoteNotFoundError) {
        throw new TRPCError({ code: 'NOT_FOUND', message: error.message });
      }
      throw error;
    }
    return { ok: true as const };
  }),
});
