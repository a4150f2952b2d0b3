import { guideToCsv, guideToMarkdown, type RoutingGuideRow } from '@switchboard/domain';
import { mockViewer, renderRoutes, trpcHandler } from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

const ROWS: RoutingGuideRow[] = [
  {
    requestTypeCode: 'DRIVER_NO_SHOW',
    requestType: 'Driver no-show',
    audience: 'Guest',
    setBy: '“Airport no-shows to L2”',
    tags: 'airport',
    inbox: 'Lisbon L2',
    playbook: 'SOP “Driver no-show” · Macros: Rebook ride',
    priority: 'P1 Urgent',
    sla: 'First reply 5 min · resolved in 1 h',
  },
  {
    requestTypeCode: 'PAYOUT_MISSING',
    requestType: 'Payout missing, driver',
    audience: 'Driver',
    setBy: 'Set by the agent',
    tags: '—',
    inbox: '—',
    playbook: 'No SOP yet',
    priority: 'P3 Normal (default)',
    sla: 'First reply 1 h · resolved in 1 days',
  },
];

/** The file's text as written, byte-order mark included (jsdom's Blob has no text()). */
function fileText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(
        new TextDecoder('utf-8', { ignoreBOM: true }).decode(
          new Uint8Array(reader.result as ArrayBuffer),
        ),
      );
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

function guideQuery() {
  return trpcHandler({
    'people.me': () => mockViewer({ role: 'agent' }),
    'routing.guide': () => ROWS,
  });
}

describe('RoutingGuidePage', () => {
  it('shows where each request type goes', async () => {
    server.use(guideQuery());
    renderRoutes({ path: '/routing-guide', routes: workspaceRoutes });
    expect(await screen.findByRole('heading', { name: 'Routing guide' })).toBeInTheDocument();
    const row = within((await screen.findByText('Driver no-show')).closest('tr')!);
    expect(row.getByText('DRIVER_NO_SHOW')).toBeInTheDocument();
    expect(row.getByText('“Airport no-shows to L2”')).toBeInTheDocument();
    expect(row.getByText('Lisbon L2')).toBeInTheDocument();
    expect(row.getByText('SOP “Driver no-show” · Macros: Rebook ride')).toBeInTheDocument();
    expect(row.getByText('First reply 5 min · resolved in 1 h')).toBeInTheDocument();
    const payout = within(screen.getByText('Payout missing, driver').closest('tr')!);
    expect(payout.getByText('Set by the agent')).toBeInTheDocument();
    expect(payout.getByText('P3 Normal (default)')).toBeInTheDocument();
  });

  it('downloads the guide as CSV and Markdown files and copies the Markdown', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:guide-${blobs.length}`;
    });
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const downloads: { name: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push({ name: this.download, href: this.href });
    });
    server.use(guideQuery());
    renderRoutes({ path: '/routing-guide', routes: workspaceRoutes });
    await screen.findByText('Driver no-show');

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(downloads).toEqual([{ name: 'routing-guide.csv', href: 'blob:guide-1' }]);
    expect(blobs[0]?.type).toBe('text/csv');
    const csv = await fileText(blobs[0]!);
    expect(csv).toBe(`\uFEFF${guideToCsv(ROWS)}`);
    expect(csv).toContain('"Payout missing, driver"');
    await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:guide-1'));

    await user.click(screen.getByRole('button', { name: 'Download Markdown' }));
    expect(downloads[1]).toEqual({ name: 'routing-guide.md', href: 'blob:guide-2' });
    expect(await fileText(blobs[1]!)).toBe(guideToMarkdown(ROWS));

    await user.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(guideToMarkdown(ROWS));
  });
});
