import type { Database } from '@switchboard/db/client';
import { chatVisitorExternalId } from '@switchboard/db/queries/chat';
import { enabledChatPath } from '@switchboard/db/queries/chat-paths';
import { IntakeError, receiveInboundMessage } from '@switchboard/db/queries/intake';
import {
  type ChatTurn,
  chatHandoverDelivery,
  chatInputSchema,
  chatMessageInputSchema,
  chatVisitorTokenSchema,
  replayChat,
} from '@switchboard/domain';
import type { Hono } from 'hono';
import { z } from 'zod';
import { clientAddress } from '../client-ip.ts';
import { invalidInput, jsonBodyLimit, jsonError, readJson } from '../intake/json-errors.ts';
import type { Logger } from '../logger.ts';
import { RateLimiter } from './rate-limit.ts';

/** A visitor walks at most this many accepted steps before the bot hands them over anyway. */
const MAX_BOT_STEPS = 60;

/**
 * One step of the bot: who the visitor is (for the handover: name, email, city, locale and a
 * clientMessageId that keeps a retried last step from opening two conversations), the inputs
 * the bot accepted so far, and the new one (none: where the chat stands now).
 */
const chatBotInputSchema = chatMessageInputSchema.omit({ text: true }).extend({
  history: z
    .array(chatInputSchema)
    .max(MAX_BOT_STEPS, `history: at most ${MAX_BOT_STEPS} steps`)
    .default([]),
  input: chatInputSchema.optional(),
});

/** What the widget shows: never the inbox or tags a handover goes to. */
function visibleTurn(turn: ChatTurn) {
  return {
    status: turn.state.status,
    bot: turn.bot,
    expects: turn.expects,
    ...(turn.error ? { error: turn.error } : {}),
    ...(turn.done ? { done: { kind: turn.done.kind } } : {}),
  };
}

export interface ChatBotOptions {
  db: Database;
  logger: Logger;
  trustProxy: boolean;
}

/**
 * `POST /chat/api/bot`: the web chat's bot, when a lead has switched on a chat path for the
 * visitor's audience (`{ enabled: false }` otherwise: the widget goes straight to a person).
 *
 * Stateless: the widget keeps the inputs the bot accepted and sends them with each step; the
 * server replays them on the stored path (domain.routing.advanceChat), so it never trusts a
 * state or a field the visitor claims. A path edited mid-chat answers 409 and the widget starts
 * over. A handover files the visitor's first message through intake, into the path's inbox with
 * its tags and an internal note of what the bot collected. A chat the bot solved stores
 * nothing: no conversation, no contact — it never reached an agent.
 */
export function mountChatBot(app: Hono, { db, logger, trustProxy }: ChatBotOptions): void {
  const perVisitor = new RateLimiter(60);
  const perAddress = new RateLimiter(600);

  app.post('/chat/api/bot', jsonBodyLimit, async (c) => {
    const token = c.req.header('x-chat-token');
    if (!chatVisitorTokenSchema.safeParse(token).success) {
      return jsonError(
        c,
        401,
        'invalid_visitor_token',
        'Send the chat visitor token (32–128 URL-safe characters) in the X-Chat-Token header',
      );
    }
    const visitor = chatVisitorExternalId(token as string);
    if (!perVisitor.allow(visitor) || !perAddress.allow(clientAddress(c, trustProxy))) {
      c.header('Retry-After', '60');
      return jsonError(c, 429, 'too_many_requests', 'Too many steps; wait a minute and retry');
    }
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = chatBotInputSchema.safeParse(body.value);
    if (!parsed.success) return invalidInput(c, parsed.error);
    const request = parsed.data;

    c.header('Cache-Control', 'no-store');
    const path = await enabledChatPath(db, request.audience);
    if (!path) return c.json({ enabled: false });
    const replay = replayChat(path, request.history, request.input);
    if (!replay.ok) {
      return jsonError(
        c,
        409,
        'chat_path_changed',
        'Our chat menu changed while you were using it; let’s start again',
      );
    }
    const answer = {
      enabled: true,
      turn: visibleTurn(replay.turn),
      transcript: replay.transcript,
    };
    const delivery = request.input ? chatHandoverDelivery(replay) : null;
    if (!delivery) return c.json(answer);

    try {
      const filed = await receiveInboundMessage(
        db,
        {
          channel: 'chat',
          audience: request.audience,
          // Scoped to the visitor like /chat/api/messages: a retried last step is filed once.
          externalMessageId: `${visitor.slice('chat:'.length, 'chat:'.length + 32)}:${request.clientMessageId}`,
          contact: {
            externalId: visitor,
            name: request.name,
            ...((request.email ?? delivery.email)
              ? { email: request.email ?? delivery.email }
              : {}),
            ...(request.city ? { city: request.city } : {}),
            ...(request.locale ? { locale: request.locale } : {}),
          },
          text: delivery.text,
          ...(delivery.bookingReference ? { bookingReference: delivery.bookingReference } : {}),
        },
        new Date(),
        delivery.handover,
      );
      return c.json(
        { ...answer, conversationId: filed.conversationId, messageId: filed.messageId },
        filed.duplicate ? 200 : 201,
      );
    } catch (error) {
      if (!(error instanceof IntakeError)) throw error;
      logger.error({ err: error }, 'chat bot handover could not be filed');
      c.header('Retry-After', '60');
      return jsonError(c, 503, error.code, 'Chat is not available right now; try again shortly');
    }
  });
}
