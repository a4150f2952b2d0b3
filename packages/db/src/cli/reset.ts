import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { seedDemo } from '../seed/index.ts';
import {
  migrateWithReport,
  openDatabase,
  parseSeedArgs,
  printSummary,
  progressPrinter,
  runCli,
  SEED_USAGE,
  UsageError,
} from './common.ts';
import { databaseCliEnv } from './env.ts';

runCli('db:reset', async () => {
  const args = parseSeedArgs(process.argv.slice(2));
  if (args.help) {
    console.log(
      `Usage: pnpm db:reset [-- options]\n\nDeletes every table and row, migrates, and seeds the demo organisation again.\n\n${SEED_USAGE}`,
    );
    return;
  }
  const env = databaseCliEnv();
  if (env.DATABASE_URL) {
    const handle = openDatabase();
    try {
      await handle.db.execute(sql`drop schema public cascade`);
      await handle.db.execute(sql`create schema public`);
      await handle.db.execute(sql`drop schema if exists drizzle cascade`);
      console.log(`reset    dropped every table in ${handle.location}`);
    } finally {
      await handle.close();
    }
  } else {
    removePgliteDirectory(env.PGLITE_DATA_DIR);
  }

  const handle = openDatabase();
  try {
    await migrateWithReport(handle);
    const summary = await seedDemo(handle, {
      conversations: args.conversations,
      seed: args.seed,
      batchSize: args.batchSize,
      onProgress: progressPrinter(),
    });
    printSummary(summary);
  } finally {
    await handle.close();
  }
});

/** Deletes the PGlite folder — but only one that is empty or really holds a PGlite database. */
function removePgliteDirectory(directory: string): void {
  if (!existsSync(directory)) {
    console.log(`reset    ${directory} does not exist yet`);
    return;
  }
  const entries = readdirSync(directory);
  if (entries.length > 0 && !existsSync(join(directory, 'PG_VERSION'))) {
    throw new UsageError(
      `${directory} does not look like a PGlite database (no PG_VERSION file); refusing to delete it. Check PGLITE_DATA_DIR.`,
    );
  }
  rmSync(directory, { recursive: true, force: true });
  console.log(`reset    deleted ${directory}`);
}
