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
import { workspaceRoutes } from '../../router.tsx';
import { conversationDetail, layoutMocks } from '../../test/fixtures.ts';

const server = setupServer();
const presence = trpcMutationHandler({ 'live.presence': () => ({ ok: true as const }) });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeAll(() => server.use(presence));
afterEach(() => server.resetHandlers(presence));
afterAll(() => server.close());

type MyReview = ProcedureOutput<'qa.myReview'>;
type MyReviewRow = ProcedureOutput<'qa.myReviews'>['items'][number];

const REVIEW_ID = '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a0a1';
const agent = mockViewer({ role: 'agent' });
const DAY = 86_400_000;

function row(overrides: Partial<MyReviewRow> = {}): MyReviewRow {
  return {
    id: REVIEW_ID,
    status: 'submitted',
    sample: 'random',
    score: 66,
    autoFailed: false,
    passMark: 80,
    submittedAt: new Date(Date.now() - DAY),
    updatedAt: new Date(Date.now() - DAY),
    disputedAt: null,
    conversationId: '22222222-2222-4222-8222-222222222222',
    conversationNumber: 1042,
    subject: 'Driver did not show up at the airport',
    audience: 'guest',
    channel: 'whatsapp',
    agentId: agent.id,
    agentName: agent.name,
    reviewerId: 'trainer-helen',
    reviewerName: 'Helen Okafor',
    scorecardId: '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a0b1',
    scorecardName: 'Guest support QA',
    version: 2,
    ...overrides,
  };
}

function review(overrides: Partial<MyReview['review']> = {}): MyReview {
  const { pastConversations: _past, ...conversation } = conversationDetail();
  return {
    review: {
      ...row(),
      scorecardVersionId: '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a0b2',
      calibrationSessionId: null,
      calibrationStatus: null,
      scores: {
        greets_by_name: { score: 0, comment: 'Open with the guest’s name.' },
        resolves: { score: 4 },
      },
      comment: 'Solid work; greet by name.',
      acknowledgedAt: null,
      disputeReason: null,
      settledByName: null,
      settledAt: null,
      settlementNote: null,
      settlement: null,
      createdAt: new Date(Date.now() - 2 * DAY),
      disputableUntil: new Date(Date.now() + 13 * DAY),
      ...overrides,
    },
    scorecard: {
      id: '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a0b1',
      name: 'Guest support QA',
      version: 2,
      passMark: 80,
      criteria: [
        {
          id: 'greets_by_name',
          group: 'tone',
          label: 'Greets the guest by name',
          guidance: '',
          weight: 1,
          scale: { min: 0, max: 1 },
          allowNa: false,
          autoFail: false,
        },
        {
          id: 'resolves',
          group: 'resolution',
          label: 'Resolves it in this contact',
          guidance: '',
          weight: 3,
          scale: { min: 1, max: 5 },
          allowNa: false,
          autoFail: false,
        },
      ],
    },
    events: [],
    conversation,
  };
}

describe('my reviews', () => {
  it('lists the reviews waiting for the agent first', async () => {
    const inputs: ProcedureInput<'qa.myReviews'>[] = [];
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => agent,
        'qa.myOpenCount': () => 1,
        'qa.myReviews': (input) => {
          inputs.push(input);
          return { items: [row()], total: 1, limit: 25, offset: 0 };
        },
      }),
    );
    renderRoutes({ path: '/reviews', routes: workspaceRoutes });
    const table = await screen.findByRole('table', { name: 'My reviews' });
    expect(within(table).getByRole('link', { name: '#1042' })).toHaveAttribute(
      'href',
      `/reviews/${REVIEW_ID}`,
    );
    expect(within(table).getByText('Waiting for you')).toBeVisible();
    expect(inputs[0]).toMatchObject({ status: 'submitted' });
    expect(screen.getByRole('link', { name: 'My reviews' })).toBeVisible();
  });

  it('lets the agent read a review beside the conversation and dispute it with a reason', async () => {
    const disputes: ProcedureInput<'qa.dispute'>[] = [];
    server.use(
      trpcHandler({ ...layoutMocks, 'people.me': () => agent, 'qa.myReview': () => review() }),
      trpcMutationHandler({
        'live.presence': () => ({ ok: true as const }),
        'qa.dispute': (input) => {
          disputes.push(input);
          return undefined;
        },
      }),
    );
    const user = userEvent.setup();
    renderRoutes({ path: `/reviews/${REVIEW_ID}`, routes: workspaceRoutes });

    expect(await screen.findByText('Solid work; greet by name.')).toBeVisible();
    expect(screen.getByLabelText(/Score 66%, below the pass mark/)).toBeVisible();
    expect(screen.getByText('Open with the guest’s name.')).toBeVisible();
    expect(screen.getByRole('region', { name: 'Conversation' })).toBeVisible();

    const answer = screen.getByRole('region', { name: 'Your answer' });
    await user.click(within(answer).getByRole('radio', { name: 'Dispute' }));
    await user.type(
      within(answer).getByRole('textbox', { name: /Why/ }),
      'I greeted the guest by name in my second message.',
    );
    await user.click(within(answer).getByRole('button', { name: 'Send the dispute' }));
    await waitFor(() => expect(disputes).toHaveLength(1));
    expect(disputes[0]).toEqual({
      id: REVIEW_ID,
      reason: 'I greeted the guest by name in my second message.',
      criterionIds: [],
    });
  });

  it('acknowledges a review with a note', async () => {
    const acknowledged: ProcedureInput<'qa.acknowledge'>[] = [];
    server.use(
      trpcHandler({ ...layoutMocks, 'people.me': () => agent, 'qa.myReview': () => review() }),
      trpcMutationHandler({
        'live.presence': () => ({ ok: true as const }),
        'qa.acknowledge': (input) => {
          acknowledged.push(input);
          return undefined;
        },
      }),
    );
    const user = userEvent.setup();
    renderRoutes({ path: `/reviews/${REVIEW_ID}`, routes: workspaceRoutes });
    const answer = await screen.findByRole('region', { name: 'Your answer' });
    await user.type(
      within(answer).getByRole('textbox', { name: /Note to the reviewer/ }),
      'Will do.',
    );
    await user.click(within(answer).getByRole('button', { name: 'Acknowledge the review' }));
    await waitFor(() => expect(acknowledged).toEqual([{ id: REVIEW_ID, note: 'Will do.' }]));
  });

  it('shows the settlement of a dispute', async () => {
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => agent,
        'qa.myReview': () =>
          review({
            status: 'settled',
            settlement: 'revised',
            settledByName: 'Karim Mansour',
            settledAt: new Date(),
            settlementNote: 'The greeting was there; scored again.',
            disputeReason: 'I greeted the guest.',
            disputableUntil: null,
          }),
      }),
    );
    renderRoutes({ path: `/reviews/${REVIEW_ID}`, routes: workspaceRoutes });
    expect(await screen.findByText('Dispute settled: scores revised')).toBeVisible();
    expect(screen.getByText(/The greeting was there; scored again./)).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Your answer' })).toBeNull();
  });

  it('says a review that is not the agent’s is not found', async () => {
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => agent,
        'qa.myReview': () => {
          throw new MockTRPCError('NOT_FOUND', 'There is no such review');
        },
      }),
    );
    renderRoutes({ path: `/reviews/${REVIEW_ID}`, routes: workspaceRoutes });
    expect(await screen.findByText('Review not found')).toBeVisible();
  });
});
