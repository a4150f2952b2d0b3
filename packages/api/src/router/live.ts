import { announce } from '@switchboard/db/queries/live';
import { inboxIdsOfUser } from '@switchboard/db/queries/routing';
import { conversations } from '@switchboard/db/schema';
import { canViewConversation, presenceInputSchema, seesEveryInbox } from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { agentProcedure, createTRPCRouter } from '../trpc.ts';

/**
 * Live collaboration. Presence is announced on the live channel (GET /events, `event:
 * presence`) and never stored: a colleague who closes the tab simply stops sending it.
 */
export const liveRouter = createTRPCRouter({
  presence: agentProcedure.input(presenceInputSchema).mutation(async ({ ctx, input }) => {
    const [conversation] = await ctx.db
      .select({
        id: conversations.id,
        inboxId: conversations.inboxId,
        assigneeId: conversations.assigneeId,
      })
      .from(conversations)
      .where(eq(conversations.id, input.conversationId))
      .limit(1);
    if (!conversation) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'Conversation not found' });
    }
    const inboxIds = seesEveryInbox(ctx.viewer.role)
      ? []
      : await inboxIdsOfUser(ctx.db, ctx.viewer.id);
    const viewer = { userId: ctx.viewer.id, role: ctx.viewer.role, inboxIds };
    if (!canViewConversation(viewer, conversation)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'This conversation is in an inbox you do not work',
      });
    }
    await announce(ctx.db, {
      kind: 'presence',
      conversationId: conversation.id,
      inboxId: conversation.inboxId,
      userId: ctx.viewer.id,
      userName: ctx.viewer.name,
      state: input.state,
      at: new Date().toISOString(),
    });
    return { ok: true as const };
  }),
});
