import { createHash, randomBytes } from 'node:crypto';
import {
  API_KEY_DISPLAY_PREFIX_LENGTH,
  API_KEY_PREFIX,
  API_KEY_RANDOM_LENGTH,
  type ApiKeyListInput,
  looksLikeApiKey,
} from '@switchboard/domain';
import { and, count, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../client.ts';
import { apiKeys, users } from '../schema/index.ts';
import { pageOf } from './list-helpers.ts';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** `last_used_at` is refreshed at most this often, so a busy integration does not write per call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** A new key: the prefix and 32 uniformly random base62 characters from the OS CSPRNG. */
export function generateApiKey(): string {
  let random = '';
  while (random.length < API_KEY_RANDOM_LENGTH) {
    for (const byte of randomBytes(48)) {
      // 248 = 4 × 62: rejecting the rest keeps every character equally likely.
      if (byte < 248 && random.length < API_KEY_RANDOM_LENGTH) random += BASE62[byte % 62];
    }
  }
  return `${API_KEY_PREFIX}${random}`;
}

/** Keys are long random strings, so a plain SHA-256 is as good as a slow hash here. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The columns stored for a plaintext key: never the key itself. */
export function apiKeyDigest(key: string): { prefix: string; keyHash: string } {
  return { prefix: key.slice(0, API_KEY_DISPLAY_PREFIX_LENGTH), keyHash: hashApiKey(key) };
}

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  /** The plaintext key. Shown once: only its hash is kept. */
  key: string;
}

export async function createApiKey(
  db: Database,
  params: { name: string; createdById: string },
): Promise<CreatedApiKey> {
  const key = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({ name: params.name, createdById: params.createdById, ...apiKeyDigest(key) })
    .returning({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
    });
  if (!row) throw new Error('api key insert returned no row');
  return { ...row, key };
}

const creators = alias(users, 'api_key_creators');
const revokers = alias(users, 'api_key_revokers');

/** Keys with who made and revoked them; never the hash. Active keys first, newest first. */
export function listApiKeys(db: Database, input: ApiKeyListInput) {
  const where: SQL | undefined = input.includeRevoked ? undefined : isNull(apiKeys.revokedAt);
  return pageOf(
    db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        createdAt: apiKeys.createdAt,
        createdByName: creators.name,
        lastUsedAt: apiKeys.lastUsedAt,
        revokedAt: apiKeys.revokedAt,
        revokedByName: revokers.name,
      })
      .from(apiKeys)
      .leftJoin(creators, eq(creators.id, apiKeys.createdById))
      .leftJoin(revokers, eq(revokers.id, apiKeys.revokedById))
      .where(where)
      .orderBy(desc(isNull(apiKeys.revokedAt)), desc(apiKeys.createdAt), desc(apiKeys.id))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: count() }).from(apiKeys).where(where),
    input,
  );
}

/**
 * Revokes a key at once for every server process (the next request looks it up again).
 * Revoking a revoked key changes nothing. Null when there is no such key.
 */
export async function revokeApiKey(
  db: Database,
  params: { id: string; revokedById: string; now?: Date },
): Promise<{ id: string; revokedAt: Date } | null> {
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: params.now ?? new Date(), revokedById: params.revokedById })
    .where(and(eq(apiKeys.id, params.id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, revokedAt: apiKeys.revokedAt });
  if (revoked?.revokedAt) return { id: revoked.id, revokedAt: revoked.revokedAt };
  const [existing] = await db
    .select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.id, params.id))
    .limit(1);
  return existing?.revokedAt ? { id: existing.id, revokedAt: existing.revokedAt } : null;
}

export interface VerifiedApiKey {
  id: string;
  name: string;
}

/**
 * The active key matching `key`, or null (unknown, malformed or revoked). Looks the key up by
 * its hash, so timing reveals nothing about stored keys. Records use at most once a minute.
 */
export async function verifyApiKey(
  db: Database,
  key: string,
  now: Date = new Date(),
): Promise<VerifiedApiKey | null> {
  if (!looksLikeApiKey(key)) return null;
  const [found] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!found) return null;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!found.lastUsedAt || found.lastUsedAt < stale) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, found.id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale)),
        ),
      );
  }
  return { id: found.id, name: found.name };
}
