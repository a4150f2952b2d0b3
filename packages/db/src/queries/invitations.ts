import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
  type AcceptInvitationInput,
  acceptInvitationInputSchema,
  type InvitationState,
  invitationExpiry,
  invitationPath,
  invitationRefusal,
  invitationState,
} from '@switchboard/domain';
import { hashPassword } from 'better-auth/crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { accounts, invitations, users } from '../schema/index.ts';
import { HiringError } from './hiring-refusal.ts';

/*
 * Invitation links for new hires. The token leaves the server once, in the answer to the
 * hire; only its SHA-256 is stored, so a copy of the database holds no usable link.
 */

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** better-auth's id shape (32 letters and digits), for users and accounts made outside it. */
export function newAuthId(): string {
  return Array.from({ length: 32 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');
}

export interface IssuedInvitation {
  id: string;
  /** Shown to the trainer once; never stored. */
  token: string;
  path: string;
  expiresAt: Date;
}

/** Issues a link for `userId`, replacing any earlier link of theirs still waiting. */
export async function issueInvitation(
  tx: DatabaseOrTransaction,
  input: { userId: string; candidateId: string | null; createdById: string; now: Date },
): Promise<IssuedInvitation> {
  await tx
    .update(invitations)
    .set({ revokedAt: input.now })
    .where(
      and(
        eq(invitations.userId, input.userId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const token = randomBytes(32).toString('base64url');
  const expiresAt = invitationExpiry(input.now);
  const [row] = await tx
    .insert(invitations)
    .values({
      userId: input.userId,
      candidateId: input.candidateId,
      tokenHash: hashInvitationToken(token),
      expiresAt,
      createdById: input.createdById,
      createdAt: input.now,
    })
    .returning({ id: invitations.id });
  return { id: row!.id, token, path: invitationPath(token), expiresAt };
}

/** The latest link of a person and its state, for the trainer's view of a hire. */
export async function latestInvitationOf(db: DatabaseOrTransaction, userId: string, now: Date) {
  const [row] = await db
    .select({
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .where(eq(invitations.userId, userId))
    .orderBy(desc(invitations.createdAt))
    .limit(1);
  return row ? { ...row, state: invitationState(row, now) } : null;
}

async function findByToken(db: DatabaseOrTransaction, token: string, lock: boolean) {
  const query = db
    .select({
      id: invitations.id,
      userId: invitations.userId,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      name: users.name,
      email: users.email,
      active: users.active,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  const [row] = lock ? await query.for('update', { of: invitations }) : await query;
  return row ?? null;
}

/** A link of someone no longer active works no more than an unknown one. */
function stateOf(row: Awaited<ReturnType<typeof findByToken>>, now: Date) {
  return row?.active ? invitationState(row, now) : 'unknown';
}

export type InvitationLookup =
  | { state: 'pending'; name: string; email: string; expiresAt: Date }
  | { state: Exclude<InvitationState, 'pending'> | 'unknown'; message: string };

/** What the invitation page shows for a token: whose it is, or why it cannot be used. */
export async function invitationByToken(
  db: DatabaseOrTransaction,
  token: string,
  now: Date = new Date(),
): Promise<InvitationLookup> {
  const row = await findByToken(db, token, false);
  const state = stateOf(row, now);
  if (state === 'pending' && row) {
    return { state, name: row.name, email: row.email, expiresAt: row.expiresAt };
  }
  return {
    state: state as Exclude<InvitationState, 'pending'>,
    message: invitationRefusal(state)!,
  };
}

function refusalFor(state: Exclude<InvitationState, 'pending'> | 'unknown'): HiringError {
  return new HiringError(state === 'unknown' ? 'NOT_FOUND' : 'CONFLICT', invitationRefusal(state)!);
}

/**
 * Sets the new hire's password from their invitation: the credential account better-auth
 * signs them in with (its own scrypt hash) and the invitation marked used, in one
 * transaction. Unknown, expired, replaced or used links are refused, and a link works once
 * however many tabs submit it.
 */
export async function acceptInvitation(
  db: Database,
  input: AcceptInvitationInput,
  now: Date = new Date(),
): Promise<{ email: string; name: string }> {
  const { token, password } = acceptInvitationInputSchema.parse(input);
  // Hashing is deliberately slow: look before spending it on a link that cannot work.
  const seen = await invitationByToken(db, token, now);
  if (seen.state !== 'pending') throw refusalFor(seen.state);
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const row = await findByToken(tx, token, true);
    const state = stateOf(row, now);
    if (!row || state !== 'pending') throw refusalFor(state === 'pending' ? 'unknown' : state);
    const [existing] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.userId, row.userId), eq(accounts.providerId, 'credential')));
    if (existing) throw refusalFor('accepted');
    await tx.insert(accounts).values({
      id: newAuthId(),
      accountId: row.userId,
      providerId: 'credential',
      userId: row.userId,
      password: hash,
      createdAt: now,
      updatedAt: now,
    });
    await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, row.id));
    return { email: row.email, name: row.name };
  });
}
