import { listNotifications, markNotificationsRead } from '@switchboard/db/queries/notifications';
import { markNotificationsReadInputSchema, notificationListInputSchema } from '@switchboard/domain';
import { createTRPCRouter, protectedProcedure } from '../trpc.ts';

export const notificationsRouter = createTRPCRouter({
  /** The viewer's own notifications, newest first, with their unread count. */
  list: protectedProcedure
    .input(notificationListInputSchema)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.viewer.id, input)),

  markRead: protectedProcedure
    .input(markNotificationsReadInputSchema)
    .mutation(async ({ ctx, input }) => ({
      marked: await markNotificationsRead(ctx.db, ctx.viewer.id, input.ids),
    })),
});
