import type { ActorType, ConversationEventType } from '../conversations/events.ts';
import type { Priority } from '../conversations/priority.ts';
import type { ConversationStatus } from '../conversations/status.ts';
import {
  clocksForStatus,
  onAgentReply,
  onCustomerMessage,
  onPriorityChange,
  onReopen,
  type SlaClocks,
  startClocks,
} from './clocks.ts';

export interface ClockEvent {
  type: ConversationEventType;
  actorType: ActorType;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * The clocks a conversation has after its event log, replayed in order with the same rules
 * the server applies live — so seeded and imported history carries the same due times.
 */
export function replaySlaClocks(
  createdAt: Date,
  initialPriority: Priority,
  events: readonly ClockEvent[],
): SlaClocks {
  let priority = initialPriority;
  let clocks = startClocks(createdAt, priority);
  let firstResponseAt: Date | null = null;
  let started = false;
  for (const event of events) {
    const facts = () => ({ ...clocks, createdAt, priority, firstResponseAt });
    switch (event.type) {
      case 'message_received':
        // The first inbound message is the conversation's creation, not a new wait.
        if (started) clocks = onCustomerMessage(facts(), event.occurredAt);
        started = true;
        break;
      case 'reply_sent':
        if (event.actorType === 'agent') {
          clocks = onAgentReply(clocks);
          firstResponseAt ??= event.occurredAt;
        }
        break;
      case 'priority_changed': {
        const to = event.payload.to as Priority;
        clocks = onPriorityChange(facts(), priority, to);
        priority = to;
        break;
      }
      case 'status_changed':
      case 'resolved':
      case 'closed': {
        const to = (event.type === 'status_changed' ? event.payload.to : event.type) as
          | ConversationStatus
          | undefined;
        if (to) clocks = clocksForStatus(clocks, to, event.occurredAt);
        break;
      }
      case 'reopened':
        clocks = onReopen(facts(), event.occurredAt);
        break;
      default:
        break;
    }
  }
  return clocks;
}
