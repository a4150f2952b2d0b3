import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, type RoutingOutcome, route, TRACE_MATCHED } from './engine.ts';
import {
  KEYWORD_POOL,
  message,
  messageArb,
  rule,
  rulesArb,
  tripIn,
  withOnMatch,
} from './fixtures.ts';
import { conditionHolds, type RoutingMessage, type RoutingRule } from './rules.ts';

/** The semantics, written the slow and obvious way: the oracle for the compiled engine. */
function referenceRoute(msg: RoutingMessage, rules: readonly RoutingRule[]): RoutingOutcome {
  const outcome: RoutingOutcome = {
    requestTypeCode: null,
    tags: [],
    priority: null,
    inboxCode: null,
    teamCode: null,
    autoReplies: [],
    matchedRuleIds: [],
  };
  for (const r of rules) {
    if (!r.enabled || !r.conditions.every((condition) => conditionHolds(condition, msg))) continue;
    const { actions } = r;
    outcome.matchedRuleIds.push(r.id);
    outcome.requestTypeCode ??= actions.requestTypeCode ?? null;
    outcome.priority ??= actions.priority ?? null;
    outcome.inboxCode ??= actions.inboxCode ?? null;
    outcome.teamCode ??= actions.teamCode ?? null;
    for (const tag of actions.addTags ?? [])
      if (!outcome.tags.includes(tag)) outcome.tags.push(tag);
    if (actions.autoReply && !outcome.autoReplies.includes(actions.autoReply)) {
      outcome.autoReplies.push(actions.autoReply);
    }
    if (actions.onMatch === 'stop') break;
  }
  return outcome;
}

const airport = rule(
  'Airport no-show',
  [
    { field: 'audience', op: 'is', value: 'guest' },
    { field: 'text', op: 'contains_any', values: ['no show', 'where is my driver'] },
    { field: 'booking', op: 'trip_within_hours', hours: 3 },
  ],
  {
    requestTypeCode: 'DRIVER_NO_SHOW',
    priority: 'P1',
    inboxCode: 'LIS_GUEST',
    addTags: ['airport'],
  },
);
const vip = rule(
  'VIP tag',
  [{ field: 'contact', attribute: 'vip', value: true }],
  { addTags: ['vip'], priority: 'P2' },
  { continues: true },
);
const refunds = rule(
  'Refunds',
  [{ field: 'text', op: 'contains_any', values: ['refund', 'money back'] }],
  { requestTypeCode: 'REFUND_REQUEST', inboxCode: 'LIS_GUEST', addTags: ['refund'] },
);
const catchAll = rule('Catch-all', [], {
  inboxCode: 'GENERAL',
  priority: 'P3',
  addTags: ['triage'],
});

