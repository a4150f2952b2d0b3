import { z } from 'zod';

export const ROLES = ['agent', 'lead', 'trainer', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  agent: 'Agent',
  lead: 'Team lead',
  trainer: 'Trainer',
  admin: 'Admin',
};

/**
 * Who may use each surface. The workspace is for everyone who handles conversations
 * (leads and admins step in too; trainers shadow and review). The console is where
 * leads, trainers and admins shape the operation; agents never enter it.
 */
export const ACCESS = {
  workspace: ['agent', 'lead', 'trainer', 'admin'],
  console: ['lead', 'trainer', 'admin'],
  lead: ['lead', 'admin'],
  trainer: ['trainer', 'lead', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type AccessLevel = keyof typeof ACCESS;

export function hasAccess(role: Role, level: AccessLevel): boolean {
  return (ACCESS[level] as readonly Role[]).includes(role);
}

/** L1 agents take first contact; L2 agents own complex escalations and higher guardrail tiers. */
export const AGENT_TIERS = ['L1', 'L2'] as const;
export const agentTierSchema = z.enum(AGENT_TIERS);
export type AgentTier = z.infer<typeof agentTierSchema>;

export const AVAILABILITIES = ['online', 'away', 'offline'] as const;
export const availabilitySchema = z.enum(AVAILABILITIES);
export type Availability = z.infer<typeof availabilitySchema>;
