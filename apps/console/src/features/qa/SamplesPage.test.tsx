import {
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import {
  AGENT_ID,
  CONVERSATION_ID,
  FILTER_OPTIONS,
  LEAD_ID,
  leadViewer,
  REVIEW_ID,
  reviewDetail,
  SCORECARD_ID,
} from './qa-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-15T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

type Sample = ProcedureOutput<'qa.sample'>;

function sample(input: ProcedureInput<'qa.sample'>): Sample {
  return {
    scorecard: {
      id: SCORECARD_ID,
      name: 'Guest support QA',
      audience: 'guest',
      randomSamplePerAgent: 3,
    },
    week: {
      start: input.weekStart,
      from: new Date('2026-03-02T00:00:00Z'),
      to: new Date('2026-03-09T00:00:00Z'),
    },
    items: [
      {
        conversationId: CONVERSATION_ID,
        number: 10423,
        subject: 'Driver not at arrivals',
        audience: 'guest',
        channel: 'whatsapp',
        resolvedAt: new Date('2026-03-04T10:00:00Z'),
        csatRating: 2,
        agentId: AGENT_ID,
        agentName: 'Ana Silva',
        reason: input.list === 'low_csat' ? 'Rated 2/5' : 'Random draw · rated 2/5',
        reviews: [],
      },
    ],
    total: 1,
    limit: 50,
    offset: 0,
    progress:
      input.list === 'random'
        ? [{ agentId: AGENT_ID, agentName: 'Ana Silva', sampled: 3, reviewed: 1 }]
        : [],
  };
}

describe('samples page', () => {
  it('draws last week’s random sample, shows progress, and starts a review from it', async () => {
    const inputs: ProcedureInput<'qa.sample'>[] = [];
    const started: ProcedureInput<'qa.startReview'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => leadViewer,
        'qa.filterOptions': () => FILTER_OPTIONS,
        'qa.sample': (input) => {
          inputs.push(input);
          return sample(input);
        },
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
    const { router } = renderRoutes({ path: '/qa/samples', routes: consoleRoutes });

    const table = await screen.findByRole('table', { name: 'Random sample' });
    expect(inputs[0]).toMatchObject({
      scorecardId: SCORECARD_ID,
      list: 'random',
      weekStart: '2026-03-02',
      timeZone: 'Europe/Lisbon',
    });
    expect(screen.getByText('2–8 Mar 2026')).toBeVisible();
    expect(screen.getByText('1 of 3 reviewed')).toBeVisible();
    expect(within(table).getByText('Random draw · rated 2/5')).toBeVisible();

    await user.click(screen.getByRole('radio', { name: 'Low CSAT' }));
    await waitFor(() => expect(inputs.at(-1)).toMatchObject({ list: 'low_csat' }));
    const lowCsat = await screen.findByRole('table', { name: 'Low CSAT sample' });
    await user.click(within(lowCsat).getByRole('button', { name: 'Review' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/qa/reviews/${REVIEW_ID}`));
    expect(started).toEqual([
      { scorecardId: SCORECARD_ID, sample: 'low_csat', conversationId: CONVERSATION_ID },
    ]);
  });
});
