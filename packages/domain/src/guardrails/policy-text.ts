import { describeChange } from '../changes/diff.ts';
import { AGENT_TIERS } from '../people/roles.ts';
import { formatMoney } from '../shared/money.ts';
import type { AmountByCurrency, GiveLimit, GuardrailPolicy, ReasonCode } from './policy.ts';

/*
 * A policy as lines a lead reads — "Refund · L1: €50.00 / AED 200.00, up to 50% of the
 * booking" — for the change history's diff and the console's summary.
 */

function amounts(limits: AmountByCurrency): string {
  return Object.entries(limits)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amountMinor]) => formatMoney({ amountMinor, currency }))
    .join(' / ');
}

function limitText(limit: GiveLimit): string {
  return `${amounts(limit.maxAmount)}, up to ${limit.maxPercentOfBooking}% of the booking`;
}

function reasonText(reason: ReasonCode): string {
  return reason.evidence.length > 0
    ? `${reason.code} (needs ${reason.evidence.join(', ')})`
    : reason.code;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The policy flattened to one readable value per setting, keyed by its label. */
export function guardrailPolicySummary(policy: GuardrailPolicy): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  const sections = [
    ['Refund', policy.refund],
    ['Gesture', policy.gesture],
    ['Rebooking', policy.rebooking],
  ] as const;
  for (const [name, rules] of sections) {
    summary[`${name} · offered`] = yesNo(rules.enabled);
    summary[`${name} · reasons`] = rules.reasons.map(reasonText);
    for (const tier of AGENT_TIERS) summary[`${name} · ${tier}`] = limitText(rules.tiers[tier]);
    summary[`${name} · a lead approves`] = limitText(rules.approval.lead);
  }
  summary['Refund · customer cap'] =
    `${amounts(policy.refund.customerCap.maxAmount)} in ${policy.refund.customerCap.days} days`;
  summary['Gesture · frequency'] =
    `${policy.gesture.frequency.maxCount} in ${policy.gesture.frequency.days} days`;
  summary['Gesture · with a full refund'] = yesNo(policy.gesture.combinableWithFullRefund);
  summary['Rebooking · window'] = `${policy.rebooking.windowHours} h after pickup`;
  return summary;
}

/** The change history's lines for a policy edit (or its creation when `before` is null). */
export function describeGuardrailPolicyChange(
  before: GuardrailPolicy | null,
  after: GuardrailPolicy,
): string[] {
  const next = guardrailPolicySummary(after);
  const labels = Object.fromEntries(Object.keys(next).map((key) => [key, { label: key }]));
  const lines = describeChange(before ? guardrailPolicySummary(before) : null, next, labels);
  return lines.length > 0 ? lines : ['No visible change'];
}
