import type { FormErrors } from '@mantine/form';
import {
  PRIORITIES,
  type Priority,
  SLA_TARGET_KINDS,
  type SlaPolicyWarning,
  type SlaPriorityTargets,
  type SlaTarget,
  type SlaTargetKind,
  saveSlaPolicyInputSchema,
  slaPolicyWarnings,
  slaTargetsByPrioritySchema,
} from '@switchboard/domain';

/*
 * The SLA policy editor's form: each target as an amount in a unit a lead thinks in (15 min,
 * 4 h, 3 days) with its business-hours box. `policyInputOf` turns it back into minutes, and
 * validation runs the schema the server enforces, its errors moved onto the amount inputs.
 */

export const DURATION_UNITS = ['min', 'h', 'd'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const UNIT_MINUTES: Record<DurationUnit, number> = { min: 1, h: 60, d: 1440 };
export const UNIT_LABELS: Record<DurationUnit, string> = { min: 'min', h: 'hours', d: 'days' };

export interface TargetValues {
  /** In `unit`; empty while typing. */
  amount: number | string;
  unit: DurationUnit;
  businessHours: boolean;
}

export interface PolicyFormValues {
  /** null: no calendar, business-time targets count around the clock. */
  calendarId: string | null;
  targets: Record<Priority, Record<SlaTargetKind, TargetValues>>;
  rolloutNote: string;
}

/** Minutes in the largest unit that holds them whole: 1440 → 1 d, 90 → 90 min. */
export function targetValuesOf(target: SlaTarget): TargetValues {
  const unit: DurationUnit =
    target.minutes % UNIT_MINUTES.d === 0
      ? 'd'
      : target.minutes % UNIT_MINUTES.h === 0
        ? 'h'
        : 'min';
  return { amount: target.minutes / UNIT_MINUTES[unit], unit, businessHours: target.businessHours };
}

export function policyFormValuesOf(policy: {
  calendarId: string | null;
  targets: Record<Priority, SlaPriorityTargets>;
}): PolicyFormValues {
  return {
    calendarId: policy.calendarId,
    targets: Object.fromEntries(
      PRIORITIES.map((priority) => [
        priority,
        Object.fromEntries(
          SLA_TARGET_KINDS.map((kind) => [kind, targetValuesOf(policy.targets[priority][kind])]),
        ),
      ]),
    ) as PolicyFormValues['targets'],
    rolloutNote: '',
  };
}

/** A target's minutes; an empty amount is NaN, which the schema refuses as "not a number". */
export function minutesOf(values: TargetValues): number {
  const amount =
    typeof values.amount === 'number'
      ? values.amount
      : values.amount.trim() === ''
        ? Number.NaN
        : Number(values.amount);
  // Rounded past float noise, so 0.1 h is 6 minutes and not 6.000000000000001.
  return Math.round(amount * UNIT_MINUTES[values.unit] * 1000) / 1000;
}

export function targetsOf(values: PolicyFormValues): Record<Priority, SlaPriorityTargets> {
  return Object.fromEntries(
    PRIORITIES.map((priority) => [
      priority,
      Object.fromEntries(
        SLA_TARGET_KINDS.map((kind) => {
          const target = values.targets[priority][kind];
          return [kind, { minutes: minutesOf(target), businessHours: target.businessHours }];
        }),
      ),
    ]),
  ) as Record<Priority, SlaPriorityTargets>;
}

export function policyInputOf(values: PolicyFormValues, inboxId: string) {
  return {
    inboxId,
    calendarId: values.calendarId,
    targets: targetsOf(values),
    rolloutNote: values.rolloutNote,
  };
}

/** Where the form shows an error: a target's minutes on its amount input. */
export function policyFormPathOf(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'targets' && parts.length >= 3) return `targets.${parts[1]}.${parts[2]}.amount`;
  return parts.join('.');
}

export function validatePolicyForm(values: PolicyFormValues, inboxId: string): FormErrors {
  const errors: FormErrors = {};
  const parsed = saveSlaPolicyInputSchema.safeParse(policyInputOf(values, inboxId));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors[policyFormPathOf(issue.path)] ??=
        issue.code === 'invalid_type' && issue.expected === 'number'
          ? 'Enter a number'
          : issue.message;
    }
  }
  return errors;
}

/** The warnings for the targets as they stand; none while a target is not valid yet. */
export function warningsOf(values: PolicyFormValues): SlaPolicyWarning[] {
  const parsed = slaTargetsByPrioritySchema.safeParse(targetsOf(values));
  return parsed.success ? slaPolicyWarnings(parsed.data) : [];
}

/** What Save sends, once the form is valid: an empty note left out. */
export function policySaveInputOf(values: PolicyFormValues, inboxId: string) {
  return saveSlaPolicyInputSchema.parse(policyInputOf(values, inboxId));
}
