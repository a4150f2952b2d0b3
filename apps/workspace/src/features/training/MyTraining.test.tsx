import { mockViewer, renderRoutes, trpcHandler } from '@switchboard/ui/testing';
import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';
import { layoutMocks } from '../../test/fixtures.ts';
import { ENROLMENT_ID, enrolment, READING_ID } from './training-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('My training', () => {
  it('lists each curriculum with its modules in order, later ones locked', async () => {
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'training.mine': () => ({
          enrolments: [enrolment()],
          reacknowledge: [
            {
              enrolmentId: ENROLMENT_ID,
              moduleId: READING_ID,
              title: 'Re-acknowledge: Cancellation and refund v2',
            },
          ],
        }),
      }),
    );
    renderRoutes({ path: '/training', routes: workspaceRoutes });
    const card = await screen.findByRole('region', { name: 'Guest support onboarding' });
    expect(screen.getByRole('link', { name: 'My training' })).toBeInTheDocument();
    expect(within(card).getByText('Certifies you for Guest refunds')).toBeInTheDocument();
    expect(within(card).getByText(/1 of 3 modules complete/)).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Read the refund SOP' })).toHaveAttribute(
      'href',
      `/training/${ENROLMENT_ID}/modules/${READING_ID}`,
    );
    expect(within(card).getByRole('link', { name: 'Refund policy quiz' })).toBeInTheDocument();
    expect(within(card).queryByRole('link', { name: 'The refund action' })).toBeNull();
    expect(within(card).getByText(/Opens after “Refund policy quiz”/)).toBeInTheDocument();
    expect(within(card).getByText(/best score 50% · 2 attempts left/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Re-acknowledge: Cancellation and refund v2' }),
    ).toBeInTheDocument();
  });

  it('says so when there is no training yet', async () => {
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'training.mine': () => ({ enrolments: [], reacknowledge: [] }),
      }),
    );
    renderRoutes({ path: '/training', routes: workspaceRoutes });
    expect(await screen.findByText('No training yet')).toBeInTheDocument();
  });
});
