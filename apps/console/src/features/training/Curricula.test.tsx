import {
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { trainerViewer } from '../incidents/incident-fixtures.ts';
import { pickOption } from '../incidents/pick-option.ts';
import { sessionRoutes } from '../incidents/session-routes.tsx';
import { CurriculaPage } from './CurriculaPage.tsx';
import { CurriculumPage } from './CurriculumPage.tsx';
import {
  CERTIFICATION_ID,
  CURRICULUM_ID,
  curriculum,
  EDITOR_OPTIONS,
  READING_ID,
  readingModule,
  SOP_ID,
} from './training-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const routes = sessionRoutes([
  { path: '/training', element: <CurriculaPage /> },
  { path: '/training/curricula/:curriculumId', element: <CurriculumPage /> },
]);

const LISTED = {
  id: CURRICULUM_ID,
  code: 'GUEST_ONBOARDING',
  name: 'Guest support onboarding',
  description: '',
  certificationId: CERTIFICATION_ID,
  certificationName: 'Guest refunds',
  requiresSignOff: true,
  archivedAt: null,
  updatedAt: new Date(),
  moduleCount: 6,
  enrolledCount: 7,
  completedCount: 2,
  inTeamPlans: ['Support L1'],
};

describe('curricula', () => {
  it('lists curricula and creates one, which then opens', async () => {
    const user = userEvent.setup();
    const created: ProcedureInput<'training.createCurriculum'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => trainerViewer,
        'training.curricula': () => [LISTED],
        'training.editorOptions': () => EDITOR_OPTIONS,
        'training.curriculum': () => curriculum({ modules: [] }),
      }),
      trpcMutationHandler({
        'training.createCurriculum': (input) => {
          created.push(input);
          return { id: CURRICULUM_ID };
        },
      }),
    );
    const { router } = renderRoutes({ path: '/training', routes });
    const table = await screen.findByRole('table', { name: 'Curricula' });
    const row = within(table)
      .getByRole('link', { name: 'Guest support onboarding' })
      .closest('tr')!;
    expect(within(row).getByText('Guest refunds')).toBeInTheDocument();
    expect(within(row).getByText('Support L1')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New curriculum' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New curriculum' }));
    await user.click(dialog.getByRole('button', { name: 'Create curriculum' }));
    expect(await dialog.findByText('Name: at least 3 characters')).toBeInTheDocument();
    await user.type(dialog.getByLabelText(/^Name/), 'Driver payouts');
    expect(dialog.getByLabelText(/^Code/)).toHaveValue('DRIVER_PAYOUTS');
    await pickOption(dialog.getByLabelText(/^Certification granted/), 'Guest refunds');
    await user.click(dialog.getByRole('button', { name: 'Create curriculum' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toEqual({
      code: 'DRIVER_PAYOUTS',
      name: 'Driver payouts',
      description: '',
      certificationId: CERTIFICATION_ID,
      requiresSignOff: true,
    });
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/training/curricula/${CURRICULUM_ID}`),
    );
  });

  it('adds a quiz module with a multiple-choice question, checked by the module schema', async () => {
    const user = userEvent.setup();
    const added: ProcedureInput<'training.addModule'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => trainerViewer,
        'training.curriculum': () => curriculum(),
        'training.editorOptions': () => EDITOR_OPTIONS,
      }),
      trpcMutationHandler({
        'training.addModule': (input) => {
          added.push(input);
          return { id: '7b7b7b7b-7b7b-4b7b-8b7b-7b7b7b7b7b7b' };
        },
      }),
    );
    renderRoutes({ path: `/training/curricula/${CURRICULUM_ID}`, routes });
    const modules = await screen.findByRole('table', { name: 'Modules' });
    expect(
      within(modules).getByText('Cancellation refund v1 · v2 is published'),
    ).toBeInTheDocument();
    expect(
      within(modules).getByRole('button', { name: 'Remove Read the refund playbook' }),
    ).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Add module' }));
    const drawer = within(await screen.findByRole('dialog', { name: 'Add a module' }));
    await pickOption(drawer.getByRole('combobox', { name: 'Kind' }), 'Quiz');
    await user.type(drawer.getByLabelText(/^Title/), 'Refund policy check');
    await user.click(drawer.getByRole('button', { name: 'Add module' }));
    expect(
      await drawer.findByText('Question: write the question (at least 3 characters)'),
    ).toBeInTheDocument();
    expect(drawer.getByText('Correct options: mark at least one')).toBeInTheDocument();

    await user.type(
      drawer.getByLabelText(/Question 1 prompt/),
      'How long is the free-cancellation window?',
    );
    await user.type(drawer.getByRole('textbox', { name: 'Option 1' }), '5 minutes');
    await user.type(drawer.getByRole('textbox', { name: 'Option 2' }), '2 minutes');
    await user.click(drawer.getByRole('checkbox', { name: 'Option 1 is correct' }));
    fireEvent.change(drawer.getByLabelText('Pass mark (%)'), { target: { value: '100' } });
    await user.click(drawer.getByRole('button', { name: 'Add module' }));
    await waitFor(() => expect(added).toHaveLength(1));
    expect(added[0]).toEqual({
      curriculumId: CURRICULUM_ID,
      module: {
        kind: 'quiz',
        title: 'Refund policy check',
        body: '',
        estimatedMinutes: 15,
        settings: {
          passMarkPercent: 100,
          maxAttempts: 3,
          requiresSignOff: false,
          questions: [
            {
              id: 'q-1',
              kind: 'multiple_choice',
              prompt: 'How long is the free-cancellation window?',
              points: 1,
              options: [
                { id: 'o-1', text: '5 minutes' },
                { id: 'o-2', text: '2 minutes' },
              ],
              correctOptionIds: ['o-1'],
            },
          ],
        },
      },
    });
  });

  it('edits an SOP reading to the current version and reorders modules', async () => {
    const user = userEvent.setup();
    const updated: ProcedureInput<'training.updateModule'>[] = [];
    const reordered: ProcedureInput<'training.reorderModules'>[] = [];
    const walkthrough = readingModule({
      id: '7c7c7c7c-7c7c-4c7c-8c7c-7c7c7c7c7c7c',
      title: 'The refund action',
      startedCount: 0,
      newerSopVersion: null,
    });
    server.use(
      trpcHandler({
        'people.me': () => trainerViewer,
        'training.curriculum': () => curriculum({ modules: [readingModule(), walkthrough] }),
        'training.editorOptions': () => EDITOR_OPTIONS,
      }),
      trpcMutationHandler({
        'training.updateModule': (input) => {
          updated.push(input);
          return { id: input.moduleId };
        },
        'training.reorderModules': (input) => {
          reordered.push(input);
          return { moduleIds: input.moduleIds };
        },
      }),
    );
    renderRoutes({ path: `/training/curricula/${CURRICULUM_ID}`, routes });
    await user.click(await screen.findByRole('button', { name: 'Move The refund action up' }));
    await waitFor(() =>
      expect(reordered).toEqual([
        { curriculumId: CURRICULUM_ID, moduleIds: [walkthrough.id, READING_ID] },
      ]),
    );

    await user.click(screen.getByRole('button', { name: 'Edit Read the refund playbook' }));
    const drawer = within(
      await screen.findByRole('dialog', { name: 'Edit “Read the refund playbook”' }),
    );
    expect(drawer.getByRole('combobox', { name: 'Kind' })).toBeDisabled();
    const version = drawer.getByRole('combobox', { name: 'Version' });
    await waitFor(() => expect(version).toBeEnabled());
    await pickOption(version, /v2/);
    await user.click(drawer.getByRole('button', { name: 'Save module' }));
    await waitFor(() => expect(updated).toHaveLength(1));
    expect(updated[0]?.module).toMatchObject({ kind: 'sop_reading', sopId: SOP_ID, sopVersion: 2 });
  });
});
