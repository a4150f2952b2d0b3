import { z } from 'zod';
import { MAX_MESSAGE_LENGTH } from '../conversations/intake.ts';
import { type Priority, prioritySchema } from '../conversations/priority.ts';
import {
  AUDIENCES,
  type Audience,
  audienceSchema,
  CHANNELS,
  type Channel,
  channelSchema,
} from '../shared/enums.ts';
import { tagCodeSchema } from '../taxonomy/tags.ts';
import { inboxCodeSchema } from './inboxes.ts';

/** Channel names as they read mid-sentence ("the rule wants chat or WhatsApp"). */
export const CHANNEL_NAMES: Record<Channel, string> = {
  chat: 'chat',
  whatsapp: 'WhatsApp',
  email: 'email',
  voice: 'voice',
};

// ---------------------------------------------------------------------------------------------
// Text matching
// ---------------------------------------------------------------------------------------------

/**
 * Rules look at the first 2,000 characters of a message (about a page). Customers put the
 * request first and long emails trail quoted threads and signatures; the cap also bounds
 * what a lead's regular expression can cost on a hostile message.
 */
export const MAX_ROUTED_TEXT = 2_000;

/** A trip that started up to an hour ago still counts as "within N hours": see isTripWithin. */
export const TRIP_GRACE_MS = 60 * 60 * 1000;

const HOUR_MS = 60 * 60 * 1000;
const COMBINING_MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * The form keywords are matched in: accents dropped, lower case, every run of characters
 * other than letters and digits one space, with a leading space. A keyword matches when its
 * words appear in that order as whole words, except the last, which may begin a longer word:
 * in other words, when " " + the keyword's normalised form occurs in the text's. So
 * "refund" matches "Refund!", "refunds" and "refunded" but not "nonrefundable"; "reembolso"
 * matches "Reembolsó"; "money back" matches "money-back" and "Money  back". Word-start
 * matching catches the plurals and tenses a lead would otherwise list one by one, without
 * the false hits of plain substring search.
 */
export function keywordText(text: string): string {
  const folded = text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
  return ` ${folded.replace(NON_WORD, ' ')}`;
}

/** The keyword as it is searched for in keywordText (leading space, no trailing one). */
export function keywordNeedle(keyword: string): string {
  return keywordText(keyword).trimEnd();
}

/** 'pt-BR' → 'pt', 'EN' → 'en', null → null. */
export function primaryLanguage(locale: string | null | undefined): string | null {
  if (!locale) return null;
  const dash = locale.search(/[-_]/);
  const primary = (dash === -1 ? locale : locale.slice(0, dash)).trim().toLowerCase();
  return primary === '' ? null : primary;
}

// Group containing + or * then repeated again: (a+)+, (\w*)*, (x+y)+{2,} — the classic shape
// of catastrophic backtracking. Conservative: it rejects a few harmless patterns too, and
// the 2,000-character cap covers what it misses.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*{]/;

/**
 * A rule's pattern as it is evaluated: case-insensitive, no other flags (so no state between
 * tests). Null when it does not compile — the schema refuses those, but a rule stored
 * before a check existed never matches rather than stopping every message from routing.
 */
export function patternRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'i');
  } catch {
    return null;
  }
}

/** Why a lead's pattern cannot be used, or null when it can. */
export function patternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'i');
  } catch (error) {
    const detail =
      error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
    return `Pattern: not a valid regular expression${detail ? ` (${detail})` : ''}`;
  }
  if (NESTED_QUANTIFIER.test(pattern)) {
    return 'Pattern: a repeated group that repeats inside, such as (a+)+, can take forever to run — simplify it';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

const channelListSchema = z
  .array(z.enum(CHANNELS, { error: 'Channels are chat, WhatsApp, email or voice' }))
  .min(1, 'Channel: pick at least one channel')
  .max(CHANNELS.length, 'Channel: list each channel once');

const cityCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'City codes are three capital letters, e.g. LIS');

/** A primary language subtag; a message's locale is compared on its primary subtag. */
const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'Languages are primary language codes such as en, pt or es');

const teamCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'Team code is UPPER_SNAKE_CASE, e.g. SUPPORT_L1');

const requestTypeCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'Request type code is UPPER_SNAKE_CASE, e.g. DRIVER_NO_SHOW');

const keywordSchema = z
  .string()
  .trim()
  .min(1, 'Keywords cannot be blank')
  .max(60, 'Keywords are at most 60 characters')
  .refine((keyword) => keywordNeedle(keyword).trim() !== '', {
    message: 'Keywords need at least one letter or digit',
  });

const channelConditionSchema = z.object({
  field: z.literal('channel'),
  op: z.enum(['in', 'not_in'], { error: 'Channel: choose "is one of" or "is not one of"' }),
  values: channelListSchema,
});

