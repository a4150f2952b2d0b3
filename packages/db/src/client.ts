import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;

/** The one database type the queries take: PGlite and PostgreSQL both satisfy it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;
export type DatabaseOrTransaction = Database | Transaction;

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Where the data lives, with any password removed; safe to log. */
  location: string;
  /** PostgreSQL only: the connection string, for work that needs its own connection. */
  connectionString?: string;
  /**
   * Subscribes to a NOTIFY channel. PostgreSQL delivers to every server process listening
   * (several replicas behind a load balancer); PGlite within its one process. Resolves with
   * the function that unsubscribes.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, the embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** Connection pool size for PostgreSQL. */
  maxConnections?: number | undefined;
}

const drizzleConfig = { schema, casing: 'snake_case' } as const;

export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: 'switchboard' },
    });
    const db = drizzlePostgres({ client, ...drizzleConfig }) as unknown as Database;
    return {
      db,
      kind: 'postgres',
      location: redactUrl(options.url),
      connectionString: options.url,
      async listen(channel, onPayload) {
        const subscription = await client.listen(channel, onPayload);
        return () => subscription.unlisten();
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzlePglite({ client, ...drizzleConfig }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    location: dataDir,
    async listen(channel, onPayload) {
      const unsubscribe = await client.listen(channel, onPayload);
      return () => unsubscribe();
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}
