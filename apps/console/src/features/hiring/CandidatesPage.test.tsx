import {
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessionRoutes } from '../incidents/session-routes.tsx';
import { CandidatesPage } from './CandidatesPage.tsx';
import {
  boardColumns,
  candidateRow,
  OPTIONS,
  OTHER_CANDIDATE_ID,
  REQUISITION_ID,
  requisitionRow,
  stageNamed,
  trainerViewer,
} from './hiring-fixtures.ts';
import { pickOption } from './hiring-test-helpers.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

const routes = sessionRoutes([
  { path: '/hiring/candidates', element: <CandidatesPage /> },
  { path: '/hiring/candidates/:candidateId', element: <p>Candidate page</p> },
]);

const INES = candidateRow();
const RUI = candidateRow({
  id: OTHER_CANDIDATE_ID,
  name: 'Rui Santos',
  email: 'rui.santos@example.com',
  stageId: stageNamed('Rejected').id,
  stageName: 'Rejected',
  stageKind: 'rejected',
  rejectionReason: 'withdrew',
  averageScore: null,
  scorecardCount: 0,
});

type ListInput = ProcedureInput<'hiring.candidates'>;

function queries(options: { lists?: ListInput[]; boards?: ProcedureInput<'hiring.board'>[] } = {}) {
  return trpcHandler({
    'people.me': () => trainerViewer,
    'hiring.options': () => OPTIONS,
    'hiring.requisitions': () => ({ items: [requisitionRow()], total: 1, limit: 200, offset: 0 }),
    'hiring.requisition': () => requisitionRow(),
    'hiring.board': (input) => {
      options.boards?.push(input);
      return boardColumns([INES, RUI]);
    },
    'hiring.candidates': (input) => {
      options.lists?.push(input);
      const items = input.outcome === 'rejected' ? [RUI] : [INES, RUI];
      return { items, total: items.length, limit: input.limit ?? 50, offset: input.offset ?? 0 };
    },
  });
}

describe('candidates', () => {
  it('shows the board by stage and moves a candidate from their card', async () => {
    const user = userEvent.setup();
    const moves: ProcedureInput<'hiring.moveCandidate'>[] = [];
    const boards: ProcedureInput<'hiring.board'>[] = [];
    server.use(
      queries({ boards }),
      trpcMutationHandler({
        'hiring.moveCandidate': (input) => {
          moves.push(input);
          return candidateRow({ stageId: input.toStageId, stageName: 'Interview' });
        },
      }),
    );
    renderRoutes({ path: '/hiring/candidates', routes });

    const offer = await screen.findByRole('region', { name: 'Offer' });
    const card = within(offer).getByRole('article', { name: 'Inês Costa' });
    expect(
      within(card).getByText('REQ-101 Guest support agent, Lisbon (PT/EN)'),
    ).toBeInTheDocument();
    expect(within(card).getByText('★ 4.3')).toBeInTheDocument();
    const rejected = screen.getByRole('region', { name: 'Rejected' });
    expect(within(rejected).getByText('Withdrew')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Move Inês Costa' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Move to Interview' }));
    await waitFor(() =>
      expect(moves).toEqual([{ candidateId: INES.id, toStageId: stageNamed('Interview').id }]),
    );
    // The board is read again after the move.
    await waitFor(() => expect(boards.length).toBeGreaterThan(1));
    // Rejected candidates can be brought back, but not hired straight away.
    await user.click(within(rejected).getByRole('button', { name: 'Move Rui Santos' }));
    expect(await screen.findByRole('menuitem', { name: 'Move to Applied' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Hire' })).toBeNull();
  });

  it('hires from a card with the same dialog as the candidate’s page', async () => {
    const user = userEvent.setup();
    server.use(queries());
    renderRoutes({ path: '/hiring/candidates', routes });
    const offer = await screen.findByRole('region', { name: 'Offer' });
    await user.click(within(offer).getByRole('button', { name: 'Move Inês Costa' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Hire' }));
    expect(await screen.findByRole('dialog', { name: 'Hire Inês Costa' })).toBeInTheDocument();
  });

  it('filters the table and exports what it shows as CSV', async () => {
    const user = userEvent.setup();
    const lists: ListInput[] = [];
    server.use(queries({ lists }));
    const { router } = renderRoutes({ path: '/hiring/candidates?view=table', routes });

    const table = await screen.findByRole('table', { name: 'Candidates' });
    expect(within(table).getByRole('link', { name: 'Inês Costa' })).toHaveAttribute(
      'href',
      `/hiring/candidates/${INES.id}`,
    );
    expect(within(table).getByText('4.3')).toBeInTheDocument();

    await pickOption(
      user,
      screen.getByRole('combobox', { name: 'Requisition' }),
      'REQ-101 Guest support agent, Lisbon (PT/EN)',
    );
    await pickOption(user, screen.getByRole('combobox', { name: 'Outcome' }), 'Rejected');
    await waitFor(() =>
      expect(lists.at(-1)).toMatchObject({ requisitionId: REQUISITION_ID, outcome: 'rejected' }),
    );
    expect(router.state.location.search).toContain('outcome=rejected');
    await waitFor(() => expect(within(table).queryByText('Inês Costa')).toBeNull());

    let exported: Blob | null = null;
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        exported = blob;
        return 'blob:candidates';
      }),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(exported).not.toBeNull());
    expect(lists.at(-1)).toMatchObject({ outcome: 'rejected', limit: 200, offset: 0 });
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(exported as unknown as Blob);
    });
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Name,Email,Phone,Requisition,Requisition title,Stage,Days in stage,Rejection reason,Average score,Scorecards,Languages,Source,Location,Applied,Hired',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Rui Santos,rui.santos@example.com');
    expect(lines[1]).toContain(
      'REQ-101,"Guest support agent, Lisbon (PT/EN)",Rejected,3,Withdrew,,0,pt-PT en,Referral',
    );
  });
});
