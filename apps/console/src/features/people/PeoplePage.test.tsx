import {
  mockViewer,
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
} from '@switchboard/ui/testing';
import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import { staffRow } from '../../test/fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('PeoplePage', () => {
  it('lists staff filtered by the role in the URL', async () => {
    const requests: ProcedureInput<'people.list'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'trainer' }),
        'people.list': (input) => {
          requests.push(input);
          return { items: [staffRow()], total: 1, limit: 25, offset: 0 };
        },
      }),
    );
    renderRoutes({ path: '/people?role=agent&search=jo', routes: consoleRoutes });
    const row = (await screen.findByText('João Pereira')).closest('tr') as HTMLElement;
    const cells = within(row);
    expect(cells.getByText('joao.pereira@switchboard.test')).toBeInTheDocument();
    expect(cells.getByText('Agent')).toBeInTheDocument();
    expect(cells.getByText('L2')).toBeInTheDocument();
    expect(cells.getByText('pt-PT')).toBeInTheDocument();
    expect(cells.getByText('Online')).toBeInTheDocument();
    expect(requests[0]).toMatchObject({ role: 'agent', search: 'jo' });
  });
});
