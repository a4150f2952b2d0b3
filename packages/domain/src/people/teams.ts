import { z } from 'zod';

/**
 * Support L1 and escalations L2 work conversations; the four downstream teams of the
 * escalation matrix receive handoffs.
 */
export const TEAM_KINDS = [
  'support_l1',
  'escalations_l2',
  'finance_payouts',
  'engineering_platform',
  'operations_fleet',
  'compliance_legal',
] as const;
export const teamKindSchema = z.enum(TEAM_KINDS);
export type TeamKind = z.infer<typeof teamKindSchema>;

export const TEAM_KIND_LABELS: Record<TeamKind, string> = {
  support_l1: 'Support L1',
  escalations_l2: 'Escalations L2',
  finance_payouts: 'Finance & Payouts',
  engineering_platform: 'Engineering & Platform',
  operations_fleet: 'Operations & Fleet',
  compliance_legal: 'Compliance & Legal',
};

export const DOWNSTREAM_TEAM_KINDS = [
  'finance_payouts',
  'engineering_platform',
  'operations_fleet',
  'compliance_legal',
] as const satisfies readonly TeamKind[];
export type DownstreamTeamKind = (typeof DOWNSTREAM_TEAM_KINDS)[number];

export const MEMBERSHIP_ROLES = ['member', 'lead'] as const;
export const membershipRoleSchema = z.enum(MEMBERSHIP_ROLES);
export type MembershipRole = z.infer<typeof membershipRoleSchema>;
