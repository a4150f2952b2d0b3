export const CALENDARS_PATH = '/sla/calendars';
export const POLICIES_PATH = '/sla/policies';

/** A calendar's editor; `new` starts one. */
export function calendarEditorPath(calendarId: string | 'new'): string {
  return `${CALENDARS_PATH}/${encodeURIComponent(calendarId)}`;
}

export function policyEditorPath(inboxId: string): string {
  return `${POLICIES_PATH}/${encodeURIComponent(inboxId)}`;
}

/** The change history of one calendar or one inbox's policy (by its id). */
export function slaHistoryPath(entityId: string): string {
  return `/changes?entityId=${encodeURIComponent(entityId)}`;
}
