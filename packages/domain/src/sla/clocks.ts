import type { Priority } from '../conversations/priority.ts';
import type { ConversationStatus } from '../conversations/status.ts';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  subtractBusinessMinutes,
} from './business-time.ts';
import {
  calendarOfTarget,
  DEFAULT_SLA_SCHEDULE,
  type SlaSchedule,
  type SlaTarget,
  type SlaTargetKind,
} from './policy.ts';
import { SLA_AT_RISK_MS } from './targets.ts';

/** The due times stored on a conversation, so breach queries are index scans. */
export interface SlaClocks {
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  /** Set while the clock is paused (pending on the customer, or snoozed). */
  slaPausedAt: Date | null;
}

export interface SlaFacts extends SlaClocks {
  createdAt: Date;
  priority: Priority;
  firstResponseAt: Date | null;
}

const DUE_FIELD: Record<SlaTargetKind, keyof Omit<SlaClocks, 'slaPausedAt'>> = {
  firstResponse: 'firstResponseDueAt',
  nextResponse: 'nextResponseDueAt',
  resolution: 'resolutionDueAt',
};
const KINDS = Object.keys(DUE_FIELD) as SlaTargetKind[];

/** When a target started at `start` falls due, counted in its own calendar. */
export function dueAfter(start: Date, target: SlaTarget, schedule: SlaSchedule): Date {
  if (!target.businessHours) return new Date(start.getTime() + target.minutes * 60_000);
  return addBusinessMinutes(start, target.minutes, schedule.calendar);
}

/** Clocks of a conversation created at `createdAt`: first response and resolution run. */
export function startClocks(
  createdAt: Date,
  priority: Priority,
  schedule: SlaSchedule = DEFAULT_SLA_SCHEDULE,
): SlaClocks {
  const targets = schedule.targets[priority];
  return {
    firstResponseDueAt: dueAfter(createdAt, targets.firstResponse, schedule),
    nextResponseDueAt: null,
    resolutionDueAt: dueAfter(createdAt, targets.resolution, schedule),
    slaPausedAt: null,
  };
}

/**
 * A public agent reply stops the response clocks: the first response is met (or missed)
 * once and for all, and no next response is owed until the customer writes again.
 */
export function onAgentReply(clocks: SlaClocks): SlaClocks {
  return { ...clocksOf(clocks), firstResponseDueAt: null, nextResponseDueAt: null };
}

/**
 * The customer writes again. Before any agent reply the first-response clock keeps
 * running; after one, a next-response clock starts (unless one is already running).
 */
export function onCustomerMessage(
  facts: SlaFacts,
  now: Date,
  schedule: SlaSchedule = DEFAULT_SLA_SCHEDULE,
): SlaClocks {
  const clocks = resume(facts, facts.priority, now, schedule);
  if (facts.firstResponseAt === null || clocks.nextResponseDueAt !== null) return clocks;
  return {
    ...clocks,
    nextResponseDueAt: dueAfter(now, schedule.targets[facts.priority].nextResponse, schedule),
  };
}

/** Pending (waiting on the customer) and snoozed pause every clock; other statuses run them. */
export function clocksForStatus(
  clocks: SlaClocks,
  status: ConversationStatus,
  now: Date,
  rules: { schedule: SlaSchedule; priority: Priority } = DEFAULT_RULES,
): SlaClocks {
  if (status === 'pending' || status === 'snoozed') {
    return { ...clocksOf(clocks), slaPausedAt: clocks.slaPausedAt ?? now };
  }
  if (status === 'resolved' || status === 'closed') {
    return {
      firstResponseDueAt: null,
      nextResponseDueAt: null,
      resolutionDueAt: null,
      slaPausedAt: null,
    };
  }
  return resume(clocks, rules.priority, now, rules.schedule);
}

/** Around-the-clock defaults: the priority does not change how a paused clock resumes. */
const DEFAULT_RULES = { schedule: DEFAULT_SLA_SCHEDULE, priority: 'P3' as Priority };

