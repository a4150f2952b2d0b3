import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  launchBrowser,
  type RunningServer,
  sessionCookieOf,
  startSeededServer,
} from './harness.ts';

const screenshots = new URL('../../../tmp/e2e/', import.meta.url).pathname;

/**
 * The web chat's bot in Chromium, on its own seeded server (the path is saved here, so the
 * plain chat suite never meets it): menu, a question that refuses a bad answer, a handover the
 * agent sees with the collected fields, a self-served answer, and "Talk to a person".
 */
describe.runIf(browserAvailable())('web chat bot', () => {
  let server: RunningServer;
  let browser: Browser;
  let adminCookie: string;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startSeededServer();
    browser = await launchBrowser();
    adminCookie = await sessionCookieOf(server, 'admin@switchboard.test');
    await trpc('chatPaths.save', {
      audience: 'guest',
      enabled: true,
      definition: {
        audience: 'guest',
        greeting: 'Hi! I’m the Switchboard assistant.',
        defaultHandover: { inboxCode: 'LIS_GUEST', tags: [] },
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
            next: 'no-show',
          },
          {
            id: 'no-show',
            kind: 'handover',
            inboxCode: 'LIS_GUEST',
            tags: ['airport'],
            message: 'Connecting you with the pickup team now.',
          },
          { id: 'refund-info', kind: 'answer', text: 'Refunds reach your card within 5 days.' },
        ],
      },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function trpc(path: string, input: unknown): Promise<unknown> {
    const response = await fetch(`${server.baseUrl}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: adminCookie, origin: server.baseUrl },
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
      headers: { cookie: adminCookie },
    });
    const body = (await response.json()) as { result: { data: { json: unknown } } };
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return body.result.data.json;
  }

  async function conversationOf(page: Page): Promise<string | null> {
    const stored = await page.evaluate<string | null>(
      "localStorage.getItem('switchboard.chat.v1')",
    );
    const token = (JSON.parse(stored ?? '{}') as { token: string }).token;
    const response = await fetch(`${server.baseUrl}/chat/api/history`, {
      headers: { 'x-chat-token': token },
    });
    return (
      ((await response.json()) as { conversation: { id: string } | null }).conversation?.id ?? null
    );
  }

  /** A bubble of the conversation (the live region repeats what the bot says, for screen readers). */
  function said(page: Page, text: string) {
    return page.getByRole('article').filter({ hasText: text });
  }

  async function openChat(name: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(
      `${server.baseUrl}/chat?audience=guest&city=LIS&name=${encodeURIComponent(name)}`,
    );
    await page.getByRole('button', { name: 'Start chat' }).click();
    await said(page, 'Hi! I’m the Switchboard assistant.').waitFor();
    return { context, page };
  }

  it('collects a booking reference and hands over; the agent sees it and replies in the chat', async () => {
    const { context, page } = await openChat('Marta Bot');
    expect(await page.getByLabel('Message').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Talk to a person' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Driver did not show up' }).click();
    await said(page, 'What is your booking reference?').waitFor();
    await page.getByLabel('Booking reference').fill('the one from yesterday');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'does not look like a booking reference' })
      .waitFor();
    await page.screenshot({ path: `${screenshots}chat-bot-question.png`, fullPage: true });
    await page.getByLabel('Booking reference').fill('lis-7k3qf2');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await said(page, 'Connecting you with the pickup team now.').waitFor();
    await page.getByLabel('Message').waitFor();
    expect(await page.getByRole('button', { name: 'Talk to a person' }).isVisible()).toBe(false);

    let conversationId: string | null = null;
    for (let attempt = 0; attempt < 50 && !conversationId; attempt += 1) {
      conversationId = await conversationOf(page);
      if (!conversationId) await page.waitForTimeout(100);
    }
    expect(conversationId).toBeTruthy();
    const detail = JSON.stringify(await trpcQuery('conversations.byId', { conversationId }));
    expect(detail).toContain('Booking reference: LIS-7K3QF2');
    expect(detail).toContain('"airport"');

    await trpc('conversations.send', {
      conversationId,
      kind: 'reply',
      body: 'Hi Marta, your driver is at door 3.',
      clientId: randomUUID(),
    });
    await page
      .getByRole('article')
      .filter({ hasText: 'your driver is at door 3' })
      .waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${screenshots}chat-bot-handed-over.png`, fullPage: true });

    // After a reload the bot's part of the chat is still there, and the chat goes on.
    await page.reload();
    await said(page, 'What is your booking reference?').waitFor();
    await page.getByRole('article').filter({ hasText: 'your driver is at door 3' }).waitFor();
    await page.getByLabel('Message').fill('Thanks, found them.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page
      .getByRole('article')
      .filter({ hasText: 'Thanks, found them.' })
      .filter({ hasNotText: 'sending' })
      .waitFor();
    expect(await conversationOf(page)).toBe(conversationId);
    await context.close();
  }, 90_000);

  it('closes a chat the answer solved without a conversation', async () => {
    const { context, page } = await openChat('Inês Bot');
    await page.getByRole('button', { name: 'Refunds' }).click();
    await said(page, 'Refunds reach your card within 5 days.').waitFor();
    await page.getByRole('button', { name: 'Yes, that solved it' }).click();
    await said(page, 'Glad that helped!').waitFor();
    await page.getByRole('button', { name: 'Start a new chat' }).waitFor();
    expect(await page.getByRole('button', { name: 'Talk to a person' }).isVisible()).toBe(false);
    await page.screenshot({ path: `${screenshots}chat-bot-solved.png`, fullPage: true });
    expect(await conversationOf(page)).toBeNull();
    await context.close();
  }, 60_000);

  it('goes to a person from the first step', async () => {
    const { context, page } = await openChat('Rui Bot');
    await page.getByRole('button', { name: 'Talk to a person' }).click();
    await page.getByLabel('Message').waitFor();
    let conversationId: string | null = null;
    for (let attempt = 0; attempt < 50 && !conversationId; attempt += 1) {
      conversationId = await conversationOf(page);
      if (!conversationId) await page.waitForTimeout(100);
    }
    expect(conversationId).toBeTruthy();
    await context.close();
  }, 60_000);
});
