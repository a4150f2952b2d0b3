import { randomBytes, randomUUID } from 'node:crypto';
import { announce } from '@switchboard/db/queries/live';
import { conversationEvents, conversations, messages } from '@switchboard/db/schema';
import { createCityInboxFixture } from '@switchboard/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, readSse, type TestServer } from '../test-server.ts';

let server: TestServer;
let cityCode: string;
beforeAll(async () => {
  server = await createTestServer();
  cityCode = (await createCityInboxFixture(server.api.handle.db)).city.code;
});
afterAll(() => server.close());

const newToken = () => randomBytes(32).toString('hex');

interface SendAnswer {
  conversationId: string;
  messageId: string;
  duplicate: boolean;
  outcome: string;
}
interface History {
  conversation: {
    id: string;
    status: string;
    csat: { state: string; rating?: number; comment?: string | null };
  } | null;
  messages: {
    id: string;
    direction: string;
    authorType: string;
    authorName: string | null;
    body: string;
  }[];
}

function send(token: string | null, body: Record<string, unknown>) {
  return server.app.request('/chat/api/messages', {
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
      text: 'Hello, my driver is late.',
      ...body,
    }),
  });
}

async function history(token: string): Promise<History> {
  const response = await server.app.request('/chat/api/history', {
    headers: { 'x-chat-token': token },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as History;
}

async function rate(token: string, body: Record<string, unknown>) {
  return server.app.request('/chat/api/csat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-chat-token': token },
    body: JSON.stringify(body),
  });
}

async function agentReply(conversationId: string, body: string, kind: 'message' | 'note') {
  const agent = await server.api.createStaff('agent', { name: 'Ana Silva' });
  await server.api.handle.db.insert(messages).values({
    conversationId,
    direction: 'outbound',
    kind,
    authorType: 'agent',
    authorUserId: agent.id,
    channel: 'chat',
    body,
  });
}

async function resolveWithSurvey(conversationId: string) {
  await server.api.handle.db
    .update(conversations)
    .set({ status: 'resolved', resolvedAt: new Date(), csatToken: randomBytes(24).toString('hex') })
    .where(eq(conversations.id, conversationId));
}

