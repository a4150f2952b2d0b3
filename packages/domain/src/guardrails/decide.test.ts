import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decide,
  type GuardrailAction,
  type GuardrailDecision,
  GuardrailInputError,
} from './decide.ts';
import { context, DAY, HOUR, NOW, noShowPolicy as policy, prior } from './fixtures.ts';
import { guardrailPolicySchema } from './policy.ts';
import { describeGuardrailPolicyChange } from './policy-text.ts';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

function refund(
  amountMinor: number,
  overrides: Partial<GuardrailAction & { kind: 'refund' }> = {},
) {
  return {
    kind: 'refund' as const,
    amount: eur(amountMinor),
    reasonCode: 'DRIVER_NO_SHOW',
    evidence: ['gps_trace'],
    ...overrides,
  };
}

function gesture(amountMinor: number) {
  return {
    kind: 'gesture' as const,
    amount: eur(amountMinor),
    reasonCode: 'LATE_PICKUP',
    form: 'voucher' as const,
  };
}

function rebooking(amountMinor: number, platformCause = true) {
  return {
    kind: 'rebooking' as const,
    priceDifference: eur(amountMinor),
    reasonCode: 'DRIVER_NO_SHOW',
    platformCause,
  };
}

const verdict = (decision: GuardrailDecision) => [decision.outcome, decision.approverRole];

function inputError(run: () => unknown): GuardrailInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof GuardrailInputError) return error;
    throw error;
  }
  throw new Error('expected a GuardrailInputError');
}

describe('the policy schema', () => {
  it('accepts the fixture and names what is wrong in a bad one', () => {
    const { version: _version, ...stored } = policy;
    expect(guardrailPolicySchema.parse(stored)).toEqual(stored);
    const bad = guardrailPolicySchema.safeParse({
      ...stored,
      refund: {
        ...stored.refund,
        tiers: {
          ...stored.refund.tiers,
          L1: { maxAmount: { EUR: 50.5 }, maxPercentOfBooking: 120 },
        },
      },
    });
    expect(bad.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['refund.tiers.L1.maxAmount.EUR', 'Whole minor units'],
      ['refund.tiers.L1.maxPercentOfBooking', 'At most 100% of the booking'],
    ]);
  });
});

