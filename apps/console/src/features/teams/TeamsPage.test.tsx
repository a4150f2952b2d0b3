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
import { LISBON_L1_ID, LISBON_L2_ID, staffRow, teamMember, teamRow } from '../../test/fixtures.ts';
import { accepted, mutationInput, refusal } from '../../test/trpc-answers.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Team = ProcedureOutput<'people.teams'>[number];

const JOAO_ID = '77777777-7777-4777-8777-777777777777';
const MARTA_ID = '88888888-8888-4888-8888-888888888888';
const PORTO_ID = '13131313-1313-4131-8131-131313131313';

function lisbonTeams(): Team[] {
  return [
    teamRow({
      members: [
        teamMember(),
        teamMember({
          userId: '55555555-5555-4555-8555-555555555555',
          name: 'Lena Lead',
          email: 'lena.lead@switchboard.test',
          role: 'lead',
          staffRole: 'lead',
          availability: 'away',
        }),
      ],
    }),
    teamRow({
      id: LISBON_L2_ID,
      code: 'LIS_L2',
      name: 'Lisbon Escalations L2',
      kind: 'escalations_l2',
      description: '',
      inboxes: [],
      members: [],
    }),
  ];
}

/** The teams as the server keeps them, so a refetch after a change shows it. */
function teamsQueries(role: 'lead' | 'trainer' | 'admin', state: { teams: Team[] }) {
  return trpcHandler({
    'people.me': () => mockViewer({ role, name: 'Lena Lead' }),
    'people.teams': () => state.teams,
  });
}

function withMembers(teams: Team[], teamId: string, members: Team['members']): Team[] {
  return teams.map((team) =>
    team.id === teamId ? { ...team, members, memberCount: members.length } : team,
  );
}

function teamRowOf(name: string) {
  return screen.getByRole('button', { name }).closest('tr') as HTMLElement;
}

function members(teamName: string) {
  return within(screen.getByRole('table', { name: `Members of ${teamName}` }));
}

function memberRow(teamName: string, name: string) {
  return within(members(teamName).getByText(name).closest('tr') as HTMLElement);
}