describe('GET /chat', () => {
  it('serves the widget page with labelled controls and a strict content policy', async () => {
    const response = await server.app.request('/chat?audience=driver&city=LIS&name=Rui');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<label for="composer-text">Message</label>');
    expect(html).toMatch(/<button type="submit" class="primary">Send<\/button>/);
    for (const value of [1, 2, 3, 4, 5])
      expect(html).toContain(`aria-label="Rate ${value} out of 5"`);
    expect(html).toContain('<label for="rating-comment">Comment</label>');
    expect(html).toContain('Send rating');
    expect(html).toContain('Thank you for your rating!');
    const script = await server.app.request('/chat/widget.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    // The script parses: a syntax error would break the whole widget.
    const source = await script.text();
    expect(() => new Function(source)).not.toThrow();
    expect((await server.app.request('/chat/widget.css')).status).toBe(200);
  });
});

describe('chat API', () => {
  it('refuses a request without a valid visitor token', async () => {
    for (const token of [null, 'short']) {
      const response = await send(token, {});
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_visitor_token' } });
    }
    expect((await server.app.request('/chat/api/history')).status).toBe(401);
    expect((await server.app.request('/chat/api/stream')).status).toBe(401);
  });

  it('files messages into one chat conversation and stores a retried send once', async () => {
    const token = newToken();
    const clientMessageId = randomUUID();
    const first = await send(token, { clientMessageId, email: 'marta@example.com' });
    expect(first.status).toBe(201);
    const stored = (await first.json()) as SendAnswer;
    expect(stored.outcome).toBe('new');

    const retried = await send(token, { clientMessageId });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toEqual({ ...stored, duplicate: true });

    const second = (await (await send(token, { text: 'Any news?' })).json()) as SendAnswer;
    expect(second).toMatchObject({ conversationId: stored.conversationId, outcome: 'appended' });
    const [conversation] = await server.api.handle.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, stored.conversationId));
    expect(conversation).toMatchObject({ channel: 'chat', audience: 'guest', status: 'open' });
  });

  it('names the bad fields of a message', async () => {
    const response = await send(newToken(), { clientMessageId: 'abc', text: '', audience: 'x' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fieldErrors: { path: string }[] } };
    expect(body.error.fieldErrors.map((field) => field.path).sort()).toEqual([
      'audience',
      'clientMessageId',
      'text',
    ]);
  });

  it('refuses an oversized message with 413 JSON and stores nothing', async () => {
    const token = newToken();
    const response = await send(token, { text: 'x'.repeat(70 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringMatching(/kB/) },
    });
    expect((await history(token)).messages).toEqual([]);
  });

  it('shows the visitor public messages only, and nobody else their conversation', async () => {
    const token = newToken();
    const { conversationId } = (await (await send(token, {})).json()) as SendAnswer;
    await agentReply(conversationId, 'Hi Marta, your driver is two minutes away.', 'message');
    await agentReply(conversationId, 'Internal: driver was rerouted by ops.', 'note');

    const seen = await history(token);
    expect(seen.conversation).toMatchObject({ id: conversationId, status: 'open' });
    expect(seen.messages.map((message) => [message.direction, message.body])).toEqual([
      ['inbound', 'Hello, my driver is late.'],
      ['outbound', 'Hi Marta, your driver is two minutes away.'],
    ]);
    expect(seen.messages[1]).toMatchObject({ authorType: 'agent', authorName: 'Ana' });
    expect(JSON.stringify(seen)).not.toContain('Internal');

    const stranger = newToken();
    expect(await history(stranger)).toEqual({ conversation: null, messages: [] });
    await resolveWithSurvey(conversationId);
    const response = await rate(stranger, { conversationId, rating: 1 });
    expect(response.status).toBe(404);
  });

  it('streams the changes of the visitor’s own conversations, nothing internal, nobody else’s', async () => {
    const token = newToken();
    const { conversationId } = (await (await send(token, {})).json()) as SendAnswer;
    const response = await server.app.request(`/chat/api/stream?token=${token}`);
    expect(response.status).toBe(200);
    const stream = readSse(response);
    const other = newToken();
    try {
      const [row] = await server.api.handle.db
        .select()
        .from(conversations)
        .where(eq(conversations.id, conversationId));
      const notice = {
        kind: 'conversation' as const,
        conversationId,
        inboxId: row!.inboxId,
        assigneeId: null,
        contactId: row!.contactId,
        at: new Date().toISOString(),
      };
      await announce(server.api.handle.db, { ...notice, eventType: 'note_added' });
      await announce(server.api.handle.db, { ...notice, eventType: 'reply_sent' });
      const reply = await stream.next((event) => event.event === 'conversation');
      expect(JSON.parse(reply.data)).toEqual({
        conversationId,
        eventType: 'reply_sent',
        at: notice.at,
      });
      // Internal details stay on the server.
      expect(reply.data).not.toContain(row!.inboxId);

      const otherMessage = (await (await send(other, {})).json()) as SendAnswer;
      await send(token, { text: 'Thanks!' });
      await stream.next((event) => event.data.includes('message_received'));
      expect(stream.events.some((event) => event.data.includes('note_added'))).toBe(false);
      expect(stream.events.some((event) => event.data.includes(otherMessage.conversationId))).toBe(
        false,
      );
    } finally {
      await stream.close();
    }
  });

  it('takes one rating of a resolved conversation that asked for one', async () => {
    const token = newToken();
    const { conversationId } = (await (await send(token, {})).json()) as SendAnswer;
    expect((await rate(token, { conversationId, rating: 5 })).status).toBe(409);
    expect((await history(token)).conversation?.csat).toEqual({ state: 'none' });

    await resolveWithSurvey(conversationId);
    expect((await history(token)).conversation?.csat).toEqual({ state: 'requested' });

    const bad = await rate(token, { conversationId, rating: 6 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(
      'rating',
    );

    const rated = await rate(token, { conversationId, rating: 4, comment: ' Quick and kind ' });
    expect(rated.status).toBe(200);
    expect(await rated.json()).toMatchObject({ rating: 4, comment: 'Quick and kind' });
    expect((await history(token)).conversation?.csat).toEqual({
      state: 'rated',
      rating: 4,
      comment: 'Quick and kind',
    });

    const again = await rate(token, { conversationId, rating: 1 });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'already_rated' } });

    const events = await server.api.handle.db
      .select()
      .from(conversationEvents)
      .where(
        and(
          eq(conversationEvents.conversationId, conversationId),
          eq(conversationEvents.type, 'csat_received'),
        ),
      );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: 'contact', payload: { rating: 4 } });
  });
});
