import { z } from 'zod';
import { pageInputSchema } from '../shared/pagination.ts';

/** Every inbound API key starts with this, so a leaked one is easy to recognise and scan for. */
export const API_KEY_PREFIX = 'sb_live_';
/** Random base62 characters after the prefix: 32 × log2(62) ≈ 190 bits. */
export const API_KEY_RANDOM_LENGTH = 32;
/** How much of a key is kept in clear to tell keys apart ("sb_live_AbC1"). */
export const API_KEY_DISPLAY_PREFIX_LENGTH = 12;

/** The shape of a key as issued; anything else is refused before touching the database. */
export const apiKeyPattern = new RegExp(`^${API_KEY_PREFIX}[A-Za-z0-9]{${API_KEY_RANDOM_LENGTH}}$`);

export function looksLikeApiKey(candidate: string): boolean {
  return apiKeyPattern.test(candidate);
}

export const apiKeyNameSchema = z
  .string()
  .trim()
  .min(3, 'Name the key after the integration that uses it (at least 3 characters)')
  .max(80, 'Key names are at most 80 characters');

export const createApiKeyInputSchema = z.object({ name: apiKeyNameSchema });
export type CreateApiKeyInput = z.infer<typeof createApiKeyInputSchema>;

export const revokeApiKeyInputSchema = z.object({ id: z.uuid('Key id must be a UUID') });
export type RevokeApiKeyInput = z.infer<typeof revokeApiKeyInputSchema>;

export const apiKeyListInputSchema = pageInputSchema.extend({
  /** Revoked keys stay listed (for the audit trail) unless asked otherwise. */
  includeRevoked: z.boolean().default(true),
});
export type ApiKeyListInput = z.infer<typeof apiKeyListInputSchema>;