describe('route', () => {
  it('takes the first matching rule that stops', () => {
    const { outcome } = route(message({ text: 'I want a refund' }), [airport, refunds, catchAll]);
    expect(outcome).toEqual({
      requestTypeCode: 'REFUND_REQUEST',
      tags: ['refund'],
      priority: null,
      inboxCode: 'LIS_GUEST',
      teamCode: null,
      autoReplies: [],
      matchedRuleIds: [refunds.id],
    });
  });

  it('falls through to a rule with no conditions', () => {
    const { outcome } = route(message({ text: 'Hello' }), [airport, refunds, catchAll]);
    expect(outcome.inboxCode).toBe('GENERAL');
    expect(outcome.matchedRuleIds).toEqual([catchAll.id]);
  });

  it('matches nothing when no rule applies', () => {
    const { outcome, trace } = route(message({ text: 'Hello' }), [airport, refunds]);
    expect(outcome.matchedRuleIds).toEqual([]);
    expect(outcome.inboxCode).toBeNull();
    expect(trace.evaluated).toBe(2);
  });

  it('first match wins for single values; a continue rule cannot be overridden below it', () => {
    const msg = message({
      text: 'Where is my driver? This is a no-show',
      booking: tripIn(1),
      contact: { vip: true, newDriver: false },
    });
    // VIP continues and sets P2 first; the airport rule below sets P1 but P2 stays.
    const { outcome } = route(msg, [vip, airport, catchAll]);
    expect(outcome.priority).toBe('P2');
    expect(outcome.requestTypeCode).toBe('DRIVER_NO_SHOW');
    expect(outcome.inboxCode).toBe('LIS_GUEST');
    expect(outcome.tags).toEqual(['vip', 'airport']);
    expect(outcome.matchedRuleIds).toEqual([vip.id, airport.id]);
  });

  it('lets a later continue rule fill only the fields still empty, and accumulates tags', () => {
    const tagLate = rule(
      'Late tag',
      [{ field: 'text', op: 'contains_any', values: ['late'] }],
      { addTags: ['late', 'refund'], teamCode: 'SUPPORT_L1' },
      { continues: true },
    );
    const refundsContinue = {
      ...refunds,
      actions: withOnMatch(refunds.actions, 'continue'),
    };
    const { outcome } = route(message({ text: 'late driver, refund please' }), [
      refundsContinue,
      tagLate,
      catchAll,
    ]);
    expect(outcome.requestTypeCode).toBe('REFUND_REQUEST');
    expect(outcome.inboxCode).toBe('LIS_GUEST');
    expect(outcome.teamCode).toBe('SUPPORT_L1');
    expect(outcome.priority).toBe('P3');
    expect(outcome.tags).toEqual(['refund', 'late', 'triage']);
  });

  it('collects auto-replies once each, in rule order', () => {
    const closed = rule(
      'Closed',
      [{ field: 'business_hours', value: 'outside' }],
      { autoReply: 'We are closed.' },
      { continues: true },
    );
    const again = { ...closed, id: `${closed.id.slice(0, -1)}f`, name: 'Closed again' };
    const { outcome } = route(message({ insideBusinessHours: false }), [closed, again, catchAll]);
    expect(outcome.autoReplies).toEqual(['We are closed.']);
    expect(outcome.matchedRuleIds).toEqual([closed.id, again.id, catchAll.id]);
  });

  it('never matches a disabled rule', () => {
    const off = { ...catchAll, enabled: false };
    const { outcome, trace } = route(message(), [off]);
    expect(outcome.matchedRuleIds).toEqual([]);
    expect(trace).toEqual({ evaluated: 1, checked: [] });
  });

  it('accepts rules or a compiled set, and a compiled set can be reused', () => {
    const rules = [airport, vip, refunds, catchAll];
    const compiled = compileRules(rules);
    for (const text of ['refund', 'hello', 'no show']) {
      const msg = message({ text, booking: tripIn(2) });
      expect(route(msg, compiled)).toEqual(route(msg, rules));
    }
  });

  it('traces where evaluation stopped and which conditions ruled rules out', () => {
    const { trace } = route(message({ text: 'refund', audience: 'driver' }), [
      airport,
      vip,
      refunds,
      catchAll,
    ]);
    // airport and vip are ruled out by the index (audience, VIP flag) without testing.
    expect(trace.evaluated).toBe(3);
    expect(trace.checked).toEqual([2, TRACE_MATCHED]);

    const noKeyword = route(message({ text: 'hello', booking: tripIn(1) }), [airport, catchAll]);
    expect(noKeyword.trace.checked).toEqual([0, 1, 1, TRACE_MATCHED]);
  });

  it('routes a message for a city no rule names like a message with no city', () => {
    const lisbon = rule('Lisbon', [{ field: 'city', op: 'in', values: ['LIS'] }], {
      inboxCode: 'LIS_GUEST',
    });
    const notPorto = rule('Not Porto', [{ field: 'city', op: 'not_in', values: ['OPO'] }], {
      inboxCode: 'ELSEWHERE',
    });
    const rules = compileRules([lisbon, notPorto]);
    expect(route(message({ cityCode: 'lis' }), rules).outcome.inboxCode).toBe('LIS_GUEST');
    expect(route(message({ cityCode: 'OPO' }), rules).outcome.inboxCode).toBeNull();
    expect(route(message({ cityCode: 'FAO' }), rules).outcome.inboxCode).toBe('ELSEWHERE');
    expect(route(message({ cityCode: null }), rules).outcome.inboxCode).toBe('ELSEWHERE');
  });

  it('needs every city list of a rule to name the city', () => {
    const both = rule(
      'Lisbon and Porto lists',
      [
        { field: 'city', op: 'in', values: ['LIS', 'OPO'] },
        { field: 'city', op: 'in', values: ['OPO', 'MAD'] },
      ],
      { inboxCode: 'OPO_GUEST' },
    );
    expect(route(message({ cityCode: 'OPO' }), [both]).outcome.inboxCode).toBe('OPO_GUEST');
    expect(route(message({ cityCode: 'LIS' }), [both]).outcome.inboxCode).toBeNull();
  });

  it('never lets a bad stored pattern stop routing', () => {
    const broken = rule('Broken', [{ field: 'text', op: 'matches', pattern: 'refund(' }], {
      inboxCode: 'NEVER',
    });
    expect(route(message({ text: 'refund(' }), [broken, catchAll]).outcome.inboxCode).toBe(
      'GENERAL',
    );
  });

  it('property: the compiled engine decides exactly what the rules say', () => {
    fc.assert(
      fc.property(
        rulesArb,
        fc.array(messageArb, { minLength: 1, maxLength: 5 }),
        (rules, messages) => {
          const compiled = compileRules(rules);
          for (const msg of messages) {
            expect(route(msg, compiled).outcome).toEqual(referenceRoute(msg, rules));
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('property: keyword matching agrees with keywordText on any characters', () => {
    // One continuing rule per keyword, so the matched ids say which keywords were found.
    const rules = KEYWORD_POOL.map((keyword) =>
      rule(
        keyword,
        [{ field: 'text', op: 'contains_any', values: [keyword] }],
        { addTags: ['k'] },
        { continues: true },
      ),
    );
    const compiled = compileRules(rules);
    const charArb = fc
      .oneof(
        fc.integer({ min: 0x20, max: 0x7e }),
        fc.integer({ min: 0x80, max: 0x24f }),
        fc.integer({ min: 0x250, max: 0x36f }),
        fc.constantFrom(0x130, 0x1e9e, 0xfb01, 0x2014, 0xa0, 0x2019),
      )
      .map((code) => String.fromCharCode(code));
    const textArb = fc
      .array(fc.oneof(charArb, fc.constantFrom(...KEYWORD_POOL, 'CAFÉ', 'Reembolsó', 'STRASSE')), {
        maxLength: 24,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(textArb, (text) => {
        const msg = message({ text });
        expect(route(msg, compiled).outcome.matchedRuleIds).toEqual(
          referenceRoute(msg, rules).matchedRuleIds,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('property: disabled rules never match, whatever their conditions', () => {
    fc.assert(
      fc.property(rulesArb, messageArb, (rules, msg) => {
        const { outcome } = route(msg, rules);
        const disabled = new Set(rules.filter((r) => !r.enabled).map((r) => r.id));
        expect(outcome.matchedRuleIds.filter((id) => disabled.has(id))).toEqual([]);
        const allOff = rules.map((r) => ({ ...r, enabled: false }));
        expect(route(msg, allOff).outcome.matchedRuleIds).toEqual([]);
      }),
    );
  });

  it('property: the trace agrees with the rules', () => {
    fc.assert(
      fc.property(rulesArb, messageArb, (rules, msg) => {
        const { outcome, trace } = route(msg, rules);
        const results = new Map<number, number>();
        for (let i = 0; i < trace.checked.length; i += 2) {
          results.set(trace.checked[i]!, trace.checked[i + 1]!);
        }
        rules.forEach((r, index) => {
          const holds = r.enabled && r.conditions.every((c) => conditionHolds(c, msg));
          const result = results.get(index);
          if (index >= trace.evaluated) {
            expect(result).toBeUndefined();
          } else if (holds) {
            expect(result).toBe(TRACE_MATCHED);
          } else if (result !== undefined) {
            expect(result).toBeGreaterThanOrEqual(0);
            expect(conditionHolds(r.conditions[result]!, msg)).toBe(false);
          }
        });
        const matched = [...results].filter(([, result]) => result === TRACE_MATCHED);
        expect(matched.map(([index]) => rules[index]!.id)).toEqual(outcome.matchedRuleIds);
        // Evaluation ends right after the first matching rule that stops, or at the end.
        const stopper = rules.findIndex(
          (r, index) => results.get(index) === TRACE_MATCHED && r.actions.onMatch === 'stop',
        );
        expect(trace.evaluated).toBe(stopper === -1 ? rules.length : stopper + 1);
      }),
    );
  });
});
