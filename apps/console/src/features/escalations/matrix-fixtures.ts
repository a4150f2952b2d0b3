import type { EscalationMatrixEntry } from '@switchboard/domain';

/*
 * Matrix entries for the tests, fixed here rather than taken from the domain's worked example,
 * which grows as the demo organisation does.
 */

const weekdays = (from: string, to: string): EscalationMatrixEntry['calendar']['weekly'] => ({
  mon: [[from, to]],
  tue: [[from, to]],
  wed: [[from, to]],
  thu: [[from, to]],
  fri: [[from, to]],
});

export function financeEntry(): EscalationMatrixEntry {
  return {
    teamKind: 'finance_payouts',
    ownerTeamCode: 'FINANCE_PAYOUTS',
    triggers: [
      {
        name: 'Driver payouts',
        requestTypeCodes: ['PAYOUT_MISSING', 'EARNINGS_DISPUTE'],
        tags: [],
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
  };
}

export function engineeringEntry(): EscalationMatrixEntry {
  return {
    teamKind: 'engineering_platform',
    ownerTeamCode: 'ENGINEERING_PLATFORM',
    triggers: [
      {
        name: 'Crashes and outages',
        requestTypeCodes: [],
        tags: ['app-bug'],
        keywords: ['crash'],
        audiences: [],
        priorities: [],
        severity: 'sev2',
      },
    ],
    requiredFields: ['steps_tried', 'device_details'],
    sla: {
      sev1: { acknowledgeMinutes: 10, resolveMinutes: 120 },
      sev2: { acknowledgeMinutes: 30, resolveMinutes: 480 },
      sev3: { acknowledgeMinutes: 240, resolveMinutes: 2880 },
      sev4: { acknowledgeMinutes: 1440, resolveMinutes: 10080 },
    },
    calendar: { timeZone: 'UTC', weekly: weekdays('00:00', '24:00'), holidays: [] },
    reminderMinutesBefore: 10,
  };
}
