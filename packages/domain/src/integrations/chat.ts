import { z } from 'zod';
import { csatResponseSchema } from '../conversations/actions.ts';
import { messageBodySchema } from '../conversations/intake.ts';
import { audienceSchema } from '../shared/enums.ts';
import { languageSchema } from '../shared/places.ts';

/**
 * The web-chat widget's visitor token: random, generated in the visitor's browser and kept in
 * localStorage. The server stores only its SHA-256, as the contact's external id.
 */
export const chatVisitorTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{32,128}$/, 'The chat visitor token is 32–128 URL-safe characters');

/** What the widget sends for each message; `clientMessageId` makes a retried send idempotent. */
export const chatMessageInputSchema = z.object({
  clientMessageId: z.uuid('clientMessageId must be a UUID'),
  audience: audienceSchema,
  name: z.string().trim().min(1, 'Tell us your name').max(200),
  email: z.email('Use an email address such as ana@example.com').max(320).optional(),
  city: z
    .string()
    .regex(/^[A-Z]{3}$/, 'City is a three-letter city code, e.g. LIS')
    .optional(),
  /** The browser's language, when it is one Switchboard knows the shape of (en, pt-PT). */
  locale: languageSchema.optional(),
  text: messageBodySchema,
});
export type ChatMessageInput = z.infer<typeof chatMessageInputSchema>;

/** A customer's answer to the satisfaction survey (chat widget or survey link). */
export type CsatAnswer = z.infer<typeof csatResponseSchema>;

export const chatCsatInputSchema = csatResponseSchema.extend({
  conversationId: z.uuid('Conversation id must be a UUID'),
});
export type ChatCsatInput = z.infer<typeof chatCsatInputSchema>;
