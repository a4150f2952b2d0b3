import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  assignInputSchema,
  classifyInputSchema,
  csatRatingSchema,
  csatResponseSchema,
  isSatisfied,
  sendMessageInputSchema,
  setPriorityInputSchema,
  setStatusInputSchema,
  setTagsInputSchema,
  snoozeProblem,
  transferInputSchema,
} from './actions.ts';
import { MAX_MESSAGE_LENGTH } from './intake.ts';

const CONVERSATION_ID = '3f1c2a5e-8b7d-4c1e-9f00-1a2b3c4d5e6f';
const CLIENT_ID = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
const INBOX_ID = '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a';
const NOW = new Date('2025-05-10T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

/** The dotted paths a schema refused, or [] when it accepted the input. */
function failedPaths(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

function firstMessage(schema: z.ZodType, input: unknown): string | undefined {
  return schema.safeParse(input).error?.issues[0]?.message;
}

describe('sendMessageInputSchema', () => {
  const send = {
    conversationId: CONVERSATION_ID,
    kind: 'reply',
    body: 'On my way',
    clientId: CLIENT_ID,
  };

  it('takes a reply or a note', () => {
    expect(failedPaths(sendMessageInputSchema, send)).toEqual([]);
    expect(failedPaths(sendMessageInputSchema, { ...send, kind: 'note' })).toEqual([]);
    expect(failedPaths(sendMessageInputSchema, { ...send, kind: 'email' })).toEqual(['kind']);
  });

  it('limits the body to MAX_MESSAGE_LENGTH characters and refuses a blank one', () => {
    const atLimit = { ...send, body: 'x'.repeat(MAX_MESSAGE_LENGTH) };
    expect(failedPaths(sendMessageInputSchema, atLimit)).toEqual([]);
    const over = { ...send, body: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) };
    expect(failedPaths(sendMessageInputSchema, over)).toEqual(['body']);
    expect(firstMessage(sendMessageInputSchema, over)).toMatch(/at most 10,000 characters/);
    expect(failedPaths(sendMessageInputSchema, { ...send, body: '   ' })).toEqual(['body']);
  });

  it('needs UUIDs for the conversation and the client id', () => {
    expect(failedPaths(sendMessageInputSchema, { ...send, clientId: 'retry-1' })).toEqual([
      'clientId',
    ]);
    expect(firstMessage(sendMessageInputSchema, { ...send, clientId: 'x' })).toBe(
      'clientId must be a UUID',
    );
    expect(failedPaths(sendMessageInputSchema, { ...send, conversationId: '42' })).toEqual([
      'conversationId',
    ]);
  });
});

describe('setStatusInputSchema', () => {
  const base = { conversationId: CONVERSATION_ID };

  it.each(['open', 'pending', 'resolved', 'closed'] as const)(
    '%s needs no snooze time',
    (status) => {
      expect(failedPaths(setStatusInputSchema, { ...base, status })).toEqual([]);
    },
  );

  it('snoozed needs snoozeUntil, and names it', () => {
    expect(failedPaths(setStatusInputSchema, { ...base, status: 'snoozed' })).toEqual([
      'snoozeUntil',
    ]);
    expect(firstMessage(setStatusInputSchema, { ...base, status: 'snoozed' })).toBe(
      'Choose when the snooze ends',
    );
    expect(
      failedPaths(setStatusInputSchema, {
        ...base,
        status: 'snoozed',
        snoozeUntil: new Date(NOW.getTime() + DAY),
      }),
    ).toEqual([]);
  });

  it('refuses a snooze time that is not a date, and an unknown status', () => {
    expect(
      failedPaths(setStatusInputSchema, { ...base, status: 'snoozed', snoozeUntil: 'tomorrow' }),
    ).toEqual(['snoozeUntil']);
    expect(failedPaths(setStatusInputSchema, { ...base, status: 'archived' })).toEqual(['status']);
  });
});

describe('transferInputSchema', () => {
  const transfer = { conversationId: CONVERSATION_ID, inboxId: INBOX_ID, reason: 'Driver payout' };

  it('needs a reason of at least three characters, trimmed, and at most 500', () => {
    expect(failedPaths(transferInputSchema, transfer)).toEqual([]);
    expect(failedPaths(transferInputSchema, { ...transfer, reason: '  ab  ' })).toEqual(['reason']);
    expect(firstMessage(transferInputSchema, { ...transfer, reason: '' })).toBe(
      'Say why it moves (at least 3 characters)',
    );
    expect(failedPaths(transferInputSchema, { ...transfer, reason: 'x'.repeat(500) })).toEqual([]);
    expect(failedPaths(transferInputSchema, { ...transfer, reason: 'x'.repeat(501) })).toEqual([
      'reason',
    ]);
  });

  it('needs the target inbox as a UUID', () => {
    expect(failedPaths(transferInputSchema, { ...transfer, inboxId: 'LIS_GUESTS' })).toEqual([
      'inboxId',
    ]);
  });
});

describe('assign, priority, tags and classification', () => {
  it('assigns to a user id or to nobody (null)', () => {
    const base = { conversationId: CONVERSATION_ID };
    expect(failedPaths(assignInputSchema, { ...base, assigneeId: 'user-1' })).toEqual([]);
    expect(failedPaths(assignInputSchema, { ...base, assigneeId: null })).toEqual([]);
    expect(failedPaths(assignInputSchema, { ...base, assigneeId: '' })).toEqual(['assigneeId']);
    expect(failedPaths(assignInputSchema, base)).toEqual(['assigneeId']);
  });

  it('takes P1–P4 only', () => {
    const base = { conversationId: CONVERSATION_ID };
    expect(failedPaths(setPriorityInputSchema, { ...base, priority: 'P1' })).toEqual([]);
    expect(failedPaths(setPriorityInputSchema, { ...base, priority: 'P0' })).toEqual(['priority']);
  });

  it('names the tag at fault by its index, and allows at most 20', () => {
    const base = { conversationId: CONVERSATION_ID };
    expect(failedPaths(setTagsInputSchema, { ...base, tags: [] })).toEqual([]);
    expect(
      failedPaths(setTagsInputSchema, { ...base, tags: ['airport-pickup', 'Not A Tag'] }),
    ).toEqual(['tags.1']);
    const many = Array.from({ length: 21 }, (_, index) => `tag-${index}`);
    expect(failedPaths(setTagsInputSchema, { ...base, tags: many })).toEqual(['tags']);
    expect(failedPaths(setTagsInputSchema, { ...base, tags: many.slice(0, 20) })).toEqual([]);
  });

  it('classifies with taxonomy codes, or clears with null', () => {
    const base = { conversationId: CONVERSATION_ID };
    expect(
      failedPaths(classifyInputSchema, {
        ...base,
        requestTypeCode: 'PICKUP_ISSUE',
        reasonCode: 'DRIVER_NO_SHOW',
      }),
    ).toEqual([]);
    expect(
      failedPaths(classifyInputSchema, { ...base, requestTypeCode: null, reasonCode: null }),
    ).toEqual([]);
    expect(
      failedPaths(classifyInputSchema, {
        ...base,
        requestTypeCode: 'pickup issue',
        reasonCode: null,
      }),
    ).toEqual(['requestTypeCode']);
  });
});

describe('CSAT', () => {
  it('rates from 1 to 5 in whole numbers', () => {
    for (const rating of [1, 2, 3, 4, 5])
      expect(csatRatingSchema.safeParse(rating).success).toBe(true);
    for (const rating of [0, 6, 4.5, Number.NaN]) {
      expect(csatRatingSchema.safeParse(rating).success).toBe(false);
    }
    expect(csatResponseSchema.safeParse({ rating: 5, comment: 'x'.repeat(1001) }).success).toBe(
      false,
    );
  });

  it('counts 4 and 5 as satisfied', () => {
    expect([1, 2, 3, 4, 5].filter(isSatisfied)).toEqual([4, 5]);
  });
});

describe('snoozeProblem', () => {
  it('needs a time in the future, at most 90 days ahead', () => {
    expect(snoozeProblem(NOW, NOW)).toBe('Snooze until a time in the future');
    expect(snoozeProblem(new Date(NOW.getTime() - 1), NOW)).toBe(
      'Snooze until a time in the future',
    );
    expect(snoozeProblem(new Date(NOW.getTime() + 1), NOW)).toBeNull();
    expect(snoozeProblem(new Date(NOW.getTime() + 90 * DAY), NOW)).toBeNull();
    expect(snoozeProblem(new Date(NOW.getTime() + 90 * DAY + 1), NOW)).toBe(
      'Snooze for at most 90 days',
    );
  });

  it('property: any time strictly within the next 90 days is fine', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90 * DAY }), (ahead) => {
        expect(snoozeProblem(new Date(NOW.getTime() + ahead), NOW)).toBeNull();
      }),
    );
  });
});
