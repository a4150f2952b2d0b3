import { listStaff, listTeamsOfUser } from '@switchboard/db/queries/people';
import { ACCESS, type AccessLevel, hasAccess, userListInputSchema } from '@switchboard/domain';
import { consoleProcedure, createTRPCRouter, protectedProcedure } from '../trpc.ts';

export const peopleRouter = createTRPCRouter({
  /** Who is signed in, their teams, and which surfaces they may open. */
  me: protectedProcedure.query(async ({ ctx }) => {
    const teams = await listTeamsOfUser(ctx.db, ctx.viewer.id);
    const access = Object.fromEntries(
      (Object.keys(ACCESS) as AccessLevel[]).map((level) => [
        level,
        hasAccess(ctx.viewer.role, level),
      ]),
    ) as Record<AccessLevel, boolean>;
    return { ...ctx.viewer, teams, access };
  }),

  list: consoleProcedure
    .input(userListInputSchema)
    .query(({ ctx, input }) => listStaff(ctx.db, input)),
});
