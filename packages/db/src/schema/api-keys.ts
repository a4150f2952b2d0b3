import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, uuidPrimaryKey } from './columns.ts';
import { users } from './users.ts';

/**
 * Keys integrations use on the inbound API. Only a SHA-256 digest is stored (keys are long
 * random strings, so a fast hash is safe); the prefix lets people tell keys apart.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuidPrimaryKey(),
    name: text().notNull(),
    prefix: text().notNull(),
    keyHash: text().notNull().unique(),
    createdById: text().references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedById: text().references(() => users.id),
  },
  (table) => [index('api_keys_created_idx').on(table.createdAt)],
);
