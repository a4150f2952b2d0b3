import { advanceChat, type ChatPath, startChat } from '@switchboard/domain';
import {
  MockTRPCError,
  mockViewer,
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
import { consoleRoutes } from '../../router.tsx';
import { inboxRow } from '../../test/fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type ChatPathView = ProcedureOutput<'chatPaths.list'>[number];
type SaveInput = ProcedureInput<'chatPaths.save'>;

const GUEST_PATH: ChatPath = {
  audience: 'guest',
  greeting: 'Hi! I’m the Switchboard assistant.',
  defaultHandover: { inboxCode: 'LIS_GUEST', tags: ['airport'] },
  steps: [
    {
      id: 'start',
      kind: 'menu',
      prompt: 'What can I help with?',
      options: [
        { label: 'Driver did not show up', next: 'booking-ref' },
        { label: 'Refunds', next: 'refund-info' },
      ],
    },
    {
      id: 'booking-ref',
      kind: 'question',
      prompt: 'What is your booking reference?',
      field: 'booking_reference',
      fieldKey: 'booking_reference',
      next: 'no-show',
    },
    {
      id: 'no-show',
      kind: 'handover',
      inboxCode: 'LIS_GUEST',
      tags: ['airport'],
      message: 'Connecting you with the pickup team now.',
    },
    { id: 'refund-info', kind: 'answer', text: 'Refunds reach your card within 5 days.' },
  ],
};

function views(): ChatPathView[] {
  return [
    {
      audience: 'guest',
      path: {
        id: '99999999-9999-4999-8999-999999999999',
        audience: 'guest',
        enabled: true,
        definition: GUEST_PATH,
        updatedAt: new Date('2026-03-01T09:00:00Z'),
        updatedByName: 'Lena Lead',
      },
      problems: [],
    },
    { audience: 'driver', path: null, problems: [] },
  ];
}

function queries(role: 'lead' | 'trainer') {
  return trpcHandler({
    'people.me': () => mockViewer({ role, name: 'Lena Lead' }),
    'chatPaths.list': () => views(),
    'routing.listInboxes': () => ({
      items: [
        inboxRow(),
        inboxRow({ id: 'i2', code: 'LIS_DRIVER', name: 'Lisbon drivers', audience: 'driver' }),
      ],
      total: 2,
      limit: 200,
      offset: 0,
    }),
    'playbooks.tagOptions': () => [
      { code: 'airport', name: 'Airport', color: 'blue' },
      { code: 'lost-property', name: 'Lost property', color: 'teal' },
    ],
  });
}

/** The test drive runs the real domain functions, as the server does. */
const preview = trpcMutationHandler({
  'chatPaths.preview': ({ definition, state, input }) => {
    // The server parses the draft (filling defaults); these drafts are complete already.
    const path = definition as ChatPath;
    const turn = state && input ? advanceChat(path, state, input) : startChat(path);
    return {
      turn,
      handoverInbox:
        turn.done?.kind === 'handover' && turn.done.inboxCode
          ? { code: turn.done.inboxCode, name: 'Lisbon guests', active: true }
          : null,
    };
  },
});

/** Picks an option of a Mantine Select (jsdom lays out nothing, so options count as hidden). */
async function pick(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, option: string) {
  await user.click(input);
  const popup = await waitFor(() => {
    const id = input.getAttribute('aria-controls');
    const element = id ? document.getElementById(id) : null;
    if (!element) throw new Error('The dropdown did not open');
    return element;
  });
  await user.click(within(popup).getByRole('option', { name: option, hidden: true }));
}

const step = (name: string) => screen.getByRole('group', { name });

describe('ChatPathsPage', () => {
  it('shows each audience’s path, its switch and steps, and a draft where there is none', async () => {
    const user = userEvent.setup();
    server.use(queries('lead'));
    const { router } = renderRoutes({ path: '/chat-paths', routes: consoleRoutes });

    expect(await screen.findByRole('heading', { name: 'Chat paths' })).toBeInTheDocument();
    expect(await screen.findByLabelText('Greeting')).toHaveValue(
      'Hi! I’m the Switchboard assistant.',
    );
    expect(screen.getByRole('switch', { name: /Bot on for guests/ })).toBeChecked();
    expect(screen.getByText(/by Lena Lead\. On: guests meet this bot first\./)).toBeInTheDocument();
    const start = within(step('Step 1: start'));
    expect(start.getByText('First step')).toBeInTheDocument();
    expect(start.getByLabelText('Option 1')).toHaveValue('Driver did not show up');
    expect(start.getByRole('combobox', { name: 'Option 2 goes to' })).toHaveValue('refund-info');
    expect(within(step('Step 2: booking-ref')).getByLabelText('Question')).toHaveValue(
      'What is your booking reference?',
    );
    expect(screen.getByRole('link', { name: 'Chat paths' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await user.click(screen.getByRole('tab', { name: /Drivers/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?audience=driver'));
    expect(
      await screen.findByText(/No path yet: drivers write to a person straight away/),
    ).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: /Bot on for drivers/ })).not.toBeChecked();
  });

  it('lets a lead add a step, shows what does not hang together, and saves with a note', async () => {
    const user = userEvent.setup();
    const saves: SaveInput[] = [];
    server.use(
      queries('lead'),
      trpcMutationHandler({
        'chatPaths.save': (input) => {
          saves.push(input);
          return {
            ...views()[0]!.path!,
            definition: input.definition as ChatPath,
            updatedAt: new Date(),
          };
        },
      }),
    );
    renderRoutes({ path: '/chat-paths', routes: consoleRoutes });
    await screen.findByLabelText('Greeting');

    await user.click(screen.getByRole('button', { name: 'Add step' }));
    await user.click(await screen.findByRole('menuitem', { name: /Answer/, hidden: true }));
    const added = within(step('Step 5: answer'));
    expect(
      await screen.findByText('Nothing leads to step answer, so no visitor will ever see it'),
    ).toBeInTheDocument();

    // Saving what does not hang together sends nothing.
    await user.click(screen.getByRole('button', { name: 'Save path' }));
    expect(await screen.findByText('Answer: write what the bot says')).toBeInTheDocument();
    expect(saves).toEqual([]);

    await user.click(added.getByLabelText('Answer'));
    await user.paste('Lost items go to the desk at arrivals.');
    await user.click(screen.getByRole('button', { name: 'Add option to start' }));
    const start = within(step('Step 1: start'));
    await user.click(start.getByLabelText('Option 3'));
    await user.paste('Lost something');
    await pick(user, start.getByRole('combobox', { name: 'Option 3 goes to' }), 'answer');
    await waitFor(() =>
      expect(screen.queryByText(/Nothing leads to step answer/)).not.toBeInTheDocument(),
    );
    await user.click(screen.getByLabelText('Tell agents what changes'));
    await user.paste('Guests can now find lost items themselves.');
    await user.click(screen.getByRole('button', { name: 'Save path' }));

    await waitFor(() => expect(saves).toHaveLength(1));
    expect(saves[0]).toMatchObject({
      audience: 'guest',
      enabled: true,
      rolloutNote: 'Guests can now find lost items themselves.',
    });
    expect(saves[0]!.definition.steps.at(-1)).toEqual({
      id: 'answer',
      kind: 'answer',
      text: 'Lost items go to the desk at arrivals.',
    });
    expect(saves[0]!.definition.steps[0]).toMatchObject({
      options: [
        { label: 'Driver did not show up', next: 'booking-ref' },
        { label: 'Refunds', next: 'refund-info' },
        { label: 'Lost something', next: 'answer' },
      ],
    });
    expect(await screen.findByText('Guest chat path saved')).toBeInTheDocument();
  }, 40_000);

  it('follows a renamed step in every link to it', async () => {
    const user = userEvent.setup();
    server.use(queries('lead'));
    renderRoutes({ path: '/chat-paths', routes: consoleRoutes });
    const id = within(await screen.findByRole('group', { name: 'Step 4: refund-info' }));
    await user.clear(id.getByLabelText('Step id'));
    await user.type(id.getByLabelText('Step id'), 'refunds');
    expect(
      within(step('Step 1: start')).getByRole('combobox', { name: 'Option 2 goes to' }),
    ).toHaveValue('refunds');
    expect(screen.queryByText(/not a step/)).not.toBeInTheDocument();
  });

  it('test-drives the draft: a menu, a refused then accepted answer, the handover', async () => {
    const user = userEvent.setup();
    server.use(queries('lead'), preview);
    renderRoutes({ path: '/chat-paths', routes: consoleRoutes });
    await screen.findByLabelText('Greeting');
    const drive = within(screen.getByRole('region', { name: 'Test drive' }));

    await user.click(drive.getByRole('button', { name: 'Start' }));
    const talk = within(await drive.findByRole('list', { name: 'Test conversation' }));
    expect(talk.getByText('Hi! I’m the Switchboard assistant.')).toBeInTheDocument();
    expect(drive.getByRole('button', { name: 'Talk to a person' })).toBeInTheDocument();
    await user.click(drive.getByRole('button', { name: 'Driver did not show up' }));
    await talk.findByText('What is your booking reference?');

    const answer = drive.getByLabelText('Visitor’s answer (booking reference)');
    await user.type(answer, 'yesterday');
    await user.click(drive.getByRole('button', { name: 'Answer' }));
    expect(await drive.findByRole('alert')).toHaveTextContent(
      'That does not look like a booking reference',
    );
    await user.clear(answer);
    await user.type(answer, 'lis-7k3qf2');
    await user.click(drive.getByRole('button', { name: 'Answer' }));

    const outcome = await drive.findByRole('status');
    expect(outcome).toHaveTextContent('Handed over to Lisbon guests (LIS_GUEST)');
    expect(outcome).toHaveTextContent('airport');
    expect(outcome).toHaveTextContent('booking_reference:LIS-7K3QF2');
    expect(talk.getByText('Connecting you with the pickup team now.')).toBeInTheDocument();
    expect(drive.queryByRole('button', { name: 'Talk to a person' })).not.toBeInTheDocument();

    await user.click(drive.getByRole('button', { name: 'Restart' }));
    await user.click(await drive.findByRole('button', { name: 'Refunds' }));
    await user.click(await drive.findByRole('button', { name: 'Yes, that solved it' }));
    expect(await drive.findByRole('status')).toHaveTextContent('No conversation is created');
  }, 30_000);

  it('lets a trainer read and test-drive, but not change the path', async () => {
    const user = userEvent.setup();
    server.use(queries('trainer'), preview);
    renderRoutes({ path: '/chat-paths', routes: consoleRoutes });
    expect(await screen.findByLabelText('Greeting')).toBeDisabled();
    expect(screen.getByRole('switch', { name: /Bot on for guests/ })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save path' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add step' })).not.toBeInTheDocument();
    const drive = within(screen.getByRole('region', { name: 'Test drive' }));
    await user.click(drive.getByRole('button', { name: 'Start' }));
    await user.click(await drive.findByRole('button', { name: 'Talk to a person' }));
    expect(await drive.findByRole('status')).toHaveTextContent('Handed over to Lisbon guests');
  });

  it('shows the server’s refusal and keeps the draft', async () => {
    const user = userEvent.setup();
    server.use(
      queries('lead'),
      trpcMutationHandler({
        'chatPaths.save': () => {
          throw new MockTRPCError('BAD_REQUEST', 'Lisbon guests is inactive');
        },
      }),
    );
    renderRoutes({ path: '/chat-paths', routes: consoleRoutes });
    const greeting = await screen.findByLabelText('Greeting');
    await user.clear(greeting);
    await user.type(greeting, 'Hello!');
    await user.click(screen.getByRole('button', { name: 'Save path' }));
    expect(await screen.findByText('Lisbon guests is inactive')).toBeInTheDocument();
    expect(screen.getByText('Not saved')).toBeInTheDocument();
    expect(greeting).toHaveValue('Hello!');
  });
});
