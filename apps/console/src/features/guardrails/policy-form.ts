import type { FormErrors } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import {
  AGENT_TIERS,
  type AgentTier,
  type AmountByCurrency,
  type Audience,
  type GiveLimit,
  type GuardrailPolicy,
  guardrailPolicySchema,
  noShowPolicy,
  type ReasonCode,
  rolloutNoteSchema,
} from '@switchboard/domain';
import { majorText, parseLimitAmount } from './money-entry.ts';

/*
 * The policy editor's form: the policy as a person edits it. Amounts are rows of a currency
 * and the major-unit text typed for it; numbers may be empty while typing. `policyOf` turns
 * it back into a GuardrailPolicy in exact minor units, and validation runs the very schema
 * the server enforces, with its errors moved onto the fields that show them.
 */

export const SECTIONS = ['refund', 'gesture', 'rebooking'] as const;
export type SectionKey = (typeof SECTIONS)[number];

export const SECTION_LABELS: Record<SectionKey, string> = {
  refund: 'Refund',
  gesture: 'Goodwill gesture',
  rebooking: 'Rebooking',
};

/** The currencies the demo cities pay in, offered first when adding an amount. */
export const CURRENCY_CHOICES = ['EUR', 'AED', 'MXN', 'GBP', 'USD'] as const;

export interface AmountRow {
  currency: string;
  /** Major units as typed, e.g. "50.00". */
  amount: string;
}

export interface LimitValues {
  maxAmount: AmountRow[];
  maxPercentOfBooking: number | string;
}

export interface ReasonValues {
  /** Only for React: reason rows are added, removed and edited in place. */
  key: string;
  code: string;
  label: string;
  evidence: string[];
}

interface RulesValues {
  enabled: boolean;
  reasons: ReasonValues[];
  tiers: Record<AgentTier, LimitValues>;
  approval: { lead: LimitValues };
}

export interface PolicyFormValues {
  requestTypeCode: string;
  audience: Audience;
  refund: RulesValues & { customerCap: { days: number | string; maxAmount: AmountRow[] } };
  gesture: RulesValues & {
    frequency: { days: number | string; maxCount: number | string };
    combinableWithFullRefund: boolean;
  };
  rebooking: RulesValues & { windowHours: number | string };
  rolloutNote: string;
}

/** A new policy starts from the worked example, for the chosen request type and audience. */
export function startingPolicy(requestTypeCode: string, audience: Audience): GuardrailPolicy {
  const { version: _version, ...example } = structuredClone(noShowPolicy);
  return { ...example, requestTypeCode, audience };
}

function amountRows(amounts: AmountByCurrency): AmountRow[] {
  return Object.entries(amounts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amountMinor]) => ({ currency, amount: majorText(amountMinor, currency) }));
}

function limitValues(limit: GiveLimit): LimitValues {
  return {
    maxAmount: amountRows(limit.maxAmount),
    maxPercentOfBooking: limit.maxPercentOfBooking,
  };
}

export function newReason(): ReasonValues {
  return { key: randomId(), code: '', label: '', evidence: [] };
}

function reasonValues(reasons: readonly ReasonCode[]): ReasonValues[] {
  return reasons.map((reason) => ({ ...newReason(), ...reason, evidence: [...reason.evidence] }));
}

function rulesValues(rules: GuardrailPolicy[SectionKey]): RulesValues {
  return {
    enabled: rules.enabled,
    reasons: reasonValues(rules.reasons),
    tiers: Object.fromEntries(
      AGENT_TIERS.map((tier) => [tier, limitValues(rules.tiers[tier])]),
    ) as Record<AgentTier, LimitValues>,
    approval: { lead: limitValues(rules.approval.lead) },
  };
}

export function formValuesOf(policy: GuardrailPolicy): PolicyFormValues {
  return {
    requestTypeCode: policy.requestTypeCode,
    audience: policy.audience,
    refund: {
      ...rulesValues(policy.refund),
      customerCap: {
        days: policy.refund.customerCap.days,
        maxAmount: amountRows(policy.refund.customerCap.maxAmount),
      },
    },
    gesture: {
      ...rulesValues(policy.gesture),
      frequency: { ...policy.gesture.frequency },
      combinableWithFullRefund: policy.gesture.combinableWithFullRefund,
    },
    rebooking: { ...rulesValues(policy.rebooking), windowHours: policy.rebooking.windowHours },
    rolloutNote: '',
  };
}

/** An input's number; an empty input is NaN, which the schema refuses as "not a number". */
function numberOf(value: number | string): number {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? Number.NaN : Number(value);
}

/**
 * The policy the form describes, in exact minor units, with the amounts that could not be
 * read as such (keyed by their form path). Unreadable amounts become NaN, so the policy is
 * invalid until they are fixed.
 */
