import {
  formatMoney,
  GUARDRAIL_ACTION_LABELS,
  type GuardrailAction,
  type GuardrailDecision,
  guardrailActionSchema,
} from '@switchboard/domain';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import type { RouterInputs } from '@switchboard/ui/trpc';
import { toMinorUnits } from './money-input.ts';

/** An action as sent to `guardrails.propose` (evidence may be left out). */
export type ProposedAction = RouterInputs['guardrails']['propose']['action'];
export type ActionKind = GuardrailAction['kind'];

export const ACTION_KINDS = Object.entries(GUARDRAIL_ACTION_LABELS).map(([value, label]) => ({
  value: value as ActionKind,
  label,
}));

/** Evidence agents attach most often; any other lower_snake_case kind can be typed. */
export const COMMON_EVIDENCE = [
  'gps_trace',
  'receipt_photo',
  'payment_reference',
  'trip_log',
  'driver_statement',
  'customer_photo',
];

/** What the agent has typed: the amount in major units as NumberInput gives it. */
export interface ActionFormValues {
  kind: ActionKind;
  amount: string | number;
  reasonCode: string;
  evidence: string[];
  form: 'credit' | 'voucher';
  platformCause: boolean;
  /** What a driver adjustment is for. */
  adjustmentReason: string;
  note: string;
}

export function initialActionValues(reasonCode: string | null): ActionFormValues {
  return {
    kind: 'refund',
    amount: '',
    reasonCode: reasonCode ?? '',
    evidence: [],
    form: 'credit',
    platformCause: false,
    adjustmentReason: '',
    note: '',
  };
}

/** Policy reason codes are UPPER_SNAKE_CASE; "late pickup" means LATE_PICKUP. */
export function normaliseReasonCode(typed: string): string {
  return typed
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
}

/** Evidence kinds are lower_snake_case: "GPS trace" is gps_trace. Duplicates go. */
export function normaliseEvidence(kinds: readonly string[]): string[] {
  const normalised = kinds
    .map((kind) =>
      kind
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
    )
    .filter((kind) => kind.length > 0);
  return [...new Set(normalised)];
}

/**
 * The action the values describe, checked with the schema the server checks, or null while
 * it is incomplete (no amount, no reason): then nothing is asked of the server yet.
 */
export function buildAction(values: ActionFormValues, currency: string): GuardrailAction | null {
  const amountMinor = toMinorUnits(values.amount, currency);
  if (amountMinor === null) return null;
  const amount = { amountMinor, currency };
  const reasonCode = normaliseReasonCode(values.reasonCode);
  const candidate =
    values.kind === 'refund'
      ? { kind: 'refund', amount, reasonCode, evidence: normaliseEvidence(values.evidence) }
      : values.kind === 'gesture'
        ? { kind: 'gesture', amount, reasonCode, form: values.form }
        : values.kind === 'rebooking'
          ? {
              kind: 'rebooking',
              priceDifference: amount,
              reasonCode,
              platformCause: values.platformCause,
            }
          : { kind: 'driver_adjustment', amount, reason: values.adjustmentReason.trim() };
  const parsed = guardrailActionSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

export type ActionField =
  | 'amount'
  | 'reasonCode'
  | 'evidence'
  | 'form'
  | 'platformCause'
  | 'adjustmentReason'
  | 'note';

/** Where each field of the request shows its refusal in the panel. */
const FIELD_OF_PATH: [prefix: string, field: ActionField][] = [
  ['action.amount', 'amount'],
  ['action.priceDifference', 'amount'],
  ['action.reasonCode', 'reasonCode'],
  ['action.evidence', 'evidence'],
  ['action.form', 'form'],
  ['action.platformCause', 'platformCause'],
  ['action.reason', 'adjustmentReason'],
  ['note', 'note'],
];

function fieldOf(path: string): ActionField | null {
  const found = FIELD_OF_PATH.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`));
  return found ? found[1] : null;
}

export interface PlacedErrors {
  fields: Partial<Record<ActionField, string>>;
  /** Refusals that name no field of the panel (e.g. the conversation has no request type). */
  other: string[];
}

/** A refused call's per-field messages, on the panel's fields; the rest for above the button. */
export function placeServerErrors(error: unknown): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, other: [] };
  for (const [path, message] of Object.entries(serverFieldErrors(error))) {
    // A refusal arrives as "action.amount.currency: The booking was paid in EUR…"; on its
    // own field the path is noise.
    const text = message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
    const field = fieldOf(path);
    if (field) placed.fields[field] ??= text;
    else placed.other.push(text);
  }
  return placed;
}

/**
 * Reason codes the policy accepts, as its refusal lists them ("X is not a reason code of this
 * policy; choose one of A, B"): agents cannot read the policy, so the refusal teaches it.
 */
export function reasonCodesNamedIn(reasons: readonly string[]): string[] {
  return reasons.flatMap((reason) => {
    const listed = /is not a reason code of this policy; choose one of (.+)$/.exec(reason)?.[1];
    return listed ? listed.split(',').map((code) => code.trim()) : [];
  });
}

/** Evidence kinds a refusal asks for ("Driver did not show up needs evidence: attach gps_trace"). */
export function evidenceNamedIn(reasons: readonly string[]): string[] {
  return reasons.flatMap((reason) => {
    const listed = /needs evidence: attach (.+)$/.exec(reason)?.[1];
    return listed ? listed.split(',').map((kind) => kind.trim()) : [];
  });
}

function actionMoney(action: ProposedAction): string {
  const amount = action.kind === 'rebooking' ? action.priceDifference : action.amount;
  return formatMoney(amount);
}

/** What the submit button does: "Refund €12.50", "Ask a lead to approve". */
export function submitLabel(
  kind: ActionKind,
  action: GuardrailAction | null,
  decision: GuardrailDecision | null,
): string {
  if (kind === 'driver_adjustment') return 'Escalate to Finance & Payouts';
  if (decision?.outcome === 'approval_required') {
    return decision.approverRole === 'finance' ? 'Ask Finance to approve' : 'Ask a lead to approve';
  }
  if (!action) return ACTION_KINDS.find((candidate) => candidate.value === kind)?.label ?? 'Act';
  switch (action.kind) {
    case 'refund':
      return `Refund ${actionMoney(action)}`;
    case 'gesture':
      return `Give a ${actionMoney(action)} ${action.form}`;
    case 'rebooking':
      return action.priceDifference.amountMinor > 0
        ? `Rebook, covering ${actionMoney(action)}`
        : 'Rebook';
    case 'driver_adjustment':
      return 'Escalate to Finance & Payouts';
  }
}

/** The notification after the server recorded the action. */
export function recordedMessage(action: ProposedAction, decision: GuardrailDecision): string {
  if (decision.outcome === 'approval_required') {
    return decision.approverRole === 'finance'
      ? 'Sent to Finance for approval'
      : 'Sent to a lead for approval';
  }
  switch (action.kind) {
    case 'refund':
      return `Refund of ${actionMoney(action)} recorded`;
    case 'gesture':
      return `Goodwill ${action.form} of ${actionMoney(action)} recorded`;
    case 'rebooking':
      return action.priceDifference.amountMinor > 0
        ? `Rebooking recorded, covering ${actionMoney(action)}`
        : 'Rebooking recorded';
    case 'driver_adjustment':
      return 'Driver adjustment recorded';
  }
}
