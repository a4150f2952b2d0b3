import { sql } from 'drizzle-orm';
import { createDatabase, type Database, type DatabaseHandle } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { cities, inboxes, memberships, teams } from './schema/index.ts';

/**
 * A migrated database for one test file: a fresh in-memory PGlite by default, or the
 * PostgreSQL server named by DATABASE_URL (CI runs every suite against both). Tests
 * create their own rows with unique ids, so files never depend on each other.
 */
export async function createTestDatabase(
  options: { maxConnections?: number } = {},
): Promise<DatabaseHandle> {
  // Test infrastructure reads the one variable CI sets to choose the database.
  const url = process.env.DATABASE_URL;
  const handle = createDatabase({
    url,
    dataDir: 'memory://',
    maxConnections: options.maxConnections ?? 4,
  });
  await migrateDatabase(handle);
  return handle;
}

/**
 * A migrated database no other test file writes to: a fresh in-memory PGlite, or on
 * PostgreSQL a database of its own on the DATABASE_URL server, dropped on close. For tests
 * that compare whole-organisation figures, which other files' rows would change.
 */
export async function createIsolatedTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return createTestDatabase();
  const name = `switchboard_test_${uniqueSuffix().toLowerCase()}`;
  const admin = createDatabase({ url, maxConnections: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const isolatedUrl = new URL(url);
  isolatedUrl.pathname = `/${name}`;
  const handle = createDatabase({ url: isolatedUrl.toString(), maxConnections: 4 });
  await migrateDatabase(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

let counter = 0;

/** A value unique within this run, for emails, codes and references in tests. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${Date.now().toString(36)}${process.pid.toString(36)}${counter.toString(36)}`.toUpperCase();
}

/** A city code no test fixture ever creates, for tests that expect "no such city". */
export const UNKNOWN_CITY_CODE = 'ZZZ';

/**
 * A city of its own (a three-letter code no other row uses, even on a PostgreSQL database
 * that outlives runs), a support team, and an active inbox of `audience` for that city, so a
 * test's inbound messages route to an inbox only it uses.
 */
export async function createCityInboxFixture(
  db: Database,
  options: { audience?: 'guest' | 'driver'; memberIds?: string[] } = {},
) {
  const audience = options.audience ?? 'guest';
  let city: typeof cities.$inferSelect | undefined;
  for (let attempt = 0; !city; attempt += 1) {
    if (attempt > 200) throw new Error('no free three-letter city code left for tests');
    const code = Array.from({ length: 3 }, () =>
      String.fromCharCode(65 + Math.floor(Math.random() * 26)),
    ).join('');
    if (code === UNKNOWN_CITY_CODE) continue;
    [city] = await db
      .insert(cities)
      .values({
        code,
        name: `Test city ${code}`,
        countryCode: 'PT',
        timeZone: 'Europe/Lisbon',
        currency: 'EUR',
        languages: ['pt-PT', 'en'],
      })
      .onConflictDoNothing()
      .returning();
  }
  const suffix = uniqueSuffix();
  const [team] = await db
    .insert(teams)
    .values({ code: `TEAM_${suffix}`, name: `Team ${suffix}`, kind: 'support_l1' })
    .returning();
  const [inbox] = await db
    .insert(inboxes)
    .values({
      code: `INBOX_${suffix}`,
      name: `Inbox ${suffix}`,
      audience,
      cityId: city.id,
      teamId: team!.id,
    })
    .returning();
  if (options.memberIds && options.memberIds.length > 0) {
    await db
      .insert(memberships)
      .values(options.memberIds.map((userId) => ({ teamId: team!.id, userId })));
  }
  return { city, team: team!, inbox: inbox! };
}
