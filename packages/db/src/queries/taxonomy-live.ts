import { and, eq, sql } from 'drizzle-orm';
import { reasons, requestTypes } from '../schema/index.ts';

/*
 * What agents and rules may apply: a node that is not deprecated and whose ancestors are not
 * either (deprecating a category retires everything under it without touching the children,
 * so restoring it brings them back as they were). Spelled with table names: Drizzle leaves
 * columns unqualified in a one-table select.
 */

const categoryIsLive = sql`not exists (select 1 from categories c
  where c.id = "request_types"."category_id" and c.deprecated)`;

/** For queries over request_types. */
export const requestTypeIsLive = and(eq(requestTypes.deprecated, false), categoryIsLive)!;

/** For queries over reasons joined to request_types. */
export const reasonIsLive = and(eq(reasons.deprecated, false), requestTypeIsLive)!;
