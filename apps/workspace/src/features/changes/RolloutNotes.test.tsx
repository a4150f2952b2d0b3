import {
  MockTRPCError,
  mockViewer,
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  renderWithProviders,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';
import { conversationRow, filterOptions, viewCounts } from '../../test/fixtures.ts';
import { RolloutNotes } from './RolloutNotes.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Note = ProcedureOutput<'changes.myRolloutNotes'>[number];

const RULE_NOTE_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const MACRO_NOTE_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function note(overrides: Partial<Note> = {}): Note {
  return {
    id: RULE_NOTE_ID,
    entityType: 'routing_rule',
    entityName: 'Airport no-shows to L2',
    rolloutNote: 'Airport no-shows now go straight to L2. Do not transfer them by hand.',
    diff: ['Priority: P3 → P1', 'Tags: added airport'],
    createdAt: new Date(Date.now() - 30 * 60_000),
    actorName: 'Lena Lead',
    ...overrides,
  };
}

const macroNote = note({
  id: MACRO_NOTE_ID,
  entityType: 'macro',
  entityName: 'Refund apology',
  rolloutNote: 'The refund apology now offers a credit instead of a voucher.',
  diff: ['Body: changed'],
  actorName: 'Tomás Trainer',
});

describe('RolloutNotes', () => {
  it('lists unread notes with who, when and the details folded', async () => {
    const user = userEvent.setup();
    server.use(trpcHandler({ 'changes.myRolloutNotes': () => [note(), macroNote] }));
    renderWithProviders(<RolloutNotes />);

    const section = await screen.findByRole('region', { name: 'Rollout notes' });
    expect(within(section).getByLabelText('2 rollout notes to read')).toHaveTextContent('2');
    const rule = within(section).getByRole('article', {
      name: 'What changed: Airport no-shows to L2',
    });
    expect(within(rule).getByText('What changed: Airport no-shows to L2')).toBeVisible();
    expect(within(rule).getByText(/Do not transfer them by hand/)).toBeVisible();
    expect(within(rule).getByText(/Routing rule · by Lena Lead/)).toBeInTheDocument();
    expect(within(rule).getByText('30 minutes ago')).toBeInTheDocument();
    expect(within(rule).queryByText('Priority: P3 → P1')).not.toBeInTheDocument();
    await user.click(within(rule).getByRole('button', { name: 'Show the details (2)' }));
    expect(within(rule).getByText('Priority: P3 → P1')).toBeVisible();
    expect(within(rule).getByText('Tags: added airport')).toBeVisible();

    const macro = within(section).getByRole('article', { name: 'What changed: Refund apology' });
    expect(within(macro).getByText(/offers a credit/)).toBeVisible();
    expect(within(macro).getByText(/Macro · by Tomás Trainer/)).toBeInTheDocument();
  });

  it('acknowledges a note with its id and removes it', async () => {
    const user = userEvent.setup();
    let unread = [note(), macroNote];
    const acknowledged: ProcedureInput<'changes.acknowledge'>[] = [];
    server.use(
      trpcHandler({ 'changes.myRolloutNotes': () => unread }),
      trpcMutationHandler({
        'changes.acknowledge': (input) => {
          acknowledged.push(input);
          unread = unread.filter((item) => item.id !== input.id);
          return { ok: true as const };
        },
      }),
    );
    renderWithProviders(<RolloutNotes />);

    const rule = await screen.findByRole('article', {
      name: 'What changed: Airport no-shows to L2',
    });
    await user.click(within(rule).getByRole('button', { name: 'Got it' }));
    await waitFor(() =>
      expect(
        screen.queryByRole('article', { name: 'What changed: Airport no-shows to L2' }),
      ).not.toBeInTheDocument(),
    );
    expect(acknowledged).toEqual([{ id: RULE_NOTE_ID }]);
    expect(screen.getByRole('article', { name: 'What changed: Refund apology' })).toBeVisible();
    // One left: no count badge.
    expect(screen.queryByLabelText(/rollout notes to read/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Got it' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Rollout notes' })).not.toBeInTheDocument(),
    );
    expect(acknowledged).toEqual([{ id: RULE_NOTE_ID }, { id: MACRO_NOTE_ID }]);
  });

  it('shows why acknowledging failed and keeps the note', async () => {
    const user = userEvent.setup();
    server.use(
      trpcHandler({ 'changes.myRolloutNotes': () => [note()] }),
      trpcMutationHandler({
        'changes.acknowledge': () => {
          throw new MockTRPCError('NOT_FOUND', 'No rollout note with that id');
        },
      }),
    );
    renderWithProviders(<RolloutNotes />);

    await user.click(await screen.findByRole('button', { name: 'Got it' }));
    expect(await screen.findByText('Not acknowledged')).toBeInTheDocument();
    expect(screen.getByText('No rollout note with that id')).toBeInTheDocument();
    expect(
      screen.getByRole('article', { name: 'What changed: Airport no-shows to L2' }),
    ).toBeInTheDocument();
  });

  it('sits above the inbox in the workspace', async () => {
    server.use(
      trpcHandler({
        'people.me': () => mockViewer(),
        'changes.myRolloutNotes': () => [note()],
        'conversations.viewCounts': () => viewCounts(),
        'conversations.filterOptions': () => filterOptions(),
        'conversations.view': (input) => ({
          items: [conversationRow()],
          total: 1,
          limit: input.limit ?? 100,
          offset: 0,
        }),
      }),
    );
    renderRoutes({ path: '/inbox', routes: workspaceRoutes });
    expect(await screen.findByRole('heading', { name: 'Mine' })).toBeInTheDocument();
    const section = await screen.findByRole('region', { name: 'Rollout notes' });
    expect(within(section).getByText('What changed: Airport no-shows to L2')).toBeVisible();
    expect(
      await screen.findByRole('button', {
        name: '#1042 Marta Lopes: Driver did not show up at the airport',
      }),
    ).toBeInTheDocument();
  });

  it('renders nothing when every note has been read', async () => {
    let asked = 0;
    server.use(
      trpcHandler({
        'changes.myRolloutNotes': () => {
          asked += 1;
          return [];
        },
      }),
    );
    renderWithProviders(<RolloutNotes />);
    await waitFor(() => expect(asked).toBe(1));
    expect(screen.queryByRole('region', { name: 'Rollout notes' })).not.toBeInTheDocument();
    expect(screen.queryByText(/What changed/)).not.toBeInTheDocument();
  });
});
