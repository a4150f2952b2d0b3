import {
  MockTRPCError,
  mockViewer,
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  trpcHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../router.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type ChangeRow = ProcedureOutput<'changes.list'>['items'][number];
type ListInput = ProcedureInput<'changes.list'>;

const NOTED_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const PLAIN_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function changeRow(overrides: Partial<ChangeRow> = {}): ChangeRow {
  return {
    id: NOTED_ID,
    entityType: 'routing_rule',
    entityId: 'rule-1',
    entityName: 'Airport no-shows to L2',
    action: 'updated',
    diff: ['Priority: P3 → P1', 'Tags: added airport'],
    rolloutNote: 'Airport no-shows now go straight to L2. Do not transfer them by hand.',
    actorName: 'Lena Lead',
    createdAt: new Date(Date.now() - 2 * 3_600_000),
    acknowledgedCount: 3,
    ...overrides,
  };
}

const plainChange = changeRow({
  id: PLAIN_ID,
  entityType: 'macro',
  entityId: 'macro-1',
  entityName: 'Refund apology',
  action: 'created',
  diff: ['Name: Refund apology', 'Body: We are sorry…'],
  rolloutNote: null,
  actorName: null,
  acknowledgedCount: 0,
});

function page(items: ChangeRow[], input: ListInput) {
  return { items, total: items.length, limit: input.limit ?? 25, offset: input.offset ?? 0 };
}

describe('ChangesPage', () => {
  it('lists changes with who, what, the diff and the rollout note', async () => {
    const requests: ListInput[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead', name: 'Lena Lead' }),
        'changes.list': (input) => {
          requests.push(input);
          return page([changeRow(), plainChange], input);
        },
      }),
    );
    renderRoutes({ path: '/changes', routes: consoleRoutes });

    expect(await screen.findByRole('heading', { name: 'Change history' })).toBeInTheDocument();
    const noted = (await screen.findByText('Airport no-shows to L2')).closest('tr') as HTMLElement;
    const row = within(noted);
    expect(row.getByText('2 hours ago')).toBeInTheDocument();
    expect(row.getByText('Lena Lead')).toBeInTheDocument();
    expect(row.getByText('Routing rule')).toBeInTheDocument();
    expect(row.getByText('Updated')).toBeInTheDocument();
    expect(row.getByText('Priority: P3 → P1')).toBeInTheDocument();
    expect(row.getByText('Tags: added airport')).toBeInTheDocument();
    expect(row.getByText(/go straight to L2/)).toBeInTheDocument();
    expect(row.getByText('3 acknowledged')).toBeInTheDocument();

    const plain = within(screen.getByText('Refund apology', { selector: 'p' }).closest('tr')!);
    expect(plain.getByText('Macro')).toBeInTheDocument();
    expect(plain.getByText('Created')).toBeInTheDocument();
    expect(plain.getByText('System')).toBeInTheDocument();
    expect(plain.queryByText(/acknowledged/)).not.toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Change history' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(requests[0]).toMatchObject({ limit: 25, offset: 0 });
    expect(requests[0]?.entityType).toBeUndefined();
  });

  it('keeps the entity-type filter and the page in the URL', async () => {
    const user = userEvent.setup();
    const requests: ListInput[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead' }),
        'changes.list': (input) => {
          requests.push(input);
          return { items: [changeRow()], total: 60, limit: 25, offset: input.offset ?? 0 };
        },
      }),
    );
    const { router } = renderRoutes({ path: '/changes?page=2', routes: consoleRoutes });
    await screen.findByText('Airport no-shows to L2');
    expect(requests[0]).toMatchObject({ offset: 25, limit: 25 });

    await user.click(screen.getByRole('combobox', { name: 'What changed' }));
    // jsdom lays nothing out, so the dropdown counts as detached and stays display: none.
    await user.click(await screen.findByRole('option', { name: 'Macro', hidden: true }));
    await waitFor(() => expect(router.state.location.search).toBe('?entityType=macro'));
    await waitFor(() => expect(requests.at(-1)).toMatchObject({ entityType: 'macro', offset: 0 }));

    await user.click(screen.getByRole('button', { name: 'next page' }));
    await waitFor(() => expect(router.state.location.search).toBe('?entityType=macro&page=2'));
    await waitFor(() => expect(requests.at(-1)).toMatchObject({ entityType: 'macro', offset: 25 }));
  });

  it('narrows the list to one item’s changes from a link, and widens it again', async () => {
    const user = userEvent.setup();
    const requests: ListInput[] = [];
    const policyChange = changeRow({
      entityType: 'guardrail_policy',
      entityId: 'policy-1',
      entityName: 'Driver no-show (guests)',
      diff: ['Version 8', 'Refund · L1: €50.00 → €62.50'],
    });
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead' }),
        'changes.list': (input) => {
          requests.push(input);
          return page([policyChange], input);
        },
      }),
    );
    const { router } = renderRoutes({
      path: '/changes?entityType=guardrail_policy&entityId=policy-1',
      routes: consoleRoutes,
    });
    expect(await screen.findByText('Driver no-show (guests) only')).toBeInTheDocument();
    expect(requests[0]).toMatchObject({ entityType: 'guardrail_policy', entityId: 'policy-1' });

    await user.click(screen.getByRole('button', { name: 'Show every guardrail policy' }));
    await waitFor(() => expect(router.state.location.search).toBe('?entityType=guardrail_policy'));
    await waitFor(() => expect(requests.at(-1)?.entityId).toBeUndefined());
  });

  it('opens a rollout note with who has and has not acknowledged it, and the before/after', async () => {
    const user = userEvent.setup();
    const asked: ProcedureInput<'changes.acknowledgements'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead', name: 'Lena Lead' }),
        'changes.list': (input) => page([changeRow()], input),
        'changes.acknowledgements': (input) => {
          asked.push(input);
          return {
            acknowledged: [
              {
                id: 'u1',
                name: 'Ana Silva',
                role: 'agent',
                acknowledgedAt: new Date(Date.now() - 10 * 60_000),
              },
            ],
            pending: [
              { id: 'u2', name: 'João Pereira', role: 'agent', acknowledgedAt: null },
              { id: 'u3', name: 'Rita Costa', role: 'lead', acknowledgedAt: null },
            ],
          };
        },
        'changes.byId': ({ id }) => ({
          id,
          entityType: 'routing_rule',
          entityId: 'rule-1',
          entityName: 'Airport no-shows to L2',
          action: 'updated',
          actorId: 'lead-1',
          before: { priority: 'P3', tags: [] },
          after: { priority: 'P1', tags: ['airport'] },
          diff: ['Priority: P3 → P1', 'Tags: added airport'],
          rolloutNote: 'Airport no-shows now go straight to L2. Do not transfer them by hand.',
          createdAt: new Date(),
        }),
      }),
    );
    renderRoutes({ path: '/changes', routes: consoleRoutes });
    await user.click(await screen.findByText('Airport no-shows to L2'));

    const drawer = await screen.findByRole('dialog', {
      name: 'Routing rule: Airport no-shows to L2',
    });
    const inDrawer = within(drawer);
    expect(inDrawer.getByText(/Do not transfer them by hand/)).toBeInTheDocument();
    expect(inDrawer.getByText('Priority: P3 → P1')).toBeInTheDocument();
    const acknowledged = await inDrawer.findByRole('region', { name: 'Acknowledged' });
    expect(within(acknowledged).getByText('Ana Silva')).toBeInTheDocument();
    expect(within(acknowledged).getByText('10 minutes ago')).toBeInTheDocument();
    const pending = inDrawer.getByRole('region', { name: 'Not yet' });
    expect(within(pending).getByText('João Pereira')).toBeInTheDocument();
    expect(within(pending).getByText('Rita Costa')).toBeInTheDocument();
    expect(within(pending).getByText('Not yet (2)')).toBeInTheDocument();
    expect(asked).toEqual([{ id: NOTED_ID }]);

    expect(inDrawer.queryByLabelText('Before')).not.toBeInTheDocument();
    await user.click(inDrawer.getByRole('button', { name: 'Show before/after' }));
    expect(await inDrawer.findByLabelText('Before')).toHaveTextContent('"priority": "P3"');
    expect(inDrawer.getByLabelText('After')).toHaveTextContent('"airport"');
  });

  it('shows a trainer the note without asking who acknowledged it', async () => {
    const user = userEvent.setup();
    let acknowledgementCalls = 0;
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'trainer', name: 'Tomás Trainer' }),
        'changes.list': (input) => page([changeRow()], input),
        'changes.acknowledgements': () => {
          acknowledgementCalls += 1;
          throw new MockTRPCError('FORBIDDEN', 'Team leads only');
        },
      }),
    );
    renderRoutes({ path: '/changes', routes: consoleRoutes });
    await user.click(
      await screen.findByRole('button', { name: 'Details of Airport no-shows to L2' }),
    );
    const drawer = await screen.findByRole('dialog', {
      name: 'Routing rule: Airport no-shows to L2',
    });
    expect(within(drawer).getByText(/Do not transfer them by hand/)).toBeInTheDocument();
    expect(within(drawer).getByText(/3 acknowledged/)).toBeInTheDocument();
    expect(within(drawer).queryByRole('region', { name: 'Acknowledged' })).not.toBeInTheDocument();
    expect(within(drawer).queryByRole('region', { name: 'Not yet' })).not.toBeInTheDocument();
    expect(acknowledgementCalls).toBe(0);
  });

  it('says when there are no changes, and offers to clear the filter', async () => {
    const user = userEvent.setup();
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead' }),
        'changes.list': (input) => page([], input),
      }),
    );
    const { router } = renderRoutes({ path: '/changes?entityType=sop', routes: consoleRoutes });
    expect(await screen.findByText('No changes yet')).toBeInTheDocument();
    expect(screen.getByText('Nothing recorded for “SOP” yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show every change' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('shows a failure with a retry', async () => {
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead' }),
        'changes.list': () => {
          throw new MockTRPCError('INTERNAL_SERVER_ERROR', 'The history is unavailable');
        },
      }),
    );
    renderRoutes({ path: '/changes', routes: consoleRoutes });
    expect(await screen.findByText('The history is unavailable')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
