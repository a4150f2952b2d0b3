import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideIntake } from '../conversations/intake.ts';
import { PRIORITIES, type Priority } from '../conversations/priority.ts';
import { type ConversationStatus, canTransition } from '../conversations/status.ts';
import {
  clocksForStatus,
  nextDueAt,
  onAgentReply,
  onCustomerMessage,
  onPriorityChange,
  onReopen,
  type SlaClocks,
  startClocks,
} from './clocks.ts';
import { type ClockEvent, replaySlaClocks } from './replay.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = new Date('2025-06-01T08:00:00Z');

type Action =
  | { kind: 'customer_message' }
  | { kind: 'agent_reply' }
  | { kind: 'note' }
  | { kind: 'tag' }
  | { kind: 'priority'; to: Priority }
  | { kind: 'status'; to: ConversationStatus };

interface LiveConversation {
  status: ConversationStatus;
  priority: Priority;
  clocks: SlaClocks;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  events: ClockEvent[];
}

const event = (
  type: ClockEvent['type'],
  actorType: ClockEvent['actorType'],
  occurredAt: Date,
  payload: Record<string, unknown> = {},
): ClockEvent => ({ type, actorType, payload, occurredAt });

/**
 * What the server does (db/queries/intake.ts and conversation-actions.ts): the clocks it
 * stores, and the events it appends, for each action at `now`. Refused actions change nothing.
 */
function applyLive(live: LiveConversation, action: Action, now: Date): void {
  const facts = () => ({
    ...live.clocks,
    createdAt: live.createdAt,
    priority: live.priority,
    firstResponseAt: live.firstResponseAt,
  });
  if (live.status === 'closed') return;
  switch (action.kind) {
    case 'customer_message': {
      const decision = decideIntake(
        { id: 'c', status: live.status, resolvedAt: live.resolvedAt },
        now,
      );
      if (decision.kind === 'new') return; // a new conversation; this one is untouched
      const parked = live.status === 'pending' || live.status === 'snoozed';
      live.events.push(event('message_received', 'contact', now, { messageId: 'm' }));
      if (decision.kind === 'reopen') {
        live.clocks = onReopen(facts(), now);
        live.events.push(event('reopened', 'system', now, { from: live.status }));
        live.resolvedAt = null;
      } else {
        live.clocks = onCustomerMessage(facts(), now);
        if (parked) {
          live.events.push(
            event('status_changed', 'system', now, {
              from: live.status,
              to: 'open',
              reason: 'customer_replied',
            }),
          );
        }
      }
      live.status = 'open';
      return;
    }
    case 'agent_reply':
      live.clocks = onAgentReply(live.clocks);
      live.firstResponseAt ??= now;
      live.events.push(event('reply_sent', 'agent', now, { messageId: 'r' }));
      return;
    case 'note':
      live.events.push(event('note_added', 'agent', now, { messageId: 'n' }));
      return;
    case 'tag':
      live.events.push(event('tagged', 'agent', now, { tag: 'airport-pickup' }));
      return;
    case 'priority':
      if (action.to === live.priority) return;
      live.clocks = onPriorityChange(facts(), live.priority, action.to);
      live.events.push(
        event('priority_changed', 'agent', now, { from: live.priority, to: action.to }),
      );
      live.priority = action.to;
      return;
    case 'status': {
      const from = live.status;
      const to = action.to;
      if (from === to && to !== 'snoozed') return;
      if (from !== to && !canTransition(from, to)) return;
      if (to === 'resolved') {
        live.clocks = clocksForStatus(live.clocks, to, now);
        live.resolvedAt = now;
        live.events.push(event('resolved', 'agent', now, { from }));
        live.events.push(event('csat_requested', 'agent', now, { via: 'widget' }));
      } else if (from === 'resolved' && to === 'open') {
        live.clocks = onReopen(facts(), now);
        live.resolvedAt = null;
        live.events.push(event('reopened', 'agent', now, { from }));
      } else if (to === 'closed') {
        // The server leaves the (already stopped) clocks as they are.
        live.events.push(event('closed', 'agent', now, { from }));
      } else {
        live.clocks = clocksForStatus(live.clocks, to, now);
        live.events.push(event('status_changed', 'agent', now, { from, to }));
      }
      live.status = to;
      return;
    }
  }
}

