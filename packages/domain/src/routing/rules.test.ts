import { describe, expect, it } from 'vitest';
import { message, RECEIVED_AT, tripIn, withOnMatch } from './fixtures.ts';
import {
  conditionHolds,
  keywordText,
  MAX_ROUTED_TEXT,
  patternProblem,
  primaryLanguage,
  type RoutingCondition,
  routingActionsSchema,
  routingConditionSchema,
  routingMessageSchema,
  routingRuleInputSchema,
  routingRuleSchema,
} from './rules.ts';

const firstMessage = (
  schema: { safeParse(v: unknown): { error?: { issues: { message: string }[] } } },
  value: unknown,
) => schema.safeParse(value).error?.issues[0]?.message;

describe('routing condition schema', () => {
  it.each<RoutingCondition>([
    { field: 'channel', op: 'in', values: ['chat', 'email'] },
    { field: 'channel', op: 'not_in', values: ['voice'] },
    { field: 'audience', op: 'is', value: 'driver' },
    { field: 'city', op: 'in', values: ['LIS', 'OPO'] },
    { field: 'language', op: 'not_in', values: ['pt'] },
    { field: 'contact', attribute: 'new_driver', value: true },
    { field: 'text', op: 'contains_any', values: ['refund', 'money back'] },
    { field: 'text', op: 'matches', pattern: 'refund(ed)?\\s+\\d+' },
    { field: 'booking', op: 'has_booking', value: false },
    { field: 'booking', op: 'trip_within_hours', hours: 3 },
    { field: 'business_hours', value: 'outside' },
  ])('accepts %j', (condition) => {
    expect(routingConditionSchema.parse(condition)).toEqual(condition);
  });

  it.each([
    [{ field: 'channel', op: 'in', values: [] }, 'Channel: pick at least one channel'],
    [
      { field: 'channel', op: 'in', values: ['fax'] },
      'Channels are chat, WhatsApp, email or voice',
    ],
    [
      { field: 'city', op: 'in', values: ['lisbon'] },
      'City codes are three capital letters, e.g. LIS',
    ],
    [{ field: 'city', op: 'in', values: [] }, 'City: pick at least one city'],
    [
      { field: 'language', op: 'in', values: ['pt-BR'] },
      'Languages are primary language codes such as en, pt or es',
    ],
    [{ field: 'text', op: 'contains_any', values: [] }, 'Keywords: add at least one keyword'],
    [{ field: 'text', op: 'contains_any', values: ['  '] }, 'Keywords cannot be blank'],
    [
      { field: 'text', op: 'contains_any', values: ['!!!'] },
      'Keywords need at least one letter or digit',
    ],
    [{ field: 'booking', op: 'trip_within_hours', hours: 0 }, 'Hours: must be more than 0'],
    [{ field: 'booking', op: 'trip_within_hours', hours: 721 }, 'Hours: at most 720 (30 days)'],
    [{ field: 'text', op: 'matches', pattern: '' }, 'Pattern: write a regular expression'],
    [{ field: 'text', op: 'matches', pattern: 'x'.repeat(201) }, 'Pattern: at most 200 characters'],
    [{ field: 'business_hours', value: 'weekend' }, 'Business hours: choose inside or outside'],
  ])('refuses %j with a message naming the field', (condition, text) => {
    expect(firstMessage(routingConditionSchema, condition)).toBe(text);
  });

  it('names the choices when the field or the operator is unknown', () => {
    expect(firstMessage(routingConditionSchema, { field: 'weather', value: 'rain' })).toMatch(
      /^Condition: choose what it looks at/,
    );
    expect(
      firstMessage(routingConditionSchema, { field: 'text', op: 'starts_with', values: ['a'] }),
    ).toBe('Text: choose "contains any of" or "matches"');
    expect(firstMessage(routingConditionSchema, { field: 'booking', op: 'cancelled' })).toBe(
      'Booking: choose "has a booking" or "trip within hours"',
    );
  });

  it('refuses a pattern that does not compile, and one prone to catastrophic backtracking', () => {
    expect(
      firstMessage(routingConditionSchema, { field: 'text', op: 'matches', pattern: 'refund(' }),
    ).toMatch(/^Pattern: not a valid regular expression/);
    for (const pattern of ['(a+)+$', '(\\w*)*x', '(x+y){2,}']) {
      expect(patternProblem(pattern)).toMatch(/can take forever/);
    }
    for (const pattern of ['refund(ed)?', '(\\d{3})+', '^[A-Z]{3}-\\d+$', 'a+b*']) {
      expect(patternProblem(pattern)).toBeNull();
    }
  });
});

