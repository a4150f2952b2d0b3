// Builders and fast-check arbitraries shared by the routing tests (not exported from the
// package). Pools are small on purpose, so random rules and messages often meet.
import fc from 'fast-check';
import { AUDIENCES, CHANNELS } from '../shared/enums.ts';
import type {
  RoutingActions,
  RoutingCondition,
  RoutingMessage,
  RoutingRule,
  RuleOnMatch,
} from './rules.ts';

export const RECEIVED_AT = new Date('2025-06-02T09:00:00Z');
const HOUR = 3_600_000;

export function ruleId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

let nextRule = 1;

/** Actions with what happens after they match. */
export function withOnMatch<T extends object, OnMatch extends string>(
  effects: T,
  onMatch: OnMatch,
): Omit<T, 'onMatch'> & { onMatch: OnMatch } {
  return { ...effects, onMatch };
}

/** A rule that stops unless told otherwise; ids are unique within a test run. */
export function rule(
  name: string,
  conditions: RoutingCondition[],
  effects: Omit<RoutingActions, 'onMatch'>,
  options: { continues?: boolean; enabled?: boolean; id?: string } = {},
): RoutingRule {
  const onMatch: RuleOnMatch = options.continues ? 'continue' : 'stop';
  const actions = withOnMatch(effects, onMatch) as RoutingActions;
  return {
    id: options.id ?? ruleId(nextRule++),
    name,
    enabled: options.enabled ?? true,
    conditions,
    actions,
  };
}

export function message(overrides: Partial<RoutingMessage> = {}): RoutingMessage {
  return {
    channel: 'chat',
    audience: 'guest',
    cityCode: 'LIS',
    locale: 'en',
    text: 'Hello',
    contact: { vip: false, newDriver: false },
    booking: null,
    receivedAt: RECEIVED_AT,
    insideBusinessHours: true,
    ...overrides,
  };
}

/** A booking `hours` after the message arrived (negative: already under way). */
export function tripIn(hours: number): RoutingMessage['booking'] {
  return { scheduledAt: new Date(RECEIVED_AT.getTime() + hours * HOUR) };
}

export const CITY_POOL = ['LIS', 'OPO', 'MAD'] as const;
export const LANGUAGE_POOL = ['en', 'pt', 'es'] as const;
export const KEYWORD_POOL = [
  'refund',
  'money back',
  'late',
  'reembolso',
  'no show',
  'ref',
  'café',
  'strasse',
  'straße',
  'istanbul',
  'que',
  'aero',
  'ærø',
  'fix',
];
export const PATTERN_POOL = ['^hello', 'refund(ed)?\\b', '\\d{3}', 'café'];
const WORDS = [
  'Refund!',
  'refunds',
  'nonrefundable',
  'money-back',
  'moneyback',
  'noshow',
  'Money  back',
  'money',
  'back',
  'reembolsó',
  'REEMBOLSO',
  'LATE',
  'lately',
  'no-show',
  'no',
  'show',
  'hello',
  'Hello',
  '123',
  '4567',
  'olá',
  'café',
  'CAFÉ',
  'naïve',
  'Straße',
  'İstanbul',
  'ﬁx',
  'cafe\u0301',
  '¿Qué?',
  'Ærø',
  '½',
  'reembolso\u00a0money back',
  '—',
  '...',
  '_ref_',
];

const channelsArb = fc.subarray([...CHANNELS], { minLength: 1 });

export const conditionArb: fc.Arbitrary<RoutingCondition> = fc.oneof(
  fc.record({
    field: fc.constant('channel' as const),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    values: channelsArb,
  }),
  fc.record({
    field: fc.constant('audience' as const),
    op: fc.constant('is' as const),
    value: fc.constantFrom(...AUDIENCES),
  }),
  fc.record({
    field: fc.constant('city' as const),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    values: fc.subarray([...CITY_POOL], { minLength: 1 }),
  }),
  fc.record({
    field: fc.constant('language' as const),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    values: fc.subarray([...LANGUAGE_POOL], { minLength: 1 }),
  }),
  fc.record({
    field: fc.constant('contact' as const),
    attribute: fc.constantFrom('vip' as const, 'new_driver' as const),
    value: fc.boolean(),
  }),
  fc.record({
    field: fc.constant('text' as const),
    op: fc.constant('contains_any' as const),
    values: fc.subarray(KEYWORD_POOL, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    field: fc.constant('text' as const),
    op: fc.constant('matches' as const),
    pattern: fc.constantFrom(...PATTERN_POOL),
  }),
  fc.record({
    field: fc.constant('booking' as const),
    op: fc.constant('has_booking' as const),
    value: fc.boolean(),
  }),
  fc.record({
    field: fc.constant('booking' as const),
    op: fc.constant('trip_within_hours' as const),
    hours: fc.constantFrom(1, 3, 24),
  }),
  fc.record({
    field: fc.constant('business_hours' as const),
    value: fc.constantFrom('inside' as const, 'outside' as const),
  }),
);

const actionsArb: fc.Arbitrary<RoutingActions> = fc
  .record(
    {
      requestTypeCode: fc.constantFrom('DRIVER_NO_SHOW', 'REFUND_REQUEST', 'LATE_PICKUP'),
      addTags: fc.subarray(['vip', 'airport', 'refund', 'late'], { minLength: 1 }),
      priority: fc.constantFrom('P1' as const, 'P2' as const, 'P3' as const, 'P4' as const),
      inboxCode: fc.constantFrom('LIS_GUEST', 'OPO_GUEST', 'LIS_DRIVER'),
      teamCode: fc.constantFrom('SUPPORT_L1', 'ESCALATIONS_L2'),
      autoReply: fc.constantFrom('We are on it.', 'Back soon.'),
    },
    { requiredKeys: [] },
  )
  .filter((effects) => Object.keys(effects).length > 0)
  .chain((effects) =>
    fc
      .constantFrom('stop' as const, 'continue' as const)
      .map((onMatch) => ({ ...effects, onMatch }) as RoutingActions),
  );

export const ruleArb: fc.Arbitrary<RoutingRule> = fc.record({
  id: fc.nat({ max: 1_000_000 }).map(ruleId),
  name: fc.constantFrom('Airport', 'Refunds', 'Late pickups', 'VIP', 'Catch-all'),
  enabled: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
  conditions: fc.array(conditionArb, { maxLength: 4 }),
  actions: actionsArb,
});

/** Rules with distinct ids, in order. */
export const rulesArb = fc
  .array(ruleArb, { maxLength: 12 })
  .map((rules) => rules.map((r, index) => ({ ...r, id: ruleId(index + 1) })));

const textArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', '  ', ', ', '-', '\n', '!')), {
    maxLength: 8,
  })
  .map((parts) => parts.map(([word, gap]) => word + gap).join(''));

export const messageArb: fc.Arbitrary<RoutingMessage> = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  audience: fc.constantFrom(...AUDIENCES),
  cityCode: fc.constantFrom(null, 'LIS', 'OPO', 'MAD', 'FAO', 'lis'),
  locale: fc.constantFrom(null, 'en', 'pt-BR', 'PT-pt', 'es_MX', 'fr', 'EN'),
  text: textArb,
  contact: fc.record({ vip: fc.boolean(), newDriver: fc.boolean() }),
  booking: fc.option(
    fc
      .integer({ min: -3 * HOUR, max: 30 * HOUR })
      .map((offset) => ({ scheduledAt: new Date(RECEIVED_AT.getTime() + offset) })),
    { nil: null },
  ),
  receivedAt: fc.constant(RECEIVED_AT),
  insideBusinessHours: fc.boolean(),
});
