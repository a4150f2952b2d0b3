import {
  applyMacro,
  archiveMacro,
  createMacro,
  discardSopDraft,
  findConversationSop,
  findSopEditor,
  findSopVersion,
  listMacrosForConversation,
  listPersonalMacros,
  listSharedMacros,
  listSopOverview,
  listSopVersions,
  listTagOptions,
  previewMacro,
  publishSopDraft,
  saveSopDraft,
  setSopStepCheck,
  updateMacro,
} from '@switchboard/db/queries/playbooks';
import {
  applyMacroInputSchema,
  conversationByIdInputSchema,
  conversationMacrosInputSchema,
  macroIdInputSchema,
  macroInputSchema,
  macroPreviewInputSchema,
  macroUpdateInputSchema,
  personalMacroListInputSchema,
  sharedMacroListInputSchema,
  sopCheckInputSchema,
  sopDraftInputSchema,
  sopListInputSchema,
  sopRequestTypeInputSchema,
  sopVersionIdInputSchema,
} from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
import { publicUrlOf, requireConversationAccess, staffActorOf } from '../conversation-access.ts';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { agentProcedure, consoleProcedure, createTRPCRouter, trainerProcedure } from '../trpc.ts';

const sharedScope = { scope: 'shared' } as const;

const sharedMacroInputSchema = macroInputSchema.refine((macro) => macro.scope === 'shared', {
  path: ['scope'],
  message: 'Shared macros only here; personal macros are kept in the workspace',
});
const sharedMacroUpdateSchema = macroUpdateInputSchema.refine((macro) => macro.scope === 'shared', {
  path: ['scope'],
  message: 'Shared macros only here',
});
const personalMacroInputSchema = macroInputSchema.refine((macro) => macro.scope === 'personal', {
  path: ['scope'],
  message: 'Your own macros are personal; shared ones are managed in the console',
});
const personalMacroUpdateSchema = macroUpdateInputSchema.refine(
  (macro) => macro.scope === 'personal',
  { path: ['scope'], message: 'Your own macros are personal' },
);

export const playbooksRouter = createTRPCRouter({
  // Shared macros: leads, trainers and admins in the console.
  listSharedMacros: consoleProcedure
    .input(sharedMacroListInputSchema)
    .query(({ ctx, input }) => listSharedMacros(ctx.db, input)),

  createSharedMacro: consoleProcedure
    .input(sharedMacroInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => createMacro(ctx.db, { userId: ctx.viewer.id }, input)),
    ),

  updateSharedMacro: consoleProcedure
    .input(sharedMacroUpdateSchema)
    .mutation(({ ctx, input: { macroId, ...macro } }) =>
      refusalsAsTrpcErrors(() => updateMacro(ctx.db, sharedScope, macroId, macro)),
    ),

  archiveSharedMacro: consoleProcedure
    .input(macroIdInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => archiveMacro(ctx.db, sharedScope, input.macroId)),
    ),

  // Personal macros: every agent, each only their own.
  listMyMacros: agentProcedure
    .input(personalMacroListInputSchema)
    .query(({ ctx, input }) => listPersonalMacros(ctx.db, ctx.viewer.id, input)),

  createMyMacro: agentProcedure
    .input(personalMacroInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => createMacro(ctx.db, { userId: ctx.viewer.id }, input)),
    ),

  updateMyMacro: agentProcedure
    .input(personalMacroUpdateSchema)
    .mutation(({ ctx, input: { macroId, ...macro } }) =>
      refusalsAsTrpcErrors(() =>
        updateMacro(ctx.db, { scope: 'personal', ownerId: ctx.viewer.id }, macroId, macro),
      ),
    ),

  archiveMyMacro: agentProcedure
    .input(macroIdInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() =>
        archiveMacro(ctx.db, { scope: 'personal', ownerId: ctx.viewer.id }, input.macroId),
      ),
    ),

  /** Live taxonomy tags a macro may add. */
  tagOptions: agentProcedure.query(({ ctx }) => listTagOptions(ctx.db)),

  // Macros on a conversation.
  macrosForConversation: agentProcedure
    .input(conversationMacrosInputSchema)
    .query(async ({ ctx, input }) => {
      await requireConversationAccess(ctx, input.conversationId);
      return listMacrosForConversation(ctx.db, ctx.viewer.id, input);
    }),

  previewMacro: agentProcedure.input(macroPreviewInputSchema).query(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    return refusalsAsTrpcErrors(() => previewMacro(ctx.db, staffActorOf(ctx), input));
  }),

  applyMacro: agentProcedure.input(applyMacroInputSchema).mutation(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    return refusalsAsTrpcErrors(() =>
      applyMacro(ctx.db, staffActorOf(ctx), input, { publicUrl: publicUrlOf(ctx) }),
    );
  }),

  // SOP playbooks: read across the console, written by leads, trainers and admins.
  listSops: consoleProcedure
    .input(sopListInputSchema)
    .query(({ ctx, input }) => listSopOverview(ctx.db, input)),

  sopEditor: consoleProcedure
    .input(sopRequestTypeInputSchema)
    .query(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => findSopEditor(ctx.db, input.requestTypeCode)),
    ),

  sopVersions: consoleProcedure
    .input(sopRequestTypeInputSchema)
    .query(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => listSopVersions(ctx.db, input.requestTypeCode)),
    ),

  sopVersion: consoleProcedure.input(sopVersionIdInputSchema).query(async ({ ctx, input }) => {
    const version = await findSopVersion(ctx.db, input.versionId);
    if (!version) throw new TRPCError({ code: 'NOT_FOUND', message: 'Playbook version not found' });
    return version;
  }),

  saveSopDraft: trainerProcedure
    .input(sopDraftInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => saveSopDraft(ctx.db, { userId: ctx.viewer.id }, input)),
    ),

  publishSop: trainerProcedure
    .input(sopRequestTypeInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() =>
        publishSopDraft(ctx.db, { userId: ctx.viewer.id }, input.requestTypeCode),
      ),
    ),

  discardSopDraft: trainerProcedure
    .input(sopRequestTypeInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => discardSopDraft(ctx.db, input.requestTypeCode)),
    ),

  // The playbook on a conversation.
  sopForConversation: agentProcedure
    .input(conversationByIdInputSchema)
    .query(async ({ ctx, input }) => {
      await requireConversationAccess(ctx, input.conversationId);
      return findConversationSop(ctx.db, input.conversationId);
    }),

  checkSopStep: agentProcedure.input(sopCheckInputSchema).mutation(async ({ ctx, input }) => {
    await requireConversationAccess(ctx, input.conversationId);
    return refusalsAsTrpcErrors(() =>
      setSopStepCheck(ctx.db, staffActorOf(ctx), {
        conversationId: input.conversationId,
        stepId: input.stepId,
        state: input.state,
        ...(input.skipReason !== undefined ? { skipReason: input.skipReason } : {}),
      }),
    );
  }),
});
