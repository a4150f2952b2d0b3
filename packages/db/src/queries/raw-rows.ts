import type { SQL } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';

/**
 * Runs a raw SQL query (reports whose shape the query builder cannot say well) and returns its
 * rows on either driver: PGlite answers `{ rows }`, postgres.js an array of rows.
 */
export async function rawRows<Row>(db: DatabaseOrTransaction, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as Row[];
  return ((result as { rows?: Row[] }).rows ?? []) as Row[];
}
