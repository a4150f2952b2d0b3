import type { QaCriterion } from './scorecard.ts';

/** A small guest-support scorecard for tests: three scales, an N/A-able and an auto-fail criterion. */
export const GUEST_CRITERIA: QaCriterion[] = [
  {
    id: 'greets_by_name',
    group: 'tone',
    label: 'Greets the guest by name',
    guidance: '',
    weight: 1,
    scale: { min: 0, max: 1 },
    allowNa: false,
    autoFail: false,
  },
  {
    id: 'acknowledges_feelings',
    group: 'empathy',
    label: 'Acknowledges how the guest feels',
    guidance: '',
    weight: 2,
    scale: { min: 0, max: 2 },
    allowNa: true,
    autoFail: false,
  },
  {
    id: 'resolves_first_time',
    group: 'resolution',
    label: 'Resolves it in this conversation',
    guidance: '',
    weight: 3,
    scale: { min: 1, max: 5 },
    allowNa: false,
    autoFail: false,
  },
  {
    id: 'protects_driver_privacy',
    group: 'policy_adherence',
    label: 'Keeps the driver’s phone number private',
    guidance: '',
    weight: 2,
    scale: { min: 0, max: 1 },
    allowNa: true,
    autoFail: true,
  },
];
