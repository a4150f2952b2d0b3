import { z } from 'zod';

export const conversationIdSchema = z.uuid('Conversation id must be a UUID');

export const conversationByIdInputSchema = z.object({ conversationId: conversationIdSchema });
