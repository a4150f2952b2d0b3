import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { DatabaseHandle } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/** Applies the committed migrations; the same files run on PGlite and PostgreSQL. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
}

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
export async function migrationState(handle: DatabaseHandle): Promise<MigrationState> {
  const journal = JSON.parse(
    readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8'),
  ) as Journal;
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
