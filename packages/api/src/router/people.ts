import { agentTierOf, listStaff, listTeamsOfUser } from '@switchboard/db/queries/people';
import {
  addTeamMember,
  createTeam,
  listTeams,
  removeTeamMember,
  updateTeam,
} from '@switchboard/db/queries/teams';
import {
  ACCESS,
  type AccessLevel,
  createTeamInputSchema,
  hasAccess,
  removeTeamMemberInputSchema,
  teamMemberInputSchema,
  updateTeamInputSchema,
  userListInputSchema,
} from '@switchboard/domain';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { consoleProcedure, createTRPCRouter, leadProcedure, protectedProcedure } from '../trpc.ts';

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
    return { ...ctx.viewer, agentTier: await agentTierOf(ctx.db, ctx.viewer), teams, access };
  }),

  list: consoleProcedure
    .input(userListInputSchema)
    .query(({ ctx, input }) => listStaff(ctx.db, input)),

  /** Every team with its inboxes and members. */
  teams: consoleProcedure.query(({ ctx }) => listTeams(ctx.db)),

  createTeam: leadProcedure
    .input(createTeamInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => createTeam(ctx.db, input, ctx.viewer.id)),
    ),

  updateTeam: leadProcedure
    .input(updateTeamInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => updateTeam(ctx.db, input, ctx.viewer.id)),
    ),

  /** Adds someone to a team, or changes their role in it. */
  addTeamMember: leadProcedure
    .input(teamMemberInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => addTeamMember(ctx.db, input, ctx.viewer.id)),
    ),

  removeTeamMember: leadProcedure
    .input(removeTeamMemberInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => removeTeamMember(ctx.db, input, ctx.viewer.id)),
    ),
});
