import type { Audience, Priority, TaxonomyNode } from '@switchboard/domain';
import type { DatabaseOrTransaction } from '../client.ts';
import { categories, reasons, requestTypes, tags } from '../schema/index.ts';
import type { Random } from './random.ts';

/**
 * The demo operator's taxonomy (category → request type → reason) and tags. Default
 * priorities follow DOMAIN.md: P1 safety or stranded now, P2 money or a trip within hours,
 * P3 most requests, P4 feedback.
 */

export type BookingNeed =
  /** A trip that went wrong before or during pickup (the booking's time is just before contact). */
  | 'pickup'
  /** A trip in the past, complained about afterwards. */
  | 'past_trip'
  /** A trip still ahead. */
  | 'upcoming'
  | 'none';

export interface RequestTypeDefinition {
  code: string;
  name: string;
  category: string;
  audience: Audience;
  defaultPriority: Priority;
  description: string;
  /** Relative volume within its audience. */
  weight: number;
  booking: BookingNeed;
  /** Share of these conversations that concern a booking. */
  bookingShare: number;
  /** Share of their bookings that are airport transfers. */
  airportShare: number;
  /** Tags a routing rule adds when the conversation arrives. */
  ruleTags: readonly string[];
  /** Tags agents often add while working it. */
  agentTags: readonly string[];
  /** Share handed to Escalations L2. */
  escalationShare: number;
  /** The downstream team an escalation note names. */
  handoffTeam: string;
  reasons: readonly (readonly [code: string, name: string])[];
}

export interface CategoryDefinition {
  code: string;
  name: string;
}

export const CATEGORIES: readonly CategoryDefinition[] = [
  { code: 'BOOKING', name: 'Booking & pickup' },
  { code: 'PAYMENTS', name: 'Payments & refunds' },
  { code: 'TRIP_EXPERIENCE', name: 'Trip experience' },
  { code: 'SAFETY', name: 'Safety' },
  { code: 'LOST_AND_FOUND', name: 'Lost & found' },
  { code: 'GUEST_ACCOUNT', name: 'Guest account' },
  { code: 'FEEDBACK', name: 'Feedback' },
  { code: 'EARNINGS', name: 'Earnings & payouts' },
  { code: 'FINES_AND_TOLLS', name: 'Fines & tolls' },
  { code: 'DRIVER_ACCOUNT', name: 'Driver account & documents' },
  { code: 'DRIVER_APP', name: 'Driver app' },
  { code: 'DISPATCH', name: 'Trips & dispatch' },
  { code: 'RATINGS', name: 'Ratings' },
  { code: 'VEHICLE', name: 'Vehicle & fleet' },
];

type Def = Omit<
  RequestTypeDefinition,
  'ruleTags' | 'agentTags' | 'escalationShare' | 'handoffTeam'
> &
  Partial<
    Pick<RequestTypeDefinition, 'ruleTags' | 'agentTags' | 'escalationShare' | 'handoffTeam'>
  >;

