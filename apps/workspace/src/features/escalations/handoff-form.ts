import {
  type HandoffField,
  type HandoffFields,
  majorUnitsText,
  parseMajorAmount,
  type Severity,
} from '@switchboard/domain';

/** What the handoff form holds while the agent types: text everywhere, one entry per line. */
export interface HandoffFormValues {
  teamKind: string | null;
  severity: Severity;
  summary: string;
  bookingReference: string;
  amount: string;
  currency: string;
  evidence: string;
  stepsTried: string;
  occurredAt: string;
  payoutPeriod: string;
  deviceDetails: string;
  location: string;
}

export interface HandoffPrefill {
  teamKind?: string | null;
  severity?: Severity;
  summary?: string;
  booking?: { reference: string; currency: string } | null;
  amountMinor?: number | null;
  fields?: HandoffFields;
}

/** A local date-time input's value ("2026-11-20T14:30") for an ISO instant, in this browser's zone. */
function localInputValue(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function initialHandoffValues(prefill: HandoffPrefill = {}): HandoffFormValues {
  const fields = prefill.fields ?? {};
  const currency = fields.amount?.currency ?? prefill.booking?.currency ?? 'EUR';
  const amountMinor = fields.amount?.amountMinor ?? prefill.amountMinor ?? null;
  return {
    teamKind: prefill.teamKind ?? null,
    severity: prefill.severity ?? 'sev3',
    summary: prefill.summary ?? '',
    bookingReference: fields.booking_reference ?? prefill.booking?.reference ?? '',
    amount: amountMinor === null ? '' : majorUnitsText(amountMinor, currency),
    currency,
    evidence: (fields.evidence ?? []).join('\n'),
    stepsTried: fields.steps_tried ?? '',
    occurredAt: fields.occurred_at ? localInputValue(fields.occurred_at) : '',
    payoutPeriod: fields.payout_period ?? '',
    deviceDetails: fields.device_details ?? '',
    location: fields.location ?? '',
  };
}

export interface BuiltHandoff {
  fields: HandoffFields;
  /** Problems the form can name before asking the server, keyed `fields.<field>`. */
  errors: Record<string, string>;
}

/**
 * The handoff fields to send: the ones the team requires, plus any other the agent filled in.
 * Empty optional ones are left out; an amount that is not money is named, not guessed.
 */
export function buildHandoffFields(
  values: HandoffFormValues,
  shown: readonly HandoffField[],
): BuiltHandoff {
  const fields: HandoffFields = {};
  const errors: Record<string, string> = {};
  const wanted = new Set(shown);
  const text = (value: string) => value.trim();
  if (wanted.has('booking_reference') && text(values.bookingReference)) {
    fields.booking_reference = text(values.bookingReference);
  }
  if (wanted.has('amount') && text(values.amount)) {
    const parsed = parseMajorAmount(values.amount.replace(/,/g, ''), values.currency);
    if (parsed.ok) fields.amount = { amountMinor: parsed.amountMinor, currency: values.currency };
    else errors['fields.amount'] = parsed.message;
  }
  if (wanted.has('evidence')) {
    const lines = values.evidence.split('\n').map(text).filter(Boolean);
    if (lines.length > 0) fields.evidence = lines;
  }
  if (wanted.has('steps_tried') && text(values.stepsTried))
    fields.steps_tried = text(values.stepsTried);
  if (wanted.has('occurred_at') && text(values.occurredAt)) {
    const when = new Date(values.occurredAt);
    if (Number.isNaN(when.getTime())) errors['fields.occurred_at'] = 'Pick a date and time';
    else fields.occurred_at = when.toISOString();
  }
  if (wanted.has('payout_period') && text(values.payoutPeriod)) {
    fields.payout_period = text(values.payoutPeriod).toUpperCase();
  }
  if (wanted.has('device_details') && text(values.deviceDetails)) {
    fields.device_details = text(values.deviceDetails);
  }
  if (wanted.has('location') && text(values.location)) fields.location = text(values.location);
  return { fields, errors };
}
