import { randomBytes, randomUUID } from 'node:crypto';
import { sessionCookie } from '@switchboard/api/testing';
import { chatVisitorExternalId } from '@switchboard/db/queries/chat';
import { saveChatPath, setChatPathEnabled } from '@switchboard/db/queries/chat-paths';
import {
  chatPaths,
  contacts,
  conversationEvents,
  conversations,
  conversationTags,
  tags,
} from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import {
  type ChatPath,
  DEFAULT_HANDOVER_MESSAGE,
  SOLVED_QUESTION,
  SOLVED_REPLY,
} from '@switchboard/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../test-server.ts';

/*
 * Paths are global, one per audience, so this file owns the guest path (the API's tests own
 * the driver one), runs its tests in order, and puts back whatever was there before.
 */
let server: TestServer;
let previous: typeof chatPaths.$inferSelect | undefined;
let leadId: string;
let cityCode: string;
let handoverInbox: { id: string; code: string; name: string };
let cityInboxId: string;
let noShowTag: string;
let botTag: string;
let agentCookie: string;

const db = () => server.api.handle.db;

beforeAll(async () => {
  server = await createTestServer();
  [previous] = await db().select().from(chatPaths).where(eq(chatPaths.audience, 'guest'));
  leadId = (await server.api.createStaff('lead')).id;
  const agent = await server.api.createStaff('agent');
  const visitorCity = await createCityInboxFixture(db());
  cityCode = visitorCity.city.code;
  cityInboxId = visitorCity.inbox.id;
  handoverInbox = (await createCityInboxFixture(db(), { memberIds: [agent.id] })).inbox;
  noShowTag = `no-show-${uniqueSuffix().toLowerCase()}`;
  botTag = `chat-bot-${uniqueSuffix().toLowerCase()}`;
  await db()
    .insert(tags)
    .values([
      { code: noShowTag, name: 'Driver no-show' },
      { code: botTag, name: 'Came through the bot' },
    ]);
  agentCookie = sessionCookie(await server.api.signIn(agent.email));
  await saveChatPath(
    db(),
    { audience: 'guest', enabled: true, definition: guestPath() },
    { actorId: leadId },
  );
});

afterAll(async () => {
  if (previous) {
    const { id: _id, ...stored } = previous;
    await db().update(chatPaths).set(stored).where(eq(chatPaths.audience, 'guest'));
  } else {
    await db().delete(chatPaths).where(eq(chatPaths.audience, 'guest'));
  }
  await server.close();
});

function guestPath(): ChatPath {
  return {
    audience: 'guest',
    greeting: 'Hi! I’m the Switchboard assistant.',
    defaultHandover: { inboxCode: handoverInbox.code, tags: [botTag] },
    steps: [
      {
        id: 'start',
        kind: 'menu',
        prompt: 'What can I help with?',
        options: [
          { label: 'Driver did not show up', next: 'booking-ref' },
          { label: 'Refunds', next: 'refund-info' },
        ],
      },
      {
        id: 'booking-ref',
        kind: 'question',
        prompt: 'What is your booking reference?',
        field: 'booking_reference',
        fieldKey: 'booking_reference',
        next: 'email',
      },
      {
        id: 'email',
        kind: 'question',
        prompt: 'And your email?',
        field: 'email',
        fieldKey: 'email',
        next: 'no-show',
      },
      {
        id: 'no-show',
        kind: 'handover',
        inboxCode: handoverInbox.code,
        tags: [noShowTag],
        message: 'Connecting you with the pickup team now.',
      },
      { id: 'refund-info', kind: 'answer', text: 'Refunds reach your card within 5 days.' },
    ],
  };
}

const newToken = () => randomBytes(32).toString('hex');

type Input =
  | { kind: 'choose'; optionIndex: number }
  | { kind: 'answer'; text: string }
  | { kind: 'confirm'; solved: boolean }
  | { kind: 'talk_to_person' };

interface BotAnswer {
  enabled: boolean;
  turn: {
    status: string;
    bot: string[];
    expects: { kind: string; options?: string[]; field?: string } | null;
    error?: string;
    done?: { kind: string };
  };
  transcript: { from: string; text: string }[];
  conversationId?: string;
  messageId?: string;
}

function step(token: string | null, body: Record<string, unknown>) {
  return server.app.request('/chat/api/bot', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { 'x-chat-token': token } : {}),
    },
    body: JSON.stringify({
      clientMessageId: randomUUID(),
      audience: 'guest',
      name: 'Marta Costa',
      city: cityCode,
      ...body,
    }),
  });
}

/** A visitor walking the bot the way the widget does: accepted inputs pile up in `history`. */
function visitor() {
  const token = newToken();
  const history: Input[] = [];
  return {
    token,
    history,
    async send(input?: Input, extra: Record<string, unknown> = {}) {
      const response = await step(token, { history, ...(input ? { input } : {}), ...extra });
      const answer = (await response.json()) as BotAnswer;
      if (input && response.ok && !answer.turn.error) history.push(input);
      return { status: response.status, answer };
    },
  };
}

