import { MockTRPCError, renderRoutes, trpcHandler } from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessionRoutes } from '../incidents/session-routes.tsx';
import { SnapshotPage } from './SnapshotPage.tsx';
import { LEAD_ID, leadViewer, SNAPSHOT_ID, storedSnapshot } from './snapshot-fixtures.ts';
import { type SnapshotInputs, snapshotMocks } from './snapshot-mocks.ts';

// Today's CSAT definition is a version newer than the one the snapshot was computed with.
vi.mock('@switchboard/domain', async (importOriginal) => {
  const domain = await importOriginal<typeof import('@switchboard/domain')>();
  return {
    ...domain,
    KPI_DEFINITIONS: {
      ...domain.KPI_DEFINITIONS,
      csat: { ...domain.KPI_DEFINITIONS.csat, version: 2, formula: 'Ratings of 5 ÷ all ratings.' },
    },
  };
});

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

type SnapshotInput = SnapshotInputs['get'];

const routes = sessionRoutes([
  { path: '/reports/snapshots', element: <p>Snapshots list</p> },
  { path: '/reports/snapshots/:snapshotId', element: <SnapshotPage /> },
]);
const MARKDOWN = '# Weekly report, 9 Mar 2026 – 15 Mar 2026\n\n## Recommended actions\n';
// "%PDF-1.7\n" in base64.
const PDF_BASE64 = 'JVBERi0xLjcK';

interface Calls {
  markdown: SnapshotInput[];
  pdf: SnapshotInput[];
}

function queries(snapshot = storedSnapshot(), calls: Calls = { markdown: [], pdf: [] }) {
  return trpcHandler(
    snapshotMocks({
      'people.me': () => leadViewer,
      'kpi.snapshots.get': () => snapshot,
      'kpi.snapshots.markdown': (input) => {
        calls.markdown.push(input);
        return { filename: 'switchboard-weekly-2026-03-09.md', markdown: MARKDOWN };
      },
      'kpi.snapshots.pdf': (input) => {
        calls.pdf.push(input);
        return { filename: 'switchboard-weekly-2026-03-09.pdf', base64: PDF_BASE64 };
      },
    }),
  );
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

function rowOf(table: HTMLElement, header: string): HTMLElement {
  return within(table).getByRole('rowheader', { name: header }).closest('tr') as HTMLElement;
}

/** Captures what the page saves as a file: the Blob and the name on the link. */
function captureDownloads() {
  const saved: Array<{ name: string; blob: Blob }> = [];
  let lastBlob: Blob | null = null;
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      lastBlob = blob;
      return 'blob:snapshot';
    }),
    revokeObjectURL: vi.fn(),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, blob: lastBlob as unknown as Blob });
  });
  return saved;
}

