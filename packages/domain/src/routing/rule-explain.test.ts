import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, route } from './engine.ts';
import { message, messageArb, rule, rulesArb, tripIn } from './fixtures.ts';
import { explainCondition, explainTrace, explanationLines } from './rule-explain.ts';
import type { RoutingCondition, RoutingMessage } from './rules.ts';
import { formatHours } from './wording.ts';

const sentence = (condition: RoutingCondition, msg: RoutingMessage) =>
  explainCondition(condition, msg).sentence;

describe('condition sentences', () => {
  it('says what the message has and what the rule wants', () => {
    const whatsapp = message({ channel: 'whatsapp' });
    expect(sentence({ field: 'channel', op: 'in', values: ['chat', 'email'] }, whatsapp)).toBe(
      'Channel is WhatsApp, the rule wants chat or email',
    );
    expect(
      sentence({ field: 'channel', op: 'in', values: ['chat', 'whatsapp', 'voice'] }, whatsapp),
    ).toBe('Channel is WhatsApp, one of chat, WhatsApp or voice');
    expect(sentence({ field: 'channel', op: 'not_in', values: ['whatsapp'] }, whatsapp)).toBe(
      'Channel is WhatsApp, which the rule excludes',
    );
    expect(sentence({ field: 'audience', op: 'is', value: 'driver' }, whatsapp)).toBe(
      'Audience is guest, the rule wants driver',
    );
    expect(
      sentence({ field: 'city', op: 'in', values: ['OPO', 'FAO'] }, message({ cityCode: null })),
    ).toBe('City is unknown, the rule wants OPO or FAO');
    expect(sentence({ field: 'city', op: 'not_in', values: ['OPO'] }, message())).toBe(
      'City is LIS, not OPO',
    );
    expect(
      sentence({ field: 'language', op: 'in', values: ['en'] }, message({ locale: 'pt-BR' })),
    ).toBe('Language is pt (from pt-BR), the rule wants en');
    expect(
      sentence({ field: 'language', op: 'in', values: ['pt'] }, message({ locale: 'pt' })),
    ).toBe('Language is pt, one of pt');
  });

  it('describes trip windows in hours and minutes', () => {
    const within3: RoutingCondition = { field: 'booking', op: 'trip_within_hours', hours: 3 };
    expect(sentence(within3, message({ booking: tripIn(5) }))).toBe(
      'Trip in 5 h, the rule wants within 3 h',
    );
    expect(sentence(within3, message({ booking: tripIn(1.5) }))).toBe('Trip in 1.5 h, within 3 h');
    expect(sentence(within3, message({ booking: tripIn(-1 / 3) }))).toBe(
      'Trip started 20 min ago, which counts for up to 1 h after the start',
    );
    expect(sentence(within3, message({ booking: tripIn(-2) }))).toBe(
      'Trip started 2 h ago, the rule wants one within 3 h or started less than 1 h ago',
    );
    expect(sentence(within3, message())).toBe('No booking, the rule wants a trip within 3 h');
    expect(formatHours(72)).toBe('3 days');
  });

  it('quotes the keyword found, or all the keywords missed', () => {
    const keywords: RoutingCondition = {
      field: 'text',
      op: 'contains_any',
      values: ['refund', 'money back'],
    };
    expect(sentence(keywords, message({ text: 'My money-back please' }))).toBe(
      'Text contains "money back"',
    );
    expect(sentence(keywords, message({ text: 'Hello' }))).toBe(
      'Text contains none of "refund" or "money back"',
    );
    expect(
      sentence({ field: 'text', op: 'matches', pattern: '^hi' }, message({ text: 'Hello' })),
    ).toBe('Text does not match /^hi/i');
  });

  it('describes contact flags, bookings and business hours', () => {
    expect(sentence({ field: 'contact', attribute: 'vip', value: true }, message())).toBe(
      'Contact is not a VIP, the rule wants VIPs',
    );
    expect(sentence({ field: 'contact', attribute: 'new_driver', value: false }, message())).toBe(
      'Contact is not a new driver, as the rule wants',
    );
    expect(sentence({ field: 'booking', op: 'has_booking', value: true }, message())).toBe(
      'No booking, the rule wants one',
    );
    expect(
      sentence(
        { field: 'business_hours', value: 'inside' },
        message({ insideBusinessHours: false }),
      ),
    ).toBe('Received outside business hours, the rule wants inside');
  });
});

