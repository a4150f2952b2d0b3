import {
  addBusinessMinutes,
  businessCalendarInputSchema,
  slaPolicyWarnings,
  slaTargetsByPrioritySchema,
} from '@switchboard/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_INBOXES } from './organisation.ts';
import { DEMO_SLA_CALENDARS, DEMO_SLA_POLICIES, demoSlaSchedules } from './sla.ts';

const NOW = new Date('2026-03-02T10:30:00Z');

describe('demo SLA settings', () => {
  it('are calendars and targets a lead could have saved, without warnings', () => {
    for (const calendar of DEMO_SLA_CALENDARS) {
      expect(businessCalendarInputSchema.safeParse(calendar).error).toBeUndefined();
    }
    expect(new Set(DEMO_SLA_CALENDARS.map((calendar) => calendar.name)).size).toBe(
      DEMO_SLA_CALENDARS.length,
    );
    for (const policy of DEMO_SLA_POLICIES) {
      expect(slaTargetsByPrioritySchema.safeParse(policy.targets).error).toBeUndefined();
      expect(slaPolicyWarnings(policy.targets)).toEqual([]);
      expect(
        policy.calendarName === null ||
          DEMO_SLA_CALENDARS.some((calendar) => calendar.name === policy.calendarName),
      ).toBe(true);
    }
    expect(DEMO_SLA_POLICIES.map((policy) => policy.inboxCode)).toEqual(
      DEMO_INBOXES.map((inbox) => inbox.code),
    );
  });

  it('count city inboxes in city hours and the escalation desks around the clock', () => {
    const schedules = demoSlaSchedules(NOW);
    const lisbonGuests = schedules.get('LIS_GUEST')!;
    // Saturday 21:30 in Lisbon: a P3's two business hours run to Sunday 09:30…
    expect(
      addBusinessMinutes(
        new Date('2026-03-07T21:30:00Z'),
        lisbonGuests.targets.P3.firstResponse.minutes,
        lisbonGuests.calendar,
      ),
    ).toEqual(new Date('2026-03-08T09:30:00Z'));
    // …and Christmas Day does not count.
    expect(
      addBusinessMinutes(
        new Date('2026-12-24T21:30:00Z'),
        lisbonGuests.targets.P3.firstResponse.minutes,
        lisbonGuests.calendar,
      ),
    ).toEqual(new Date('2026-12-26T09:30:00Z'));
    expect(lisbonGuests.targets.P1.firstResponse.businessHours).toBe(false);

    // Mexico City's Friday night shift runs past midnight into Saturday.
    const mexicoDrivers = schedules.get('MEX_DRIVER')!;
    expect(
      addBusinessMinutes(
        new Date('2026-03-07T05:30:00Z'), // Friday 23:30 local
        60,
        mexicoDrivers.calendar,
      ),
    ).toEqual(new Date('2026-03-07T06:30:00Z'));

    const safety = schedules.get('ESCALATIONS_GUEST')!;
    expect(addBusinessMinutes(new Date('2026-12-25T03:00:00Z'), 5, safety.calendar)).toEqual(
      new Date('2026-12-25T03:05:00Z'),
    );
  });
});
