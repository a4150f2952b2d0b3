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
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import { CRITERIA, SCORECARD_ID, trainerViewer, VERSION_ID } from './qa-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Scorecard = ProcedureOutput<'qa.scorecard'>;

function scorecard(overrides: Partial<Scorecard> = {}): Scorecard {
  return {
    id: SCORECARD_ID,
    code: 'GUEST_SUPPORT_QA',
    name: 'Guest support QA',
    description: 'Guests, every channel.',
    audience: 'guest',
    randomSamplePerAgent: 3,
    currentVersion: 2,
    currentVersionId: VERSION_ID,
    passMark: 80,
    criteria: CRITERIA,
    archivedAt: null,
    updatedAt: new Date('2026-03-01T10:00:00Z'),
    versions: [
      {
        id: VERSION_ID,
        version: 2,
        passMark: 80,
        createdAt: new Date('2026-03-01T10:00:00Z'),
        createdByName: 'Marta Figueiredo',
        reviewCount: 12,
        criteriaCount: 3,
      },
    ],
    ...overrides,
  };
}

describe('scorecard editor', () => {
  it('shows each criterion’s share, checks the form with the domain schema, and saves a new version', async () => {
    const saved: ProcedureInput<'qa.updateScorecard'>[] = [];
    server.use(
      trpcHandler({ 'people.me': () => trainerViewer, 'qa.scorecard': () => scorecard() }),
      trpcMutationHandler({
        'qa.updateScorecard': (input) => {
          saved.push(input);
          return { ...scorecard({ currentVersion: 3 }), newVersion: true };
        },
      }),
    );
    const user = userEvent.setup();
    renderRoutes({ path: `/qa/scorecards/${SCORECARD_ID}`, routes: consoleRoutes });

    const first = await screen.findByRole('listitem', { name: 'Criterion 1' });
    // Weights 1, 2, 2: the greeting is a fifth of the score.
    expect(within(first).getByText('20% of the score')).toBeVisible();
    expect(screen.getByText(/saves version 3/)).toBeVisible();
    expect(screen.getByRole('table', { name: 'Scorecard versions' })).toHaveTextContent(
      'v2 (current)',
    );

    const weight = within(first).getByRole('textbox', { name: 'Weight' });
    await user.clear(weight);
    await user.click(screen.getByRole('button', { name: 'Save scorecard' }));
    expect(await within(first).findByText('Weight: enter a number')).toBeVisible();
    expect(saved).toEqual([]);

    await user.type(weight, '3');
    expect(within(first).getByText('43% of the score')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Save scorecard' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({
      id: SCORECARD_ID,
      audience: 'guest',
      criteria: [
        expect.objectContaining({ id: 'greets_by_name', weight: 3 }),
        expect.anything(),
        expect.anything(),
      ],
    });
    expect(await screen.findByText('Saved as version 3: new reviews use it')).toBeVisible();
  });

  it('gives a new criterion an id from its label', async () => {
    const created: ProcedureInput<'qa.createScorecard'>[] = [];
    server.use(
      trpcHandler({ 'people.me': () => trainerViewer }),
      trpcMutationHandler({
        'qa.createScorecard': (input) => {
          created.push(input);
          return scorecard();
        },
      }),
    );
    const user = userEvent.setup();
    renderRoutes({ path: '/qa/scorecards/new', routes: consoleRoutes });
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'Driver QA');
    await user.type(screen.getByRole('textbox', { name: /^Code/ }), 'DRIVER_QA');
    const first = screen.getByRole('listitem', { name: 'Criterion 1' });
    await user.type(
      within(first).getByRole('textbox', { name: /^Criterion/ }),
      'Explains payouts clearly',
    );
    expect(within(first).getByText('explains_payouts_clearly')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Create scorecard' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]?.criteria[0]).toMatchObject({ id: 'explains_payouts_clearly', weight: 1 });
  });
});