async function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('snapshot report', () => {
  it('reads as a report: actions first, then the frozen figures and the definitions used', async () => {
    server.use(queries());
    renderRoutes({ path: `/reports/snapshots/${SNAPSHOT_ID}`, routes });

    expect(
      await screen.findByRole('heading', { name: 'Weekly report, 9 Mar 2026 – 15 Mar 2026' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Frozen on 16 Mar 2026, 01:00 .* figures never change/),
    ).toBeInTheDocument();
    const heading = screen.getByRole('heading', { level: 1 }).parentElement as HTMLElement;
    expect(within(heading).getByText('Weekly')).toBeInTheDocument();
    expect(within(heading).getByText('Scheduled')).toBeInTheDocument();

    // Recommended actions come before the figures.
    const actions = section('Recommended actions');
    const headline = section('Headline figures');
    expect(actions.compareDocumentPosition(headline)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    const items = within(actions).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Clear the breached conversations first');
    expect(items[0]).toHaveTextContent('4 open conversations are past an SLA target (of 90 open).');
    expect(items[1]).toHaveTextContent('Recover resolution SLA for guests');

    const figures = within(headline).getByRole('table', { name: 'Headline figures' });
    expect(
      within(figures).getByRole('columnheader', { name: 'All, week before' }),
    ).toBeInTheDocument();
    const conversations = within(rowOf(figures, 'Conversations')).getAllByRole('cell');
    expect(conversations.map((cell) => cell.textContent)).toEqual(['300', '180', '480', '420']);
    const firstResponse = rowOf(figures, 'First response p50 (business)');
    expect(within(firstResponse).getAllByText('12 min')).toHaveLength(4);
    expect(within(rowOf(figures, 'SLA met: resolution')).getAllByRole('cell')[2]).toHaveTextContent(
      '70%',
    );

    // Drivers with their change against the week before.
    const guestTypes = screen.getByRole('table', { name: 'Top request types — guests' });
    expect(within(guestTypes).getByText('Driver late').closest('tr')).toHaveTextContent('+50%');
    expect(within(guestTypes).getByText('Lost item').closest('tr')).toHaveTextContent('−25%');
    const driverTypes = screen.getByRole('table', { name: 'Top request types — drivers' });
    expect(within(driverTypes).getByText('Payout missing').closest('tr')).toHaveTextContent('new');
    expect(
      within(screen.getByRole('table', { name: 'Top root causes — guests' }))
        .getByText('Traffic')
        .closest('tr'),
    ).toHaveTextContent('0%');
    expect(screen.getByText('No root cause recorded.')).toBeInTheDocument();

    const risks = screen.getByRole('table', { name: 'SLA and backlog risks' });
    expect(rowOf(risks, 'SLA met: resolution')).toHaveTextContent('70% (210 of 300)');
    expect(rowOf(risks, 'SLA met: next response')).toHaveTextContent('none due');
    expect(within(rowOf(risks, 'Breached open')).getAllByRole('cell')[2]).toHaveTextContent('4');
    expect(rowOf(risks, 'Open for > 3 d')).toHaveTextContent('10');

    const turnaround = screen.getByRole('table', { name: 'Escalation turnaround' });
    expect(
      within(rowOf(turnaround, 'Finance & Payouts'))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['45 min', '30 h', '2', '1']);
    const gaps = screen.getByRole('table', { name: 'Staffing gaps' });
    expect(
      within(rowOf(gaps, 'Lisbon · Guests'))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['12.3', '240', '228', 'Mon 09:00 (3 short)']);

    // The definitions it used, and the one that has changed since.
    const definitions = screen.getByRole('table', { name: 'Definitions used' });
    const firstResponseDefinition = rowOf(definitions, 'First response time');
    expect(firstResponseDefinition).toHaveTextContent('v1');
    expect(firstResponseDefinition).toHaveTextContent(/Median and p90 \(nearest rank\)/);
    expect(within(firstResponseDefinition).queryByText('changed since')).toBeNull();
    const csat = rowOf(definitions, 'CSAT');
    expect(within(csat).getByText('changed since')).toBeInTheDocument();
    expect(csat).toHaveTextContent('Computed with v1; the current definition is v2.');
    expect(csat).toHaveTextContent('Today’s formula (v2): Ratings of 5 ÷ all ratings.');
  });

  it('names the viewer when they made it on demand', async () => {
    server.use(queries(storedSnapshot({ source: 'on_demand', requestedById: LEAD_ID })));
    renderRoutes({ path: `/reports/snapshots/${SNAPSHOT_ID}`, routes });
    expect(await screen.findByText('On demand · you')).toBeInTheDocument();
  });

  it('downloads the Markdown and the PDF, and copies the Markdown', async () => {
    const user = userEvent.setup();
    const calls: Calls = { markdown: [], pdf: [] };
    server.use(queries(storedSnapshot(), calls));
    renderRoutes({ path: `/reports/snapshots/${SNAPSHOT_ID}`, routes });
    await screen.findByRole('heading', { name: /Weekly report/ });
    const saved = captureDownloads();

    await user.click(screen.getByRole('button', { name: 'Download Markdown' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.name).toBe('switchboard-weekly-2026-03-09.md');
    expect(saved[0]?.blob.type).toBe('text/markdown;charset=utf-8');
    expect(await textOf(saved[0]!.blob)).toBe(MARKDOWN);

    await user.click(screen.getByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(calls.pdf).toEqual([{ snapshotId: SNAPSHOT_ID }]);
    expect(saved[1]?.name).toBe('switchboard-weekly-2026-03-09.pdf');
    expect(saved[1]?.blob.type).toBe('application/pdf');
    expect(await textOf(saved[1]!.blob)).toBe('%PDF-1.7\n');

    await user.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    expect(await screen.findByText(/Markdown copied/)).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(MARKDOWN);
    // Frozen: the Markdown was asked for once, for this snapshot.
    expect(calls.markdown).toEqual([{ snapshotId: SNAPSHOT_ID }]);
  });

  it('says so when a download fails', async () => {
    const user = userEvent.setup();
    server.use(
      trpcHandler(
        snapshotMocks({
          'people.me': () => leadViewer,
          'kpi.snapshots.get': () => storedSnapshot(),
          'kpi.snapshots.markdown': () => ({ filename: 'report.md', markdown: MARKDOWN }),
          'kpi.snapshots.pdf': () => {
            throw new MockTRPCError('NOT_FOUND', 'Snapshot not found');
          },
        }),
      ),
    );
    renderRoutes({ path: `/reports/snapshots/${SNAPSHOT_ID}`, routes });
    await user.click(await screen.findByRole('button', { name: 'Download PDF' }));
    expect(await screen.findByText('Could not download the PDF')).toBeInTheDocument();
    expect(screen.getByText('Snapshot not found')).toBeInTheDocument();
  });

  it('says when there is no such snapshot', async () => {
    server.use(
      trpcHandler(
        snapshotMocks({
          'people.me': () => leadViewer,
          'kpi.snapshots.get': () => {
            throw new MockTRPCError('NOT_FOUND', 'Snapshot not found');
          },
          'kpi.snapshots.markdown': () => {
            throw new MockTRPCError('NOT_FOUND', 'Snapshot not found');
          },
        }),
      ),
    );
    renderRoutes({ path: `/reports/snapshots/${SNAPSHOT_ID}`, routes });
    expect(await screen.findByText('No such snapshot')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All snapshots' })).toHaveAttribute(
      'href',
      '/reports/snapshots',
    );
  });
});