describe('routing actions and rule schemas', () => {
  it('needs at least one effect besides onMatch', () => {
    expect(firstMessage(routingActionsSchema, withOnMatch({}, 'stop'))).toMatch(
      /^Actions: choose at least one thing the rule does/,
    );
    expect(firstMessage(routingActionsSchema, withOnMatch({ addTags: [] }, 'continue'))).toMatch(
      /^Actions:/,
    );
    expect(
      routingActionsSchema.safeParse(withOnMatch({ addTags: ['vip'] }, 'continue')).success,
    ).toBe(true);
    expect(routingActionsSchema.safeParse(withOnMatch({ priority: 'P1' }, 'stop')).success).toBe(
      true,
    );
  });

  it('validates each effect with a message naming it', () => {
    expect(firstMessage(routingActionsSchema, withOnMatch({ priority: 'P1' }, 'maybe'))).toBe(
      'On match: choose stop or continue',
    );
    expect(
      firstMessage(routingActionsSchema, withOnMatch({ autoReply: 'x'.repeat(1001) }, 'stop')),
    ).toBe('Auto-reply: at most 1,000 characters');
    expect(
      firstMessage(routingActionsSchema, withOnMatch({ inboxCode: 'lis guest' }, 'stop')),
    ).toMatch(/^Inbox code is UPPER_SNAKE_CASE/);
    expect(firstMessage(routingActionsSchema, withOnMatch({ teamCode: 'l1' }, 'stop'))).toMatch(
      /^Team code/,
    );
    expect(
      firstMessage(routingActionsSchema, withOnMatch({ requestTypeCode: 'refund' }, 'stop')),
    ).toMatch(/^Request type code/);
    expect(
      firstMessage(routingActionsSchema, withOnMatch({ addTags: Array(11).fill('vip') }, 'stop')),
    ).toBe('Tags: at most 10 per rule');
  });

  it('defaults a new rule to enabled with no conditions, and trims its name', () => {
    const input = routingRuleInputSchema.parse({
      name: '  Airport pickups ',
      actions: withOnMatch({ inboxCode: 'LIS_GUEST' }, 'stop'),
    });
    expect(input).toEqual({
      name: 'Airport pickups',
      enabled: true,
      conditions: [],
      actions: withOnMatch({ inboxCode: 'LIS_GUEST' }, 'stop'),
    });
  });

  it('bounds the name and the number of conditions, and wants a UUID id on stored rules', () => {
    const actions = withOnMatch({ priority: 'P3' }, 'stop');
    expect(firstMessage(routingRuleInputSchema, { name: ' ', actions })).toBe('Name the rule');
    expect(firstMessage(routingRuleInputSchema, { name: 'x'.repeat(121), actions })).toBe(
      'Rule names are at most 120 characters',
    );
    const conditions = Array(21).fill({ field: 'audience', op: 'is', value: 'guest' });
    expect(firstMessage(routingRuleInputSchema, { name: 'Many', conditions, actions })).toBe(
      'A rule has at most 20 conditions',
    );
    expect(firstMessage(routingRuleSchema, { id: 'rule-1', name: 'R', actions })).toBe(
      'Rule id must be a UUID',
    );
  });
});

describe('routing message schema', () => {
  it('coerces dates and fills the simulator defaults', () => {
    const parsed = routingMessageSchema.parse({
      channel: 'whatsapp',
      audience: 'guest',
      cityCode: 'lis',
      text: 'Where is my driver?',
      booking: { scheduledAt: '2025-06-02T10:00:00Z' },
      receivedAt: '2025-06-02T09:00:00Z',
    });
    expect(parsed).toEqual({
      channel: 'whatsapp',
      audience: 'guest',
      cityCode: 'LIS',
      locale: null,
      text: 'Where is my driver?',
      contact: { vip: false, newDriver: false },
      booking: { scheduledAt: new Date('2025-06-02T10:00:00Z') },
      receivedAt: RECEIVED_AT,
      insideBusinessHours: true,
    });
  });

  it('refuses a missing or invalid receivedAt with a human message', () => {
    const base = { channel: 'chat', audience: 'guest', text: 'hi' };
    expect(firstMessage(routingMessageSchema, { ...base, receivedAt: 'yesterday' })).toBe(
      'Received at: enter a date and time',
    );
    expect(
      firstMessage(routingMessageSchema, { ...base, receivedAt: 'x', locale: 'portuguese!' }),
    ).toBe('Locale is a language tag such as en or pt-BR');
  });
});

describe('keyword matching', () => {
  const holds = (keywords: string[], text: string) =>
    conditionHolds({ field: 'text', op: 'contains_any', values: keywords }, message({ text }));

  it('matches at the start of a word, in any case and punctuation', () => {
    expect(holds(['refund'], 'I want a Refund!')).toBe(true);
    expect(holds(['refund'], 'refunds please')).toBe(true);
    expect(holds(['refund'], 'It was REFUNDED?')).toBe(true);
    expect(holds(['refund'], 'a nonrefundable fare')).toBe(false);
    expect(holds(['refund'], 'no money')).toBe(false);
  });

  it('ignores accents on either side', () => {
    expect(holds(['reembolso'], 'Quero o reembolsó')).toBe(true);
    expect(holds(['café'], 'the CAFE at arrivals')).toBe(true);
    expect(holds(['Ola'], 'olá!')).toBe(true);
  });

  it('matches multi-word keywords across any separators, the last word as a prefix', () => {
    expect(holds(['money back'], 'I want my money-back')).toBe(true);
    expect(holds(['money back'], 'Money   back, now')).toBe(true);
    expect(holds(['money back'], 'money backwards')).toBe(true);
    expect(holds(['money back'], 'moneys back')).toBe(false);
    expect(holds(['money back'], 'back money')).toBe(false);
  });

  it('matches when any keyword does', () => {
    expect(holds(['late', 'no show'], 'driver was a no-show')).toBe(true);
    expect(holds(['late', 'no show'], 'all fine')).toBe(false);
  });

  it('normalises text to spaced lower-case words', () => {
    expect(keywordText('Olá, Mundo! Reembolsó—já')).toBe(' ola mundo reembolso ja');
  });

  it('looks only at the first 2,000 characters', () => {
    const late = `${'a '.repeat(MAX_ROUTED_TEXT / 2)}refund`;
    expect(holds(['refund'], late)).toBe(false);
    expect(holds(['refund'], `refund ${late}`)).toBe(true);
  });
});

