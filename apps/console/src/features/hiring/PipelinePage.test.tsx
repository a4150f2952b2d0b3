import {
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionRoutes } from '../incidents/session-routes.tsx';
import { STAGES, stageNamed, trainerViewer } from './hiring-fixtures.ts';
import { PipelinePage } from './PipelinePage.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const routes = sessionRoutes([{ path: '/hiring/pipeline', element: <PipelinePage /> }]);

type Pipeline = ProcedureOutput<'hiring.pipeline'>;

const PIPELINE: Pipeline = STAGES.map((stage) => ({
  ...stage,
  candidates: stage.name === 'Screen' ? 3 : stage.name === 'Hired' ? 4 : 0,
}));

describe('hiring pipeline', () => {
  it('renames, reorders, adds and removes stages; a stage holding candidates stays', async () => {
    const user = userEvent.setup();
    const saved: ProcedureInput<'hiring.savePipeline'>[] = [];
    server.use(
      trpcHandler({ 'people.me': () => trainerViewer, 'hiring.pipeline': () => PIPELINE }),
      trpcMutationHandler({
        'hiring.savePipeline': (input) => {
          saved.push(input);
          return PIPELINE;
        },
      }),
    );
    renderRoutes({ path: '/hiring/pipeline', routes });

    const first = await screen.findByRole('textbox', { name: 'Stage 1 name' });
    expect(first).toHaveValue('Applied');
    expect(screen.getByText('3 candidates')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove Screen' })).toBeDisabled();
    expect(screen.getByText(/Fixed: reached by hiring · 4 hired/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save pipeline' })).toBeDisabled();

    await user.clear(screen.getByRole('textbox', { name: 'Stage 4 name' }));
    await user.type(screen.getByRole('textbox', { name: 'Stage 4 name' }), 'Video interview');
    await user.click(screen.getByRole('button', { name: 'Move Video interview up' }));
    await user.click(screen.getByRole('button', { name: 'Remove Offer' }));
    await user.click(screen.getByRole('button', { name: 'Add stage' }));
    await user.click(screen.getByRole('button', { name: 'Save pipeline' }));
    // A new stage needs a name first.
    expect(await screen.findByText('Stage name: required')).toBeInTheDocument();
    expect(saved).toEqual([]);
    await user.type(screen.getByRole('textbox', { name: 'Stage 5 name' }), 'Reference check');
    await user.click(screen.getByRole('button', { name: 'Save pipeline' }));
    await waitFor(() =>
      expect(saved).toEqual([
        {
          stages: [
            { id: stageNamed('Applied').id, name: 'Applied' },
            { id: stageNamed('Screen').id, name: 'Screen' },
            { id: stageNamed('Interview').id, name: 'Video interview' },
            { id: stageNamed('Written assessment').id, name: 'Written assessment' },
            { id: null, name: 'Reference check' },
          ],
        },
      ]),
    );
  });

  it('refuses two stages with the same name', async () => {
    const user = userEvent.setup();
    server.use(
      trpcHandler({ 'people.me': () => trainerViewer, 'hiring.pipeline': () => PIPELINE }),
    );
    renderRoutes({ path: '/hiring/pipeline', routes });
    const second = await screen.findByRole('textbox', { name: 'Stage 2 name' });
    await user.clear(second);
    await user.type(second, 'applied');
    await user.click(screen.getByRole('button', { name: 'Save pipeline' }));
    expect(await screen.findByText('Stage name: “applied” is used twice')).toBeInTheDocument();
  });
});
