import { decideForConversation } from '@switchboard/db/queries/guardrail-context';
import {
  answerApproval,
  listApprovals,
  proposeAction,
  replayDecision,
} from '@switchboard/db/queries/guardrail-decisions';
import {
  guardrailPolicyByCode,
  listGuardrailPolicies,
  saveGuardrailPolicy,
} from '@switchboard/db/queries/guardrail-policies';
import {
  answerApprovalInputSchema,
  approvalListInputSchema,
  decideInputSchema,
  decisionIdInputSchema,
  policyKeySchema,
  proposeActionInputSchema,
  saveGuardrailPolicyInputSchema,
} from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
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

  /**
   * Decides and acts: the decision is stored with its inputs and posted to the timeline; an
   * approval goes to the lead or Finance queue. The server decides again on its own facts.
   */
  propose: agentProcedure.input(proposeActionInputSchema).mutation(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    return refusalsAsTrpcErrors(() =>
      proposeAction(ctx.db, {
        conversationId: input.conversationId,
        actorId: ctx.viewer.id,
        action: input.action,
        note: input.note,
      }),
    );
  }),

  /** The approvals the viewer may answer: leads', and Finance's for Finance & Payouts. */
  approvals: agentProcedure.input(approvalListInputSchema).query(async ({ ctx, input }) => {
    const page = await listApprovals(
      ctx.db,
      { userId: ctx.viewer.id, role: ctx.viewer.role },
      input,
    );
    if (page.roles.length === 0) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'You answer no approvals' });
    }
    return page;
  }),

  answerApproval: agentProcedure
    .input(answerApprovalInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() =>
        answerApproval(ctx.db, { userId: ctx.viewer.id, role: ctx.viewer.role }, input),
      ),
    ),

  /** Decides a stored decision again under its policy version: does the record hold up? */
  replay: consoleProcedure
    .input(decisionIdInputSchema)
    .query(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => replayDecision(ctx.db, input.decisionId)),
    ),
});
