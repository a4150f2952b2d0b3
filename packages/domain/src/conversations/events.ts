import { z } from 'zod';

/**
 * Every change to a conversation appends one of these to `conversation_events`.
 * KPIs, audit trails and the live stream all read from that log.
 */
export const CONVERSATION_EVENT_TYPES = [
  'created',
  'message_received',
  'reply_sent',
  'note_added',
  'assigned',
  'unassigned',
  'status_changed',
  'priority_changed',
  'tagged',
  'untagged',
  'request_type_set',
  'transferred',
  'resolved',
  'reopened',
  'closed',
  'csat_requested',
  'csat_received',
  'macro_applied',
  'sop_step_checked',
  'sop_step_unchecked',
  'mentioned',
  /** Intake's rules placed it: rules matched, inbox, request type, priority, tags. */
  'routed',
  /** A routing rule answered automatically (a bot message; never counts as a response). */
  'auto_replied',
  /** A refund, gesture or rebooking was decided under a guardrail policy (allowed, asked, refused). */
  'guardrail_decided',
  /** A lead or Finance answered an approval request. */
  'approval_answered',
  /** An escalation of this conversation was sent, returned, resent or resolved. */
  'escalation_updated',
  /** The conversation was linked to an incident (its banner and bulk replies follow). */
  'incident_linked',
  /** An SLA clock ran out (first response, next response or resolution); announced once. */
  'sla_breached',
] as const;
export const conversationEventTypeSchema = z.enum(CONVERSATION_EVENT_TYPES);
export type ConversationEventType = z.infer<typeof conversationEventTypeSchema>;

export const ACTOR_TYPES = ['contact', 'agent', 'bot', 'system'] as const;
export const actorTypeSchema = z.enum(ACTOR_TYPES);
export type ActorType = z.infer<typeof actorTypeSchema>;

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;
export const messageDirectionSchema = z.enum(MESSAGE_DIRECTIONS);
export type MessageDirection = z.infer<typeof messageDirectionSchema>;

/** `note` is internal: never shown to the customer and never counts as a response. */
export const MESSAGE_KINDS = ['message', 'note'] as const;
export const messageKindSchema = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof messageKindSchema>;

/** A public reply by a human agent: the only message that stops first/next response clocks. */
export function isHumanPublicReply(message: {
  direction: MessageDirection;
  kind: MessageKind;
  authorType: ActorType;
}): boolean {
  return (
    message.direction === 'outbound' && message.kind === 'message' && message.authorType === 'agent'
  );
}
