import type { Database } from '@switchboard/db/client';
import { verifyApiKey } from '@switchboard/db/queries/api-keys';
import { IntakeError, receiveInboundMessage } from '@switchboard/db/queries/intake';
import { inboundMessageSchema } from '@switchboard/domain';
import type { Hono } from 'hono';
import type { Logger } from '../logger.ts';
import { invalidInput, jsonBodyLimit, jsonError, readJson } from './json-errors.ts';
import { openApiDocument } from './openapi.ts';

export interface InboundApiOptions {
  db: Database;
  logger: Logger;
  publicUrl: string;
}

/** The key of an `Authorization: Bearer <key>` header, or null. */
function bearerKey(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

/**
 * The inbound API: integrations deliver messages with an API key. Answers are JSON, errors
 * included; 2xx means the message is stored (201) or was already (200).
 */
export function mountInboundApi(app: Hono, { db, logger, publicUrl }: InboundApiOptions): void {
  app.get('/api/v1/openapi.json', (c) => c.json(openApiDocument(publicUrl)));

  app.post('/api/v1/messages', jsonBodyLimit, async (c) => {
    const key = bearerKey(c.req.header('authorization'));
    if (!key) {
      c.header('WWW-Authenticate', 'Bearer realm="switchboard"');
      return jsonError(
        c,
        401,
        'unauthorized',
        'Send an API key in the Authorization header: Bearer sb_live_…',
      );
    }
    const apiKey = await verifyApiKey(db, key);
    if (!apiKey) {
      c.header('WWW-Authenticate', 'Bearer realm="switchboard", error="invalid_token"');
      return jsonError(c, 401, 'unauthorized', 'This API key is not valid or has been revoked');
    }
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = inboundMessageSchema.safeParse(body.value);
    if (!parsed.success) return invalidInput(c, parsed.error);
    try {
      const result = await receiveInboundMessage(db, parsed.data);
      logger.info(
        {
          apiKeyId: apiKey.id,
          channel: parsed.data.channel,
          conversationId: result.conversationId,
          outcome: result.outcome,
          duplicate: result.duplicate,
        },
        'inbound message',
      );
      const { conversationId, messageId, duplicate, outcome } = result;
      return c.json({ conversationId, messageId, duplicate, outcome }, duplicate ? 200 : 201);
    } catch (error) {
      if (!(error instanceof IntakeError)) throw error;
      logger.error({ err: error, apiKeyId: apiKey.id }, 'inbound message could not be filed');
      c.header('Retry-After', '60');
      return jsonError(c, 503, error.code, error.message);
    }
  });

  app.on(['GET', 'PUT', 'PATCH', 'DELETE'], '/api/v1/messages', (c) => {
    c.header('Allow', 'POST');
    return jsonError(c, 405, 'method_not_allowed', 'Deliver messages with POST /api/v1/messages');
  });

  app.all('/api/v1/*', (c) =>
    jsonError(
      c,
      404,
      'not_found',
      `No ${c.req.method} ${c.req.path}; see /api/v1/openapi.json for what there is`,
    ),
  );
}
