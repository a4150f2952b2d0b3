import { describe, expect, it } from 'vitest';
import { forecastArrivals } from './forecast.ts';
import { staffingGapOf } from './gaps.ts';
import { defaultStaffingPlanSettings, planStaffing } from './plan.ts';

const MONDAY_9 = 9;

describe('staffingGapOf', () => {
  const forecast = forecastArrivals({
    weeks: 1,
    history: [{ weeksAgo: 0, hourOfWeek: MONDAY_9, channel: 'chat', conversations: 60 }],
  });
  const settings = defaultStaffingPlanSettings(['chat'], 'EUR');

  it('names the agent-hours missing and the worst hour when shifts fall short', () => {
    const plan = planStaffing({ forecast, settings, shifts: [] });
    const gap = staffingGapOf('Guests — Lisbon', plan)!;
    expect(gap.inboxName).toBe('Guests — Lisbon');
    expect(gap.shortAgentHours).toBeGreaterThan(0);
    expect(gap.scheduledAgentHours).toBe(0);
    expect(gap.worstInterval).toBe('Mon 09:00');
    expect(gap.worstGap).toBe(Math.round(-plan.intervals[MONDAY_9]!.gap * 10) / 10);
  });

  it('is null when the shifts cover every hour', () => {
    const plan = planStaffing({
      forecast,
      settings,
      shifts: [{ weekday: 'mon', startsAt: '08:00', endsAt: '11:00', agents: 50 }],
    });
    expect(staffingGapOf('Guests — Lisbon', plan)).toBeNull();
  });
});
