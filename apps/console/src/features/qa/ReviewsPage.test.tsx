import {
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
import { pickOption } from '../incidents/pick-option.ts';
import {
  FILTER_OPTIONS,
  LEAD_ID,
  leadViewer,
  REVIEW_ID,
  reviewDetail,
  reviewRow,
  SCORECARD_ID,
} from './qa-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type ListInput = ProcedureInput<'qa.reviews'>;

describe('reviews page', () => {
  it('opens on the viewer’s drafts and lists disputes on their tab', async () => {
    const inputs: ListInput[] = [];
    server.use(
      trpcHandler({
        'people.me': () => leadViewer,
        'qa.filterOptions': () => FILTER_OPTIONS,
        'qa.reviews': (input) => {
          inputs.push(input);
          return input.status === 'disputed'
            ? {
                items: [reviewRow({ status: 'disputed', score: 45 })],
                total: 1,
                limit: 50,
                offset: 0,
              }
            : { items: [], total: 0, limit: 50, offset: 0 };
        },
      }),
    );
    const user = userEvent.setup();
    renderRoutes({ path: '/qa', routes: consoleRoutes });

    expect(await screen.findByText('No drafts of yours')).toBeVisible();
    expect(inputs[0]).toMatchObject({ status: 'draft', reviewerId: LEAD_ID });
    expect(screen.getByRole('tab', { name: 'Reviews', selected: true })).toBeVisible();

    await user.click(screen.getByRole('tab', { name: /Disputed/ }));
    const table = await screen.findByRole('table', { name: 'Disputed reviews' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByRole('link', { name: '#10423' })).toHaveAttribute(
      'href',
      `/qa/reviews/${REVIEW_ID}`,
    );
    expect(within(row).getByText('Ana Silva')).toBeVisible();
    expect(within(row).getByLabelText(/Score 45%, below the pass mark/)).toBeVisible();
    expect(inputs.at(-1)).toMatchObject({ status: 'disputed' });
    expect(inputs.at(-1)?.reviewerId).toBeUndefined();
  });

  it('starts a review of a conversation picked by its number', async () => {
    const started: ProcedureInput<'qa.startReview'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => leadViewer,
        'qa.filterOptions': () => FILTER_OPTIONS,
        'qa.reviews': () => ({ items: [], total: 0, limit: 50, offset: 0 }),
        'qa.review': () =>
          reviewDetail({ status: 'draft', reviewerId: LEAD_ID, score: null, scores: {} }),
      }),
      trpcMutationHandler({
        'qa.startReview': (input) => {
          started.push(input);
          return { id: REVIEW_ID, existing: false };
        },
      }),
    );
    const user = userEvent.setup();
    const { router } = renderRoutes({ path: '/qa/reviews', routes: consoleRoutes });
    await user.click(await screen.findByRole('button', { name: 'Review a conversation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Review a conversation' });
    await pickOption(
      within(dialog).getByRole('combobox', { name: 'Scorecard' }),
      'Guest support QA',
    );
    await user.type(within(dialog).getByRole('textbox', { name: /Conversation number/ }), '10423');
    await user.click(within(dialog).getByRole('button', { name: 'Start the review' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/qa/reviews/${REVIEW_ID}`));
    expect(started).toEqual([
      { scorecardId: SCORECARD_ID, sample: 'manual', conversationNumber: 10423 },
    ]);
  });
});
