import {
  MockTRPCError,
  mockViewer,
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
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

type MacroRow = ProcedureOutput<'playbooks.listSharedMacros'>['items'][number];
const INBOX_ID = '66666666-6666-4666-8666-666666666666';

function macroRow(overrides: Partial<MacroRow> = {}): MacroRow {
  return {
    id: '12121212-1212-4121-8121-121212121212',
    name: 'Refund confirmed',
    body: 'Hi {{contact.first_name}}, we refunded {{fields.refund_amount}}.',
    scope: 'shared',
    inboxId: INBOX_ID,
    inboxName: 'Lisbon guests',
    ownerId: null,
    fields: [{ key: 'refund_amount', label: 'Refund amount', type: 'money', required: true }],
    actions: { tags: ['refund-requested'], priority: null, status: 'resolved' },
    createdAt: new Date('2026-03-01T09:00:00Z'),
    updatedAt: new Date('2026-03-02T09:00:00Z'),
    ...overrides,
  };
}

const queries = (
  items: MacroRow[],
  requests: ProcedureInput<'playbooks.listSharedMacros'>[] = [],
) =>
  trpcHandler({
    'people.me': () => mockViewer({ role: 'lead' }),
    'playbooks.listSharedMacros': (input) => {
      requests.push(input);
      return { items, total: items.length, limit: 25, offset: 0 };
    },
    'routing.listInboxes': () => ({ items: [inboxRow()], total: 1, limit: 200, offset: 0 }),
    'playbooks.tagOptions': () => [
      { code: 'refund-requested', name: 'Refund requested', color: 'yellow' },
      { code: 'airport', name: 'Airport', color: 'blue' },
    ],
  });

describe('MacrosPage', () => {
  it('lists shared macros with their inbox, fields and side effects, filtered from the URL', async () => {
    const requests: ProcedureInput<'playbooks.listSharedMacros'>[] = [];
    server.use(
      queries(
        [
          macroRow(),
          macroRow({
            id: 'x',
            name: 'Greeting',
            inboxId: null,
            inboxName: null,
            fields: [],
            actions: { tags: [], priority: null, status: null },
          }),
        ],
        requests,
      ),
    );
    renderRoutes({ path: `/macros?inbox=${INBOX_ID}&search=refund`, routes: consoleRoutes });
    const row = (await screen.findByText('Refund confirmed')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Lisbon guests')).toBeInTheDocument();
    expect(within(row).getByText('Refund amount')).toBeInTheDocument();
    expect(within(row).getByText('+ Refund requested')).toBeInTheDocument();
    expect(within(row).getByText('→ Resolved')).toBeInTheDocument();
    const greeting = screen.getByText('Greeting').closest('tr') as HTMLElement;
    expect(within(greeting).getByText('All inboxes')).toBeInTheDocument();
    expect(within(greeting).getByText('Reply only')).toBeInTheDocument();
    expect(requests[0]).toMatchObject({ inboxId: INBOX_ID, search: 'refund' });
    expect(screen.getByRole('link', { name: 'Macros' })).toHaveAttribute('aria-current', 'page');
  });

  it('creates a macro validated like the server, with variables and a live preview', async () => {
    const user = userEvent.setup();
    const created: ProcedureInput<'playbooks.createSharedMacro'>[] = [];
    server.use(
      queries([]),
      trpcMutationHandler({
        'playbooks.createSharedMacro': (input) => {
          created.push(input);
          return { id: '13131313-1313-4131-8131-131313131313' };
        },
      }),
    );
    renderRoutes({ path: '/macros', routes: consoleRoutes });
    await user.click(await screen.findByRole('button', { name: 'New macro' }));
    const drawer = await screen.findByRole('dialog', { name: 'New macro' });
    const form = within(drawer);
    await user.type(form.getByLabelText('Name', { exact: false }), 'Pickup moved');
    const body = form.getByRole('textbox', { name: 'Reply text' });
    await user.type(body, 'Hi {{{{contact.nickname}}');
    await user.click(form.getByRole('button', { name: 'Create macro' }));
    expect(await form.findByText('Unknown placeholder {{contact.nickname}}')).toBeInTheDocument();
    expect(created).toEqual([]);

    await user.clear(body);
    await user.type(body, 'Hi {{{{contact.first_name}}, new time: {{{{fields.new_time}}');
    expect(form.getByLabelText('Insert variable')).toBeInTheDocument();
    await user.click(form.getByRole('button', { name: 'Add field' }));
    await user.type(form.getByRole('textbox', { name: 'Field 1 key' }), 'new_time');
    await user.type(form.getByRole('textbox', { name: 'Field 1 label' }), 'New time');
    expect(form.getByTestId('macro-preview')).toHaveTextContent('Hi Marta, new time: [New time]');

    await user.click(form.getByRole('button', { name: 'Create macro' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toEqual({
      name: 'Pickup moved',
      body: 'Hi {{contact.first_name}}, new time: {{fields.new_time}}',
      scope: 'shared',
      inboxId: null,
      fields: [{ key: 'new_time', label: 'New time', type: 'text', required: true }],
      actions: { tags: [], priority: null, status: null },
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New macro' })).toBeNull());
  }, 30_000);

  it('edits a macro, shows a refusal, and archives after confirming', async () => {
    const user = userEvent.setup();
    const archived: string[] = [];
    server.use(
      queries([macroRow()]),
      trpcMutationHandler({
        'playbooks.updateSharedMacro': () => {
          throw new MockTRPCError('FORBIDDEN', 'Agents are not allowed to do this');
        },
        'playbooks.archiveSharedMacro': (input) => {
          archived.push(input.macroId);
          return { id: input.macroId };
        },
      }),
    );
    renderRoutes({ path: '/macros', routes: consoleRoutes });
    await user.click(await screen.findByRole('button', { name: 'Edit Refund confirmed' }));
    const drawer = await screen.findByRole('dialog', { name: 'Edit “Refund confirmed”' });
    expect(within(drawer).getByRole('textbox', { name: 'Field 1 key' })).toHaveValue(
      'refund_amount',
    );
    await user.click(within(drawer).getByRole('button', { name: 'Save macro' }));
    expect(
      await within(drawer).findByText('Agents are not allowed to do this'),
    ).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Archive Refund confirmed' }));
    const confirm = await screen.findByRole('dialog', { name: 'Archive this macro?' });
    await user.click(within(confirm).getByRole('button', { name: 'Archive macro' }));
    await waitFor(() => expect(archived).toEqual([macroRow().id]));
  }, 30_000);
});
