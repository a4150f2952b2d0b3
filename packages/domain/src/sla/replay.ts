import type { ActorType, ConversationEventType } from '../conversations/events.ts';
import type { Priority } from '../conversations/priority.ts';
import type { ConversationStatus } from '../conversations/status.ts';
import {
  clocksForStatus,
  onAgentReply,
  onCustomerMessage,
  onPriorityChange,
  onReopen,
  resume,
  type SlaClocks,
  startClocks,
} from './clocks.ts';
import { DEFAULT_SLA_SCHEDULE, type SlaSchedule, type SlaTargetKind } from './policy.ts';

export interface ClockEvent {
  type: ConversationEventType;
  actorType: ActorType;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * One run of one clock: from when it started to when it stopped (a reply, or the resolution),
 * with the due time it had then. A clock still running has no `stoppedAt`; `paused` says it
 * is on hold (its due time moves when it resumes).
 */
export interface SlaOutcome {
  target: SlaTargetKind;
  dueAt: Date;
  stoppedAt: Date | null;
  paused: boolean;
}

export interface SlaReplay {
  clocks: SlaClocks;
  priority: Priority;
  firstResponseAt: Date | null;
  outcomes: SlaOutcome[];
}

const DUE_FIELDS: Array<[SlaTargetKind, keyof Omit<SlaClocks, 'slaPausedAt'>]> = [
  ['firstResponse', 'firstResponseDueAt'],
  ['nextResponse', 'nextResponseDueAt'],
  ['resolution', 'resolutionDueAt'],
];

/**
 * A conversation's clocks after its event log, replayed in order with the same rules the
 * server applies live — so seeded and imported history carries the same due times — and
 * every clock run it had, met or missed, for SLA attainment.
 */
export function replaySla(
  createdAt: Date,
  initialPriority: Priority,
  events: readonly ClockEvent[],
  schedule: SlaSchedule = DEFAULT_SLA_SCHEDULE,
): SlaReplay {
  let priority = initialPriority;
  let clocks = startClocks(createdAt, priority, schedule);
  let firstResponseAt: Date | null = null;
  let started = false;
  const outcomes: SlaOutcome[] = [];
  for (const event of events) {
    const before = clocks;
    const facts = () => ({ ...clocks, createdAt, priority, firstResponseAt });
    switch (event.type) {
      case 'message_received':
        // The first inbound message is the conversation's creation, not a new wait.
        if (started) clocks = onCustomerMessage(facts(), event.occurredAt, schedule);
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
        clocks = onPriorityChange(facts(), priority, to, schedule);
        priority = to;
        break;
      }
      case 'status_changed':
      case 'resolved':
      case 'closed': {
        const to = (event.type === 'status_changed' ? event.payload.to : event.type) as
          | ConversationStatus
          | undefined;
        if (to) clocks = clocksForStatus(clocks, to, event.occurredAt, { schedule, priority });
        break;
      }
      case 'reopened':
        clocks = onReopen(facts(), event.occurredAt, schedule);
        break;
      default:
        break;
    }
    recordStops(outcomes, before, clocks, priority, event.occurredAt, schedule);
  }
  for (const [target, field] of DUE_FIELDS) {
    const dueAt = clocks[field];
    if (dueAt)
      outcomes.push({ target, dueAt, stoppedAt: null, paused: clocks.slaPausedAt !== null });
  }
  return { clocks, priority, firstResponseAt, outcomes };
}

/** The clocks a conversation has after its event log (see replaySla). */
export function replaySlaClocks(
  createdAt: Date,
  initialPriority: Priority,
  events: readonly ClockEvent[],
  schedule: SlaSchedule = DEFAULT_SLA_SCHEDULE,
): SlaClocks {
  return replaySla(createdAt, initialPriority, events, schedule).clocks;
}

/**
 * A clock that ran before an event and not after it stopped at that event. A paused clock
 * that stops is judged by the due time it would have had if it had resumed then.
 */
function recordStops(
  outcomes: SlaOutcome[],
  before: SlaClocks,
  after: SlaClocks,
  priority: Priority,
  at: Date,
  schedule: SlaSchedule,
) {
  const effective = before.slaPausedAt ? resume(before, priority, at, schedule) : before;
  for (const [target, field] of DUE_FIELDS) {
    const dueAt = effective[field];
    if (dueAt !== null && after[field] === null) {
      outcomes.push({ target, dueAt, stoppedAt: at, paused: false });
    }
  }
}
