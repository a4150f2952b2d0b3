import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVE_STATUSES,
  allowedTransitions,
  CONVERSATION_STATUSES,
  type ConversationStatus,
  canTransition,
  conversationStatusSchema,
  isActive,
} from './status.ts';

const statusArb = fc.constantFrom(...CONVERSATION_STATUSES);

describe('conversation statuses', () => {
  it('are the five statuses of the domain', () => {
    expect(CONVERSATION_STATUSES).toEqual(['open', 'pending', 'snoozed', 'resolved', 'closed']);
    expect(conversationStatusSchema.safeParse('archived').success).toBe(false);
    expect(conversationStatusSchema.safeParse('OPEN').success).toBe(false);
  });

  it('closed is terminal', () => {
    expect(allowedTransitions('closed')).toEqual([]);
    for (const to of CONVERSATION_STATUSES) expect(canTransition('closed', to)).toBe(false);
  });

  it('resolved can reopen, and be closed', () => {
    expect(canTransition('resolved', 'open')).toBe(true);
    expect(canTransition('resolved', 'closed')).toBe(true);
    expect(canTransition('resolved', 'pending')).toBe(false);
    expect(canTransition('resolved', 'snoozed')).toBe(false);
  });

  it('only a resolved conversation can be closed', () => {
    for (const from of CONVERSATION_STATUSES) {
      expect(canTransition(from, 'closed')).toBe(from === 'resolved');
    }
  });

  it('every working status can be resolved, and moves freely among open, pending and snoozed', () => {
    for (const from of ACTIVE_STATUSES) {
      expect(canTransition(from, 'resolved')).toBe(true);
      for (const to of ACTIVE_STATUSES) expect(canTransition(from, to)).toBe(from !== to);
    }
  });

  it.each(CONVERSATION_STATUSES)('%s cannot transition to itself', (status) => {
    expect(canTransition(status, status)).toBe(false);
  });

  it('the backlog counts open, pending and snoozed only', () => {
    const active = CONVERSATION_STATUSES.filter(isActive);
    expect(active).toEqual(['open', 'pending', 'snoozed']);
    expect(isActive('resolved')).toBe(false);
    expect(isActive('closed')).toBe(false);
  });

  it('property: every allowed target is a valid status, never the source', () => {
    fc.assert(
      fc.property(statusArb, (from) => {
        for (const to of allowedTransitions(from)) {
          expect(conversationStatusSchema.safeParse(to).success).toBe(true);
          expect(to).not.toBe(from);
        }
        expect(new Set(allowedTransitions(from)).size).toBe(allowedTransitions(from).length);
      }),
    );
  });

  it('property: canTransition agrees with allowedTransitions', () => {
    fc.assert(
      fc.property(statusArb, statusArb, (from, to) => {
        expect(canTransition(from, to)).toBe(allowedTransitions(from).includes(to));
      }),
    );
  });

  it('property: from any status but closed, some path reaches closed; from closed, nothing', () => {
    const reachable = (start: ConversationStatus): Set<ConversationStatus> => {
      const seen = new Set<ConversationStatus>();
      const queue = [...allowedTransitions(start)];
      while (queue.length > 0) {
        const next = queue.shift()!;
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(...allowedTransitions(next));
      }
      return seen;
    };
    fc.assert(
      fc.property(statusArb, (from) => {
        const seen = reachable(from);
        if (from === 'closed') expect(seen.size).toBe(0);
        else expect(seen.has('closed')).toBe(true);
      }),
    );
  });
});
