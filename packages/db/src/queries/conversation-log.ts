import type { ActorType, ConversationEventType } from '@switchboard/domain';
import type { DatabaseOrTransaction } from '../client.ts';
import { conversationEvents } from '../schema/index.ts';

export interface Actor {
  type: ActorType;
  userId: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', userId: null };

export interface NewEvent {
  type: ConversationEventType;
  payload?: Record<string, unknown>;
  occurredAt?: Date;
}

/** Appends events to the conversation's append-only log, in order. */
export async function appendEvents(
  db: DatabaseOrTransaction,
  conversationId: string,
  actor: Actor,
  events: NewEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await db.insert(conversationEvents).values(
    events.map((event) => ({
      conversationId,
      type: event.type,
      actorType: actor.type,
      actorUserId: actor.userId,
      payload: event.payload ?? {},
      ...(event.occurredAt ? { occurredAt: event.occurredAt } : {}),
    })),
  );
}
