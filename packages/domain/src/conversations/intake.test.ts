import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideIntake,
  type InboundMessage,
  inboundMessageSchema,
  MAX_MESSAGE_LENGTH,
  messageBodySchema,
  messagePreview,
  REOPEN_WINDOW_MS,
} from './intake.ts';
import { CONVERSATION_STATUSES, type ConversationStatus } from './status.ts';

const NOW = new Date('2025-05-10T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const latest = (status: ConversationStatus, resolvedAt: Date | null = null) => ({
  id: 'conversation-1',
  status,
  resolvedAt,
});

describe('decideIntake', () => {
  it('starts a new conversation for a contact with none on the channel', () => {
    expect(decideIntake(null, NOW)).toEqual({ kind: 'new' });
  });

  it.each(['open', 'pending', 'snoozed'] as const)('appends to a %s conversation', (status) => {
    expect(decideIntake(latest(status), NOW)).toEqual({
      kind: 'append',
      conversationId: 'conversation-1',
    });
    // However long ago anything was resolved: an active conversation takes the message.
    expect(decideIntake(latest(status, ago(30 * REOPEN_WINDOW_MS)), NOW).kind).toBe('append');
  });

  it('reopens a conversation resolved less than seven days ago', () => {
    expect(REOPEN_WINDOW_MS).toBe(7 * 24 * 60 * 60 * 1000);
    expect(decideIntake(latest('resolved', NOW), NOW)).toEqual({
      kind: 'reopen',
      conversationId: 'conversation-1',
    });
    expect(decideIntake(latest('resolved', ago(REOPEN_WINDOW_MS - 1)), NOW).kind).toBe('reopen');
  });

  it('starts a new conversation once seven days have passed, to the millisecond', () => {
    expect(decideIntake(latest('resolved', ago(REOPEN_WINDOW_MS)), NOW)).toEqual({ kind: 'new' });
    expect(decideIntake(latest('resolved', ago(REOPEN_WINDOW_MS + 1)), NOW).kind).toBe('new');
  });

  it('never reopens a closed conversation, however recent', () => {
    expect(decideIntake(latest('closed', NOW), NOW)).toEqual({ kind: 'new' });
    expect(decideIntake(latest('closed', ago(1000)), NOW)).toEqual({ kind: 'new' });
    expect(decideIntake(latest('closed'), NOW)).toEqual({ kind: 'new' });
  });

  it('starts a new conversation for a resolved one without a resolution time', () => {
    expect(decideIntake(latest('resolved', null), NOW)).toEqual({ kind: 'new' });
  });

  it('property: the decision depends only on the status and how long ago it was resolved', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CONVERSATION_STATUSES),
        fc.integer({ min: 0, max: 4 * REOPEN_WINDOW_MS }),
        (status, age) => {
          const decision = decideIntake(latest(status, ago(age)), NOW);
          const expected =
            status === 'open' || status === 'pending' || status === 'snoozed'
              ? 'append'
              : status === 'resolved' && age < REOPEN_WINDOW_MS
                ? 'reopen'
                : 'new';
          expect(decision.kind).toBe(expected);
          if (decision.kind !== 'new') expect(decision.conversationId).toBe('conversation-1');
        },
      ),
    );
  });
});

const valid: InboundMessage = {
  channel: 'whatsapp',
  audience: 'guest',
  externalMessageId: 'wamid.HBgLMzUxOTEyMzQ1Njc4FQIAEhgg',
  contact: {
    externalId: '+351912345678',
    name: 'Ana Silva',
    phone: '+351 912 345 678',
    email: 'ana@example.com',
    locale: 'pt-PT',
    city: 'LIS',
  },
  text: 'My driver did not show up at arrivals.',
  bookingReference: 'LIS-48213',
};

/** The dotted paths of the fields a parse refused. */
function failedPaths(input: unknown): string[] {
  const result = inboundMessageSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => issue.path.join('.'));
}

