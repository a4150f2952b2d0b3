import {
  type EscalationMatrixRow,
  escalationMatrixEntry,
  listEscalationMatrix,
  saveEscalationMatrixEntry,
} from '@switchboard/db/queries/escalation-matrix';
import {
  escalationDetail,
  escalationSuggestionsFor,
  escalationsOfConversation,
  escalationTurnaroundReport,
  listEscalations,
} from '@switchboard/db/queries/escalation-views';
import {
  addEscalationNote,
  createEscalation,
  moveEscalationRecord,
} from '@switchboard/db/queries/escalations';
import { listTeamsOfUser } from '@switchboard/db/queries/people';
import { escalations } from '@switchboard/db/schema';
import {
  createEscalationInputSchema,
  DOWNSTREAM_TEAM_KINDS,
  type EscalationState,
  escalationIdInputSchema,
  escalationNoteInputSchema,
  escalationQueueInputSchema,
  escalationReportInputSchema,
  escalationTeamKindSchema,
  mayMoveEscalation,
  moveEscalationInputSchema,
  movesFrom,
  saveEscalationMatrixInputSchema,
  seesEveryEscalation,
} from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireConversationAccess } from '../conversation-access.ts';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import {
  agentProcedure,
  type Context,
  consoleProcedure,
  createTRPCRouter,
  leadProcedure,
} from '../trpc.ts';

type SignedInContext = Context & { viewer: NonNullable<Context['viewer']> };

async function teamIdsOf(ctx: SignedInContext) {
  return (await listTeamsOfUser(ctx.db, ctx.viewer.id)).map((team) => team.id);
}

/** Whether the viewer may open the conversation, without throwing. */
async function seesConversation(ctx: SignedInContext, conversationId: string) {
  try {
    await requireConversationAccess(ctx, conversationId);
    return true;
  } catch {
    return false;
  }
}

/**
 * An escalation is open to its owner team, who raised it, whoever may open its conversation,
 * and leads and admins: NOT_FOUND when it does not exist, FORBIDDEN otherwise.
 */
async function requireEscalationAccess(ctx: SignedInContext, escalationId: string) {
  const [row] = await ctx.db
    .select({
      ownerTeamId: escalations.ownerTeamId,
      createdById: escalations.createdById,
      conversationId: escalations.conversationId,
    })
    .from(escalations)
    .where(eq(escalations.id, escalationId));
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Escalation not found' });
  const teamIds = await teamIdsOf(ctx);
  const onTeam = teamIds.includes(row.ownerTeamId);
  const sees =
    seesEveryEscalation(ctx.viewer.role) ||
    onTeam ||
    row.createdById === ctx.viewer.id ||
    (await seesConversation(ctx, row.conversationId));
  if (!sees) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This escalation is not yours to see' });
  }
  return { ...row, teamIds };
}

/** What the handoff form needs of a matrix entry. */
function pathOf(row: EscalationMatrixRow) {
  return {
    teamKind: row.teamKind,
    teamName: row.ownerTeamName,
    requiredFields: row.definition.requiredFields,
    sla: row.definition.sla,
  };
}

