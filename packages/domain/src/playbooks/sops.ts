import { z } from 'zod';
import { audienceSchema } from '../shared/enums.ts';
import { pageInputSchema } from '../shared/pagination.ts';

/** One step of an SOP playbook; `id` is stable across versions so ticks can be compared. */
export const sopStepSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Step ids are short lower-case words'),
  text: z.string().trim().min(3, 'Describe the step (at least 3 characters)').max(2000),
  required: z.boolean().default(false),
});
export type SopStep = z.infer<typeof sopStepSchema>;

export const SOP_VERSION_STATUSES = ['draft', 'published', 'archived'] as const;
export type SopVersionStatus = (typeof SOP_VERSION_STATUSES)[number];

const requestTypeCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'Choose a request type');

export const sopDraftInputSchema = z.object({
  requestTypeCode: requestTypeCodeSchema,
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

export const sopRequestTypeInputSchema = z.object({ requestTypeCode: requestTypeCodeSchema });

export const sopVersionIdInputSchema = z.object({
  versionId: z.uuid('versionId must be a UUID'),
});

/** The console's list of request types with the state of their playbooks. */
export const sopListInputSchema = pageInputSchema.extend({
  audience: audienceSchema.optional(),
  search: z.string().trim().max(100).optional(),
});
export type SopListInput = z.infer<typeof sopListInputSchema>;

/**
 * An id for a new step, unique among `existingIds`: `step-1`, `step-2`… Ids stay with their
 * step through edits and versions, so a tick on one version can be compared with the next.
 */
export function nextStepId(existingIds: Iterable<string>): string {
  const taken = new Set(existingIds);
  let number = 1;
  while (taken.has(`step-${number}`)) number += 1;
  return `step-${number}`;
}

export interface SopProgress {
  done: number;
  skipped: number;
  total: number;
  /** Required steps neither done nor skipped. */
  requiredOpen: number;
}

/** How far a conversation is through its playbook; checks of steps no longer there are ignored. */
export function sopProgress(
  steps: readonly SopStep[],
  checks: readonly SopStepCheck[],
): SopProgress {
  const stepIds = new Set(steps.map((step) => step.id));
  const relevant = checks.filter((check) => stepIds.has(check.stepId));
  return {
    done: relevant.filter((check) => check.state === 'done').length,
    skipped: relevant.filter((check) => check.state === 'skipped').length,
    total: steps.length,
    requiredOpen: unmetRequiredSteps(steps, checks).length,
  };
}

/** The before/after of one step, as the `sop_step_checked`/`_unchecked` events record it. */
export interface SopStepCheckChange {
  stepId: string;
  stepText: string;
  sopVersionId: string;
  version: number;
  before: { state: SopStepState; skipReason: string | null } | null;
  after: { state: SopStepState; skipReason: string | null } | null;
}
