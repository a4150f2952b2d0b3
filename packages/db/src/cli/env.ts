import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one place the database command-line tools read environment variables.
 *
 * Validated by hand: zod is not a dependency of @switchboard/db and the checks are two
 * fields; the messages follow the same "name: what is wrong, what to do" shape.
 */

export interface DatabaseCliEnv {
  /** PostgreSQL connection string; unset means the embedded PGlite database. */
  DATABASE_URL: string | undefined;
  /** Where PGlite keeps its files. */
  PGLITE_DATA_DIR: string;
}

export class EnvError extends Error {
  override name = 'EnvError';
}

/** The folder with pnpm-workspace.yaml, found by walking up from this file. */
export function findRepoRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let current = resolve(start);
  for (;;) {
    if (existsSync(join(current, 'pnpm-workspace.yaml'))) return current;
    const parent = dirname(current);
    if (parent === current) {
      throw new EnvError(
        `Could not find the repository root (no pnpm-workspace.yaml above ${start})`,
      );
    }
    current = parent;
  }
}

function optional(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function parseDatabaseCliEnv(source: NodeJS.ProcessEnv = process.env): DatabaseCliEnv {
  const problems: string[] = [];
  const databaseUrl = optional(source.DATABASE_URL);
  if (databaseUrl !== undefined) {
    let valid = /^postgres(ql)?:\/\//.test(databaseUrl);
    if (valid) {
      try {
        new URL(databaseUrl);
      } catch {
        valid = false;
      }
    }
    if (!valid) {
      problems.push(
        'DATABASE_URL: must be a PostgreSQL connection string such as postgres://user:password@localhost:5432/switchboard (or unset it to use the embedded PGlite database)',
      );
    }
  }
  const dataDir = optional(source.PGLITE_DATA_DIR);
  if (dataDir?.startsWith('memory://')) {
    problems.push(
      'PGLITE_DATA_DIR: must be a folder on disk; in-memory databases are for tests only',
    );
  }
  if (problems.length > 0) {
    throw new EnvError(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
  }
  return {
    DATABASE_URL: databaseUrl,
    PGLITE_DATA_DIR: dataDir ? resolve(dataDir) : join(findRepoRoot(), '.data', 'pglite'),
  };
}

let cached: DatabaseCliEnv | undefined;

/** Parsed once per process. */
export function databaseCliEnv(): DatabaseCliEnv {
  cached ??= parseDatabaseCliEnv();
  return cached;
}
