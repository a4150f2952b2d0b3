import type { Database } from '@switchboard/db/client';
import {
  chatHistory,
  chatVisitorContactIds,
  chatVisitorExternalId,
  isChatVisitorConversation,
} from '@switchboard/db/queries/chat';
import { CsatError, recordCsat } from '@switchboard/db/queries/csat';
import { IntakeError, receiveInboundMessage } from '@switchboard/db/queries/intake';
import {
  type ConversationEventType,
  chatCsatInputSchema,
  chatMessageInputSchema,
  chatVisitorTokenSchema,
  type LiveNotice,
} from '@switchboard/domain';
import type { Context, Hono } from 'hono';
import { clientAddress } from '../client-ip.ts';
import { invalidInput, jsonBodyLimit, jsonError, readJson } from '../intake/json-errors.ts';
import type { LiveHub, LiveSubscriber } from '../live/hub.ts';
import { SseConnection, sseResponse } from '../live/sse.ts';
import type { Logger } from '../logger.ts';
import { csatErrorResponse } from './csat-errors.ts';
import { RateLimiter } from './rate-limit.ts';

/** Changes the visitor sees happen; internal ones (notes, assignment, tags) are not theirs. */
const VISITOR_EVENTS = new Set<ConversationEventType>([
  'created',
  'message_received',
  'reply_sent',
  'status_changed',
  'resolved',
  'reopened',
  'closed',
  'csat_requested',
  'csat_received',
]);

/** How often a visitor's stream re-reads which contacts are theirs (they may have just written). */
const CONTACT_REFRESH_MS = 30_000;

/** A web-chat visitor's stream: changes to their own conversations, with nothing internal. */
class VisitorSubscriber implements LiveSubscriber {
  constructor(
    private contactIds: Set<string>,
    private readonly connection: SseConnection,
  ) {}

  close(): void {
    this.connection.close();
  }

  setContacts(contactIds: string[]): void {
    this.contactIds = new Set(contactIds);
  }

  offer(notice: LiveNotice): void {
    if (notice.kind !== 'conversation' || !this.contactIds.has(notice.contactId)) return;
    if (!VISITOR_EVENTS.has(notice.eventType)) return;
    this.connection.send('conversation', {
      conversationId: notice.conversationId,
      eventType: notice.eventType,
      at: notice.at,
    });
  }
}

export interface ChatApiOptions {
  db: Database;
  hub: LiveHub;
  logger: Logger;
  trustProxy: boolean;
}

/**
 * The web-chat widget's API under /chat/api. The visitor is whoever holds the random token
 * their browser keeps (header X-Chat-Token; query `token` for the event stream, which
 * EventSource cannot give headers): it maps to the contact `chat:<sha256(token)>`, and only
 * that contact's conversations are ever read or rated through it.
 */
export function mountChatApi(app: Hono, { db, hub, logger, trustProxy }: ChatApiOptions): void {
  const perVisitor = new RateLimiter(30);
  const perAddress = new RateLimiter(300);

  function visitorOf(c: Context): string | null {
    const token = c.req.header('x-chat-token') ?? c.req.query('token');
    return chatVisitorTokenSchema.safeParse(token).success
      ? chatVisitorExternalId(token as string)
      : null;
  }

  const noVisitor = (c: Context) =>
    jsonError(
      c,
      401,
      'invalid_visitor_token',
      'Send the chat visitor token (32–128 URL-safe characters) in the X-Chat-Token header',
    );

  app.post('/chat/api/messages', jsonBodyLimit, async (c) => {
    const visitor = visitorOf(c);
    if (!visitor) return noVisitor(c);
    if (!perVisitor.allow(visitor) || !perAddress.allow(clientAddress(c, trustProxy))) {
      c.header('Retry-After', '60');
      return jsonError(c, 429, 'too_many_requests', 'Too many messages; wait a minute and retry');
    }
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = chatMessageInputSchema.safeParse(body.value);
    if (!parsed.success) return invalidInput(c, parsed.error);
    const input = parsed.data;
    try {
      const result = await receiveInboundMessage(db, {
        channel: 'chat',
        audience: input.audience,
        // Scoped to the visitor, so nobody can claim another visitor's message ids.
        externalMessageId: `${visitor.slice('chat:'.length, 'chat:'.length + 32)}:${input.clientMessageId}`,
        contact: {
          externalId: visitor,
          name: input.name,
          ...(input.email ? { email: input.email } : {}),
          ...(input.city ? { city: input.city } : {}),
          ...(input.locale ? { locale: input.locale } : {}),
        },
        text: input.text,
      });
      const { conversationId, messageId, duplicate, outcome } = result;
      return c.json({ conversationId, messageId, duplicate, outcome }, duplicate ? 200 : 201);
    } catch (error) {
      if (!(error instanceof IntakeError)) throw error;
      logger.error({ err: error }, 'chat message could not be filed');
      c.header('Retry-After', '60');
      return jsonError(c, 503, error.code, 'Chat is not available right now; try again shortly');
    }
  });

  app.get('/chat/api/history', async (c) => {
    const visitor = visitorOf(c);
    if (!visitor) return noVisitor(c);
    c.header('Cache-Control', 'no-store');
    return c.json(await chatHistory(db, visitor));
  });

  app.get('/chat/api/stream', async (c) => {
    const visitor = visitorOf(c);
    if (!visitor) return noVisitor(c);
    try {
      await hub.start();
    } catch (error) {
      logger.error({ err: error }, 'could not listen for live notices');
      return jsonError(c, 503, 'unavailable', 'Live updates are unavailable; retry shortly');
    }
    const connection = new SseConnection();
    const subscriber = new VisitorSubscriber(
      new Set(await chatVisitorContactIds(db, visitor)),
      connection,
    );
    const unsubscribe = hub.subscribe(subscriber);
    return sseResponse(c, connection, {
      checkEveryMs: CONTACT_REFRESH_MS,
      check: async () => {
        subscriber.setContacts(await chatVisitorContactIds(db, visitor));
        return true;
      },
      onClose: unsubscribe,
    });
  });

  app.post('/chat/api/csat', jsonBodyLimit, async (c) => {
    const visitor = visitorOf(c);
    if (!visitor) return noVisitor(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = chatCsatInputSchema.safeParse(body.value);
    if (!parsed.success) return invalidInput(c, parsed.error);
    const { conversationId, rating, comment } = parsed.data;
    if (!(await isChatVisitorConversation(db, conversationId, visitor))) {
      return jsonError(c, 404, 'not_found', 'No such conversation in this chat');
    }
    try {
      const recorded = await recordCsat(
        db,
        { conversationId },
        { rating, ...(comment ? { comment } : {}) },
      );
      return c.json(recorded);
    } catch (error) {
      if (error instanceof CsatError) return csatErrorResponse(c, error);
      throw error;
    }
  });

  app.all('/chat/api/*', (c) =>
    jsonError(c, 404, 'not_found', `No ${c.req.method} ${c.req.path} in the chat API`),
  );
}
