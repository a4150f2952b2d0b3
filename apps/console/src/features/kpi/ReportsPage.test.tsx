import {
  mockViewer,
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
} from '@switchboard/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import { pickOption } from '../incidents/pick-option.ts';
import {
  AGENT_ID,
  AUDIENCE_BREAKDOWN,
  breakdownRow,
  dashboard,
  FILTER_OPTIONS,
  kpiFigures,
  LISBON_ID,
} from './kpi-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// Only the clock is fake: "the last 30 days" is then fixed (the viewer is in Lisbon).
const NOW = new Date('2026-03-15T12:00:00Z');
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

type DashboardInput = ProcedureInput<'kpi.dashboard'>;
type BreakdownInput = ProcedureInput<'kpi.breakdown'>;

function reportMocks(calls: { dashboard: DashboardInput[]; breakdown: BreakdownInput[] }) {
  return trpcHandler({
    'people.me': () => mockViewer({ role: 'lead', timeZone: 'Europe/Lisbon' }),
    'kpi.filterOptions': () => FILTER_OPTIONS,
    'kpi.dashboard': (input) => {
      calls.dashboard.push(input);
      // Drivers are fewer: the figures change with the filter.
      return input.audience === 'driver' ? dashboard(kpiFigures({ created: 18 })) : dashboard();
    },
    'kpi.breakdown': (input) => {
      calls.breakdown.push(input);
      if (input.by === 'agent') {
        return {
          by: 'agent',
          rows: [
            breakdownRow({ key: AGENT_ID, label: 'Mariana Dias' }),
            breakdownRow({ key: null, label: 'Unassigned', created: 2 }),
          ],
        };
      }
      return AUDIENCE_BREAKDOWN;
    },
  });
}

function card(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

function search(router: { state: { location: { search: string } } }): URLSearchParams {
  return new URLSearchParams(router.state.location.search);
}

/** A blob's text as a spreadsheet reads it, the byte-order mark dropped (jsdom has no Blob.text). */
function fileText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^\uFEFF/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** Captures what the page downloads through object URLs. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      const url = `blob:report-${blobs.size + 1}`;
      blobs.set(url, blob);
      return url;
    }),
    revokeObjectURL: vi.fn(),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href);
    if (blob) files.push({ name: this.download, blob });
  });
  return files;
}