describe('TeamsPage', () => {
  it('lists the teams with their inboxes and opens one to show its members', async () => {
    const user = userEvent.setup();
    server.use(teamsQueries('lead', { teams: lisbonTeams() }));
    const { router } = renderRoutes({ path: '/teams', routes: consoleRoutes });

    // The first render of the file pays for cold imports: give it longer under a busy runner.
    const toggle = await screen.findByRole(
      'button',
      { name: 'Lisbon Support L1' },
      { timeout: 10_000 },
    );
    const row = within(teamRowOf('Lisbon Support L1'));
    expect(row.getByText('Support L1')).toBeInTheDocument();
    expect(row.getByText('LIS_L1')).toBeInTheDocument();
    expect(row.getByRole('link', { name: 'Lisbon guests' })).toHaveAttribute(
      'href',
      '/inboxes/66666666-6666-4666-8666-666666666666',
    );
    expect(row.getByText('2')).toBeInTheDocument();
    expect(within(teamRowOf('Lisbon Escalations L2')).getByText('No inboxes')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Teams' })).toHaveAttribute('aria-current', 'page');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await user.click(toggle);
    await waitFor(() => expect(router.state.location.search).toBe('?team=LIS_L1'));
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const joao = memberRow('Lisbon Support L1', 'João Pereira');
    expect(joao.getByText('joao.pereira@switchboard.test')).toBeInTheDocument();
    expect(joao.getByText('Agent')).toBeInTheDocument();
    expect(joao.getByText('Member')).toBeInTheDocument();
    expect(joao.getByText('Online')).toBeInTheDocument();
    const lena = memberRow('Lisbon Support L1', 'Lena Lead');
    expect(lena.getByText('Lead')).toBeInTheDocument();
    expect(lena.getByText('Away')).toBeInTheDocument();

    // One team open at a time, from the URL.
    await user.click(screen.getByRole('button', { name: 'Lisbon Escalations L2' }));
    expect(await screen.findByText('Nobody is on Lisbon Escalations L2')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Members of Lisbon Support L1' })).toBeNull();
  });

  it('shows a trainer the teams and members read-only', async () => {
    server.use(teamsQueries('trainer', { teams: lisbonTeams() }));
    renderRoutes({ path: '/teams?team=LIS_L1', routes: consoleRoutes });
    await screen.findByRole('table', { name: 'Members of Lisbon Support L1' });
    expect(screen.getByText(/Read only: team leads and admins create teams/)).toBeInTheDocument();
    expect(memberRow('Lisbon Support L1', 'João Pereira').getByText('Member')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New team' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit Lisbon Support L1' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Add a member/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Make / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove / })).toBeNull();
  });

  it('says so when there are no teams, and when they cannot be loaded', async () => {
    server.use(teamsQueries('lead', { teams: [] }));
    const { unmount } = renderRoutes({ path: '/teams', routes: consoleRoutes });
    expect(await screen.findByText('No teams yet')).toBeInTheDocument();
    unmount();

    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead' }),
        'people.teams': () => {
          throw new MockTRPCError('FORBIDDEN', 'Agents are not allowed to do this');
        },
      }),
    );
    renderRoutes({ path: '/teams', routes: consoleRoutes });
    expect(await screen.findByText('Agents are not allowed to do this')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('creates a team checked like the server, shows a taken code on its field, then opens it', async () => {
    const user = userEvent.setup();
    const state = { teams: lisbonTeams() };
    const attempts: unknown[] = [];
    server.use(
      teamsQueries('lead', state),
      http.post('*/trpc/people.createTeam', async ({ request }) => {
        const input = (await mutationInput(request)) as ProcedureInput<'people.createTeam'>;
        attempts.push(input);
        if (attempts.length === 1) {
          return refusal(
            'people.createTeam',
            'CONFLICT',
            'code',
            'code: A team with the code PORTO_SUPPORT_L1 exists already',
          );
        }
        const created = {
          id: PORTO_ID,
          code: input.code,
          name: input.name,
          kind: input.kind,
          description: input.description ?? '',
        };
        state.teams = [...state.teams, teamRow({ ...created, inboxes: [], members: [] })];
        return accepted(created);
      }),
    );
    const { router } = renderRoutes({ path: '/teams', routes: consoleRoutes });
    await user.click(await screen.findByRole('button', { name: 'New team' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New team' }));

    await user.click(dialog.getByRole('button', { name: 'Create team' }));
    expect(await dialog.findByText('Name the team')).toBeInTheDocument();
    expect(dialog.getByText('Choose what the team does')).toBeInTheDocument();
    expect(attempts).toEqual([]);

    await user.type(dialog.getByRole('textbox', { name: 'Name' }), 'Porto Support L1');
    expect(dialog.getByRole('textbox', { name: 'Code' })).toHaveValue('PORTO_SUPPORT_L1');
    const kind = dialog.getByRole('combobox', { name: 'Kind' });
    await user.click(kind);
    const listbox = document.getElementById(kind.getAttribute('aria-controls') ?? '')!;
    await user.click(within(listbox).getByRole('option', { name: 'Support L1', hidden: true }));
    await user.click(dialog.getByRole('button', { name: 'Create team' }));

    expect(
      await dialog.findByText('A team with the code PORTO_SUPPORT_L1 exists already'),
    ).toBeInTheDocument();
    expect(dialog.getByRole('textbox', { name: 'Code' })).toHaveAttribute('aria-invalid', 'true');

    fireEvent.change(dialog.getByRole('textbox', { name: 'Code' }), {
      target: { value: 'opo-l1' },
    });
    await user.click(dialog.getByRole('button', { name: 'Create team' }));
    await waitFor(() => expect(attempts).toHaveLength(2));
    expect(attempts[1]).toMatchObject({
      code: 'OPO_L1',
      name: 'Porto Support L1',
      kind: 'support_l1',
      description: '',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Team Porto Support L1 created')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe('?team=OPO_L1'));
    expect(await screen.findByText('Nobody is on Porto Support L1')).toBeInTheDocument();
  });

  it('renames a team and describes it', async () => {
    const user = userEvent.setup();
    const state = { teams: lisbonTeams() };
    const sent: ProcedureInput<'people.updateTeam'>[] = [];
    server.use(
      teamsQueries('admin', state),
      trpcMutationHandler({
        'people.updateTeam': (input) => {
          sent.push(input);
          state.teams = state.teams.map((team) =>
            team.id === input.id
              ? { ...team, name: input.name, description: input.description ?? '' }
              : team,
          );
          return {
            id: input.id,
            code: 'LIS_L2',
            name: input.name,
            description: input.description ?? '',
          };
        },
      }),
    );
    renderRoutes({ path: '/teams?team=LIS_L2', routes: consoleRoutes });
    await user.click(await screen.findByRole('button', { name: 'Edit Lisbon Escalations L2' }));
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Edit Lisbon Escalations L2' }),
    );
    const name = dialog.getByRole('textbox', { name: 'Name' });
    fireEvent.change(name, { target: { value: ' ' } });
    await user.click(dialog.getByRole('button', { name: 'Save team' }));
    expect(await dialog.findByText('Name the team')).toBeInTheDocument();

    fireEvent.change(name, { target: { value: 'Lisbon L2 — complex cases' } });
    fireEvent.change(dialog.getByRole('textbox', { name: 'Description' }), {
      target: { value: 'Airport no-shows and refunds above the L1 limit' },
    });
    await user.click(dialog.getByRole('button', { name: 'Save team' }));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          id: LISBON_L2_ID,
          name: 'Lisbon L2 — complex cases',
          description: 'Airport no-shows and refunds above the L1 limit',
        },
      ]),
    );
    expect(await screen.findByText('Team Lisbon L2 — complex cases saved')).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Lisbon L2 — complex cases' }),
    ).toBeInTheDocument();
  });

  it('adds someone found by search, as lead', async () => {
    const user = userEvent.setup();
    const state = { teams: lisbonTeams() };
    const searches: ProcedureInput<'people.list'>[] = [];
    const sent: ProcedureInput<'people.addTeamMember'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead' }),
        'people.teams': () => state.teams,
        'people.list': (input) => {
          searches.push(input);
          const everyone = [
            staffRow(),
            staffRow({ id: MARTA_ID, name: 'Marta Costa', email: 'marta.costa@switchboard.test' }),
            staffRow({
              id: '44444444-4444-4444-8444-444444444444',
              name: 'Mariana Dias',
              email: 'mariana.dias@switchboard.test',
              active: false,
            }),
          ];
          const items = everyone.filter((person) =>
            person.name.toLowerCase().includes((input.search ?? '').toLowerCase()),
          );
          return { items, total: items.length, limit: 20, offset: 0 };
        },
      }),
      trpcMutationHandler({
        'people.addTeamMember': (input) => {
          sent.push(input);
          const team = state.teams.find((item) => item.id === input.teamId)!;
          state.teams = withMembers(state.teams, input.teamId, [
            ...team.members,
            teamMember({
              userId: input.userId,
              name: 'Marta Costa',
              email: 'marta.costa@switchboard.test',
              role: input.role ?? 'member',
              availability: 'offline',
            }),
          ]);
          return { teamId: input.teamId, userId: input.userId, role: input.role ?? 'member' };
        },
      }),
    );
    renderRoutes({ path: '/teams?team=LIS_L1', routes: consoleRoutes });
    await user.click(
      await screen.findByRole('button', { name: 'Add a member to Lisbon Support L1' }),
    );
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Add a member to Lisbon Support L1' }),
    );
    await user.click(dialog.getByRole('button', { name: 'Add member' }));
    expect(await dialog.findByText('Choose a person')).toBeInTheDocument();

    const person = dialog.getByRole('combobox', { name: 'Person' });
    await user.type(person, 'Mar');
    await waitFor(() => expect(searches.at(-1)).toMatchObject({ search: 'Mar', limit: 20 }));
    const listbox = within(document.getElementById(person.getAttribute('aria-controls') ?? '')!);
    const marta = await listbox.findByRole('option', { name: /Marta Costa/, hidden: true });
    // Someone deactivated cannot join a team.
    expect(listbox.getByRole('option', { name: /Mariana Dias/, hidden: true })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    fireEvent.click(marta);
    expect(person).toHaveValue('Marta Costa');
    await user.click(dialog.getByRole('radio', { name: 'Lead' }));
    fireEvent.change(dialog.getByRole('textbox', { name: 'Tell agents what changes' }), {
      target: { value: 'Marta leads Lisbon L1 from Monday.' },
    });
    await user.click(dialog.getByRole('button', { name: 'Add member' }));

    await waitFor(() =>
      expect(sent).toEqual([
        {
          teamId: LISBON_L1_ID,
          userId: MARTA_ID,
          role: 'lead',
          rolloutNote: 'Marta leads Lisbon L1 from Monday.',
        },
      ]),
    );
    expect(await screen.findByText('Marta Costa added to Lisbon Support L1 as lead')).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      await within(screen.getByRole('table', { name: 'Members of Lisbon Support L1' })).findByText(
        'Marta Costa',
      ),
    ).toBeInTheDocument();
  });

  it('offers someone already on the team as taken', async () => {
    const user = userEvent.setup();
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead' }),
        'people.teams': () => lisbonTeams(),
        'people.list': () => ({ items: [staffRow()], total: 1, limit: 20, offset: 0 }),
      }),
    );
    renderRoutes({ path: '/teams?team=LIS_L1', routes: consoleRoutes });
    await user.click(
      await screen.findByRole('button', { name: 'Add a member to Lisbon Support L1' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    const person = dialog.getByRole('combobox', { name: 'Person' });
    fireEvent.click(person);
    const listbox = within(document.getElementById(person.getAttribute('aria-controls') ?? '')!);
    const joao = await listbox.findByRole('option', { name: /João Pereira/, hidden: true });
    expect(joao).toHaveAttribute('aria-disabled', 'true');
    expect(within(joao).getByText('On Lisbon Support L1 already')).toBeInTheDocument();
  });

  it('makes a member the team lead, and back', async () => {
    const user = userEvent.setup();
    const state = { teams: lisbonTeams() };
    const sent: ProcedureInput<'people.addTeamMember'>[] = [];
    server.use(
      teamsQueries('lead', state),
      trpcMutationHandler({
        'people.addTeamMember': (input) => {
          sent.push(input);
          const team = state.teams.find((item) => item.id === input.teamId)!;
          state.teams = withMembers(
            state.teams,
            input.teamId,
            team.members.map((member) =>
              member.userId === input.userId ? { ...member, role: input.role ?? 'member' } : member,
            ),
          );
          return { teamId: input.teamId, userId: input.userId, role: input.role ?? 'member' };
        },
      }),
    );
    renderRoutes({ path: '/teams?team=LIS_L1', routes: consoleRoutes });
    await user.click(await screen.findByRole('button', { name: 'Make João Pereira team lead' }));
    expect(await screen.findByText('João Pereira now leads Lisbon Support L1')).toBeInTheDocument();
    await waitFor(() =>
      expect(memberRow('Lisbon Support L1', 'João Pereira').getByText('Lead')).toBeInTheDocument(),
    );

    await user.click(screen.getByRole('button', { name: 'Make João Pereira a member' }));
    expect(
      await screen.findByText('João Pereira is now a member of Lisbon Support L1'),
    ).toBeInTheDocument();
    expect(sent).toEqual([
      { teamId: LISBON_L1_ID, userId: JOAO_ID, role: 'lead' },
      { teamId: LISBON_L1_ID, userId: JOAO_ID, role: 'member' },
    ]);
  });

  it('removes someone after confirming, with a rollout note', async () => {
    const user = userEvent.setup();
    const state = { teams: lisbonTeams() };
    const sent: ProcedureInput<'people.removeTeamMember'>[] = [];
    server.use(
      teamsQueries('lead', state),
      trpcMutationHandler({
        'people.removeTeamMember': (input) => {
          sent.push(input);
          const team = state.teams.find((item) => item.id === input.teamId)!;
          state.teams = withMembers(
            state.teams,
            input.teamId,
            team.members.filter((member) => member.userId !== input.userId),
          );
          return { teamId: input.teamId, userId: input.userId };
        },
      }),
    );
    renderRoutes({ path: '/teams?team=LIS_L1', routes: consoleRoutes });
    await user.click(
      await screen.findByRole('button', { name: 'Remove João Pereira from Lisbon Support L1' }),
    );
    const confirm = within(
      await screen.findByRole('dialog', { name: 'Remove from Lisbon Support L1?' }),
    );
    expect(confirm.getByText(/Conversations they hold stay theirs/)).toBeInTheDocument();
    await user.click(confirm.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent).toEqual([]);

    await user.click(
      screen.getByRole('button', { name: 'Remove João Pereira from Lisbon Support L1' }),
    );
    const again = within(
      await screen.findByRole('dialog', { name: 'Remove from Lisbon Support L1?' }),
    );
    fireEvent.change(again.getByRole('textbox', { name: 'Tell agents what changes' }), {
      target: { value: 'João moves to the night team.' },
    });
    await user.click(again.getByRole('button', { name: 'Remove João Pereira' }));
    await waitFor(() =>
      expect(sent).toEqual([
        { teamId: LISBON_L1_ID, userId: JOAO_ID, rolloutNote: 'João moves to the night team.' },
      ]),
    );
    expect(
      await screen.findByText('João Pereira removed from Lisbon Support L1'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(members('Lisbon Support L1').queryByText('João Pereira')).toBeNull(),
    );
    expect(within(teamRowOf('Lisbon Support L1')).getByText('1')).toBeInTheDocument();
  });
});
