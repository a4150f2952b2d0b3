import { mockViewer, renderRoutes, trpcHandler } from '@switchboard/ui/testing';
import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../router.tsx';
import { inboxRow } from '../test/fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('console access', () => {
  for (const path of ['/inboxes', '/people', '/']) {
    it(`shows an agent "Not allowed" at ${path} and never loads console data`, async () => {
      let consoleCalls = 0;
      server.use(
        trpcHandler({
          'people.me': () => mockViewer({ role: 'agent' }),
          'routing.listInboxes': () => {
            consoleCalls += 1;
            return { items: [], total: 0, limit: 25, offset: 0 };
          },
          'people.list': () => {
            consoleCalls += 1;
            return { items: [], total: 0, limit: 25, offset: 0 };
          },
        }),
      );
      renderRoutes({ path, routes: consoleRoutes });
      expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
      expect(screen.getByText("You don't have access to the console.")).toBeInTheDocument();
      expect(screen.getByText(/Ana Silva \(Agent\)/)).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Go to the workspace' })).toHaveAttribute(
        'href',
        '/workspace/',
      );
      expect(screen.queryByRole('heading', { name: 'Inboxes' })).not.toBeInTheDocument();
      expect(consoleCalls).toBe(0);
    });
  }

  it('lets a team lead in', async () => {
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead', name: 'Lena Lead' }),
        'routing.listInboxes': () => ({ items: [inboxRow()], total: 1, limit: 25, offset: 0 }),
      }),
    );
    renderRoutes({ path: '/', routes: consoleRoutes });
    expect(await screen.findByRole('heading', { name: 'Inboxes' })).toBeInTheDocument();
    expect(await screen.findByText('Lisbon guests')).toBeInTheDocument();
  });
});
