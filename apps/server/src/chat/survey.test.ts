import { randomBytes } from 'node:crypto';
import { conversations } from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../test-server.ts';

let server: TestServer;
let key: string;
let cityCode: string;
beforeAll(async () => {
  server = await createTestServer();
  key = await server.createKey();
  cityCode = (await createCityInboxFixture(server.api.handle.db)).city.code;
});
afterAll(() => server.close());

/** An email conversation resolved with a survey link, as the resolve action leaves it. */
async function resolvedEmailConversation(status: 'resolved' | 'closed' | 'open' = 'resolved') {
  const response = await server.app.request('/api/v1/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      channel: 'email',
      audience: 'guest',
      externalMessageId: `<${uniqueSuffix()}@mail.example.com>`,
      contact: { externalId: `rider-${uniqueSuffix()}`, name: 'Marta Costa', city: cityCode },
      text: 'Please refund the cancelled trip.',
    }),
  });
  const { conversationId } = (await response.json()) as { conversationId: string };
  const token = randomBytes(24).toString('base64url');
  await server.api.handle.db
    .update(conversations)
    .set({ status, resolvedAt: status === 'open' ? null : new Date(), csatToken: token })
    .where(eq(conversations.id, conversationId));
  return { conversationId, token };
}

function answer(token: string, body: unknown) {
  return server.app.request(`/survey/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('/survey/:token', () => {
  it('shows the survey, takes one answer, then thanks on every visit', async () => {
    const { conversationId, token } = await resolvedEmailConversation();
    const page = await server.app.request(`/survey/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('aria-label="Rate 5 out of 5"');
    expect(html).toContain('<label for="survey-comment">Comment</label>');
    expect(html).toContain('Send rating');
    const script = await server.app.request('/survey/survey.js');
    const source = await script.text();
    expect(() => new Function(source)).not.toThrow();

    const answered = await answer(token, { rating: 2, comment: 'Took three emails.' });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ conversationId, rating: 2 });
    const [row] = await server.api.handle.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    expect(row).toMatchObject({ csatRating: 2, csatComment: 'Took three emails.' });
    expect(row?.csatRatedAt).toBeInstanceOf(Date);

    const twice = await answer(token, { rating: 5 });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ error: { code: 'already_rated' } });
    expect(await (await server.app.request(`/survey/${token}`)).text()).toContain(
      'You gave us 2 out of 5',
    );
  });

  it('accepts a closed conversation too', async () => {
    const { token } = await resolvedEmailConversation('closed');
    expect((await answer(token, { rating: 5 })).status).toBe(200);
  });

  it('waits while the conversation is open again', async () => {
    const { token } = await resolvedEmailConversation('open');
    expect(await (await server.app.request(`/survey/${token}`)).text()).toContain('open again');
    const response = await answer(token, { rating: 3 });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'not_resolved' } });
  });

  it('answers 404 for an unknown link and 400 naming the field for a bad answer', async () => {
    const unknown = await server.app.request(`/survey/${randomBytes(24).toString('hex')}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('not valid');
    expect((await server.app.request('/survey/x')).status).toBe(404);
    expect((await answer(randomBytes(24).toString('hex'), { rating: 4 })).status).toBe(404);

    const { token } = await resolvedEmailConversation();
    const bad = await answer(token, { rating: 0, comment: 'x'.repeat(1001) });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fieldErrors: { path: string }[] } };
    expect(body.error.fieldErrors.map((field) => field.path).sort()).toEqual(['comment', 'rating']);
  });

  it('refuses an oversized answer with 413 and still takes a proper one after', async () => {
    const { token } = await resolvedEmailConversation();
    const oversized = await answer(token, { rating: 5, comment: 'x'.repeat(70 * 1024) });
    expect(oversized.status).toBe(413);
    expect((await answer(token, { rating: 5 })).status).toBe(200);
  });

  it('takes exactly one of two answers sent at the same moment', async () => {
    const { token } = await resolvedEmailConversation();
    const statuses = (
      await Promise.all([answer(token, { rating: 5 }), answer(token, { rating: 1 })])
    ).map((response) => response.status);
    expect(statuses.sort()).toEqual([200, 409]);
  });
});
