import {
  ACTION_STATUSES,
  type CorrectiveActionStatus,
  INCIDENT_IMPACT_LABELS,
  INCIDENT_IMPACTS,
  INCIDENT_MONEY,
  INCIDENT_MONEY_LABELS,
  INCIDENT_SCOPE_LABELS,
  INCIDENT_SCOPES,
  INCIDENT_STATE_LABELS,
  INCIDENT_STATES,
  type IncidentState,
  SEVERITIES,
  SEVERITY_LABELS,
  type Severity,
  severitySchema,
} from '@switchboard/domain';

/* Select options and small lookups for the incident screens; the rules stay in the domain. */

export const SCOPE_OPTIONS = INCIDENT_SCOPES.map((value) => ({
  value,
  label: INCIDENT_SCOPE_LABELS[value],
}));
export const IMPACT_OPTIONS = INCIDENT_IMPACTS.map((value) => ({
  value,
  label: INCIDENT_IMPACT_LABELS[value],
}));
export const MONEY_OPTIONS = INCIDENT_MONEY.map((value) => ({
  value,
  label: INCIDENT_MONEY_LABELS[value],
}));
export const SEVERITY_OPTIONS = SEVERITIES.map((value) => ({
  value,
  label: SEVERITY_LABELS[value],
}));

export const ACTION_STATUS_LABELS: Record<CorrectiveActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
};
export const ACTION_STATUS_OPTIONS = ACTION_STATUSES.map((value) => ({
  value,
  label: ACTION_STATUS_LABELS[value],
}));

export function severityOf(value: unknown): Severity | null {
  return severitySchema.safeParse(value).data ?? null;
}

export function incidentStateOf(value: unknown): IncidentState | null {
  return (INCIDENT_STATES as readonly unknown[]).includes(value) ? (value as IncidentState) : null;
}

export function actionStatusOf(value: unknown): CorrectiveActionStatus | null {
  return (ACTION_STATUSES as readonly unknown[]).includes(value)
    ? (value as CorrectiveActionStatus)
    : null;
}

/**
 * The states a status update may set: the current one or a later one. Resolving is its own
 * step (with a summary), so it is never among them.
 */
export function updateStateOptions(current: IncidentState) {
  return INCIDENT_STATES.slice(INCIDENT_STATES.indexOf(current))
    .filter((state) => state !== 'resolved')
    .map((value) => ({ value, label: INCIDENT_STATE_LABELS[value] }));
}

export const incidentPath = (incidentId: string) => `/incidents/${encodeURIComponent(incidentId)}`;

/** Conversations open in the workspace, another app: a plain link, not a router one. */
export const conversationHref = (conversationId: string) =>
  `/workspace/conversations/${encodeURIComponent(conversationId)}`;

/** Today as the server dates corrective actions: YYYY-MM-DD. */
export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);
