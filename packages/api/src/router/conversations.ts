import {
  assignConversation,
  classifyConversation,
  markMentionsRead,
  sendMessage,
  setPriority,
  setStatus,
  setTags,
  transferConversation,
} from '@switchboard/db/queries/conversation-actions';
import {
  findConversationDetail,
  listActiveInboxes,
  listAssignableStaff,
  listContactConversations,
  listFilterChoices,
  listTaxonomyChoices,
} from '@switchboard/db/queries/conversations';
import { countInboxViews, listInboxView } from '@switchboard/db/queries/inbox-views';
import { findConversationSop } from '@switchboard/db/queries/playbooks';
import { inboxIdsOfUser } from '@switchboard/db/queries/routing';
import {
  assignInputSchema,
  classifyInputSchema,
  conversationByIdInputSchema,
  inboxViewInputSchema,
  sendMessageInputSchema,
  setPriorityInputSchema,
  setStatusInputSchema,
  setTagsInputSchema,
  transferInputSchema,
  unmetRequiredSteps,
} from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
import {
  publicUrlOf,
  requireConversationAccess,
  staffActorOf,
  viewScopeOf,
} from '../conversation-access.ts';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { agentProcedure, createTRPCRouter } from '../trpc.ts';

export const conversationsRouter = createTRPCRouter({
  /** One page of an inbox view (Mine, Unassigned, an inbox, Pending, Snoozed, SLA, Mentions). */
  view: agentProcedure.input(inboxViewInputSchema).query(async ({ ctx, input }) => {
    const scope = await viewScopeOf(ctx);
    if (
      input.view === 'inbox' &&
      !scope.seesEveryInbox &&
      !scope.inboxIds.includes(input.inboxId!)
    ) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'You do not work this inbox' });
    }
    return listInboxView(ctx.db, scope, input);
  }),

  /** The live counts beside each view, and the inboxes the viewer belongs to. */
  viewCounts: agentProcedure.query(async ({ ctx }) => {
    const scope = await viewScopeOf(ctx);
    const memberInboxIds = scope.seesEveryInbox
      ? await inboxIdsOfUser(ctx.db, ctx.viewer.id)
      : scope.inboxIds;
    return countInboxViews(ctx.db, scope, memberInboxIds);
  }),

  /** Choices for the inbox filters. */
  filterOptions: agentProcedure.query(({ ctx }) => listFilterChoices(ctx.db)),

  byId: agentProcedure.input(conversationByIdInputSchema).query(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    const detail = await findConversationDetail(ctx.db, input.conversationId);
    if (!detail) throw new TRPCError({ code: 'NOT_FOUND', message: 'Conversation not found' });
    await markMentionsRead(ctx.db, ctx.viewer.id, input.conversationId);
    const pastConversations = await listContactConversations(
      ctx.db,
      detail.conversation.contactId,
      {
        excludeId: input.conversationId,
        limit: 10,
      },
    );
    return { ...detail, pastConversations };
  }),

  /** What can be applied to this conversation: taxonomy, colleagues, inboxes. */
  options: agentProcedure.input(conversationByIdInputSchema).query(async ({ ctx, input }) => {
    const conversation = await requireConversationAccess(ctx, input.conversationId);
    const [taxonomy, assignees, inboxes] = await Promise.all([
      listTaxonomyChoices(ctx.db, conversation.audience),
      listAssignableStaff(ctx.db, conversation.inboxId),
      listActiveInboxes(ctx.db),
    ]);
    return { ...taxonomy, assignees, inboxes };
  }),

  send: agentProcedure.input(sendMessageInputSchema).mutation(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    return refusalsAsTrpcErrors(() => sendMessage(ctx.db, staffActorOf(ctx), input));
  }),

  assign: agentProcedure.input(assignInputSchema).mutation(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    await refusalsAsTrpcErrors(() => assignConversation(ctx.db, staffActorOf(ctx), input));
    return { ok: true as const };
  }),

  transfer: agentProcedure.input(transferInputSchema).mutation(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    await refusalsAsTrpcErrors(() => transferConversation(ctx.db, staffActorOf(ctx), input));
    return { ok: true as const };
  }),

  setStatus: agentProcedure.input(setStatusInputSchema).mutation(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    await refusalsAsTrpcErrors(() =>
      setStatus(ctx.db, staffActorOf(ctx), input, {
        publicUrl: publicUrlOf(ctx),
        unmetRequiredSteps: async (tx, conversationId) => {
          const sop = await findConversationSop(tx, conversationId);
          return sop
            ? unmetRequiredSteps(sop.version.steps, sop.checks).map((step) => step.text)
            : [];
        },
      }),
    );
    return { ok: true as const };
  }),

  setPriority: agentProcedure.input(setPriorityInputSchema).mutation(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    await refusalsAsTrpcErrors(() => setPriority(ctx.db, staffActorOf(ctx), input));
    return { ok: true as const };
  }),

  setTags: agentProcedure.input(setTagsInputSchema).mutation(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    await refusalsAsTrpcErrors(() => setTags(ctx.db, staffActorOf(ctx), input));
    return { ok: true as const };
  }),

  classify: agentProcedure.input(classifyInputSchema).mutation(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    await refusalsAsTrpcErrors(() => classifyConversation(ctx.db, staffActorOf(ctx), input));
    return { ok: true as const };
  }),
});