describe('refunds', () => {
  // L1 on a €200 booking: min(€50, 50% of €200) = €50; a lead up to min(€300, 100%) = €200.
  it('allows at the tier limit and asks a lead one minor unit over', () => {
    expect(verdict(decide(refund(5_000), context(), policy))).toEqual(['allow', undefined]);
    const over = decide(refund(5_001), context(), policy);
    expect(verdict(over)).toEqual(['approval_required', 'lead']);
    expect(over.reasons[0]).toBe(
      'A refund of €50.01 is above the L1 limit of €50.00 for this booking; a lead approves up to €200.00',
    );
    expect(over.policyVersion).toBe(7);
  });

  it('takes the share of the booking when it is lower, rounding down', () => {
    const small = context({ booking: { ...context().booking, paid: eur(999) } });
    expect(verdict(decide(refund(499), small, policy))).toEqual(['allow', undefined]);
    expect(verdict(decide(refund(500), small, policy))).toEqual(['approval_required', 'lead']);
  });

  it('asks Finance beyond what a lead may approve', () => {
    const big = context({ booking: { ...context().booking, paid: eur(40_000) } });
    expect(verdict(decide(refund(30_000), big, policy))).toEqual(['approval_required', 'lead']);
    const finance = decide(refund(30_001), big, policy);
    expect(verdict(finance)).toEqual(['approval_required', 'finance']);
    expect(finance.reasons[0]).toMatch(
      /above what a lead may approve \(€300\.00 for this booking\); Finance approves/,
    );
  });

  it('gives an L2 agent more room than an L1 agent', () => {
    expect(verdict(decide(refund(15_000), context({ agentTier: 'L2' }), policy))).toEqual([
      'allow',
      undefined,
    ]);
    expect(verdict(decide(refund(15_001), context({ agentTier: 'L2' }), policy))).toEqual([
      'approval_required',
      'lead',
    ]);
    expect(verdict(decide(refund(15_000), context(), policy))).toEqual([
      'approval_required',
      'lead',
    ]);
  });

  it('never refunds more than was paid minus earlier refunds, pending ones included', () => {
    const earlier = context({
      agentTier: 'L2',
      history: [
        prior('refund', 10_000, 3 * DAY),
        prior('refund', 5_000, 2 * DAY, { status: 'awaiting_approval' }),
      ],
    });
    expect(verdict(decide(refund(5_000), earlier, policy))).toEqual(['allow', undefined]);
    const over = decide(refund(5_001), earlier, policy);
    expect(verdict(over)).toEqual(['deny', undefined]);
    expect(over.reasons).toEqual([
      'At most €50.00 can still be refunded on LIS-7K3QF2: paid €200.00, refunded €150.00',
    ]);
    const full = context({ history: [prior('refund', 20_000, 3 * DAY)] });
    expect(decide(refund(1), full, policy).reasons[0]).toBe(
      'Booking LIS-7K3QF2 is refunded in full already (€200.00 of €200.00)',
    );
  });

  it('refuses the same refund asked twice within a day, not an equal one after', () => {
    const twice = decide(
      refund(3_000),
      context({ history: [prior('refund', 3_000, 23 * HOUR)] }),
      policy,
    );
    expect(verdict(twice)).toEqual(['deny', undefined]);
    expect(twice.reasons[0]).toMatch(/looks like the same refund twice/);
    expect(
      verdict(
        decide(refund(3_000), context({ history: [prior('refund', 3_000, 25 * HOUR)] }), policy),
      ),
    ).toEqual(['allow', undefined]);
    // Another booking's refund of the same amount is not a duplicate.
    const elsewhere = prior('refund', 3_000, HOUR, { bookingReference: 'LIS-OTHER1' });
    expect(verdict(decide(refund(3_000), context({ history: [elsewhere] }), policy))).toEqual([
      'allow',
      undefined,
    ]);
  });

  it('sends Finance what passes the customer’s rolling 30-day cap, counting gestures too', () => {
    const elsewhere = { bookingReference: 'LIS-OTHER1' };
    const history = [
      prior('refund', 40_000, 10 * DAY, elsewhere),
      prior('gesture', 8_000, 29 * DAY, elsewhere),
      // Exactly 30 days ago: out of the window.
      prior('refund', 9_000, 30 * DAY, elsewhere),
      // Another currency does not add up with euros.
      prior('refund', 9_000, DAY, {
        ...elsewhere,
        amount: { amountMinor: 9_000, currency: 'AED' },
      }),
    ];
    expect(verdict(decide(refund(2_000), context({ history }), policy))).toEqual([
      'allow',
      undefined,
    ]);
    const over = decide(refund(2_001), context({ history }), policy);
    expect(verdict(over)).toEqual(['approval_required', 'finance']);
    expect(over.reasons[0]).toBe(
      'This customer has had €480.00 in refunds and gestures in the last 30 days; with €20.01 more it passes the cap of €500.00',
    );
  });

  it('refuses an unknown reason code and a missing piece of evidence', () => {
    expect(decide(refund(1_000, { reasonCode: 'BECAUSE' }), context(), policy).reasons[0]).toBe(
      'BECAUSE is not a reason code of this policy; choose one of DRIVER_NO_SHOW, SERVICE_ISSUE',
    );
    expect(decide(refund(1_000, { evidence: [] }), context(), policy).reasons[0]).toBe(
      'Driver did not show up needs evidence: attach gps_trace',
    );
    expect(
      verdict(
        decide(refund(1_000, { reasonCode: 'SERVICE_ISSUE', evidence: [] }), context(), policy),
      ),
    ).toEqual(['allow', undefined]);
  });

  it('lets a refusal outrank an approval, and lists Finance before a lead', () => {
    const both = decide(refund(25_000, { evidence: [] }), context(), policy);
    expect(both.outcome).toBe('deny');
    expect(both.reasons).toHaveLength(2);
    const history = [prior('refund', 49_000, DAY, { bookingReference: 'LIS-OTHER1' })];
    const financeAndLead = decide(refund(6_000), context({ history }), policy);
    expect(financeAndLead.approverRole).toBe('finance');
    expect(financeAndLead.reasons.map((reason) => reason.slice(0, 17))).toEqual([
      'This customer has',
      'A refund of €60.0',
    ]);
  });

  it('treats another currency as an error, never a conversion, naming the field', () => {
    expect(
      inputError(() =>
        decide(
          { ...refund(1_000), amount: { amountMinor: 1_000, currency: 'AED' } },
          context(),
          policy,
        ),
      ).field,
    ).toBe('amount.currency');
    const mexico = context({
      booking: { ...context().booking, paid: { amountMinor: 50_000, currency: 'MXN' } },
    });
    const missing = inputError(() =>
      decide({ ...refund(1_000), amount: { amountMinor: 1_000, currency: 'MXN' } }, mexico, policy),
    );
    expect(missing.field).toBe('refund.tiers.L1.maxAmount.MXN');
    expect(missing.message).toMatch(/sets no limit in MXN/);
    expect(inputError(() => decide(refund(0), context(), policy)).field).toBe('amount.amountMinor');
    expect(inputError(() => decide(refund(-5), context(), policy)).field).toBe(
      'amount.amountMinor',
    );
  });

  it('refuses every refund when the policy offers none', () => {
    const off = { ...policy, refund: { ...policy.refund, enabled: false } };
    expect(decide(refund(100), context(), off)).toEqual({
      outcome: 'deny',
      reasons: ['Refunds are not offered for this request type'],
      policyVersion: 7,
    });
  });
});

