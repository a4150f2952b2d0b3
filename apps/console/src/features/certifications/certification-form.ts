import type { FormErrors } from '@mantine/form';
import {
  type AgentTier,
  createCertificationInputSchema,
  updateCertificationInputSchema,
} from '@switchboard/domain';
import type { Certification } from './certification-types.ts';

/*
 * The certification editor's form: "Expires" as a switch with the days beside it (a language
 * does not expire), numbers as typed. Validation runs the schema the server enforces.
 */

export interface CertificationFormValues {
  code: string;
  name: string;
  description: string;
  expires: boolean;
  /** Empty while typing. */
  validityDays: number | string;
  renewalReminderDays: number | string;
  grantsTier: AgentTier | null;
  rolloutNote: string;
}

export const NEW_CERTIFICATION: CertificationFormValues = {
  code: '',
  name: '',
  description: '',
  expires: true,
  validityDays: 365,
  renewalReminderDays: 30,
  grantsTier: null,
  rolloutNote: '',
};

export function certificationFormValuesOf(certification: Certification): CertificationFormValues {
  return {
    code: certification.code,
    name: certification.name,
    description: certification.description,
    expires: certification.validityDays !== null,
    validityDays: certification.validityDays ?? 365,
    renewalReminderDays: certification.renewalReminderDays,
    grantsTier: certification.grantsTier,
    rolloutNote: '',
  };
}

/** A typed number; an empty box is NaN, which the schema refuses as "not a number". */
function numberOf(value: number | string): number {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? Number.NaN : Number(value);
}

function fieldsOf(values: CertificationFormValues) {
  return {
    name: values.name,
    description: values.description,
    validityDays: values.expires ? numberOf(values.validityDays) : null,
    renewalReminderDays: numberOf(values.renewalReminderDays),
    grantsTier: values.grantsTier,
    rolloutNote: values.rolloutNote,
  };
}

export function createInputOf(values: CertificationFormValues) {
  return { code: values.code, ...fieldsOf(values) };
}

export function updateInputOf(values: CertificationFormValues, id: string) {
  return { id, ...fieldsOf(values) };
}

/** The schema's errors on the form's fields (the first per field). */
export function validateCertificationForm(
  values: CertificationFormValues,
  id: string | null,
): FormErrors {
  const parsed =
    id === null
      ? createCertificationInputSchema.safeParse(createInputOf(values))
      : updateCertificationInputSchema.safeParse(updateInputOf(values, id));
  const errors: FormErrors = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    errors[issue.path.map(String).join('.')] ??= issue.message;
  }
  return errors;
}
