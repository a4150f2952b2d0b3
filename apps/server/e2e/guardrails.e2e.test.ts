import { mkdirSync } from 'node:fs';
import { majorUnitsText } from '@switchboard/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  launchBrowser,
  type RunningServer,
  sessionCookieOf,
  signInPage,
  startSeededServer,
  trpcQuery,
} from './harness.ts';

const screenshots = new URL('../../../tmp/e2e/', import.meta.url).pathname;

/** The demo policies' L1 refund cap per currency (about €50), before the 50%-of-fare cap. */
const L1_CAP: Record<string, number> = { EUR: 5_000, GBP: 4_500, AED: 20_000, MXN: 100_000 };

/** Request types the demo seeds guardrail policies for. */
const MONEY_TYPES = ['PICKUP_ISSUE', 'LATE_PICKUP', 'WRONG_VEHICLE', 'FARE_DISPUTE', 'ROUTE_ISSUE'];

interface Booking {
  reference: string;
  fareAmountMinor: number;
  currency: string;
}

/**
 * An agent asks for a refund above their tier, the guardrails send it to a lead, the lead
 * approves it in the console's approvals queue, and the answer reaches the agent's
 * conversation.
 */
describe.runIf(browserAvailable())('a refund above the agent’s limit', () => {
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

  const query = <T>(cookie: string, path: string, input: unknown) =>
    trpcQuery<T>(server, cookie, path, input);

  it('goes to a lead, who approves it in the console, and the agent sees the answer', async () => {
    // One of the agent's money conversations about a booking, under a seeded policy.
    const agentCookie = await sessionCookieOf(server, 'agent@switchboard.test');
    let found: { id: string; number: number; booking: Booking } | null = null;
    search: for (const view of ['mine', 'unassigned']) {
      for (const requestTypeCode of MONEY_TYPES) {
        const page = await query<{ items: { id: string }[] }>(agentCookie, 'conversations.view', {
          view,
          requestTypeCode,
          sort: 'newest',
          limit: 50,
          offset: 0,
        });
        for (const { id } of page.items) {
          const detail = await query<{
            booking: Booking | null;
            conversation: { number: number };
          }>(agentCookie, 'conversations.byId', { conversationId: id });
          if (detail.booking) {
            found = { id, number: detail.conversation.number, booking: detail.booking };
            break search;
          }
        }
      }
    }
    expect(found, 'a seeded money conversation with a booking').not.toBeNull();
    const { id, number, booking } = found!;
    const l1 = Math.min(L1_CAP[booking.currency]!, Math.floor(booking.fareAmountMinor / 2));
    // Above the L1 cap, within the fare and a lead's limit.
    const amount = l1 + Math.min(100, booking.fareAmountMinor - l1);

    const agent = await (await browser.newContext()).newPage();
    await signInPage(agent, server, 'workspace', 'agent@switchboard.test');
    await agent.goto(`${server.baseUrl}/workspace/conversations/${id}`);
    const panel = agent.getByRole('region', { name: 'Actions' });
    await panel.getByLabel('Amount').fill(majorUnitsText(amount, booking.currency));
    // The conversation's own reason is offered first; the first code the policy knows will do.
    // The codes arrive with the policy; on a loaded machine the first click can beat them.
    await panel.getByLabel('Reason code').fill('');
    await expect
      .poll(
        async () => {
          await panel.getByLabel('Reason code').click();
          return agent.getByRole('option').count();
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    await agent.getByRole('option').first().click();
    await panel.getByLabel('Evidence').fill('gps_trace');
    await panel.getByLabel('Evidence').press('Enter');
    await panel.getByText('Needs approval by a lead').waitFor();
    await agent.screenshot({ path: `${screenshots}guardrails-agent.png`, fullPage: true });
    await panel.getByRole('button', { name: 'Ask a lead to approve' }).click();
    await agent
      .getByText(/sent to a lead for approval/)
      .first()
      .waitFor();

    const lead = await (await browser.newContext()).newPage();
    await signInPage(lead, server, 'console', 'lead@switchboard.test');
    await lead.goto(`${server.baseUrl}/console/approvals`);
    // The demo's own requests wait in the queue too; this one is the agent's.
    const approve = lead.getByRole('button', { name: `Approve #${number}` });
    await approve.waitFor();
    await lead.screenshot({ path: `${screenshots}guardrails-approvals.png`, fullPage: true });
    await approve.click();
    const dialog = lead.getByRole('dialog');
    await dialog
      .getByLabel('Note for the agent')
      .fill('Approved: the GPS trace shows the no-show.');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Live in the agent's open conversation: the lead's answer, as a note that mentions them.
    await agent
      .getByText(/was approved by .*: Approved: the GPS trace shows the no-show\./)
      .first()
      .waitFor({ timeout: 15_000 });
    await agent.screenshot({ path: `${screenshots}guardrails-approved.png`, fullPage: true });
  }, 180_000);
});
