// Routing decisions per second on one core: 500 realistic rules (channel, audience, city,
// keyword, pattern, booking and business-hours conditions; most stop, some disabled) and
// 10,000 fixed pseudo-random messages. Each message is written for a rule picked uniformly
// down the list, and one in ten for no rule at all, so a typical decision walks a few hundred
// rules rather than stopping at the first. Prints its figures as JSON on the last line.

import { compileRules, route } from '../routing/engine.ts';
import type { RoutingCondition, RoutingMessage, RoutingRule } from '../routing/rules.ts';
import type { Channel } from '../shared/enums.ts';

// The domain package has no Node types (it does no I/O); the benchmark needs just these.
declare const console: { log(...values: unknown[]): void; error(...values: unknown[]): void };
declare const performance: { now(): number };

const RULE_COUNT = 500;
const MESSAGE_COUNT = 10_000;
const RUN_MS = 2_000;

/** mulberry32: a small seeded generator, so every run routes the same messages. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20240611);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const chance = (p: number) => next() < p;

const CITIES = [
  'LIS',
  'OPO',
  'FAO',
  'MAD',
  'BCN',
  'AGP',
  'PAR',
  'NCE',
  'LYS',
  'ROM',
  'MIL',
  'NAP',
  'ATH',
  'BER',
  'MUC',
  'AMS',
  'BRU',
  'DUB',
  'LON',
  'EDI',
  'IST',
  'PRG',
  'VIE',
  'ZRH',
  'CPH',
];
const LANGUAGES = ['en', 'pt', 'es', 'fr', 'it', 'de', 'nl', 'el', 'tr'];
const CHANNEL_SETS: Channel[][] = [
  ['chat'],
  ['whatsapp'],
  ['email'],
  ['chat', 'whatsapp'],
  ['chat', 'email'],
  ['voice', 'whatsapp'],
];
const GUEST_TOPICS = [
  { code: 'DRIVER_NO_SHOW', keywords: ['no show', 'driver not here', 'where is my driver'] },
  { code: 'LATE_PICKUP', keywords: ['late', 'waiting', 'still waiting'] },
  { code: 'WRONG_VEHICLE', keywords: ['wrong car', 'wrong vehicle', 'different car'] },
  { code: 'REFUND_REQUEST', keywords: ['refund', 'money back', 'reembolso'] },
  { code: 'DOUBLE_CHARGE', keywords: ['charged twice', 'double charge', 'two charges'] },
  { code: 'LOST_ITEM', keywords: ['lost', 'forgot', 'left my'] },
  { code: 'ITINERARY_CHANGE', keywords: ['change pickup', 'new address', 'flight delayed'] },
  { code: 'SAFETY', keywords: ['accident', 'unsafe', 'threat'] },
];
const DRIVER_TOPICS = [
  { code: 'PAYOUT_MISSING', keywords: ['payout', 'not paid', 'payment missing'] },
  { code: 'EARNINGS_DISPUTE', keywords: ['earnings', 'fare wrong', 'commission'] },
  { code: 'FINES_TOLLS', keywords: ['fine', 'toll', 'parking ticket'] },
  { code: 'ACCOUNT_DOCUMENTS', keywords: ['document', 'licence', 'insurance'] },
  { code: 'APP_BUG', keywords: ['app crash', 'bug', 'cannot log in'] },
  { code: 'RATING_DISPUTE', keywords: ['rating', 'stars', 'unfair review'] },
];
const PATTERNS = [
  { pattern: '\\b[A-Z]{3}-[0-9A-Z]{5,6}\\b', sample: 'booking LIS-7K3QF2' },
  { pattern: 'refund(ed)?\\s+(of|for)\\s+\\d+', sample: 'refund of 35 euros' },
  { pattern: 'flight\\s+[A-Z]{2}\\s?\\d{2,4}', sample: 'flight TP 1234' },
  { pattern: '\\+?\\d[\\d ]{8,}', sample: 'call me on +351 912 345 678' },
];
const FILLER = [
  'Hello,',
  'Hi there.',
  'Good evening team,',
  'I am writing about my trip today.',
  'Can someone please help me with this?',
  'Thanks in advance.',
  'It is quite urgent for me.',
  'I already tried the app.',
  'Olá, bom dia.',
  'Não consigo falar com o motorista.',
  '¿Me pueden ayudar, por favor?',
];

interface RuleRecipe {
  rule: RoutingRule;
  /** A message this rule matches (an earlier rule may still catch it first). */
  sample: (receivedAt: Date) => RoutingMessage;
}

