import { z } from 'zod';
import { prioritySchema } from '../conversations/priority.ts';
import { conversationIdSchema } from '../conversations/schemas.ts';
import { formatMoney, minorUnitDigits } from '../shared/money.ts';
import { pageInputSchema } from '../shared/pagination.ts';
import { tagCodeSchema } from '../taxonomy/tags.ts';

/** The variables a macro body may use, filled from the conversation on the server. */
export const MACRO_VARIABLES = [
  'contact.name',
  'contact.first_name',
  'contact.email',
  'contact.phone',
  'booking.reference',
  'booking.pickup',
  'booking.dropoff',
  'booking.pickup_time',
  'booking.fare',
  'booking.driver_name',
  'agent.name',
  'agent.first_name',
  'conversation.number',
  'city.name',
] as const;
export type MacroVariable = (typeof MACRO_VARIABLES)[number];
export type MacroContext = Partial<Record<MacroVariable, string>>;

export const MACRO_FIELD_TYPES = ['text', 'money', 'datetime'] as const;

/** An input the agent fills in before sending, used in the body as {{fields.key}}. */
const fieldKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'Field keys are lower_snake_case, e.g. refund_amount');

export const macroFieldSchema = z.object({
  key: fieldKeySchema,
  label: z.string().trim().min(1, 'Give the field a label').max(60),
  type: z.enum(MACRO_FIELD_TYPES).default('text'),
  required: z.boolean().default(true),
});
export type MacroField = z.infer<typeof macroFieldSchema>;

/** What applying the macro also does besides sending its text. */
export const macroActionsSchema = z.object({
  tags: z.array(tagCodeSchema).max(10).default([]),
  priority: prioritySchema.nullable().default(null),
  status: z.enum(['pending', 'resolved']).nullable().default(null),
});
export type MacroActions = z.infer<typeof macroActionsSchema>;

// Field keys may hold digits (refund_amount_2), so the part after the dot does too.
const PLACEHOLDER = /\{\{\s*([a-z_]+(?:\.[a-z0-9_]+)?)\s*\}\}/g;

const macroShape = {
  name: z.string().trim().min(2, 'Name the macro (at least 2 characters)').max(80),
  body: z.string().trim().min(1, 'Write the reply text').max(5000),
  /** Shared macros belong to an inbox (null: every inbox); personal ones to their author. */
  scope: z.enum(['shared', 'personal']),
  inboxId: z.uuid('inboxId must be a UUID').nullable().default(null),
  fields: z.array(macroFieldSchema).max(8).default([]),
  actions: macroActionsSchema.default({ tags: [], priority: null, status: null }),
};

type MacroShape = z.infer<z.ZodObject<typeof macroShape>>;

function checkMacro(macro: MacroShape, context: z.RefinementCtx): void {
  const keys = new Set(macro.fields.map((field) => field.key));
  if (keys.size !== macro.fields.length) {
    context.addIssue({ code: 'custom', path: ['fields'], message: 'Field keys must be unique' });
  }
  for (const placeholder of placeholdersIn(macro.body)) {
    const known = placeholder.startsWith('fields.')
      ? keys.has(placeholder.slice('fields.'.length))
      : (MACRO_VARIABLES as readonly string[]).includes(placeholder);
    if (!known) {
      context.addIssue({
        code: 'custom',
        path: ['body'],
        message: `Unknown placeholder {{${placeholder}}}`,
      });
    }
  }
  // A personal macro follows its author into every inbox they work.
  if (macro.scope === 'personal' && macro.inboxId !== null) {
    context.addIssue({
      code: 'custom',
      path: ['inboxId'],
      message: 'Personal macros apply to every inbox you work',
    });
  }
}

export const macroInputSchema = z.object(macroShape).superRefine(checkMacro);
export type MacroInput = z.infer<typeof macroInputSchema>;

