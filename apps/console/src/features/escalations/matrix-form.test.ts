import { exampleEscalationMatrix } from '@switchboard/domain';
import { describe, expect, it } from 'vitest';
import { financeEntry } from './matrix-fixtures.ts';
import {
  entryOf,
  formPathOf,
  formValuesOf,
  isRoundTheClock,
  roundTheClock,
  saveInputOf,
  startingEntry,
  validateMatrixForm,
} from './matrix-form.ts';
import { reportPeriodOf, turnaroundCsv, turnaroundText } from './turnaround.ts';

describe('matrix form', () => {
  it('round-trips every example entry exactly', () => {
    for (const entry of exampleEscalationMatrix) {
      const values = formValuesOf(entry);
      expect(validateMatrixForm(values)).toEqual({});
      expect(saveInputOf(values)).toEqual({ entry, rolloutNote: undefined });
    }
  });

  it('starts a new entry from the example for the team kind, as a copy', () => {
    const example = exampleEscalationMatrix.find((entry) => entry.teamKind === 'operations_fleet');
    const entry = startingEntry('operations_fleet');
    expect(entry).toEqual(example);
    entry.triggers.pop();
    expect(entry.triggers).toHaveLength((example?.triggers.length ?? 0) - 1);
  });

  it('keeps every weekday in the form and drops closed ones from the entry', () => {
    const values = formValuesOf(financeEntry());
    expect(values.calendar.weekly.sat).toEqual([]);
    expect(Object.keys(entryOf(values).calendar.weekly)).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
    ]);
    expect(isRoundTheClock(values.calendar.weekly)).toBe(false);
    values.calendar.weekly = roundTheClock();
    expect(isRoundTheClock(values.calendar.weekly)).toBe(true);
    expect(entryOf(values).calendar.weekly.sun).toEqual([['00:00', '24:00']]);
  });

  it('puts the schema’s errors on the inputs that show them', () => {
    const values = formValuesOf(financeEntry());
    values.ownerTeamCode = '';
    values.sla.sev2.resolveMinutes = 30;
    values.sla.sev4.acknowledgeMinutes = '';
    values.triggers[0]!.name = ' ';
    values.triggers[1]!.requestTypeCodes = [];
    values.triggers[1]!.keywords = [];
    values.calendar.timeZone = 'Mars/Olympus';
    values.calendar.weekly.mon[0]!.from = '0900';
    values.calendar.weekly.tue[0]!.to = '08:00';
    values.calendar.holidays = ['25/12/2026'];
    values.reminderMinutesBefore = -1;
    expect(validateMatrixForm(values)).toEqual({
      ownerTeamCode: 'Choose the owner team',
      'sla.sev2.resolveMinutes': 'Resolving cannot be due before acknowledging',
      'sla.sev4.acknowledgeMinutes': 'Enter a whole number of minutes',
      'triggers.0.name': 'Name the trigger',
      'triggers.1.requestTypeCodes': 'A trigger names at least one request type, tag or keyword',
      'calendar.timeZone': 'Unknown time zone; use an IANA name such as Europe/Lisbon',
      'calendar.weekly.mon.0.from': 'Times are HH:MM, e.g. 09:30',
      'calendar.weekly.tue.0.to': 'An interval closes after it opens',
      'calendar.holidays': 'Holidays are YYYY-MM-DD',
      reminderMinutesBefore: expect.any(String),
    });
  });

  it('maps the server’s entry paths onto the form', () => {
    expect(formPathOf(['entry', 'sla', 'sev2', 'resolveMinutes'])).toBe('sla.sev2.resolveMinutes');
    expect(formPathOf(['ownerTeamCode'])).toBe('ownerTeamCode');
    expect(formPathOf(['entry', 'triggers', 1, 'keywords', 0])).toBe('triggers.1.keywords');
    expect(formPathOf(['entry', 'requiredFields', 2])).toBe('requiredFields');
    expect(formPathOf(['entry', 'calendar', 'weekly', 'fri', 1, 0])).toBe(
      'calendar.weekly.fri.1.from',
    );
    expect(formPathOf(['entry', 'calendar', 'holidays', 0])).toBe('calendar.holidays');
  });
});

describe('turnaround report', () => {
  it('reads the period from the address, 30 days otherwise', () => {
    expect(reportPeriodOf('7')).toBe(7);
    expect(reportPeriodOf('90')).toBe(90);
    expect(reportPeriodOf('45')).toBe(30);
    expect(reportPeriodOf(undefined)).toBe(30);
  });

  it('shows percentiles in whole minutes, and a dash when nothing was measured', () => {
    expect(turnaroundText(134.6)).toBe('2 h 15 min');
    expect(turnaroundText(null)).toBe('—');
  });

  it('exports the report as CSV', () => {
    const csv = turnaroundCsv([
      {
        teamKind: 'finance_payouts',
        sent: 12,
        active: 3,
        breached: 1,
        resolved: 8,
        returned: 2,
        acknowledgeMinutes: { p50: 42.25, p90: 180 },
        resolveMinutes: { p50: null, p90: null },
      },
    ]);
    expect(csv.split('\n')).toEqual([
      'Team,Sent,Active,Breached now,Resolved,Returned,Acknowledge p50 (min),Acknowledge p90 (min),Resolve p50 (min),Resolve p90 (min)',
      'Finance & Payouts,12,3,1,8,2,42.25,180,,',
      '',
    ]);
  });
});
