import { z } from 'zod';
import { audienceSchema, channelSchema } from '../shared/enums.ts';
import { pageInputSchema } from '../shared/pagination.ts';
import { prioritySchema } from './priority.ts';

/**
 * The inbox's views. `inbox` needs an inboxId; `sla` lists conversations whose due time
 * has passed or is within the at-risk window; `mentions` those where the viewer was
 * @mentioned in a note.
 */
export const INBOX_VIEWS = [
  'mine',
  'unassigned',
  'inbox',
  'pending',
  'snoozed',
  'sla',
  'mentions',
  'resolved',
] as const;
export const inboxViewSchema = z.enum(INBOX_VIEWS);
export type InboxView = z.infer<typeof inboxViewSchema>;

export const INBOX_SORTS = ['sla', 'newest', 'oldest', 'priority'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export const inboxFiltersSchema = z.object({
  channel: channelSchema.optional(),
  audience: audienceSchema.optional(),
  cityCode: z
    .string()
    .regex(/^[A-Z]{3}$/, 'City is a three-letter code')
    .optional(),
  priority: prioritySchema.optional(),
  requestTypeCode: z.string().max(64).optional(),
  tag: z.string().max(48).optional(),
  /** A user id, or "none" for unassigned. */
  assigneeId: z.string().max(100).optional(),
  search: z.string().trim().max(100).optional(),
});
export type InboxFilters = z.infer<typeof inboxFiltersSchema>;

export const inboxViewInputSchema = pageInputSchema
  .extend({
    view: inboxViewSchema,
    inboxId: z.uuid('inboxId must be a UUID').optional(),
    sort: z.enum(INBOX_SORTS).default('sla'),
  })
  .extend(inboxFiltersSchema.shape)
  .refine((input) => input.view !== 'inbox' || input.inboxId !== undefined, {
    path: ['inboxId'],
    message: 'Choose an inbox for the inbox view',
  });
export type InboxViewInput = z.infer<typeof inboxViewInputSchema>;
