import type { AgentTier } from '../people/roles.ts';
import { formatMoney, type Money } from '../shared/money.ts';
import type {
  AmountByCurrency,
  GiveLimit,
  ReasonCode,
  VersionedGuardrailPolicy,
} from './policy.ts';

/*
 * decide(action, context, policy): whether support may give this money back now, must ask
 * a lead or Finance, or may not — with reasons a person can read. Pure and deterministic:
 * the server decides again on what it stored, so the same inputs replay the same decision.
 */

export type GuardrailAction =
  | { kind: 'refund'; amount: Money; reasonCode: string; evidence: string[] }
  | { kind: 'gesture'; amount: Money; reasonCode: string; form: 'credit' | 'voucher' }
  | { kind: 'rebooking'; priceDifference: Money; reasonCode: string; platformCause: boolean }
  | { kind: 'driver_adjustment'; amount: Money; reason: string };

/** Each guarded action by name, as timelines and lists show it. */
export const GUARDRAIL_ACTION_LABELS: Record<GuardrailAction['kind'], string> = {
  refund: 'Refund',
  gesture: 'Goodwill gesture',
  rebooking: 'Rebooking',
  driver_adjustment: 'Driver adjustment',
};

/** An earlier money decision for the same customer, done or still awaiting approval. */
export interface PriorAction {
  kind: 'refund' | 'gesture' | 'rebooking';
  bookingReference: string;
  amount: Money;
  at: Date;
  status: 'done' | 'awaiting_approval';
}

export interface GuardrailContext {
  now: Date;
  agentTier: AgentTier;
  booking: { reference: string; paid: Money; scheduledAt: Date };
  /** The customer's earlier refunds, gestures and rebookings, on any booking. */
  history: readonly PriorAction[];
}

export type ApproverRole = 'lead' | 'finance';

export type GuardrailOutcome = 'allow' | 'approval_required' | 'deny';

export interface GuardrailDecision {
  outcome: GuardrailOutcome;
  /** Who must approve, when the outcome is approval_required. */
  approverRole?: ApproverRole;
  /** Why, in words an agent and an auditor read; the first is the deciding one. */
  reasons: string[];
  policyVersion: number;
  /** Driver earnings are not support's to decide: they go to this team as an escalation. */
  escalateTo?: 'finance_payouts';
}

/** The inputs cannot be decided as given (e.g. two currencies); `field` names the culprit. */
export class GuardrailInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'GuardrailInputError';
  }
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Two refunds of the same amount on the same booking within this are one refund asked twice. */
export const DUPLICATE_WINDOW_HOURS = 24;

const KIND_NAMES = { refund: 'Refunds', gesture: 'Goodwill gestures', rebooking: 'Rebookings' };

function money(amountMinor: number, currency: string): string {
  return formatMoney({ amountMinor, currency });
}

function sameCurrency(field: string, amount: Money, booking: Money): void {
  if (amount.currency !== booking.currency) {
    throw new GuardrailInputError(
      `${field}.currency`,
      `The booking was paid in ${booking.currency}; ${amount.currency} is not converted — give the amount in ${booking.currency}`,
    );
  }
}

function limitIn(limits: AmountByCurrency, currency: string, field: string): number {
  const limit = limits[currency];
  if (limit === undefined) {
    throw new GuardrailInputError(
      field,
      `The policy sets no limit in ${currency}; a lead adds one before support can decide`,
    );
  }
  return limit;
}

/** The smaller of the absolute cap and the share of the booking, in minor units. */
function giveLimit(limit: GiveLimit, paid: Money, field: string): number {
  const absolute = limitIn(limit.maxAmount, paid.currency, `${field}.maxAmount.${paid.currency}`);
  // Integer arithmetic: floor(paid × percent ÷ 100), never a float amount.
  const share = Math.floor((paid.amountMinor * limit.maxPercentOfBooking) / 100);
  return Math.min(absolute, share);
}

interface Finding {
  outcome: GuardrailOutcome;
  approverRole?: ApproverRole;
  reason: string;
}

const deny = (reason: string): Finding => ({ outcome: 'deny', reason });
const ask = (approverRole: ApproverRole, reason: string): Finding => ({
  outcome: 'approval_required',
  approverRole,
  reason,
});

/** The deciding finding first: any deny, else the highest approver, else allow. */
function conclude(
  findings: Finding[],
  allowedBecause: string,
  policyVersion: number,
): GuardrailDecision {
  const denied = findings.filter((finding) => finding.outcome === 'deny');
  if (denied.length > 0) {
    return { outcome: 'deny', reasons: denied.map((finding) => finding.reason), policyVersion };
  }
  const approvals = findings.filter((finding) => finding.outcome === 'approval_required');
  if (approvals.length > 0) {
    const finance = approvals.filter((finding) => finding.approverRole === 'finance');
    const ordered = [
      ...finance,
      ...approvals.filter((finding) => finding.approverRole !== 'finance'),
    ];
    return {
      outcome: 'approval_required',
      approverRole: finance.length > 0 ? 'finance' : 'lead',
      reasons: ordered.map((finding) => finding.reason),
      policyVersion,
    };
  }
  return { outcome: 'allow', reasons: [allowedBecause], policyVersion };
}

