import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageArb, rule, rulesArb } from './fixtures.ts';
import { type RuleProblemKind, validateRules } from './rule-validation.ts';
import { conditionHolds, type RoutingCondition, type RoutingRule } from './rules.ts';

const kinds = (rules: RoutingRule[]) => validateRules(rules).map((p) => `${p.kind}:${p.ruleId}`);
const only = (rules: RoutingRule[], kind: RuleProblemKind) =>
  validateRules(rules).filter((p) => p.kind === kind);

const guest: RoutingCondition = { field: 'audience', op: 'is', value: 'guest' };
const driver: RoutingCondition = { field: 'audience', op: 'is', value: 'driver' };
const lisbon: RoutingCondition = { field: 'city', op: 'in', values: ['LIS'] };
const refundWords: RoutingCondition = { field: 'text', op: 'contains_any', values: ['refund'] };

describe('validateRules: unknown codes', () => {
  const r = rule('Refunds', [lisbon, { field: 'city', op: 'in', values: ['LIS', 'XYZ'] }], {
    requestTypeCode: 'REFUND_REQUEST',
    addTags: ['refund', 'mystery', 'ghost'],
    inboxCode: 'NOWHERE',
    teamCode: 'SUPPORT_L1',
  });

  it('reports every code that does not exist, naming it', () => {
    const problems = validateRules([r], {
      requestTypeCodes: ['DRIVER_NO_SHOW'],
      tagCodes: ['refund'],
      inboxCodes: ['LIS_GUEST'],
      teamCodes: ['SUPPORT_L1'],
      cityCodes: ['lis', 'OPO'],
    });
    expect(problems.map((p) => [p.kind, p.message])).toEqual([
      [
        'unknown_request_type',
        '“Refunds” (rule 1) sets request type REFUND_REQUEST, which does not exist',
      ],
      ['unknown_tag', '“Refunds” (rule 1) adds tags mystery, ghost, which do not exist'],
      ['unknown_inbox', '“Refunds” (rule 1) routes to inbox NOWHERE, which does not exist'],
      ['unknown_city', '“Refunds” (rule 1) names the city XYZ, which Switchboard does not know'],
    ]);
    expect(problems.every((p) => p.ruleId === r.id)).toBe(true);
  });

  it('checks only the lists it is given', () => {
    expect(validateRules([r])).toEqual([]);
    expect(validateRules([r], { teamCodes: [] }).map((p) => p.kind)).toEqual(['unknown_team']);
  });
});

describe('validateRules: rules that can never match', () => {
  it.each<[string, RoutingCondition[]]>([
    ['no channel left', [{ field: 'channel', op: 'in', values: [] }]],
    [
      'channel in and not in',
      [
        { field: 'channel', op: 'in', values: ['chat'] },
        { field: 'channel', op: 'not_in', values: ['chat', 'email'] },
      ],
    ],
    [
      'every channel excluded',
      [{ field: 'channel', op: 'not_in', values: ['chat', 'whatsapp', 'email', 'voice'] }],
    ],
    ['two audiences', [guest, driver]],
    ['disjoint city lists', [lisbon, { field: 'city', op: 'in', values: ['OPO'] }]],
    ['city in and not in', [lisbon, { field: 'city', op: 'not_in', values: ['LIS'] }]],
    [
      'disjoint languages',
      [
        { field: 'language', op: 'in', values: ['pt'] },
        { field: 'language', op: 'not_in', values: ['pt'] },
      ],
    ],
    [
      'inside and outside hours',
      [
        { field: 'business_hours', value: 'inside' },
        { field: 'business_hours', value: 'outside' },
      ],
    ],
    [
      'vip and not vip',
      [
        { field: 'contact', attribute: 'vip', value: true },
        { field: 'contact', attribute: 'vip', value: false },
      ],
    ],
    [
      'no booking but a trip soon',
      [
        { field: 'booking', op: 'has_booking', value: false },
        { field: 'booking', op: 'trip_within_hours', hours: 3 },
      ],
    ],
    ['no keywords', [{ field: 'text', op: 'contains_any', values: [] }]],
    ['a broken pattern', [{ field: 'text', op: 'matches', pattern: 'refund(' }]],
  ])('%s', (_, conditions) => {
    const r = rule('Impossible', conditions, { inboxCode: 'LIS_GUEST' });
    const problems = validateRules([r]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.kind).toBe('never_matches');
    expect(problems[0]?.message).toMatch(/^“Impossible” \(rule 1\) can never match: /);
  });

  it('accepts conditions that narrow without contradicting', () => {
    const r = rule(
      'Fine',
      [
        { field: 'channel', op: 'in', values: ['chat', 'email'] },
        { field: 'channel', op: 'not_in', values: ['email'] },
        { field: 'city', op: 'in', values: ['LIS', 'OPO'] },
        { field: 'city', op: 'not_in', values: ['OPO'] },
        { field: 'booking', op: 'has_booking', value: true },
        { field: 'booking', op: 'trip_within_hours', hours: 3 },
      ],
      { inboxCode: 'LIS_GUEST' },
    );
    expect(validateRules([r])).toEqual([]);
  });
});

