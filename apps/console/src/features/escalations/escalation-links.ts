import type { DownstreamTeamKind } from '@switchboard/domain';

export function matrixEditorPath(teamKind: DownstreamTeamKind): string {
  return `/escalations/matrix/${teamKind}`;
}

/** The change history of one team's matrix entry. */
export function matrixHistoryPath(entryId: string): string {
  return `/changes?entityType=escalation_matrix&entityId=${encodeURIComponent(entryId)}`;
}

/**
 * An escalation's page lives in the workspace, another app under another base path: a plain
 * address for an anchor, not a route of the console's router.
 */
export function workspaceEscalationHref(escalationId: string): string {
  return `/workspace/escalations/${encodeURIComponent(escalationId)}`;
}