describe('inboundMessageSchema', () => {
  it('accepts a complete message and trims what people type', () => {
    const parsed = inboundMessageSchema.parse({
      ...valid,
      text: '  hello  ',
      contact: { ...valid.contact, name: ' Ana ' },
    });
    expect(parsed.text).toBe('hello');
    expect(parsed.contact.name).toBe('Ana');
  });

  it('accepts the minimum: channel, audience, ids, a name and text', () => {
    expect(
      failedPaths({
        channel: 'email',
        audience: 'driver',
        externalMessageId: 'x',
        contact: { externalId: 'd-1', name: 'Rui' },
        text: 'Payout missing',
      }),
    ).toEqual([]);
  });

  it.each([
    ['contact.email', { contact: { ...valid.contact, email: 'not-an-email' } }],
    ['contact.phone', { contact: { ...valid.contact, phone: 'call me maybe' } }],
    ['contact.city', { contact: { ...valid.contact, city: 'Lisbon' } }],
    ['contact.locale', { contact: { ...valid.contact, locale: 'Portuguese' } }],
    ['contact.name', { contact: { ...valid.contact, name: '   ' } }],
    ['contact.externalId', { contact: { ...valid.contact, externalId: '' } }],
    ['externalMessageId', { externalMessageId: ' ' }],
    ['channel', { channel: 'sms' }],
    ['audience', { audience: 'partner' }],
    ['text', { text: '' }],
    ['text', { text: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) }],
    ['bookingReference', { bookingReference: 'x'.repeat(41) }],
  ])('names %s when it is wrong', (path, override) => {
    expect(failedPaths({ ...valid, ...override })).toEqual([path]);
  });

  it('says what a good email looks like', () => {
    const result = inboundMessageSchema.safeParse({
      ...valid,
      contact: { ...valid.contact, email: 'ana@' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/email address such as/);
  });

  it('refuses unknown contact fields rather than silently dropping them', () => {
    const result = inboundMessageSchema.safeParse({
      ...valid,
      contact: { ...valid.contact, emial: 'typo@example.com' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['contact']);
  });

  it('names every missing field at once', () => {
    expect(failedPaths({}).sort()).toEqual(
      ['audience', 'channel', 'contact', 'externalMessageId', 'text'].sort(),
    );
  });
});

describe('messageBodySchema', () => {
  it('takes up to MAX_MESSAGE_LENGTH characters after trimming', () => {
    expect(messageBodySchema.safeParse('x'.repeat(MAX_MESSAGE_LENGTH)).success).toBe(true);
    expect(messageBodySchema.safeParse(` ${'x'.repeat(MAX_MESSAGE_LENGTH)} `).success).toBe(true);
    const tooLong = messageBodySchema.safeParse('x'.repeat(MAX_MESSAGE_LENGTH + 1));
    expect(tooLong.error?.issues[0]?.message).toBe('Messages are at most 10,000 characters');
  });

  it('refuses blank messages', () => {
    expect(messageBodySchema.safeParse(' \n\t ').error?.issues[0]?.message).toBe(
      'Write a message first',
    );
  });
});

describe('messagePreview', () => {
  it('flattens whitespace and keeps short text whole', () => {
    expect(messagePreview('  Hello\n\nthere \t friend ')).toBe('Hello there friend');
  });

  it('shortens long text to the length, ending with an ellipsis', () => {
    const preview = messagePreview('word '.repeat(100), 20);
    expect(preview.length).toBeLessThanOrEqual(20);
    expect(preview.endsWith('…')).toBe(true);
    expect(messagePreview('x'.repeat(140))).toBe('x'.repeat(140));
    expect(messagePreview('x'.repeat(141))).toBe(`${'x'.repeat(139)}…`);
  });

  it('property: a preview never exceeds its length and never contains a line break', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: 200 }), (body, n) => {
        const preview = messagePreview(body, n);
        expect(preview.length).toBeLessThanOrEqual(n);
        expect(preview).not.toMatch(/[\n\r\t]/);
      }),
    );
  });
});
