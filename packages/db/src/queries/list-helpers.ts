import type { Page, PageInput } from '@switchboard/domain';
import { type AnyColumn, and, ilike, or, type SQL, sql } from 'drizzle-orm';
import { memberships } from '../schema/index.ts';

/** Runs a page query and its count together and shapes them as the domain's `Page`. */
export async function pageOf<T>(
  items: PromiseLike<T[]>,
  count: PromiseLike<{ total: number }[]>,
  input: PageInput,
): Promise<Page<T>> {
  const [rows, [totalRow]] = await Promise.all([items, count]);
  return { items: rows, total: totalRow?.total ?? 0, limit: input.limit, offset: input.offset };
}

/** Case-insensitive "contains" over any of `columns`; undefined when there is no search. */
export function textSearch(search: string | undefined, columns: AnyColumn[]): SQL | undefined {
  if (!search) return undefined;
  const pattern = `%${escapeLike(search)}%`;
  return or(...columns.map((column) => ilike(column, pattern)));
}

/** The person in `userColumn` is on the team; undefined when no team is asked for. */
export function onTeam(teamId: string | undefined, userColumn: AnyColumn): SQL | undefined {
  if (!teamId) return undefined;
  return sql`exists (select 1 from ${memberships}
    where ${memberships.userId} = ${userColumn} and ${memberships.teamId} = ${teamId})`;
}

/** All the given filters (skipping absent ones); undefined when none apply. */
export function allOf(filters: (SQL | undefined)[]): SQL | undefined {
  const present = filters.filter((filter): filter is SQL => filter !== undefined);
  return present.length > 0 ? and(...present) : undefined;
}

/** Escapes LIKE wildcards so a search for "50%" finds the text, not everything. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
