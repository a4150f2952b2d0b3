import {
  mockViewer,
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  renderWithProviders,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';
import { CONVERSATION_ID, conversationDetail, layoutMocks } from '../../test/fixtures.ts';
import { ActionsPanel } from './ActionsPanel.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// Presence heartbeats of the conversation page are fire-and-forget; every test answers them.
const presence = trpcMutationHandler({ 'live.presence': () => ({ ok: true as const }) });
afterEach(() => server.resetHandlers(presence));
beforeAll(() => server.use(presence));
afterAll(() => server.close());

type Decision = ProcedureOutput<'guardrails.decide'>;
type DecideInput = ProcedureInput<'guardrails.decide'>;
type ProposeInput = ProcedureInput<'guardrails.propose'>;

const ALLOWED: Decision = {
  outcome: 'allow',
  reasons: ['Within the L1 refund limit for this booking'],
  policyVersion: 7,
};
const NEEDS_LEAD: Decision = {
  outcome: 'approval_required',
  approverRole: 'lead',
  reasons: [
    'A refund of €30.00 is above the L1 limit of €17.25 for this booking; a lead approves up to €34.50',
  ],
  policyVersion: 7,
};
const REFUSED: Decision = {
  outcome: 'deny',
  reasons: [
    'LOST_ITEM is not a reason code of this policy; choose one of DRIVER_NO_SHOW, SERVICE_ISSUE',
    'At most €34.50 can still be refunded on LIS-8F3K2: paid €34.50, refunded €0.00',
  ],
  policyVersion: 7,
};

function detail(reasonCode: string | null = null) {
  const base = conversationDetail();
  return {
    ...base,
    conversation: { ...base.conversation, requestTypeCode: 'PICKUP_ISSUE', reasonCode },
  };
}

const OPTIONS: ProcedureOutput<'conversations.options'> = {
  tags: [],
  requestTypes: [
    {
      code: 'PICKUP_ISSUE',
      name: 'Driver no-show',
      reasons: [
        { code: 'DRIVER_NO_SHOW', name: 'Driver did not show up' },
        { code: 'SERVICE_ISSUE', name: 'Service below standard' },
      ],
    },
  ],
  assignees: [],
  inboxes: [],
};

function mockDecide(answer: (input: DecideInput) => Decision) {
  const decided: DecideInput[] = [];
  server.use(
    trpcHandler({
      'conversations.options': () => OPTIONS,
      'guardrails.decide': (input) => {
        decided.push(input);
        return answer(input);
      },
    }),
  );
  return decided;
}

function renderPanel(reasonCode: string | null = null) {
  const { conversation, booking } = detail(reasonCode);
  renderWithProviders(<ActionsPanel conversation={conversation} booking={booking!} />);
  return within(screen.getByRole('region', { name: 'Actions' }));
}

describe('ActionsPanel on the conversation page', () => {
  const path = `/conversations/${CONVERSATION_ID}`;

  it('is not there when the conversation has no booking', async () => {
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'conversations.byId': () => ({ ...detail(), booking: null }),
        'conversations.options': () => OPTIONS,
      }),
    );
    renderRoutes({ path, routes: workspaceRoutes });
    expect(await screen.findByRole('region', { name: 'Classification' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Actions' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /^Booking/ })).not.toBeInTheDocument();
  });

  it('records an allowed refund, refreshes the timeline and starts over', async () => {
    const user = userEvent.setup();
    let detailReads = 0;
    const proposed: ProposeInput[] = [];
    const decided: DecideInput[] = [];
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'conversations.byId': () => {
          detailReads += 1;
          return detail('DRIVER_NO_SHOW');
        },
        'conversations.options': () => OPTIONS,
        'guardrails.decide': (input) => {
          decided.push(input);
          return ALLOWED;
        },
      }),
      trpcMutationHandler({
        'guardrails.propose': (input) => {
          proposed.push(input);
          return { decisionId: 'd-1', requestId: null, decision: ALLOWED };
        },
      }),
    );
    renderRoutes({ path, routes: workspaceRoutes });
    const panel = within(await screen.findByRole('region', { name: 'Actions' }));
    expect(panel.getByText('On booking LIS-8F3K2, paid €34.50')).toBeInTheDocument();
    // The conversation's reason is the starting reason code.
    expect(panel.getByRole('combobox', { name: /Reason code/ })).toHaveValue('DRIVER_NO_SHOW');

    await user.type(panel.getByRole('textbox', { name: /Amount/ }), '12.5');
    await user.type(panel.getByRole('combobox', { name: /Evidence/ }), 'gps trace{Enter}');
    await user.type(panel.getByRole('textbox', { name: /Note/ }), 'Driver never arrived');
    const submit = await panel.findByRole('button', { name: 'Refund €12.50' });
    await waitFor(() => expect(submit).toBeEnabled());
    const readsBefore = detailReads;
    await user.click(submit);

    expect(await screen.findByText('Refund of €12.50 recorded')).toBeInTheDocument();
    expect(proposed).toEqual([
      {
        conversationId: CONVERSATION_ID,
        action: {
          kind: 'refund',
          amount: { amountMinor: 1250, currency: 'EUR' },
          reasonCode: 'DRIVER_NO_SHOW',
          evidence: ['gps_trace'],
        },
        note: 'Driver never arrived',
      },
    ]);
    await waitFor(() => expect(detailReads).toBeGreaterThan(readsBefore));
    expect(panel.getByRole('textbox', { name: /Amount/ })).toHaveValue('');
    expect(panel.getByRole('textbox', { name: /Note/ })).toHaveValue('');
    expect(panel.getByRole('button', { name: 'Refund' })).toBeDisabled();
  });
});

