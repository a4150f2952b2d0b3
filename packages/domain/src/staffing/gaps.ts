import type { SnapshotStaffingGap } from '../kpi/snapshot.ts';
import type { StaffingPlanResult } from './plan.ts';
import { hourOfWeekLabel } from './shifts.ts';

/**
 * How far an inbox's week falls short, as a snapshot reports it: the agent-hours missing, the
 * week's required and scheduled totals, and its worst hour. Null when nothing is short.
 */
export function staffingGapOf(
  inboxName: string,
  { intervals, totals }: StaffingPlanResult,
): SnapshotStaffingGap | null {
  if (totals.shortfallAgentHours <= 0) return null;
  const worst = intervals.reduce((low, interval) => (interval.gap < low.gap ? interval : low));
  return {
    inboxName,
    shortAgentHours: Math.round(totals.shortfallAgentHours * 10) / 10,
    requiredAgentHours: totals.requiredAgentHours,
    scheduledAgentHours: totals.scheduledAgentHours,
    worstInterval: worst.gap < 0 ? hourOfWeekLabel(worst.hourOfWeek) : null,
    worstGap: Math.round(Math.max(0, -worst.gap) * 10) / 10,
  };
}
