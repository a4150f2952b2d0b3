import { z } from 'zod';
import { rolloutNoteSchema } from '../changes/diff.ts';
import { pageInputSchema } from '../shared/pagination.ts';
import { severitySchema } from '../shared/severity.ts';
import { handoffFieldsSchema } from './handoff.ts';
import { ESCALATION_STATES, REJECTION_REASONS } from './lifecycle.ts';
import { escalationMatrixEntrySchema, escalationTeamKindSchema } from './matrix.ts';

const summarySchema = z
  .string()
  .trim()
  .min(10, 'Say what the team needs to do (at least 10 characters)')
  .max(4000, 'At most 4,000 characters');

export const createEscalationInputSchema = z.object({
  conversationId: z.uuid('Not a conversation id'),
  teamKind: escalationTeamKindSchema,
  severity: severitySchema,
  summary: summarySchema,
  fields: handoffFieldsSchema.default({}),
});
export type CreateEscalationInput = z.infer<typeof createEscalationInputSchema>;

export const escalationIdInputSchema = z.object({ escalationId: z.uuid('Not an escalation id') });

export const moveEscalationInputSchema = z.discriminatedUnion(
  'move',
  [
    escalationIdInputSchema.extend({ move: z.literal('acknowledge') }),
    escalationIdInputSchema.extend({ move: z.literal('start') }),
    escalationIdInputSchema.extend({
      move: z.literal('resolve'),
      outcome: z
        .string()
        .trim()
        .min(10, 'Say what was done (at least 10 characters); support passes it on')
        .max(4000),
    }),
    escalationIdInputSchema.extend({
      move: z.literal('reject'),
      reason: z.enum(REJECTION_REASONS, {
        error: 'Missing information, wrong team or nothing to do',
      }),
      note: z.string().trim().min(5, 'Tell support what to fix (at least 5 characters)').max(2000),
    }),
    escalationIdInputSchema.extend({
      move: z.literal('resend'),
      summary: summarySchema,
      fields: handoffFieldsSchema.default({}),
      note: z.string().trim().max(2000).default(''),
    }),
  ],
  { error: 'Move: acknowledge, start, resolve, reject or resend' },
);
export type MoveEscalationInput = z.infer<typeof moveEscalationInputSchema>;

export const escalationNoteInputSchema = escalationIdInputSchema.extend({
  body: z.string().trim().min(1, 'Write something').max(4000),
});

export const escalationQueueInputSchema = pageInputSchema.extend({
  /** My teams' queue, the ones I raised, or (leads and admins) every team's. */
  scope: z.enum(['team', 'raised', 'all']).default('team'),
  teamKind: escalationTeamKindSchema.optional(),
  /** 'active' is open, acknowledged and in progress. */
  state: z.enum([...ESCALATION_STATES, 'active', 'all']).default('active'),
  /** Only those whose acknowledge or resolve clock has run out. */
  breachedOnly: z.boolean().default(false),
});
export type EscalationQueueInput = z.infer<typeof escalationQueueInputSchema>;

export const saveEscalationMatrixInputSchema = z.object({
  entry: escalationMatrixEntrySchema,
  rolloutNote: rolloutNoteSchema,
});

export const escalationReportInputSchema = z.object({
  /** Escalations sent in the last N days. */
  days: z.number().int().min(1).max(366).default(30),
});

export const notificationListInputSchema = z.object({
  unreadOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(100).default(30),
});

export const markNotificationsReadInputSchema = z.object({
  ids: z.union([z.array(z.uuid('Not a notification id')).min(1).max(100), z.literal('all')]),
});
