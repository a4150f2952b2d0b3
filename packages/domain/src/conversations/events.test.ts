import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_TYPES,
  CONVERSATION_EVENT_TYPES,
  conversationEventTypeSchema,
  isHumanPublicReply,
  MESSAGE_DIRECTIONS,
  MESSAGE_KINDS,
} from './events.ts';

describe('isHumanPublicReply', () => {
  it('counts an outbound public message by an agent', () => {
    expect(
      isHumanPublicReply({ direction: 'outbound', kind: 'message', authorType: 'agent' }),
    ).toBe(true);
  });

  it('does not count an internal note, even by an agent', () => {
    expect(isHumanPublicReply({ direction: 'outbound', kind: 'note', authorType: 'agent' })).toBe(
      false,
    );
  });

  it.each(['bot', 'system', 'contact'] as const)(
    'does not count an outbound message by %s',
    (authorType) => {
      expect(isHumanPublicReply({ direction: 'outbound', kind: 'message', authorType })).toBe(
        false,
      );
    },
  );

  it('does not count an inbound message', () => {
    expect(isHumanPublicReply({ direction: 'inbound', kind: 'message', authorType: 'agent' })).toBe(
      false,
    );
    expect(
      isHumanPublicReply({ direction: 'inbound', kind: 'message', authorType: 'contact' }),
    ).toBe(false);
  });

  it('property: true for exactly one combination of direction, kind and author', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MESSAGE_DIRECTIONS),
        fc.constantFrom(...MESSAGE_KINDS),
        fc.constantFrom(...ACTOR_TYPES),
        (direction, kind, authorType) => {
          const expected = direction === 'outbound' && kind === 'message' && authorType === 'agent';
          expect(isHumanPublicReply({ direction, kind, authorType })).toBe(expected);
        },
      ),
    );
  });
});

describe('conversation events', () => {
  it('have distinct types the schema accepts, and nothing else', () => {
    expect(new Set(CONVERSATION_EVENT_TYPES).size).toBe(CONVERSATION_EVENT_TYPES.length);
    for (const type of CONVERSATION_EVENT_TYPES) {
      expect(conversationEventTypeSchema.safeParse(type).success).toBe(true);
    }
    expect(conversationEventTypeSchema.safeParse('deleted').success).toBe(false);
  });
});
