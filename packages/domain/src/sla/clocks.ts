import type { Priority } from '../conversations/priority.ts';
import type { ConversationStatus } from '../conversations/status.ts';
import { DEFAULT_SLA_TARGETS, SLA_AT_RISK_MS, type SlaTargets } from './targets.ts';

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

const at = (from: Date, ms: number) => new Date(from.getTime() + ms);

/** Clocks of a conversation created at `createdAt`: first response and resolution run. */
export function startClocks(
  createdAt: Date,
  priority: Priority,
  targets: Record<Priority, SlaTargets> = DEFAULT_SLA_TARGETS,
): SlaClocks {
  const target = targets[priority];
  return {
    firstResponseDueAt: at(createdAt, target.firstResponseMs),
    nextResponseDueAt: null,
    resolutionDueAt: at(createdAt, target.resolutionMs),
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
  targets: Record<Priority, SlaTargets> = DEFAULT_SLA_TARGETS,
): SlaClocks {
  const clocks = resume(facts, now);
  if (facts.firstResponseAt === null || clocks.nextResponseDueAt !== null) return clocks;
  return { ...clocks, nextResponseDueAt: at(now, targets[facts.priority].nextResponseMs) };
}

/** Pending (waiting on the customer) and snoozed pause every clock; other statuses run them. */
export function clocksForStatus(
  clocks: SlaClocks,
  status: ConversationStatus,
  now: Date,
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
  return resume(clocks, now);
}

/** A reopened conversation owes a next response and a fresh resolution. */
export function onReopen(
  facts: SlaFacts,
  now: Date,
  targets: Record<Priority, SlaTargets> = DEFAULT_SLA_TARGETS,
): SlaClocks {
  const target = targets[facts.priority];
  return {
    firstResponseDueAt: facts.firstResponseAt === null ? at(now, target.firstResponseMs) : null,
    nextResponseDueAt: facts.firstResponseAt === null ? null : at(now, target.nextResponseMs),
    resolutionDueAt: at(now, target.resolutionMs),
    slaPausedAt: null,
  };
}

/**
 * A priority change re-targets the running clocks from when each started, so raising a
 * conversation to P1 brings its due times forward at once.
 */
export function onPriorityChange(
  facts: SlaFacts,
  from: Priority,
  to: Priority,
  targets: Record<Priority, SlaTargets> = DEFAULT_SLA_TARGETS,
): SlaClocks {
  const shift = (due: Date | null, key: keyof SlaTargets) =>
    due === null ? null : at(due, targets[to][key] - targets[from][key]);
  return {
    firstResponseDueAt: shift(facts.firstResponseDueAt, 'firstResponseMs'),
    nextResponseDueAt: shift(facts.nextResponseDueAt, 'nextResponseMs'),
    resolutionDueAt: shift(facts.resolutionDueAt, 'resolutionMs'),
    slaPausedAt: facts.slaPausedAt,
  };
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

/** Un-pauses the clocks, pushing every due time back by the time spent paused. */
function resume(clocks: SlaClocks, now: Date): SlaClocks {
  if (!clocks.slaPausedAt) return clocksOf(clocks);
  const paused = Math.max(0, now.getTime() - clocks.slaPausedAt.getTime());
  const push = (due: Date | null) => (due === null ? null : at(due, paused));
  return {
    firstResponseDueAt: push(clocks.firstResponseDueAt),
    nextResponseDueAt: push(clocks.nextResponseDueAt),
    resolutionDueAt: push(clocks.resolutionDueAt),
    slaPausedAt: null,
  };
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

export type SlaState = 'breached' | 'at_risk' | 'on_track' | 'none';

export function slaState(dueAt: Date | null, now: Date): SlaState {
  if (dueAt === null) return 'none';
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return 'breached';
  return left <= SLA_AT_RISK_MS ? 'at_risk' : 'on_track';
}