const audienceConditionSchema = z.object({
  field: z.literal('audience'),
  op: z.literal('is'),
  value: z.enum(AUDIENCES, { error: 'Audience: choose guest or driver' }),
});

const cityConditionSchema = z.object({
  field: z.literal('city'),
  op: z.enum(['in', 'not_in'], { error: 'City: choose "is one of" or "is not one of"' }),
  values: z
    .array(cityCodeSchema)
    .min(1, 'City: pick at least one city')
    .max(200, 'City: at most 200 cities'),
});

const languageConditionSchema = z.object({
  field: z.literal('language'),
  op: z.enum(['in', 'not_in'], { error: 'Language: choose "is one of" or "is not one of"' }),
  values: z
    .array(languageCodeSchema)
    .min(1, 'Language: pick at least one language')
    .max(50, 'Language: at most 50 languages'),
});

const contactConditionSchema = z.object({
  field: z.literal('contact'),
  attribute: z.enum(['vip', 'new_driver'], { error: 'Contact: choose VIP or new driver' }),
  value: z.boolean({ error: 'Contact: choose yes or no' }),
});

const keywordConditionSchema = z.object({
  field: z.literal('text'),
  op: z.literal('contains_any'),
  values: z
    .array(keywordSchema)
    .min(1, 'Keywords: add at least one keyword')
    .max(50, 'Keywords: at most 50 per condition'),
});

