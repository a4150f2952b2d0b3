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
import { trainerViewer } from '../incidents/incident-fixtures.ts';
import { sessionRoutes } from '../incidents/session-routes.tsx';
import { MarkAttemptPage } from './MarkAttemptPage.tsx';
import { MarkingQueuePage } from './MarkingQueuePage.tsx';
import {
  ATTEMPT_ID,
  CURRICULUM_ID,
  ENROLMENT_ID,
  QUIZ_ID,
  TRAINEE_ID,
} from './training-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const routes = sessionRoutes([
  { path: '/training/marking', element: <MarkingQueuePage /> },
  { path: '/training/marking/:attemptId', element: <MarkAttemptPage /> },
]);

const ATTEMPT: ProcedureOutput<'training.attempt'> = {
  id: ATTEMPT_ID,
  number: 2,
  enrolmentId: ENROLMENT_ID,
  moduleId: QUIZ_ID,
  moduleTitle: 'Refunds and no-shows check',
  curriculumName: 'Guest support onboarding',
  userId: TRAINEE_ID,
  traineeName: 'Tomás Ferreira',
  marks: { window: 1 },
  status: 'awaiting_marking',
  score: null,
  resultText: 'Awaiting marking',
  submittedAt: new Date('2026-03-01T10:00:00Z'),
  markedAt: null,
  markedByName: null,
  feedback: '',
  passMarkPercent: 80,
  questions: [
    {
      id: 'window',
      kind: 'multiple_choice',
      prompt: 'How long is the free-cancellation window?',
      options: [
        { id: 'five', text: '5 minutes' },
        { id: 'two', text: '2 minutes' },
      ],
      correctOptionIds: ['five'],
      points: 1,
    },
    {
      id: 'reply',
      kind: 'short_answer',
      prompt: 'Write your first reply to a double charge',
      guidance: 'Apologise and give a time',
      points: 4,
    },
  ],
  responses: {
    window: { optionIds: ['five'] },
    reply: { text: 'Sorry for the double charge; I will be back within 30 minutes.' },
  },
  awaitingMarking: ['reply'],
};

describe('marking', () => {
  it('lists attempts waiting for marking', async () => {
    server.use(
      trpcHandler({
        'people.me': () => trainerViewer,
        'training.curricula': () => [],
        'training.markingQueue': () => ({
          items: [
            {
              attemptId: ATTEMPT_ID,
              number: 2,
              submittedAt: new Date(),
              enrolmentId: ENROLMENT_ID,
              moduleId: QUIZ_ID,
              moduleTitle: 'Refunds and no-shows check',
              curriculumId: CURRICULUM_ID,
              curriculumName: 'Guest support onboarding',
              userId: TRAINEE_ID,
              traineeName: 'Tomás Ferreira',
            },
          ],
          total: 1,
          limit: 50,
          offset: 0,
        }),
      }),
    );
    renderRoutes({ path: '/training/marking', routes });
    const table = await screen.findByRole('table', { name: 'Marking queue' });
    expect(
      within(table).getByRole('link', {
        name: 'Mark Tomás Ferreira’s attempt 2 at Refunds and no-shows check',
      }),
    ).toHaveAttribute('href', `/training/marking/${ATTEMPT_ID}`);
  });

  it('gives points per written answer, previews the result and saves with feedback', async () => {
    const user = userEvent.setup();
    const marked: ProcedureInput<'training.markAttempt'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => trainerViewer,
        'training.attempt': () => ATTEMPT,
        'training.curricula': () => [],
        'training.markingQueue': () => ({ items: [], total: 0, limit: 50, offset: 0 }),
      }),
      trpcMutationHandler({
        'training.markAttempt': (input) => {
          marked.push(input);
          return {
            status: 'passed',
            score: 80,
            resultText: 'Passed — 80%',
            completedCurriculum: false,
          };
        },
      }),
    );
    const { router } = renderRoutes({ path: `/training/marking/${ATTEMPT_ID}`, routes });
    const question = await screen.findByRole('region', { name: 'Question 2' });
    expect(within(question).getByText(/I will be back within 30 minutes/)).toBeInTheDocument();
    expect(within(question).getByText('Guidance: Apologise and give a time')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save marks' })).toBeDisabled();

    await user.type(within(question).getByLabelText('Points for question 2 (0–4)'), '3');
    expect(screen.getByText('Result if saved: Passed — 80%')).toBeInTheDocument();
    await user.type(
      screen.getByLabelText(/Feedback for the trainee/),
      'Say when you will be back.',
    );
    await user.click(screen.getByRole('button', { name: 'Save marks' }));
    await waitFor(() =>
      expect(marked).toEqual([
        { attemptId: ATTEMPT_ID, marks: { reply: 3 }, feedback: 'Say when you will be back.' },
      ]),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/training/marking'));
  });
});
