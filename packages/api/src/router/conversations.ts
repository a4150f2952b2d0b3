import {
  findConversationDetail,
  listAssignedConversations,
} from '@switchboard/db/queries/conversations';
import { inboxIdsOfUser } from '@switchboard/db/queries/routing';
import {
  canViewConversation,
  conversationByIdInputSchema,
  myConversationsInputSchema,
} from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
import { agentProcedure, createTRPCRouter } from '../trpc.ts';

export const conversationsRouter = createTRPCRouter({
  listMine: agentProcedure
    .input(myConversationsInputSchema)
    .query(({ ctx, input }) => listAssignedConversations(ctx.db, ctx.viewer.id, input)),

  byId: agentProcedure.input(conversationByIdInputSchema).query(async ({ ctx, input }) => {
    const detail = await findConversationDetail(ctx.db, input.conversationId);
    if (!detail) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'Conversation not found' });
    }
    const inboxIds = await inboxIdsOfUser(ctx.db, ctx.viewer.id);
    const viewer = { userId: ctx.viewer.id, role: ctx.viewer.role, inboxIds };
    if (!canViewConversation(viewer, detail.conversation)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'This conversation is in an inbox you do not work',
      });
    }
    return detail;
  }),
});