describe('validateRules: unreachable rules', () => {
  it('flags a rule behind a broader rule that stops', () => {
    const broad = rule('All Lisbon guests', [guest, lisbon], { inboxCode: 'LIS_GUEST' });
    const narrow = rule(
      'Lisbon guest refunds on chat',
      [lisbon, guest, refundWords, { field: 'channel', op: 'in', values: ['chat'] }],
      {
        inboxCode: 'REFUNDS',
      },
    );
    const problems = only([broad, narrow], 'unreachable');
    expect(problems).toEqual([
      {
        ruleId: narrow.id,
        kind: 'unreachable',
        message:
          '“Lisbon guest refunds on chat” (rule 2) is never reached: “All Lisbon guests” (rule 1) matches every message this rule would and stops first',
      },
    ]);
  });

  it('flags everything after a rule with no conditions that stops', () => {
    const all = rule('Everything', [], { inboxCode: 'GENERAL' });
    const after = rule('Refunds', [refundWords], { inboxCode: 'REFUNDS' });
    expect(only([all, after], 'unreachable')[0]?.message).toContain(
      'has no conditions, so it matches every message and stops first',
    );
  });

  it('understands keyword prefixes, narrower trip windows and city lists', () => {
    const refundOrMoney = rule(
      'Money',
      [{ field: 'text', op: 'contains_any', values: ['refund', 'money'] }],
      { inboxCode: 'A' },
    );
    const refunded = rule(
      'Refunded',
      [{ field: 'text', op: 'contains_any', values: ['refunded', 'money back'] }],
      {
        inboxCode: 'B',
      },
    );
    expect(kinds([refundOrMoney, refunded])).toEqual([`unreachable:${refunded.id}`]);

    const within24 = rule(
      'Within a day',
      [{ field: 'booking', op: 'trip_within_hours', hours: 24 }],
      { inboxCode: 'A' },
    );
    const within3 = rule('Within 3 h', [{ field: 'booking', op: 'trip_within_hours', hours: 3 }], {
      inboxCode: 'B',
    });
    expect(kinds([within24, within3])).toEqual([`unreachable:${within3.id}`]);
    expect(kinds([within3, within24])).toEqual([]);

    const notPorto = rule('Not Porto', [{ field: 'city', op: 'not_in', values: ['OPO'] }], {
      inboxCode: 'A',
    });
    expect(
      kinds([notPorto, rule('Lisbon', [lisbon], { inboxCode: 'B' })]).map((k) => k.split(':')[0]),
    ).toEqual(['unreachable']);
    expect(kinds([rule('Lisbon', [lisbon], { inboxCode: 'B' }), notPorto])).toEqual([]);
  });

  it('stays quiet when the earlier rule continues, is disabled, or is narrower', () => {
    const broadContinue = rule('Tag guests', [guest], { addTags: ['guest'] }, { continues: true });
    const broadOff = rule('Old', [guest], { inboxCode: 'OLD' }, { enabled: false });
    const narrowFirst = rule('Refunds', [guest, refundWords], { inboxCode: 'REFUNDS' });
    const broadAfter = rule('Guests', [guest], { inboxCode: 'GUESTS' });
    expect(validateRules([broadContinue, broadOff, narrowFirst, broadAfter])).toEqual([]);
  });

  it('judges keyword coverage by word starts', () => {
    const late = rule('Late', [{ field: 'text', op: 'contains_any', values: ['late'] }], {
      inboxCode: 'A',
    });
    const lateFee = rule(
      'Late fee',
      [{ field: 'text', op: 'contains_any', values: ['fee late'] }],
      { inboxCode: 'B' },
    );
    // "fee late" contains " late" at a word start, so every message with it has "late" too.
    expect(kinds([late, lateFee])).toEqual([`unreachable:${lateFee.id}`]);
    const plate = rule('Plate', [{ field: 'text', op: 'contains_any', values: ['plate'] }], {
      inboxCode: 'B',
    });
    expect(kinds([late, plate])).toEqual([]);
  });

  it('property: never calls a rule unreachable when a message could reach it', () => {
    fc.assert(
      fc.property(rulesArb, fc.array(messageArb, { maxLength: 20 }), (rules, messages) => {
        for (const problem of validateRules(rules)) {
          if (problem.kind !== 'unreachable') continue;
          const index = rules.findIndex((r) => r.id === problem.ruleId);
          for (const msg of messages) {
            const holds = (r: RoutingRule) => r.conditions.every((c) => conditionHolds(c, msg));
            if (!holds(rules[index]!)) continue;
            const stoppedBefore = rules
              .slice(0, index)
              .some((r) => r.enabled && r.actions.onMatch === 'stop' && holds(r));
            expect(stoppedBefore).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: never calls a rule impossible when a message matches it', () => {
    fc.assert(
      fc.property(rulesArb, messageArb, (rules, msg) => {
        for (const problem of validateRules(rules)) {
          if (problem.kind !== 'never_matches') continue;
          const r = rules.find((candidate) => candidate.id === problem.ruleId)!;
          expect(r.conditions.every((c) => conditionHolds(c, msg))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateRules: conflicts', () => {
  it('explains that the later rule’s values never apply behind a continue rule with the same conditions', () => {
    const first = rule(
      'Refunds to finance',
      [guest, refundWords],
      { inboxCode: 'FINANCE', priority: 'P2' },
      { continues: true },
    );
    const second = rule('Refunds to support', [refundWords, guest], {
      inboxCode: 'SUPPORT',
      priority: 'P2',
      addTags: ['refund'],
    });
    expect(only([first, second], 'conflict')).toEqual([
      {
        ruleId: second.id,
        kind: 'conflict',
        message:
          '“Refunds to support” (rule 2) conflicts with “Refunds to finance” (rule 1), which has the same conditions and comes first: its inbox SUPPORT never applies (that one sets FINANCE). The first matching rule decides each value — reorder the rules or narrow one of them',
      },
    ]);
  });

  it('does not flag rules that only add to each other', () => {
    const tag = rule('Tag refunds', [refundWords], { addTags: ['refund'] }, { continues: true });
    const route = rule('Route refunds', [refundWords], { inboxCode: 'REFUNDS' });
    expect(validateRules([tag, route])).toEqual([]);
  });

  it('does not flag a narrower continue rule above a broader one', () => {
    const narrow = rule(
      'VIP refunds',
      [refundWords, { field: 'contact', attribute: 'vip', value: true }],
      { inboxCode: 'VIP' },
      { continues: true },
    );
    const broad = rule('Refunds', [refundWords], { inboxCode: 'REFUNDS' });
    expect(validateRules([narrow, broad])).toEqual([]);
  });
});
