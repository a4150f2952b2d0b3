import { z } from 'zod';
import { audienceSchema, channelSchema } from '../shared/enums.ts';
import { pageInputSchema } from '../shared/pagination.ts';
import { prioritySchema } from './priority.ts';
import { conversationStatusSchema } from './status.ts';

export const conversationIdSchema = z.uuid('Conversation id must be a UUID');

export const conversationByIdInputSchema = z.object({ conversationId: conversationIdSchema });

export const CONVERSATION_SORTS = ['newest', 'oldest', 'priority'] as const;

export const myConversationsInputSchema = pageInputSchema.extend({
  status: z.array(conversationStatusSchema).max(5).optional(),
  channel: channelSchema.optional(),
  audience: audienceSchema.optional(),
  priority: prioritySchema.optional(),
  sort: z.enum(CONVERSATION_SORTS).default('newest'),
});
export type MyConversationsInput = z.infer<typeof myConversationsInputSchema>;
