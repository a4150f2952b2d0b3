import { z } from 'zod';
import { audienceSchema } from '../shared/enums.ts';
import { pageInputSchema } from '../shared/pagination.ts';

export const inboxCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'Inbox code is UPPER_SNAKE_CASE, e.g. LIS_GUEST');

export const inboxListInputSchema = pageInputSchema.extend({
  search: z.string().trim().max(100).optional(),
  audience: audienceSchema.optional(),
  sort: z.enum(['name', 'openCount']).default('name'),
});
export type InboxListInput = z.infer<typeof inboxListInputSchema>;