function reasonCheck(
  reasons: readonly ReasonCode[],
  code: string,
  evidence: readonly string[] | null,
): Finding | null {
  const reason = reasons.find((candidate) => candidate.code === code);
  if (!reason) {
    return deny(
      `${code || 'No reason'} is not a reason code of this policy; choose one of ${reasons.map((r) => r.code).join(', ')}`,
    );
  }
  const missing =
    evidence === null ? [] : reason.evidence.filter((kind) => !evidence.includes(kind));
  return missing.length > 0
    ? deny(`${reason.label} needs evidence: attach ${missing.join(', ')}`)
    : null;
}

/** Up to the tier: allowed; up to the lead's limit: a lead approves; beyond: Finance. */
function tierCheck(
  amountMinor: number,
  rules: { tiers: Record<AgentTier, GiveLimit>; approval: { lead: GiveLimit } },
  context: GuardrailContext,
  section: 'refund' | 'gesture' | 'rebooking',
  what: string,
): Finding | null {
  const { paid } = context.booking;
  const tierLimit = giveLimit(
    rules.tiers[context.agentTier],
    paid,
    `${section}.tiers.${context.agentTier}`,
  );
  if (amountMinor <= tierLimit) return null;
  const leadLimit = giveLimit(rules.approval.lead, paid, `${section}.approval.lead`);
  const asked = money(amountMinor, paid.currency);
  if (amountMinor <= leadLimit) {
    return ask(
      'lead',
      `${what} of ${asked} is above the ${context.agentTier} limit of ${money(tierLimit, paid.currency)} for this booking; a lead approves up to ${money(leadLimit, paid.currency)}`,
    );
  }
  return ask(
    'finance',
    `${what} of ${asked} is above what a lead may approve (${money(leadLimit, paid.currency)} for this booking); Finance approves`,
  );
}

function within(history: readonly PriorAction[], now: Date, days: number) {
  const since = now.getTime() - days * DAY_MS;
  return history.filter((prior) => prior.at.getTime() > since && prior.at <= now);
}

/** Refunds and gestures to this customer in the window, in the booking's currency. */
function customerCapCheck(
  amountMinor: number,
  context: GuardrailContext,
  policy: VersionedGuardrailPolicy,
): Finding | null {
  const { currency } = context.booking.paid;
  const cap = policy.refund.customerCap;
  const limit = limitIn(cap.maxAmount, currency, `refund.customerCap.maxAmount.${currency}`);
  const given = within(context.history, context.now, cap.days)
    .filter((prior) => prior.kind !== 'rebooking' && prior.amount.currency === currency)
    .reduce((sum, prior) => sum + prior.amount.amountMinor, 0);
  if (given + amountMinor <= limit) return null;
  return ask(
    'finance',
    `This customer has had ${money(given, currency)} in refunds and gestures in the last ${cap.days} days; with ${money(amountMinor, currency)} more it passes the cap of ${money(limit, currency)}`,
  );
}

function refundedOn(context: GuardrailContext): number {
  const { reference, paid } = context.booking;
  return context.history
    .filter((prior) => prior.kind === 'refund' && prior.bookingReference === reference)
    .reduce((sum, prior) => {
      sameCurrency('history.amount', prior.amount, paid);
      return sum + prior.amount.amountMinor;
    }, 0);
}

function positive(field: string, amount: Money): void {
  if (!Number.isSafeInteger(amount.amountMinor) || amount.amountMinor <= 0) {
    throw new GuardrailInputError(`${field}.amountMinor`, 'The amount must be more than zero');
  }
}

