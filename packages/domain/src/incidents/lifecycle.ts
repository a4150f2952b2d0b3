import type { Role } from '../people/roles.ts';
import type { Severity } from '../shared/severity.ts';

/*
 * An incident is worked in the open: investigating → identified → monitoring → resolved, with
 * status updates on a cadence set by its severity. Resolving it opens its post-incident review.
 */

export const INCIDENT_STATES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export const INCIDENT_STATE_LABELS: Record<IncidentState, string> = {
  investigating: 'Investigating',
  identified: 'Cause identified',
  monitoring: 'Fix in place, monitoring',
  resolved: 'Resolved',
};

/** Minutes between status updates while the incident is open. */
export const STATUS_UPDATE_CADENCE_MINUTES: Record<Severity, number> = {
  sev1: 30,
  sev2: 60,
  sev3: 240,
  sev4: 1440,
};

/** Whoever owes the update is reminded this long before it is due. */
export const STATUS_UPDATE_REMINDER_MINUTES = 10;

export type IncidentMoveResult = { ok: true } | { ok: false; why: string };

/** A status update may keep the state or move it forward; a resolved incident stays resolved. */
export function mayMoveIncident(from: IncidentState, to: IncidentState): IncidentMoveResult {
  if (from === 'resolved')
    return { ok: false, why: 'This incident is resolved; declare a new one' };
  if (INCIDENT_STATES.indexOf(to) < INCIDENT_STATES.indexOf(from)) {
    return {
      ok: false,
      why: `An incident that is ${INCIDENT_STATE_LABELS[from].toLowerCase()} does not go back to ${INCIDENT_STATE_LABELS[to].toLowerCase()}`,
    };
  }
  return { ok: true };
}

/** When the next status update is owed: a cadence after the last one, none once resolved. */
export function nextStatusUpdateDue(
  state: IncidentState,
  severity: Severity,
  lastUpdateAt: Date,
): Date | null {
  if (state === 'resolved') return null;
  return new Date(lastUpdateAt.getTime() + STATUS_UPDATE_CADENCE_MINUTES[severity] * 60_000);
}

/** Who runs an incident (updates, roles, bulk replies, review): its commander and communications lead, leads and admins. */
export function mayRunIncident(
  viewer: { userId: string; role: Role },
  incident: { commanderId: string | null; communicationsId: string | null },
): boolean {
  return (
    viewer.role === 'lead' ||
    viewer.role === 'admin' ||
    incident.commanderId === viewer.userId ||
    incident.communicationsId === viewer.userId
  );
}

/** How people quote an incident: "INC-104". */
export const incidentLabel = (number: number) => `INC-${number}`;
