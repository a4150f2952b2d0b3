import { z } from 'zod';
import { prioritySchema } from '../conversations/priority.ts';
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
export const macroFieldSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,31}$/, 'Field keys are lower_snake_case, e.g. refund_amount'),
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

const PLACEHOLDER = /\{\{\s*([a-z_]+(?:\.[a-z_]+)?)\s*\}\}/g;

export const macroInputSchema = z
  .object({
    name: z.string().trim().min(2, 'Name the macro (at least 2 characters)').max(80),
    body: z.string().trim().min(1, 'Write the reply text').max(5000),
    /** Shared macros belong to an inbox (null: every inbox); personal ones to their author. */
    scope: z.enum(['shared', 'personal']),
    inboxId: z.uuid('inboxId must be a UUID').nullable().default(null),
    fields: z.array(macroFieldSchema).max(8).default([]),
    actions: macroActionsSchema.default({ tags: [], priority: null, status: null }),
  })
  .superRefine((macro, context) => {
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
  });
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
  const text = body.replace(PLACEHOLDER, (whole, name: string) => {
    if (name.startsWith('fields.')) {
      const value = fieldValues[name.slice('fields.'.length)]?.trim();
      return value ? value : whole;
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
