import { parseArgs } from 'node:util';
import { createDatabase, type DatabaseHandle } from '../client.ts';
import { migrateDatabase, migrationState } from '../migrate.ts';
import {
  DEFAULT_CONVERSATIONS,
  DEFAULT_SEED,
  type SeedProgress,
  type SeedSummary,
} from '../seed/index.ts';
import { databaseCliEnv } from './env.ts';

/** Shared plumbing of the db:migrate, db:seed and db:reset commands. */

export class UsageError extends Error {
  override name = 'UsageError';
}

export function openDatabase(): DatabaseHandle {
  const env = databaseCliEnv();
  return createDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR, maxConnections: 4 });
}

export async function migrateWithReport(handle: DatabaseHandle): Promise<void> {
  const before = await migrationState(handle);
  await migrateDatabase(handle);
  const after = await migrationState(handle);
  const applied = after.applied - before.applied;
  console.log(
    `migrate  ${handle.kind} at ${handle.location}: applied ${applied} migration${applied === 1 ? '' : 's'} (${after.applied}/${after.expected}, latest ${after.latest ?? 'none'})`,
  );
}

export interface SeedArgs {
  conversations: number;
  seed: number;
  ifEmpty: boolean;
  batchSize: number | undefined;
  help: boolean;
}

export const SEED_USAGE = `Options:
  --conversations N   conversations to generate (default ${DEFAULT_CONVERSATIONS}; 1000000 works)
  --seed N            random seed: same seed, same data (default ${DEFAULT_SEED})
  --if-empty          do nothing when the demo organisation already exists
  --batch-size N      conversations per transaction (default 1000)
  -h, --help          show this help`;

function wholeNumber(flag: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const cleaned = raw.replaceAll('_', '').replaceAll(',', '');
  if (!/^\d+$/.test(cleaned) || Number(cleaned) > max) {
    throw new UsageError(
      `--${flag} must be a whole number between 0 and ${max.toLocaleString('en')}, got "${raw}"`,
    );
  }
  return Number(cleaned);
}

/** Accepts `--flag N` and `--flag=N`, and ignores the `--` that pnpm passes through. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  let parsed: ReturnType<typeof parseSeedFlags>;
  try {
    parsed = parseSeedFlags(argv.filter((arg) => arg !== '--'));
  } catch (error) {
    throw new UsageError(
      `${error instanceof Error ? error.message : String(error)}\n${SEED_USAGE}`,
    );
  }
  const { values } = parsed;
  const batchSize =
    values['batch-size'] === undefined
      ? undefined
      : wholeNumber('batch-size', values['batch-size'], 0, 20_000);
  if (batchSize === 0) throw new UsageError('--batch-size must be at least 1');
  return {
    conversations: wholeNumber(
      'conversations',
      values.conversations,
      DEFAULT_CONVERSATIONS,
      50_000_000,
    ),
    seed: wholeNumber('seed', values.seed, DEFAULT_SEED, 4_294_967_295),
    ifEmpty: values['if-empty'] ?? false,
    batchSize,
    help: values.help ?? false,
  };
}

function parseSeedFlags(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      conversations: { type: 'string' },
      seed: { type: 'string' },
      'if-empty': { type: 'boolean' },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

const number = new Intl.NumberFormat('en');

/** Progress lines, at most one a second per phase (and always the last). */
export function progressPrinter(): (progress: SeedProgress) => void {
  let lastPrinted = 0;
  return (progress) => {
    const finished = progress.done === progress.total;
    const once = {
      organisation: 'seed     organisation, staff, taxonomy',
      escalations: 'seed     escalations to downstream teams',
      analyze: 'analyze  updating planner statistics',
    } as Partial<Record<SeedProgress['phase'], string>>;
    const line = once[progress.phase];
    if (line) {
      if (!finished) console.log(line);
      return;
    }
    const now = performance.now();
    if (!finished && now - lastPrinted < 1000) return;
    lastPrinted = now;
    const percent = progress.total === 0 ? 100 : Math.floor((progress.done / progress.total) * 100);
    console.log(
      `${progress.phase.padEnd(13)} ${number.format(progress.done)}/${number.format(progress.total)} (${percent}%) ${number.format(Math.round(progress.perSecond))}/s`,
    );
  };
}

export function printSummary(summary: SeedSummary): void {
  const c = summary.counts;
  const seconds = (summary.elapsedMs / 1000).toFixed(1);
  console.log(
    [
      `done     seed ${summary.seed} in ${seconds} s, peakRssMb ${summary.peakRssMb}`,
      `         ${number.format(c.conversations)} conversations, ${number.format(c.messages)} messages, ${number.format(c.events)} events, ${number.format(c.conversationTags)} conversation tags`,
      `         ${number.format(c.contacts)} contacts, ${number.format(c.bookings)} bookings`,
      `         ${c.cities} cities, ${c.teams} teams, ${c.users} users, ${c.memberships} memberships, ${c.inboxes} inboxes`,
      `         ${c.categories} categories, ${c.requestTypes} request types, ${c.reasons} reasons, ${c.tags} tags`,
    ].join('\n'),
  );
}

/** Errors whose message says it all; anything else is printed with its stack. */
const EXPECTED_ERRORS = new Set(['UsageError', 'EnvError', 'DemoExistsError']);

/** Runs a command, printing a readable error and exiting non-zero on failure. */
export function runCli(name: string, main: () => Promise<void>): void {
  main().then(
    () => {
      process.exitCode = 0;
    },
    (error: unknown) => {
      if (error instanceof Error && EXPECTED_ERRORS.has(error.name)) {
        console.error(`${name}: ${error.message}`);
      } else {
        console.error(`${name} failed:`, error);
      }
      process.exitCode = 1;
    },
  );
}