describe('KPI dashboard', () => {
  it('reports the figures of the period and filters in the URL, each count linking to its conversations', async () => {
    const calls = { dashboard: [] as DashboardInput[], breakdown: [] as BreakdownInput[] };
    server.use(reportMocks(calls));
    const filters = `from=2026-03-01&to=2026-03-14&tz=Europe%2FLisbon&audience=driver&city=${LISBON_ID}`;
    const { router } = renderRoutes({ path: `/reports?${filters}`, routes: consoleRoutes });

    const frt = await screen.findByRole('region', { name: 'First response time' });
    // Lisbon is on UTC in early March: whole local days, the last one included.
    expect(calls.dashboard[0]).toMatchObject({
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-03-15T00:00:00Z'),
      timeZone: 'Europe/Lisbon',
      audience: 'driver',
      cityId: LISBON_ID,
    });
    expect(screen.getByRole('radio', { name: 'Drivers' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'City' })).toHaveValue('Lisbon');

    // Business time first, calendar time beside it; faster than before is good news.
    expect(within(frt).getByText('12 min')).toBeInTheDocument();
    expect(within(frt).getByText('p50 12 min · p90 1 h')).toBeInTheDocument();
    expect(within(frt).getByText('p50 15 min · p90 1 h 30 min')).toBeInTheDocument();
    expect(within(frt).getByLabelText('−20% (better)')).toBeInTheDocument();
    expect(within(frt).getByText('vs 15 min before')).toBeInTheDocument();

    const csat = card('CSAT');
    expect(within(csat).getByText('87.5%')).toBeInTheDocument();
    expect(within(csat).getByLabelText('+7.5 pp (better)')).toBeInTheDocument();
    expect(within(csat).getByText('50% (16 of 32 surveys)')).toBeInTheDocument();
    // More reopens is bad news.
    expect(within(card('Reopen rate')).getByLabelText('+5 pp (worse)')).toBeInTheDocument();
    expect(within(card('Contact rate')).getByText('per 1,000 trips')).toBeInTheDocument();

    const fcrFormula = within(card('First contact resolution (one-touch)')).getByRole('button', {
      name: 'How First contact resolution (one-touch) is counted',
    });
    await userEvent.setup().hover(fcrFormula);
    expect(
      await screen.findByText(/fewer than two public agent replies and no reopen within 7 days/),
    ).toBeInTheDocument();

    const sla = screen.getByRole('group', { name: 'Resolution SLA' });
    expect(within(sla).getByText('70%')).toBeInTheDocument();
    expect(within(sla).getByText('9 missed')).toBeInTheDocument();

    // Counts carry the period and the filters to the conversations behind them.
    const created = within(card('Conversations created')).getByRole('link', { name: '18' });
    expect(created).toHaveAttribute('href', `/reports/conversations?drilldown=created&${filters}`);
    expect(within(card('Escalation rate')).getByRole('link', { name: '6' })).toHaveAttribute(
      'href',
      `/reports/conversations?drilldown=escalated&${filters}`,
    );
    expect(within(card('Backlog')).getByRole('link', { name: '4' })).toHaveAttribute(
      'href',
      `/reports/conversations?drilldown=breachedOpen&${filters}`,
    );

    const turnaround = screen.getByRole('table', { name: 'Escalation turnaround by team' });
    expect(within(turnaround).getByRole('rowheader', { name: 'Finance & Payouts' })).toBeVisible();

    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead' }),
        'kpi.filterOptions': () => FILTER_OPTIONS,
        'kpi.drilldown': () => ({ items: [], total: 0 }),
      }),
    );
    fireEvent.click(created);
    expect(
      await screen.findByRole('heading', { name: 'Created in the period' }),
    ).toBeInTheDocument();
    expect(Object.fromEntries(search(router))).toEqual({
      drilldown: 'created',
      from: '2026-03-01',
      to: '2026-03-14',
      tz: 'Europe/Lisbon',
      audience: 'driver',
      city: LISBON_ID,
    });
  });

  it('keeps the filters in the URL: presets, audience and city chosen on the page', async () => {
    const user = userEvent.setup();
    const calls = { dashboard: [] as DashboardInput[], breakdown: [] as BreakdownInput[] };
    server.use(reportMocks(calls));
    const { router } = renderRoutes({ path: '/reports', routes: consoleRoutes });

    await screen.findByRole('region', { name: 'Conversations created' });
    // No period in the URL: the last 30 days in the viewer's zone, today included.
    expect(screen.getByRole('radio', { name: 'Last 30 days' })).toBeChecked();
    expect(calls.dashboard[0]).toMatchObject({
      from: new Date('2026-02-14T00:00:00Z'),
      to: new Date('2026-03-16T00:00:00Z'),
      timeZone: 'Europe/Lisbon',
    });
    expect(calls.dashboard[0]?.audience).toBeUndefined();
    const created = () => card('Conversations created').querySelector('[data-kpi-value]');
    expect(created()).toHaveTextContent('48');

    await user.click(screen.getByRole('radio', { name: 'Drivers' }));
    await waitFor(() => expect(search(router).get('audience')).toBe('driver'));
    await waitFor(() => expect(created()).toHaveTextContent('18'));
    expect(calls.dashboard.at(-1)).toMatchObject({ audience: 'driver' });

    await pickOption(screen.getByRole('combobox', { name: 'City' }), 'Lisbon');
    await waitFor(() => expect(search(router).get('city')).toBe(LISBON_ID));
    await waitFor(() =>
      expect(calls.dashboard.at(-1)).toMatchObject({ audience: 'driver', cityId: LISBON_ID }),
    );

    await user.click(screen.getByRole('radio', { name: 'Last 7 days' }));
    await waitFor(() => expect(search(router).get('from')).toBe('2026-03-09'));
    expect(search(router).get('to')).toBe('2026-03-15');
    expect(search(router).get('audience')).toBe('driver');
    await waitFor(() =>
      expect(calls.dashboard.at(-1)).toMatchObject({
        from: new Date('2026-03-09T00:00:00Z'),
        to: new Date('2026-03-16T00:00:00Z'),
        cityId: LISBON_ID,
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(search(router).get('audience')).toBeNull());
    expect(search(router).get('city')).toBeNull();
    expect(search(router).get('from')).toBe('2026-03-09');
  });

  it('breaks the figures down by audience, sorts, exports and filters on a row', async () => {
    const user = userEvent.setup();
    const files = captureDownloads();
    const calls = { dashboard: [] as DashboardInput[], breakdown: [] as BreakdownInput[] };
    server.use(reportMocks(calls));
    const { router } = renderRoutes({
      path: '/reports?from=2026-03-01&to=2026-03-14&tz=UTC',
      routes: consoleRoutes,
    });

    const table = await screen.findByRole('table', { name: 'KPIs by audience' });
    expect(calls.breakdown[0]).toMatchObject({ by: 'audience', timeZone: 'UTC' });
    const labels = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent);
    expect(labels()).toEqual(['Guest', 'Driver', 'Guests and drivers together']);
    const driver = within(table).getByRole('rowheader', { name: 'Driver' })
      .parentElement as HTMLElement;
    expect(
      within(driver)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['18', '15 min', '3 h 20 min', '76.7%', '83.3%', '66.7%', '13.3%', '16.7%', '4']);

    // Worst first: the lowest CSAT on top.
    await user.click(within(table).getByRole('button', { name: 'Sort by CSAT (4–5 of rated)' }));
    await waitFor(() => expect(search(router).get('sort')).toBe('csat'));
    expect(search(router).get('dir')).toBe('asc');
    expect(labels()).toEqual(['Driver', 'Guest', 'Guests and drivers together']);

    await user.click(screen.getByRole('button', { name: 'Export the breakdown as CSV' }));
    expect(files[0]?.name).toBe('breakdown-by-audience-2026-03-01-to-2026-03-14.csv');
    const csv = (await fileText(files[0]!.blob)).split('\r\n');
    expect(csv[0]).toMatch(
      /^Audience,Id,Created,First responses,First response p50 \(business s\),/,
    );
    expect(csv[1]).toMatch(/^Driver,driver,18,28,900,3000,/);
    expect(csv[3]).toMatch(/^Guests and drivers together,,48,44,720,3600,/);

    await user.click(within(table).getByRole('button', { name: 'Filter to Driver' }));
    await waitFor(() => expect(search(router).get('audience')).toBe('driver'));
    await waitFor(() => expect(calls.dashboard.at(-1)).toMatchObject({ audience: 'driver' }));

    await user.click(screen.getByRole('radio', { name: 'Agent' }));
    const agents = await screen.findByRole('table', { name: 'KPIs by agent' });
    expect(within(agents).getByRole('link', { name: 'Scorecard of Mariana Dias' })).toHaveAttribute(
      'href',
      `/reports/agents/${AGENT_ID}?from=2026-03-01&to=2026-03-14&tz=UTC&audience=driver`,
    );
    expect(within(agents).queryByRole('button', { name: 'Filter to Unassigned' })).toBeNull();
    expect(search(router).get('by')).toBe('agent');
  });
});
