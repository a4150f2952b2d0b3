import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
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
const LEAD = 'lead@switchboard.test';
const CSV_HEADER =
  'Conversation,Subject,Audience,Channel,Status,Priority,Created (UTC),Inbox,Assignee,Request type,First response (business s),Resolution (business s),CSAT,Id,Link';

interface ConversationDetail {
  conversation: { id: string; audience: string; cityName: string | null };
}

/** The headline number of a KPI card, as shown. */
async function cardValue(page: Page, card: string): Promise<string> {
  const value = page.getByRole('region', { name: card }).locator('[data-kpi-value]');
  return (await value.textContent())?.trim() ?? '';
}

/** Splits one CSV line of the export (RFC 4180 quoting). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}

/**
 * A team lead opens the KPI dashboard, narrows it to drivers in Lisbon with the filter
 * controls, drills from a count into the conversations behind it and exports them as CSV.
 */
describe.runIf(browserAvailable())('KPI reports', () => {
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

  it('filters to drivers in one city, drills into a count and exports the conversations', async () => {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1440, height: 1000 },
    });
    const page = await context.newPage();
    await signInPage(page, server, 'console', LEAD);
    await page.getByRole('link', { name: 'KPI reports' }).click();
    await page.waitForURL(/\/console\/reports$/);
    await page.getByRole('region', { name: 'Conversations created' }).waitFor();
    await page.getByRole('table', { name: 'KPIs by audience' }).waitFor();
    const everyone = Number((await cardValue(page, 'Conversations created')).replace(/,/g, ''));
    expect(everyone).toBeGreaterThan(0);

    // Drivers, then Lisbon, chosen with the page's own controls.
    await page
      .getByRole('radiogroup', { name: 'Audience' })
      .getByText('Drivers', { exact: true })
      .click();
    await page.waitForURL(/audience=driver/);
    await page.getByRole('combobox', { name: 'City' }).click();
    const lisbonReport = page.waitForResponse(
      (response) =>
        response.url().includes('kpi.dashboard') &&
        decodeURIComponent(response.url()).includes('"cityId"'),
    );
    await page.getByRole('option', { name: 'Lisbon', exact: true }).click();
    await page.waitForURL(/city=[0-9a-f-]{36}/);
    await lisbonReport;
    await page.getByLabel('Updating the report').waitFor({ state: 'detached' });
    const lisbonDrivers = Number(
      (await cardValue(page, 'Conversations created')).replace(/,/g, ''),
    );
    expect(lisbonDrivers).toBeGreaterThan(0);
    expect(lisbonDrivers).toBeLessThan(everyone);
    await page.screenshot({ path: '/tmp/reports-dashboard.png', fullPage: true });
    await page.screenshot({ path: `${screenshots}reports-dashboard.png`, fullPage: true });

    // The count of conversations created opens the list of them, with the same filters.
    await page
      .getByRole('region', { name: 'Conversations created' })
      .locator('a[data-drilldown="created"]')
      .first()
      .click();
    await page.waitForURL(/\/console\/reports\/conversations\?drilldown=created&.*audience=driver/);
    const dashboardFilters = new URL(page.url()).searchParams;
    await page.getByRole('heading', { name: 'Created in the period' }).waitFor();
    const list = page.getByRole('table', { name: 'Conversations' });
    await list.waitFor();
    await page
      .getByText(`${lisbonDrivers.toLocaleString('en')} conversation`, { exact: false })
      .first()
      .waitFor();
    const links = list.getByRole('link', { name: /^Open conversation #\d+ in the workspace$/ });
    const shown = await links.count();
    expect(shown).toBe(Math.min(lisbonDrivers, 50));
    const hrefs = await links.evaluateAll((anchors) =>
      anchors.map((anchor) => anchor.getAttribute('href') ?? ''),
    );
    expect(hrefs.every((href) => /^\/workspace\/conversations\/[0-9a-f-]{36}$/.test(href))).toBe(
      true,
    );
    await page.screenshot({ path: `${screenshots}reports-drilldown.png`, fullPage: true });

    // Only drivers of Lisbon, as the conversations themselves say.
    const cookie = await sessionCookieOf(server, LEAD);
    for (const href of hrefs) {
      const conversationId = href.split('/').at(-1)!;
      const detail = await trpcQuery<ConversationDetail>(server, cookie, 'conversations.byId', {
        conversationId,
      });
      expect(detail.conversation.audience).toBe('driver');
      expect(detail.conversation.cityName).toBe('Lisbon');
    }

    // The export pages through the whole list, not just the page on screen.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `conversations-created-${dashboardFilters.get('from')}-to-${dashboardFilters.get('to')}.csv`,
    );
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER);
    const rows = lines.slice(1).map(csvCells);
    expect(rows).toHaveLength(lisbonDrivers);
    const header = csvCells(CSV_HEADER);
    const column = (name: string) => header.indexOf(name);
    expect(rows.every((row) => row[column('Audience')] === 'Driver')).toBe(true);
    const exportedIds = new Set(rows.map((row) => row[column('Id')]));
    for (const href of hrefs) expect(exportedIds.has(href.split('/').at(-1)!)).toBe(true);
    for (const row of rows) {
      expect(row[column('Link')]).toBe(
        `${server.baseUrl}/workspace/conversations/${row[column('Id')]}`,
      );
    }

    // Back on the dashboard, same filters; the agent breakdown leads to each agent's scorecard.
    await page.getByRole('link', { name: 'Back to the dashboard' }).click();
    await page.waitForURL(/\/console\/reports\?.*audience=driver/);
    await page
      .getByRole('radiogroup', { name: 'Break down by' })
      .getByText('Agent', { exact: true })
      .click();
    const scorecard = page.getByRole('link', { name: /^Scorecard of / }).first();
    const agentName = (await scorecard.getAttribute('aria-label'))!.replace('Scorecard of ', '');
    await scorecard.click();
    await page.getByRole('heading', { name: agentName, level: 1 }).waitFor();
    await page.getByRole('table', { name: `Scorecard of ${agentName}` }).waitFor();
    // The scorecard's QA section: the agent's reviews in the period, or why there are none.
    await page.getByText('Quality reviews').first().waitFor();
    await page.screenshot({ path: `${screenshots}reports-scorecard.png`, fullPage: true });
    await context.close();
  }, 180_000);
});
