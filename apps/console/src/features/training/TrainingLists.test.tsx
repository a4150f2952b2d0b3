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
import { trainerViewer } from '../incidents/incident-fixtures.ts';
import { pickOption } from '../incidents/pick-option.ts';
import { sessionRoutes } from '../incidents/session-routes.tsx';
import { TeamPlansPage } from './TeamPlansPage.tsx';
import { TraineesPage } from './TraineesPage.tsx';
import { CURRICULUM_ID, ENROLMENT_ID, summary, TRAINEE_ID } from './training-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const routes = sessionRoutes([
  { path: '/training/trainees', element: <TraineesPage /> },
  { path: '/training/plans', element: <TeamPlansPage /> },
]);
const TEAM_ID = '99999999-9999-4999-8999-999999999999';
const PAYOUTS_ID = '7a7a7a7a-7a7a-4a7a-8a7a-7a7a7a7a7a7b';

function listed(id: string, name: string) {
  return {
    id,
    code: name.toUpperCase().replaceAll(' ', '_'),
    name,
    description: '',
    certificationId: null,
    certificationName: null,
    requiresSignOff: false,
    archivedAt: null,
    updatedAt: new Date(),
    moduleCount: 2,
    enrolledCount: 0,
    completedCount: 0,
    inTeamPlans: [],
  };
}

describe('training lists', () => {
  it('shows everyone in training with what waits on a trainer, filtered', async () => {
    const user = userEvent.setup();
    const requests: ProcedureInput<'training.trainees'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => trainerViewer,
        'training.trainees': (input) => {
          requests.push(input);
          return {
            items: [
              {
                enrolmentId: ENROLMENT_ID,
                userId: TRAINEE_ID,
                name: 'Tomás Ferreira',
                email: 'tomas.ferreira@switchboard.test',
                curriculumId: CURRICULUM_ID,
                curriculumName: 'Guest support onboarding',
                enrolledAt: new Date(),
                dueAt: null,
                completedAt: null,
                summary: summary({ awaitingMarking: 1, awaitingSignOff: 1 }),
              },
            ],
            total: 1,
            limit: 50,
            offset: 0,
          };
        },
      }),
    );
    renderRoutes({ path: '/training/trainees', routes });
    const table = await screen.findByRole('table', { name: 'Trainees' });
    expect(within(table).getByText('1 to mark · 1 to sign off')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Tomás Ferreira' })).toHaveAttribute(
      'href',
      `/training/people/${TRAINEE_ID}`,
    );
    expect(requests[0]).toEqual({ filter: 'active', limit: 50, offset: 0 });
    await user.click(screen.getByText('Overdue'));
    await waitFor(() => expect(requests.at(-1)).toMatchObject({ filter: 'overdue' }));
  });

  it('sets the curricula a team’s new hires get', async () => {
    const user = userEvent.setup();
    const saved: ProcedureInput<'training.setTeamPlan'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => trainerViewer,
        'training.curricula': () => [
          listed(CURRICULUM_ID, 'Guest support onboarding'),
          listed(PAYOUTS_ID, 'Driver payouts'),
        ],
        'training.teamPlans': () => [
          {
            id: TEAM_ID,
            code: 'SUPPORT_L1',
            name: 'Support L1',
            kind: 'support_l1',
            curricula: [
              {
                curriculumId: CURRICULUM_ID,
                code: 'GUEST_ONBOARDING',
                name: 'Guest support onboarding',
              },
            ],
          },
        ],
      }),
      trpcMutationHandler({
        'training.setTeamPlan': (input) => {
          saved.push(input);
          return input;
        },
      }),
    );
    renderRoutes({ path: '/training/plans', routes });
    const card = await screen.findByRole('region', { name: 'Support L1' });
    expect(within(card).getByRole('button', { name: 'Save plan' })).toBeDisabled();
    await pickOption(within(card).getByLabelText(/Curricula for new hires/), 'Driver payouts');
    await user.click(within(card).getByRole('button', { name: 'Save plan' }));
    await waitFor(() =>
      expect(saved).toEqual([{ teamId: TEAM_ID, curriculumIds: [CURRICULUM_ID, PAYOUTS_ID] }]),
    );
  });
});