describe('goodwill gestures', () => {
  // L1: min(€10, 20% of €200 = €40) = €10; a lead: min(€50, 50%) = €50.
  it('allows at the tier cap, asks a lead one unit over and Finance beyond the lead', () => {
    expect(verdict(decide(gesture(1_000), context(), policy))).toEqual(['allow', undefined]);
    expect(verdict(decide(gesture(1_001), context(), policy))).toEqual([
      'approval_required',
      'lead',
    ]);
    expect(verdict(decide(gesture(5_001), context(), policy))).toEqual([
      'approval_required',
      'finance',
    ]);
    expect(verdict(decide(gesture(2_500), context({ agentTier: 'L2' }), policy))).toEqual([
      'allow',
      undefined,
    ]);
  });

  it('asks a lead for a second gesture within 90 days, not after', () => {
    const recent = decide(
      gesture(500),
      context({ history: [prior('gesture', 500, 89 * DAY)] }),
      policy,
    );
    expect(verdict(recent)).toEqual(['approval_required', 'lead']);
    expect(recent.reasons[0]).toMatch(/1 gesture in the last 90 days \(the policy allows 1\)/);
    expect(
      verdict(
        decide(gesture(500), context({ history: [prior('gesture', 500, 91 * DAY)] }), policy),
      ),
    ).toEqual(['allow', undefined]);
  });

  it('is not combined with a full refund unless the policy allows it', () => {
    const refunded = context({ history: [prior('refund', 20_000, 40 * DAY)] });
    expect(decide(gesture(500), refunded, policy).reasons[0]).toBe(
      'Booking LIS-7K3QF2 is refunded in full; a gesture is not combined with a full refund',
    );
    const combinable = {
      ...policy,
      gesture: { ...policy.gesture, combinableWithFullRefund: true },
    };
    expect(verdict(decide(gesture(500), refunded, combinable))).toEqual(['allow', undefined]);
    const partly = context({ history: [prior('refund', 19_999, 40 * DAY)] });
    expect(verdict(decide(gesture(500), partly, policy))).toEqual(['allow', undefined]);
  });
});