export function policyOf(values: PolicyFormValues): {
  policy: GuardrailPolicy;
  errors: FormErrors;
} {
  const errors: FormErrors = {};
  const amounts = (rows: AmountRow[], path: string): AmountByCurrency =>
    Object.fromEntries(
      rows.map((row, index) => {
        const parsed = parseLimitAmount(row.amount, row.currency);
        if (parsed.ok) return [row.currency, parsed.amountMinor];
        errors[`${path}.${index}.amount`] = parsed.message;
        return [row.currency, Number.NaN];
      }),
    );
  const limit = (value: LimitValues, path: string): GiveLimit => ({
    maxAmount: amounts(value.maxAmount, `${path}.maxAmount`),
    maxPercentOfBooking: numberOf(value.maxPercentOfBooking),
  });
  const rules = (section: SectionKey) => {
    const value = values[section];
    return {
      enabled: value.enabled,
      reasons: value.reasons.map(({ code, label, evidence }) => ({
        code: code.trim(),
        label,
        evidence,
      })),
      tiers: Object.fromEntries(
        AGENT_TIERS.map((tier) => [tier, limit(value.tiers[tier], `${section}.tiers.${tier}`)]),
      ) as Record<AgentTier, GiveLimit>,
      approval: { lead: limit(value.approval.lead, `${section}.approval.lead`) },
    };
  };
  const policy: GuardrailPolicy = {
    requestTypeCode: values.requestTypeCode,
    audience: values.audience,
    refund: {
      ...rules('refund'),
      customerCap: {
        days: numberOf(values.refund.customerCap.days),
        maxAmount: amounts(values.refund.customerCap.maxAmount, 'refund.customerCap.maxAmount'),
      },
    },
    gesture: {
      ...rules('gesture'),
      frequency: {
        days: numberOf(values.gesture.frequency.days),
        maxCount: numberOf(values.gesture.frequency.maxCount),
      },
      combinableWithFullRefund: values.gesture.combinableWithFullRefund,
    },
    rebooking: { ...rules('rebooking'), windowHours: numberOf(values.rebooking.windowHours) },
  };
  return { policy, errors };
}

function valueAt(values: unknown, path: readonly string[]): unknown {
  let current = values;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * Where the form shows an error the schema (or the server) gives for a policy path: an
 * amount's currency key becomes its row (`refund.tiers.L1.maxAmount.EUR` →
 * `refund.tiers.L1.maxAmount.0.amount`), an evidence kind its reason's evidence input.
 * The server's `policy.` prefix is dropped.
 */
export function formPathOf(path: readonly PropertyKey[], values: PolicyFormValues): string {
  const parts = path.map(String);
  if (parts[0] === 'policy') parts.shift();
  const amountAt = parts.indexOf('maxAmount');
  if (amountAt >= 0 && parts.length > amountAt + 1) {
    const tablePath = parts.slice(0, amountAt + 1);
    const rows = valueAt(values, tablePath);
    const index = Array.isArray(rows)
      ? (rows as AmountRow[]).findIndex((row) => row.currency === parts[amountAt + 1])
      : -1;
    return index >= 0 ? `${tablePath.join('.')}.${index}.amount` : tablePath.join('.');
  }
  const evidenceAt = parts.indexOf('evidence');
  if (evidenceAt >= 0) return parts.slice(0, evidenceAt + 1).join('.');
  return parts.join('.');
}

/** Paths the editor shows on a field; a refusal naming anything else is shown above Save. */
export function isShownPath(path: string): boolean {
  return /^(requestTypeCode|audience|refund|gesture|rebooking|rolloutNote)(\.|$)/.test(path);
}

/** The form's errors: unreadable amounts, the policy schema's, and repeated reason codes. */
export function validatePolicyForm(values: PolicyFormValues): FormErrors {
  const { policy, errors } = policyOf(values);
  const parsed = guardrailPolicySchema.safeParse(policy);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formPathOf(issue.path, values);
      errors[path] ??=
        issue.code === 'invalid_type' && issue.expected === 'number'
          ? 'Enter a whole number'
          : issue.message;
    }
  }
  for (const section of SECTIONS) {
    const seen = new Set<string>();
    values[section].reasons.forEach((reason, index) => {
      const code = reason.code.trim();
      if (code && seen.has(code)) errors[`${section}.reasons.${index}.code`] ??= 'Listed already';
      seen.add(code);
    });
  }
  const note = rolloutNoteSchema.safeParse(values.rolloutNote);
  if (!note.success) errors.rolloutNote = note.error.issues[0]?.message ?? 'Too long';
  return errors;
}

/** What Save sends, once the form is valid: labels trimmed, an empty note left out. */
export function saveInputOf(values: PolicyFormValues) {
  return {
    policy: guardrailPolicySchema.parse(policyOf(values).policy),
    rolloutNote: rolloutNoteSchema.parse(values.rolloutNote),
  };
}
