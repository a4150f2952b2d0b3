import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  DEMO_PASSWORD,
  launchBrowser,
  type RunningServer,
  startSeededServer,
} from './harness.ts';

const screenshots = new URL('../../../tmp/e2e/', import.meta.url).pathname;

/**
 * The workspace's main journey, across two browsers at once: a guest writes in the web
 * chat; the message appears live in the agent's inbox; the agent applies a macro, tags and
 * resolves; the guest sees the reply and rates 5; the rating shows in the conversation.
 */
describe.runIf(browserAvailable())('a guest writes in and an agent resolves it', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startSeededServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signInAgent(page: Page) {
    await page.goto(`${server.baseUrl}/workspace/sign-in`);
    await page.getByLabel('Email', { exact: true }).fill('agent@switchboard.test');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/workspace\/inbox/);
  }

  it('goes from the chat widget to a rated, resolved conversation', async () => {
    const guestName = `Inês Journey ${Date.now().toString(36)}`;
    const agentContext = await browser.newContext();
    const agent = await agentContext.newPage();
    await signInAgent(agent);
    await agent.goto(`${server.baseUrl}/workspace/inbox?view=unassigned&sort=newest`);
    await agent.getByRole('heading', { name: 'Unassigned' }).waitFor();
    await agent.getByLabel('Live updates: Live').waitFor();

    const guestContext = await browser.newContext();
    const guest = await guestContext.newPage();
    await guest.goto(`${server.baseUrl}/chat?audience=guest&city=LIS`);
    await guest.getByLabel('Your name').fill(guestName);
    await guest.getByRole('button', { name: 'Start chat' }).click();
    await guest
      .getByLabel('Message')
      .fill('I am at arrivals in Terminal 1 and my driver is not here.');
    await guest.getByRole('button', { name: 'Send' }).click();
    await guest.getByText('I am at arrivals in Terminal 1').waitFor();

    // Live: no reload on the agent's side.
    const row = agent.getByRole('button', { name: new RegExp(guestName) });
    await row.waitFor({ timeout: 15_000 });
    await agent.screenshot({ path: `${screenshots}journey-inbox.png`, fullPage: true });
    await row.click();
    await agent.waitForURL(/\/workspace\/conversations\//);
    await agent.getByText('I am at arrivals in Terminal 1').first().waitFor();

    await agent.keyboard.press('m');
    await agent.getByLabel('Search macros').fill('driver');
    await agent.getByRole('option').first().click();
    const fields = agent.getByRole('dialog').getByRole('textbox', { name: /./ });
    for (let index = 0; index < (await fields.count()); index += 1) {
      const field = fields.nth(index);
      if ((await field.getAttribute('aria-label')) === 'Search macros') continue;
      if (!(await field.inputValue())) await field.fill('15 minutes');
    }
    await agent.getByRole('button', { name: 'Send macro' }).click();
    await agent.getByRole('dialog').waitFor({ state: 'hidden' });

    await agent.locator('input').and(agent.getByLabel('Tags')).click();
    await agent.getByRole('option').first().click();
    await agent.keyboard.press('Escape');
    await agent
      .getByText(/^Tagged /)
      .first()
      .waitFor();

    await agent.getByRole('button', { name: 'Resolve' }).click();
    // Resolving records why it happened.
    const resolve = agent.getByRole('dialog', { name: 'Resolve conversation' });
    await resolve.getByPlaceholder('Choose the root cause').fill('Driver did not');
    await agent.getByRole('option', { name: 'Driver did not show' }).click();
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await agent
      .getByText(/→ Resolved/)
      .first()
      .waitFor();

    // The guest sees the agent's reply and the survey.
    const reply = guest.getByRole('article').filter({ hasNotText: 'I am at arrivals' }).first();
    await reply.waitFor({ timeout: 15_000 });
    await guest.getByRole('button', { name: 'Rate 5 out of 5' }).click();
    await guest.getByLabel('Comment').fill('Found me a driver in minutes, thank you!');
    await guest.getByRole('button', { name: 'Send rating' }).click();
    await guest
      .getByText(/thank you/i)
      .first()
      .waitFor();
    await guest.screenshot({ path: `${screenshots}journey-chat.png`, fullPage: true });

    await agent.getByLabel('Rated 5 out of 5').waitFor({ timeout: 15_000 });
    await agent.getByText('Found me a driver in minutes, thank you!').first().waitFor();
    await agent.screenshot({ path: `${screenshots}journey-conversation.png`, fullPage: true });
    expect(await agent.getByText('5/5').count()).toBeGreaterThan(0);

    await guestContext.close();
    await agentContext.close();
  }, 120_000);
});
