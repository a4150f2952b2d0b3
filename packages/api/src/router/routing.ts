import { listInboxes } from '@switchboard/db/queries/routing';
import { inboxListInputSchema } from '@switchboard/domain';
import { consoleProcedure, createTRPCRouter } from '../trpc.ts';

export const routingRouter = createTRPCRouter({
  listInboxes: consoleProcedure
    .input(inboxListInputSchema)
    .query(({ ctx, input }) => listInboxes(ctx.db, input)),
});
