import { z } from 'zod';
import { rootCauseCodeSchema } from '../improvements/root-causes.ts';
import { tagCodeSchema } from '../taxonomy/tags.ts';
import { messageBodySchema } from './intake.ts';
import { prioritySchema } from './priority.ts';
import { conversationIdSchema } from './schemas.ts';

const conversation = { conversationId: conversationIdSchema };
const taxonomyCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'Use a taxonomy code such as DRIVER_NO_SHOW');

/** A public reply or an internal note. `clientId` lets a retried send be stored once. */
export const sendMessageInputSchema = z.object({
  ...conversation,
  kind: z.enum(['reply', 'note']),
  body: messageBodySchema,
  clientId: z.uuid('clientId must be a UUID'),
});
export type SendMessageInput = z.infer<typeof sendMessageInputSchema>;

export const assignInputSchema = z.object({
  ...conversation,
  /** Null unassigns. */
  assigneeId: z.string().min(1).max(100).nullable(),
});

export const transferInputSchema = z.object({
  ...conversation,
  inboxId: z.uuid('inboxId must be a UUID'),
  reason: z.string().trim().min(3, 'Say why it moves (at least 3 characters)').max(500),
});

export const setStatusInputSchema = z
  .object({
    ...conversation,
    status: z.enum(['open', 'pending', 'snoozed', 'resolved', 'closed']),
    /** Required for snoozed: when the conversation comes back. */
    snoozeUntil: z.date().optional(),
    /** Why it happened, recorded when resolving (domain ROOT_CAUSES). */
    rootCauseCode: rootCauseCodeSchema.optional(),
  })
  .refine((input) => input.status !== 'snoozed' || input.snoozeUntil !== undefined, {
    path: ['snoozeUntil'],
    message: 'Choose when the snooze ends',
  });
export type SetStatusInput = z.infer<typeof setStatusInputSchema>;

export const setPriorityInputSchema = z.object({ ...conversation, priority: prioritySchema });

export const setTagsInputSchema = z.object({
  ...conversation,
  tags: z.array(tagCodeSchema).max(20, 'At most 20 tags'),
});

export const classifyInputSchema = z.object({
  ...conversation,
  requestTypeCode: taxonomyCodeSchema.nullable(),
  reasonCode: taxonomyCodeSchema.nullable(),
});

export const csatRatingSchema = z
  .number()
  .int()
  .min(1, 'Rate from 1 to 5')
  .max(5, 'Rate from 1 to 5');
export const csatResponseSchema = z.object({
  rating: csatRatingSchema,
  comment: z.string().trim().max(1000).optional(),
});

/** CSAT counts ratings of 4 and 5 as satisfied (DOMAIN.md). */
export function isSatisfied(rating: number): boolean {
  return rating >= 4;
}

/** Snoozing needs a time in the future, and not absurdly far. */
export function snoozeProblem(until: Date, now: Date): string | null {
  if (until.getTime() <= now.getTime()) return 'Snooze until a time in the future';
  if (until.getTime() - now.getTime() > 90 * 24 * 60 * 60 * 1000) {
    return 'Snooze for at most 90 days';
  }
  return null;
}