const GUEST_TYPES: readonly Def[] = [
  {
    code: 'PICKUP_ISSUE',
    name: 'Driver no-show',
    category: 'BOOKING',
    audience: 'guest',
    defaultPriority: 'P1',
    description: 'The guest is at the pickup point and the driver is not there.',
    weight: 12,
    booking: 'pickup',
    bookingShare: 1,
    airportShare: 0.7,
    escalationShare: 0.08,
    handoffTeam: 'Operations & Fleet',
    agentTags: ['refund-requested'],
    reasons: [
      ['DRIVER_NO_SHOW', 'Driver did not show up'],
      ['DRIVER_AT_WRONG_MEETING_POINT', 'Driver waiting at the wrong meeting point'],
      ['GUEST_CANNOT_REACH_DRIVER', 'Guest cannot reach the driver'],
    ],
  },
  {
    code: 'LATE_PICKUP',
    name: 'Late pickup',
    category: 'BOOKING',
    audience: 'guest',
    defaultPriority: 'P2',
    description: 'The driver is on the way but late for the pickup time.',
    weight: 10,
    booking: 'pickup',
    bookingShare: 1,
    airportShare: 0.5,
    handoffTeam: 'Operations & Fleet',
    reasons: [
      ['DRIVER_RUNNING_LATE', 'Driver running late'],
      ['TRAFFIC_DELAY', 'Traffic or road closure'],
      ['LATE_DISPATCH', 'Driver assigned late'],
    ],
  },
  {
    code: 'WRONG_VEHICLE',
    name: 'Wrong vehicle',
    category: 'BOOKING',
    audience: 'guest',
    defaultPriority: 'P2',
    description: 'The vehicle that arrived is not the class or car that was booked.',
    weight: 4,
    booking: 'pickup',
    bookingShare: 1,
    airportShare: 0.6,
    agentTags: ['refund-requested'],
    handoffTeam: 'Operations & Fleet',
    reasons: [
      ['VEHICLE_CLASS_DOWNGRADE', 'Lower vehicle class than booked'],
      ['PLATE_MISMATCH', 'Plate does not match the booking'],
      ['NOT_ENOUGH_LUGGAGE_SPACE', 'Not enough room for the luggage'],
    ],
  },
  {
    code: 'ITINERARY_CHANGE',
    name: 'Itinerary change',
    category: 'BOOKING',
    audience: 'guest',
    defaultPriority: 'P2',
    description:
      'The guest wants to change time, pickup, destination or stops of an upcoming trip.',
    weight: 8,
    booking: 'upcoming',
    bookingShare: 1,
    airportShare: 0.6,
    reasons: [
      ['PICKUP_TIME_CHANGE', 'New pickup time'],
      ['FLIGHT_CHANGED', 'Flight changed or delayed'],
      ['DESTINATION_CHANGE', 'New destination'],
      ['ADD_STOP', 'Extra stop on the way'],
    ],
  },
  {
    code: 'BOOKING_CONFIRMATION',
    name: 'Booking confirmation missing',
    category: 'BOOKING',
    audience: 'guest',
    defaultPriority: 'P3',
    description: 'The guest has no confirmation or driver details for an upcoming trip.',
    weight: 5,
    booking: 'upcoming',
    bookingShare: 1,
    airportShare: 0.6,
    reasons: [
      ['CONFIRMATION_EMAIL_MISSING', 'Confirmation email not received'],
      ['DRIVER_DETAILS_MISSING', 'No driver details before the trip'],
    ],
  },
  {
    code: 'SPECIAL_ASSISTANCE',
    name: 'Special assistance & extras',
    category: 'BOOKING',
    audience: 'guest',
    defaultPriority: 'P3',
    description: 'Child seats, wheelchair access, extra luggage for an upcoming trip.',
    weight: 3,
    booking: 'upcoming',
    bookingShare: 1,
    airportShare: 0.7,
    ruleTags: ['accessibility'],
    reasons: [
      ['CHILD_SEAT_REQUEST', 'Child seat'],
      ['WHEELCHAIR_ACCESS', 'Wheelchair-accessible vehicle'],
      ['EXTRA_LUGGAGE', 'Extra or oversized luggage'],
    ],
  },
  {
    code: 'CANCELLATION_REFUND',
    name: 'Cancellation and refund',
    category: 'PAYMENTS',
    audience: 'guest',
    defaultPriority: 'P3',
    description: 'A cancelled trip and the refund or cancellation fee that followed.',
    weight: 10,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.4,
    ruleTags: ['refund-requested'],
    escalationShare: 0.06,
    handoffTeam: 'Finance & Payouts',
    reasons: [
      ['CANCELLED_BY_GUEST', 'Cancelled by the guest'],
      ['CANCELLED_BY_DRIVER', 'Cancelled by the driver'],
      ['CANCELLATION_FEE_DISPUTE', 'Cancellation fee disputed'],
    ],
  },
  {
    code: 'DOUBLE_CHARGE',
    name: 'Double charge',
    category: 'PAYMENTS',
    audience: 'guest',
    defaultPriority: 'P2',
    description: 'The guest was charged twice, or a pre-authorisation was not released.',
    weight: 6,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.4,
    ruleTags: ['refund-requested'],
    escalationShare: 0.1,
    handoffTeam: 'Finance & Payouts',
    reasons: [
      ['DUPLICATE_CARD_CHARGE', 'Card charged twice'],
      ['PRE_AUTH_NOT_RELEASED', 'Pre-authorisation not released'],
    ],
  },
  {
    code: 'FARE_DISPUTE',
    name: 'Fare higher than quoted',
    category: 'PAYMENTS',
    audience: 'guest',
    defaultPriority: 'P3',
    description: 'The final fare is higher than the quote.',
    weight: 6,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.4,
    agentTags: ['refund-requested'],
    handoffTeam: 'Finance & Payouts',
    reasons: [
      ['WAITING_TIME_CHARGED', 'Waiting time charged'],
      ['ROUTE_LONGER_THAN_EXPECTED', 'Longer route than expected'],
      ['TOLLS_ADDED', 'Tolls or airport fees added'],
    ],
  },
  {
    code: 'RECEIPT_INVOICE',
    name: 'Receipt or invoice',
    category: 'PAYMENTS',
    audience: 'guest',
    defaultPriority: 'P4',
    description: 'Receipts, company invoices and tax details.',
    weight: 4,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.5,
    reasons: [
      ['RECEIPT_MISSING', 'Receipt not received'],
      ['COMPANY_INVOICE_NEEDED', 'Invoice with company details'],
      ['TAX_DETAILS_WRONG', 'Wrong tax details on the invoice'],
    ],
  },
  {
    code: 'PROMO_CODE',
    name: 'Promo code or voucher',
    category: 'PAYMENTS',
    audience: 'guest',
    defaultPriority: 'P4',
    description: 'A promo code or voucher that did not apply.',
    weight: 2,
    booking: 'past_trip',
    bookingShare: 0.6,
    airportShare: 0.3,
    reasons: [
      ['PROMO_NOT_APPLIED', 'Promo code not applied'],
      ['VOUCHER_EXPIRED', 'Voucher expired'],
    ],
  },
  {
    code: 'PAYMENT_FAILED',
    name: 'Payment declined',
    category: 'PAYMENTS',
    audience: 'guest',
    defaultPriority: 'P2',
    description: 'The card was declined when booking or paying.',
    weight: 3,
    booking: 'upcoming',
    bookingShare: 0.7,
    airportShare: 0.5,
    reasons: [
      ['CARD_DECLINED', 'Card declined'],
      ['THREE_DS_FAILED', '3-D Secure check failed'],
    ],
  },
  {
    code: 'DRIVER_BEHAVIOUR',
    name: 'Driver behaviour complaint',
    category: 'TRIP_EXPERIENCE',
    audience: 'guest',
    defaultPriority: 'P2',
    description: 'Complaint about how the driver behaved during the trip.',
    weight: 5,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.4,
    escalationShare: 0.12,
    handoffTeam: 'Operations & Fleet',
    reasons: [
      ['RUDE_DRIVER', 'Rude or unprofessional driver'],
      ['DRIVER_ON_PHONE', 'Driver on the phone while driving'],
      ['REFUSED_ROUTE_REQUEST', 'Driver refused the requested route'],
    ],
  },
  {
    code: 'VEHICLE_CONDITION',
    name: 'Vehicle cleanliness or condition',
    category: 'TRIP_EXPERIENCE',
    audience: 'guest',
    defaultPriority: 'P3',
    description: 'The vehicle was dirty, smelled of smoke or had no air conditioning.',
    weight: 3,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.4,
    handoffTeam: 'Operations & Fleet',
    reasons: [
      ['DIRTY_VEHICLE', 'Dirty vehicle'],
      ['AIR_CONDITIONING_BROKEN', 'Air conditioning not working'],
      ['SMOKING_SMELL', 'Smell of smoke'],
    ],
  },
  {
    code: 'ROUTE_ISSUE',
    name: 'Wrong route or drop-off',
    category: 'TRIP_EXPERIENCE',
    audience: 'guest',
    defaultPriority: 'P3',
    description: 'A long detour or the guest was dropped at the wrong place.',
    weight: 3,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.3,
    agentTags: ['refund-requested'],
    handoffTeam: 'Operations & Fleet',
    reasons: [
      ['LONG_DETOUR', 'Long detour'],
      ['WRONG_DROPOFF', 'Dropped at the wrong place'],
    ],
  },
  {
    code: 'SAFETY_INCIDENT',
    name: 'Guest safety incident',
    category: 'SAFETY',
    audience: 'guest',
    defaultPriority: 'P1',
    description: 'Accident, dangerous driving, harassment or threats during a trip.',
    weight: 2,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.3,
    ruleTags: ['safety'],
    escalationShare: 0.45,
    handoffTeam: 'Compliance & Legal',
    reasons: [
      ['ROAD_ACCIDENT', 'Road accident'],
      ['DANGEROUS_DRIVING', 'Dangerous driving'],
      ['HARASSMENT', 'Harassment'],
    ],
  },
  {
    code: 'LOST_ITEM',
    name: 'Lost item',
    category: 'LOST_AND_FOUND',
    audience: 'guest',
    defaultPriority: 'P3',
    description: 'Something left in the vehicle.',
    weight: 5,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.5,
    ruleTags: ['lost-property'],
    handoffTeam: 'Operations & Fleet',
    reasons: [
      ['LOST_PHONE', 'Phone'],
      ['LOST_BAG', 'Bag or suitcase'],
      ['LOST_PASSPORT', 'Passport or ID'],
      ['LOST_WALLET', 'Wallet or cards'],
    ],
  },
  {
    code: 'GUEST_ACCOUNT_ACCESS',
    name: 'Guest account access',
    category: 'GUEST_ACCOUNT',
    audience: 'guest',
    defaultPriority: 'P3',
    description: 'Signing in, changing email, deleting the account.',
    weight: 3,
    booking: 'none',
    bookingShare: 0,
    airportShare: 0,
    handoffTeam: 'Engineering & Platform',
    reasons: [
      ['CANNOT_LOG_IN', 'Cannot sign in'],
      ['EMAIL_CHANGE', 'Change of email'],
      ['ACCOUNT_DELETION', 'Account deletion request'],
    ],
  },
  {
    code: 'GUEST_FEEDBACK',
    name: 'Guest suggestion or compliment',
    category: 'FEEDBACK',
    audience: 'guest',
    defaultPriority: 'P4',
    description: 'Feedback with no action owed.',
    weight: 3,
    booking: 'past_trip',
    bookingShare: 0.6,
    airportShare: 0.5,
    reasons: [
      ['COMPLIMENT_DRIVER', 'Compliment for a driver'],
      ['PRODUCT_SUGGESTION', 'Suggestion for the product'],
    ],
  },
];

