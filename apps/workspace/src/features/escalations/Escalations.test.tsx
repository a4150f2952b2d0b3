import {
  mockViewer,
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
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

const server = setupServer();
const presence = trpcMutationHandler({ 'live.presence': () => ({ ok: true as const }) });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeAll(() => server.use(presence));
afterEach(() => server.resetHandlers(presence));
afterAll(() => server.close());

const ESCALATION_ID = '55555555-5555-4555-8555-555555555555';
const SLA = {
  sev1: { acknowledgeMinutes: 15, resolveMinutes: 240 },
  sev2: { acknowledgeMinutes: 60, resolveMinutes: 480 },
  sev3: { acknowledgeMinutes: 240, resolveMinutes: 1440 },
  sev4: { acknowledgeMinutes: 480, resolveMinutes: 2880 },
};
const FINANCE_PATH = {
  teamKind: 'finance_payouts',
  teamName: 'Finance & Payouts',
  requiredFields: ['booking_reference', 'amount', 'steps_tried'] as (
    | 'booking_reference'
    | 'amount'
    | 'steps_tried'
  )[],
  sla: SLA,
};
const now = Date.now();

function escalationRow(overrides: Record<string, unknown> = {}) {
  return {
    id: ESCALATION_ID,
    number: 1042,
    conversationId: CONVERSATION_ID,
    conversationNumber: 1042,
    contactName: 'Marta Costa',
    teamKind: 'finance_payouts',
    ownerTeamId: '66666666-6666-4666-8666-666666666666',
    ownerTeamName: 'Finance & Payouts',
    severity: 'sev3',
    state: 'open',
    summary: 'Driver payout missing for week 47',
    fields: {
      booking_reference: 'LIS-8F3K2',
      amount: { amountMinor: 3_450, currency: 'EUR' },
      steps_tried: 'Checked the statement',
    },
    round: 1,
    sentAt: new Date(now - 3_600_000),
    acknowledgeDueAt: new Date(now + 3 * 3_600_000),
    resolveDueAt: new Date(now + 23 * 3_600_000),
    acknowledgedAt: null,
    resolvedAt: null,
    outcome: null,
    rejectionReason: null,
    rejectionNote: null,
    createdById: 'agent-1',
    createdByName: 'Ana Silva',
    assigneeId: null,
    assigneeName: null,
    updatedAt: new Date(now - 3_600_000),
    acknowledgeBreached: false,
    resolveBreached: false,
    ...overrides,
  };
}

function mockConversation(panel: ProcedureOutput<'escalations.forConversation'>) {
  server.use(
    trpcHandler({
      ...layoutMocks,
      'people.me': () => mockViewer(),
      'conversations.byId': () => conversationDetail(),
      'conversations.options': () => ({ tags: [], requestTypes: [], assignees: [], inboxes: [] }),
      'escalations.forConversation': () => panel,
      'guardrails.decide': () => ({ outcome: 'allow', reasons: [], policyVersion: 1 }),
      'playbooks.sopForConversation': () => null,
    }),
  );
}

describe('escalating from a conversation', () => {
  it('suggests the matching team and sends a handoff with the fields it requires', async () => {
    const user = userEvent.setup();
    mockConversation({
      escalations: [],
      suggestions: [
        {
          teamKind: 'finance_payouts',
          trigger: 'Driver payouts',
          severity: 'sev3',
          why: 'Finance & Payouts handles request type PAYOUT_MISSING (Driver payouts)',
        },
      ],
      paths: [FINANCE_PATH],
    });
    const sent: ProcedureInput<'escalations.create'>[] = [];
    let attempts = 0;
    server.use(
      http.post('*/trpc/escalations.create', async ({ request }) => {
        attempts += 1;
        // The client batches: the body is keyed by position, and so is the answer.
        const body = (await request.json()) as Record<
          string,
          { json: ProcedureInput<'escalations.create'> }
        >;
        if (attempts === 1) {
          const refusal = {
            message: 'fields.steps_tried: Say what was tried (at least 10 characters)',
            code: -32600,
            data: {
              code: 'BAD_REQUEST',
              httpStatus: 400,
              path: 'escalations.create',
              fieldErrors: [
                {
                  path: 'fields.steps_tried',
                  message: 'Say what was tried (at least 10 characters)',
                },
              ],
            },
          };
          return HttpResponse.json([{ error: { json: refusal } }], { status: 400 });
        }
        sent.push(body['0']!.json);
        return HttpResponse.json([
          { result: { data: { json: { id: ESCALATION_ID, number: 1042 } } } },
        ]);
      }),
    );
    renderRoutes({ path: `/conversations/${CONVERSATION_ID}`, routes: workspaceRoutes });
    const panel = within(await screen.findByRole('region', { name: 'Escalations' }));
    expect(panel.getByText(/handles request type PAYOUT_MISSING/)).toBeInTheDocument();
    await user.click(panel.getByRole('button', { name: 'Escalate to Finance & Payouts' }));

    const form = within(await screen.findByRole('dialog', { name: 'Escalate' }));
    expect(form.getByRole('textbox', { name: /Booking reference/ })).toHaveValue('LIS-8F3K2');
    await user.type(
      form.getByRole('textbox', { name: /What the team needs to do/ }),
      'Payout for week 47 missing',
    );
    await user.type(form.getByRole('textbox', { name: /^Amount/ }), '34.50');
    await user.type(form.getByRole('textbox', { name: /Steps already tried/ }), 'Checked');
    await user.click(form.getByRole('button', { name: 'Send escalation' }));
    expect(
      await form.findByText('Say what was tried (at least 10 characters)'),
    ).toBeInTheDocument();
    await user.type(
      form.getByRole('textbox', { name: /Steps already tried/ }),
      ' the weekly statement',
    );
    await user.click(form.getByRole('button', { name: 'Send escalation' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      conversationId: CONVERSATION_ID,
      teamKind: 'finance_payouts',
      severity: 'sev3',
      summary: 'Payout for week 47 missing',
      fields: {
        booking_reference: 'LIS-8F3K2',
        amount: { amountMinor: 3_450, currency: 'EUR' },
        steps_tried: 'Checked the weekly statement',
      },
    });
  });

  it('shows a returned escalation with its reason, ready to correct and resend', async () => {
    const user = userEvent.setup();
    mockConversation({
      escalations: [
        escalationRow({
          state: 'rejected',
          rejectionReason: 'missing_information',
          rejectionNote: 'Attach the payout statement',
        }),
      ],
      suggestions: [],
      paths: [FINANCE_PATH],
    });
    renderRoutes({ path: `/conversations/${CONVERSATION_ID}`, routes: workspaceRoutes });
    const panel = within(await screen.findByRole('region', { name: 'Escalations' }));
    expect(panel.getByText(/Missing information: Attach the payout statement/)).toBeInTheDocument();
    await user.click(panel.getByRole('button', { name: 'Correct and resend' }));
    const form = within(await screen.findByRole('dialog', { name: 'Correct and resend ESC-1042' }));
    expect(form.getByRole('textbox', { name: /What the team needs to do/ })).toHaveValue(
      'Driver payout missing for week 47',
    );
    expect(form.getByRole('textbox', { name: /^Amount/ })).toHaveValue('34.50');
  });
});

describe('the escalation page', () => {
  function mockEscalation(overrides: Record<string, unknown> = {}) {
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'escalations.byId': () =>
          ({
            ...escalationRow(overrides),
            matrixVersion: 3,
            context: {
              contact: {
                name: 'Marta Costa',
                audience: 'driver',
                email: null,
                phone: '+351 912 000 111',
                city: 'Lisbon',
              },
              booking: null,
              conversation: {
                number: 1042,
                channel: 'whatsapp',
                priority: 'P2',
                requestType: 'Payout missing',
                tags: ['payout'],
              },
              timeline: [
                {
                  at: new Date(now - 7_200_000).toISOString(),
                  from: 'Marta Costa',
                  text: 'My payout never arrived',
                },
              ],
              stepsTaken: ['Sent macro “Payout timing”'],
            },
            events: [
              {
                id: 'e1',
                type: 'sent',
                actorId: 'agent-1',
                actorName: 'Ana Silva',
                payload: {},
                at: new Date(now - 3_600_000),
              },
            ],
            moves: ['acknowledge', 'start', 'reject'],
            path: FINANCE_PATH,
          }) as unknown as ProcedureOutput<'escalations.byId'>,
      }),
    );
  }

  it('lets the owner team return it to support with a reason', async () => {
    const user = userEvent.setup();
    mockEscalation();
    const moves: ProcedureInput<'escalations.move'>[] = [];
    server.use(
      trpcMutationHandler({
        'escalations.move': (input) => {
          moves.push(input);
          return { id: ESCALATION_ID, state: 'rejected' };
        },
      }),
    );
    renderRoutes({ path: `/escalations/${ESCALATION_ID}`, routes: workspaceRoutes });
    expect(await screen.findByRole('heading', { name: 'ESC-1042' })).toBeInTheDocument();
    expect(screen.getByText('Sent macro “Payout timing”', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('My payout never arrived')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Return to support' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Return to support' }));
    await user.type(
      dialog.getByRole('textbox', { name: /What support should fix/ }),
      'Attach the statement',
    );
    await user.click(dialog.getByRole('button', { name: 'Return to support' }));
    await waitFor(() =>
      expect(moves).toEqual([
        {
          escalationId: ESCALATION_ID,
          move: 'reject',
          reason: 'missing_information',
          note: 'Attach the statement',
        },
      ]),
    );
  });

  it('says when a clock has run out', async () => {
    mockEscalation({ acknowledgeDueAt: new Date(now - 60_000), acknowledgeBreached: true });
    renderRoutes({ path: `/escalations/${ESCALATION_ID}`, routes: workspaceRoutes });
    expect(await screen.findByText('Breached')).toBeInTheDocument();
    expect(screen.getByText(/Acknowledge was due/)).toBeInTheDocument();
  });
});
