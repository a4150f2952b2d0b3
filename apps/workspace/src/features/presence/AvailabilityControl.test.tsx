import {
  mockViewer,
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';
import { filterOptions, layoutMocks, viewCounts } from '../../test/fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('AvailabilityControl', () => {
  it('shows the agent’s availability and changes it', async () => {
    const sent: ProcedureInput<'routing.setAvailability'>[] = [];
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer({ availability: 'online' }),
        'conversations.viewCounts': () => viewCounts(),
        'conversations.filterOptions': () => filterOptions(),
        'conversations.view': () => ({ items: [], total: 0, limit: 100, offset: 0 }),
      }),
      trpcMutationHandler({
        'routing.setAvailability': (input) => {
          sent.push(input);
          return { id: 'me', availability: input.availability };
        },
      }),
    );
    renderRoutes({ path: '/inbox', routes: workspaceRoutes });
    const control = (await screen.findAllByLabelText('My availability'))[0]!;
    expect(control).toHaveValue('● Online');
    await userEvent.click(control);
    await userEvent.click(await screen.findByRole('option', { name: '◐ Away', hidden: true }));
    await waitFor(() => expect(sent).toEqual([{ availability: 'away' }]));
  });
});
