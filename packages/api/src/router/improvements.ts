import {
  createImprovement,
  listImprovements,
  recurringThemes,
  setImprovementStatus,
} from '@switchboard/db/queries/improvements';
import {
  improvementInputSchema,
  improvementListInputSchema,
  improvementStatusInputSchema,
  themesInputSchema,
} from '@switchboard/domain';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { consoleProcedure, createTRPCRouter, leadProcedure } from '../trpc.ts';

export const improvementsRouter = createTRPCRouter({
  /** Request types and root causes by volume and trend, with their improvement items. */
  themes: consoleProcedure
    .input(themesInputSchema)
    .query(({ ctx, input }) => recurringThemes(ctx.db, input)),

  list: consoleProcedure
    .input(improvementListInputSchema)
    .query(({ ctx, input }) => listImprovements(ctx.db, input)),

  create: leadProcedure
    .input(improvementInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() =>
        createImprovement(ctx.db, { userId: ctx.viewer.id, role: ctx.viewer.role }, input),
      ),
    ),

  setStatus: leadProcedure
    .input(improvementStatusInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() =>
        setImprovementStatus(ctx.db, { userId: ctx.viewer.id, role: ctx.viewer.role }, input),
      ),
    ),
});
