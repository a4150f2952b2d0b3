import { z } from 'zod';

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'resolved', 'closed'] as const;
export const conversationStatusSchema = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

/**
 * Allowed status moves. `closed` is terminal: a closed conversation is archived and a new
 * inbound message starts a new conversation. `resolved` may reopen (a customer replies).
 */
const TRANSITIONS: Record<ConversationStatus, readonly ConversationStatus[]> = {
  open: ['pending', 'snoozed', 'resolved'],
  pending: ['open', 'snoozed', 'resolved'],
  snoozed: ['open', 'pending', 'resolved'],
  resolved: ['open', 'closed'],
  closed: [],
};

export function canTransition(from: ConversationStatus, to: ConversationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: ConversationStatus): readonly ConversationStatus[] {
  return TRANSITIONS[from];
}

/** Statuses in which the conversation still needs work (counted in backlog). */
export const ACTIVE_STATUSES: readonly ConversationStatus[] = ['open', 'pending', 'snoozed'];

export function isActive(status: ConversationStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}
