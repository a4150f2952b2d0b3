import type { CsatError } from '@switchboard/db/queries/csat';
import type { Context } from 'hono';
import { jsonError } from '../intake/json-errors.ts';

/** 404 for an unknown survey; 409 when it cannot be answered (again, or yet). */
export function csatErrorResponse(c: Context, error: CsatError) {
  return jsonError(c, error.code === 'not_found' ? 404 : 409, error.code, error.message);
}
