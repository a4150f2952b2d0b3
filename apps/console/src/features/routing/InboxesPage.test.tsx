import {
  mockViewer,
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import { inboxRow } from '../../test/fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('InboxesPage', () => {
  it('lists inboxes with their backlog and reads filters from the URL', async () => {
    const requests: ProcedureInput<'routing.listInboxes'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead' }),
        'routing.listInboxes': (input) => {
          requests.push(input);
          return { items: [inboxRow()], total: 1, limit: 25, offset: 0 };
        },
      }),
    );
    renderRoutes({ path: '/inboxes?audience=guest&sort=openCount', routes: consoleRoutes });

    const row = (await screen.findByText('Lisbon guests')).closest('tr') as HTMLElement;
    const cells = within(row);
    expect(cells.getByText('LIS_GUEST')).toBeInTheDocument();
    expect(cells.getByText('Guest')).toBeInTheDocument();
    expect(cells.getByText('Lisbon')).toBeInTheDocument();
    expect(cells.getByText('Lisbon Support L1')).toBeInTheDocument();
    expect(cells.getByText('42')).toBeInTheDocument();
    expect(cells.getByText('3')).toBeInTheDocument();
    expect(requests[0]).toMatchObject({ audience: 'guest', sort: 'openCount', offset: 0 });
  });

  it('puts the search in the URL and sends it to the server', async () => {
    const requests: ProcedureInput<'routing.listInboxes'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'admin' }),
        'routing.listInboxes': (input) => {
          requests.push(input);
          return { items: [inboxRow()], total: 1, limit: 25, offset: 0 };
        },
      }),
    );
    const { router } = renderRoutes({ path: '/inboxes', routes: consoleRoutes });
    await userEvent.type(await screen.findByRole('searchbox', { name: 'Search' }), 'dubai');
    await waitFor(() => expect(router.state.location.search).toBe('?search=dubai'));
    await waitFor(() => expect(requests.at(-1)).toMatchObject({ search: 'dubai' }));
  });
});
