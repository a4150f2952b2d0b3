import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DatabaseOrTransaction } from '../client.ts';

/**
 * Bulk inserts for the seed's big tables, as `INSERT … SELECT * FROM unnest($1::text::uuid[],
 * …)`: one array parameter per column instead of one parameter per value. PostgreSQL parses
 * a short statement instead of a 65,535-parameter one (the protocol's limit), which makes a
 * million-conversation seed several times faster; PGlite runs the very same statement.
 *
 * Arrays travel as text literals cast on the server, so neither driver has to guess array
 * types. Rows must all carry the same keys (the generator builds them that way).
 */

/** Rows per statement: keeps each statement's text at a few megabytes. */
const ROWS_PER_STATEMENT = 10_000;

/** Same rule as Drizzle's `casing: 'snake_case'`, which the client is configured with. */
function columnName(column: PgColumn): string {
  if (!column.keyAsName) return column.name;
  const words =
    column.name.replace(/['\u2019]/g, '').match(/[\da-z]+|[A-Z]+(?![a-z])|[A-Z][\da-z]+/g) ?? [];
  return words.map((word) => word.toLowerCase()).join('_');
}

function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  const text = typeof value === 'string' ? value : String(value);
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

export async function insertRows<T extends PgTable>(
  db: DatabaseOrTransaction,
  table: T,
  rows: readonly T['$inferInsert'][],
  options: { overridingSystemValue?: boolean } = {},
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(first).filter((key) => key in columns);
  for (const key of keys) {
    if (columns[key]!.getSQLType().endsWith('[]')) {
      throw new Error(`insertRows cannot unnest array column ${getTableName(table)}.${key}`);
    }
  }
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT) as readonly Record<
      string,
      unknown
    >[];
    const arrays: SQL[] = keys.map((key) => {
      const column = columns[key]!;
      const elements = chunk.map((row) => {
        const value = row[key];
        return arrayElement(
          value === null || value === undefined ? value : column.mapToDriverValue(value),
        );
      });
      return sql`${`{${elements.join(',')}}`}::text::${sql.raw(column.getSQLType())}[]`;
    });
    const names = keys.map((key) => sql.identifier(columnName(columns[key]!)));
    await db.execute(
      sql`insert into ${table} (${sql.join(names, sql`, `)}) ${sql.raw(
        options.overridingSystemValue ? 'overriding system value ' : '',
      )}select * from unnest(${sql.join(arrays, sql`, `)})`,
    );
  }
}
