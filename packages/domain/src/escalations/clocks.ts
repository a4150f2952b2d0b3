import type { Severity } from '../shared/severity.ts';
import { addBusinessMinutes } from '../sla/business-time.ts';
import type { EscalationState } from './lifecycle.ts';
import type { EscalationMatrixEntry } from './matrix.ts';

export interface EscalationDueTimes {
  acknowledgeDueAt: Date;
  resolveDueAt: Date;
}

/**
 * Both clocks start when the escalation is sent (or sent again after a return) and run in the
 * owner team's business calendar.
 */
export function escalationDueTimes(
  sentAt: Date,
  severity: Severity,
  entry: Pick<EscalationMatrixEntry, 'sla' | 'calendar'>,
): EscalationDueTimes {
  const targets = entry.sla[severity];
  return {
    acknowledgeDueAt: addBusinessMinutes(sentAt, targets.acknowledgeMinutes, entry.calendar),
    resolveDueAt: addBusinessMinutes(sentAt, targets.resolveMinutes, entry.calendar),
  };
}

export type EscalationClock = 'acknowledge' | 'resolve';
export type EscalationAlertKind = 'reminder' | 'breach';

export interface EscalationAlert {
  clock: EscalationClock;
  kind: EscalationAlertKind;
  /** Unique per escalation: an alert is sent once, also across restarts and processes. */
  key: string;
  dueAt: Date;
}

export interface EscalationClockState extends EscalationDueTimes {
  state: EscalationState;
  /** 1 for the first send, +1 for each resend: each round has its own alerts. */
  round: number;
}

function runningClocks(state: EscalationState): EscalationClock[] {
  if (state === 'open') return ['acknowledge', 'resolve'];
  if (state === 'acknowledged' || state === 'in_progress') return ['resolve'];
  return [];
}

/** The alerts an escalation's running clocks owe at `now` (see clockAlertDue). */
export function escalationAlertsDue(
  escalation: EscalationClockState,
  now: Date,
  reminderMinutesBefore: number,
): EscalationAlert[] {
  return runningClocks(escalation.state).flatMap((clock) => {
    const dueAt = clock === 'acknowledge' ? escalation.acknowledgeDueAt : escalation.resolveDueAt;
    const alert = clockAlertDue(dueAt, now, reminderMinutesBefore);
    return alert
      ? [{ clock, kind: alert, key: `r${escalation.round}:${clock}:${alert}`, dueAt }]
      : [];
  });
}

/**
 * What a running clock owes at `now`: a reminder from `reminderMinutesBefore` before it is due,
 * a breach once it is past due (a breached clock owes no reminder any more), else nothing.
 */
export function clockAlertDue(
  dueAt: Date,
  now: Date,
  reminderMinutesBefore: number,
): EscalationAlertKind | null {
  if (now.getTime() > dueAt.getTime()) return 'breach';
  if (
    reminderMinutesBefore > 0 &&
    now.getTime() >= dueAt.getTime() - reminderMinutesBefore * 60_000
  ) {
    return 'reminder';
  }
  return null;
}

/**
 * When the escalation next owes an alert it has not had (`sent` holds the keys already sent),
 * or null when nothing more is owed: stored on the row so the alert job reads an index.
 */
export function nextEscalationAlertAt(
  escalation: EscalationClockState,
  reminderMinutesBefore: number,
  sent: ReadonlySet<string>,
): Date | null {
  const times: number[] = [];
  for (const clock of runningClocks(escalation.state)) {
    const due = (
      clock === 'acknowledge' ? escalation.acknowledgeDueAt : escalation.resolveDueAt
    ).getTime();
    const prefix = `r${escalation.round}:${clock}`;
    if (sent.has(`${prefix}:breach`)) continue;
    if (reminderMinutesBefore > 0 && !sent.has(`${prefix}:reminder`)) {
      times.push(due - reminderMinutesBefore * 60_000);
    } else {
      times.push(due + 1);
    }
  }
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

/** Which running clocks have run out at `now`, as queues and panels show them. */
export function escalationBreaches(
  escalation: Pick<EscalationClockState, 'state' | 'acknowledgeDueAt' | 'resolveDueAt'>,
  now: Date,
): { acknowledgeBreached: boolean; resolveBreached: boolean } {
  const running = runningClocks(escalation.state);
  return {
    acknowledgeBreached: running.includes('acknowledge') && escalation.acknowledgeDueAt < now,
    resolveBreached: running.includes('resolve') && escalation.resolveDueAt < now,
  };
}

/** The clock that matters now: acknowledging while open, resolving while it is worked. */
export function currentEscalationClock(state: EscalationState): EscalationClock | null {
  return runningClocks(state)[0] ?? null;
}
