import {
  MockTRPCError,
  mockViewer,
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';
import { conversationRow, filterOptions, layoutMocks, viewCounts } from '../../test/fixtures.ts';
import { parseInboxSelection, selectionParams } from './inbox-filters.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// Opening a conversation announces the agent's presence there.
const presence = trpcMutationHandler({ 'live.presence': () => ({ ok: true as const }) });
beforeAll(() => server.use(presence));
afterEach(() => server.resetHandlers(presence));
afterAll(() => server.close());

type ViewInput = ProcedureInput<'conversations.view'>;

function inboxHandlers(requests: ViewInput[], rows = [conversationRow()]) {
  return trpcHandler({
    ...layoutMocks,
    'people.me': () => mockViewer(),
    'conversations.viewCounts': () => viewCounts(),
    'conversations.filterOptions': () => filterOptions(),
    'conversations.view': (input) => {
      requests.push(input);
      return { items: rows, total: rows.length, limit: input.limit ?? 100, offset: 0 };
    },
  });
}

describe('InboxPage', () => {
  it('shows the Mine view with live counts beside every view and inbox', async () => {
    const requests: ViewInput[] = [];
    server.use(inboxHandlers(requests));
    renderRoutes({ path: '/inbox', routes: workspaceRoutes });

    expect(await screen.findByRole('heading', { name: 'Mine' })).toBeInTheDocument();
    const views = screen.getByRole('navigation', { name: 'Views' });
    expect(await within(views).findByRole('button', { name: /Unassigned\s*12/ })).toBeVisible();
    expect(within(views).getByRole('button', { name: /SLA at risk\s*4/ })).toBeVisible();
    expect(within(views).getByRole('button', { name: /Lisbon guests/ })).toBeVisible();
    const row = await screen.findByRole('button', {
      name: '#1042 Marta Lopes: Driver did not show up at the airport',
    });
    const cells = within(row);
    expect(cells.getByText('Guest')).toBeInTheDocument();
    expect(cells.getByText('WhatsApp')).toBeInTheDocument();
    expect(cells.getByText('LIS')).toBeInTheDocument();
    expect(cells.getByText('P2 · High')).toBeInTheDocument();
    expect(cells.getByText(/left$/)).toBeInTheDocument();
    expect(cells.getByText(/Ana Silva/)).toBeInTheDocument();
    expect(requests[0]).toMatchObject({ view: 'mine', sort: 'sla', offset: 0 });
  });

  it('switches view and keeps it, with the filters, in the URL', async () => {
    const requests: ViewInput[] = [];
    server.use(inboxHandlers(requests, []));
    const { router } = renderRoutes({ path: '/inbox?priority=P1', routes: workspaceRoutes });
    const views = await screen.findByRole('navigation', { name: 'Views' });
    await userEvent.click(await within(views).findByRole('button', { name: /Unassigned/ }));
    expect(await screen.findByRole('heading', { name: 'Unassigned' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?view=unassigned');
    expect(await screen.findByText('Nothing here')).toBeInTheDocument();
    expect(requests.at(-1)).toMatchObject({ view: 'unassigned' });
    expect(requests[0]).toMatchObject({ view: 'mine', priority: 'P1' });
  });

  it('moves through the list with j and k and opens with Enter', async () => {
    const rows = [
      conversationRow(),
      conversationRow({ id: '99999999-9999-4999-8999-999999999999', number: 1043 }),
    ];
    server.use(inboxHandlers([], rows));
    const { router } = renderRoutes({ path: '/inbox', routes: workspaceRoutes });
    await screen.findByRole('button', { name: /#1043/ });
    await userEvent.keyboard('jj');
    expect(screen.getByRole('button', { name: /#1043/ })).toHaveAttribute('aria-current', 'true');
    await userEvent.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe(
      '/conversations/99999999-9999-4999-8999-999999999999',
    );
  });

  it('shows the server error with a retry', async () => {
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'conversations.viewCounts': () => viewCounts(),
        'conversations.filterOptions': () => filterOptions(),
        'conversations.view': () => {
          throw new MockTRPCError('INTERNAL_SERVER_ERROR', 'Something went wrong on our side.');
        },
      }),
    );
    renderRoutes({ path: '/inbox', routes: workspaceRoutes });
    expect(await screen.findByText('Something went wrong on our side.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /try again/i })).toBeVisible();
  });
});

describe('inbox selection in the URL', () => {
  it('round-trips and drops what it does not know', () => {
    const selection = parseInboxSelection(
      new URLSearchParams('view=inbox&inbox=abc&priority=P9&channel=email&q=%2312&sort=oldest'),
    );
    expect(selection).toEqual({
      view: 'inbox',
      inboxId: 'abc',
      sort: 'oldest',
      channel: 'email',
      search: '#12',
    });
    expect(parseInboxSelection(selectionParams(selection))).toEqual(selection);
    expect(parseInboxSelection(new URLSearchParams('view=inbox')).view).toBe('mine');
  });
});
