import {
  mockViewer,
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';
import { layoutMocks } from '../../test/fixtures.ts';
import {
  ENROLMENT_ID,
  moduleView,
  QUIZ,
  QUIZ_ID,
  READING,
  READING_ID,
  WALKTHROUGH_ID,
} from './training-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Key = ProcedureInput<'training.startModule'>;

function mutations(started: Key[], extra: Parameters<typeof trpcMutationHandler>[0] = {}) {
  return trpcMutationHandler({
    'training.startModule': (input) => {
      started.push(input);
      return { startedAt: new Date() };
    },
    ...extra,
  });
}

describe('a training module', () => {
  it('shows the SOP version to read and acknowledges it, noting the opening time once', async () => {
    const user = userEvent.setup();
    const started: Key[] = [];
    const acknowledged: Key[] = [];
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'training.myModule': () =>
          moduleView(
            acknowledged.length > 0
              ? {
                  status: 'completed',
                  reading: { ...READING, acknowledgedVersion: 1, canAcknowledge: false },
                }
              : { reading: READING },
          ),
      }),
      mutations(started, {
        'training.acknowledgeSop': (input) => {
          acknowledged.push(input);
          return { acknowledgedVersion: 1, status: 'completed' };
        },
      }),
    );
    renderRoutes({
      path: `/training/${ENROLMENT_ID}/modules/${READING_ID}`,
      routes: workspaceRoutes,
    });
    const reading = await screen.findByRole('region', { name: 'Playbook to read' });
    expect(within(reading).getByText('Cancellation and refund')).toBeInTheDocument();
    expect(within(reading).getByText('v1')).toBeInTheDocument();
    expect(within(reading).getByText('free-cancellation')).toBeInTheDocument();
    await user.click(within(reading).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() =>
      expect(acknowledged).toEqual([{ enrolmentId: ENROLMENT_ID, moduleId: READING_ID }]),
    );
    expect(await screen.findByText('You acknowledged v1.')).toBeInTheDocument();
    expect(started).toEqual([{ enrolmentId: ENROLMENT_ID, moduleId: READING_ID }]);
  });

  it('takes a quiz: questions as fieldsets, submitted together, with the result shown', async () => {
    const user = userEvent.setup();
    const submitted: ProcedureInput<'training.submitQuiz'>[] = [];
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'training.myModule': () =>
          moduleView({
            id: QUIZ_ID,
            kind: 'quiz',
            kindLabel: 'Quiz',
            title: 'Refund policy quiz',
            quiz: QUIZ,
          }),
      }),
      mutations([], {
        'training.submitQuiz': (input) => {
          submitted.push(input);
          return {
            attemptId: '5e5e5e5e-5e5e-4e5e-8e5e-5e5e5e5e5e5e',
            number: 1,
            status: 'failed',
            score: 40,
            resultText: 'Failed — 40%',
            awaitingMarking: 0,
            attemptsLeft: 2,
          };
        },
      }),
    );
    renderRoutes({ path: `/training/${ENROLMENT_ID}/modules/${QUIZ_ID}`, routes: workspaceRoutes });
    const window = await screen.findByRole('group', {
      name: 'How long is the free-cancellation window?',
    });
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(
      within(screen.getByRole('region', { name: 'Quiz' })).getByRole('alert'),
    ).toHaveTextContent('Answer every question');

    await user.click(within(window).getByRole('radio', { name: '5 minutes' }));
    const checks = screen.getByRole('group', { name: 'What do you check before refunding?' });
    expect(within(checks).getByText(/select all that apply/)).toBeInTheDocument();
    await user.click(within(checks).getByRole('checkbox', { name: 'Earlier refunds' }));
    await user.click(within(checks).getByRole('checkbox', { name: 'Cancellation time' }));
    const explain = screen.getByRole('group', { name: 'Explain the refund timeline' });
    await user.type(within(explain).getByLabelText('Your answer'), 'Banks take five days');
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));

    expect(await screen.findByText('Failed — 40%')).toBeInTheDocument();
    expect(submitted).toEqual([
      {
        enrolmentId: ENROLMENT_ID,
        moduleId: QUIZ_ID,
        responses: {
          window: { optionIds: ['five'] },
          checks: { optionIds: ['earlier', 'time'] },
          explain: { text: 'Banks take five days' },
        },
      },
    ]);
    expect(screen.getByText('2 attempts left.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('button', { name: 'Submit answers' })).toBeInTheDocument();
  });

  it('marks a walkthrough as done, and keeps a locked module closed', async () => {
    const user = userEvent.setup();
    const done: Key[] = [];
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'training.myModule': (input) =>
          input.moduleId === WALKTHROUGH_ID
            ? moduleView({
                id: WALKTHROUGH_ID,
                kind: 'walkthrough',
                kindLabel: 'Walkthrough',
                title: 'The refund action',
                body: 'Open the **Actions** panel and choose *Refund*.',
                status: done.length > 0 ? 'completed' : 'in_progress',
              })
            : moduleView({ locked: true, lockedBehind: 'The refund action' }),
      }),
      mutations([], {
        'training.markWalkthroughDone': (input) => {
          done.push(input);
          return { status: 'completed' };
        },
      }),
    );
    const walkthrough = renderRoutes({
      path: `/training/${ENROLMENT_ID}/modules/${WALKTHROUGH_ID}`,
      routes: workspaceRoutes,
    });
    expect(await screen.findByText('Actions')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Mark as done' }));
    expect(await screen.findByText('You marked this walkthrough as done.')).toBeInTheDocument();
    expect(done).toHaveLength(1);
    walkthrough.unmount();

    renderRoutes({
      path: `/training/${ENROLMENT_ID}/modules/${READING_ID}`,
      routes: workspaceRoutes,
    });
    expect(await screen.findByText('Finish “The refund action” first.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
  });

  it('explains shadowing and logs a watched conversation', async () => {
    const user = userEvent.setup();
    const logged: ProcedureInput<'training.logMyShadowing'>[] = [];
    const SHADOWING_ID = '5f5f5f5f-5f5f-4f5f-8f5f-5f5f5f5f5f5f';
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'training.myModule': () =>
          moduleView({
            id: SHADOWING_ID,
            kind: 'shadowing',
            kindLabel: 'Shadowing',
            title: 'Shadow five live guest conversations',
            requiresSignOff: true,
            livePractice: {
              kind: 'shadowing',
              shadowing: { done: 1, required: 5, met: false },
              text: '1 of 5 conversations watched',
              conversations: [
                {
                  id: '6a6a6a6a-6a6a-4a6a-8a6a-6a6a6a6a6a6a',
                  number: 10423,
                  subject: 'Driver did not show up',
                  status: 'resolved',
                  resolvedAt: new Date('2026-03-02T10:00:00Z'),
                  assigneeName: 'Lucía Méndez',
                },
              ],
            },
          }),
      }),
      mutations([], {
        'training.logMyShadowing': (input) => {
          logged.push(input);
          return { conversationId: '6b6b6b6b-6b6b-4b6b-8b6b-6b6b6b6b6b6b' };
        },
      }),
    );
    renderRoutes({
      path: `/training/${ENROLMENT_ID}/modules/${SHADOWING_ID}`,
      routes: workspaceRoutes,
    });
    const panel = await screen.findByRole('region', { name: 'Live practice' });
    expect(within(panel).getByText(/log its number here/)).toBeInTheDocument();
    expect(within(panel).getByText('1 of 5 conversations watched')).toBeInTheDocument();
    expect(
      within(panel).getByText('#10423 Driver did not show up · handled by Lucía Méndez'),
    ).toBeInTheDocument();
    await user.type(within(panel).getByLabelText('Conversation number'), '10424');
    await user.click(within(panel).getByRole('button', { name: 'Log conversation' }));
    await waitFor(() =>
      expect(logged).toEqual([
        { enrolmentId: ENROLMENT_ID, moduleId: SHADOWING_ID, conversationNumber: 10424 },
      ]),
    );
  });
});
