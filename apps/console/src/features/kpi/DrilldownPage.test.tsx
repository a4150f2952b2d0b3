import {
  mockViewer,
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  trpcHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import { FILTER_OPTIONS, LISBON_ID } from './kpi-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-15T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

type DrilldownInput = ProcedureInput<'kpi.drilldown'>;
type DrilldownItem = ProcedureOutput<'kpi.drilldown'>['items'][number];

const TOTAL = 430;

/** The n-th conversation of the list (0-based), oldest first. */
function item(index: number): DrilldownItem {
  const suffix = String(index).padStart(12, '0');
  return {
    id: `c0c0c0c0-c0c0-4c0c-8c0c-${suffix}`,
    number: 4000 + index,
    subject: index === 0 ? 'Payout short, "two trips" missing' : `Driver question ${index}`,
    audience: 'driver',
    channel: 'whatsapp',
    status: 'open',
    priority: 'P2',
    createdAt: new Date(Date.UTC(2026, 2, 2, 9, 0) + index * 60_000),
    inboxName: 'Lisbon · Drivers',
    assigneeName: index === 0 ? null : 'Mariana Dias',
    requestTypeName: 'Payout missing',
    firstResponseBusinessSeconds: index === 0 ? null : 600 + index,
    resolutionBusinessSeconds: null,
    csatRating: index === 1 ? 2 : null,
  };
}

function drilldownMocks(inputs: DrilldownInput[]) {
  return trpcHandler({
    'people.me': () => mockViewer({ role: 'lead', timeZone: 'Europe/Lisbon' }),
    'kpi.filterOptions': () => FILTER_OPTIONS,
    'kpi.drilldown': (input) => {
      inputs.push(input);
      const offset = input.offset ?? 0;
      const limit = input.limit ?? 50;
      const count = Math.max(0, Math.min(limit, TOTAL - offset));
      return { total: TOTAL, items: Array.from({ length: count }, (_, n) => item(offset + n)) };
    },
  });
}

function fileText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

const FILTERS = `from=2026-03-01&to=2026-03-14&tz=Europe%2FLisbon&audience=driver&city=${LISBON_ID}`;

describe('KPI drill-down', () => {
  it('lists the conversations behind a number a page at a time, with links to the workspace', async () => {
    const user = userEvent.setup();
    const inputs: DrilldownInput[] = [];
    server.use(drilldownMocks(inputs));
    const { router } = renderRoutes({
      path: `/reports/conversations?drilldown=breachedOpen&${FILTERS}`,
      routes: consoleRoutes,
    });

    expect(
      await screen.findByRole('heading', { name: 'Open now with a breached SLA' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Conversations' });
    expect(inputs[0]).toMatchObject({
      drilldown: 'breachedOpen',
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-03-15T00:00:00Z'),
      timeZone: 'Europe/Lisbon',
      audience: 'driver',
      cityId: LISBON_ID,
      limit: 50,
      offset: 0,
    });
    expect(screen.getByText('430 conversations')).toBeInTheDocument();
    expect(screen.getByText('Drivers')).toBeInTheDocument();
    expect(await screen.findByText('City: Lisbon')).toBeInTheDocument();

    const link = within(table).getByRole('link', {
      name: 'Open conversation #4000 in the workspace',
    });
    expect(link).toHaveAttribute('href', `/workspace/conversations/${item(0).id}`);
    const first = link.closest('tr') as HTMLElement;
    expect(within(first).getByText('Unassigned')).toBeInTheDocument();
    expect(within(first).getByText('2 Mar, 09:00')).toBeInTheDocument();
    expect(within(table).getByText('2 / 5')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute(
      'href',
      `/reports?${FILTERS}`,
    );

    await user.click(screen.getByRole('button', { name: '2' }));
    await waitFor(() => expect(inputs.at(-1)).toMatchObject({ offset: 50, limit: 50 }));
    expect(new URLSearchParams(router.state.location.search).get('page')).toBe('2');
    expect(
      await screen.findByRole('link', { name: 'Open conversation #4050 in the workspace' }),
    ).toBeInTheDocument();
  });

  it('exports every conversation of the list as CSV, paging through the API', async () => {
    const user = userEvent.setup();
    const inputs: DrilldownInput[] = [];
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:export';
      }),
      revokeObjectURL: vi.fn(),
    });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    server.use(drilldownMocks(inputs));
    renderRoutes({
      path: `/reports/conversations?drilldown=created&${FILTERS}`,
      routes: consoleRoutes,
    });
    await screen.findByRole('table', { name: 'Conversations' });

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(names).toEqual(['conversations-created-2026-03-01-to-2026-03-14.csv']),
    );
    const exported = inputs.slice(1);
    expect(exported.map((input) => [input.offset, input.limit])).toEqual([
      [0, 200],
      [200, 200],
      [400, 200],
    ]);
    expect(
      exported.every((input) => input.cityId === LISBON_ID && input.audience === 'driver'),
    ).toBe(true);

    const lines = (await fileText(blobs[0]!))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Conversation,Subject,Audience,Channel,Status,Priority,Created (UTC),Inbox,Assignee,Request type,First response (business s),Resolution (business s),CSAT,Id,Link',
    );
    expect(lines).toHaveLength(TOTAL + 1);
    expect(lines[1]).toBe(
      `4000,"Payout short, ""two trips"" missing",Driver,WhatsApp,Open,P2 High,2026-03-02T09:00:00.000Z,Lisbon · Drivers,,Payout missing,,,,${item(0).id},http://localhost:3000/workspace/conversations/${item(0).id}`,
    );
    expect(lines[2]).toMatch(/^4001,Driver question 1,Driver,WhatsApp,Open,P2 High,.*,601,,2,/);
    expect(await screen.findByText('CSV exported')).toBeInTheDocument();
  });
});
