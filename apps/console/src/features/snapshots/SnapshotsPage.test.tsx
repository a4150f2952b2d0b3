import {
  MockTRPCError,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionRoutes } from '../incidents/session-routes.tsx';
import { SnapshotsPage } from './SnapshotsPage.tsx';
import {
  leadViewer,
  MONTHLY_ID,
  SNAPSHOT_ID,
  snapshotRow,
  trainerViewer,
} from './snapshot-fixtures.ts';
import { type SnapshotInputs, snapshotMocks } from './snapshot-mocks.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type ListInput = SnapshotInputs['list'];

const NEW_ID = '5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a99';

const routes = sessionRoutes([
  { path: '/reports/snapshots', element: <SnapshotsPage /> },
  { path: '/reports/snapshots/:snapshotId', element: <p>Snapshot page</p> },
]);

const WEEKLY = snapshotRow();
const MONTHLY = snapshotRow({
  id: MONTHLY_ID,
  kind: 'monthly',
  periodStart: new Date('2026-02-01T00:00:00Z'),
  periodEnd: new Date('2026-03-01T00:00:00Z'),
  source: 'on_demand',
  requestedByName: 'Lia Costa',
  createdAt: new Date('2026-03-04T10:30:00Z'),
  recommendations: 0,
});

function queries(viewer = leadViewer, requests: ListInput[] = []) {
  return trpcHandler(
    snapshotMocks({
      'people.me': () => viewer,
      'kpi.snapshots.list': (input) => {
        requests.push(input);
        const items = input.kind === 'monthly' ? [MONTHLY] : [WEEKLY, MONTHLY];
        return { items, total: input.kind === 'monthly' ? 1 : 60 };
      },
    }),
  );
}

function rowOf(period: string): HTMLElement {
  return screen.getByRole('link', { name: period }).closest('tr') as HTMLElement;
}

describe('snapshots list', () => {
  it('lists snapshots with their period, kind, source and actions; filters and pages on the server', async () => {
    const user = userEvent.setup();
    const requests: ListInput[] = [];
    server.use(queries(leadViewer, requests));
    const { router } = renderRoutes({ path: '/reports/snapshots', routes });

    const table = await screen.findByRole('table', { name: 'Snapshots' });
    expect(requests[0]).toEqual({ limit: 25, offset: 0 });
    const weekly = rowOf('9 Mar – 15 Mar 2026');
    expect(within(weekly).getByRole('link')).toHaveAttribute(
      'href',
      `/reports/snapshots/${SNAPSHOT_ID}`,
    );
    expect(within(weekly).getByText('Weekly')).toBeInTheDocument();
    expect(within(weekly).getByText('Scheduled')).toBeInTheDocument();
    expect(within(weekly).getByText('3')).toBeInTheDocument();
    const monthly = rowOf('February 2026');
    expect(within(monthly).getByText('Monthly')).toBeInTheDocument();
    expect(within(monthly).getByText('On demand · Lia Costa')).toBeInTheDocument();
    expect(within(monthly).getByText('None')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('1–25 of 60')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'next page' }));
    await waitFor(() => expect(requests.at(-1)).toEqual({ limit: 25, offset: 25 }));
    expect(router.state.location.search).toBe('?page=2');

    // A filter goes in the URL and starts again at the first page.
    await user.click(screen.getByRole('radio', { name: 'Monthly' }));
    await waitFor(() => expect(requests.at(-1)).toEqual({ kind: 'monthly', limit: 25, offset: 0 }));
    expect(router.state.location.search).toBe('?kind=monthly');
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: '9 Mar – 15 Mar 2026' })).toBeNull(),
    );
    expect(screen.getByText('1–1 of 1')).toBeInTheDocument();
  });

  it('reads the kind filter from the URL', async () => {
    const requests: ListInput[] = [];
    server.use(queries(leadViewer, requests));
    renderRoutes({ path: '/reports/snapshots?kind=monthly', routes });
    await screen.findByRole('link', { name: 'February 2026' });
    expect(requests[0]).toEqual({ kind: 'monthly', limit: 25, offset: 0 });
    expect(screen.getByRole('radio', { name: 'Monthly' })).toBeChecked();
  });

  it('lets a lead make a weekly snapshot now and opens it', async () => {
    const user = userEvent.setup();
    const made: SnapshotInputs['generate'][] = [];
    server.use(
      queries(),
      trpcMutationHandler(
        snapshotMocks({
          'kpi.snapshots.generate': (input) => {
            made.push(input);
            return { id: NEW_ID };
          },
        }),
      ),
    );
    const { router } = renderRoutes({ path: '/reports/snapshots', routes });

    await user.click(await screen.findByRole('button', { name: 'Make a snapshot now' }));
    await user.click(await screen.findByRole('menuitem', { name: /^Week/ }));
    expect(await screen.findByText('Snapshot page')).toBeInTheDocument();
    expect(made).toEqual([{ kind: 'weekly' }]);
    expect(router.state.location.pathname).toBe(`/reports/snapshots/${NEW_ID}`);
    expect(await screen.findByText('Weekly snapshot made')).toBeInTheDocument();
  });

  it('says why a snapshot was not made', async () => {
    const user = userEvent.setup();
    server.use(
      queries(),
      trpcMutationHandler(
        snapshotMocks({
          'kpi.snapshots.generate': () => {
            throw new MockTRPCError('INTERNAL_SERVER_ERROR', 'The KPI facts are being refreshed');
          },
        }),
      ),
    );
    const { router } = renderRoutes({ path: '/reports/snapshots', routes });

    await user.click(await screen.findByRole('button', { name: 'Make a snapshot now' }));
    await user.click(await screen.findByRole('menuitem', { name: /^Month/ }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The snapshot was not made')).toBeInTheDocument();
    expect(within(alert).getByText('The KPI facts are being refreshed')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/reports/snapshots');

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('does not offer trainers to make one', async () => {
    server.use(queries(trainerViewer));
    renderRoutes({ path: '/reports/snapshots', routes });

    await screen.findByRole('table', { name: 'Snapshots' });
    expect(screen.queryByRole('button', { name: 'Make a snapshot now' })).toBeNull();
    expect(
      screen.getByText('Team leads and admins can make a snapshot on demand.'),
    ).toBeInTheDocument();
  });

  it('says when there is no snapshot yet', async () => {
    server.use(
      trpcHandler(
        snapshotMocks({
          'people.me': () => leadViewer,
          'kpi.snapshots.list': () => ({ items: [], total: 0 }),
        }),
      ),
    );
    renderRoutes({ path: '/reports/snapshots', routes });
    expect(await screen.findByText('No snapshots yet')).toBeInTheDocument();
  });
});
