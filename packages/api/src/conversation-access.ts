import type { StaffActor } from '@switchboard/db/queries/conversation-actions';
import type { ViewScope } from '@switchboard/db/queries/inbox-views';
import { inboxIdsOfUser } from '@switchboard/db/queries/routing';
import { conversations } from '@switchboard/db/schema';
import { canViewConversation, seesEveryInbox } from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import type { Context } from './trpc.ts';

type SignedInContext = Context & { viewer: NonNullable<Context['viewer']> };

/** What the viewer may list: every inbox for admins and trainers, else their teams' inboxes. */
export async function viewScopeOf(ctx: SignedInContext): Promise<ViewScope> {
  const everyInbox = seesEveryInbox(ctx.viewer.role);
  return {
    userId: ctx.viewer.id,
    seesEveryInbox: everyInbox,
    inboxIds: everyInbox ? [] : await inboxIdsOfUser(ctx.db, ctx.viewer.id),
  };
}

/**
 * The conversation, if the viewer may work it: NOT_FOUND when it does not exist,
 * FORBIDDEN when it sits in an inbox of a team they are not on.
 */
export async function requireConversationAccess(ctx: SignedInContext, conversationId: string) {
  const [conversation] = await ctx.db
    .select()
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .limit(1);
  if (!conversation) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Conversation not found' });
  }
  const scope = await viewScopeOf(ctx);
  const viewer = { userId: ctx.viewer.id, role: ctx.viewer.role, inboxIds: scope.inboxIds };
  if (!canViewConversation(viewer, conversation)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'This conversation is in an inbox you do not work',
    });
  }
  return conversation;
}

export function staffActorOf(ctx: SignedInContext): StaffActor {
  return { userId: ctx.viewer.id, name: ctx.viewer.name, role: ctx.viewer.role };
}

/** Origin of the public pages (survey links), as the server was configured. */
export function publicUrlOf(ctx: Context): string {
  return String(ctx.auth.options.baseURL ?? 'http://localhost:3000');
}
