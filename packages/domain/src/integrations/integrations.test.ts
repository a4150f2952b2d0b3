import { describe, expect, it } from 'vitest';
import { presenceInputSchema } from '../live/presence.ts';
import {
  API_KEY_PREFIX,
  createApiKeyInputSchema,
  looksLikeApiKey,
  revokeApiKeyInputSchema,
} from './api-keys.ts';
import { chatCsatInputSchema, chatMessageInputSchema, chatVisitorTokenSchema } from './chat.ts';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')).sort() ?? [];

describe('API keys', () => {
  it('recognises the issued shape only', () => {
    expect(looksLikeApiKey(`${API_KEY_PREFIX}${'aZ09'.repeat(8)}`)).toBe(true);
    for (const candidate of [
      '',
      `${API_KEY_PREFIX}${'a'.repeat(31)}`,
      `${API_KEY_PREFIX}${'a'.repeat(33)}`,
      `${API_KEY_PREFIX}${'a'.repeat(31)}-`,
      `sb_test_${'a'.repeat(32)}`,
      ` ${API_KEY_PREFIX}${'a'.repeat(32)}`,
    ]) {
      expect(looksLikeApiKey(candidate), candidate).toBe(false);
    }
  });

  it('trims names and says what a good one is', () => {
    expect(createApiKeyInputSchema.parse({ name: '  Rider app  ' })).toEqual({ name: 'Rider app' });
    const short = createApiKeyInputSchema.safeParse({ name: ' a ' });
    expect(short.error?.issues[0]?.message).toMatch(/at least 3 characters/);
    expect(paths(revokeApiKeyInputSchema.safeParse({ id: 'key-1' }))).toEqual(['id']);
  });
});

describe('web chat', () => {
  it('takes visitor tokens of 32–128 URL-safe characters', () => {
    expect(chatVisitorTokenSchema.safeParse('a'.repeat(32)).success).toBe(true);
    expect(chatVisitorTokenSchema.safeParse('A_-9'.repeat(32)).success).toBe(true);
    expect(chatVisitorTokenSchema.safeParse('a'.repeat(31)).success).toBe(false);
    expect(chatVisitorTokenSchema.safeParse('a'.repeat(129)).success).toBe(false);
    expect(chatVisitorTokenSchema.safeParse(`${'a'.repeat(32)}/`).success).toBe(false);
  });

  it('names every bad field of a chat message', () => {
    const result = chatMessageInputSchema.safeParse({
      clientMessageId: 'not-a-uuid',
      audience: 'pilot',
      name: ' ',
      email: 'nope',
      city: 'lis',
      locale: 'english',
      text: '   ',
    });
    expect(paths(result)).toEqual([
      'audience',
      'city',
      'clientMessageId',
      'email',
      'locale',
      'name',
      'text',
    ]);
  });

  it('rates from 1 to 5 with an optional trimmed comment', () => {
    const conversationId = '00000000-0000-4000-8000-000000000001';
    expect(chatCsatInputSchema.parse({ conversationId, rating: 5, comment: ' Great ' })).toEqual({
      conversationId,
      rating: 5,
      comment: 'Great',
    });
    expect(paths(chatCsatInputSchema.safeParse({ conversationId, rating: 0 }))).toEqual(['rating']);
    expect(paths(chatCsatInputSchema.safeParse({ conversationId, rating: 4.5 }))).toEqual([
      'rating',
    ]);
  });
});

describe('presence', () => {
  it('accepts viewing, typing and left on a conversation id', () => {
    const conversationId = '00000000-0000-4000-8000-000000000001';
    for (const state of ['viewing', 'typing', 'left'] as const) {
      expect(presenceInputSchema.parse({ conversationId, state })).toEqual({
        conversationId,
        state,
      });
    }
    expect(paths(presenceInputSchema.safeParse({ conversationId: 'x', state: 'away' }))).toEqual([
      'conversationId',
      'state',
    ]);
  });
});
