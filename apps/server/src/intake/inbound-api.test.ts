import { revokeApiKey, verifyApiKey } from '@switchboard/db/queries/api-keys';
import { conversationEvents, conversations, messages } from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import { inboundMessageSchema } from '@switchboard/domain';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../test-server.ts';

let server: TestServer;
let key: string;
beforeAll(async () => {
  server = await createTestServer();
  key = await server.createKey();
});
afterAll(() => server.close());

const DAY = 86_400_000;

interface IntakeBody {
  conversationId: string;
  messageId: string;
  duplicate: boolean;
  outcome: string;
}
interface ErrorBody {
  error: { code: string; message: string; fieldErrors?: { path: string; message: string }[] };
}

function message(cityCode: string, overrides: Record<string, unknown> = {}) {
  return {
    channel: 'whatsapp',
    audience: 'guest',
    externalMessageId: `wamid.${uniqueSuffix()}`,
    contact: { externalId: `rider-${uniqueSuffix()}`, name: 'Marta Costa', city: cityCode },
    text: 'My driver is not at the meeting point.',
    ...overrides,
  };
}

function post(body: unknown, options: { key?: string | null; contentType?: string } = {}) {
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
  };
  const bearer = options.key === undefined ? key : options.key;
  if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
  return server.app.request('/api/v1/messages', {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function deliver(body: unknown): Promise<{ status: number; body: IntakeBody }> {
  const response = await post(body);
  return { status: response.status, body: (await response.json()) as IntakeBody };
}

describe('POST /api/v1/messages — authentication', () => {
  it('answers 401 JSON without a key, with a malformed one, and with an unknown one', async () => {
    const { city } = await createCityInboxFixture(server.api.handle.db);
    for (const bearer of [null, 'not-a-key', `sb_live_${'x'.repeat(32)}`]) {
      const response = await post(message(city.code), { key: bearer });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe('unauthorized');
      expect(body.error.message).toMatch(/API key/);
    }
  });

  it('refuses a revoked key at once', async () => {
    const { city } = await createCityInboxFixture(server.api.handle.db);
    const revocable = await server.createKey();
    expect((await post(message(city.code), { key: revocable })).status).toBe(201);
    const verified = await verifyApiKey(server.api.handle.db, revocable);
    const admin = await server.api.createStaff('admin');
    await revokeApiKey(server.api.handle.db, { id: verified!.id, revokedById: admin.id });
    const response = await post(message(city.code), { key: revocable });
    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/revoked/);
  });
});

describe('POST /api/v1/messages — validation', () => {
  it('answers 400 naming every bad field, and stores nothing', async () => {
    const { city } = await createCityInboxFixture(server.api.handle.db);
    const bad = message(city.code, {
      channel: 'telegram',
      contact: { externalId: 'rider-1', city: 'Lisbon' },
      text: '   ',
    });
    const response = await post(bad);
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid_input');
    const paths = body.error.fieldErrors?.map((field) => field.path);
    expect(paths).toEqual(
      expect.arrayContaining(['channel', 'contact.name', 'contact.city', 'text']),
    );
    expect(body.error.message).toMatch(/^Invalid input — /);
    expect(body.error.message).toContain('text: Write a message first');
    const stored = await server.api.handle.db
      .select()
      .from(messages)
      .where(eq(messages.externalId, bad.externalMessageId as string));
    expect(stored).toHaveLength(0);
  });

  it('refuses unknown contact fields, broken JSON, other media types and oversized bodies', async () => {
    const { city } = await createCityInboxFixture(server.api.handle.db);
    const extra = await post(
      message(city.code, { contact: { externalId: 'r', name: 'R', password: 'x' } }),
    );
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as ErrorBody).error.fieldErrors?.[0]?.path).toBe('contact');

    const broken = await post('{"channel": "chat",');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as ErrorBody).error.code).toBe('invalid_json');

    const form = await post('channel=chat', { contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);

    const huge = await post(message(city.code, { text: 'x'.repeat(70_000) }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as ErrorBody).error.code).toBe('payload_too_large');

    const long = await post(message(city.code, { text: 'x'.repeat(10_001) }));
    expect(long.status).toBe(400);
    expect(((await long.json()) as ErrorBody).error.fieldErrors?.[0]?.path).toBe('text');
  });

  it('answers other methods and paths with JSON, not HTML', async () => {
    const get = await server.app.request('/api/v1/messages');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const unknown = await server.app.request('/api/v1/conversations');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.code).toBe('not_found');
  });
});

