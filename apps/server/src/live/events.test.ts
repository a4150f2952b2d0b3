import { announce } from '@switchboard/db/queries/live';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, readSse, type TestServer } from '../test-server.ts';

let server: TestServer;
let key: string;
beforeAll(async () => {
  server = await createTestServer();
  key = await server.createKey();
});
afterAll(() => server.close());

async function deliver(cityCode: string) {
  const response = await server.app.request('/api/v1/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      channel: 'chat',
      audience: 'guest',
      externalMessageId: `chat-${uniqueSuffix()}`,
      contact: { externalId: `rider-${uniqueSuffix()}`, name: 'Marta Costa', city: cityCode },
      text: 'Where is my driver?',
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { conversationId: string };
}

async function openEvents(cookie: string) {
  const response = await server.app.request('/events', { headers: { cookie } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return readSse(response);
}

const noticeFor =
  (conversationId: string, event = 'conversation') =>
  (item: { event: string; data: string }) =>
    item.event === event &&
    (JSON.parse(item.data) as { conversationId?: string }).conversationId === conversationId;

describe('GET /events', () => {
  it('answers 401 JSON without a staff session', async () => {
    const response = await server.app.request('/events');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const forged = await server.app.request('/events', {
      headers: { cookie: 'switchboard.session_token=forged' },
    });
    expect(forged.status).toBe(401);
  });

  it('streams retry first, then a notice within a second of an inbound message in my inbox', async () => {
    const agent = await server.staffSession('agent');
    const { city, inbox } = await createCityInboxFixture(server.api.handle.db, {
      memberIds: [agent.id],
    });
    const stream = await openEvents(agent.cookie);
    try {
      const sentAt = Date.now();
      const { conversationId } = await deliver(city.code);
      const event = await stream.next(noticeFor(conversationId), 1000);
      expect(Date.now() - sentAt).toBeLessThan(1000);
      expect(JSON.parse(event.data)).toMatchObject({
        kind: 'conversation',
        conversationId,
        inboxId: inbox.id,
        eventType: 'created',
      });
      expect(stream.comments).toContain('connected');
      expect(stream.retries).toEqual([3000]);
    } finally {
      await stream.close();
    }
  });

  it('keeps other inboxes from an agent, but not from an admin', async () => {
    const agent = await server.staffSession('agent');
    const admin = await server.staffSession('admin');
    const mine = await createCityInboxFixture(server.api.handle.db, { memberIds: [agent.id] });
    const theirs = await createCityInboxFixture(server.api.handle.db);
    const agentStream = await openEvents(agent.cookie);
    const adminStream = await openEvents(admin.cookie);
    try {
      const hidden = await deliver(theirs.city.code);
      const visible = await deliver(mine.city.code);
      // Notices arrive in commit order: once the later one is here, the earlier one was skipped.
      await agentStream.next(noticeFor(visible.conversationId));
      expect(agentStream.events.some(noticeFor(hidden.conversationId))).toBe(false);
      await adminStream.next(noticeFor(hidden.conversationId));
      await adminStream.next(noticeFor(visible.conversationId));
    } finally {
      await agentStream.close();
      await adminStream.close();
    }
  });

  it('sends an agent conversations assigned to them and mentions of them elsewhere', async () => {
    const agent = await server.staffSession('agent');
    const { inbox } = await createCityInboxFixture(server.api.handle.db);
    const stream = await openEvents(agent.cookie);
    try {
      const base = {
        kind: 'conversation' as const,
        inboxId: inbox.id,
        contactId: '00000000-0000-4000-8000-000000000001',
        at: new Date().toISOString(),
      };
      const assigned = crypto.randomUUID();
      const mentioned = crypto.randomUUID();
      const neither = crypto.randomUUID();
      await announce(server.api.handle.db, {
        ...base,
        conversationId: neither,
        assigneeId: null,
        eventType: 'note_added',
      });
      await announce(server.api.handle.db, {
        ...base,
        conversationId: assigned,
        assigneeId: agent.id,
        eventType: 'assigned',
      });
      await announce(server.api.handle.db, {
        ...base,
        conversationId: mentioned,
        assigneeId: null,
        eventType: 'mentioned',
        mentionedUserIds: [agent.id],
      });
      await stream.next(noticeFor(assigned));
      await stream.next(noticeFor(mentioned));
      expect(stream.events.some(noticeFor(neither))).toBe(false);
    } finally {
      await stream.close();
    }
  });

  it('relays presence to colleagues of the inbox only', async () => {
    const typist = await server.staffSession('agent');
    const colleague = await server.staffSession('agent');
    const outsider = await server.staffSession('lead');
    const { city } = await createCityInboxFixture(server.api.handle.db, {
      memberIds: [typist.id, colleague.id],
    });
    const { conversationId } = await deliver(city.code);
    const colleagueStream = await openEvents(colleague.cookie);
    const outsiderStream = await openEvents(outsider.cookie);
    try {
      const typing = await server.app.request('/trpc/live.presence', {
        method: 'POST',
        headers: { cookie: typist.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ json: { conversationId, state: 'typing' } }),
      });
      expect(typing.status).toBe(200);
      const event = await colleagueStream.next(noticeFor(conversationId, 'presence'));
      expect(JSON.parse(event.data)).toMatchObject({
        kind: 'presence',
        userId: typist.id,
        state: 'typing',
      });
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(outsiderStream.events.some(noticeFor(conversationId, 'presence'))).toBe(false);
    } finally {
      await colleagueStream.close();
      await outsiderStream.close();
    }
  });

  it('hears its own probe through the database, so healthy streams stay open', async () => {
    const admin = await server.staffSession('admin');
    const stream = await openEvents(admin.cookie);
    try {
      const count = server.live.subscriberCount;
      await server.live.checkHearing();
      const deadline = Date.now() + 2000;
      // A probe heard leaves nothing pending: the next round must not reconnect anyone.
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (!(server.live as unknown as { probe: unknown }).probe) break;
      }
      await server.live.checkHearing();
      expect(server.live.subscriberCount).toBe(count);
      const { city } = await createCityInboxFixture(server.api.handle.db);
      const { conversationId } = await deliver(city.code);
      await stream.next(noticeFor(conversationId));
    } finally {
      await stream.close();
    }
  });

  it('forgets a client that disconnects', async () => {
    const admin = await server.staffSession('admin');
    const before = server.live.subscriberCount;
    const stream = await openEvents(admin.cookie);
    expect(server.live.subscriberCount).toBe(before + 1);
    await stream.close();
    const deadline = Date.now() + 2000;
    while (server.live.subscriberCount > before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(server.live.subscriberCount).toBe(before);
  });
});
