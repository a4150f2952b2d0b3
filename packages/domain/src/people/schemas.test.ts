import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  emailSchema,
  signInSchema,
  skillSchema,
  type UserProfile,
  userListInputSchema,
  userProfileSchema,
} from './schemas.ts';

/** The paths of every issue, joined with dots, e.g. ["email", "languages.0"]. */
function errorPaths(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

function messageAt(result: z.ZodSafeParseResult<unknown>, path: string): string | undefined {
  if (result.success) return undefined;
  return result.error.issues.find((issue) => issue.path.join('.') === path)?.message;
}

const validProfile: UserProfile = {
  name: 'Ana Silva',
  email: 'ana@example.com',
  role: 'agent',
  languages: ['pt-PT', 'en'],
  skills: ['airport_transfers'],
  capacity: 4,
  availability: 'online',
};

describe('signInSchema', () => {
  it('accepts an email and a password', () => {
    expect(signInSchema.parse({ email: 'lead@example.com', password: 'x' })).toEqual({
      email: 'lead@example.com',
      password: 'x',
    });
  });

  it.each(['not-an-email', 'a@', '@example.com', 'a b@example.com', ''])(
    'rejects the email %j under the path email',
    (email) => {
      const result = signInSchema.safeParse({ email, password: 'secret' });
      expect(errorPaths(result)).toEqual(['email']);
      expect(messageAt(result, 'email')).toBe('Enter a valid email address');
    },
  );

  it('rejects an email longer than 254 characters', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`;
    expect(email.length).toBeGreaterThan(254);
    expect(errorPaths(signInSchema.safeParse({ email, password: 'secret' }))).toContain('email');
  });

  it('requires a password, at most 128 characters', () => {
    const empty = signInSchema.safeParse({ email: 'a@example.com', password: '' });
    expect(errorPaths(empty)).toEqual(['password']);
    expect(messageAt(empty, 'password')).toBe('Password is required');
    expect(
      errorPaths(signInSchema.safeParse({ email: 'a@example.com', password: 'x'.repeat(129) })),
    ).toEqual(['password']);
    expect(
      signInSchema.safeParse({ email: 'a@example.com', password: 'x'.repeat(128) }).success,
    ).toBe(true);
  });

  it('reports both fields when both are missing', () => {
    expect(errorPaths(signInSchema.safeParse({})).sort()).toEqual(['email', 'password']);
  });

  it('property: any well-formed address is accepted by emailSchema', () => {
    const localArb = fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/);
    const domainArb = fc.stringMatching(/^[a-z][a-z0-9]{0,15}\.[a-z]{2,6}$/);
    fc.assert(
      fc.property(localArb, domainArb, (local, domain) => {
        expect(emailSchema.safeParse(`${local}@${domain}`).success).toBe(true);
      }),
    );
  });

  it('property: a string without @ is never an email', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('@')),
        (s) => {
          expect(emailSchema.safeParse(s).success).toBe(false);
        },
      ),
    );
  });
});

describe('userProfileSchema', () => {
  it('accepts a complete profile and trims the name', () => {
    expect(userProfileSchema.parse({ ...validProfile, name: '  Ana Silva ' })).toEqual(
      validProfile,
    );
  });

  it('rejects a bad email under the path email', () => {
    const result = userProfileSchema.safeParse({ ...validProfile, email: 'ana.example.com' });
    expect(errorPaths(result)).toEqual(['email']);
    expect(messageAt(result, 'email')).toBe('Enter a valid email address');
  });

  it('requires a non-blank name', () => {
    const result = userProfileSchema.safeParse({ ...validProfile, name: '   ' });
    expect(errorPaths(result)).toEqual(['name']);
    expect(messageAt(result, 'name')).toBe('Name is required');
  });

  it('rejects an unknown role or availability under its own path', () => {
    expect(errorPaths(userProfileSchema.safeParse({ ...validProfile, role: 'owner' }))).toEqual([
      'role',
    ]);
    expect(
      errorPaths(userProfileSchema.safeParse({ ...validProfile, availability: 'busy' })),
    ).toEqual(['availability']);
  });

  it('requires at least one language, each a language[-REGION] tag', () => {
    const none = userProfileSchema.safeParse({ ...validProfile, languages: [] });
    expect(errorPaths(none)).toEqual(['languages']);
    expect(messageAt(none, 'languages')).toBe('At least one language');
    expect(
      errorPaths(userProfileSchema.safeParse({ ...validProfile, languages: ['en', 'pt_PT'] })),
    ).toEqual(['languages.1']);
    expect(errorPaths(userProfileSchema.safeParse({ ...validProfile, languages: ['EN'] }))).toEqual(
      ['languages.0'],
    );
  });

  it('checks skills are lower_snake_case, at most 50', () => {
    expect(
      errorPaths(userProfileSchema.safeParse({ ...validProfile, skills: ['Airport'] })),
    ).toEqual(['skills.0']);
    expect(skillSchema.safeParse('airport_transfers').success).toBe(true);
    expect(skillSchema.safeParse('a').success).toBe(false);
    expect(skillSchema.safeParse('airport-transfers').success).toBe(false);
    const many = Array.from({ length: 51 }, (_, i) => `skill_${i}`);
    expect(errorPaths(userProfileSchema.safeParse({ ...validProfile, skills: many }))).toEqual([
      'skills',
    ]);
    expect(
      userProfileSchema.safeParse({ ...validProfile, skills: many.slice(0, 50) }).success,
    ).toBe(true);
  });

  it('keeps capacity a whole number from 0 to 50', () => {
    for (const capacity of [0, 50]) {
      expect(userProfileSchema.safeParse({ ...validProfile, capacity }).success).toBe(true);
    }
    for (const capacity of [-1, 51, 2.5, Number.NaN]) {
      expect(errorPaths(userProfileSchema.safeParse({ ...validProfile, capacity }))).toEqual([
        'capacity',
      ]);
    }
  });

  it('property: capacity is valid exactly for integers in [0, 50]', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double({ noNaN: true })),
        (capacity) => {
          const ok = Number.isInteger(capacity) && capacity >= 0 && capacity <= 50;
          expect(userProfileSchema.safeParse({ ...validProfile, capacity }).success).toBe(ok);
        },
      ),
    );
  });
});

describe('userListInputSchema', () => {
  it('fills page defaults and sorts by name', () => {
    expect(userListInputSchema.parse({})).toEqual({ limit: 50, offset: 0, sort: 'name' });
  });

  it('trims the search and filters by role', () => {
    expect(
      userListInputSchema.parse({ search: '  ana ', role: 'lead', sort: 'createdAt' }),
    ).toEqual({
      limit: 50,
      offset: 0,
      search: 'ana',
      role: 'lead',
      sort: 'createdAt',
    });
  });

  it('rejects unknown sorts and roles, and over-long searches, under their paths', () => {
    expect(errorPaths(userListInputSchema.safeParse({ sort: 'email' }))).toEqual(['sort']);
    expect(errorPaths(userListInputSchema.safeParse({ role: 'owner' }))).toEqual(['role']);
    expect(errorPaths(userListInputSchema.safeParse({ search: 'x'.repeat(101) }))).toEqual([
      'search',
    ]);
    expect(errorPaths(userListInputSchema.safeParse({ limit: 201 }))).toEqual(['limit']);
  });
});
