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
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import { refusal } from '../../test/trpc-answers.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type ApprovalPage = ProcedureOutput<'guardrails.approvals'>;
type ApprovalItem = ApprovalPage['items'][number];
type ListInput = ProcedureInput<'guardrails.approvals'>;
type AnswerInput = ProcedureInput<'guardrails.answerApproval'>;

const OVERDUE_ID = '51515151-5151-4151-8151-515151515151';
const ON_TIME_ID = '52525252-5252-4252-8252-525252525252';
const CONVERSATION_ID = '53535353-5353-4353-8353-535353535353';

function approval(overrides: Partial<ApprovalItem> = {}): ApprovalItem {
  return {
    requestId: OVERDUE_ID,
    decisionId: '54545454-5454-4454-8454-545454545454',
    conversationId: CONVERSATION_ID,
    conversationNumber: 1042,
    approverRole: 'lead',
    dueAt: new Date(Date.now() - 30 * 60_000),
    requestedAt: new Date(Date.now() - 150 * 60_000),
    requestedById: '77777777-7777-4777-8777-777777777777',
    requestedByName: 'João Pereira',
    kind: 'refund',
    action: {
      kind: 'refund',
      amount: { amountMinor: 8000, currency: 'EUR' },
      reasonCode: 'DRIVER_NO_SHOW',
      evidence: ['gps_trace'],
    },
    reasons: ['Above what an L1 agent refunds without approval (€50.00)'],
    amountMinor: 8000,
    currency: 'EUR',
    policyVersion: 7,
    outcome: null,
    answeredAt: null,
    answerNote: null,
    ...overrides,
  };
}

const onTime = approval({
  requestId: ON_TIME_ID,
  conversationId: '55555555-5555-4555-8555-555555555555',
  conversationNumber: 1043,
  approverRole: 'finance',
  dueAt: new Date(Date.now() + 3 * 3_600_000),
  requestedAt: new Date(Date.now() - 30 * 60_000),
  requestedByName: 'Marta Costa',
  kind: 'gesture',
  action: {
    kind: 'gesture',
    amount: { amountMinor: 20_000, currency: 'AED' },
    reasonCode: 'LATE_PICKUP',
    form: 'voucher',
  },
  reasons: ['Above the customer’s cap: AED 2,000.00 in 30 days'],
  amountMinor: 20_000,
  currency: 'AED',
});

function page(items: ApprovalItem[]): ApprovalPage {
  return { items, total: items.length, roles: ['lead', 'finance'] };
}

function approvalsQuery(answer: (input: ListInput) => ApprovalPage, requests: ListInput[] = []) {
  return trpcHandler({
    'people.me': () => mockViewer({ role: 'lead', name: 'Lena Lead' }),
    'guardrails.approvals': (input) => {
      requests.push(input);
      return answer(input);
    },
  });
}

function rowOf(number: number): HTMLElement {
  return screen.getByRole('link', { name: `#${number}` }).closest('tr') as HTMLElement;
}

