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

describe.runIf(browserAvailable())('signing in', () => {
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

  async function signIn(page: Page, app: 'workspace' | 'console', email: string) {
    await page.goto(`${server.baseUrl}/${app}/sign-in`);
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('shows an agent their inbox in the workspace', async () => {
    const page = await browser.newPage();
    await signIn(page, 'workspace', 'agent@switchboard.test');
    await page.waitForURL(/\/workspace\/inbox/);
    await page.getByRole('heading', { name: 'Mine' }).waitFor();
    const rows = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: /^#\d+/ }) });
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${screenshots}workspace-inbox.png`, fullPage: true });

    await rows.first().getByRole('button').click();
    await page.waitForURL(/\/workspace\/conversations\//);
    await page.getByRole('heading', { name: /#\d+/ }).first().waitFor();
    await page.screenshot({ path: `${screenshots}workspace-conversation.png`, fullPage: true });
    await page.close();
  });

  it('shows a lead the console', async () => {
    const page = await browser.newPage();
    await signIn(page, 'console', 'lead@switchboard.test');
    await page.getByRole('heading', { name: 'Inboxes' }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await page.screenshot({ path: `${screenshots}console-inboxes.png`, fullPage: true });
    await page.close();
  });

  it('tells an agent the console is not for them', async () => {
    const page = await browser.newPage();
    await signIn(page, 'console', 'agent@switchboard.test');
    await page.getByText('Not allowed').first().waitFor();
    await page.close();
  });

  it('refuses a wrong password with a clear message', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/workspace/sign-in`);
    await page.getByLabel('Email', { exact: true }).fill('agent@switchboard.test');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/invalid email or password/i).waitFor();
    expect(page.url()).toContain('/workspace/sign-in');
    await page.close();
  });
});
