import { z } from 'zod';
import type { Audience } from '../shared/enums.ts';
import { instantOfLocalTime } from '../sla/business-time.ts';
import { localClock, shiftDate } from '../sla/calendar.ts';
import type { KpiFigures } from './figures.ts';

/*
 * Weekly and monthly snapshots: a frozen report of a closed period. Everything a snapshot
 * shows is stored in it (as JSON), with the version of each KPI definition it used.
 */

export const SNAPSHOT_KINDS = ['weekly', 'monthly'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];
export const snapshotKindSchema = z.enum(SNAPSHOT_KINDS, { error: 'Choose weekly or monthly' });

export const SNAPSHOT_KIND_LABELS: Record<SnapshotKind, string> = {
  weekly: 'Weekly',
  monthly: 'Monthly',
};

/** Snapshots are cut at local midnight in this zone (the operation's home time zone). */
export const SNAPSHOT_TIME_ZONE = 'Europe/Lisbon';

export interface SnapshotPeriod {
  kind: SnapshotKind;
  from: Date;
  to: Date;
  timeZone: string;
}

/**
 * The last complete period before `now`: the week Monday to Monday, or the calendar month,
 * between local midnights in `timeZone`.
 */
export function lastCompletePeriod(
  kind: SnapshotKind,
  now: Date,
  timeZone: string = SNAPSHOT_TIME_ZONE,
): SnapshotPeriod {
  const today = localClock(now, timeZone);
  let end: string;
  let start: string;
  if (kind === 'weekly') {
    const sinceMonday = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(today.weekday);
    end = shiftDate(today.date, -sinceMonday);
    start = shiftDate(end, -7);
  } else {
    end = `${today.date.slice(0, 7)}-01`;
    start = shiftDate(end, 0, -1);
  }
  return {
    kind,
    from: instantOfLocalTime(start, '00:00', timeZone),
    to: instantOfLocalTime(end, '00:00', timeZone),
    timeZone,
  };
}

/** The period of the same kind just before (the comparison a snapshot makes). */
export function periodBefore(period: SnapshotPeriod): SnapshotPeriod {
  const start = localClock(period.from, period.timeZone).date;
  const previousStart = period.kind === 'weekly' ? shiftDate(start, -7) : shiftDate(start, 0, -1);
  return {
    ...period,
    from: instantOfLocalTime(previousStart, '00:00', period.timeZone),
    to: period.from,
  };
}

/** A request type or root cause, by volume, against the period before. */
export interface SnapshotDriver {
  code: string;
  name: string;
  count: number;
  previous: number;
}

/** An inbox whose schedule falls short of what its forecast needs. */
export interface SnapshotStaffingGap {
  inboxName: string;
  shortAgentHours: number;
  requiredAgentHours: number;
  scheduledAgentHours: number;
  /** The worst interval, e.g. "Mon 09:00", and how many agents it lacks. */
  worstInterval: string | null;
  worstGap: number;
}

export interface SnapshotTurnaround {
  team: string;
  acknowledgeP90Minutes: number | null;
  resolveP90Minutes: number | null;
  breached: number;
  returned: number;
}

/** Dates as ISO strings: what a snapshot stores is JSON. */
export type FrozenFigures = Omit<KpiFigures, 'backlog'> & {
  backlog: Omit<KpiFigures['backlog'], 'oldestCreatedAt'> & { oldestCreatedAt: string | null };
};

export function freezeFigures(figures: KpiFigures): FrozenFigures {
  return {
    ...figures,
    backlog: {
      ...figures.backlog,
      oldestCreatedAt: figures.backlog.oldestCreatedAt?.toISOString() ?? null,
    },
  };
}

export type AudienceSplit<T> = Record<Audience | 'all', T>;

export interface Recommendation {
  /** The rule that fired (SNAPSHOT_RULES). */
  rule: string;
  title: string;
  /** The numbers that triggered it, in words. */
  because: string;
}

export interface SnapshotContent {
  figures: AudienceSplit<FrozenFigures>;
  previous: AudienceSplit<FrozenFigures>;
  drivers: {
    requestTypes: Record<Audience, SnapshotDriver[]>;
    rootCauses: Record<Audience, SnapshotDriver[]>;
  };
  turnaround: SnapshotTurnaround[];
  staffingGaps: SnapshotStaffingGap[];
  recommendations: Recommendation[];
}

export const generateSnapshotInputSchema = z.object({ kind: snapshotKindSchema });
export const snapshotIdInputSchema = z.object({ snapshotId: z.uuid('Not a snapshot id') });
export const snapshotListInputSchema = z.object({
  kind: snapshotKindSchema.optional(),
  limit: z.number().int().min(1).max(100).default(30),
  offset: z.number().int().min(0).max(10_000).default(0),
});
