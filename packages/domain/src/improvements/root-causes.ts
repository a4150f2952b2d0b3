import { z } from 'zod';

/*
 * Why contacts happen, recorded when a conversation is resolved (and when an incident is
 * reviewed): the raw material of the recurring-themes report.
 */

export const ROOT_CAUSES = [
  { code: 'product_bug', label: 'Product bug', group: 'Product' },
  { code: 'app_outage', label: 'App or platform outage', group: 'Product' },
  { code: 'confusing_ux', label: 'Confusing app flow', group: 'Product' },
  { code: 'payment_provider', label: 'Payment provider failure', group: 'Money' },
  { code: 'pricing_error', label: 'Wrong price or fee', group: 'Money' },
  { code: 'payout_delay', label: 'Payout delayed or short', group: 'Money' },
  { code: 'driver_no_show', label: 'Driver did not show', group: 'Operations' },
  { code: 'driver_behaviour', label: 'Driver behaviour', group: 'Operations' },
  { code: 'supply_shortage', label: 'Not enough drivers', group: 'Operations' },
  { code: 'airport_constraint', label: 'Airport or on-ground constraint', group: 'Operations' },
  { code: 'policy_unclear', label: 'Policy unclear to the customer', group: 'Policy' },
  { code: 'policy_gap', label: 'No policy covers it', group: 'Policy' },
  { code: 'customer_error', label: 'Customer mistake', group: 'Customer' },
  { code: 'information_request', label: 'Question, nothing wrong', group: 'Customer' },
  { code: 'fraud', label: 'Fraud or abuse', group: 'Risk' },
  { code: 'third_party', label: 'Third party (airline, venue, partner)', group: 'External' },
  { code: 'other', label: 'Other', group: 'Other' },
] as const;
export type RootCauseCode = (typeof ROOT_CAUSES)[number]['code'];

export const ROOT_CAUSE_CODES = ROOT_CAUSES.map((cause) => cause.code) as [
  RootCauseCode,
  ...RootCauseCode[],
];
export const rootCauseCodeSchema = z.enum(ROOT_CAUSE_CODES, { error: 'Choose a root cause' });
export const ROOT_CAUSE_LABELS = Object.fromEntries(
  ROOT_CAUSES.map((cause) => [cause.code, cause.label]),
) as Record<RootCauseCode, string>;
