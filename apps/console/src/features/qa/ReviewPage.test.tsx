import {
  MockTRPCError,
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import {
  leadViewer,
  OTHER_LEAD_ID,
  REVIEW_ID,
  reviewDetail,
  TRAINER_ID,
  trainerViewer,
} from './qa-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const open = () => renderRoutes({ path: `/qa/reviews/${REVIEW_ID}`, routes: consoleRoutes });

describe('review page', () => {
  it('lets the reviewer score their draft beside the conversation and submit it', async () => {
    const submitted: ProcedureInput<'qa.submitReview'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => trainerViewer,
        'qa.review': () =>
          reviewDetail({
            status: 'draft',
            score: null,
            submittedAt: null,
            scores: {},
            comment: '',
          }),
      }),
      trpcMutationHandler({
        'qa.submitReview': (input) => {
          submitted.push(input);
          return { id: REVIEW_ID, score: 100, autoFailed: false };
        },
      }),
    );
    const user = userEvent.setup();
    open();

    const conversation = await screen.findByRole('region', { name: 'Conversation' });
    expect(
      within(conversation).getByText('Your driver is at door 3 and will be there in 5 minutes.'),
    ).toBeVisible();
    const panel = screen.getByRole('region', { name: 'Score the conversation' });
    expect(within(panel).getByText('0 of 3 criteria scored · pass mark 80%')).toBeVisible();

    const greeting = within(panel).getByRole('radiogroup', { name: 'Greets the guest by name' });
    await user.click(within(greeting).getByRole('radio', { name: '1' }));
    expect(within(panel).getByLabelText(/^Score 100%/)).toBeVisible();
    // The auto-fail criterion at the bottom of its scale fails the whole review.
    const privacy = within(panel).getByRole('radiogroup', { name: 'Protects personal data' });
    await user.click(within(privacy).getByRole('radio', { name: '0' }));
    expect(within(panel).getByText('This review fails automatically')).toBeVisible();
    await user.click(within(privacy).getByRole('radio', { name: '1' }));
    const feelings = within(panel).getByRole('radiogroup', {
      name: 'Acknowledges how the guest feels',
    });
    await user.click(within(feelings).getByRole('radio', { name: 'N/A' }));
    await user.type(within(panel).getByLabelText('Coaching comment'), 'Lovely work.');
    await user.click(within(panel).getByRole('button', { name: 'Submit to the agent' }));

    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0]).toEqual({
      id: REVIEW_ID,
      comment: 'Lovely work.',
      scores: {
        greets_by_name: { score: 1, comment: '' },
        protects_personal_data: { score: 1, comment: '' },
        acknowledges_feelings: { score: null, comment: '' },
      },
    });
  });

  it('says why a draft was not saved', async () => {
    server.use(
      trpcHandler({
        'people.me': () => trainerViewer,
        'qa.review': () =>
          reviewDetail({
            status: 'draft',
            score: null,
            submittedAt: null,
            scores: {},
            comment: '',
          }),
      }),
      trpcMutationHandler({
        'qa.saveDraft': () => {
          throw new MockTRPCError('FORBIDDEN', 'Only the reviewer who drafted it can change it');
        },
      }),
    );
    const user = userEvent.setup();
    open();
    const panel = await screen.findByRole('region', { name: 'Score the conversation' });
    await user.click(within(panel).getByRole('button', { name: 'Save draft' }));
    expect(
      await within(panel).findByText('Only the reviewer who drafted it can change it'),
    ).toBeVisible();
  });

  it('has a lead who did not write the review settle a dispute by revising the scores', async () => {
    const settled: ProcedureInput<'qa.settle'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => ({ ...leadViewer, id: OTHER_LEAD_ID }),
        'qa.review': () =>
          reviewDetail({
            status: 'disputed',
            disputeReason: 'I greeted the guest by name in my second message.',
            disputedAt: new Date('2026-03-12T09:00:00Z'),
          }),
      }),
      trpcMutationHandler({
        'qa.settle': (input) => {
          settled.push(input);
          return { id: REVIEW_ID, score: 80, outcome: 'revised' as const };
        },
      }),
    );
    const user = userEvent.setup();
    open();

    expect(
      await screen.findByText('I greeted the guest by name in my second message.'),
    ).toBeVisible();
    const scores = screen.getByRole('region', { name: 'Scores' });
    expect(within(scores).getByText('Open with the guest’s name.')).toBeVisible();
    const panel = screen.getByRole('region', { name: 'Settle the dispute' });
    await user.click(within(panel).getByRole('radio', { name: 'Revise the scores' }));
    const greeting = within(panel).getByRole('radiogroup', { name: 'Greets the guest by name' });
    await user.click(within(greeting).getByRole('radio', { name: '1' }));
    await user.type(
      within(panel).getByLabelText(/Note to the agent/),
      'Greeting was in the second message.',
    );
    await user.click(within(panel).getByRole('button', { name: 'Save the new scores' }));
    await waitFor(() => expect(settled).toHaveLength(1));
    expect(settled[0]).toMatchObject({
      id: REVIEW_ID,
      outcome: 'revised',
      note: 'Greeting was in the second message.',
      scores: expect.objectContaining({
        greets_by_name: { score: 1, comment: 'Open with the guest’s name.' },
      }),
    });
  });

  it('does not offer the reviewer or a trainer the settlement', async () => {
    server.use(
      trpcHandler({
        'people.me': () => trainerViewer,
        'qa.review': () =>
          reviewDetail({ status: 'disputed', reviewerId: TRAINER_ID, disputeReason: 'Not fair.' }),
      }),
    );
    open();
    expect(await screen.findByText('A team lead or an admin settles disputes.')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Settle the dispute' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Score the conversation' })).toBeNull();
  });
});
