import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCESS,
  type AccessLevel,
  agentTierSchema,
  availabilitySchema,
  hasAccess,
  ROLE_LABELS,
  ROLES,
  type Role,
  roleSchema,
} from './roles.ts';

const LEVELS = Object.keys(ACCESS) as AccessLevel[];

/** The access matrix, written out in full: role → the surfaces it may use. */
const MATRIX: Record<Role, Record<AccessLevel, boolean>> = {
  agent: { workspace: true, console: false, lead: false, trainer: false, admin: false },
  lead: { workspace: true, console: true, lead: true, trainer: true, admin: false },
  trainer: { workspace: true, console: true, lead: false, trainer: true, admin: false },
  admin: { workspace: true, console: true, lead: true, trainer: true, admin: true },
};

describe('roles', () => {
  it('are agent, lead, trainer and admin, each with a label', () => {
    expect(ROLES).toEqual(['agent', 'lead', 'trainer', 'admin']);
    for (const role of ROLES) expect(ROLE_LABELS[role]).toBeTruthy();
    expect(roleSchema.safeParse('owner').success).toBe(false);
  });

  it('has exactly five access levels', () => {
    expect(LEVELS.sort()).toEqual(['admin', 'console', 'lead', 'trainer', 'workspace']);
  });

  it.each(
    ROLES.flatMap((role) => LEVELS.map((level) => [role, level, MATRIX[role][level]] as const)),
  )('%s → %s: %s', (role, level, expected) => {
    expect(hasAccess(role, level)).toBe(expected);
  });

  it('agents have the workspace only', () => {
    expect(LEVELS.filter((level) => hasAccess('agent', level))).toEqual(['workspace']);
  });

  it('trainers reach the console and trainer surfaces, not lead or admin', () => {
    expect(hasAccess('trainer', 'console')).toBe(true);
    expect(hasAccess('trainer', 'trainer')).toBe(true);
    expect(hasAccess('trainer', 'lead')).toBe(false);
    expect(hasAccess('trainer', 'admin')).toBe(false);
  });

  it('admins reach everything', () => {
    for (const level of LEVELS) expect(hasAccess('admin', level)).toBe(true);
  });

  it('property: every role reaches the workspace, and admin access implies every other level', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.constantFrom(...LEVELS), (role, level) => {
        expect(hasAccess(role, 'workspace')).toBe(true);
        if (hasAccess(role, 'admin')) expect(hasAccess(role, level)).toBe(true);
        // Every surface beyond the workspace lives inside the console.
        if (level !== 'workspace' && hasAccess(role, level))
          expect(hasAccess(role, 'console')).toBe(true);
      }),
    );
  });

  it('agent tiers and availabilities are closed sets', () => {
    expect(agentTierSchema.safeParse('L1').success).toBe(true);
    expect(agentTierSchema.safeParse('L3').success).toBe(false);
    expect(availabilitySchema.safeParse('away').success).toBe(true);
    expect(availabilitySchema.safeParse('busy').success).toBe(false);
  });
});
