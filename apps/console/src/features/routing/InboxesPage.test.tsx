import {
  mockViewer,
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  trpcHandler,
} from '@switchboard/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import { inboxRow, LISBON_L1_ID, teamRow } from '../../test/fixtures.ts';
import { accepted, mutationInput, refusal } from '../../test/trpc-answers.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NEW_INBOX_ID = '12121212-1212-4121-8121-121212121212';

function listQueries(role: 'lead' | 'trainer' | 'admin') {
  return trpcHandler({
    'people.me': () => mockViewer({ role }),
    'routing.listInboxes': () => ({ items: [inboxRow()], total: 1, limit: 25, offset: 0 }),
    'people.teams': () => [teamRow()],
    'conversations.filterOptions': () => ({
      cities: [
        { code: 'LIS', name: 'Lisbon' },
        { code: 'OPO', name: 'Porto' },
      ],
      requestTypes: [],
      tags: [],
      colleagues: [],
    }),
    'routing.inbox': (): ProcedureOutput<'routing.inbox'> => ({
      id: NEW_INBOX_ID,
      code: 'OPO_GUEST',
      name: 'Porto guests',
      description: '',
      audience: 'guest',
      channels: ['chat', 'email'],
      active: true,
      assignmentPolicy: { mode: 'least_loaded' },
      cityCode: 'OPO',
      teamId: LISBON_L1_ID,
      teamCode: 'LIS_L1',
      teamName: 'Lisbon Support L1',
      members: [],
    }),
  });
}

/** Picks an option of a Mantine Select (jsdom lays out nothing, so options count as hidden). */
async function pick(input: HTMLElement, option: string) {
  fireEvent.click(input);
  const listbox = await waitFor(() => {
    const popup = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!popup) throw new Error('The popup did not open');
    return popup;
  });
  fireEvent.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

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

  it('offers a new inbox to leads only', async () => {
    server.use(listQueries('trainer'));
    const { unmount } = renderRoutes({ path: '/inboxes', routes: consoleRoutes });
    await screen.findByText('Lisbon guests');
    expect(screen.queryByRole('button', { name: 'New inbox' })).toBeNull();
    unmount();

    server.use(listQueries('lead'));
    renderRoutes({ path: '/inboxes', routes: consoleRoutes });
    expect(await screen.findByRole('button', { name: 'New inbox' })).toBeInTheDocument();
  });

  it('creates an inbox checked like the server, shows refusals on their fields, then opens it', async () => {
    const user = userEvent.setup();
    const attempts: unknown[] = [];
    server.use(
      listQueries('lead'),
      http.post('*/trpc/routing.createInbox', async ({ request }) => {
        attempts.push(await mutationInput(request));
        if (attempts.length === 1) {
          return refusal(
            'routing.createInbox',
            'CONFLICT',
            'code',
            'code: An inbox with the code OPO_GUEST exists already',
          );
        }
        if (attempts.length === 2) {
          return refusal('routing.createInbox', 'BAD_REQUEST', 'cityCode', 'There is no city OPO');
        }
        return accepted({ id: NEW_INBOX_ID, code: 'OPO_GUESTS', name: 'Porto guests' });
      }),
    );
    const { router } = renderRoutes({ path: '/inboxes', routes: consoleRoutes });
    await user.click(await screen.findByRole('button', { name: 'New inbox' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New inbox' }));

    await user.click(dialog.getByRole('checkbox', { name: 'Chat' }));
    await user.click(dialog.getByRole('button', { name: 'Create inbox' }));
    expect(await dialog.findByText('Name the inbox')).toBeInTheDocument();
    expect(dialog.getByText('Choose the team that works this inbox')).toBeInTheDocument();
    expect(dialog.getByText('Channels: an inbox takes at least one channel')).toBeInTheDocument();
    expect(attempts).toEqual([]);

    await user.type(dialog.getByRole('textbox', { name: 'Name' }), 'Porto guests');
    // The code follows the name until the lead types one.
    expect(dialog.getByRole('textbox', { name: 'Code' })).toHaveValue('PORTO_GUESTS');
    fireEvent.change(dialog.getByRole('textbox', { name: 'Code' }), {
      target: { value: 'opo guest' },
    });
    await pick(dialog.getByRole('combobox', { name: 'City' }), 'Porto (OPO)');
    await pick(dialog.getByRole('combobox', { name: 'Team' }), 'Lisbon Support L1');
    await user.click(dialog.getByRole('checkbox', { name: 'Chat' }));
    await user.click(dialog.getByRole('checkbox', { name: 'Email' }));
    await user.click(dialog.getByRole('radio', { name: 'Least loaded' }));
    fireEvent.change(dialog.getByRole('textbox', { name: 'Tell agents what changes' }), {
      target: { value: 'Porto guest chats have their own inbox.' },
    });
    await user.click(dialog.getByRole('button', { name: 'Create inbox' }));

    expect(
      await dialog.findByText('An inbox with the code OPO_GUEST exists already'),
    ).toBeInTheDocument();
    expect(dialog.getByRole('textbox', { name: 'Code' })).toHaveAttribute('aria-invalid', 'true');
    expect(attempts).toEqual([
      {
        code: 'OPO_GUEST',
        name: 'Porto guests',
        description: '',
        audience: 'guest',
        cityCode: 'OPO',
        teamId: LISBON_L1_ID,
        channels: ['chat', 'email'],
        assignmentPolicy: { mode: 'least_loaded' },
        rolloutNote: 'Porto guest chats have their own inbox.',
      },
    ]);

    fireEvent.change(dialog.getByRole('textbox', { name: 'Code' }), {
      target: { value: 'OPO_GUESTS' },
    });
    await user.click(dialog.getByRole('button', { name: 'Create inbox' }));
    expect(await dialog.findByText('There is no city OPO')).toBeInTheDocument();
    expect(dialog.getByRole('combobox', { name: 'City' })).toHaveAttribute('aria-invalid', 'true');

    // Cleared: an inbox for every city.
    await pick(dialog.getByRole('combobox', { name: 'City' }), 'Porto (OPO)');
    await user.click(dialog.getByRole('button', { name: 'Create inbox' }));
    await waitFor(() => expect(attempts).toHaveLength(3));
    expect(attempts[2]).toMatchObject({ code: 'OPO_GUESTS', cityCode: null });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/inboxes/${NEW_INBOX_ID}`));
    expect(await screen.findByText('Inbox Porto guests created')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Porto guests' })).toBeInTheDocument();
  });
});