function buildRecipe(index: number): RuleRecipe {
  const audience = chance(0.6) ? 'guest' : 'driver';
  const topic = pick(audience === 'guest' ? GUEST_TOPICS : DRIVER_TOPICS);
  // Most rules are per city; about a third apply everywhere (safety, payouts, VIPs).
  const cities = chance(0.65) ? [pick(CITIES), ...(chance(0.3) ? [pick(CITIES)] : [])] : null;
  const channels = chance(0.7) ? pick(CHANNEL_SETS) : null;
  const keyword = pick(topic.keywords);
  const language = chance(0.25) ? pick(LANGUAGES) : null;
  const pattern = chance(0.12) ? pick(PATTERNS) : null;
  const tripHours = audience === 'guest' && chance(0.25) ? pick([2, 3, 6, 24]) : null;
  const outsideHours = chance(0.08);
  const vip = chance(0.05);

  const conditions: RoutingCondition[] = [{ field: 'audience', op: 'is', value: audience }];
  if (channels) conditions.push({ field: 'channel', op: 'in', values: channels });
  if (cities) conditions.push({ field: 'city', op: 'in', values: cities });
  if (language) conditions.push({ field: 'language', op: 'in', values: [language] });
  conditions.push({ field: 'text', op: 'contains_any', values: topic.keywords });
  if (pattern) conditions.push({ field: 'text', op: 'matches', pattern: pattern.pattern });
  if (tripHours) conditions.push({ field: 'booking', op: 'trip_within_hours', hours: tripHours });
  if (outsideHours) conditions.push({ field: 'business_hours', value: 'outside' });
  if (vip) conditions.push({ field: 'contact', attribute: 'vip', value: true });

  const stop = chance(0.85);
  const rule: RoutingRule = {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: `${cities?.join('/') ?? 'All cities'} ${audience} ${topic.code.toLowerCase()} #${index}`,
    enabled: chance(0.94),
    conditions,
    actions: {
      requestTypeCode: topic.code,
      addTags: [`${topic.code.toLowerCase().replaceAll('_', '-')}`, ...(vip ? ['vip'] : [])],
      priority: tripHours ? 'P1' : pick(['P2', 'P3', 'P3', 'P4'] as const),
      inboxCode: `${cities?.[0] ?? 'HQ'}_${audience.toUpperCase()}`,
      ...(outsideHours ? { autoReply: 'We are closed now and will reply first thing.' } : {}),
      onMatch: stop ? 'stop' : 'continue',
    },
  };

  const sample = (receivedAt: Date): RoutingMessage => ({
    channel: channels ? pick(channels) : pick(['chat', 'whatsapp', 'email', 'voice'] as const),
    audience,
    cityCode: pick(cities ?? CITIES),
    locale: language ? `${language}-${language.toUpperCase()}` : pick(['en', 'pt-PT', null]),
    text: [pick(FILLER), `My issue: ${keyword}.`, pattern?.sample ?? '', pick(FILLER)].join(' '),
    contact: { vip: vip || chance(0.05), newDriver: audience === 'driver' && chance(0.2) },
    booking:
      tripHours || chance(0.5)
        ? {
            scheduledAt: new Date(
              receivedAt.getTime() + (tripHours ? next() * tripHours : 48 + next() * 100) * 3.6e6,
            ),
          }
        : null,
    receivedAt,
    insideBusinessHours: outsideHours ? false : chance(0.8),
  });
  return { rule, sample };
}

const recipes = Array.from({ length: RULE_COUNT }, (_, index) => buildRecipe(index));
const rules = recipes.map((recipe) => recipe.rule);
const start = Date.UTC(2025, 5, 1, 8);
const messages: RoutingMessage[] = Array.from({ length: MESSAGE_COUNT }, (_, index) => {
  const receivedAt = new Date(start + index * 37_000);
  if (chance(0.1)) {
    // Nobody's rule: a city no rule lists, and small talk.
    return {
      channel: pick(['chat', 'whatsapp', 'email', 'voice'] as const),
      audience: pick(['guest', 'driver'] as const),
      cityCode: 'ZZZ',
      locale: 'en',
      text: `${pick(FILLER)} ${pick(FILLER)}`,
      contact: { vip: false, newDriver: false },
      booking: null,
      receivedAt,
      insideBusinessHours: true,
    };
  }
  return pick(recipes).sample(receivedAt);
});

const compiled = compileRules(rules);

let tested = 0;
let matchedNothing = 0;
for (const message of messages) {
  const { outcome, trace } = route(message, compiled);
  tested += trace.checked.length / 2;
  if (outcome.matchedRuleIds.length === 0) matchedNothing += 1;
}

// Warm up past the optimising compiler's thresholds before timing.
for (let round = 0; round < 5; round++) for (const message of messages) route(message, compiled);

let decisions = 0;
// Summed from every decision, so no work can be optimised away; reported below.
let considered = 0;
const began = performance.now();
let elapsed = 0;
while (elapsed < RUN_MS) {
  for (const message of messages) considered += route(message, compiled).trace.evaluated;
  decisions += messages.length;
  elapsed = performance.now() - began;
}

console.error(
  `routing: ${decisions.toLocaleString('en')} decisions in ${Math.round(elapsed)} ms; ` +
    `per message, ${(considered / decisions).toFixed(0)} of ${RULE_COUNT} rules considered and ` +
    `${(tested / messages.length).toFixed(1)} tested past the index on average; ` +
    `${((matchedNothing / messages.length) * 100).toFixed(1)}% matched no rule`,
);
console.log(
  JSON.stringify({
    'routing.decisionsPerSecond': Math.round(decisions / (elapsed / 1000)),
    'routing.rules': RULE_COUNT,
  }),
);
