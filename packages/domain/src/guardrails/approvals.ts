import { z } from 'zod';
import type { Role } from '../people/roles.ts';
import type { TeamKind } from '../people/teams.ts';
import type { ApproverRole } from './decide.ts';

/** How long an approval may wait before the approvals queue shows it as breached. */
export const APPROVAL_SLA_MINUTES: Record<ApproverRole, number> = { lead: 120, finance: 480 };

/** Whoever may answer is reminded this long before an approval's SLA runs out. */
export const APPROVAL_REMINDER_MINUTES = 30;

export function approvalDueAt(requestedAt: Date, approverRole: ApproverRole): Date {
  return new Date(requestedAt.getTime() + APPROVAL_SLA_MINUTES[approverRole] * 60_000);
}

/** The approval queues a person answers: leads' (leads, admins) and Finance's (its members, admins). */
export function approverRolesOf(viewer: {
  role: Role;
  teamKinds: readonly TeamKind[];
}): ApproverRole[] {
  const roles: ApproverRole[] = [];
  if (viewer.role === 'admin' || viewer.role === 'lead') roles.push('lead');
  if (viewer.role === 'admin' || viewer.teamKinds.includes('finance_payouts'))
    roles.push('finance');
  return roles;
}

/**
 * Who may answer an approval: a lead's request any lead (or an admin); Finance's only
 * someone on a Finance & Payouts team (or an admin). Nobody answers their own request.
 */
export function mayAnswerApproval(
  approverRole: ApproverRole,
  viewer: { userId: string; role: Role; teamKinds: readonly TeamKind[] },
  requestedById: string,
): { ok: true } | { ok: false; why: string } {
  if (viewer.userId === requestedById) {
    return { ok: false, why: 'Someone else approves what you asked for' };
  }
  if (approverRolesOf(viewer).includes(approverRole)) return { ok: true };
  return {
    ok: false,
    why: approverRole === 'lead' ? 'A team lead approves this' : 'Finance & Payouts approves this',
  };
}

export const answerApprovalInputSchema = z.object({
  requestId: z.uuid('Not an approval request'),
  outcome: z.enum(['approved', 'rejected'], { error: 'Approve or reject' }),
  note: z.string().trim().max(2000, 'A note is at most 2,000 characters').default(''),
});
export type AnswerApprovalInput = z.infer<typeof answerApprovalInputSchema>;

export const approvalListInputSchema = z.object({
  /** Only requests still waiting (the queue), or the answered ones too (the record). */
  state: z.enum(['waiting', 'answered']).default('waiting'),
  limit: z.number().int().min(1).max(100).default(50),
  offset: z.number().int().min(0).default(0),
});
