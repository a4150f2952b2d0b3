import type { BusinessCalendar } from '../sla/calendar.ts';
import type { EscalationMatrixEntry } from './matrix.ts';

const weekdays = (from: string, to: string): BusinessCalendar['weekly'] =>
  Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, [[from, to]]]),
  ) as BusinessCalendar['weekly'];

const everyDay = (from: string, to: string): BusinessCalendar['weekly'] =>
  Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [day, [[from, to]]]),
  ) as BusinessCalendar['weekly'];

/**
 * A matrix a ride-hailing and airport-transfer operator starts from: Finance in office hours,
 * Engineering on call around the clock, Operations on the ground from early to late,
 * Compliance in office hours. Team codes are the demo organisation's.
 */
export const exampleEscalationMatrix: EscalationMatrixEntry[] = [
  {
    teamKind: 'finance_payouts',
    ownerTeamCode: 'FINANCE_PAYOUTS',
    triggers: [
      {
        name: 'Driver payouts',
        requestTypeCodes: ['PAYOUT_MISSING', 'PAYOUT_WRONG_AMOUNT', 'EARNINGS_DISPUTE'],
        tags: [],
        keywords: [],
        audiences: ['driver'],
        priorities: [],
        severity: 'sev3',
      },
      {
        name: 'Payout questions',
        requestTypeCodes: [],
        tags: ['payout'],
        keywords: [],
        audiences: ['driver'],
        priorities: [],
        severity: 'sev3',
      },
      {
        name: 'Double charges',
        requestTypeCodes: ['DOUBLE_CHARGE'],
        tags: [],
        keywords: ['charged twice', 'double charge'],
        audiences: [],
        priorities: [],
        severity: 'sev3',
      },
    ],
    requiredFields: ['booking_reference', 'amount', 'steps_tried'],
    sla: {
      sev1: { acknowledgeMinutes: 15, resolveMinutes: 240 },
      sev2: { acknowledgeMinutes: 60, resolveMinutes: 480 },
      sev3: { acknowledgeMinutes: 240, resolveMinutes: 1440 },
      sev4: { acknowledgeMinutes: 480, resolveMinutes: 2880 },
    },
    calendar: { timeZone: 'Europe/London', weekly: weekdays('09:00', '18:00'), holidays: [] },
    reminderMinutesBefore: 30,
  },
  {
    teamKind: 'engineering_platform',
    ownerTeamCode: 'ENGINEERING_PLATFORM',
    triggers: [
      {
        name: 'App errors',
        requestTypeCodes: ['APP_BUG'],
        tags: [],
        keywords: [],
        audiences: [],
        priorities: [],
        severity: 'sev3',
      },
      {
        name: 'Crashes and outages',
        requestTypeCodes: [],
        tags: ['app-bug'],
        keywords: ['crash', 'error message', 'app not working'],
        audiences: [],
        priorities: [],
        severity: 'sev2',
      },
    ],
    requiredFields: ['steps_tried', 'device_details', 'occurred_at'],
    sla: {
      sev1: { acknowledgeMinutes: 10, resolveMinutes: 120 },
      sev2: { acknowledgeMinutes: 30, resolveMinutes: 480 },
      sev3: { acknowledgeMinutes: 240, resolveMinutes: 2880 },
      sev4: { acknowledgeMinutes: 1440, resolveMinutes: 10080 },
    },
    calendar: { timeZone: 'UTC', weekly: everyDay('00:00', '24:00'), holidays: [] },
    reminderMinutesBefore: 10,
  },
  {
    teamKind: 'operations_fleet',
    ownerTeamCode: 'OPERATIONS_FLEET',
    triggers: [
      {
        name: 'Stranded at pickup',
        requestTypeCodes: ['PICKUP_ISSUE'],
        tags: [],
        keywords: [],
        audiences: ['guest'],
        priorities: ['P1'],
        severity: 'sev2',
      },
      {
        name: 'Vehicles and assets',
        requestTypeCodes: ['VEHICLE_ISSUE'],
        tags: [],
        keywords: [],
        audiences: [],
        priorities: [],
        severity: 'sev3',
      },
    ],
    requiredFields: ['booking_reference', 'location', 'steps_tried'],
    sla: {
      sev1: { acknowledgeMinutes: 5, resolveMinutes: 60 },
      sev2: { acknowledgeMinutes: 15, resolveMinutes: 180 },
      sev3: { acknowledgeMinutes: 60, resolveMinutes: 720 },
      sev4: { acknowledgeMinutes: 240, resolveMinutes: 2880 },
    },
    calendar: { timeZone: 'Europe/Lisbon', weekly: everyDay('06:00', '23:00'), holidays: [] },
    reminderMinutesBefore: 10,
  },
  {
    teamKind: 'compliance_legal',
    ownerTeamCode: 'COMPLIANCE_LEGAL',
    triggers: [
      {
        name: 'Safety investigations',
        requestTypeCodes: ['SAFETY_INCIDENT', 'DRIVER_SAFETY_INCIDENT'],
        tags: [],
        keywords: [],
        audiences: [],
        priorities: [],
        severity: 'sev2',
      },
      {
        name: 'KYC and legal threats',
        requestTypeCodes: [],
        tags: [],
        keywords: ['lawyer', 'legal action', 'police report', 'fraud'],
        audiences: [],
        priorities: [],
        severity: 'sev2',
      },
    ],
    requiredFields: ['steps_tried', 'evidence'],
    sla: {
      sev1: { acknowledgeMinutes: 30, resolveMinutes: 480 },
      sev2: { acknowledgeMinutes: 120, resolveMinutes: 1440 },
      sev3: { acknowledgeMinutes: 480, resolveMinutes: 4320 },
      sev4: { acknowledgeMinutes: 1440, resolveMinutes: 10080 },
    },
    calendar: { timeZone: 'Europe/London', weekly: weekdays('09:00', '17:30'), holidays: [] },
    reminderMinutesBefore: 60,
  },
];
