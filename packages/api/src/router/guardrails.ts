import { decideForConversation } from '@switchboard/db/queries/guardrail-context';
import {
  guardrailPolicyByCode,
  listGuardrailPolicies,
  saveGuardrailPolicy,
} from '@switchboard/db/queries/guardrail-policies';
import {
  decideInputSchema,
  policyKeySchema,
  saveGuardrailPolicyInputSchema,
} from '@switchboard/domain';
import { requireConversationAccess } from '../conversation-access.ts';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { agentProcedure, consoleProcedure, createTRPCRouter, leadProcedure } from '../trpc.ts';

export const guardrailsRouter = createTRPCRouter({
  /** Every policy, one per request type and audience. */
  policies: consoleProcedure.query(({ ctx }) => listGuardrailPolicies(ctx.db)),

  /** One policy (null when the request type has none yet). */
  policy: consoleProcedure
    .input(policyKeySchema)
    .query(({ ctx, input }) =>
      guardrailPolicyByCode(ctx.db, input.requestTypeCode, input.audience),
    ),

  savePolicy: leadProcedure.input(saveGuardrailPolicyInputSchema).mutation(({ ctx, input }) =>
    refusalsAsTrpcErrors(() =>
      saveGuardrailPolicy(ctx.db, input.policy, {
        actorId: ctx.viewer.id,
        rolloutNote: input.rolloutNote,
      }),
    ),
  ),

  /**
   * What the policy says about an action on a conversation, live as the agent types: the
   * booking, tier and history come from the database, never from the request. Writes nothing.
   */
  decide: agentProcedure.input(decideInputSchema).query(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    return refusalsAsTrpcErrors(() =>
      decideForConversation(ctx.db, {
        conversationId: input.conversationId,
        actorId: ctx.viewer.id,
        action: input.action,
      }),
    );
  }),
});