const patternConditionSchema = z.object({
  field: z.literal('text'),
  op: z.literal('matches'),
  pattern: z
    .string()
    .min(1, 'Pattern: write a regular expression')
    .max(200, 'Pattern: at most 200 characters')
    .superRefine((pattern, ctx) => {
      const problem = patternProblem(pattern);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

const hasBookingConditionSchema = z.object({
  field: z.literal('booking'),
  op: z.literal('has_booking'),
  value: z.boolean({ error: 'Booking: choose yes or no' }),
});

const tripWithinConditionSchema = z.object({
  field: z.literal('booking'),
  op: z.literal('trip_within_hours'),
  hours: z
    .number({ error: 'Hours: enter a number of hours' })
    .positive('Hours: must be more than 0')
    .max(720, 'Hours: at most 720 (30 days)'),
});

const businessHoursConditionSchema = z.object({
  field: z.literal('business_hours'),
  value: z.enum(['inside', 'outside'], { error: 'Business hours: choose inside or outside' }),
});

export const routingConditionSchema = z.discriminatedUnion(
  'field',
  [
    channelConditionSchema,
    audienceConditionSchema,
    cityConditionSchema,
    languageConditionSchema,
    contactConditionSchema,
    z.discriminatedUnion('op', [keywordConditionSchema, patternConditionSchema], {
      error: 'Text: choose "contains any of" or "matches"',
    }),
    z.discriminatedUnion('op', [hasBookingConditionSchema, tripWithinConditionSchema], {
      error: 'Booking: choose "has a booking" or "trip within hours"',
    }),
    businessHoursConditionSchema,
  ],
  {
    error:
      'Condition: choose what it looks at — channel, audience, city, language, contact, text, booking or business hours',
  },
);
export type RoutingCondition = z.infer<typeof routingConditionSchema>;
export type RoutingConditionField = RoutingCondition['field'];

export const RULE_ON_MATCH = ['stop', 'continue'] as const;
export type RuleOnMatch = (typeof RULE_ON_MATCH)[number];

export const routingActionsSchema = z
  .object({
    requestTypeCode: requestTypeCodeSchema.optional(),
    addTags: z.array(tagCodeSchema).max(10, 'Tags: at most 10 per rule').optional(),
    priority: prioritySchema.optional(),
    inboxCode: inboxCodeSchema.optional(),
    teamCode: teamCodeSchema.optional(),
    autoReply: z
      .string()
      .trim()
      .min(1, 'Auto-reply: write the reply, or remove it')
      .max(1000, 'Auto-reply: at most 1,000 characters')
      .optional(),
    onMatch: z.enum(RULE_ON_MATCH, { error: 'On match: choose stop or continue' }),
  })
  .refine(hasEffect, {
    message:
      'Actions: choose at least one thing the rule does — request type, tags, priority, inbox, team or auto-reply',
  });
export type RoutingActions = z.infer<typeof routingActionsSchema>;

function hasEffect(actions: {
  requestTypeCode?: string;
  addTags?: string[];
  priority?: Priority;
  inboxCode?: string;
  teamCode?: string;
  autoReply?: string;
}): boolean {
  return (
    actions.requestTypeCode !== undefined ||
    (actions.addTags !== undefined && actions.addTags.length > 0) ||
    actions.priority !== undefined ||
    actions.inboxCode !== undefined ||
    actions.teamCode !== undefined ||
    actions.autoReply !== undefined
  );
}

export const MAX_RULE_CONDITIONS = 20;

const ruleShape = {
  name: z.string().trim().min(1, 'Name the rule').max(120, 'Rule names are at most 120 characters'),
  enabled: z.boolean().default(true),
  /** All must hold; none means the rule matches every message. */
  conditions: z
    .array(routingConditionSchema)
    .max(MAX_RULE_CONDITIONS, `A rule has at most ${MAX_RULE_CONDITIONS} conditions`)
    .default([]),
  actions: routingActionsSchema,
};

/** Create / update a rule (the id comes from the URL or the database). */
export const routingRuleInputSchema = z.object(ruleShape);
export type RoutingRuleInput = z.input<typeof routingRuleInputSchema>;

export const routingRuleSchema = z.object({
  id: z.uuid('Rule id must be a UUID'),
  ...ruleShape,
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;

/** What intake knows about a message when it routes it. */
export interface RoutingMessage {
  channel: Channel;
  audience: Audience;
  cityCode: string | null;
  /** BCP 47, e.g. pt-BR; compared on the primary subtag. */
  locale: string | null;
  text: string;
  contact: { vip: boolean; newDriver: boolean };
  booking: { scheduledAt: Date } | null;
  receivedAt: Date;
  /** Computed by the caller from the inbox's business calendar. */
  insideBusinessHours: boolean;
}

/** The rule simulator's input: dates arrive as ISO strings from the console. */
export const routingMessageSchema = z.object({
  channel: channelSchema,
  audience: audienceSchema,
  cityCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'City is a three-letter city code, e.g. LIS')
    .nullable()
    .default(null),
  locale: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, 'Locale is a language tag such as en or pt-BR')
    .nullable()
    .default(null),
  text: z
    .string()
    .max(MAX_MESSAGE_LENGTH, `Text: at most ${MAX_MESSAGE_LENGTH.toLocaleString('en')} characters`),
  contact: z
    .object({ vip: z.boolean().default(false), newDriver: z.boolean().default(false) })
    .default({ vip: false, newDriver: false }),
  booking: z
    .object({ scheduledAt: z.coerce.date({ error: 'Booking time: enter a date and time' }) })
    .nullable()
    .default(null),
  receivedAt: z.coerce.date({ error: 'Received at: enter a date and time' }),
  insideBusinessHours: z.boolean().default(true),
}) satisfies z.ZodType<RoutingMessage, unknown>;

// ---------------------------------------------------------------------------------------------
// Reference semantics, one condition at a time. The simulator's explanations use it; the
// compiled engine (engine.ts) must agree with it, and a property test checks that it does.
// ---------------------------------------------------------------------------------------------

/**
 * Hours from receipt to the trip: positive ahead, negative for a trip already under way.
 * Null without a booking.
 */
export function hoursToTrip(message: RoutingMessage): number | null {
  if (!message.booking) return null;
  return (message.booking.scheduledAt.getTime() - message.receivedAt.getTime()) / HOUR_MS;
}

/**
 * "Trip within N hours" holds for a trip scheduled from an hour before receipt up to N hours
 * after it. The hour of grace is deliberate: "my driver isn't here" typically arrives just
 * after the pickup time, and it is the most urgent message a trip rule exists for.
 */
export function isTripWithin(deltaMs: number, hours: number): boolean {
  return deltaMs >= -TRIP_GRACE_MS && deltaMs <= hours * HOUR_MS;
}

/**
 * Whether one condition holds for a message. A message with no known city or language is
 * in no list: `in` fails and `not_in` holds.
 */
export function conditionHolds(condition: RoutingCondition, message: RoutingMessage): boolean {
  switch (condition.field) {
    case 'channel':
      return condition.values.includes(message.channel) === (condition.op === 'in');
    case 'audience':
      return message.audience === condition.value;
    case 'city': {
      const city = message.cityCode?.toUpperCase() ?? null;
      const listed =
        city !== null && condition.values.some((value) => value.toUpperCase() === city);
      return listed === (condition.op === 'in');
    }
    case 'language': {
      const language = primaryLanguage(message.locale);
      const listed =
        language !== null && condition.values.some((value) => value.toLowerCase() === language);
      return listed === (condition.op === 'in');
    }
    case 'contact':
      return (
        (condition.attribute === 'vip' ? message.contact.vip : message.contact.newDriver) ===
        condition.value
      );
    case 'text': {
      const text = message.text.slice(0, MAX_ROUTED_TEXT);
      if (condition.op === 'matches') return patternRegExp(condition.pattern)?.test(text) ?? false;
      const haystack = keywordText(text);
      return condition.values.some((keyword) => haystack.includes(keywordNeedle(keyword)));
    }
    case 'booking':
      if (condition.op === 'has_booking') return (message.booking !== null) === condition.value;
      return (
        message.booking !== null &&
        isTripWithin(
          message.booking.scheduledAt.getTime() - message.receivedAt.getTime(),
          condition.hours,
        )
      );
    case 'business_hours':
      return message.insideBusinessHours === (condition.value === 'inside');
  }
}
