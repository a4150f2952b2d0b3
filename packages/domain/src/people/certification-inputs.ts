import { z } from 'zod';
import { rolloutNoteSchema } from '../changes/diff.ts';
import { pageInputSchema } from '../shared/pagination.ts';
import { CERTIFICATION_STATES } from './certifications.ts';
import { agentTierSchema } from './roles.ts';

/** What trainers, leads and admins edit about certifications, and how they grant them. */

export const MAX_VALIDITY_DAYS = 3650;
export const MAX_RENEWAL_REMINDER_DAYS = 365;
/** People granted at once: a training cohort, not the whole organisation. */
export const MAX_GRANT_BATCH = 200;

export const certificationCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'Code: UPPER_SNAKE_CASE, e.g. GUEST_REFUNDS');

const certificationId = z.uuid('Certification: not a certification id');
const personId = z
  .string()
  .trim()
  .min(1, 'Person: choose someone')
  .max(100, 'Person: not a person id');

const certificationFields = {
  name: z
    .string()
    .trim()
    .min(1, 'Name: name the certification')
    .max(120, 'Name: at most 120 characters'),
  description: z.string().trim().max(2000, 'Description: at most 2,000 characters').default(''),
  /** Null: a grant never expires (e.g. a language). */
  validityDays: z
    .number({ error: 'Validity: a number of days, or none' })
    .int('Validity: a whole number of days')
    .min(1, 'Validity: at least 1 day')
    .max(MAX_VALIDITY_DAYS, 'Validity: at most 3,650 days (10 years)')
    .nullable(),
  renewalReminderDays: z
    .number({ error: 'Reminder: a number of days' })
    .int('Reminder: a whole number of days')
    .min(0, 'Reminder: 0 days or more before expiry')
    .max(MAX_RENEWAL_REMINDER_DAYS, 'Reminder: at most 365 days before expiry')
    .default(30),
  grantsTier: agentTierSchema.nullable().default(null),
  rolloutNote: rolloutNoteSchema,
};

type WithRenewal = { validityDays: number | null; renewalReminderDays: number };

/** A reminder as long as the validity would go out the moment the certification is granted. */
function reminderInsideValidity(value: WithRenewal, context: z.RefinementCtx) {
  // Only between two valid numbers: a bad validity is reported on its own field.
  const { validityDays } = value;
  if (validityDays === null || !Number.isInteger(validityDays) || validityDays < 1) return;
  if (value.renewalReminderDays >= validityDays) {
    context.addIssue({
      code: 'custom',
      path: ['renewalReminderDays'],
      message: `Reminder: fewer days than the validity (${value.validityDays})`,
    });
  }
}

export const createCertificationInputSchema = z
  .object({ code: certificationCodeSchema, ...certificationFields })
  .superRefine(reminderInsideValidity);
export type CreateCertificationInput = z.infer<typeof createCertificationInputSchema>;

/** The code stays: routing explanations and curricula refer to it. */
export const updateCertificationInputSchema = z
  .object({ id: certificationId, ...certificationFields })
  .superRefine(reminderInsideValidity);
export type UpdateCertificationInput = z.infer<typeof updateCertificationInputSchema>;

export const archiveCertificationInputSchema = z.object({
  id: certificationId,
  rolloutNote: rolloutNoteSchema,
});
export type ArchiveCertificationInput = z.infer<typeof archiveCertificationInputSchema>;

export const certificationListInputSchema = z.object({
  includeArchived: z.boolean().default(false),
});
export type CertificationListInput = z.infer<typeof certificationListInputSchema>;

/** Grants (or renews, for who holds it already) one certification to one or more people. */
export const grantCertificationsInputSchema = z.object({
  certificationId,
  userIds: z
    .array(personId)
    .min(1, 'People: choose at least one person')
    .max(MAX_GRANT_BATCH, 'People: at most 200 at once'),
  note: z.string().trim().max(500, 'Note: at most 500 characters').default(''),
});
export type GrantCertificationsInput = z.infer<typeof grantCertificationsInputSchema>;

export const revokeCertificationInputSchema = z.object({
  certificationId,
  userId: personId,
  reason: z
    .string()
    .trim()
    .min(3, 'Reason: say why it is revoked')
    .max(500, 'Reason: at most 500 characters'),
});
export type RevokeCertificationInput = z.infer<typeof revokeCertificationInputSchema>;

/** A cell of the holders matrix: a state, or not held at all. */
export const HOLDER_FILTER_STATES = [...CERTIFICATION_STATES, 'missing'] as const;
export type HolderFilterState = (typeof HOLDER_FILTER_STATES)[number];

export const certificationHoldersInputSchema = pageInputSchema
  .extend({
    search: z.string().trim().max(100, 'Search: at most 100 characters').optional(),
    teamId: z.uuid('Team: not a team id').optional(),
    certificationId: certificationId.optional(),
    state: z
      .enum(HOLDER_FILTER_STATES, { error: 'State: valid, expiring soon, expired or missing' })
      .optional(),
  })
  .refine((input) => input.state === undefined || input.certificationId !== undefined, {
    path: ['state'],
    message: 'State: choose a certification first',
  });
export type CertificationHoldersInput = z.infer<typeof certificationHoldersInputSchema>;

export const expiringCertificationsInputSchema = pageInputSchema.extend({
  withinDays: z
    .number({ error: 'Window: a number of days' })
    .int('Window: a whole number of days')
    .min(1, 'Window: at least 1 day')
    .max(MAX_RENEWAL_REMINDER_DAYS, 'Window: at most 365 days')
    .default(30),
  /** Also grants that expired within the window's length before now. */
  includeExpired: z.boolean().default(false),
  teamId: z.uuid('Team: not a team id').optional(),
  certificationId: certificationId.optional(),
});
export type ExpiringCertificationsInput = z.infer<typeof expiringCertificationsInputSchema>;