/** A reopened conversation owes a next response and a fresh resolution. */
export function onReopen(
  facts: SlaFacts,
  now: Date,
  schedule: SlaSchedule = DEFAULT_SLA_SCHEDULE,
): SlaClocks {
  const targets = schedule.targets[facts.priority];
  const responded = facts.firstResponseAt !== null;
  return {
    firstResponseDueAt: responded ? null : dueAfter(now, targets.firstResponse, schedule),
    nextResponseDueAt: responded ? dueAfter(now, targets.nextResponse, schedule) : null,
    resolutionDueAt: dueAfter(now, targets.resolution, schedule),
    slaPausedAt: null,
  };
}

/**
 * A priority change re-targets the running clocks from when each started, so raising a
 * conversation to P1 brings its due times forward at once: each due time moves by the
 * difference between the two targets, in the calendar the new target counts in.
 */
export function onPriorityChange(
  facts: SlaFacts,
  from: Priority,
  to: Priority,
  schedule: SlaSchedule = DEFAULT_SLA_SCHEDULE,
): SlaClocks {
  const shifted = clocksOf(facts);
  for (const kind of KINDS) {
    const due = facts[DUE_FIELD[kind]];
    if (due === null) continue;
    const target = schedule.targets[to][kind];
    const difference = target.minutes - schedule.targets[from][kind].minutes;
    const calendar = calendarOfTarget(target, schedule);
    shifted[DUE_FIELD[kind]] =
      difference >= 0
        ? addBusinessMinutes(due, difference, calendar)
        : subtractBusinessMinutes(due, -difference, calendar);
  }
  return shifted;
}

/** Just the clock fields of a conversation-like object. */
export function clocksOf(source: SlaClocks): SlaClocks {
  return {
    firstResponseDueAt: source.firstResponseDueAt,
    nextResponseDueAt: source.nextResponseDueAt,
    resolutionDueAt: source.resolutionDueAt,
    slaPausedAt: source.slaPausedAt,
  };
}

/**
 * Un-pauses the clocks: what was left of each target when it paused is counted again from
 * now, in that target's calendar. A clock already breached when it paused stays breached.
 */
export function resume(
  clocks: SlaClocks,
  priority: Priority,
  now: Date,
  schedule: SlaSchedule = DEFAULT_SLA_SCHEDULE,
): SlaClocks {
  const pausedAt = clocks.slaPausedAt;
  if (!pausedAt) return clocksOf(clocks);
  const resumed = { ...clocksOf(clocks), slaPausedAt: null };
  const resumeAt = now > pausedAt ? now : pausedAt;
  for (const kind of KINDS) {
    const due = clocks[DUE_FIELD[kind]];
    if (due === null || due <= pausedAt) continue;
    const target = schedule.targets[priority][kind];
    if (!target.businessHours) {
      resumed[DUE_FIELD[kind]] = new Date(due.getTime() + resumeAt.getTime() - pausedAt.getTime());
      continue;
    }
    const calendar = calendarOfTarget(target, schedule);
    const left = businessMinutesBetween(pausedAt, due, calendar);
    resumed[DUE_FIELD[kind]] = addBusinessMinutes(resumeAt, left, calendar);
  }
  return resumed;
}

/**
 * The due time that matters now: the earliest running clock, response or resolution — a
 * resolution due before the next response is the first breach coming. Null while paused or
 * when nothing is owed. Stored as `sla_due_at` for sorting and at-risk / breached views.
 */
export function nextDueAt(clocks: SlaClocks): Date | null {
  if (clocks.slaPausedAt) return null;
  const running = [
    clocks.firstResponseDueAt,
    clocks.nextResponseDueAt,
    clocks.resolutionDueAt,
  ].filter((due): due is Date => due !== null);
  return running.length > 0 ? new Date(Math.min(...running.map((due) => due.getTime()))) : null;
}

/** Which clock `sla_due_at` is: the first of the running clocks falling due at that time. */
export function clockDueAt(clocks: SlaClocks, dueAt: Date): SlaTargetKind | null {
  return KINDS.find((kind) => clocks[DUE_FIELD[kind]]?.getTime() === dueAt.getTime()) ?? null;
}

export type SlaState = 'breached' | 'at_risk' | 'on_track' | 'none';

export function slaState(dueAt: Date | null, now: Date): SlaState {
  if (dueAt === null) return 'none';
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return 'breached';
  return left <= SLA_AT_RISK_MS ? 'at_risk' : 'on_track';
}
