import { z } from 'zod';
import { rolloutNoteSchema } from '../changes/diff.ts';
import { MEMBERSHIP_ROLES, TEAM_KINDS } from './teams.ts';

/** What leads edit about teams: the groups inboxes are staffed from. */

export const teamCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'Team code is UPPER_SNAKE_CASE, e.g. LIS_L1');

const teamName = z.string().trim().min(1, 'Name the team').max(120, 'At most 120 characters');
const teamDescription = z.string().trim().max(1000, 'At most 1,000 characters').default('');

export const createTeamInputSchema = z.object({
  code: teamCodeSchema,
  name: teamName,
  kind: z.enum(TEAM_KINDS, { error: 'Choose what the team does' }),
  description: teamDescription,
  rolloutNote: rolloutNoteSchema,
});
export type CreateTeamInput = z.infer<typeof createTeamInputSchema>;

export const updateTeamInputSchema = z.object({
  id: z.uuid('Not a team id'),
  name: teamName,
  description: teamDescription,
  rolloutNote: rolloutNoteSchema,
});
export type UpdateTeamInput = z.infer<typeof updateTeamInputSchema>;

export const teamIdInputSchema = z.object({ id: z.uuid('Not a team id') });

/** Adds someone to a team, or changes their role in it. */
export const teamMemberInputSchema = z.object({
  teamId: z.uuid('Not a team id'),
  userId: z.string().trim().min(1, 'Choose a person').max(100),
  role: z.enum(MEMBERSHIP_ROLES, { error: 'Role in the team: member or lead' }).default('member'),
  rolloutNote: rolloutNoteSchema,
});
export type TeamMemberInput = z.infer<typeof teamMemberInputSchema>;

export const removeTeamMemberInputSchema = z.object({
  teamId: z.uuid('Not a team id'),
  userId: z.string().trim().min(1, 'Choose a person').max(100),
  rolloutNote: rolloutNoteSchema,
});
export type RemoveTeamMemberInput = z.infer<typeof removeTeamMemberInputSchema>;
