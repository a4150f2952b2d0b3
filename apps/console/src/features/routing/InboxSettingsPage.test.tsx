import {
  MockTRPCError,
  mockViewer,
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import { inboxRow, LISBON_L1_ID, LISBON_L2_ID, teamRow } from '../../test/fixtures.ts';
import { refusal } from '../../test/trpc-answers.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type InboxSettings = ProcedureOutput<'routing.inbox'>;

const INBOX_ID = '66666666-6666-4666-8666-666666666666';
const JOAO_ID = '77777777-7777-4777-8777-777777777777';
const MARTA_ID = '88888888-8888-4888-8888-888888888888';

function inboxSettings(overrides: Partial<InboxSettings> = {}): InboxSettings {
  return {
    id: INBOX_ID,
    code: 'LIS_GUEST',
    name: 'Lisbon guests',
    description: 'Riders and travellers in Lisbon',
    audience: 'guest',
    channels: ['chat', 'whatsapp'],
    active: true,
    assignmentPolicy: { mode: 'round_robin', replyLimitMinutes: 15 },
    cityCode: 'LIS',
    teamId: LISBON_L1_ID,
    teamCode: 'LIS_L1',
    teamName: 'Lisbon Support L1',
    members: [
      {
        id: JOAO_ID,
        name: 'João Pereira',
        role: 'agent',
        availability: 'online',
        channelCapacity: { chat: 4, whatsapp: 2 },
        skills: ['airport_transfers'],
        languages: ['pt-PT', 'en'],
        openChats: 3,
      },
      {
        id: MARTA_ID,
        name: 'Marta Costa',
        role: 'agent',
        availability: 'offline',
        channelCapacity: { email: 10 },
        skills: [],
        languages: ['pt-PT'],
        openChats: 0,
      },
    ],
    ...overrides,
  };
}

const TEAMS = [
  teamRow(),
  teamRow({
    id: LISBON_L2_ID,
    code: 'LIS_L2',
    name: 'Lisbon Escalations L2',
    kind: 'escalations_l2',
    inboxes: [],
    members: [],
  }),
];

function inboxQuery(role: 'lead' | 'trainer' | 'admin', data: () => InboxSettings) {
  return trpcHandler({
    'people.me': () => mockViewer({ role, name: 'Lena Lead' }),
    'routing.inbox': (input) => {
      if (input.id !== INBOX_ID) throw new MockTRPCError('NOT_FOUND', 'Inbox not found');
      return data();
    },
    'routing.listInboxes': () => ({ items: [inboxRow()], total: 1, limit: 25, offset: 0 }),
    'people.teams': () => TEAMS,
  });
}

/** The popup a Mantine combobox controls, so options are looked up there only (fast). */
function controlled(element: HTMLElement): Promise<HTMLElement> {
  return waitFor(() => {
    const id = element.getAttribute('aria-controls');
    const popup = id ? document.getElementById(id) : null;
    if (!popup) throw new Error('The popup did not open');
    return popup;
  });
}

async function pick(input: HTMLElement, option: string) {
  fireEvent.click(input);
  fireEvent.click(
    within(await controlled(input)).getByRole('option', { name: option, hidden: true }),
  );
}

function settings() {
  return within(screen.getByRole('region', { name: 'Settings' }));
}

function memberRow(name: string) {
  return within(
    within(screen.getByRole('region', { name: 'Members' }))
      .getByText(name)
      .closest('tr')!,
  );
}

describe('InboxSettingsPage', () => {
  it('opens from the inbox list and shows the settings and the team’s members', async () => {
    const user = userEvent.setup();
    server.use(inboxQuery('lead', () => inboxSettings()));
    const { router } = renderRoutes({ path: '/inboxes', routes: consoleRoutes });
    // The first render of the file pays for cold imports: give it longer under a busy runner.
    const link = await screen.findByText('Lisbon guests', { selector: 'a' }, { timeout: 10_000 });
    expect(link).toHaveAttribute('href', `/inboxes/${INBOX_ID}`);
    await user.click(link);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/inboxes/${INBOX_ID}`));

    expect(await screen.findByRole('heading', { name: 'Lisbon guests' })).toBeInTheDocument();
    expect(screen.getByText('LIS_GUEST')).toBeInTheDocument();
    expect(screen.getByText('LIS · owned by Lisbon Support L1')).toBeInTheDocument();
    expect(settings().getByRole('textbox', { name: 'Name' })).toHaveValue('Lisbon guests');
    expect(settings().getByRole('radio', { name: 'Round robin' })).toBeChecked();
    expect(settings().getByRole('textbox', { name: 'Reply limit' })).toHaveValue('15 min');
    expect(
      settings().getByRole('switch', { name: 'Require the request type’s certification' }),
    ).toBeChecked();
    expect(
      settings().getByRole('switch', { name: 'Require the conversation’s language' }),
    ).not.toBeChecked();
    expect(settings().getByRole('button', { name: 'Save settings' })).toBeDisabled();

    const joao = memberRow('João Pereira');
    expect(joao.getByText('Online')).toBeInTheDocument();
    expect(joao.getByText('airport_transfers')).toBeInTheDocument();
    expect(joao.getByText('pt-PT')).toBeInTheDocument();
    const cells = joao.getAllByRole('cell').map((cell) => cell.textContent);
    // Chat, WhatsApp, Email, Voice capacity, then open chats.
    expect(cells.slice(2, 7)).toEqual(['4', '2', '—', '—', '3']);
    expect(memberRow('Marta Costa').getByText('No skills')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Inboxes' })).toHaveAttribute('aria-current', 'page');
  });

  it('checks the settings like the server and saves them with a rollout note', async () => {
    const user = userEvent.setup();
    const sent: ProcedureInput<'routing.updateInbox'>[] = [];
    server.use(
      inboxQuery('lead', () => inboxSettings()),
      trpcMutationHandler({
        'routing.updateInbox': (input) => {
          sent.push(input);
          return {
            id: input.id,
            name: input.name,
            description: input.description,
            teamId: input.teamId,
            channels: input.channels,
            active: input.active,
            assignmentPolicy: input.assignmentPolicy,
          };
        },
      }),
    );
    renderRoutes({ path: `/inboxes/${INBOX_ID}`, routes: consoleRoutes });
    const name = await screen.findByRole('textbox', { name: 'Name' });

    fireEvent.change(name, { target: { value: '  ' } });
    fireEvent.change(settings().getByRole('textbox', { name: 'Required skill' }), {
      target: { value: 'Airport Transfers' },
    });
    await user.click(settings().getByRole('button', { name: 'Save settings' }));
    expect(await settings().findByText('Name the inbox')).toBeInTheDocument();
    expect(settings().getByText(/Skills are lower_snake_case/)).toBeInTheDocument();
    expect(sent).toEqual([]);

    fireEvent.change(name, { target: { value: 'Lisbon guests (PT)' } });
    fireEvent.change(settings().getByRole('textbox', { name: 'Required skill' }), {
      target: { value: 'portuguese_native' },
    });
    await pick(settings().getByRole('combobox', { name: 'Channels' }), 'Email');
    await user.click(settings().getByRole('radio', { name: 'Least loaded' }));
    await user.click(
      settings().getByRole('switch', { name: 'Require the conversation’s language' }),
    );
    fireEvent.change(settings().getByRole('textbox', { name: 'Reply limit' }), {
      target: { value: '' },
    });
    fireEvent.change(settings().getByRole('textbox', { name: 'Tell agents what changes' }), {
      target: { value: 'Lisbon guests now need Portuguese speakers.' },
    });
    await user.click(settings().getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      id: INBOX_ID,
      name: 'Lisbon guests (PT)',
      description: 'Riders and travellers in Lisbon',
      teamId: LISBON_L1_ID,
      channels: ['chat', 'whatsapp', 'email'],
      active: true,
      assignmentPolicy: {
        mode: 'least_loaded',
        requireSkill: 'portuguese_native',
        requireLanguage: true,
        requireCertification: true,
        replyLimitMinutes: null,
      },
      rolloutNote: 'Lisbon guests now need Portuguese speakers.',
    });
    expect(await screen.findByText('Inbox settings saved')).toBeInTheDocument();
    await waitFor(() =>
      expect(settings().getByRole('textbox', { name: 'Tell agents what changes' })).toHaveValue(''),
    );
  });

  it('moves the inbox to another team, whose members then show', async () => {
    const user = userEvent.setup();
    const sent: ProcedureInput<'routing.updateInbox'>[] = [];
    let data = inboxSettings();
    server.use(
      inboxQuery('lead', () => data),
      trpcMutationHandler({
        'routing.updateInbox': (input) => {
          sent.push(input);
          data = inboxSettings({
            teamId: LISBON_L2_ID,
            teamCode: 'LIS_L2',
            teamName: 'Lisbon Escalations L2',
            members: [],
          });
          const { rolloutNote: _note, ...saved } = input;
          return saved;
        },
      }),
    );
    renderRoutes({ path: `/inboxes/${INBOX_ID}`, routes: consoleRoutes });
    const team = await screen.findByRole('combobox', { name: 'Team' });
    await waitFor(() => expect(team).toHaveValue('Lisbon Support L1'));
    expect(settings().getByRole('button', { name: 'Save settings' })).toBeDisabled();

    fireEvent.click(team);
    const options = within(await controlled(team));
    // Grouped by what the team does.
    expect(options.getByText('Escalations L2')).toBeInTheDocument();
    fireEvent.click(options.getByRole('option', { name: 'Lisbon Escalations L2', hidden: true }));
    await user.click(settings().getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ id: INBOX_ID, teamId: LISBON_L2_ID });
    expect(await screen.findByText('LIS · owned by Lisbon Escalations L2')).toBeInTheDocument();
    expect(await screen.findByText('Nobody is in Lisbon Escalations L2')).toBeInTheDocument();
  });

  it('shows a refused team on the team field', async () => {
    const user = userEvent.setup();
    server.use(
      inboxQuery('lead', () => inboxSettings()),
      http.post('*/trpc/routing.updateInbox', () =>
        refusal('routing.updateInbox', 'NOT_FOUND', 'teamId', 'teamId: Team not found'),
      ),
    );
    renderRoutes({ path: `/inboxes/${INBOX_ID}`, routes: consoleRoutes });
    const team = await screen.findByRole('combobox', { name: 'Team' });
    await pick(team, 'Lisbon Escalations L2');
    await user.click(settings().getByRole('button', { name: 'Save settings' }));
    expect(await settings().findByText('Team not found')).toBeInTheDocument();
    expect(settings().queryByText('Not saved')).toBeNull();
  });

  it('lets a lead change someone’s availability at once', async () => {
    const sent: ProcedureInput<'routing.setAvailability'>[] = [];
    let data = inboxSettings();
    server.use(
      inboxQuery('lead', () => data),
      trpcMutationHandler({
        'routing.setAvailability': (input) => {
          sent.push(input);
          data = {
            ...data,
            members: data.members.map((member) =>
              member.id === input.userId ? { ...member, availability: input.availability } : member,
            ),
          };
          return { id: input.userId!, availability: input.availability };
        },
      }),
    );
    renderRoutes({ path: `/inboxes/${INBOX_ID}`, routes: consoleRoutes });
    await screen.findByRole('heading', { name: 'Lisbon guests' });
    await pick(
      memberRow('João Pereira').getByRole('combobox', {
        name: 'Change availability of João Pereira',
      }),
      'Away',
    );
    await waitFor(() => expect(memberRow('João Pereira').getByText('Away')).toBeInTheDocument());
    await waitFor(() => expect(sent).toEqual([{ userId: JOAO_ID, availability: 'away' }]));
  });

  it('edits an agent’s capacity, skills and languages in a drawer', async () => {
    const user = userEvent.setup();
    const sent: ProcedureInput<'routing.updateAgentRouting'>[] = [];
    server.use(
      inboxQuery('admin', () => inboxSettings()),
      trpcMutationHandler({
        'routing.updateAgentRouting': (input) => {
          sent.push(input);
          return {
            userId: input.userId,
            channelCapacity: input.channelCapacity,
            skills: input.skills,
            languages: input.languages,
          };
        },
      }),
    );
    renderRoutes({ path: `/inboxes/${INBOX_ID}`, routes: consoleRoutes });
    await user.click(await screen.findByRole('button', { name: 'Edit routing for João Pereira' }));
    const drawer = within(await screen.findByRole('dialog', { name: 'Routing for João Pereira' }));
    expect(drawer.getByRole('textbox', { name: 'Chat capacity' })).toHaveValue('4');

    fireEvent.change(drawer.getByRole('textbox', { name: 'Chat capacity' }), {
      target: { value: '6' },
    });
    fireEvent.change(drawer.getByRole('textbox', { name: 'WhatsApp capacity' }), {
      target: { value: '' },
    });
    fireEvent.change(drawer.getByRole('textbox', { name: 'Email capacity' }), {
      target: { value: '3' },
    });
    fireEvent.paste(drawer.getByLabelText('Languages'), {
      clipboardData: { getData: () => 'Portuguese' },
    });
    await user.click(drawer.getByRole('button', { name: 'Save routing' }));
    expect(await drawer.findByText(/Use a language code such as en/)).toBeInTheDocument();
    expect(sent).toEqual([]);

    const languages = drawer.getByLabelText('Languages');
    // The last pill is the bad one: Backspace on the empty input removes it.
    fireEvent.keyDown(languages, { key: 'Backspace' });
    fireEvent.paste(drawer.getByLabelText('Skills'), {
      clipboardData: { getData: () => 'vip_guests' },
    });
    fireEvent.change(drawer.getByRole('textbox', { name: 'Tell agents what changes' }), {
      target: { value: 'João now takes email.' },
    });
    await user.click(drawer.getByRole('button', { name: 'Save routing' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      userId: JOAO_ID,
      channelCapacity: { chat: 6, email: 3 },
      skills: ['airport_transfers', 'vip_guests'],
      languages: ['pt-PT', 'en'],
      rolloutNote: 'João now takes email.',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Routing for João Pereira saved')).toBeInTheDocument();
  });

  it('shows a trainer the settings and members read-only', async () => {
    server.use(inboxQuery('trainer', () => inboxSettings()));
    renderRoutes({ path: `/inboxes/${INBOX_ID}`, routes: consoleRoutes });
    expect(await screen.findByText(/Read only: team leads and admins change/)).toBeInTheDocument();
    expect(settings().getByRole('textbox', { name: 'Name' })).toBeDisabled();
    expect(settings().getByRole('radio', { name: 'Round robin' })).toBeDisabled();
    expect(settings().getByRole('combobox', { name: 'Team' })).toBeDisabled();
    expect(settings().queryByRole('button', { name: 'Save settings' })).toBeNull();
    expect(settings().queryByRole('textbox', { name: 'Tell agents what changes' })).toBeNull();
    expect(memberRow('João Pereira').getByText('Online')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit routing for/ })).toBeNull();
    expect(screen.queryByRole('combobox', { name: /^Change availability of/ })).toBeNull();
  });

  it('says so when the inbox does not exist, and when its team has nobody', async () => {
    server.use(inboxQuery('lead', () => inboxSettings({ members: [] })));
    const { router } = renderRoutes({
      path: '/inboxes/11111111-2222-4333-8444-555555555555',
      routes: consoleRoutes,
    });
    expect(await screen.findByText('Inbox not found')).toBeInTheDocument();

    await router.navigate(`/inboxes/${INBOX_ID}`);
    expect(await screen.findByText('Nobody is in Lisbon Support L1')).toBeInTheDocument();
    expect(screen.getByText(/they wait unassigned until someone joins/)).toBeInTheDocument();
  });
});