describe('rebookings', () => {
  it('absorbs a price difference up to the tier, then asks', () => {
    expect(verdict(decide(rebooking(0), context(), policy))).toEqual(['allow', undefined]);
    expect(decide(rebooking(0), context(), policy).reasons).toEqual([
      'The new trip costs no more than the booked one',
    ]);
    expect(verdict(decide(rebooking(2_000), context(), policy))).toEqual(['allow', undefined]);
    expect(verdict(decide(rebooking(2_001), context(), policy))).toEqual([
      'approval_required',
      'lead',
    ]);
  });

  it('is only for causes on the platform’s side, within the window after pickup', () => {
    expect(decide(rebooking(0, false), context(), policy).reasons[0]).toBe(
      'A rebooking at our cost is only for causes on the platform’s side',
    );
    const scheduledAt = new Date(NOW.getTime() - 48 * HOUR);
    const atClose = context({ booking: { ...context().booking, scheduledAt } });
    expect(verdict(decide(rebooking(0), atClose, policy))).toEqual(['allow', undefined]);
    const late = context({
      booking: { ...context().booking, scheduledAt: new Date(scheduledAt.getTime() - 1) },
    });
    expect(decide(rebooking(0), late, policy).reasons[0]).toMatch(
      /^Rebookings close 48 hours after the booked pickup/,
    );
  });
});

describe('driver adjustments', () => {
  it('are never decided by support: they go to Finance & Payouts', () => {
    const decision = decide(
      { kind: 'driver_adjustment', amount: eur(5_000), reason: 'Toll not paid' },
      context(),
      policy,
    );
    expect(decision).toMatchObject({
      outcome: 'deny',
      escalateTo: 'finance_payouts',
      policyVersion: 7,
    });
  });
});

const RANK = { allow: 0, lead: 1, finance: 2, deny: 3 } as const;
const rank = (decision: GuardrailDecision) =>
  decision.outcome === 'approval_required' ? RANK[decision.approverRole!] : RANK[decision.outcome];

describe('properties', () => {
  const paid = fc.integer({ min: 1, max: 1_000_000 });
  const tier = fc.constantFrom('L1' as const, 'L2' as const);

  it('asking for more never gets an easier answer', () => {
    fc.assert(
      fc.property(
        paid,
        tier,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (amount, agentTier, a, b) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          const on = context({ agentTier, booking: { ...context().booking, paid: eur(amount) } });
          expect(rank(decide(refund(small), on, policy))).toBeLessThanOrEqual(
            rank(decide(refund(large), on, policy)),
          );
          expect(rank(decide(gesture(small), on, policy))).toBeLessThanOrEqual(
            rank(decide(gesture(large), on, policy)),
          );
        },
      ),
    );
  });

  it('never allows or asks for a refund beyond what is left to refund, and decides the same twice', () => {
    const refunds = fc.array(fc.integer({ min: 1, max: 10_000 }), { maxLength: 5 });
    fc.assert(
      fc.property(
        paid,
        refunds,
        fc.integer({ min: 1, max: 1_100_000 }),
        tier,
        (amount, earlier, asked, agentTier) => {
          const history = earlier.map((value, index) => prior('refund', value, (index + 2) * DAY));
          const on = context({
            agentTier,
            history,
            booking: { ...context().booking, paid: eur(amount) },
          });
          const decision = decide(refund(asked), on, policy);
          const left = amount - earlier.reduce((sum, value) => sum + value, 0);
          if (asked > left) expect(decision.outcome).toBe('deny');
          expect(decide(refund(asked), on, policy)).toEqual(decision);
        },
      ),
    );
  });
});

describe('describeGuardrailPolicyChange', () => {
  it('reads a limit, a reason and a switch in words', () => {
    const { version: _version, ...before } = policy;
    const after = structuredCloneOf(before);
    after.refund.tiers.L1.maxAmount.EUR = 6_000;
    after.refund.reasons.push({ code: 'WRONG_VEHICLE', label: 'Wrong vehicle', evidence: [] });
    after.gesture.enabled = false;
    // Intl writes a no-break space between a currency code and the amount.
    const lines = describeGuardrailPolicyChange(before, after).map((line) =>
      line.replaceAll('\u00a0', ' '),
    );
    expect(lines).toEqual([
      'Refund · reasons: added WRONG_VEHICLE',
      'Refund · L1: AED 200.00 / €50.00, up to 50% of the booking → AED 200.00 / €60.00, up to 50% of the booking',
      'Gesture · offered: yes → no',
    ]);
    expect(describeGuardrailPolicyChange(before, before)).toEqual(['No visible change']);
    expect(describeGuardrailPolicyChange(null, before)).toContain(
      'Refund · reasons: DRIVER_NO_SHOW (needs gps_trace), SERVICE_ISSUE',
    );
  });
});

function structuredCloneOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
