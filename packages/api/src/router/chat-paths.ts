import {
  chatPathByAudience,
  listChatPaths,
  saveChatPath,
  setChatPathEnabled,
} from '@switchboard/db/queries/chat-paths';
import { inboxes } from '@switchboard/db/schema';
import {
  advanceChat,
  audienceSchema,
  chatInputSchema,
  chatPathSchema,
  chatStateSchema,
  rolloutNoteSchema,
  startChat,
} from '@switchboard/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { consoleProcedure, createTRPCRouter, leadProcedure } from '../trpc.ts';

const audienceInputSchema = z.object({ audience: audienceSchema });

const saveChatPathInputSchema = z.object({
  audience: audienceSchema,
  enabled: z.boolean({ error: 'Enabled is true or false' }),
  definition: chatPathSchema,
  rolloutNote: rolloutNoteSchema,
});

const setChatPathEnabledInputSchema = z.object({
  audience: audienceSchema,
  enabled: z.boolean({ error: 'Enabled is true or false' }),
  rolloutNote: rolloutNoteSchema,
});

const previewChatInputSchema = z.object({
  /** The draft being edited, so a lead can try it before saving. */
  definition: chatPathSchema,
  /** Absent: the chat starts (greeting and first step). */
  state: chatStateSchema.optional(),
  input: chatInputSchema.optional(),
});

export const chatPathsRouter = createTRPCRouter({
  /** Every audience's path (or null when none is saved), with what no longer works in it. */
  list: consoleProcedure.query(({ ctx }) => listChatPaths(ctx.db)),

  get: consoleProcedure
    .input(audienceInputSchema)
    .query(({ ctx, input }) => chatPathByAudience(ctx.db, input.audience)),

  save: leadProcedure.input(saveChatPathInputSchema).mutation(({ ctx, input }) => {
    const { rolloutNote, ...path } = input;
    return refusalsAsTrpcErrors(() =>
      saveChatPath(ctx.db, path, { actorId: ctx.viewer.id, rolloutNote }),
    );
  }),

  setEnabled: leadProcedure.input(setChatPathEnabledInputSchema).mutation(({ ctx, input }) =>
    refusalsAsTrpcErrors(() =>
      setChatPathEnabled(ctx.db, input.audience, input.enabled, {
        actorId: ctx.viewer.id,
        rolloutNote: input.rolloutNote,
      }),
    ),
  ),

  /**
   * The console's test drive: one step of the draft path, exactly as the web chat runs it,
   * with the inbox a handover would reach. Writes nothing; a mutation only so the draft
   * travels in the request body rather than the URL.
   */
  preview: consoleProcedure.input(previewChatInputSchema).mutation(async ({ ctx, input }) => {
    const turn =
      input.state && input.input
        ? advanceChat(input.definition, input.state, input.input)
        : startChat(input.definition);
    const inboxCode = turn.done?.kind === 'handover' ? turn.done.inboxCode : null;
    const [inbox] = inboxCode
      ? await ctx.db
          .select({ code: inboxes.code, name: inboxes.name, active: inboxes.active })
          .from(inboxes)
          .where(eq(inboxes.code, inboxCode))
      : [];
    return { turn, handoverInbox: inbox ?? null };
  }),
});
