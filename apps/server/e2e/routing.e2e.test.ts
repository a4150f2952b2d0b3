import { mkdirSync } from 'node:fs';
import { DEMO_USERS } from '@switchboard/db/seed';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  launchBrowser,
  type RunningServer,
  signInPage,
  startSeededServer,
} from './harness.ts';

const screenshots = new URL('../../../tmp/e2e/', import.meta.url).pathname;

/**
 * A lead adds a routing rule in the console, checks it in the simulator, and a guest's chat
 * that matches it lands in the rule's inbox with the agent the simulator named — who sees
 * why it is there.
 */
describe.runIf(browserAvailable())('a lead routes a new kind of message', () => {
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

  it('adds a rule, simulates it, and the next matching chat reaches the predicted agent', async () => {
    const ruleName = 'Wheelchair requests go to London';
    const lead = await (await browser.newContext()).newPage();
    await signInPage(lead, server, 'console', 'lead@switchboard.test');

    await lead.goto(`${server.baseUrl}/console/routing/rules`);
    await lead.getByRole('button', { name: 'New rule' }).first().click();
    const drawer = lead.getByRole('dialog');
    await drawer.getByRole('textbox', { name: /^Name/ }).fill(ruleName);
    await drawer.getByRole('button', { name: 'Add condition' }).click();
    await lead.getByRole('menuitem', { name: 'Text' }).click();
    const keywords = drawer.getByLabel('Condition 1 keywords');
    await keywords.fill('wheelchair');
    await keywords.press('Enter');
    await drawer
      .locator('input')
      .and(drawer.getByLabel('Inbox', { exact: true }))
      .click();
    await lead.getByRole('option', { name: /London · Guests/ }).click();
    await drawer.getByRole('button', { name: 'Create rule' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await lead.getByText(ruleName).first().waitFor();
    await lead.screenshot({ path: `${screenshots}routing-rules.png`, fullPage: true });

    await lead.goto(`${server.baseUrl}/console/routing/simulator`);
    await lead.getByLabel('Locale').fill('en-US');
    const text = 'Hello, I need a wheelchair accessible car for tomorrow morning.';
    await lead.getByLabel('Message text').fill(text);
    await lead.getByRole('button', { name: 'Simulate' }).click();
    const result = lead.getByRole('region', { name: 'Result' });
    await result.getByText('London · Guests').first().waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText keeps the line breaks parsed below
    const summary = await result.innerText();
    const predicted = /assignment\s*\n+\s*(.+)/i.exec(summary)?.[1]?.trim();
    expect(predicted, summary).toBeTruthy();
    expect(predicted).not.toMatch(/Nobody would get it/);
    await lead.screenshot({ path: `${screenshots}routing-simulator.png`, fullPage: true });

    const guestContext = await browser.newContext({ locale: 'en-US' });
    const guest = await guestContext.newPage();
    const guestName = `Wheelchair Guest ${Date.now().toString(36)}`;
    await guest.goto(`${server.baseUrl}/chat?audience=guest&city=LIS`);
    const talk = guest.getByRole('button', { name: /talk to a person/i });
    if (await talk.isVisible().catch(() => false)) await talk.click();
    await guest.getByLabel('Your name').fill(guestName);
    await guest.getByRole('button', { name: 'Start chat' }).click();
    await guest.getByLabel('Message').fill(text);
    await guest.getByRole('button', { name: 'Send' }).click();
    await guest.getByText('wheelchair accessible car').first().waitFor();

    const agentUser = DEMO_USERS.find((user) => user.name === predicted);
    expect(agentUser, `no demo user named ${predicted}`).toBeDefined();
    const agent = await (await browser.newContext()).newPage();
    await signInPage(agent, server, 'workspace', agentUser!.email);
    await agent.goto(`${server.baseUrl}/workspace/inbox?view=mine&sort=newest`);
    const row = agent.getByRole('button', { name: new RegExp(guestName) });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    const why = agent.getByRole('region', { name: 'Why is this here?' });
    await why.getByText(new RegExp(ruleName)).waitFor();
    await why
      .getByText(/A rule sent it to London · Guests/)
      .first()
      .waitFor();
    await agent.screenshot({ path: `${screenshots}routing-why-here.png`, fullPage: true });
    await guestContext.close();
  }, 180_000);

  /** Picks an option of a Mantine Select inside `scope`, by the select's label. */
  async function pick(page: Page, scope: Locator, label: string, option: RegExp | string) {
    // Required fields' labels end with an asterisk.
    await scope
      .locator('input')
      .and(scope.getByLabel(new RegExp(`^${label}( \\*)?$`)))
      .click();
    await page.getByRole('option', { name: option }).click();
  }

  it('opens an inbox for a new team the lead has just staffed', async () => {
    const lead = await (await browser.newContext()).newPage();
    await signInPage(lead, server, 'console', 'lead@switchboard.test');

    await lead.goto(`${server.baseUrl}/console/teams`);
    await lead.getByRole('button', { name: 'New team' }).click();
    let dialog = lead.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Lisbon night shift');
    await pick(lead, dialog, 'Kind', 'Support L1');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await lead.getByRole('button', { name: 'Add a member to Lisbon night shift' }).click();
    dialog = lead.getByRole('dialog');
    await dialog
      .locator('input')
      .and(dialog.getByLabel(/^Person( \*)?$/))
      .fill('Ana');
    await lead.getByRole('option', { name: /Ana Silva/ }).click();
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await lead
      .getByRole('cell', { name: /Ana Silva/ })
      .first()
      .waitFor();
    await lead.screenshot({ path: `${screenshots}teams.png`, fullPage: true });

    await lead.goto(`${server.baseUrl}/console/inboxes`);
    await lead.getByRole('button', { name: 'New inbox' }).click();
    dialog = lead.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Lisbon night guests');
    await pick(lead, dialog, 'City', /LIS/);
    await pick(lead, dialog, 'Team', /Lisbon night shift/);
    await dialog.getByRole('button', { name: 'Create inbox' }).click();
    await lead.waitForURL(/\/console\/inboxes\/[0-9a-f-]{36}$/);
    await lead.getByRole('heading', { name: 'Lisbon night guests' }).waitFor();
    await lead
      .getByRole('cell', { name: /Ana Silva/ })
      .first()
      .waitFor();

    await lead.goto(`${server.baseUrl}/console/chat-paths`);
    await lead.getByRole('heading', { name: 'Chat paths' }).waitFor();
    await lead.getByRole('textbox', { name: /^Greeting/ }).waitFor();
    await lead.screenshot({ path: `${screenshots}chat-paths.png`, fullPage: true });
  }, 120_000);
});
