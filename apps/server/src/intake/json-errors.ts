import { describeInputError, type FieldError } from '@switchboard/api';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** Every error of the plain JSON endpoints (inbound API, chat, survey) has this shape. */
export interface JsonErrorBody {
  error: { code: string; message: string; fieldErrors?: FieldError[] };
}

export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  fieldErrors?: FieldError[],
) {
  const body: JsonErrorBody = { error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
  return c.json(body, status);
}

/** 400 naming each field that failed, e.g. "Invalid input — contact.name: …; text: …". */
export function invalidInput(c: Context, error: ZodError) {
  const { message, fieldErrors } = describeInputError(error);
  return jsonError(c, 400, 'invalid_input', message, fieldErrors);
}

/** The largest JSON body the public endpoints read (a message is at most 10,000 characters). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export const jsonBodyLimit = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: (c) =>
    jsonError(
      c,
      413,
      'payload_too_large',
      `Request bodies are at most ${MAX_JSON_BODY_BYTES / 1024} kB`,
    ),
});

export type ParsedJson = { ok: true; value: unknown } | { ok: false; response: Response };

/** The request's JSON body, or the 415/400 response saying what is wrong with it. */
export async function readJson(c: Context): Promise<ParsedJson> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    return {
      ok: false,
      response: jsonError(
        c,
        415,
        'unsupported_media_type',
        'Send JSON with the header Content-Type: application/json',
      ),
    };
  }
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return {
      ok: false,
      response: jsonError(c, 400, 'invalid_json', 'The request body is not valid JSON'),
    };
  }
}
