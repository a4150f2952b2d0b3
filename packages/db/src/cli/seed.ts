import { DEMO_API_KEY, DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../seed/index.ts';
import {
  migrateWithReport,
  openDatabase,
  parseSeedArgs,
  printSummary,
  progressPrinter,
  runCli,
  SEED_USAGE,
} from './common.ts';

runCli('db:seed', async () => {
  const args = parseSeedArgs(process.argv.slice(2));
  if (args.help) {
    console.log(
      `Usage: pnpm db:seed [-- options]\n\nMigrates, then seeds the demo organisation.\n\n${SEED_USAGE}`,
    );
    return;
  }
  const handle = openDatabase();
  try {
    await migrateWithReport(handle);
    const summary = await seedDemo(handle, {
      conversations: args.conversations,
      seed: args.seed,
      ifEmpty: args.ifEmpty,
      batchSize: args.batchSize,
      onProgress: progressPrinter(),
    });
    if (summary.skipped) {
      console.log(
        'seed     skipped: the demo organisation already exists (--if-empty). `pnpm db:reset` starts again.',
      );
      printApiKey();
      return;
    }
    printSummary(summary);
    printSignIn();
    printApiKey();
  } finally {
    await handle.close();
  }
});

function printSignIn(): void {
  // The short addresses (agent@, lead@, trainer@, admin@) are the ones people type.
  const short = DEMO_USERS.filter((user) => !user.email.split('@')[0]!.includes('.'));
  console.log(
    `sign in  ${short.map((user) => user.email).join(', ')} — password "${DEMO_PASSWORD}"`,
  );
}

function printApiKey(): void {
  console.log(`api key  ${DEMO_API_KEY} — POST /api/v1/messages with Authorization: Bearer <key>`);
}
