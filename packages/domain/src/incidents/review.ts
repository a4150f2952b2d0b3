import { z } from 'zod';

/*
 * The post-incident review: what happened (a timeline built from the incident's own events),
 * why (the root cause), and what will stop it happening again (corrective actions with an
 * owner and a due date, tracked to done).
 */

export const ACTION_STATUSES = ['open', 'in_progress', 'done'] as const;
export type CorrectiveActionStatus = (typeof ACTION_STATUSES)[number];

export const correctiveActionInputSchema = z.object({
  title: z.string().trim().min(5, 'Say what will be done (at least 5 characters)').max(300),
  ownerId: z.string().trim().min(1, 'Choose an owner'),
  dueDate: z.iso.date({ error: 'A due date, e.g. 2026-12-15' }),
});

export interface ReviewAction {
  status: CorrectiveActionStatus;
  dueDate: string;
}

/** How far the review's actions are: done of total, and how many are past due and not done. */
export function reviewProgress(actions: readonly ReviewAction[], today: string) {
  const done = actions.filter((action) => action.status === 'done').length;
  const overdue = actions.filter(
    (action) => action.status !== 'done' && action.dueDate < today,
  ).length;
  return {
    done,
    total: actions.length,
    overdue,
    complete: actions.length > 0 && done === actions.length,
  };
}

export interface IncidentEventFact {
  type: string;
  at: Date;
  actorName: string | null;
  payload: Record<string, unknown>;
}

export interface TimelineEntry {
  at: Date;
  text: string;
}

const count = (payload: Record<string, unknown>, key: string) => Number(payload[key] ?? 0);

/** The review's timeline: what happened when, in order, from the incident's events. */
export function incidentTimeline(events: readonly IncidentEventFact[]): TimelineEntry[] {
  const who = (event: IncidentEventFact) => event.actorName ?? 'Switchboard';
  return [...events]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .flatMap((event): TimelineEntry[] => {
      const p = event.payload;
      switch (event.type) {
        case 'declared':
          return [
            {
              at: event.at,
              text: `${who(event)} declared it as ${String(p.severity).toUpperCase()}: ${String(p.title ?? '')}`,
            },
          ];
        case 'severity_changed':
          return [
            {
              at: event.at,
              text: `${who(event)} changed severity ${String(p.from).toUpperCase()} → ${String(p.to).toUpperCase()}`,
            },
          ];
        case 'status_update':
          return [
            {
              at: event.at,
              text: `${who(event)} posted an update (${String(p.state)}): ${String(p.body ?? '')}`,
            },
          ];
        case 'roles_assigned':
          return [
            {
              at: event.at,
              text: `${who(event)} assigned roles: commander ${String(p.commanderName ?? '—')}, communications ${String(p.communicationsName ?? '—')}`,
            },
          ];
        case 'conversations_linked':
          return [
            {
              at: event.at,
              text: `${who(event)} linked ${count(p, 'count')} conversation${count(p, 'count') === 1 ? '' : 's'}`,
            },
          ];
        case 'bulk_reply':
          return [
            {
              at: event.at,
              text: `${who(event)} replied to ${count(p, 'count')} contacts at once`,
            },
          ];
        case 'update_overdue':
          return [{ at: event.at, text: 'A status update was overdue' }];
        case 'resolved':
          return [{ at: event.at, text: `${who(event)} resolved it: ${String(p.summary ?? '')}` }];
        default:
          return [];
      }
    });
}