export const escalationsRouter = createTRPCRouter({
  /** The whole matrix, one entry per downstream team. */
  matrix: consoleProcedure.query(({ ctx }) => listEscalationMatrix(ctx.db)),

  matrixEntry: consoleProcedure
    .input(z.object({ teamKind: escalationTeamKindSchema }))
    .query(({ ctx, input }) => escalationMatrixEntry(ctx.db, input.teamKind)),

  saveMatrixEntry: leadProcedure.input(saveEscalationMatrixInputSchema).mutation(({ ctx, input }) =>
    refusalsAsTrpcErrors(() =>
      saveEscalationMatrixEntry(ctx.db, input.entry, {
        actorId: ctx.viewer.id,
        rolloutNote: input.rolloutNote,
      }),
    ),
  ),

  /**
   * What the conversation's escalation panel shows: its escalations, the matrix triggers it
   * matches, and every path with the fields its team requires.
   */
  forConversation: agentProcedure
    .input(z.object({ conversationId: z.uuid('Not a conversation id') }))
    .query(async ({ ctx, input }) => {
      await requireConversationAccess(ctx, input.conversationId);
      const [list, suggestions, matrix] = await Promise.all([
        escalationsOfConversation(ctx.db, input.conversationId),
        escalationSuggestionsFor(ctx.db, input.conversationId),
        listEscalationMatrix(ctx.db),
      ]);
      return {
        escalations: list,
        suggestions,
        paths: matrix.map(pathOf),
      };
    }),

  create: agentProcedure.input(createEscalationInputSchema).mutation(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    return refusalsAsTrpcErrors(() =>
      createEscalation(ctx.db, { userId: ctx.viewer.id, role: ctx.viewer.role }, input),
    );
  }),

  /** A queue page, plus the downstream teams the viewer is on (for the workspace's menu). */
  queue: agentProcedure.input(escalationQueueInputSchema).query(async ({ ctx, input }) => {
    if (input.scope === 'all' && !seesEveryEscalation(ctx.viewer.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Leads and admins see every queue' });
    }
    const teams = await listTeamsOfUser(ctx.db, ctx.viewer.id);
    const page = await listEscalations(
      ctx.db,
      { userId: ctx.viewer.id, teamIds: teams.map((team) => team.id) },
      input,
    );
    return {
      ...page,
      myTeams: teams
        .filter((team) => (DOWNSTREAM_TEAM_KINDS as readonly string[]).includes(team.kind))
        .map((team) => ({ id: team.id, name: team.name, kind: team.kind })),
      seesEveryQueue: seesEveryEscalation(ctx.viewer.role),
    };
  }),

  /** One escalation's record and the moves the viewer may make on it. */
  byId: agentProcedure.input(escalationIdInputSchema).query(async ({ ctx, input }) => {
    const access = await requireEscalationAccess(ctx, input.escalationId);
    const detail = await escalationDetail(ctx.db, input.escalationId);
    if (!detail) throw new TRPCError({ code: 'NOT_FOUND', message: 'Escalation not found' });
    const viewer = { role: ctx.viewer.role, teamIds: access.teamIds };
    const canResend = await seesConversation(ctx, detail.conversationId);
    const matrix = await escalationMatrixEntry(ctx.db, detail.teamKind);
    return {
      ...detail,
      /** The team's path as it is today: what a resend must carry. */
      path: matrix ? pathOf(matrix) : null,
      moves: movesFrom(detail.state as EscalationState).filter((move) =>
        move === 'resend' ? canResend : mayMoveEscalation(move, viewer, detail.ownerTeamId).ok,
      ),
    };
  }),

  move: agentProcedure.input(moveEscalationInputSchema).mutation(async ({ ctx, input }) => {
    const access = await requireEscalationAccess(ctx, input.escalationId);
    if (input.move === 'resend') await requireConversationAccess(ctx, access.conversationId);
    return refusalsAsTrpcErrors(() =>
      moveEscalationRecord(ctx.db, { userId: ctx.viewer.id, role: ctx.viewer.role }, input),
    );
  }),

  addNote: agentProcedure.input(escalationNoteInputSchema).mutation(async ({ ctx, input }) => {
    await requireEscalationAccess(ctx, input.escalationId);
    return refusalsAsTrpcErrors(() =>
      addEscalationNote(ctx.db, { userId: ctx.viewer.id, role: ctx.viewer.role }, input),
    );
  }),

  /** Turnaround per team over the last N days: acknowledge and resolve medians and p90s. */
  report: consoleProcedure.input(escalationReportInputSchema).query(({ ctx, input }) => {
    const now = new Date();
    return escalationTurnaroundReport(ctx.db, {
      since: new Date(now.getTime() - input.days * 86_400_000),
      until: now,
    });
  }),
});