function startLive(createdAt: Date): LiveConversation {
  return {
    status: 'open',
    priority: 'P3',
    clocks: startClocks(createdAt, 'P3'),
    createdAt,
    firstResponseAt: null,
    resolvedAt: null,
    events: [
      event('created', 'contact', createdAt, { channel: 'chat' }),
      event('message_received', 'contact', createdAt, { messageId: 'm0' }),
    ],
  };
}

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.constant({ kind: 'customer_message' as const }),
  fc.constant({ kind: 'agent_reply' as const }),
  fc.constant({ kind: 'note' as const }),
  fc.constant({ kind: 'tag' as const }),
  fc.constantFrom(...PRIORITIES).map((to) => ({ kind: 'priority' as const, to })),
  fc
    .constantFrom<ConversationStatus>('open', 'pending', 'snoozed', 'resolved', 'closed')
    .map((to) => ({ kind: 'status' as const, to })),
);
/** Gaps between actions: often seconds, sometimes hours, now and then past the reopen window. */
const gapArb = fc.oneof(
  fc.integer({ min: 0, max: 5 * MINUTE }),
  fc.integer({ min: 0, max: 12 * HOUR }),
  fc.integer({ min: 6 * 24 * HOUR, max: 8 * 24 * HOUR }),
);

describe('replaySlaClocks', () => {
  it('property: replaying the events the server writes gives the clocks it stored live', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(actionArb, gapArb), { maxLength: 40 }), (steps) => {
        const live = startLive(T0);
        let now = T0.getTime();
        for (const [action, gap] of steps) {
          now += gap;
          applyLive(live, action, new Date(now));
        }
        const replayed = replaySlaClocks(T0, 'P3', live.events);
        expect(replayed).toEqual(live.clocks);
        expect(nextDueAt(replayed)).toEqual(nextDueAt(live.clocks));
      }),
      { numRuns: 500 },
    );
  });

  it('a conversation with only its first message owes the first response', () => {
    const live = startLive(T0);
    expect(replaySlaClocks(T0, 'P3', live.events)).toEqual(startClocks(T0, 'P3'));
    // Without the created event the first inbound message is still not a new wait.
    expect(replaySlaClocks(T0, 'P3', live.events.slice(1))).toEqual(startClocks(T0, 'P3'));
  });

  it('bot and system replies do not stop the response clocks', () => {
    const events = [
      event('message_received', 'contact', T0),
      event('reply_sent', 'bot', new Date(T0.getTime() + MINUTE)),
      event('reply_sent', 'system', new Date(T0.getTime() + 2 * MINUTE)),
    ];
    expect(replaySlaClocks(T0, 'P2', events)).toEqual(startClocks(T0, 'P2'));
  });

  it('the first agent reply is the first response; a later message owes a next response', () => {
    const replyAt = new Date(T0.getTime() + 10 * MINUTE);
    const laterAt = new Date(T0.getTime() + HOUR);
    const clocks = replaySlaClocks(T0, 'P1', [
      event('message_received', 'contact', T0),
      event('reply_sent', 'agent', replyAt),
      event('message_received', 'contact', laterAt),
    ]);
    expect(clocks.firstResponseDueAt).toBeNull();
    expect(clocks.nextResponseDueAt).toEqual(new Date(laterAt.getTime() + 15 * MINUTE));
  });

  it('pending and back pushes due times by the time spent waiting on the customer', () => {
    const clocks = replaySlaClocks(T0, 'P3', [
      event('message_received', 'contact', T0),
      event('status_changed', 'agent', new Date(T0.getTime() + HOUR), {
        from: 'open',
        to: 'pending',
      }),
      event('status_changed', 'agent', new Date(T0.getTime() + 3 * HOUR), {
        from: 'pending',
        to: 'open',
      }),
    ]);
    const started = startClocks(T0, 'P3');
    expect(clocks.firstResponseDueAt).toEqual(
      new Date(started.firstResponseDueAt!.getTime() + 2 * HOUR),
    );
  });

  it('ignores events that do not touch the clocks, and a status change without a target', () => {
    const clocks = replaySlaClocks(T0, 'P3', [
      event('message_received', 'contact', T0),
      event('note_added', 'agent', T0),
      event('tagged', 'agent', T0, { tag: 'x' }),
      event('assigned', 'agent', T0, { to: 'u' }),
      event('status_changed', 'agent', T0, {}),
    ]);
    expect(clocks).toEqual(startClocks(T0, 'P3'));
  });
});
