import { type EscalationMatrixEntry, exampleEscalationMatrix } from '@switchboard/domain';
import {
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
import { teamRow } from '../../test/fixtures.ts';
import { refusal } from '../../test/trpc-answers.ts';
import { engineeringEntry, financeEntry } from './matrix-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type MatrixRow = ProcedureOutput<'escalations.matrix'>[number];
type SaveInput = ProcedureInput<'escalations.saveMatrixEntry'>;

const FINANCE_ENTRY_ID = '51515151-5151-4151-8151-515151515151';
const ENGINEERING_ENTRY_ID = '52525252-5252-4252-8252-525252525252';
const finance = financeEntry();
const operations = exampleEscalationMatrix.find((entry) => entry.teamKind === 'operations_fleet')!;
const EVERY_DAY_ALL_DAY = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['00:00', '24:00']]]),
);

function matrixRow(overrides: Partial<MatrixRow> = {}): MatrixRow {
  return {
    id: FINANCE_ENTRY_ID,
    teamKind: 'finance_payouts',
    ownerTeamId: '53535353-5353-4353-8353-535353535353',
    ownerTeamName: 'Finance & Payouts',
    version: 3,
    definition: financeEntry(),
    updatedAt: new Date('2026-03-01T10:00:00Z'),
    updatedByName: 'Lena Lead',
    ...overrides,
  };
}

const TEAMS = [
  teamRow(),
  teamRow({
    id: '53535353-5353-4353-8353-535353535353',
    code: 'FINANCE_PAYOUTS',
    name: 'Finance & Payouts',
    kind: 'finance_payouts',
    members: [],
  }),
  teamRow({
    id: '54545454-5454-4454-8454-545454545454',
    code: 'PAYOUTS_NIGHT',
    name: 'Payouts night desk',
    kind: 'finance_payouts',
    members: [],
  }),
  teamRow({
    id: '55555555-5555-4555-8555-555555555555',
    code: 'OPS_LISBON',
    name: 'Lisbon fleet ops',
    kind: 'operations_fleet',
    members: [],
  }),
];

function matrixQueries(role: 'lead' | 'trainer', current: () => MatrixRow[]) {
  return trpcHandler({
    'people.me': () => mockViewer({ role, name: role === 'lead' ? 'Lena Lead' : 'Tomás Trainer' }),
    'escalations.matrix': () => current(),
    'escalations.matrixEntry': (input) =>
      current().find((row) => row.teamKind === input.teamKind) ?? null,
    'people.teams': () => TEAMS,
    'conversations.filterOptions': () => ({
      cities: [],
      colleagues: [],
      requestTypes: [
        { code: 'PAYOUT_MISSING', name: 'Payout missing', audience: 'driver' },
        { code: 'DOUBLE_CHARGE', name: 'Charged twice', audience: 'guest' },
      ],
      tags: [{ code: 'vip', name: 'VIP' }],
    }),
  });
}

/** Picks an option of a Mantine Select (jsdom lays out nothing, so options count as hidden). */
async function pick(input: HTMLElement, option: string) {
  fireEvent.click(input);
  const listbox = await waitFor(() => {
    const popup = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!popup) throw new Error('The popup did not open');
    return popup;
  });
  fireEvent.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

function change(name: string, value: string) {
  fireEvent.change(screen.getByLabelText(name), { target: { value } });
}

