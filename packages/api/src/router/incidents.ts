import {
  incidentDetail,
  incidentStaffChoices,
  incidentsOfConversation,
  listIncidents,
  spikeSuggestions,
} from '@switchboard/db/queries/incident-views';
import {
  addCorrectiveAction,
  assignIncidentRoles,
  bulkReply,
  changeIncidentSeverity,
  declareIncident,
  linkConversations,
  postStatusUpdate,
  recordIncidentReview,
  resolveIncident,
  setCorrectiveActionStatus,
  unlinkConversation,
} from '@switchboard/db/queries/incidents';
import {
  addCorrectiveActionInputSchema,
  bulkReplyInputSchema,
  classifyIncident,
  correctiveActionStatusInputSchema,
  declareIncidentInputSchema,
  incidentFactsSchema,
  incidentIdInputSchema,
  incidentListInputSchema,
  incidentReviewInputSchema,
  incidentRolesInputSchema,
  incidentSeverityInputSchema,
  linkConversationsInputSchema,
  resolveIncidentInputSchema,
  statusUpdateInputSchema,
  unlinkConversationInputSchema,
} from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { requireConversationAccess, staffActorOf, viewScopeOf } from '../conversation-access.ts';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { agentProcedure, consoleProcedure, createTRPCRouter } from '../trpc.ts';

const viewerOf = (ctx: {
  viewer: { id: string; role: 'agent' | 'lead' | 'trainer' | 'admin' };
}) => ({
  userId: ctx.viewer.id,
  role: ctx.viewer.role,
});

export const incidentsRouter = createTRPCRouter({
  /** What the classification rules propose for these facts, as the declare form is filled in. */
  classify: agentProcedure.input(incidentFactsSchema).query(({ input }) => classifyIncident(input)),

  list: agentProcedure
    .input(incidentListInputSchema)
    .query(({ ctx, input }) => listIncidents(ctx.db, input)),

  byId: agentProcedure.input(incidentIdInputSchema).query(async ({ ctx, input }) => {
    const detail = await incidentDetail(
      ctx.db,
      input.incidentId,
      new Date().toISOString().slice(0, 10),
    );
    if (!detail) throw new TRPCError({ code: 'NOT_FOUND', message: 'Incident not found' });
    return detail;
  }),

  /** The incidents a conversation is part of: its banner. */
  forConversation: agentProcedure
    .input(z.object({ conversationId: z.uuid('Not a conversation id') }))
    .query(async ({ ctx, input }) => {
      await requireConversationAccess(ctx, input.conversationId);
      return incidentsOfConversation(ctx.db, input.conversationId);
    }),

  /** Request types piling up in a city, that no open incident covers yet. */
  spikes: consoleProcedure.query(({ ctx }) => spikeSuggestions(ctx.db)),

  staff: agentProcedure.query(({ ctx }) => incidentStaffChoices(ctx.db)),

  /** Anyone in the workspace may declare one (from a conversation, say); leads run it. */
  declare: agentProcedure.input(declareIncidentInputSchema).mutation(async ({ ctx, input }) => {
    if (input.conversationId) await requireConversationAccess(ctx, input.conversationId);
    return refusalsAsTrpcErrors(() => declareIncident(ctx.db, viewerOf(ctx), input));
  }),

  postUpdate: agentProcedure
    .input(statusUpdateInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => postStatusUpdate(ctx.db, viewerOf(ctx), input)),
    ),

  assignRoles: agentProcedure
    .input(incidentRolesInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => assignIncidentRoles(ctx.db, viewerOf(ctx), input)),
    ),

  changeSeverity: agentProcedure
    .input(incidentSeverityInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => changeIncidentSeverity(ctx.db, viewerOf(ctx), input)),
    ),

  /** Links by id (conversations the viewer may open) or by a search (whoever runs it). */
  link: agentProcedure.input(linkConversationsInputSchema).mutation(async ({ ctx, input }) => {
    const scope = await viewScopeOf(ctx);
    return refusalsAsTrpcErrors(() =>
      linkConversations(ctx.db, viewerOf(ctx), input, {
        visibleInboxIds: scope.seesEveryInbox ? 'all' : scope.inboxIds,
      }),
    );
  }),

  unlink: agentProcedure
    .input(unlinkConversationInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => unlinkConversation(ctx.db, viewerOf(ctx), input)),
    ),

  bulkReply: agentProcedure
    .input(bulkReplyInputSchema.extend({ clientId: z.uuid().optional() }))
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => bulkReply(ctx.db, staffActorOf(ctx), input)),
    ),

  resolve: agentProcedure
    .input(resolveIncidentInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => resolveIncident(ctx.db, viewerOf(ctx), input)),
    ),

  recordReview: agentProcedure
    .input(incidentReviewInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => recordIncidentReview(ctx.db, viewerOf(ctx), input)),
    ),

  addAction: agentProcedure
    .input(addCorrectiveActionInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => addCorrectiveAction(ctx.db, viewerOf(ctx), input)),
    ),

  setActionStatus: agentProcedure
    .input(correctiveActionStatusInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => setCorrectiveActionStatus(ctx.db, viewerOf(ctx), input)),
    ),
});
