import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  DEMO_API_KEY,
  launchBrowser,
  type RunningServer,
  sessionCookieOf,
  startSeededServer,
} from './harness.ts';

const screenshots = new URL('../../../tmp/e2e/', import.meta.url).pathname;
/** The seed's published inbound API key (packages/db/src/seed/api-keys.ts). */

/**
 * The web-chat widget and the survey page in Chromium, with the agent's side driven through
 * the same HTTP API the workspace uses: replies show up live, notes never do, the rating is
 * asked once resolved, and unsent messages survive going offline.
 */
describe.runIf(browserAvailable())('web chat and survey', () => {
  let server: RunningServer;
  let browser: Browser;
  let agentCookie: string;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startSeededServer();
    browser = await launchBrowser();
    agentCookie = await sessionCookieOf(server, 'admin@switchboard.test');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function trpc(path: string, input: unknown): Promise<unknown> {
    const response = await fetch(`${server.baseUrl}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: agentCookie, origin: server.baseUrl },
      body: JSON.stringify({ json: input }),
    });
    const body = (await response.json()) as { result?: { data: { json: unknown } } };
    if (!response.ok)
      throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body)}`);
    return body.result?.data.json;
  }

  async function trpcQuery(path: string, input: unknown): Promise<unknown> {
    const query = encodeURIComponent(JSON.stringify({ json: input }));
    const response = await fetch(`${server.baseUrl}/trpc/${path}?input=${query}`, {
      headers: { cookie: agentCookie },
    });
    const body = (await response.json()) as { result: { data: { json: unknown } } };
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return body.result.data.json;
  }

  async function visitorHistory(page: Page) {
    const stored = await page.evaluate<string | null>(
      "localStorage.getItem('switchboard.chat.v1')",
    );
    const token = (JSON.parse(stored ?? '{}') as { token: string }).token;
    const response = await fetch(`${server.baseUrl}/chat/api/history`, {
      headers: { 'x-chat-token': token },
    });
    return (await response.json()) as {
      conversation: { id: string } | null;
      messages: { body: string }[];
    };
  }

  async function openChat(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/chat?audience=guest&city=LIS&name=Marta%20E2E`);
    await page.getByLabel('Your name').waitFor();
    expect(await page.getByLabel('Your name').inputValue()).toBe('Marta E2E');
    await page.getByRole('button', { name: 'Start chat' }).click();
    return { context, page };
  }

  it('shows replies live, never notes, asks for a rating once resolved, and remembers the visitor', async () => {
    const { context, page } = await openChat();
    await page.getByLabel('Message').fill('My driver is not at Terminal 1 arrivals.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('article').filter({ hasText: 'My driver is not at Terminal 1' }).waitFor();

    let conversationId: string | undefined;
    for (let attempt = 0; attempt < 50 && !conversationId; attempt += 1) {
      conversationId = (await visitorHistory(page)).conversation?.id;
      if (!conversationId) await page.waitForTimeout(100);
    }
    expect(conversationId).toBeTruthy();

    await trpc('conversations.send', {
      conversationId,
      kind: 'note',
      body: 'Internal: checking the driver GPS with ops.',
      clientId: randomUUID(),
    });
    await trpc('conversations.send', {
      conversationId,
      kind: 'reply',
      body: 'Hi Marta, your driver is parked at door 3 and walking over now.',
      clientId: randomUUID(),
    });
    await page
      .getByRole('article')
      .filter({ hasText: 'your driver is parked at door 3' })
      .waitFor({ timeout: 10_000 });
    expect(await page.getByText('checking the driver GPS').count()).toBe(0);

    await trpc('conversations.setStatus', { conversationId, status: 'resolved' });
    await page.getByRole('heading', { name: 'How did we do?' }).waitFor({ timeout: 10_000 });
    expect(await page.getByLabel('Message').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Rate 4 out of 5' }).click();
    await page.getByLabel('Comment').fill('Quick answer, thanks.');
    await page.screenshot({ path: `${screenshots}chat-rating.png`, fullPage: true });
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thank you for your rating!').waitFor();
    await page.screenshot({ path: `${screenshots}chat-rated.png`, fullPage: true });

    const detail = await trpcQuery('conversations.byId', { conversationId });
    expect(JSON.stringify(detail)).toContain('csat_received');

    // Same browser, later: the conversation and its rating are still there.
    await page.reload();
    await page.getByRole('article').filter({ hasText: 'parked at door 3' }).waitFor();
    await page.getByText('Thank you for your rating!').waitFor();
    expect(await page.getByLabel('Your name').isVisible()).toBe(false);
    await context.close();
  }, 90_000);

  it('keeps a message typed offline and stores it once when the connection returns', async () => {
    const { context, page } = await openChat();
    await page.getByLabel('Message').fill('First message, online.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page
      .getByRole('article')
      .filter({ hasText: 'First message, online.' })
      .filter({ hasNotText: 'sending' })
      .waitFor();

    await context.setOffline(true);
    await page.getByLabel('Message').fill('Second message, written offline.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('You · sending…').waitFor();
    await page.waitForTimeout(1500);
    await context.setOffline(false);
    await page
      .getByRole('article')
      .filter({ hasText: 'Second message, written offline.' })
      .filter({ hasNotText: 'sending' })
      .waitFor({ timeout: 20_000 });
    const history = await visitorHistory(page);
    expect(
      history.messages.filter((message) => message.body === 'Second message, written offline.'),
    ).toHaveLength(1);
    await context.close();
  }, 90_000);

  it('takes a rating from the survey link of an email conversation', async () => {
    const delivered = await fetch(`${server.baseUrl}/api/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_API_KEY}` },
      body: JSON.stringify({
        channel: 'email',
        audience: 'guest',
        externalMessageId: `<${randomUUID()}@mail.example.com>`,
        contact: { externalId: `e2e-${randomUUID()}`, name: 'Survey Guest', city: 'LIS' },
        text: 'Please refund my cancelled airport transfer.',
      }),
    });
    expect(delivered.status).toBe(201);
    const { conversationId } = (await delivered.json()) as { conversationId: string };
    await trpc('conversations.send', {
      conversationId,
      kind: 'reply',
      body: 'Refunded in full; it shows within 5 days.',
      clientId: randomUUID(),
    });
    await trpc('conversations.setStatus', { conversationId, status: 'resolved' });
    const detail = JSON.stringify(await trpcQuery('conversations.byId', { conversationId }));
    const link = detail.match(/https?:\/\/[^"\s]+\/survey\/[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeTruthy();

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL(new URL(link!).pathname, server.baseUrl).toString());
    await page.getByRole('button', { name: 'Rate 5 out of 5' }).click();
    await page.getByLabel('Comment').fill('Painless.');
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thank you for your rating!').waitFor();
    await page.reload();
    await page.getByText('You gave us 5 out of 5').waitFor();
    await context.close();
  }, 60_000);
});
