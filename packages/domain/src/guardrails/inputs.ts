import { z } from 'zod';
import { rolloutNoteSchema } from '../changes/diff.ts';
import { audienceSchema } from '../shared/enums.ts';
import { moneySchema } from '../shared/money.ts';
import type { GuardrailAction } from './decide.ts';
import { evidenceKindSchema, guardrailPolicySchema } from './policy.ts';

/** What the workspace's action panel sends; the server fills in everything else itself. */
export const guardrailActionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('refund'),
      amount: moneySchema,
      reasonCode: z.string().trim().min(1, 'Choose a reason').max(40),
      evidence: z.array(evidenceKindSchema).max(10).default([]),
    }),
    z.object({
      kind: z.literal('gesture'),
      amount: moneySchema,
      reasonCode: z.string().trim().min(1, 'Choose a reason').max(40),
      form: z.enum(['credit', 'voucher'], { error: 'A credit or a voucher' }),
    }),
    z.object({
      kind: z.literal('rebooking'),
      priceDifference: moneySchema,
      reasonCode: z.string().trim().min(1, 'Choose a reason').max(40),
      platformCause: z.boolean({ error: 'Say whether the cause is on the platform’s side' }),
    }),
    z.object({
      kind: z.literal('driver_adjustment'),
      amount: moneySchema,
      reason: z.string().trim().min(1, 'Say what the adjustment is for').max(1000),
    }),
  ],
  { error: 'Action: refund, gesture, rebooking or driver adjustment' },
) satisfies z.ZodType<GuardrailAction>;

export const decideInputSchema = z.object({
  conversationId: z.uuid('Not a conversation id'),
  action: guardrailActionSchema,
});

/** Decide and act: record the decision, post it, and queue it for approval when needed. */
export const proposeActionInputSchema = decideInputSchema.extend({
  note: z.string().trim().max(2000, 'A note is at most 2,000 characters').default(''),
});

export const policyKeySchema = z.object({
  requestTypeCode: z.string().trim().min(1).max(40),
  audience: audienceSchema,
});

export const saveGuardrailPolicyInputSchema = z.object({
  policy: guardrailPolicySchema,
  rolloutNote: rolloutNoteSchema,
});

export const decisionIdInputSchema = z.object({ decisionId: z.uuid('Not a decision id') });
