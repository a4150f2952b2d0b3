import { z } from 'zod';

/** A new hire's link to set their password: single use, valid for a week. */
export const INVITATION_VALID_DAYS = 7;

export const INVITATION_STATES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export const INVITATION_STATE_LABELS: Record<InvitationState, string> = {
  pending: 'Waiting for the password',
  accepted: 'Password set',
  expired: 'Link expired',
  revoked: 'Link replaced',
};

export function invitationExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + INVITATION_VALID_DAYS * 86_400_000);
}

export function invitationState(
  invitation: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** What the new hire reads when the link cannot be used, or null when it can. */
export function invitationRefusal(state: InvitationState | 'unknown'): string | null {
  switch (state) {
    case 'pending':
      return null;
    case 'unknown':
      return 'This invitation link is not valid. Check you copied all of it, or ask your trainer for a new one.';
    case 'expired':
      return `This invitation link has expired (links last ${INVITATION_VALID_DAYS} days). Ask your trainer for a new one.`;
    case 'revoked':
      return 'This invitation link was replaced by a newer one. Use the latest link your trainer sent.';
    case 'accepted':
      return 'This invitation has been used already: your password is set. Sign in with it.';
  }
}

/** Where the new hire sets their password, below the server's origin. */
export function invitationPath(token: string): string {
  return `/workspace/invite/${token}`;
}

/** base64url of 32 random bytes: 43 characters. */
export const invitationTokenSchema = z
  .string({ error: 'Token: missing' })
  .regex(/^[A-Za-z0-9_-]{32,128}$/, 'Token: not an invitation token');

export const newPasswordSchema = z
  .string({ error: 'Password: required' })
  .min(8, 'Password: at least 8 characters')
  .max(128, 'Password: at most 128 characters');

export const invitationTokenInputSchema = z.object({ token: invitationTokenSchema });

export const acceptInvitationInputSchema = z.object({
  token: invitationTokenSchema,
  password: newPasswordSchema,
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInputSchema>;

/** The invitation page's form: the password twice, so a typo does not lock the new hire out. */
export const setPasswordFormSchema = z
  .object({ password: newPasswordSchema, confirmPassword: z.string() })
  .refine((form) => form.password === form.confirmPassword, {
    path: ['confirmPassword'],
    message: 'Confirm password: the two passwords differ',
  });
export type SetPasswordForm = z.infer<typeof setPasswordFormSchema>;
