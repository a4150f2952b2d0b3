import {
  MockTRPCError,
  type ProcedureInput,
  type ProcedureOutput,
  renderWithProviders,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONVERSATION_ID } from '../../test/fixtures.ts';
import { MacroPicker } from './MacroPicker.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type MacroRow = ProcedureOutput<'playbooks.macrosForConversation'>['items'][number];
type Preview = ProcedureOutput<'playbooks.previewMacro'>;

const onTheWay: MacroRow = {
  id: '41414141-4141-4141-8141-414141414141',
  name: 'Driver on the way — new ETA',
  body: 'Hi {{contact.first_name}}, your driver arrives in {{fields.eta}}.',
  scope: 'shared',
  inboxId: null,
  inboxName: null,
  ownerId: null,
  fields: [
    { key: 'eta', label: 'How long until the driver arrives', type: 'text', required: true },
  ],
  actions: { tags: [], priority: 'P1', status: null },
  createdAt: new Date('2026-03-01T09:00:00Z'),
  updatedAt: new Date('2026-03-01T09:00:00Z'),
};
const refund: MacroRow = {
  ...onTheWay,
  id: '42424242-4242-4242-8242-424242424242',
  name: 'Refund confirmed',
  body: 'We refunded {{fields.refund_amount}}.',
  scope: 'personal',
  fields: [{ key: 'refund_amount', label: 'Refund amount', type: 'money', required: true }],
  actions: { tags: ['refund-requested'], priority: null, status: 'resolved' },
};

function preview(macro: MacroRow, fieldValues: Record<string, string>): Preview {
  const amount = fieldValues.refund_amount;
  return {
    text: amount
      ? `We refunded €${Number(amount).toFixed(2)}.`
      : 'We refunded {{fields.refund_amount}}.',
    missingVariables: [],
    missingFields: amount ? [] : ['refund_amount'],
    fieldProblems: [],
    macro: { id: macro.id, name: macro.name, fields: macro.fields },
    actions: {
      tags: [{ code: 'refund-requested', name: 'Refund requested', color: 'yellow' }],
      priority: null,
      status: 'resolved',
    },
    blockingSteps: ['Check the payment log'],
    currency: 'EUR',
    timeZone: 'Europe/Lisbon',
  };
}

function mocks(applied: ProcedureInput<'playbooks.applyMacro'>[], fail = false) {
  const previews: ProcedureInput<'playbooks.previewMacro'>[] = [];
  server.use(
    trpcHandler({
      'playbooks.macrosForConversation': () => ({
        items: [onTheWay, refund],
        total: 2,
        limit: 50,
        offset: 0,
      }),
      'playbooks.previewMacro': (input) => {
        previews.push(input);
        return preview(refund, input.fieldValues ?? {});
      },
    }),
    trpcMutationHandler({
      'playbooks.applyMacro': (input) => {
        applied.push(input);
        if (fail) {
          throw new MockTRPCError(
            'BAD_REQUEST',
            'Finish or skip the required playbook steps first: Check the payment log',
          );
        }
        return { messageId: '43434343-4343-4343-8343-434343434343', duplicate: false };
      },
    }),
  );
  return previews;
}

describe('MacroPicker', () => {
  it('filters as you type, previews with the fields and side effects, and sends', async () => {
    const user = userEvent.setup();
    const applied: ProcedureInput<'playbooks.applyMacro'>[] = [];
    const previews = mocks(applied);
    const onApplied = vi.fn();
    renderWithProviders(
      <MacroPicker
        conversationId={CONVERSATION_ID}
        opened
        onClose={() => {}}
        onApplied={onApplied}
      />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Apply a macro' });
    const search = within(dialog).getByLabelText('Search macros');
    expect(await within(dialog).findAllByRole('option')).toHaveLength(2);
    await user.type(search, 'refund');
    expect(
      within(dialog)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([expect.stringContaining('Refund confirmed')]);
    await user.keyboard('{Enter}');

    const amount = await within(dialog).findByRole('textbox', { name: /Refund amount/ });
    await user.type(amount, '12.5');
    await waitFor(() =>
      expect(within(dialog).getByTestId('macro-preview')).toHaveTextContent('We refunded €12.50.'),
    );
    expect(previews.at(-1)).toMatchObject({
      conversationId: CONVERSATION_ID,
      macroId: refund.id,
      fieldValues: { refund_amount: '12.5' },
    });
    expect(within(dialog).getByText('+ Refund requested')).toBeInTheDocument();
    expect(within(dialog).getByText('→ Resolved')).toBeInTheDocument();
    expect(within(dialog).getByText(/Check the payment log/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Send macro' }));
    await waitFor(() => expect(onApplied).toHaveBeenCalledTimes(1));
    expect(applied).toEqual([
      {
        conversationId: CONVERSATION_ID,
        macroId: refund.id,
        fieldValues: { refund_amount: '12.5' },
        clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    ]);
  }, 20_000);

  it('moves with the arrow keys and shows a refusal without closing', async () => {
    const user = userEvent.setup();
    const applied: ProcedureInput<'playbooks.applyMacro'>[] = [];
    mocks(applied, true);
    const onApplied = vi.fn();
    renderWithProviders(
      <MacroPicker
        conversationId={CONVERSATION_ID}
        opened
        onClose={() => {}}
        onApplied={onApplied}
      />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Apply a macro' });
    await within(dialog).findAllByRole('option');
    await user.click(within(dialog).getByLabelText('Search macros'));
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}{Enter}');
    const eta = await within(dialog).findByRole('textbox', {
      name: /How long until the driver arrives/,
    });
    await user.type(eta, '10 minutes');
    await user.click(within(dialog).getByRole('button', { name: 'Send macro' }));
    expect(
      await within(dialog).findByText(/Finish or skip the required playbook steps first/),
    ).toBeInTheDocument();
    expect(applied[0]).toMatchObject({ macroId: onTheWay.id, fieldValues: { eta: '10 minutes' } });
    expect(onApplied).not.toHaveBeenCalled();

    // A retry keeps its clientId, so a send whose answer was lost is stored once.
    await user.click(within(dialog).getByRole('button', { name: 'Send macro' }));
    await waitFor(() => expect(applied).toHaveLength(2));
    expect(applied[1]?.clientId).toBe(applied[0]?.clientId);
  }, 20_000);
});
