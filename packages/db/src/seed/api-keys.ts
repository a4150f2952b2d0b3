import type { DatabaseOrTransaction } from '../client.ts';
import { apiKeyDigest } from '../queries/api-keys.ts';
import { apiKeys } from '../schema/index.ts';
import { findDemoStaff } from './organisation.ts';

/**
 * The demo organisation's inbound API key, printed by the seed and used by the README's curl
 * example. Public on purpose, so only ever in demo data: production keys come from the
 * console and are shown once. It has the shape of a real key (sb_live_ + 32 base62).
 */
export const DEMO_API_KEY = 'sb_live_DemoSwitchboardInboundKey0000001';
export const DEMO_API_KEY_NAME = 'Demo inbound integration';
/** Fixed, so seeding stays deterministic and re-running it never adds a second demo key. */
const DEMO_API_KEY_ID = '5b1d0000-0000-4000-8000-00000000a001';

/** Stores the demo key's digest (never the key), created by the demo admin. Idempotent. */
export async function insertDemoApiKey(
  db: DatabaseOrTransaction,
  createdAt: Date = new Date(),
): Promise<number> {
  const admin = await findDemoStaff(db, 'admin');
  const inserted = await db
    .insert(apiKeys)
    .values({
      id: DEMO_API_KEY_ID,
      name: DEMO_API_KEY_NAME,
      createdById: admin?.id ?? null,
      createdAt,
      ...apiKeyDigest(DEMO_API_KEY),
    })
    .onConflictDoNothing()
    .returning({ id: apiKeys.id });
  return inserted.length;
}
