import { z } from 'zod';
import { audienceSchema, channelSchema } from '../shared/enums.ts';
import { languageSchema } from '../shared/places.ts';
import type { ConversationStatus } from './status.ts';

/** The longest message body accepted, inbound or outbound (about five pages of text). */
export const MAX_MESSAGE_LENGTH = 10_000;

/** A resolved conversation that hears from its contact within this window reopens. */
export const REOPEN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

export const messageBodySchema = z
  .string()
  .trim()
  .min(1, 'Write a message first')
  .max(
    MAX_MESSAGE_LENGTH,
    `Messages are at most ${MAX_MESSAGE_LENGTH.toLocaleString('en')} characters`,
  );

/**
 * What every channel adapter (inbound API, web chat, webhooks) normalises a message to.
 * (channel, externalMessageId) identifies it: delivering it twice stores it once.
 */
export const inboundMessageSchema = z.object({
  channel: channelSchema,
  audience: audienceSchema,
  externalMessageId: z.string().trim().min(1, 'externalMessageId is required').max(200),
  contact: z
    .object({
      externalId: z.string().trim().min(1, 'contact.externalId is required').max(200),
      name: z.string().trim().min(1, 'contact.name is required').max(200),
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()-]{5,30}$/, 'Use an international phone number, e.g. +351 912 345 678')
        .optional(),
      email: z.email('Use an email address such as ana@example.com').max(320).optional(),
      locale: languageSchema.optional(),
      city: z
        .string()
        .regex(/^[A-Z]{3}$/, 'City is a three-letter city code, e.g. LIS')
        .optional(),
      /** Platform VIP (routing rules can treat them first). */
      vip: z.boolean({ error: 'contact.vip is true or false' }).optional(),
      /** When they joined the platform; a driver's first 30 days make them a new driver. */
      joinedAt: z.iso
        .datetime({
          offset: true,
          error: 'contact.joinedAt is a date-time, e.g. 2026-03-01T09:00:00Z',
        })
        .transform((value) => new Date(value))
        .optional(),
    })
    .strict(),
  text: messageBodySchema,
  bookingReference: optionalText(40),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export type IntakeDecision =
  | { kind: 'append'; conversationId: string }
  | { kind: 'reopen'; conversationId: string }
  | { kind: 'new' };

/**
 * Where an inbound message goes, given the contact's latest conversation on that channel:
 * an active one takes it; one resolved less than seven days ago reopens; anything older,
 * or closed, makes way for a new conversation.
 */
export function decideIntake(
  latest: { id: string; status: ConversationStatus; resolvedAt: Date | null } | null,
  now: Date,
): IntakeDecision {
  if (!latest) return { kind: 'new' };
  if (latest.status === 'open' || latest.status === 'pending' || latest.status === 'snoozed') {
    return { kind: 'append', conversationId: latest.id };
  }
  if (
    latest.status === 'resolved' &&
    latest.resolvedAt !== null &&
    now.getTime() - latest.resolvedAt.getTime() < REOPEN_WINDOW_MS
  ) {
    return { kind: 'reopen', conversationId: latest.id };
  }
  return { kind: 'new' };
}

/** The first line of a message, shortened for inbox rows. */
export function messagePreview(body: string, length = 140): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}
