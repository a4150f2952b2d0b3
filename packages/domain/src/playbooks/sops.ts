import { z } from 'zod';

/** One step of an SOP playbook; `id` is stable across versions so ticks can be compared. */
export const sopStepSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Step ids are short lower-case words'),
  text: z.string().trim().min(3, 'Describe the step (at least 3 characters)').max(2000),
  required: z.boolean().default(false),
});
export type SopStep = z.infer<typeof sopStepSchema>;

export const SOP_VERSION_STATUSES = ['draft', 'published', 'archived'] as const;
export type SopVersionStatus = (typeof SOP_VERSION_STATUSES)[number];

export const sopDraftInputSchema = z.object({
  requestTypeCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'Choose a request type'),
  title: z.string().trim().min(3, 'Give the playbook a title').max(120),
  steps: z
    .array(sopStepSchema)
    .min(1, 'A playbook needs at least one step')
    .max(40)
    .refine((steps) => new Set(steps.map((step) => step.id)).size === steps.length, {
      message: 'Step ids must be unique',
    }),
});
export type SopDraftInput = z.infer<typeof sopDraftInputSchema>;

export type SopStepState = 'done' | 'skipped';
export interface SopStepCheck {
  stepId: string;
  state: SopStepState;
  skipReason: string | null;
}

export const sopCheckInputSchema = z
  .object({
    conversationId: z.uuid('Conversation id must be a UUID'),
    stepId: z.string().min(1).max(40),
    /** null clears the tick. */
    state: z.enum(['done', 'skipped']).nullable(),
    skipReason: z.string().trim().max(500).optional(),
  })
  .refine((input) => input.state !== 'skipped' || (input.skipReason?.length ?? 0) >= 3, {
    path: ['skipReason'],
    message: 'Say why the step is skipped (at least 3 characters)',
  });

/** Required steps neither done nor skipped: while any remain, the conversation cannot resolve. */
export function unmetRequiredSteps(
  steps: readonly SopStep[],
  checks: readonly SopStepCheck[],
): SopStep[] {
  const handled = new Set(checks.map((check) => check.stepId));
  return steps.filter((step) => step.required && !handled.has(step.id));
}