describe('escalation matrix', () => {
  it('shows each downstream team’s entry, and those not set up', async () => {
    server.use(
      matrixQueries('lead', () => [
        matrixRow(),
        matrixRow({
          id: ENGINEERING_ENTRY_ID,
          teamKind: 'engineering_platform',
          ownerTeamName: 'Platform on-call',
          version: 1,
          definition: engineeringEntry(),
          updatedByName: null,
        }),
      ]),
    );
    renderRoutes({ path: '/escalations/matrix', routes: consoleRoutes });

    const card = await screen.findByRole('region', { name: 'Finance & Payouts' });
    expect(within(card).getByText('v3')).toBeInTheDocument();
    expect(within(card).getByText('FINANCE_PAYOUTS')).toBeInTheDocument();
    expect(
      within(card).getByText(
        'Double charges: request type DOUBLE_CHARGE, words “charged twice” or “double charge” → SEV3 · moderate',
      ),
    ).toBeInTheDocument();
    expect(within(card).getByText('Booking reference')).toBeInTheDocument();
    expect(within(card).getByText('Steps already tried')).toBeInTheDocument();
    const sev2 = within(within(card).getByRole('table', { name: 'SLA' }))
      .getByText('SEV2 · major')
      .closest('tr') as HTMLElement;
    expect(within(sev2).getByText('1 h')).toBeInTheDocument();
    expect(within(sev2).getByText('8 h')).toBeInTheDocument();
    expect(
      within(card).getByText(
        'Europe/London: mon 09:00–18:00; tue 09:00–18:00; wed 09:00–18:00; thu 09:00–18:00; fri 09:00–18:00',
      ),
    ).toBeInTheDocument();
    expect(within(card).getByText('30 min before due')).toBeInTheDocument();
    expect(within(card).getByText(/changed .* by Lena Lead/)).toBeInTheDocument();
    expect(
      within(card).getByRole('link', { name: 'History of Finance & Payouts' }),
    ).toHaveAttribute('href', `/changes?entityType=escalation_matrix&entityId=${FINANCE_ENTRY_ID}`);
    expect(within(card).getByRole('link', { name: 'Edit Finance & Payouts' })).toHaveAttribute(
      'href',
      '/escalations/matrix/finance_payouts',
    );

    const engineeringCard = screen.getByRole('region', { name: 'Engineering & Platform' });
    expect(within(engineeringCard).getByText('Platform on-call')).toBeInTheDocument();
    expect(within(engineeringCard).getByText(/by someone no longer here/)).toBeInTheDocument();

    for (const team of ['Operations & Fleet', 'Compliance & Legal']) {
      const empty = screen.getByRole('region', { name: team });
      expect(within(empty).getByText('Not set up')).toBeInTheDocument();
      expect(within(empty).getByRole('link', { name: `Set up ${team}` })).toBeInTheDocument();
    }
    expect(screen.getByRole('link', { name: 'Escalation matrix' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('opens an entry in the editor with every setting filled in', async () => {
    const user = userEvent.setup();
    server.use(matrixQueries('lead', () => [matrixRow()]));
    renderRoutes({ path: '/escalations/matrix', routes: consoleRoutes });
    await user.click(await screen.findByRole('link', { name: 'Edit Finance & Payouts' }));

    expect(
      await screen.findByRole('heading', { name: 'Escalations to Finance & Payouts' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Version 3')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'History of this entry' })).toHaveAttribute(
      'href',
      `/changes?entityType=escalation_matrix&entityId=${FINANCE_ENTRY_ID}`,
    );
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Owner team' })).toHaveValue(
        'Finance & Payouts (FINANCE_PAYOUTS)',
      ),
    );
    const trigger = screen.getByRole('group', { name: 'Trigger 2' });
    expect(within(trigger).getByRole('textbox', { name: 'Name' })).toHaveValue('Double charges');
    expect(within(trigger).getByText('Charged twice (DOUBLE_CHARGE)')).toBeInTheDocument();
    expect(within(trigger).getByText('charged twice')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /^Amount/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^Location/ })).not.toBeChecked();
    expect(screen.getByRole('textbox', { name: 'SEV1 acknowledge minutes' })).toHaveValue('15');
    expect(screen.getByRole('textbox', { name: 'SEV1 resolve minutes' })).toHaveValue('240');
    expect(screen.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/London');
    expect(screen.getByRole('textbox', { name: 'Monday hours 1 from' })).toHaveValue('09:00');
    expect(screen.queryByRole('textbox', { name: 'Saturday hours 1 from' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Save matrix entry' })).toBeDisabled();
  }, 30_000);

  it('checks the form, saves the entry and links to the new version’s history', async () => {
    const user = userEvent.setup();
    const saved: SaveInput[] = [];
    let current = matrixRow();
    server.use(
      matrixQueries('lead', () => [current]),
      trpcMutationHandler({
        'escalations.saveMatrixEntry': (input) => {
          saved.push(input);
          current = matrixRow({
            version: 4,
            ownerTeamName: 'Payouts night desk',
            definition: input.entry as EscalationMatrixEntry,
            updatedAt: new Date(),
          });
          return current;
        },
      }),
    );
    renderRoutes({ path: '/escalations/matrix/finance_payouts', routes: consoleRoutes });

    const resolve = await screen.findByRole('textbox', { name: 'SEV2 resolve minutes' });
    fireEvent.change(resolve, { target: { value: '30' } });
    const name = within(screen.getByRole('group', { name: 'Trigger 1' })).getByRole('textbox', {
      name: 'Name',
    });
    fireEvent.change(name, { target: { value: ' ' } });
    await user.click(screen.getByRole('button', { name: 'Save matrix entry' }));
    expect(
      await screen.findByText('Resolving cannot be due before acknowledging'),
    ).toBeInTheDocument();
    expect(resolve).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Name the trigger')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Not saved: fix the fields marked in red.',
    );
    expect(saved).toHaveLength(0);

    fireEvent.change(resolve, { target: { value: '600' } });
    expect(screen.getByText('10 h')).toBeInTheDocument();
    fireEvent.change(name, { target: { value: 'Payout questions' } });
    await pick(
      screen.getByRole('combobox', { name: 'Owner team' }),
      'Payouts night desk (PAYOUTS_NIGHT)',
    );
    await user.click(screen.getByRole('checkbox', { name: /^Payout week/ }));
    await user.click(screen.getByRole('button', { name: 'Remove trigger 2' }));
    await user.click(screen.getByRole('button', { name: 'Add hours on Saturday' }));
    change('Saturday hours 1 from', '10:00');
    change('Saturday hours 1 to', '14:00');
    change('Tell agents what changes', 'Payout disputes now need the payout week.');
    await user.click(screen.getByRole('button', { name: 'Save matrix entry' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    const sent = saved[0]!;
    expect(sent.rolloutNote).toBe('Payout disputes now need the payout week.');
    expect(sent.entry).toEqual({
      ...finance,
      ownerTeamCode: 'PAYOUTS_NIGHT',
      triggers: [{ ...finance.triggers[0], name: 'Payout questions' }],
      requiredFields: [...finance.requiredFields, 'payout_period'],
      sla: { ...finance.sla, sev2: { acknowledgeMinutes: 60, resolveMinutes: 600 } },
      calendar: {
        ...finance.calendar,
        weekly: { ...finance.calendar.weekly, sat: [['10:00', '14:00']] },
      },
    });

    const notice = await screen.findByRole('alert', { name: 'Saved as version 4' });
    expect(within(notice).getByRole('link', { name: 'See its change history' })).toHaveAttribute(
      'href',
      `/changes?entityType=escalation_matrix&entityId=${FINANCE_ENTRY_ID}`,
    );
    expect(await screen.findByText('Version 4')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Tell agents what changes' })).toHaveValue('');
  }, 30_000);

  it('shows the server’s refusal on the field it names', async () => {
    const user = userEvent.setup();
    const attempts: unknown[] = [];
    server.use(
      matrixQueries('lead', () => [matrixRow()]),
      http.post('*/trpc/escalations.saveMatrixEntry', async ({ request }) => {
        attempts.push(await request.json());
        return refusal(
          'escalations.saveMatrixEntry',
          'BAD_REQUEST',
          'entry.sla.sev2.resolveMinutes',
          'Finance cannot promise a SEV2 fix within a working day',
        );
      }),
    );
    renderRoutes({ path: '/escalations/matrix/finance_payouts', routes: consoleRoutes });

    const resolve = await screen.findByRole('textbox', { name: 'SEV2 resolve minutes' });
    await user.clear(resolve);
    await user.type(resolve, '300');
    await user.click(screen.getByRole('button', { name: 'Save matrix entry' }));
    await waitFor(() => expect(attempts).toHaveLength(1));
    expect(
      await screen.findByText('Finance cannot promise a SEV2 fix within a working day'),
    ).toBeInTheDocument();
    expect(resolve).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'SEV2 acknowledge minutes' })).not.toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.queryByRole('alert', { name: 'Not saved' })).toBeNull();
  }, 30_000);

  it('shows a refused owner team on the owner picker', async () => {
    const user = userEvent.setup();
    server.use(
      matrixQueries('lead', () => [matrixRow()]),
      http.post('*/trpc/escalations.saveMatrixEntry', () =>
        refusal(
          'escalations.saveMatrixEntry',
          'BAD_REQUEST',
          'ownerTeamCode',
          'ownerTeamCode: Payouts night desk is not a finance payouts team',
        ),
      ),
    );
    renderRoutes({ path: '/escalations/matrix/finance_payouts', routes: consoleRoutes });
    const owner = await screen.findByRole('combobox', { name: 'Owner team' });
    await waitFor(() => expect(owner).toHaveValue('Finance & Payouts (FINANCE_PAYOUTS)'));
    await pick(owner, 'Payouts night desk (PAYOUTS_NIGHT)');
    await user.click(screen.getByRole('button', { name: 'Save matrix entry' }));
    expect(
      await screen.findByText('Payouts night desk is not a finance payouts team'),
    ).toBeInTheDocument();
    expect(owner).toHaveAttribute('aria-invalid', 'true');
  }, 30_000);

  it('sets up a team from the worked example, opening 24/7', async () => {
    const user = userEvent.setup();
    const saved: SaveInput[] = [];
    server.use(
      matrixQueries('lead', () => []),
      trpcMutationHandler({
        'escalations.saveMatrixEntry': (input) => {
          saved.push(input);
          return matrixRow({
            id: '56565656-5656-4656-8656-565656565656',
            teamKind: 'operations_fleet',
            ownerTeamName: 'Lisbon fleet ops',
            version: 1,
            definition: input.entry as EscalationMatrixEntry,
          });
        },
      }),
    );
    renderRoutes({ path: '/escalations/matrix', routes: consoleRoutes });
    const card = await screen.findByRole('region', { name: 'Operations & Fleet' });
    await user.click(within(card).getByRole('link', { name: 'Set up Operations & Fleet' }));

    expect(
      await screen.findByRole('heading', { name: 'Escalations to Operations & Fleet' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/starts from the worked example/)).toBeInTheDocument();
    const owner = screen.getByRole('combobox', { name: 'Owner team' });
    await waitFor(() => expect(owner).toHaveValue('OPERATIONS_FLEET (no such team)'));
    await pick(owner, 'Lisbon fleet ops (OPS_LISBON)');
    fireEvent.change(screen.getByRole('combobox', { name: 'Time zone' }), {
      target: { value: 'UTC' },
    });
    change('Monday hours 1 from', '07:00');
    await user.click(screen.getByRole('button', { name: 'Open 24/7' }));
    expect(screen.getByRole('textbox', { name: 'Monday hours 1 from' })).toHaveValue('00:00');
    expect(screen.getByText('Open 24/7')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Set up matrix entry' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.entry).toEqual({
      ...operations,
      ownerTeamCode: 'OPS_LISBON',
      calendar: { ...operations.calendar, timeZone: 'UTC', weekly: EVERY_DAY_ALL_DAY },
    });
    expect(await screen.findByRole('alert', { name: 'Saved as version 1' })).toBeInTheDocument();
  }, 30_000);

  it('shows trainers the matrix read-only', async () => {
    server.use(matrixQueries('trainer', () => [matrixRow()]));
    renderRoutes({ path: '/escalations/matrix', routes: consoleRoutes });
    const card = await screen.findByRole('region', { name: 'Finance & Payouts' });
    expect(within(card).getByRole('link', { name: 'View Finance & Payouts' })).toBeInTheDocument();
    const empty = screen.getByRole('region', { name: 'Operations & Fleet' });
    expect(within(empty).getByText('Not set up')).toBeInTheDocument();
    expect(within(empty).queryByRole('link', { name: /Set up/ })).toBeNull();

    renderRoutes({ path: '/escalations/matrix/finance_payouts', routes: consoleRoutes });
    expect(await screen.findByText(/Read only: team leads and admins/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'SEV1 acknowledge minutes' })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Owner team' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: /^Amount/ })).toBeDisabled();
    expect(
      within(screen.getByRole('group', { name: 'Trigger 1' })).getByRole('textbox', {
        name: 'Name',
      }),
    ).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save matrix entry' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add trigger' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open 24/7' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Tell agents what changes' })).toBeNull();
  }, 30_000);
});
