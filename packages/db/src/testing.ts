import { createDatabase, type DatabaseHandle } from './client.ts';
import { migrateDatabase } from './migrate.ts';

/**
 * A migrated database for one test file: a fresh in-memory PGlite by default, or the
 * PostgreSQL server named by DATABASE_URL (CI runs every suite against both). Tests
 * create their own rows with unique ids, so files never depend on each other.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  // Test infrastructure reads the one variable CI sets to choose the database.
  const url = process.env.DATABASE_URL;
  const handle = createDatabase({ url, dataDir: 'memory://', maxConnections: 4 });
  await migrateDatabase(handle);
  return handle;
}

let counter = 0;

/** A value unique within this run, for emails, codes and references in tests. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${Date.now().toString(36)}${process.pid.toString(36)}${counter.toString(36)}`.toUpperCase();
}
