import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { DatabaseHandle } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/** Applies the committed migrations; the same files run on PGlite and PostgreSQL. */
export async function migrateDatabase(
  handle: DatabaseHandle,
  folder: string = migrationsFolder,
): Promise<void> {
  const config = { migrationsFolder: folder };
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, config);
    return;
  }
  // Several processes (test workers, server replicas) may start at once: one migrates,
  // the others wait on the advisory lock and then find nothing left to do.
  const client = postgres(handle.connectionString ?? '', { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres({ client }), config);
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

const MIGRATION_LOCK_KEY = 7_346_001;

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

export interface MigrationState {
  applied: number;
  expected: number;
  latest: string | null;
  upToDate: boolean;
}

/** How many committed migrations the database has applied, for /healthz. */
export async function migrationState(
  handle: DatabaseHandle,
  folder: string = migrationsFolder,
): Promise<MigrationState> {
  const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8')) as Journal;
  const expected = journal.entries.length;
  const latest = journal.entries.at(-1)?.tag ?? null;
  let applied = 0;
  try {
    const rows = await handle.db.execute<{ count: number }>(
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    applied = Number(rowsOf<{ count: number }>(rows)[0]?.count ?? 0);
  } catch {
    applied = 0;
  }
  return { applied, expected, latest, upToDate: applied === expected };
}

/** postgres-js returns an array of rows; PGlite returns `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