describe('explainTrace', () => {
  const off = rule('Old airport rule', [], { inboxCode: 'OLD' }, { enabled: false });
  const chatOnly = rule(
    'Chat refunds',
    [
      { field: 'channel', op: 'in', values: ['chat', 'email'] },
      { field: 'text', op: 'contains_any', values: ['refund'] },
    ],
    { inboxCode: 'REFUNDS' },
  );
  const soon = rule(
    'Trip soon',
    [{ field: 'booking', op: 'trip_within_hours', hours: 3 }],
    { priority: 'P2', inboxCode: 'SOON', addTags: ['soon'] },
    { continues: true },
  );
  const vip = rule('VIP', [{ field: 'contact', attribute: 'vip', value: true }], {
    priority: 'P1',
    inboxCode: 'VIP',
  });
  const later = rule('Everything else', [], { inboxCode: 'GENERAL' });
  const rules = [off, chatOnly, soon, vip, later];

  it('gives every rule a status, a summary and its conditions', () => {
    const msg = message({
      channel: 'whatsapp',
      text: 'refund',
      booking: tripIn(2),
      contact: { vip: true, newDriver: false },
    });
    const { trace } = route(msg, rules);
    const explained = explainTrace(trace, rules, msg);
    expect(explained.map((e) => [e.position, e.status])).toEqual([
      [1, 'disabled'],
      [2, 'not_matched'],
      [3, 'matched'],
      [4, 'matched'],
      [5, 'not_reached'],
    ]);
    expect(explained[0]?.summary).toBe('Disabled');
    expect(explained[1]?.summary).toBe(
      'Not matched: Channel is WhatsApp, the rule wants chat or email',
    );
    expect(explained[1]?.conditions).toEqual([
      { index: 0, held: false, sentence: 'Channel is WhatsApp, the rule wants chat or email' },
      { index: 1, held: true, sentence: 'Text contains "refund"' },
    ]);
    expect(explained[2]?.summary).toBe(
      'Matched: sets priority P2, inbox SOON and tags soon; continues',
    );
    expect(explained[3]?.summary).toBe(
      'Matched: sets priority P1 (ignored: “Trip soon” set it first) and inbox VIP (ignored: “Trip soon” set it first); stops here',
    );
    expect(explained[4]?.summary).toBe('Not reached: “VIP” matched and stops there');
  });

  it('reads the same from a compiled set, and renders plain lines', () => {
    const msg = message({ channel: 'voice', text: 'hello' });
    const compiled = compileRules(rules);
    const { trace } = route(msg, compiled);
    const explained = explainTrace(trace, compiled, msg);
    expect(explained).toEqual(explainTrace(trace, rules, msg));
    expect(explanationLines(explained)).toEqual([
      '1. Old airport rule — Disabled',
      '2. Chat refunds — Not matched: Channel is voice, the rule wants chat or email',
      '   ✗ Channel is voice, the rule wants chat or email',
      '   ✗ Text contains none of "refund"',
      '3. Trip soon — Not matched: No booking, the rule wants a trip within 3 h',
      '   ✗ No booking, the rule wants a trip within 3 h',
      '4. VIP — Not matched: Contact is not a VIP, the rule wants VIPs',
      '   ✗ Contact is not a VIP, the rule wants VIPs',
      '5. Everything else — Matched: sets inbox GENERAL; stops here',
    ]);
  });

  it('property: a rule is explained as matched exactly when it is enabled, reached and all its conditions hold', () => {
    fc.assert(
      fc.property(rulesArb, messageArb, (generated, msg) => {
        const { trace } = route(msg, generated);
        explainTrace(trace, generated, msg).forEach((explanation, index) => {
          const r = generated[index]!;
          expect(explanation.conditions.map((c) => c.held)).toEqual(
            r.conditions.map((c) => explainCondition(c, msg).held),
          );
          const holds = explanation.conditions.every((c) => c.held);
          if (index >= trace.evaluated) expect(explanation.status).toBe('not_reached');
          else if (!r.enabled) expect(explanation.status).toBe('disabled');
          else expect(explanation.status).toBe(holds ? 'matched' : 'not_matched');
          expect(explanation.summary.length).toBeGreaterThan(0);
        });
      }),
    );
  });
});
