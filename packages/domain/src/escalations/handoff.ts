import { z } from 'zod';
import { moneySchema } from '../shared/money.ts';

/*
 * What a handoff can carry. The matrix says which of these a team requires; the form asks for
 * exactly those, and the server refuses a handoff without them, naming the field.
 */

export const HANDOFF_FIELDS = [
  'booking_reference',
  'amount',
  'evidence',
  'steps_tried',
  'occurred_at',
  'payout_period',
  'device_details',
  'location',
] as const;
export type HandoffField = (typeof HANDOFF_FIELDS)[number];

export const HANDOFF_FIELD_LABELS: Record<HandoffField, { label: string; help: string }> = {
  booking_reference: { label: 'Booking reference', help: 'The trip or order it is about' },
  amount: { label: 'Amount', help: 'Money disputed or owed, in the booking’s currency' },
  evidence: { label: 'Evidence', help: 'Links or descriptions: screenshots, GPS trace, receipts' },
  steps_tried: { label: 'Steps already tried', help: 'What support did before escalating' },
  occurred_at: { label: 'When it happened', help: 'Date and time of the event' },
  payout_period: { label: 'Payout week', help: 'ISO week of the payout, e.g. 2026-W47' },
  device_details: { label: 'App and device', help: 'App version, phone model, OS' },
  location: { label: 'Location', help: 'Where on the ground: address, terminal, zone' },
};

const fieldSchemas = {
  booking_reference: z.string().trim().min(3, 'At least 3 characters').max(40),
  amount: moneySchema.refine((money) => money.amountMinor > 0, {
    message: 'More than zero',
    path: ['amountMinor'],
  }),
  evidence: z
    .array(z.string().trim().min(3, 'Describe or link each piece').max(500))
    .min(1, 'Attach at least one piece of evidence')
    .max(20),
  steps_tried: z.string().trim().min(10, 'Say what was tried (at least 10 characters)').max(4000),
  occurred_at: z.iso.datetime({ offset: true, error: 'A date and time, e.g. 2026-11-20T14:30Z' }),
  payout_period: z
    .string()
    .trim()
    .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'An ISO week, e.g. 2026-W47'),
  device_details: z.string().trim().min(3, 'At least 3 characters').max(500),
  location: z.string().trim().min(3, 'At least 3 characters').max(500),
} satisfies Record<HandoffField, z.ZodType>;

/** Every field optional: what the form may send. */
export const handoffFieldsSchema = z
  .object(
    Object.fromEntries(HANDOFF_FIELDS.map((field) => [field, fieldSchemas[field].optional()])) as {
      [F in HandoffField]: z.ZodOptional<(typeof fieldSchemas)[F]>;
    },
  )
  .strict();
export type HandoffFields = z.infer<typeof handoffFieldsSchema>;

export interface HandoffIssue {
  field: HandoffField;
  message: string;
}

/** The required fields the handoff lacks; a value present is already shape-checked. */
export function missingHandoffFields(
  fields: HandoffFields,
  required: readonly HandoffField[],
): HandoffIssue[] {
  return required
    .filter((field) => fields[field] === undefined)
    .map((field) => ({ field, message: `${HANDOFF_FIELD_LABELS[field].label} is required` }));
}