async function agentSees(conversationId: string) {
  const caller = await server.api.callerFor(agentCookie);
  return caller.conversations.byId({ conversationId });
}

describe('POST /chat/api/bot', () => {
  it('walks the menu and the questions, then hands over with the collected fields', async () => {
    const marta = visitor();
    const start = await marta.send();
    expect(start.status).toBe(200);
    expect(start.answer).toMatchObject({
      enabled: true,
      turn: {
        status: 'active',
        bot: ['Hi! I’m the Switchboard assistant.', 'What can I help with?'],
        expects: { kind: 'choose', options: ['Driver did not show up', 'Refunds'] },
      },
    });

    const question = await marta.send({ kind: 'choose', optionIndex: 0 });
    expect(question.answer.turn).toMatchObject({
      bot: ['What is your booking reference?'],
      expects: { kind: 'answer', field: 'booking_reference' },
    });
    const refused = await marta.send({ kind: 'answer', text: 'the one from yesterday' });
    expect(refused.status).toBe(200);
    expect(refused.answer.turn).toMatchObject({
      bot: [],
      error: 'That does not look like a booking reference — it looks like LIS-7K3QF2',
      expects: { kind: 'answer', field: 'booking_reference' },
    });
    await marta.send({ kind: 'answer', text: ' lis-7k3qf2 ' });
    const clientMessageId = randomUUID();
    const last = { kind: 'answer' as const, text: 'Marta@Example.com' };
    const handedOver = await step(marta.token, {
      history: marta.history,
      input: last,
      clientMessageId,
    });
    expect(handedOver.status).toBe(201);
    const answer = (await handedOver.json()) as BotAnswer;
    expect(answer.turn).toEqual({
      status: 'handed_over',
      bot: ['Connecting you with the pickup team now.'],
      expects: null,
      done: { kind: 'handover' },
    });
    // The visitor never learns where they were routed.
    expect(JSON.stringify(answer)).not.toContain(handoverInbox.code);
    const conversationId = answer.conversationId!;

    // A retried last step (the answer was lost) files nothing twice.
    const retried = await step(marta.token, {
      history: marta.history,
      input: last,
      clientMessageId,
    });
    expect(retried.status).toBe(200);
    expect(((await retried.json()) as BotAnswer).conversationId).toBe(conversationId);

    const [conversation] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    expect(conversation).toMatchObject({ inboxId: handoverInbox.id, channel: 'chat' });
    expect(conversation!.inboxId).not.toBe(cityInboxId);

    const detail = await agentSees(conversationId);
    expect(detail.tags.map((tag) => tag.code)).toEqual([noShowTag]);
    expect(detail.contact).toMatchObject({ name: 'Marta Costa', email: 'marta@example.com' });
    const [first, note] = detail.messages;
    expect(first).toMatchObject({
      direction: 'inbound',
      kind: 'message',
      body: 'Chose: Driver did not show up; Booking reference: LIS-7K3QF2; Email: marta@example.com',
    });
    expect(note).toMatchObject({ kind: 'note', authorType: 'bot' });
    expect(note!.body).toContain(
      'Collected by the chat bot:\nBooking reference: LIS-7K3QF2\nEmail: marta@example.com',
    );
    expect(note!.body).toContain('Customer: Driver did not show up');
    expect(note!.body).toContain('Bot: What is your booking reference?');
    const routed = detail.events.find((event) => event.type === 'routed');
    expect(routed?.payload).toMatchObject({ handover: true, tags: [noShowTag] });
    expect(detail.conversation.routingDecision).toMatchObject({
      inbox: {
        code: handoverInbox.code,
        note: `The chat bot handed it over to ${handoverInbox.name}`,
      },
    });

    // The visitor's chat goes on as a normal conversation; the note stays internal.
    const history = await server.app.request('/chat/api/history', {
      headers: { 'x-chat-token': marta.token },
    });
    const seen = (await history.json()) as { messages: { body: string }[] };
    expect(seen.messages.map((message) => message.body)).toEqual([first!.body]);

    // Once handed over, the bot takes no more input.
    marta.history.push(last);
    const after = await marta.send({ kind: 'talk_to_person' });
    expect(after.status).toBe(200);
    expect(after.answer.turn).toMatchObject({
      status: 'handed_over',
      error: 'You are already in the queue for a person; they will reply here.',
    });
    expect(after.answer.conversationId).toBeUndefined();
  });

  it('hands over to a person from the very first step', async () => {
    const rui = visitor();
    await rui.send();
    const { status, answer } = await rui.send({ kind: 'talk_to_person' });
    expect(status).toBe(201);
    expect(answer.turn).toMatchObject({
      bot: [DEFAULT_HANDOVER_MESSAGE],
      done: { kind: 'handover' },
    });
    expect(answer.transcript.at(-2)).toEqual({ from: 'contact', text: 'Talk to a person' });
    const detail = await agentSees(answer.conversationId!);
    expect(detail.conversation.inboxId).toBe(handoverInbox.id);
    expect(detail.tags.map((tag) => tag.code)).toEqual([botTag]);
    expect(detail.messages[0]?.body).toBe('Asked to talk to a person');
    expect(detail.messages[1]?.body).toContain('Collected by the chat bot:\n(nothing asked)');
  });

  it('leaves the inbox to the routing rules when the handover names none', async () => {
    const byRules = guestPath();
    await saveChatPath(
      db(),
      {
        audience: 'guest',
        enabled: true,
        definition: { ...byRules, defaultHandover: { tags: [botTag] } },
      },
      { actorId: leadId },
    );
    try {
      const elsewhere = await createCityInboxFixture(db());
      const lia = visitor();
      const city = { city: elsewhere.city.code };
      await lia.send(undefined, city);
      const { status, answer } = await lia.send({ kind: 'talk_to_person' }, city);
      expect(status).toBe(201);
      const [stored] = await db()
        .select({ inboxId: conversations.inboxId })
        .from(conversations)
        .where(eq(conversations.id, answer.conversationId!));
      // The visitor's city inbox, as for any chat from that city; the bot's tag still applies.
      expect(stored?.inboxId).toBe(elsewhere.inbox.id);
      const tagged = await db()
        .select({ code: tags.code })
        .from(conversationTags)
        .innerJoin(tags, eq(tags.id, conversationTags.tagId))
        .where(eq(conversationTags.conversationId, answer.conversationId!));
      expect(tagged.map((tag) => tag.code)).toEqual([botTag]);
    } finally {
      await saveChatPath(
        db(),
        { audience: 'guest', enabled: true, definition: byRules },
        { actorId: leadId },
      );
    }
  });

  it('closes a chat the answer solved without creating a conversation', async () => {
    const ines = visitor();
    await ines.send();
    const answered = await ines.send({ kind: 'choose', optionIndex: 1 });
    expect(answered.answer.turn).toMatchObject({
      bot: ['Refunds reach your card within 5 days.', SOLVED_QUESTION],
      expects: { kind: 'confirm' },
    });
    const solved = await ines.send({ kind: 'confirm', solved: true });
    expect(solved.status).toBe(200);
    expect(solved.answer.turn).toEqual({
      status: 'solved',
      bot: [SOLVED_REPLY],
      expects: null,
      done: { kind: 'solved' },
    });
    expect(solved.answer.conversationId).toBeUndefined();
    // Not even a contact: a chat the bot solved never reached an agent.
    const stored = await db()
      .select({ id: contacts.id })
      .from(contacts)
      .where(eq(contacts.externalId, chatVisitorExternalId(ines.token)));
    expect(stored).toEqual([]);
    const history = await server.app.request('/chat/api/history', {
      headers: { 'x-chat-token': ines.token },
    });
    expect(await history.json()).toEqual({ conversation: null, messages: [] });
  });

  it('refuses bad input naming the field, a missing token, and a history the path no longer takes', async () => {
    const response = await step(newToken(), {
      audience: 'pilot',
      history: 'start',
      input: { kind: 'choose', optionIndex: -1 },
      clientMessageId: 'abc',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fieldErrors: { path: string }[] } };
    expect(body.error.fieldErrors.map((field) => field.path).sort()).toEqual([
      'audience',
      'clientMessageId',
      'history',
      'input.optionIndex',
    ]);
    expect((await step(null, {})).status).toBe(401);
    const stale = await step(newToken(), { history: [{ kind: 'choose', optionIndex: 7 }] });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'chat_path_changed' } });
  });

  it('answers enabled: false when the path is off, so the widget goes straight to a person', async () => {
    await setChatPathEnabled(db(), 'guest', false, { actorId: leadId });
    try {
      const { status, answer } = await visitor().send();
      expect(status).toBe(200);
      expect(answer).toEqual({ enabled: false });
    } finally {
      await setChatPathEnabled(db(), 'guest', true, { actorId: leadId });
    }
    const events = await db()
      .select({ id: conversationEvents.id })
      .from(conversationEvents)
      .innerJoin(conversations, eq(conversations.id, conversationEvents.conversationId))
      .where(eq(conversations.inboxId, cityInboxId));
    expect(events).toEqual([]);
  });
});

describe('GET /chat with a bot', () => {
  it('serves a widget with the bot’s controls, whose script parses', async () => {
    const html = await (await server.app.request('/chat')).text();
    expect(html).toContain('id="bot"');
    expect(html).toContain('Talk to a person');
    const source = await (await server.app.request('/chat/widget.js')).text();
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain('/bot');
  });
});
