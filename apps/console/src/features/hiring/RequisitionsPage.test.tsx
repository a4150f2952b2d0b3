import { type ProcedureInput, renderRoutes, trpcHandler } from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accepted, mutationInput, refusal } from '../../test/trpc-answers.ts';
import { sessionRoutes } from '../incidents/session-routes.tsx';
import {
  boardColumns,
  candidateRow,
  funnelOf,
  OPTIONS,
  REQUISITION_ID,
  requisitionRow,
  TEAM_ID,
  trainerViewer,
} from './hiring-fixtures.ts';
import { pickOption } from './hiring-test-helpers.ts';
import { RequisitionPage } from './RequisitionPage.tsx';
import { RequisitionsPage } from './RequisitionsPage.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const routes = sessionRoutes([
  { path: '/hiring', element: <RequisitionsPage /> },
  { path: '/hiring/requisitions/:requisitionId', element: <RequisitionPage /> },
  { path: '/hiring/candidates', element: <p>Candidates list</p> },
]);

type ListInput = ProcedureInput<'hiring.requisitions'>;

function queries(requests: ListInput[] = []) {
  return trpcHandler({
    'people.me': () => trainerViewer,
    'hiring.options': () => OPTIONS,
    'hiring.requisitions': (input) => {
      requests.push(input);
      const rows =
        input.status === 'on_hold'
          ? [
              requisitionRow({
                id: 'a2a2a2a2-a2a2-4a2a-8a2a-a2a2a2a2a2a2',
                number: 103,
                title: 'Airport night shift',
                status: 'on_hold',
                cityCode: null,
                cityName: null,
                hiredCount: 0,
              }),
            ]
          : [requisitionRow()];
      return { items: rows, total: rows.length, limit: input.limit ?? 50, offset: 0 };
    },
    'hiring.requisition': () => requisitionRow(),
    'hiring.funnel': () => funnelOf(),
    'hiring.board': () => boardColumns([candidateRow()]),
  });
}

describe('requisitions', () => {
  it('lists open requisitions with how full they are, and switches status', async () => {
    const user = userEvent.setup();
    const requests: ListInput[] = [];
    server.use(queries(requests));
    const { router } = renderRoutes({ path: '/hiring', routes });

    const table = await screen.findByRole('table', { name: 'Open requisitions' });
    expect(requests[0]).toMatchObject({ status: 'open', sort: 'targetStartDate', offset: 0 });
    const row = within(table).getByRole('link', { name: 'REQ-101' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Guest support agent, Lisbon (PT/EN)')).toBeInTheDocument();
    expect(within(row).getByText('1 of 4')).toBeInTheDocument();
    expect(within(row).getByText('Lisbon')).toBeInTheDocument();
    expect(within(row).getByText('1 Jun 2026')).toBeInTheDocument();
    expect(within(row).getByText('Tomás Trainer')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: /On hold/ }));
    const held = await screen.findByRole('table', { name: 'On hold requisitions' });
    expect(router.state.location.search).toBe('?status=on_hold');
    expect(within(held).getByText('Every city')).toBeInTheDocument();
    expect(requests.at(-1)).toMatchObject({ status: 'on_hold' });
  });

  it('opens a requisition, with the field the server refused marked', async () => {
    const user = userEvent.setup();
    const created: ProcedureInput<'hiring.createRequisition'>[] = [];
    server.use(
      queries(),
      http.post('*/trpc/hiring.createRequisition', async ({ request }) => {
        const input = (await mutationInput(request)) as ProcedureInput<'hiring.createRequisition'>;
        created.push(input);
        // The first try is refused as the server would, naming the field.
        if (created.length === 1) {
          return refusal(
            'hiring.createRequisition',
            'BAD_REQUEST',
            'teamId',
            'Team: there is no such team',
          );
        }
        return accepted({ ...requisitionRow(), createdAt: null, updatedAt: null });
      }),
    );
    const { router } = renderRoutes({ path: '/hiring', routes });
    await user.click(await screen.findByRole('button', { name: 'New requisition' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New requisition' }));

    await user.click(dialog.getByRole('button', { name: 'Open requisition' }));
    expect(await dialog.findByText('Title: name the role')).toBeInTheDocument();
    expect(dialog.getByText('Team: choose the team the hires join')).toBeInTheDocument();
    expect(created).toEqual([]);

    await user.type(dialog.getByRole('textbox', { name: 'Title' }), 'Driver support agent');
    await pickOption(user, dialog.getByRole('combobox', { name: 'Team' }), 'Support L1');
    await pickOption(user, dialog.getByRole('combobox', { name: 'City' }), 'Lisbon');
    // The city's languages fill in.
    expect(dialog.getByText('pt-PT')).toBeInTheDocument();
    const headcount = dialog.getByRole('textbox', { name: 'Headcount' });
    await user.clear(headcount);
    await user.type(headcount, '2');
    await user.type(dialog.getByLabelText(/Target start date/), '2026-07-01');

    await user.click(dialog.getByRole('button', { name: 'Open requisition' }));
    expect(await dialog.findByText('Team: there is no such team')).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Open requisition' }));
    await waitFor(() => expect(created).toHaveLength(2));
    expect(created[1]).toEqual({
      title: 'Driver support agent',
      teamId: TEAM_ID,
      cityCode: 'LIS',
      languages: ['pt-PT', 'en'],
      headcount: 2,
      targetStartDate: '2026-07-01',
      status: 'open',
      ownerId: null,
      description: '',
    });
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/hiring/requisitions/${REQUISITION_ID}`),
    );
  });
});

describe('a requisition', () => {
  it('shows its facts, its funnel and its candidates by stage', async () => {
    server.use(queries());
    renderRoutes({ path: `/hiring/requisitions/${REQUISITION_ID}`, routes });
    expect(
      await screen.findByRole('heading', { name: 'REQ-101 Guest support agent, Lisbon (PT/EN)' }),
    ).toBeInTheDocument();
    const funnel = await screen.findByRole('table', { name: 'Funnel by stage' });
    const screenRow = within(funnel).getByText('Screen').closest('tr') as HTMLElement;
    // One of two got past Applied.
    expect(within(screenRow).getByText('50%')).toBeInTheDocument();
    const board = await screen.findByRole('region', { name: 'Offer' });
    expect(within(board).getByRole('link', { name: 'Inês Costa' })).toBeInTheDocument();
    expect(within(board).getByText('3 days')).toBeInTheDocument();
  });
});
