export { noShowPolicy } from './example-policy.ts';

import type { GuardrailContext, PriorAction } from './decide.ts';

export const NOW = new Date('2026-06-02T12:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An L1 agent on booking LIS-7K3QF2, paid €200.00, picked up yesterday; no history. */
export function context(overrides: Partial<GuardrailContext> = {}): GuardrailContext {
  return {
    now: NOW,
    agentTier: 'L1',
    booking: {
      reference: 'LIS-7K3QF2',
      paid: { amountMinor: 20_000, currency: 'EUR' },
      scheduledAt: new Date(NOW.getTime() - DAY),
    },
    history: [],
    ...overrides,
  };
}

export function prior(
  kind: PriorAction['kind'],
  amountMinor: number,
  ago: number,
  overrides: Partial<PriorAction> = {},
): PriorAction {
  return {
    kind,
    bookingReference: 'LIS-7K3QF2',
    amount: { amountMinor, currency: 'EUR' },
    at: new Date(NOW.getTime() - ago),
    status: 'done',
    ...overrides,
  };
}
