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
import { TrainingRecordPage } from './TrainingRecordPage.tsx';
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

type TrainingRecord = ProcedureOutput<'training.record'>;
type RecordModule = TrainingRecord['enrolments'][number]['modules'][number];

const routes = sessionRoutes([
  { path: '/training/people/:userId', element: <TrainingRecordPage /> },
]);
const SHADOWING_ID = '7d7d7d7d-7d7d-4d7d-8d7d-7d7d7d7d7d7d';

function recordModule(overrides: Partial<RecordModule>): RecordModule {
  return {
    id: READING_ID,
    title: 'Read the refund playbook',
    kind: 'sop_reading',
    kindLabel: 'SOP reading',
    requirement: 'Read and acknowledge',
    requiresSignOff: false,
    locked: false,
    status: 'completed',
    startedAt: new Date('2026-02-02T09:00:00Z'),
    openedAt: null,
    completedAt: new Date('2026-02-02T09:12:00Z'),
    timeSpentSeconds: 720,
    score: null,
    attempts: 0,
    acknowledgedSopVersion: 1,
    conversationIds: [],
    signedOffById: null,
    signedOffAt: null,
    updatedAt: new Date('2026-02-02T09:12:00Z'),
    signedOffByName: null,
    maxAttempts: null,
    latestSopVersion: 2,
    needsReacknowledgement: true,
    quizAttempts: [],
    livePractice: null,
    ...overrides,
  };
}

const RECORD: TrainingRecord = {
  person: {
    id: TRAINEE_ID,
    name: 'Rafael Lima',
    email: 'rafael.lima@switchboard.test',
    role: 'agent',
    active: true,
    teams: ['Support L1'],
  },
  certifications: [],
  enrolments: [
    {
      id: ENROLMENT_ID,
      curriculumId: CURRICULUM_ID,
      curriculumName: 'Guest support onboarding',
      certificationName: 'Guest refunds',
      requiresSignOff: true,
      enrolledAt: new Date('2026-02-01T09:00:00Z'),
      enrolledByName: 'Helen Okafor',
      dueAt: null,
      completedAt: null,
      signedOffAt: null,
      signedOffByName: null,
      readyForSignOff: false,
      summary: summary({ totalModules: 3, completedModules: 1, percent: 33 }),
      modules: [
        recordModule({}),
        recordModule({
          id: QUIZ_ID,
          title: 'Refunds check',
          kind: 'quiz',
          kindLabel: 'Quiz',
          requirement: '2 questions · pass mark 80% · 2 attempts',
          status: 'failed',
          score: 40,
          attempts: 2,
          maxAttempts: 2,
          acknowledgedSopVersion: null,
          needsReacknowledgement: false,
          latestSopVersion: null,
          quizAttempts: [
            {
              id: '7e7e7e7e-7e7e-4e7e-8e7e-7e7e7e7e7e7e',
              enrolmentId: ENROLMENT_ID,
              moduleId: QUIZ_ID,
              number: 2,
              status: 'failed',
              score: 40,
              submittedAt: new Date('2026-02-03T10:00:00Z'),
              markedAt: new Date('2026-02-03T11:00:00Z'),
              feedback: 'Re-read step 2',
            },
          ],
        }),
        recordModule({
          id: SHADOWING_ID,
          title: 'Shadow five chats',
          kind: 'shadowing',
          kindLabel: 'Shadowing',
          requirement: 'Watch 5 live conversations',
          requiresSignOff: true,
          status: 'awaiting_sign_off',
          acknowledgedSopVersion: null,
          needsReacknowledgement: false,
          latestSopVersion: null,
          livePractice: {
            kind: 'shadowing',
            shadowing: { done: 5, required: 5, met: true },
            text: '5 of 5 conversations watched',
            conversations: [
              {
                id: '7f7f7f7f-7f7f-4f7f-8f7f-7f7f7f7f7f7f',
                number: 10423,
                subject: 'Driver did not show up',
                status: 'resolved',
                resolvedAt: new Date('2026-02-04T10:00:00Z'),
                assigneeName: 'Lucía Méndez',
              },
            ],
          },
        }),
      ],
    },
  ],
};

describe('a training record', () => {
  it('shows progress per module and lets the trainer sign off, allow a retake and log shadowing', async () => {
    const user = userEvent.setup();
    const signedOff: ProcedureInput<'training.signOffModule'>[] = [];
    const retakes: ProcedureInput<'training.allowRetake'>[] = [];
    const logged: ProcedureInput<'training.logShadowing'>[] = [];
    const due: ProcedureInput<'training.setDueDate'>[] = [];
    server.use(
      trpcHandler({ 'people.me': () => trainerViewer, 'training.record': () => RECORD }),
      trpcMutationHandler({
        'training.signOffModule': (input) => {
          signedOff.push(input);
          return { completedCurriculum: false };
        },
        'training.allowRetake': (input) => {
          retakes.push(input);
          return { attemptsLeft: 1 };
        },
        'training.setDueDate': (input) => {
          due.push(input);
          return { dueAt: new Date('2030-05-31T23:59:59Z') };
        },
        'training.logShadowing': (input) => {
          logged.push(input);
          return { conversationId: '7f7f7f7f-7f7f-4f7f-8f7f-7f7f7f7f7f7f' };
        },
      }),
    );
    renderRoutes({ path: `/training/people/${TRAINEE_ID}`, routes });
    const table = await screen.findByRole('table', { name: 'Guest support onboarding modules' });
    expect(within(table).getByText('Acknowledged v1; v2 is published')).toBeInTheDocument();
    expect(within(table).getAllByText('12 min')).toHaveLength(3);
    expect(
      within(table).getByText(/Attempt 2 · .* · Failed — 40% · “Re-read step 2”/),
    ).toBeInTheDocument();
    expect(within(table).getByText('5 of 5 conversations watched')).toBeInTheDocument();
    expect(
      within(table).getByText(/#10423 Driver did not show up · handled by Lucía Méndez/),
    ).toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: 'Allow a retake' }));
    await waitFor(() =>
      expect(retakes).toEqual([{ enrolmentId: ENROLMENT_ID, moduleId: QUIZ_ID }]),
    );
    await user.click(within(table).getByRole('button', { name: 'Sign off Shadow five chats' }));
    await waitFor(() =>
      expect(signedOff).toEqual([{ enrolmentId: ENROLMENT_ID, moduleId: SHADOWING_ID }]),
    );
    await user.type(within(table).getByLabelText('Conversation number watched'), '10424');
    await user.click(within(table).getByRole('button', { name: 'Log shadowed conversation' }));
    await waitFor(() =>
      expect(logged).toEqual([
        { enrolmentId: ENROLMENT_ID, moduleId: SHADOWING_ID, conversationNumber: 10424 },
      ]),
    );
    expect(screen.queryByRole('button', { name: 'Sign off curriculum' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Set a due date' }));
    await user.type(await screen.findByLabelText('Due date'), '2030-05-31');
    // The popover is still fading in (jsdom runs no transitions), so look past visibility.
    await user.click(await screen.findByRole('button', { name: 'Save', hidden: true }));
    await waitFor(() =>
      expect(due).toEqual([{ enrolmentId: ENROLMENT_ID, dueDate: '2030-05-31' }]),
    );
  });
});