describe('POST /api/v1/messages — filing', () => {
  it('starts a conversation (201), appends to it, and answers a re-delivery with 200', async () => {
    const { city, inbox } = await createCityInboxFixture(server.api.handle.db);
    const first = message(city.code);
    const created = await deliver(first);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ duplicate: false, outcome: 'new' });
    const [conversation] = await server.api.handle.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, created.body.conversationId));
    expect(conversation).toMatchObject({ inboxId: inbox.id, status: 'open', priority: 'P3' });

    const followUp = await deliver(
      message(city.code, { contact: first.contact, text: 'Still waiting.' }),
    );
    expect(followUp.status).toBe(201);
    expect(followUp.body).toMatchObject({
      conversationId: created.body.conversationId,
      outcome: 'appended',
    });

    const again = await deliver(first);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...created.body, duplicate: true });
  });

  it('reopens a conversation resolved within 7 days and starts a new one after', async () => {
    const { city } = await createCityInboxFixture(server.api.handle.db);
    const contact = { externalId: `rider-${uniqueSuffix()}`, name: 'Marta Costa', city: city.code };
    const first = await deliver(message(city.code, { contact }));
    const resolve = (daysAgo: number) =>
      server.api.handle.db
        .update(conversations)
        .set({ status: 'resolved', resolvedAt: new Date(Date.now() - daysAgo * DAY) })
        .where(eq(conversations.id, first.body.conversationId));

    await resolve(3);
    const reopened = await deliver(message(city.code, { contact, text: 'It happened again.' }));
    expect(reopened.status).toBe(201);
    expect(reopened.body).toMatchObject({
      conversationId: first.body.conversationId,
      outcome: 'reopened',
    });
    const types = await server.api.handle.db
      .select({ type: conversationEvents.type })
      .from(conversationEvents)
      .where(eq(conversationEvents.conversationId, first.body.conversationId))
      .orderBy(asc(conversationEvents.id));
    expect(types.map((row) => row.type)).toEqual([
      'created',
      'message_received',
      'routed',
      'message_received',
      'reopened',
    ]);

    await resolve(8);
    const fresh = await deliver(message(city.code, { contact, text: 'New question.' }));
    expect(fresh.body.outcome).toBe('new');
    expect(fresh.body.conversationId).not.toBe(first.body.conversationId);
  });

  it('starts a new conversation when the latest one is closed', async () => {
    const { city } = await createCityInboxFixture(server.api.handle.db);
    const contact = { externalId: `rider-${uniqueSuffix()}`, name: 'Marta Costa', city: city.code };
    const first = await deliver(message(city.code, { contact }));
    await server.api.handle.db
      .update(conversations)
      .set({ status: 'closed', resolvedAt: new Date(Date.now() - DAY) })
      .where(eq(conversations.id, first.body.conversationId));
    const next = await deliver(message(city.code, { contact }));
    expect(next.body.outcome).toBe('new');
    expect(next.body.conversationId).not.toBe(first.body.conversationId);
  });

  it('stores a message once when 20 deliveries of it arrive at the same time', async () => {
    const { city } = await createCityInboxFixture(server.api.handle.db);
    const body = message(city.code);
    const responses = await Promise.all(Array.from({ length: 20 }, () => deliver(body)));
    expect(responses.map((response) => response.status).sort()).toEqual([
      ...Array(19).fill(200),
      201,
    ]);
    expect(new Set(responses.map((response) => response.body.conversationId)).size).toBe(1);
    expect(new Set(responses.map((response) => response.body.messageId)).size).toBe(1);
    const stored = await server.api.handle.db
      .select()
      .from(messages)
      .where(eq(messages.externalId, body.externalMessageId));
    expect(stored).toHaveLength(1);
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('describes the endpoint in OpenAPI 3.1 with schemas that resolve and an example that validates', async () => {
    const response = await server.app.request('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = JSON.parse(await response.text()) as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, Record<string, Record<string, unknown>>>;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers[0]?.url).toBe('http://127.0.0.1:3999');
    const operation = document.paths['/api/v1/messages']?.post as {
      requestBody: {
        content: { 'application/json': { examples: Record<string, { value: unknown }> } };
      };
      responses: Record<string, unknown>;
    };
    expect(Object.keys(operation.responses).sort()).toEqual(
      ['200', '201', '400', '401', '413', '415', '503'].sort(),
    );
    // Every $ref points at a schema that exists.
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(3);
    for (const ref of refs) {
      const name = ref.match(/#\/components\/schemas\/(\w+)/)?.[1];
      expect(name && document.components.schemas[name], ref).toBeTruthy();
    }
    expect(document.components.schemas.InboundMessage?.required).toEqual([
      'channel',
      'audience',
      'externalMessageId',
      'contact',
      'text',
    ]);
    const examples = operation.requestBody.content['application/json'].examples;
    for (const example of Object.values(examples)) {
      expect(inboundMessageSchema.safeParse(example.value).success).toBe(true);
    }
  });
});
