import type { FormErrors } from '@mantine/form';
import {
  type Channel,
  majorUnitsText,
  parseMajorAmount,
  type SaveStaffingPlanInput,
  type StaffingPlanSettings,
  saveStaffingPlanInputSchema,
} from '@switchboard/domain';

/*
 * The plan form shows shares as percentages (80 %) and the rate in major units ("18.50"),
 * while the schema stores 0.8 and 1850 minor units. Field names are the schema's, so a
 * refusal from the server lands on the same field as the form's own check; only the rate
 * is typed as text (`hourlyRate`) and checked as `hourlyRateMinor`.
 */

type NumberField = number | string;

export interface PlanFormValues {
  /** Percent, 0–100. */
  serviceLevelTarget: NumberField;
  answerTargetSeconds: NumberField;
  /** Percent, 0–100. */
  shrinkage: NumberField;
  channelHandling: Partial<Record<Channel, { ahtSeconds: NumberField; concurrency: NumberField }>>;
  /** Major units, e.g. "18.50". */
  hourlyRate: string;
  currency: string;
}

/** 0.7 × 100 is 70.00000000000001 in floating point: shares round to 0.01 %. */
function toPercent(share: number): number {
  return Math.round(share * 10_000) / 100;
}

function fromPercent(value: NumberField): number {
  return typeof value === 'number' ? value / 100 : Number.NaN;
}

function numberOf(value: NumberField): number {
  return typeof value === 'number' ? value : Number.NaN;
}

export function planFormValues(
  settings: StaffingPlanSettings,
  channels: readonly Channel[],
): PlanFormValues {
  const handling: PlanFormValues['channelHandling'] = {};
  // Every channel the inbox takes, and any the plan still sets.
  for (const channel of new Set([
    ...channels,
    ...(Object.keys(settings.channelHandling) as Channel[]),
  ])) {
    const set = settings.channelHandling[channel];
    handling[channel] = set ? { ...set } : { ahtSeconds: '', concurrency: 1 };
  }
  return {
    serviceLevelTarget: toPercent(settings.serviceLevelTarget),
    answerTargetSeconds: settings.answerTargetSeconds,
    shrinkage: toPercent(settings.shrinkage),
    channelHandling: handling,
    hourlyRate: majorUnitsText(settings.hourlyRateMinor, settings.currency),
    currency: settings.currency,
  };
}

type Converted = { ok: true; input: SaveStaffingPlanInput } | { ok: false; errors: FormErrors };

/** The form's values as the savePlan input, or the errors per form field. */
export function planInputOf(inboxId: string, values: PlanFormValues): Converted {
  const errors: FormErrors = {};
  const currency = values.currency.trim().toUpperCase();
  const rate = parseMajorAmount(values.hourlyRate.replace(/[\s,_]/g, ''), currency || 'EUR');
  if (!rate.ok) errors.hourlyRate = rate.message;
  const handling: Record<string, { ahtSeconds: number; concurrency: number }> = {};
  for (const [channel, entry] of Object.entries(values.channelHandling)) {
    // A channel left blank is not planned: its contacts use the default handle time.
    if (!entry || entry.ahtSeconds === '') continue;
    handling[channel] = {
      ahtSeconds: numberOf(entry.ahtSeconds),
      concurrency: numberOf(entry.concurrency),
    };
  }
  const candidate = {
    inboxId,
    serviceLevelTarget: fromPercent(values.serviceLevelTarget),
    answerTargetSeconds: numberOf(values.answerTargetSeconds),
    shrinkage: fromPercent(values.shrinkage),
    channelHandling: handling,
    hourlyRateMinor: rate.ok ? rate.amountMinor : 0,
    currency,
  };
  const parsed = saveStaffingPlanInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const field = path === 'hourlyRateMinor' ? 'hourlyRate' : path;
      errors[field] ??= percentMessage(path, issue.message);
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

/** The schema speaks of shares; the form of percentages. */
function percentMessage(path: string, message: string): string {
  if (path !== 'serviceLevelTarget' && path !== 'shrinkage') return message;
  return message.includes('%') ? message : `${message} (a percentage)`;
}

/** For @mantine/form's `validate`. */
export function validatePlanForm(inboxId: string) {
  return (values: PlanFormValues): FormErrors => {
    const result = planInputOf(inboxId, values);
    return result.ok ? {} : result.errors;
  };
}

/** A server refusal's field, on the form's field of that name. */
export function planFormField(path: string): string {
  return path === 'hourlyRateMinor' ? 'hourlyRate' : path;
}