describe('pattern matching', () => {
  const matches = (pattern: string, text: string) =>
    conditionHolds({ field: 'text', op: 'matches', pattern }, message({ text }));

  it('is case-insensitive and does not keep state between messages', () => {
    expect(matches('^booking [a-z]{3}-\\d+', 'BOOKING LIS-123')).toBe(true);
    expect(matches('refund', 'refund')).toBe(true);
    expect(matches('refund', 'refund')).toBe(true);
  });

  it('never matches a stored pattern that does not compile', () => {
    expect(matches('refund(', 'refund(')).toBe(false);
  });
});

describe('conditions', () => {
  it('compares the primary language subtag, case-insensitively', () => {
    expect(primaryLanguage('pt-BR')).toBe('pt');
    expect(primaryLanguage('EN')).toBe('en');
    expect(primaryLanguage('es_MX')).toBe('es');
    expect(primaryLanguage(null)).toBeNull();
    const pt: RoutingCondition = { field: 'language', op: 'in', values: ['pt'] };
    expect(conditionHolds(pt, message({ locale: 'PT-br' }))).toBe(true);
    expect(conditionHolds(pt, message({ locale: 'en-GB' }))).toBe(false);
  });

  it('puts an unknown city or language in no list', () => {
    const inLis: RoutingCondition = { field: 'city', op: 'in', values: ['LIS'] };
    const notLis: RoutingCondition = { field: 'city', op: 'not_in', values: ['LIS'] };
    expect(conditionHolds(inLis, message({ cityCode: null }))).toBe(false);
    expect(conditionHolds(notLis, message({ cityCode: null }))).toBe(true);
    const notPt: RoutingCondition = { field: 'language', op: 'not_in', values: ['pt'] };
    expect(conditionHolds(notPt, message({ locale: null }))).toBe(true);
  });

  it('counts a trip from an hour before receipt up to the hours asked', () => {
    const within3: RoutingCondition = { field: 'booking', op: 'trip_within_hours', hours: 3 };
    expect(conditionHolds(within3, message({ booking: tripIn(2.5) }))).toBe(true);
    expect(conditionHolds(within3, message({ booking: tripIn(3) }))).toBe(true);
    expect(conditionHolds(within3, message({ booking: tripIn(3.01) }))).toBe(false);
    expect(conditionHolds(within3, message({ booking: tripIn(-0.5) }))).toBe(true);
    expect(conditionHolds(within3, message({ booking: tripIn(-1) }))).toBe(true);
    expect(conditionHolds(within3, message({ booking: tripIn(-1.01) }))).toBe(false);
    expect(conditionHolds(within3, message({ booking: null }))).toBe(false);
  });

  it('reads contact flags, booking presence and business hours', () => {
    const vip = message({ contact: { vip: true, newDriver: false } });
    expect(conditionHolds({ field: 'contact', attribute: 'vip', value: true }, vip)).toBe(true);
    expect(conditionHolds({ field: 'contact', attribute: 'new_driver', value: true }, vip)).toBe(
      false,
    );
    expect(conditionHolds({ field: 'booking', op: 'has_booking', value: true }, message())).toBe(
      false,
    );
    expect(
      conditionHolds(
        { field: 'booking', op: 'has_booking', value: true },
        message({ booking: tripIn(50) }),
      ),
    ).toBe(true);
    const outside = message({ insideBusinessHours: false });
    expect(conditionHolds({ field: 'business_hours', value: 'outside' }, outside)).toBe(true);
    expect(conditionHolds({ field: 'business_hours', value: 'inside' }, outside)).toBe(false);
  });

  it('reads channel lists both ways', () => {
    const whatsapp = message({ channel: 'whatsapp' });
    expect(
      conditionHolds({ field: 'channel', op: 'in', values: ['chat', 'whatsapp'] }, whatsapp),
    ).toBe(true);
    expect(conditionHolds({ field: 'channel', op: 'not_in', values: ['whatsapp'] }, whatsapp)).toBe(
      false,
    );
    expect(conditionHolds({ field: 'audience', op: 'is', value: 'driver' }, whatsapp)).toBe(false);
  });
});
