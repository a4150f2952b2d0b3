import type { RootCauseCode } from '@switchboard/domain';

/*
 * Why the demo's resolved conversations happened: a few plausible root causes per request
 * type, the first the most common, so the recurring-themes report reads like a real operation.
 */
const BY_REQUEST_TYPE: Record<string, readonly RootCauseCode[]> = {
  PICKUP_ISSUE: ['driver_no_show', 'airport_constraint', 'supply_shortage'],
  LATE_PICKUP: ['supply_shortage', 'airport_constraint', 'driver_behaviour'],
  WRONG_VEHICLE: ['supply_shortage', 'driver_behaviour'],
  ITINERARY_CHANGE: ['third_party', 'information_request'],
  BOOKING_CONFIRMATION: ['information_request', 'confusing_ux'],
  SPECIAL_ASSISTANCE: ['information_request', 'policy_gap'],
  CANCELLATION_REFUND: ['policy_unclear', 'customer_error'],
  DOUBLE_CHARGE: ['payment_provider', 'product_bug'],
  FARE_DISPUTE: ['pricing_error', 'policy_unclear'],
  RECEIPT_INVOICE: ['information_request', 'confusing_ux'],
  PROMO_CODE: ['policy_unclear', 'product_bug'],
  PAYMENT_FAILED: ['payment_provider', 'customer_error'],
  DRIVER_BEHAVIOUR: ['driver_behaviour'],
  VEHICLE_CONDITION: ['driver_behaviour', 'supply_shortage'],
  ROUTE_ISSUE: ['driver_behaviour', 'pricing_error'],
  SAFETY_INCIDENT: ['driver_behaviour', 'fraud'],
  LOST_ITEM: ['customer_error'],
  GUEST_ACCOUNT_ACCESS: ['confusing_ux', 'product_bug'],
  GUEST_FEEDBACK: ['information_request'],
  PAYOUT_MISSING: ['payout_delay', 'payment_provider'],
  PAYOUT_WRONG_AMOUNT: ['pricing_error', 'payout_delay'],
  EARNINGS_DISPUTE: ['pricing_error', 'policy_unclear'],
  INCENTIVE_BONUS: ['policy_unclear', 'product_bug'],
  TRAFFIC_FINE: ['third_party', 'policy_unclear'],
  TOLL_REIMBURSEMENT: ['policy_unclear', 'pricing_error'],
  DOCUMENTS_KYC: ['confusing_ux', 'policy_unclear'],
  ACCOUNT_DEACTIVATED: ['policy_unclear', 'fraud'],
  DRIVER_ONBOARDING: ['confusing_ux', 'information_request'],
  APP_BUG: ['product_bug', 'app_outage'],
  LOGIN_PROBLEM: ['product_bug', 'customer_error'],
  TRIP_ASSIGNMENT: ['product_bug', 'supply_shortage'],
  GUEST_NO_SHOW_REPORT: ['customer_error', 'policy_unclear'],
  GUEST_MISCONDUCT: ['customer_error', 'fraud'],
  DRIVER_SAFETY_INCIDENT: ['customer_error', 'fraud'],
  RATING_DISPUTE: ['policy_unclear'],
  VEHICLE_ISSUE: ['third_party', 'supply_shortage'],
  VEHICLE_INSPECTION: ['policy_unclear', 'information_request'],
  DRIVER_FEEDBACK: ['information_request'],
};

/**
 * The root cause of resolved conversation `index` of a request type: a pure function of the
 * index (no draw from the generator's random stream, so the rest of the demo is unchanged),
 * the first cause about half the time.
 */
export function demoRootCause(requestTypeCode: string, index: number): RootCauseCode {
  const causes = BY_REQUEST_TYPE[requestTypeCode] ?? ['other'];
  const spread = (index * 2_654_435_761) % 100;
  if (causes.length === 1 || spread < 55) return causes[0]!;
  return causes[1 + (spread % (causes.length - 1))]!;
}
