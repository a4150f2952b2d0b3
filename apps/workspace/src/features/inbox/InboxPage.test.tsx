import {
  MockTRPCError,
  mockViewer,
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
} from '@switchboard/ui/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';
import { CONVERSATION_ID, conversationDetail, conversationRow } from '../../test/fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('InboxPage', () => {
  it("lists the agent's conversations from conversations.listMine", async () => {
    const requests: ProcedureInput<'conversations.listMine'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer(),
        'conversations.listMine': (input) => {
          requests.push(input);
          return { items: [conversationRow()], total: 1, limit: 25, offset: 0 };
        },
      }),
    );
    renderRoutes({ path: '/inbox', routes: workspaceRoutes });

    expect(await screen.findByRole('heading', { name: 'My conversations' })).toBeInTheDocument();
    const link = await screen.findByRole('link', {
      name: '#1042 Driver did not show up at the airport',
    });
    const row = link.closest('tr');
    expect(row).not.toBeNull();
    const cells = within(row as HTMLElement);
    expect(cells.getByText('Marta Lopes')).toBeInTheDocument();
    expect(cells.getByText('Guest')).toBeInTheDocument();
    expect(cells.getByText('WhatsApp')).toBeInTheDocument();
    expect(cells.getByText('LIS')).toBeInTheDocument();
    expect(cells.getByText('P2 · High')).toBeInTheDocument();
    expect(cells.getByText('I have been waiting for 40 minutes at arrivals')).toBeInTheDocument();
    expect(requests[0]).toMatchObject({ status: ['open'], sort: 'newest', offset: 0 });
  });

  it('keeps the status tab in the URL and asks the server for that status', async () => {
    const requests: ProcedureInput<'conversations.listMine'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer(),
        'conversations.listMine': (input) => {
          requests.push(input);
          return { items: [], total: 0, limit: 25, offset: 0 };
        },
      }),
    );
    const { router } = renderRoutes({ path: '/inbox', routes: workspaceRoutes });
    expect(await screen.findByText('Nothing here')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Resolved' }));
    expect(router.state.location.search).toBe('?status=resolved');
    await screen.findByText('Nothing here');
    expect(requests.at(-1)).toMatchObject({ status: ['resolved', 'closed'] });
  });

  it('opens the conversation when a row is clicked', async () => {
    server.use(
      trpcHandler({
        'people.me': () => mockViewer(),
        'conversations.listMine': () => ({
          items: [conversationRow()],
          total: 1,
          limit: 25,
          offset: 0,
        }),
        'conversations.byId': () => conversationDetail(),
      }),
    );
    const { router } = renderRoutes({ path: '/inbox', routes: workspaceRoutes });
    await userEvent.click(await screen.findByText('Marta Lopes'));
    expect(router.state.location.pathname).toBe(`/conversations/${CONVERSATION_ID}`);
  });

  it('sends a signed-out visitor to the sign-in page', async () => {
    server.use(
      trpcHandler({
        'people.me': () => {
          throw new MockTRPCError('UNAUTHORIZED', 'Sign in to continue');
        },
      }),
    );
    const { router } = renderRoutes({ path: '/inbox', routes: workspaceRoutes });
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });
});