describe('ActionsPanel', () => {
  it('shows the live decision as the agent types, with its reasons and policy version', async () => {
    const user = userEvent.setup();
    const decided = mockDecide((input) =>
      input.action.kind === 'refund' && input.action.amount.amountMinor > 2000
        ? NEEDS_LEAD
        : ALLOWED,
    );
    const panel = renderPanel();
    expect(panel.getByText(/Enter the amount and a reason code/)).toBeInTheDocument();

    await user.type(panel.getByRole('combobox', { name: /Reason code/ }), 'DRIVER_NO_SHOW');
    await user.type(panel.getByRole('textbox', { name: /Amount/ }), '12.5');
    const allowed = await panel.findByRole('status', { name: 'Allowed' });
    expect(allowed).toHaveTextContent('Within the L1 refund limit for this booking');
    expect(allowed).toHaveTextContent('Policy version 7');
    await waitFor(() => expect(panel.getByRole('button', { name: 'Refund €12.50' })).toBeEnabled());
    // Debounced: asked about what was typed, not about every key on the way.
    expect(decided.length).toBeLessThan(5);
    expect(decided.at(-1)).toEqual({
      conversationId: CONVERSATION_ID,
      action: {
        kind: 'refund',
        amount: { amountMinor: 1250, currency: 'EUR' },
        reasonCode: 'DRIVER_NO_SHOW',
        evidence: [],
      },
    });

    const amount = panel.getByRole('textbox', { name: /Amount/ });
    await user.clear(amount);
    await user.type(amount, '30');
    const approval = await panel.findByRole('status', { name: 'Needs approval by a lead' });
    expect(approval).toHaveTextContent(/above the L1 limit of €17\.25/);
    await waitFor(() =>
      expect(panel.getByRole('button', { name: 'Ask a lead to approve' })).toBeEnabled(),
    );
  });

  it('sends an approval to a lead and says so', async () => {
    const user = userEvent.setup();
    mockDecide(() => NEEDS_LEAD);
    const proposed: ProposeInput[] = [];
    server.use(
      trpcMutationHandler({
        'guardrails.propose': (input) => {
          proposed.push(input);
          return { decisionId: 'd-2', requestId: 'r-2', decision: NEEDS_LEAD };
        },
      }),
    );
    const panel = renderPanel('SERVICE_ISSUE');
    await user.click(panel.getByRole('radio', { name: 'Goodwill gesture' }));
    await user.click(panel.getByRole('radio', { name: 'Voucher' }));
    await user.type(panel.getByRole('textbox', { name: /Amount/ }), '30');
    const submit = await panel.findByRole('button', { name: 'Ask a lead to approve' });
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);
    expect(await screen.findByText('Sent to a lead for approval')).toBeInTheDocument();
    expect(proposed).toEqual([
      {
        conversationId: CONVERSATION_ID,
        action: {
          kind: 'gesture',
          amount: { amountMinor: 3000, currency: 'EUR' },
          reasonCode: 'SERVICE_ISSUE',
          form: 'voucher',
        },
        note: '',
      },
    ]);
  });

  it('shows a refusal with every reason, offers the codes it names and cannot be submitted', async () => {
    const user = userEvent.setup();
    // A policy whose codes the taxonomy does not list: the refusal is what names them.
    server.use(
      trpcHandler({
        'conversations.options': () => ({ ...OPTIONS, requestTypes: [] }),
        'guardrails.decide': () => REFUSED,
      }),
    );
    const panel = renderPanel();
    await user.type(panel.getByRole('combobox', { name: /Reason code/ }), 'lost item');
    await user.type(panel.getByRole('textbox', { name: /Amount/ }), '40');
    const refused = await panel.findByRole('status', { name: 'Refused' });
    expect(refused).toHaveTextContent(/LOST_ITEM is not a reason code of this policy/);
    expect(refused).toHaveTextContent(/At most €34\.50 can still be refunded/);
    expect(panel.getByRole('button', { name: 'Refund €40.00' })).toBeDisabled();

    const reason = panel.getByRole('combobox', { name: /Reason code/ });
    await user.clear(reason);
    await user.click(reason);
    const listbox = await waitFor(() => {
      const id = reason.getAttribute('aria-controls');
      expect(id).toBeTruthy();
      return document.getElementById(id ?? '')!;
    });
    expect(
      within(listbox)
        .getAllByRole('option', { hidden: true })
        .map((option) => option.textContent),
    ).toEqual(['DRIVER_NO_SHOW', 'SERVICE_ISSUE']);
    await user.click(within(listbox).getByRole('option', { name: 'SERVICE_ISSUE', hidden: true }));
    expect(reason).toHaveValue('SERVICE_ISSUE');
  });

  it('converts the amount to minor units from its digits, without float drift', async () => {
    const user = userEvent.setup();
    const decided = mockDecide(() => ALLOWED);
    const panel = renderPanel('DRIVER_NO_SHOW');
    const amount = panel.getByRole('textbox', { name: /Amount/ });
    const lastAmount = () => {
      const action = decided.at(-1)?.action;
      return action?.kind === 'refund' ? action.amount : null;
    };

    await user.type(amount, '0.29');
    await waitFor(() => expect(lastAmount()).toEqual({ amountMinor: 29, currency: 'EUR' }));
    await user.clear(amount);
    await user.type(amount, '4.35');
    await waitFor(() => expect(lastAmount()).toEqual({ amountMinor: 435, currency: 'EUR' }));
    await user.clear(amount);
    await user.type(amount, '0,3');
    await waitFor(() => expect(lastAmount()).toEqual({ amountMinor: 30, currency: 'EUR' }));
    // Two decimals for euros: a third is not taken.
    await user.clear(amount);
    await user.type(amount, '1.155');
    expect(amount).toHaveValue('1.15');
    await waitFor(() => expect(lastAmount()).toEqual({ amountMinor: 115, currency: 'EUR' }));
  });

  it('shows a refusal of the amount on the amount field', async () => {
    const user = userEvent.setup();
    server.use(
      http.get('*/trpc/guardrails.decide', () =>
        HttpResponse.json(
          [
            {
              error: {
                json: {
                  message: 'action.amount.amountMinor: The amount must be more than zero',
                  code: -32600,
                  data: {
                    code: 'BAD_REQUEST',
                    httpStatus: 400,
                    path: 'guardrails.decide',
                    fieldErrors: [
                      {
                        path: 'action.amount.amountMinor',
                        message: 'action.amount.amountMinor: The amount must be more than zero',
                      },
                    ],
                  },
                },
              },
            },
          ],
          { status: 400 },
        ),
      ),
      trpcHandler({ 'conversations.options': () => OPTIONS }),
    );
    const panel = renderPanel('DRIVER_NO_SHOW');
    const amount = panel.getByRole('textbox', { name: /Amount/ });
    await user.type(amount, '0');
    expect(await panel.findByText('The amount must be more than zero')).toBeInTheDocument();
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveAccessibleDescription(/The amount must be more than zero/);
    expect(panel.getByRole('button', { name: 'Refund €0.00' })).toBeDisabled();
  });

  it('sends driver adjustments to Finance & Payouts, not through the panel', async () => {
    const user = userEvent.setup();
    mockDecide(() => ({
      outcome: 'deny',
      reasons: [
        'Driver earnings and fines are not decided by support: escalate to Finance & Payouts',
      ],
      policyVersion: 7,
      escalateTo: 'finance_payouts',
    }));
    const panel = renderPanel();
    await user.click(panel.getByRole('radio', { name: 'Driver adjustment' }));
    expect(panel.getByText(/go to Finance & Payouts as an escalation/)).toBeInTheDocument();
    await user.type(panel.getByRole('textbox', { name: /Amount/ }), '15');
    await user.type(
      panel.getByRole('textbox', { name: /What the adjustment is for/ }),
      'Waiting time not paid',
    );
    const decision = await panel.findByRole('status', { name: 'Goes to Finance & Payouts' });
    expect(decision).toHaveTextContent(/escalate to Finance & Payouts/);
    // Without a place to escalate to (the conversation page gives one), nothing to press.
    expect(panel.getByRole('button', { name: 'Escalate to Finance & Payouts' })).toBeDisabled();
  });

  it('hands a driver adjustment to the escalation form with its amount and reason', async () => {
    const user = userEvent.setup();
    mockDecide(() => ({
      outcome: 'deny',
      reasons: [
        'Driver earnings and fines are not decided by support: escalate to Finance & Payouts',
      ],
      policyVersion: 7,
      escalateTo: 'finance_payouts',
    }));
    const escalated: unknown[] = [];
    const { conversation, booking } = detail();
    renderWithProviders(
      <ActionsPanel
        conversation={conversation}
        booking={booking!}
        onEscalate={(prefill) => escalated.push(prefill)}
      />,
    );
    const panel = within(screen.getByRole('region', { name: 'Actions' }));
    await user.click(panel.getByRole('radio', { name: 'Driver adjustment' }));
    await user.type(panel.getByRole('textbox', { name: /Amount/ }), '15');
    await user.type(
      panel.getByRole('textbox', { name: /What the adjustment is for/ }),
      'Waiting time not paid',
    );
    await user.click(panel.getByRole('button', { name: 'Escalate to Finance & Payouts' }));
    expect(escalated).toEqual([
      {
        teamKind: 'finance_payouts',
        severity: 'sev3',
        amountMinor: 1_500,
        summary: 'Driver earnings adjustment: Waiting time not paid',
      },
    ]);
  });
});
