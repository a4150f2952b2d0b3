import { describe, expect, it } from 'vitest';
import {
  acceptInvitationInputSchema,
  invitationExpiry,
  invitationPath,
  invitationRefusal,
  invitationState,
  setPasswordFormSchema,
} from './invitations.ts';

const issued = new Date('2026-03-02T10:00:00Z');

describe('invitations', () => {
  it('last seven days to the millisecond', () => {
    const expiresAt = invitationExpiry(issued);
    expect(expiresAt.toISOString()).toBe('2026-03-09T10:00:00.000Z');
    const open = { expiresAt, acceptedAt: null, revokedAt: null };
    expect(invitationState(open, new Date(expiresAt.getTime() - 1))).toBe('pending');
    expect(invitationState(open, expiresAt)).toBe('expired');
  });

  it('once used or replaced, stay so whatever the time', () => {
    const expiresAt = invitationExpiry(issued);
    expect(invitationState({ expiresAt, acceptedAt: issued, revokedAt: null }, issued)).toBe(
      'accepted',
    );
    expect(invitationState({ expiresAt, acceptedAt: null, revokedAt: issued }, issued)).toBe(
      'revoked',
    );
  });

  it('tell the new hire plainly why a link does not work', () => {
    expect(invitationRefusal('pending')).toBeNull();
    expect(invitationRefusal('unknown')).toMatch(/not valid/);
    expect(invitationRefusal('expired')).toMatch(/expired/);
    expect(invitationRefusal('accepted')).toMatch(/used already/);
    expect(invitationRefusal('revoked')).toMatch(/replaced/);
  });

  it('live under the workspace', () => {
    expect(invitationPath('abc')).toBe('/workspace/invite/abc');
  });

  it('need a token and a password of 8 to 128 characters', () => {
    const token = 'A'.repeat(43);
    expect(acceptInvitationInputSchema.safeParse({ token, password: 'x'.repeat(8) }).success).toBe(
      true,
    );
    const short = acceptInvitationInputSchema.safeParse({ token, password: 'short' });
    expect(short.error?.issues[0]).toMatchObject({
      path: ['password'],
      message: 'Password: at least 8 characters',
    });
    const long = acceptInvitationInputSchema.safeParse({ token, password: 'x'.repeat(129) });
    expect(long.error?.issues[0]?.path).toEqual(['password']);
    const badToken = acceptInvitationInputSchema.safeParse({
      token: 'a b',
      password: 'x'.repeat(8),
    });
    expect(badToken.error?.issues[0]?.path).toEqual(['token']);
  });

  it('ask for the password twice on the page', () => {
    const differ = setPasswordFormSchema.safeParse({
      password: 'correct-horse',
      confirmPassword: 'correct-hose',
    });
    expect(differ.error?.issues[0]).toMatchObject({
      path: ['confirmPassword'],
      message: 'Confirm password: the two passwords differ',
    });
  });
});