function decideRefund(
  action: Extract<GuardrailAction, { kind: 'refund' }>,
  context: GuardrailContext,
  policy: VersionedGuardrailPolicy,
): GuardrailDecision {
  const rules = policy.refund;
  positive('amount', action.amount);
  const { paid, reference } = context.booking;
  sameCurrency('amount', action.amount, paid);
  const amount = action.amount.amountMinor;
  const findings: Finding[] = [];
  const reason = reasonCheck(rules.reasons, action.reasonCode, action.evidence);
  if (reason) findings.push(reason);

  const refunded = refundedOn(context);
  const refundable = paid.amountMinor - refunded;
  if (amount > refundable) {
    findings.push(
      deny(
        refundable <= 0
          ? `Booking ${reference} is refunded in full already (${money(refunded, paid.currency)} of ${money(paid.amountMinor, paid.currency)})`
          : `At most ${money(refundable, paid.currency)} can still be refunded on ${reference}: paid ${money(paid.amountMinor, paid.currency)}, refunded ${money(refunded, paid.currency)}`,
      ),
    );
  }
  const since = context.now.getTime() - DUPLICATE_WINDOW_HOURS * HOUR_MS;
  const duplicate = context.history.find(
    (prior) =>
      prior.kind === 'refund' &&
      prior.bookingReference === reference &&
      prior.amount.amountMinor === amount &&
      prior.at.getTime() > since,
  );
  if (duplicate) {
    findings.push(
      deny(
        `A refund of ${money(amount, paid.currency)} on ${reference} was ${duplicate.status === 'done' ? 'made' : 'requested'} at ${duplicate.at.toISOString()}; this looks like the same refund twice`,
      ),
    );
  }
  const tier = tierCheck(amount, rules, context, 'refund', 'A refund');
  if (tier) findings.push(tier);
  const cap = customerCapCheck(amount, context, policy);
  if (cap) findings.push(cap);
  return conclude(
    findings,
    `Within the ${context.agentTier} refund limit for this booking`,
    policy.version,
  );
}

function decideGesture(
  action: Extract<GuardrailAction, { kind: 'gesture' }>,
  context: GuardrailContext,
  policy: VersionedGuardrailPolicy,
): GuardrailDecision {
  const rules = policy.gesture;
  positive('amount', action.amount);
  const { paid, reference } = context.booking;
  sameCurrency('amount', action.amount, paid);
  const amount = action.amount.amountMinor;
  const findings: Finding[] = [];
  const reason = reasonCheck(rules.reasons, action.reasonCode, null);
  if (reason) findings.push(reason);
  if (!rules.combinableWithFullRefund && refundedOn(context) >= paid.amountMinor) {
    findings.push(
      deny(
        `Booking ${reference} is refunded in full; a gesture is not combined with a full refund`,
      ),
    );
  }
  const recent = within(context.history, context.now, rules.frequency.days).filter(
    (prior) => prior.kind === 'gesture',
  );
  if (recent.length >= rules.frequency.maxCount) {
    findings.push(
      ask(
        'lead',
        `This customer has had ${recent.length} gesture${recent.length === 1 ? '' : 's'} in the last ${rules.frequency.days} days (the policy allows ${rules.frequency.maxCount}); a lead decides on another`,
      ),
    );
  }
  const tier = tierCheck(amount, rules, context, 'gesture', `A ${action.form}`);
  if (tier) findings.push(tier);
  const cap = customerCapCheck(amount, context, policy);
  if (cap) findings.push(cap);
  return conclude(
    findings,
    `Within the ${context.agentTier} gesture limit for this booking`,
    policy.version,
  );
}

function decideRebooking(
  action: Extract<GuardrailAction, { kind: 'rebooking' }>,
  context: GuardrailContext,
  policy: VersionedGuardrailPolicy,
): GuardrailDecision {
  const rules = policy.rebooking;
  const { paid, scheduledAt } = context.booking;
  sameCurrency('priceDifference', action.priceDifference, paid);
  const findings: Finding[] = [];
  const reason = reasonCheck(rules.reasons, action.reasonCode, null);
  if (reason) findings.push(reason);
  if (!action.platformCause) {
    findings.push(deny('A rebooking at our cost is only for causes on the platform’s side'));
  }
  const closes = scheduledAt.getTime() + rules.windowHours * HOUR_MS;
  if (context.now.getTime() > closes) {
    findings.push(
      deny(
        `Rebookings close ${rules.windowHours} hours after the booked pickup (${new Date(closes).toISOString()})`,
      ),
    );
  }
  const difference = action.priceDifference.amountMinor;
  if (difference > 0) {
    const tier = tierCheck(difference, rules, context, 'rebooking', 'A price difference');
    if (tier) findings.push(tier);
  }
  return conclude(
    findings,
    difference > 0
      ? `The price difference is within the ${context.agentTier} rebooking limit`
      : 'The new trip costs no more than the booked one',
    policy.version,
  );
}

export function decide(
  action: GuardrailAction,
  context: GuardrailContext,
  policy: VersionedGuardrailPolicy,
): GuardrailDecision {
  if (action.kind !== 'driver_adjustment' && !policy[action.kind].enabled) {
    return {
      outcome: 'deny',
      reasons: [`${KIND_NAMES[action.kind]} are not offered for this request type`],
      policyVersion: policy.version,
    };
  }
  switch (action.kind) {
    case 'refund':
      return decideRefund(action, context, policy);
    case 'gesture':
      return decideGesture(action, context, policy);
    case 'rebooking':
      return decideRebooking(action, context, policy);
    case 'driver_adjustment':
      return {
        outcome: 'deny',
        reasons: [
          'Driver earnings and fines are not decided by support: escalate to Finance & Payouts',
        ],
        policyVersion: policy.version,
        escalateTo: 'finance_payouts',
      };
  }
}
