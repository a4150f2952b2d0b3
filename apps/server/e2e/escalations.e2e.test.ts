import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  DEMO_API_KEY,
  launchBrowser,
  type RunningServer,
  signInPage,
  startSeededServer,
} from './harness.ts';

const screenshots = new URL('../../../tmp/e2e/', import.meta.url).pathname;

/**
 * An agent escalates a driver's payout dispute to Finance & Payouts from the conversation;
 * a Finance specialist hears of it in the workspace, acknowledges and resolves it, and the
 * outcome comes back to the agent's conversation.
 */
describe.runIf(browserAvailable())('a payout dispute escalated to Finance', () => {
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

  it('is acknowledged and resolved by Finance, and the outcome returns to the conversation', async () => {
    // A Lisbon driver writes in about a short payout, through the inbound API.
    const delivered = await fetch(`${server.baseUrl}/api/v1/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${DEMO_API_KEY}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        channel: 'whatsapp',
        audience: 'driver',
        externalMessageId: `wamid.payout-${Date.now()}`,
        contact: { externalId: `driver-payout-${Date.now()}`, name: 'Rui Costa', city: 'LIS' },
        text: 'Last week my payout was €42 short: two airport trips are missing from the statement.',
      }),
    });
    expect(delivered.status).toBe(201);
    const { conversationId } = (await delivered.json()) as { conversationId: string };

    const agent = await (await browser.newContext()).newPage();
    await signInPage(agent, server, 'workspace', 'agent@switchboard.test');
    await agent.goto(`${server.baseUrl}/workspace/conversations/${conversationId}`);
    const panel = agent.getByRole('region', { name: 'Escalations' });
    // Routing tagged it Payout; the matrix suggests Finance & Payouts for that.
    await panel.getByText(/Finance & Payouts handles tag payout/).waitFor();
    await panel.getByRole('button', { name: 'Escalate to Finance & Payouts' }).click();
    const form = agent.getByRole('dialog', { name: 'Escalate' });
    await form
      .getByLabel('What the team needs to do')
      .fill('Driver says last week’s payout is €42.00 short; please check and pay the difference.');
    const reference = form.getByLabel('Booking reference');
    if ((await reference.inputValue()) === '') await reference.fill('LIS-PAYOUT-47');
    await form.getByLabel('Amount').fill('42.00');
    await form
      .getByLabel('Steps already tried')
      .fill('Compared the weekly statement with the trips: two airport trips are missing.');
    await agent.screenshot({ path: `${screenshots}escalation-form.png`, fullPage: true });
    await form.getByRole('button', { name: 'Send escalation' }).click();
    await form.waitFor({ state: 'hidden' });
    const sent = panel.getByRole('link', { name: /^ESC-\d+$/ }).first();
    await sent.waitFor();
    const label = (await sent.textContent())!.trim();

    // Finance hears of it in the workspace bell and works it from the escalation page.
    const finance = await (await browser.newContext()).newPage();
    await signInPage(finance, server, 'workspace', 'rui.santos@switchboard.test');
    await finance.getByRole('button', { name: /^Notifications: \d+ unread$/ }).click();
    await finance.getByText(new RegExp(`^${label} · SEV3`)).click();
    await finance.getByRole('heading', { name: label }).waitFor();
    await finance.getByText('two airport trips are missing', { exact: false }).first().waitFor();
    await finance.getByRole('button', { name: 'Acknowledge' }).click();
    await finance.getByText('Acknowledged', { exact: true }).first().waitFor();
    await finance.getByRole('button', { name: 'Resolve' }).click();
    const resolve = finance.getByRole('dialog', { name: 'Resolve' });
    await resolve
      .getByLabel('Outcome')
      .fill('Paid the €42.00 difference in today’s batch; it arrives within 2 working days.');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await resolve.waitFor({ state: 'hidden' });
    await finance.screenshot({ path: `${screenshots}escalation-resolved.png`, fullPage: true });

    // Live in the agent's open conversation: the outcome, as a note that mentions them.
    await agent
      .getByText(new RegExp(`${label} resolved by .*: Paid the €42\\.00 difference`))
      .first()
      .waitFor({ timeout: 15_000 });
    await panel.getByText(/Outcome: Paid the €42\.00 difference/).waitFor();
    await agent.screenshot({ path: `${screenshots}escalation-outcome.png`, fullPage: true });
  }, 180_000);
});