describe('approvals queue', () => {
  it('lists waiting requests oldest due first, marking the overdue ones', async () => {
    const user = userEvent.setup();
    const requests: ListInput[] = [];
    server.use(
      approvalsQuery(
        (input) =>
          input.state === 'answered'
            ? page([
                approval({
                  outcome: 'rejected',
                  answeredAt: new Date(),
                  answerNote: 'Offer a voucher instead',
                }),
              ])
            : page([approval(), onTime]),
        requests,
      ),
    );
    const { router } = renderRoutes({ path: '/approvals', routes: consoleRoutes });

    await screen.findByRole('table', { name: 'Waiting approvals' });
    expect(requests[0]).toMatchObject({ state: 'waiting', limit: 50, offset: 0 });
    const overdue = rowOf(1042);
    expect(within(overdue).getByRole('link', { name: '#1042' })).toHaveAttribute(
      'href',
      `/workspace/conversations/${CONVERSATION_ID}`,
    );
    expect(within(overdue).getByRole('link', { name: '#1042' })).toHaveAttribute(
      'target',
      '_blank',
    );
    expect(within(overdue).getByText('Refund of €80.00')).toBeInTheDocument();
    expect(within(overdue).getByText('DRIVER_NO_SHOW · policy v7')).toBeInTheDocument();
    expect(within(overdue).getByText('João Pereira')).toBeInTheDocument();
    expect(
      within(overdue).getByText('Above what an L1 agent refunds without approval (€50.00)'),
    ).toBeInTheDocument();
    expect(within(overdue).getByText('Overdue')).toBeInTheDocument();
    expect(within(overdue).getByText('Team lead')).toBeInTheDocument();

    const later = rowOf(1043);
    expect(within(later).getByText('Goodwill gesture of AED 200.00')).toBeInTheDocument();
    expect(within(later).getByText('Finance & Payouts')).toBeInTheDocument();
    expect(within(later).queryByText('Overdue')).toBeNull();
    expect(within(later).getByText('in 3 hours')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Approvals' })).toHaveAttribute('aria-current', 'page');

    await user.click(screen.getByRole('tab', { name: 'Answered' }));
    const answered = await screen.findByRole('table', { name: 'Answered approvals' });
    expect(router.state.location.search).toBe('?state=answered');
    expect(within(answered).getByText('Rejected')).toBeInTheDocument();
    expect(within(answered).getByText('“Offer a voucher instead”')).toBeInTheDocument();
    expect(within(answered).queryByRole('button', { name: /Approve/ })).toBeNull();
  });

  it('approves with an optional note and refreshes the queue', async () => {
    const user = userEvent.setup();
    const answers: AnswerInput[] = [];
    const requests: ListInput[] = [];
    server.use(
      approvalsQuery(() => page(answers.length > 0 ? [onTime] : [approval(), onTime]), requests),
      trpcMutationHandler({
        'guardrails.answerApproval': (input) => {
          answers.push(input);
          return { requestId: input.requestId, outcome: input.outcome };
        },
      }),
    );
    renderRoutes({ path: '/approvals', routes: consoleRoutes });
    await screen.findByRole('table', { name: 'Waiting approvals' });

    await user.click(within(rowOf(1042)).getByRole('button', { name: 'Approve #1042' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve #1042?' });
    expect(
      within(dialog).getByText('Refund of €80.00, asked by João Pereira.'),
    ).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/Note for the agent/), 'GPS confirms it.');
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));

    await waitFor(() => expect(answers).toHaveLength(1));
    expect(answers[0]).toEqual({
      requestId: OVERDUE_ID,
      outcome: 'approved',
      note: 'GPS confirms it.',
    });
    await waitFor(() => expect(screen.queryByRole('link', { name: '#1042' })).toBeNull());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.length).toBeGreaterThanOrEqual(2);
  });

  it('requires a note to reject', async () => {
    const user = userEvent.setup();
    const answers: AnswerInput[] = [];
    server.use(
      approvalsQuery(() => page([approval()])),
      trpcMutationHandler({
        'guardrails.answerApproval': (input) => {
          answers.push(input);
          return { requestId: input.requestId, outcome: input.outcome };
        },
      }),
    );
    renderRoutes({ path: '/approvals', routes: consoleRoutes });
    await screen.findByRole('table', { name: 'Waiting approvals' });

    await user.click(screen.getByRole('button', { name: 'Reject #1042' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject #1042?' });
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    expect(
      await within(dialog).findByText('Say why, so the agent can tell the customer'),
    ).toBeInTheDocument();
    expect(answers).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Note for the agent/), 'Offer a voucher instead');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(answers).toHaveLength(1));
    expect(answers[0]).toEqual({
      requestId: OVERDUE_ID,
      outcome: 'rejected',
      note: 'Offer a voucher instead',
    });
  });

  it('refreshes the queue and says so when someone answered first', async () => {
    const user = userEvent.setup();
    let answeredElsewhere = false;
    server.use(
      approvalsQuery(() => page(answeredElsewhere ? [onTime] : [approval(), onTime])),
      http.post('*/trpc/guardrails.answerApproval', () => {
        answeredElsewhere = true;
        return refusal(
          'guardrails.answerApproval',
          'CONFLICT',
          'requestId',
          'requestId: This request has been answered already',
        );
      }),
    );
    renderRoutes({ path: '/approvals', routes: consoleRoutes });
    await screen.findByRole('table', { name: 'Waiting approvals' });

    await user.click(screen.getByRole('button', { name: 'Approve #1042' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve #1042?' });
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));

    expect(await screen.findByText('Answered already')).toBeInTheDocument();
    expect(
      screen.getByText('Someone answered this request before you; the queue is refreshed.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('link', { name: '#1042' })).toBeNull());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows why a request is not the viewer’s to answer', async () => {
    const user = userEvent.setup();
    server.use(
      approvalsQuery(() => page([approval()])),
      trpcMutationHandler({
        'guardrails.answerApproval': () => {
          throw new MockTRPCError(
            'FORBIDDEN',
            'requestId: Someone else approves what you asked for',
          );
        },
      }),
    );
    renderRoutes({ path: '/approvals', routes: consoleRoutes });
    await screen.findByRole('table', { name: 'Waiting approvals' });

    await user.click(screen.getByRole('button', { name: 'Approve #1042' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve #1042?' });
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    const alert = await within(dialog).findByRole('alert', { name: 'Not yours to answer' });
    expect(within(alert).getByText('Someone else approves what you asked for')).toBeInTheDocument();
  });

  it('tells someone who answers no approvals so', async () => {
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'trainer' }),
        'guardrails.approvals': () => {
          throw new MockTRPCError('FORBIDDEN', 'You answer no approvals');
        },
      }),
    );
    renderRoutes({ path: '/approvals', routes: consoleRoutes });
    expect(await screen.findByText('You answer no approvals')).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Waiting' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});