const DRIVER_TYPES: readonly Def[] = [
  {
    code: 'PAYOUT_MISSING',
    name: 'Payout missing',
    category: 'EARNINGS',
    audience: 'driver',
    defaultPriority: 'P2',
    description: "The weekly payout has not reached the driver's bank account.",
    weight: 12,
    booking: 'none',
    bookingShare: 0,
    airportShare: 0,
    ruleTags: ['payout'],
    escalationShare: 0.15,
    handoffTeam: 'Finance & Payouts',
    reasons: [
      ['WEEKLY_PAYOUT_NOT_RECEIVED', 'Weekly payout not received'],
      ['BANK_DETAILS_REJECTED', 'Bank details rejected'],
      ['PAYOUT_ON_HOLD', 'Payout on hold'],
    ],
  },
  {
    code: 'PAYOUT_WRONG_AMOUNT',
    name: 'Payout amount wrong',
    category: 'EARNINGS',
    audience: 'driver',
    defaultPriority: 'P2',
    description: 'The payout arrived but the amount does not match the statement.',
    weight: 7,
    booking: 'past_trip',
    bookingShare: 0.5,
    airportShare: 0.4,
    ruleTags: ['payout'],
    escalationShare: 0.15,
    handoffTeam: 'Finance & Payouts',
    reasons: [
      ['TRIPS_MISSING_FROM_STATEMENT', 'Trips missing from the statement'],
      ['COMMISSION_TOO_HIGH', 'Commission higher than agreed'],
      ['CASH_BALANCE_OFFSET', 'Cash trips offset against the payout'],
    ],
  },
  {
    code: 'EARNINGS_DISPUTE',
    name: 'Trip earnings dispute',
    category: 'EARNINGS',
    audience: 'driver',
    defaultPriority: 'P3',
    description: 'The driver disputes what a single trip paid.',
    weight: 8,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.5,
    escalationShare: 0.1,
    handoffTeam: 'Finance & Payouts',
    reasons: [
      ['WAITING_TIME_NOT_PAID', 'Waiting time not paid'],
      ['CANCELLATION_FEE_NOT_PAID', 'Cancellation fee not paid'],
      ['WRONG_DISTANCE_CALCULATED', 'Wrong distance calculated'],
    ],
  },
  {
    code: 'INCENTIVE_BONUS',
    name: 'Bonus or incentive',
    category: 'EARNINGS',
    audience: 'driver',
    defaultPriority: 'P3',
    description: 'A bonus target reached but not credited.',
    weight: 4,
    booking: 'none',
    bookingShare: 0,
    airportShare: 0,
    handoffTeam: 'Finance & Payouts',
    reasons: [
      ['BONUS_TARGET_NOT_CREDITED', 'Weekly trip target bonus not credited'],
      ['AIRPORT_QUEUE_BONUS_MISSING', 'Airport queue bonus missing'],
    ],
  },
  {
    code: 'TRAFFIC_FINE',
    name: 'Traffic fine',
    category: 'FINES_AND_TOLLS',
    audience: 'driver',
    defaultPriority: 'P3',
    description: 'Speeding or parking fines received for trips.',
    weight: 4,
    booking: 'past_trip',
    bookingShare: 0.6,
    airportShare: 0.5,
    ruleTags: ['fine'],
    handoffTeam: 'Compliance & Legal',
    reasons: [
      ['SPEEDING_FINE', 'Speeding fine'],
      ['PARKING_FINE', 'Parking fine at pickup'],
      ['FINE_TRANSFER_REQUEST', 'Request to transfer a fine'],
    ],
  },
  {
    code: 'TOLL_REIMBURSEMENT',
    name: 'Toll reimbursement',
    category: 'FINES_AND_TOLLS',
    audience: 'driver',
    defaultPriority: 'P3',
    description: 'Tolls and airport access fees paid by the driver.',
    weight: 4,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.7,
    handoffTeam: 'Finance & Payouts',
    reasons: [
      ['TOLL_NOT_REIMBURSED', 'Toll not reimbursed'],
      ['AIRPORT_ACCESS_FEE', 'Airport access fee not reimbursed'],
    ],
  },
  {
    code: 'DOCUMENTS_KYC',
    name: 'Documents and KYC',
    category: 'DRIVER_ACCOUNT',
    audience: 'driver',
    defaultPriority: 'P3',
    description: 'Licences, insurance, identity checks.',
    weight: 7,
    booking: 'none',
    bookingShare: 0,
    airportShare: 0,
    ruleTags: ['kyc'],
    escalationShare: 0.05,
    handoffTeam: 'Compliance & Legal',
    reasons: [
      ['LICENCE_EXPIRED', 'Licence expired'],
      ['IDENTITY_CHECK_FAILED', 'Identity check failed'],
      ['INSURANCE_UPLOAD', 'Insurance certificate upload'],
      ['BACKGROUND_CHECK_PENDING', 'Background check pending'],
    ],
  },
  {
    code: 'ACCOUNT_DEACTIVATED',
    name: 'Account deactivated',
    category: 'DRIVER_ACCOUNT',
    audience: 'driver',
    defaultPriority: 'P2',
    description: 'The driver cannot go online because the account is blocked.',
    weight: 5,
    booking: 'none',
    bookingShare: 0,
    airportShare: 0,
    escalationShare: 0.25,
    handoffTeam: 'Compliance & Legal',
    reasons: [
      ['LOW_ACCEPTANCE_RATE', 'Low acceptance rate'],
      ['DOCUMENT_EXPIRED_BLOCK', 'Blocked for an expired document'],
      ['FRAUD_REVIEW', 'Under fraud review'],
    ],
  },
  {
    code: 'DRIVER_ONBOARDING',
    name: 'Onboarding question',
    category: 'DRIVER_ACCOUNT',
    audience: 'driver',
    defaultPriority: 'P4',
    description: 'Questions from drivers joining the platform.',
    weight: 3,
    booking: 'none',
    bookingShare: 0,
    airportShare: 0,
    reasons: [
      ['VEHICLE_REQUIREMENTS', 'Vehicle requirements'],
      ['TRAINING_SESSION', 'Onboarding session'],
    ],
  },
  {
    code: 'APP_BUG',
    name: 'Driver app bug',
    category: 'DRIVER_APP',
    audience: 'driver',
    defaultPriority: 'P3',
    description: 'The driver app misbehaves.',
    weight: 7,
    booking: 'past_trip',
    bookingShare: 0.5,
    airportShare: 0.4,
    ruleTags: ['app-bug'],
    escalationShare: 0.12,
    handoffTeam: 'Engineering & Platform',
    reasons: [
      ['APP_CRASH_ON_ACCEPT', 'App crashes when accepting a trip'],
      ['GPS_NOT_UPDATING', 'GPS position not updating'],
      ['CANNOT_END_TRIP', 'Cannot end the trip'],
    ],
  },
  {
    code: 'LOGIN_PROBLEM',
    name: 'Driver cannot log in',
    category: 'DRIVER_APP',
    audience: 'driver',
    defaultPriority: 'P2',
    description: 'The driver cannot sign in to the app and so cannot work.',
    weight: 4,
    booking: 'none',
    bookingShare: 0,
    airportShare: 0,
    ruleTags: ['app-bug'],
    handoffTeam: 'Engineering & Platform',
    reasons: [
      ['OTP_NOT_RECEIVED', 'Verification code not received'],
      ['DEVICE_CHANGE', 'New phone'],
    ],
  },
  {
    code: 'TRIP_ASSIGNMENT',
    name: 'Trip assignment',
    category: 'DISPATCH',
    audience: 'driver',
    defaultPriority: 'P3',
    description: 'Questions about how trips are offered and assigned.',
    weight: 5,
    booking: 'past_trip',
    bookingShare: 0.4,
    airportShare: 0.6,
    handoffTeam: 'Operations & Fleet',
    reasons: [
      ['NO_TRIPS_OFFERED', 'No trips offered'],
      ['TRIP_REASSIGNED_EN_ROUTE', 'Trip taken away while driving to pickup'],
      ['AIRPORT_QUEUE_POSITION', 'Airport queue position lost'],
    ],
  },
  {
    code: 'GUEST_NO_SHOW_REPORT',
    name: 'Guest no-show',
    category: 'DISPATCH',
    audience: 'driver',
    defaultPriority: 'P3',
    description: 'The driver waited and the guest never came.',
    weight: 5,
    booking: 'pickup',
    bookingShare: 1,
    airportShare: 0.6,
    reasons: [
      ['GUEST_NOT_AT_PICKUP', 'Guest not at the pickup point'],
      ['GUEST_UNREACHABLE', 'Guest not answering calls'],
    ],
  },
  {
    code: 'GUEST_MISCONDUCT',
    name: 'Guest misconduct',
    category: 'DISPATCH',
    audience: 'driver',
    defaultPriority: 'P2',
    description: 'A guest damaged the vehicle or was abusive.',
    weight: 3,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.3,
    escalationShare: 0.15,
    handoffTeam: 'Operations & Fleet',
    reasons: [
      ['GUEST_DAMAGED_VEHICLE', 'Guest damaged the vehicle'],
      ['ABUSIVE_GUEST', 'Abusive guest'],
    ],
  },
  {
    code: 'DRIVER_SAFETY_INCIDENT',
    name: 'Driver safety incident',
    category: 'SAFETY',
    audience: 'driver',
    defaultPriority: 'P1',
    description: 'Accident or threat to the driver during a trip.',
    weight: 1,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.3,
    ruleTags: ['safety'],
    escalationShare: 0.45,
    handoffTeam: 'Compliance & Legal',
    reasons: [
      ['ACCIDENT_DURING_TRIP', 'Accident during a trip'],
      ['THREATENED_BY_GUEST', 'Threatened by a guest'],
    ],
  },
  {
    code: 'RATING_DISPUTE',
    name: 'Rating dispute',
    category: 'RATINGS',
    audience: 'driver',
    defaultPriority: 'P3',
    description: 'The driver disputes a low rating.',
    weight: 3,
    booking: 'past_trip',
    bookingShare: 1,
    airportShare: 0.4,
    reasons: [
      ['UNFAIR_LOW_RATING', 'Unfair low rating'],
      ['RATING_AFTER_GUEST_NO_SHOW', 'Rated after a guest no-show'],
    ],
  },
  {
    code: 'VEHICLE_ISSUE',
    name: 'Vehicle or asset issue',
    category: 'VEHICLE',
    audience: 'driver',
    defaultPriority: 'P2',
    description: 'Breakdowns and damage to fleet vehicles.',
    weight: 3,
    booking: 'pickup',
    bookingShare: 0.4,
    airportShare: 0.4,
    escalationShare: 0.1,
    handoffTeam: 'Operations & Fleet',
    reasons: [
      ['VEHICLE_BREAKDOWN', 'Breakdown'],
      ['FLEET_CAR_DAMAGE', 'Damage to a fleet car'],
      ['VEHICLE_SWAP_REQUEST', 'Vehicle swap request'],
    ],
  },
  {
    code: 'VEHICLE_INSPECTION',
    name: 'Vehicle inspection',
    category: 'VEHICLE',
    audience: 'driver',
    defaultPriority: 'P3',
    description: 'Booking or failing the periodic vehicle inspection.',
    weight: 2,
    booking: 'none',
    bookingShare: 0,
    airportShare: 0,
    handoffTeam: 'Operations & Fleet',
    reasons: [
      ['INSPECTION_BOOKING', 'Book an inspection'],
      ['INSPECTION_FAILED', 'Inspection failed'],
    ],
  },
  {
    code: 'DRIVER_FEEDBACK',
    name: 'Driver suggestion',
    category: 'FEEDBACK',
    audience: 'driver',
    defaultPriority: 'P4',
    description: 'Suggestions and compliments from drivers.',
    weight: 2,
    booking: 'none',
    bookingShare: 0,
    airportShare: 0,
    reasons: [
      ['FEATURE_SUGGESTION', 'Feature suggestion'],
      ['COMPLIMENT_SUPPORT', 'Compliment for support'],
    ],
  },
];

