import type { VersionedGuardrailPolicy } from './policy.ts';

/**
 * A worked example — refunds, gestures and rebookings for a guest's driver no-show, in EUR
 * and AED — for tests, the demo seed and the console's starting point.
 */
export const noShowPolicy: VersionedGuardrailPolicy = {
  version: 7,
  requestTypeCode: 'DRIVER_NO_SHOW',
  audience: 'guest',
  refund: {
    enabled: true,
    reasons: [
      { code: 'DRIVER_NO_SHOW', label: 'Driver did not show up', evidence: ['gps_trace'] },
      { code: 'SERVICE_ISSUE', label: 'Service below standard', evidence: [] },
    ],
    tiers: {
      L1: { maxAmount: { EUR: 5_000, AED: 20_000 }, maxPercentOfBooking: 50 },
      L2: { maxAmount: { EUR: 15_000, AED: 60_000 }, maxPercentOfBooking: 100 },
    },
    approval: { lead: { maxAmount: { EUR: 30_000, AED: 120_000 }, maxPercentOfBooking: 100 } },
    customerCap: { days: 30, maxAmount: { EUR: 50_000, AED: 200_000 } },
  },
  gesture: {
    enabled: true,
    reasons: [{ code: 'LATE_PICKUP', label: 'Pickup was late', evidence: [] }],
    tiers: {
      L1: { maxAmount: { EUR: 1_000, AED: 4_000 }, maxPercentOfBooking: 20 },
      L2: { maxAmount: { EUR: 2_500, AED: 10_000 }, maxPercentOfBooking: 30 },
    },
    approval: { lead: { maxAmount: { EUR: 5_000, AED: 20_000 }, maxPercentOfBooking: 50 } },
    frequency: { days: 90, maxCount: 1 },
    combinableWithFullRefund: false,
  },
  rebooking: {
    enabled: true,
    reasons: [{ code: 'DRIVER_NO_SHOW', label: 'Driver did not show up', evidence: [] }],
    tiers: {
      L1: { maxAmount: { EUR: 2_000, AED: 8_000 }, maxPercentOfBooking: 100 },
      L2: { maxAmount: { EUR: 5_000, AED: 20_000 }, maxPercentOfBooking: 100 },
    },
    approval: { lead: { maxAmount: { EUR: 10_000, AED: 40_000 }, maxPercentOfBooking: 100 } },
    windowHours: 48,
  },
};
