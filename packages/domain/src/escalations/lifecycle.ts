import type { Role } from '../people/roles.ts';

/*
 * An escalation's life: the owner team acknowledges it, works it and resolves it, or sends it
 * back to support with a reason; support corrects a returned one and sends it again.
 */

export const ESCALATION_STATES = [
  'open',
  'acknowledged',
  'in_progress',
  'resolved',
  'rejected',
] as const;
export type EscalationState = (typeof ESCALATION_STATES)[number];

export const ESCALATION_STATE_LABELS: Record<EscalationState, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  resolved: 'Resolved',
  rejected: 'Returned to support',
};

export const REJECTION_REASONS = ['missing_information', 'wrong_team', 'not_actionable'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];
export const REJECTION_REASON_LABELS: Record<RejectionReason, string> = {
  missing_information: 'Missing information',
  wrong_team: 'Wrong team',
  not_actionable: 'Nothing for us to do',
};

/** Team-side moves are the owner queue's; resending is support's. */
export type EscalationMove = 'acknowledge' | 'start' | 'resolve' | 'reject' | 'resend';
export const TEAM_MOVES: readonly EscalationMove[] = ['acknowledge', 'start', 'resolve', 'reject'];

const MOVES: Record<EscalationMove, { from: readonly EscalationState[]; to: EscalationState }> = {
  acknowledge: { from: ['open'], to: 'acknowledged' },
  // Starting work on an unacknowledged escalation acknowledges it too.
  start: { from: ['open', 'acknowledged'], to: 'in_progress' },
  resolve: { from: ['acknowledged', 'in_progress'], to: 'resolved' },
  reject: { from: ['open', 'acknowledged', 'in_progress'], to: 'rejected' },
  resend: { from: ['rejected'], to: 'open' },
};

export type MoveResult = { ok: true; to: EscalationState } | { ok: false; why: string };

export function moveEscalation(state: EscalationState, move: EscalationMove): MoveResult {
  const rule = MOVES[move];
  if (rule.from.includes(state)) return { ok: true, to: rule.to };
  return {
    ok: false,
    why: `An escalation that is ${ESCALATION_STATE_LABELS[state].toLowerCase()} cannot be ${PAST[move]}`,
  };
}

const PAST: Record<EscalationMove, string> = {
  acknowledge: 'acknowledged',
  start: 'started',
  resolve: 'resolved',
  reject: 'returned',
  resend: 'sent again',
};

/** Moves that make sense from a state, for the buttons a person sees. */
export function movesFrom(state: EscalationState): EscalationMove[] {
  return (Object.keys(MOVES) as EscalationMove[]).filter((move) =>
    MOVES[move].from.includes(state),
  );
}

export function isEscalationOpen(state: EscalationState): boolean {
  return state === 'open' || state === 'acknowledged' || state === 'in_progress';
}

/**
 * The owner team's members work its queue; admins may act anywhere. Support (who escalated, or
 * anyone with the conversation) resends a returned escalation.
 */
export function mayMoveEscalation(
  move: EscalationMove,
  viewer: { role: Role; teamIds: readonly string[] },
  ownerTeamId: string,
): { ok: true } | { ok: false; why: string } {
  if (viewer.role === 'admin') return { ok: true };
  if (move === 'resend') return { ok: true };
  return viewer.teamIds.includes(ownerTeamId)
    ? { ok: true }
    : { ok: false, why: 'Only the owner team works this escalation' };
}

/** Leads and admins oversee every queue; others see their teams' and what they raised. */
export function seesEveryEscalation(role: Role): boolean {
  return role === 'admin' || role === 'lead';
}

/** How people quote an escalation: "ESC-1042". */
export const escalationLabel = (number: number) => `ESC-${number}`;