export const REQUEST_TYPES: readonly RequestTypeDefinition[] = [
  ...GUEST_TYPES,
  ...DRIVER_TYPES,
].map((definition) => ({
  ruleTags: [],
  agentTags: [],
  escalationShare: 0.03,
  handoffTeam: 'Escalations L2',
  ...definition,
}));

export interface TagDefinition {
  code: string;
  name: string;
  color: string;
}

export const TAGS: readonly TagDefinition[] = [
  { code: 'airport', name: 'Airport', color: 'blue' },
  { code: 'vip', name: 'VIP', color: 'grape' },
  { code: 'repeat-contact', name: 'Repeat contact', color: 'orange' },
  { code: 'refund-requested', name: 'Refund requested', color: 'yellow' },
  { code: 'safety', name: 'Safety', color: 'red' },
  { code: 'app-bug', name: 'App bug', color: 'violet' },
  { code: 'flight-delay', name: 'Flight delay', color: 'cyan' },
  { code: 'lost-property', name: 'Lost property', color: 'teal' },
  { code: 'payout', name: 'Payout', color: 'green' },
  { code: 'kyc', name: 'KYC', color: 'indigo' },
  { code: 'fine', name: 'Fine', color: 'pink' },
  { code: 'accessibility', name: 'Accessibility', color: 'lime' },
  { code: 'social-media', name: 'Raised on social media', color: 'dark' },
];

