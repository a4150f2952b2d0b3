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
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { staffRow } from '../../test/fixtures.ts';
import { trainerViewer } from '../incidents/incident-fixtures.ts';
import { pickOption } from '../incidents/pick-option.ts';
import { sessionRoutes } from '../incidents/session-routes.tsx';
import { CohortPage } from './CohortPage.tsx';
import {
  CURRICULUM_ID,
  ENROLMENT_ID,
  QUIZ_ID,
  READING_ID,
  summary,
  TRAINEE_ID,
} from './training-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Cohort = ProcedureOutput<'training.cohort'>;

const routes = sessionRoutes([
  { path: '/training/curricula/:curriculumId/cohort', element: <CohortPage /> },
]);

const COHORT: Cohort = {
  curriculum: {
    id: CURRICULUM_ID,
    code: 'GUEST_ONBOARDING',
    name: 'Guest support onboarding',
    requiresSignOff: true,
    certificationName: 'Guest refunds',
  },
  modules: [
    {
      id: READING_ID,
      title: 'Read the refund playbook',
      kind: 'sop_reading',
      kindLabel: 'SOP reading',
    },
    { id: QUIZ_ID, title: 'Refunds check', kind: 'quiz', kindLabel: 'Quiz' },
  ],
  rows: [
    {
      enrolmentId: ENROLMENT_ID,
      userId: TRAINEE_ID,
      name: 'Chloe Martin',
      email: 'chloe.martin@switchboard.test',
      enrolledAt: new Date('2026-02-01T09:00:00Z'),
      dueAt: new Date('2026-02-25T23:59:59Z'),
      completedAt: null,
      summary: summary({ overdue: true, stuck: 'out_of_attempts' }),
      cells: [
        { moduleId: READING_ID, status: 'completed', score: null, attempts: 0, locked: false },
        { moduleId: QUIZ_ID, status: 'failed', score: 40, attempts: 3, locked: false },
      ],
    },
  ],
  counts: { all: 4, active: 3, stuck: 1, overdue: 1, completed: 1 },
  truncated: false,
};

describe('a cohort', () => {
  it('shows people × modules, filters by the URL, and exports the matrix as CSV', async () => {
    const user = userEvent.setup();
    const requests: ProcedureInput<'training.cohort'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => trainerViewer,
        'training.cohort': (input) => {
          requests.push(input);
          return COHORT;
        },
      }),
    );
    const { router } = renderRoutes({
      path: `/training/curricula/${CURRICULUM_ID}/cohort`,
      routes,
    });
    const matrix = await screen.findByRole('table', { name: 'Cohort progress' });
    const row = within(matrix).getByRole('link', { name: 'Chloe Martin' }).closest('tr')!;
    expect(within(row).getByText('Overdue')).toBeInTheDocument();
    expect(within(row).getByText('Out of quiz attempts')).toBeInTheDocument();
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(within(row).getByText('40%')).toBeInTheDocument();
    expect(requests[0]).toEqual({ curriculumId: CURRICULUM_ID, filter: 'all' });

    await user.click(screen.getByText('Stuck (1)'));
    await waitFor(() => expect(requests.at(-1)).toMatchObject({ filter: 'stuck' }));
    expect(router.state.location.search).toBe('?filter=stuck');

    let exported: Blob | null = null;
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        exported = blob;
        return 'blob:cohort';
      }),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(exported as unknown as Blob);
    });
    const [header, line] = csv.split('\r\n');
    expect(header).toBe(
      'Name,Email,Enrolled,Due,State,Progress %,Read the refund playbook,Refunds check,Time spent,Overdue,Stuck',
    );
    expect(line).toBe(
      'Chloe Martin,chloe.martin@switchboard.test,2026-02-01,2026-02-25,In progress,50,Completed,Failed (40%),15 min,yes,Out of quiz attempts',
    );
  });

  it('enrols a cohort with a due date', async () => {
    const user = userEvent.setup();
    const enrolled: ProcedureInput<'training.enrol'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => trainerViewer,
        'training.cohort': () => COHORT,
        'people.list': () => ({
          items: [staffRow({ id: TRAINEE_ID, name: 'Beatriz Rocha' })],
          total: 1,
          limit: 50,
          offset: 0,
        }),
        'people.teams': () => [],
      }),
      trpcMutationHandler({
        'training.enrol': (input) => {
          enrolled.push(input);
          return { enrolled: ['Beatriz Rocha'], alreadyEnrolled: [] };
        },
      }),
    );
    renderRoutes({ path: `/training/curricula/${CURRICULUM_ID}/cohort`, routes });
    await user.click(await screen.findByRole('button', { name: 'Enrol people' }));
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Enrol in Guest support onboarding' }),
    );
    await pickOption(dialog.getByLabelText('People'), 'Beatriz Rocha');
    await user.type(dialog.getByLabelText(/^Due date/), '2030-04-30');
    await user.click(dialog.getByRole('button', { name: 'Enrol' }));
    await waitFor(() =>
      expect(enrolled).toEqual([
        { curriculumId: CURRICULUM_ID, userIds: [TRAINEE_ID], dueDate: '2030-04-30' },
      ]),
    );
    expect(await screen.findByText('Enrolled 1 person.')).toBeInTheDocument();
  });
});
