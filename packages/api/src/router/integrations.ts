import { createApiKey, listApiKeys, revokeApiKey } from '@switchboard/db/queries/api-keys';
import {
  apiKeyListInputSchema,
  createApiKeyInputSchema,
  revokeApiKeyInputSchema,
} from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
import { adminProcedure, createTRPCRouter } from '../trpc.ts';

/** Keys for the inbound API (`POST /api/v1/messages`). Admins only: a key can write messages. */
export const integrationsRouter = createTRPCRouter({
  listApiKeys: adminProcedure
    .input(apiKeyListInputSchema)
    .query(({ ctx, input }) => listApiKeys(ctx.db, input)),

  /** Returns the plaintext key this once; only its SHA-256 is stored. */
  createApiKey: adminProcedure
    .input(createApiKeyInputSchema)
    .mutation(({ ctx, input }) =>
      createApiKey(ctx.db, { name: input.name, createdById: ctx.viewer.id }),
    ),

  revokeApiKey: adminProcedure.input(revokeApiKeyInputSchema).mutation(async ({ ctx, input }) => {
    const revoked = await revokeApiKey(ctx.db, { id: input.id, revokedById: ctx.viewer.id });
    if (!revoked) throw new TRPCError({ code: 'NOT_FOUND', message: 'API key not found' });
    return revoked;
  }),
});