/** The tree in the shape `domain.validateTaxonomy` checks. */
export function taxonomyNodes(): TaxonomyNode[] {
  const live = { deprecated: false, mergedInto: null };
  return [
    ...CATEGORIES.map((category) => ({
      code: category.code,
      name: category.name,
      parentCode: null,
      ...live,
    })),
    ...REQUEST_TYPES.map((type) => ({
      code: type.code,
      name: type.name,
      parentCode: type.category,
      ...live,
    })),
    ...REQUEST_TYPES.flatMap((type) =>
      type.reasons.map(([code, name]) => ({ code, name, parentCode: type.code, ...live })),
    ),
  ];
}

export interface TaxonomyIds {
  requestTypeIds: ReadonlyMap<string, string>;
  reasonIds: ReadonlyMap<string, string>;
  tagIds: ReadonlyMap<string, string>;
  counts: { categories: number; requestTypes: number; reasons: number; tags: number };
}

export async function insertTaxonomy(
  db: DatabaseOrTransaction,
  random: Random,
  createdAt: Date,
): Promise<TaxonomyIds> {
  const categoryIds = new Map(CATEGORIES.map((category) => [category.code, random.uuid()]));
  const requestTypeIds = new Map(REQUEST_TYPES.map((type) => [type.code, random.uuid()]));
  const reasonIds = new Map(
    REQUEST_TYPES.flatMap((type) => type.reasons.map(([code]) => [code, random.uuid()] as const)),
  );
  const tagIds = new Map(TAGS.map((tag) => [tag.code, random.uuid()]));
  const stamps = { createdAt, updatedAt: createdAt };

  await db.insert(categories).values(
    CATEGORIES.map((category) => ({
      id: categoryIds.get(category.code)!,
      code: category.code,
      name: category.name,
      ...stamps,
    })),
  );
  await db.insert(requestTypes).values(
    REQUEST_TYPES.map((type) => ({
      id: requestTypeIds.get(type.code)!,
      code: type.code,
      name: type.name,
      categoryId: categoryIds.get(type.category)!,
      audience: type.audience,
      defaultPriority: type.defaultPriority,
      description: type.description,
      ...stamps,
    })),
  );
  await db.insert(reasons).values(
    REQUEST_TYPES.flatMap((type) =>
      type.reasons.map(([code, name]) => ({
        id: reasonIds.get(code)!,
        code,
        name,
        requestTypeId: requestTypeIds.get(type.code)!,
        ...stamps,
      })),
    ),
  );
  await db.insert(tags).values(
    TAGS.map((tag) => ({
      id: tagIds.get(tag.code)!,
      code: tag.code,
      name: tag.name,
      color: tag.color,
      createdAt,
    })),
  );
  return {
    requestTypeIds,
    reasonIds,
    tagIds,
    counts: {
      categories: CATEGORIES.length,
      requestTypes: REQUEST_TYPES.length,
      reasons: reasonIds.size,
      tags: TAGS.length,
    },
  };
}