export function placeholdersIn(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

export interface RenderedMacro {
  text: string;
  /** Variables with no value in this conversation (e.g. no booking), left visible. */
  missingVariables: string[];
  /** Required fields the agent has not filled in. */
  missingFields: string[];
}

/**
 * Fills a macro body. The same function renders the preview in the workspace and the
 * text the server sends, so what the agent saw is what the customer gets.
 */
export function renderMacro(
  body: string,
  context: MacroContext,
  fields: readonly MacroField[],
  fieldValues: Record<string, string>,
): RenderedMacro {
  const missingVariables: string[] = [];
  const optional = new Set(fields.filter((field) => !field.required).map((field) => field.key));
  const text = body.replace(PLACEHOLDER, (whole, name: string) => {
    if (name.startsWith('fields.')) {
      const key = name.slice('fields.'.length);
      const value = fieldValues[key]?.trim();
      if (value) return value;
      // An optional field left empty simply drops out; a required one stays visible.
      return optional.has(key) ? '' : whole;
    }
    const value = context[name as MacroVariable];
    if (value === undefined || value === '') {
      missingVariables.push(name);
      return whole;
    }
    return value;
  });
  const missingFields = fields
    .filter((field) => field.required && !fieldValues[field.key]?.trim())
    .map((field) => field.key);
  return { text, missingVariables: [...new Set(missingVariables)], missingFields };
}

export const macroUpdateInputSchema = z
  .object({ macroId: z.uuid('macroId must be a UUID'), ...macroShape })
  .superRefine(checkMacro);
export type MacroUpdateInput = z.infer<typeof macroUpdateInputSchema>;

export const macroIdInputSchema = z.object({ macroId: z.uuid('macroId must be a UUID') });

const macroSearchSchema = z.string().trim().max(100).optional();

/** The console's list of shared macros: `inboxId: 'all'` means the ones for every inbox. */
export const sharedMacroListInputSchema = pageInputSchema.extend({
  search: macroSearchSchema,
  inboxId: z.union([z.uuid('inboxId must be a UUID'), z.literal('all')]).optional(),
});
export type SharedMacroListInput = z.infer<typeof sharedMacroListInputSchema>;

export const personalMacroListInputSchema = pageInputSchema.extend({ search: macroSearchSchema });
export type PersonalMacroListInput = z.infer<typeof personalMacroListInputSchema>;

export const conversationMacrosInputSchema = pageInputSchema.extend({
  conversationId: conversationIdSchema,
  search: macroSearchSchema,
});
export type ConversationMacrosInput = z.infer<typeof conversationMacrosInputSchema>;

export const macroPreviewInputSchema = z.object({
  conversationId: conversationIdSchema,
  macroId: z.uuid('macroId must be a UUID'),
  fieldValues: z.record(fieldKeySchema, z.string().max(500)).default({}),
});
export type MacroPreviewInput = z.infer<typeof macroPreviewInputSchema>;

export const applyMacroInputSchema = macroPreviewInputSchema.extend({
  /** Lets a retried apply send its reply once. */
  clientId: z.uuid('clientId must be a UUID'),
});
export type ApplyMacroInput = z.infer<typeof applyMacroInputSchema>;

export interface MacroFieldProblem {
  key: string;
  message: string;
}

const MONEY_INPUT = /^\d{1,9}(?:[.,](\d{1,3}))?$/;
const LOCAL_DATETIME_INPUT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/;

/** "Thu 12 Mar, 13:00": a wall-clock time as people read it, in a given zone. */
export function formatLocalDateTime(date: Date, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/**
 * Turns what the agent typed into the text the customer reads: money in the conversation's
 * currency ("25" → "€25.00"), a date and time ("2026-03-12 15:30", in the city's time) as
 * "Thu 12 Mar, 15:30". Empty values are left out, so `renderMacro` reports required ones.
 */
export function formatMacroFieldValues(
  fields: readonly MacroField[],
  values: Readonly<Record<string, string>>,
  options: { currency: string; locale?: string },
): { values: Record<string, string>; problems: MacroFieldProblem[] } {
  const formatted: Record<string, string> = {};
  const problems: MacroFieldProblem[] = [];
  for (const field of fields) {
    const raw = values[field.key]?.trim() ?? '';
    if (!raw) continue;
    if (field.type === 'text') {
      formatted[field.key] = raw;
    } else if (field.type === 'money') {
      const match = MONEY_INPUT.exec(raw);
      const digits = minorUnitDigits(options.currency);
      if (!match || (match[1]?.length ?? 0) > digits) {
        problems.push({
          key: field.key,
          message: `Enter an amount in ${options.currency}, e.g. ${digits > 0 ? `12.${'5'.padEnd(digits, '0')}` : '1250'}`,
        });
        continue;
      }
      const [whole, fraction = ''] = raw.replace(',', '.').split('.');
      const amountMinor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
      formatted[field.key] = formatMoney(
        { amountMinor, currency: options.currency },
        options.locale ?? 'en',
      );
    } else {
      const match = LOCAL_DATETIME_INPUT.exec(raw);
      const wallClock = match
        ? new Date(
            Date.UTC(
              Number(match[1]),
              Number(match[2]) - 1,
              Number(match[3]),
              Number(match[4]),
              Number(match[5]),
            ),
          )
        : null;
      // Round-tripping the parts refuses dates like 31 February.
      if (
        !match ||
        !wallClock ||
        wallClock.getUTCMonth() !== Number(match[2]) - 1 ||
        wallClock.getUTCDate() !== Number(match[3]) ||
        wallClock.getUTCHours() !== Number(match[4])
      ) {
        problems.push({ key: field.key, message: 'Enter a date and time, e.g. 2026-03-12 15:30' });
        continue;
      }
      // Entered in the city's wall-clock time: shown as typed, no zone conversion.
      formatted[field.key] = formatLocalDateTime(wallClock, 'UTC');
    }
  }
  return { values: formatted, problems };
}

/** What a conversation knows that a macro body may quote. */
export interface MacroContextSource {
  conversationNumber: number;
  contact: { name: string; email: string | null; phone: string | null } | null;
  booking: {
    reference: string;
    pickupAddress: string;
    dropoffAddress: string;
    scheduledAt: Date;
    fareAmountMinor: number;
    currency: string;
    /** The booking city's IANA zone: pickup times are read there. */
    timeZone: string;
    driverName: string | null;
  } | null;
  agent: { name: string };
  city: { name: string } | null;
  locale?: string;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** Fills MACRO_VARIABLES from a conversation; what it does not know stays out. */
export function macroContextOf(source: MacroContextSource): MacroContext {
  const context: MacroContext = {
    'conversation.number': `#${source.conversationNumber}`,
    'agent.name': source.agent.name,
    'agent.first_name': firstName(source.agent.name),
  };
  const { contact, booking, city } = source;
  if (contact) {
    context['contact.name'] = contact.name;
    context['contact.first_name'] = firstName(contact.name);
    if (contact.email) context['contact.email'] = contact.email;
    if (contact.phone) context['contact.phone'] = contact.phone;
  }
  if (booking) {
    context['booking.reference'] = booking.reference;
    context['booking.pickup'] = booking.pickupAddress;
    context['booking.dropoff'] = booking.dropoffAddress;
    context['booking.pickup_time'] = formatLocalDateTime(booking.scheduledAt, booking.timeZone);
    context['booking.fare'] = formatMoney(
      { amountMinor: booking.fareAmountMinor, currency: booking.currency },
      source.locale ?? 'en',
    );
    if (booking.driverName) context['booking.driver_name'] = booking.driverName;
  }
  if (city) context['city.name'] = city.name;
  return context;
}

/** Example values the console's live preview fills in. */
export const SAMPLE_MACRO_CONTEXT: Required<MacroContext> = {
  'contact.name': 'Marta Lopes',
  'contact.first_name': 'Marta',
  'contact.email': 'marta@example.com',
  'contact.phone': '+351 912 345 678',
  'booking.reference': 'LIS-8F3K2',
  'booking.pickup': 'Lisbon Airport, Terminal 1',
  'booking.dropoff': 'Rua Augusta 100, Lisboa',
  'booking.pickup_time': 'Thu 12 Mar, 13:00',
  'booking.fare': '€34.50',
  'booking.driver_name': 'Rui Santos',
  'agent.name': 'Ana Silva',
  'agent.first_name': 'Ana',
  'conversation.number': '#1042',
  'city.name': 'Lisbon',
};

/** A stand-in for a field in the console's preview, by type. */
export function sampleFieldValue(field: MacroField): string {
  if (field.type === 'money') return '€25.00';
  if (field.type === 'datetime') return 'Thu 12 Mar, 15:30';
  return `[${field.label}]`;
}

export const MACRO_VARIABLE_LABELS: Record<MacroVariable, string> = {
  'contact.name': 'Contact name',
  'contact.first_name': 'Contact first name',
  'contact.email': 'Contact email',
  'contact.phone': 'Contact phone',
  'booking.reference': 'Booking reference',
  'booking.pickup': 'Pickup address',
  'booking.dropoff': 'Drop-off address',
  'booking.pickup_time': 'Pickup time (city time)',
  'booking.fare': 'Fare',
  'booking.driver_name': 'Driver name',
  'agent.name': 'Your name',
  'agent.first_name': 'Your first name',
  'conversation.number': 'Conversation number',
  'city.name': 'City',
};
