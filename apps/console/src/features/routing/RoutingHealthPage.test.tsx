import {
  mockViewer,
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  trpcHandler,
} from '@switchboard/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { consoleRoutes } from '../../router.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// Only the clock is fake: "the last 30 days" and waiting times are then fixed.
const NOW = new Date(2026, 2, 15, 12, 0);
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

type Accuracy = ProcedureOutput<'routing.accuracy'>;
type Hygiene = ProcedureOutput<'routing.hygiene'>;
type Misroutes = ProcedureOutput<'routing.misroutes'>;

const AIRPORT_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const VIP_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const DELETED_ID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const LIS_ID = '66666666-6666-4666-8666-666666666666';
const OPO_ID = '77777777-7777-4777-8777-777777777777';

const ACCURACY: Accuracy = {
  overall: { routed: 160, accurate: 140, transferred: 12, open: 8, accuracy: 0.875 },
  byRule: [
    {
      ruleId: AIRPORT_ID,
      name: 'Airport no-shows to L2',
      routed: 40,
      accurate: 32,
      transferred: 6,
      open: 2,
      accuracy: 0.8,
    },
    {
      ruleId: VIP_ID,
      name: 'VIP guests first',
      routed: 10,
      accurate: 10,
      transferred: 0,
      open: 0,
      accuracy: 1,
    },
    {
      ruleId: DELETED_ID,
      name: null,
      routed: 2,
      accurate: 1,
      transferred: 1,
      open: 0,
      accuracy: 0.5,
    },
  ],
  byInbox: [
    {
      inboxId: LIS_ID,
      name: 'Lisbon guests',
      routed: 150,
      accurate: 132,
      transferred: 10,
      open: 8,
      accuracy: 0.88,
    },
  ],
};

const NOTHING_ROUTED: Accuracy = {
  overall: { routed: 0, accurate: 0, transferred: 0, open: 0, accuracy: null },
  byRule: [],
  byInbox: [],
};

const CLEAN: Hygiene = {
  unusedTags: [],
  silentRules: [],
  unstaffedInboxes: [],
  longUnassigned: [],
};

function misroute(overrides: Partial<Misroutes['items'][number]> = {}): Misroutes['items'][number] {
  return {
    conversationId: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
    number: 1042,
    subject: 'Driver never showed up at the airport',
    routedInbox: 'Lisbon guests',
    transferredTo: 'Lisbon L2',
    reason: 'Needs a refund, L1 cannot issue it',
    ruleIds: [AIRPORT_ID],
    transferredAt: new Date(2026, 2, 15, 10, 0).toISOString(),
    ...overrides,
  };
}

interface Requests {
  accuracy: ProcedureInput<'routing.accuracy'>[];
  misroutes: ProcedureInput<'routing.misroutes'>[];
  hygiene: ProcedureInput<'routing.hygiene'>[];
}

function healthQueries(
  answers: {
    accuracy?: Accuracy;
    misroutes?: (input: ProcedureInput<'routing.misroutes'>) => Misroutes;
    hygiene?: Hygiene;
  } = {},
): Requests {
  const requests: Requests = { accuracy: [], misroutes: [], hygiene: [] };
  server.use(
    trpcHandler({
      'people.me': () => mockViewer({ role: 'trainer' }),
      'routing.accuracy': (input) => {
        requests.accuracy.push(input);
        return answers.accuracy ?? ACCURACY;
      },
      'routing.misroutes': (input) => {
        requests.misroutes.push(input);
        return (
          answers.misroutes?.(input) ?? {
            items: [],
            total: 0,
            limit: 25,
            offset: input.offset ?? 0,
          }
        );
      },
      'routing.hygiene': (input) => {
        requests.hygiene.push(input);
        return answers.hygiene ?? CLEAN;
      },
    }),
  );
  return requests;
}

async function section(name: string) {
  return within(await screen.findByRole('region', { name }));
}

describe('RoutingHealthPage', () => {
  it('shows the last 30 days by default: accuracy overall, by rule and by inbox', async () => {
    const requests = healthQueries();
    renderRoutes({ path: '/routing/health', routes: consoleRoutes });

    // The first render of the file pays for cold imports: give it longer under a busy runner.
    expect(
      await screen.findByRole('heading', { name: 'Routing health' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(await screen.findByLabelText('Overall accuracy 87.5%')).toHaveTextContent('87.5%');
    expect(requests.accuracy[0]).toEqual({
      from: new Date(2026, 1, 14),
      to: new Date(2026, 2, 16),
    });
    expect(screen.getByRole('radio', { name: 'Last 30 days' })).toBeChecked();
    expect(screen.getByText('14 Feb – 15 Mar 2026')).toBeInTheDocument();

    const accuracy = await section('Accuracy');
    expect(accuracy.getByText('160')).toBeInTheDocument();
    expect(accuracy.getByText('140')).toBeInTheDocument();
    expect(accuracy.getByText('resolved where they landed')).toBeInTheDocument();

    const byRule = within(accuracy.getByRole('table', { name: 'Accuracy by rule' }));
    const airport = byRule.getByRole('link', { name: 'Airport no-shows to L2' });
    expect(airport).toHaveAttribute('href', '/routing/rules');
    const airportCells = within(airport.closest('tr')!)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(airportCells).toEqual([
      'Airport no-shows to L2',
      '80%',
      '40',
      '32',
      '6',
      '2',
      'Misroutes',
    ]);
    expect(byRule.getByText('Deleted rule')).toBeInTheDocument();
    // Nothing to look at for a rule nothing was transferred from.
    expect(byRule.queryByRole('button', { name: 'Show misroutes of VIP guests first' })).toBeNull();

    const byInbox = within(accuracy.getByRole('table', { name: 'Accuracy by inbox' }));
    expect(byInbox.getByRole('link', { name: 'Lisbon guests' })).toHaveAttribute(
      'href',
      `/inboxes/${LIS_ID}`,
    );
    expect(byInbox.getByText('88%')).toBeInTheDocument();

    const misroutes = await section('Misroutes');
    expect(await misroutes.findByText('No misroutes in this period')).toBeVisible();
    expect(
      misroutes.getByText(
        'No conversation routed between 14 Feb and 15 Mar 2026 was transferred afterwards.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Routing health' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('keeps the period in the URL and says when nothing was routed in it', async () => {
    const user = userEvent.setup();
    const requests = healthQueries({ accuracy: NOTHING_ROUTED });
    const { router } = renderRoutes({
      path: '/routing/health?from=2025-12-20&to=2026-01-10&page=2',
      routes: consoleRoutes,
    });

    expect(await screen.findByText('Nothing was routed in this period')).toBeInTheDocument();
    expect(
      screen.getByText(/No new conversation went through routing between 20 Dec 2025 and 10 Jan/),
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '20 Dec 2025 – 10 Jan 2026' })).toBeChecked();
    expect(requests.accuracy[0]).toEqual({
      from: new Date(2025, 11, 20),
      to: new Date(2026, 0, 11),
    });
    await waitFor(() => expect(requests.misroutes[0]).toMatchObject({ offset: 25, limit: 25 }));
    expect(requests.hygiene[0]).toEqual({ since: new Date(2025, 11, 20), unassignedMinutes: 30 });

    await user.click(screen.getByRole('radio', { name: 'Last 7 days' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?from=2026-03-09&to=2026-03-15'),
    );
    await waitFor(() =>
      expect(requests.accuracy.at(-1)).toEqual({
        from: new Date(2026, 2, 9),
        to: new Date(2026, 2, 16),
      }),
    );
    expect(requests.misroutes.at(-1)).toMatchObject({ offset: 0 });
  });

  it('lists misroutes with the reason and where they went, by rule from the URL, 25 a page', async () => {
    const user = userEvent.setup();
    const requests = healthQueries({
      misroutes: (input) => ({
        items: [
          misroute(),
          misroute({
            conversationId: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee',
            number: 1043,
            subject: 'Wrong pickup point',
            reason: null,
            transferredTo: null,
            ruleIds: [AIRPORT_ID, VIP_ID],
          }),
        ],
        total: 30,
        limit: 25,
        offset: input.offset ?? 0,
      }),
    });
    const { router } = renderRoutes({
      path: `/routing/health?ruleId=${AIRPORT_ID}`,
      routes: consoleRoutes,
    });

    const misroutes = await section('Misroutes');
    const first = (await misroutes.findByText('Driver never showed up at the airport')).closest(
      'tr',
    )!;
    const row = within(first);
    expect(row.getByText('#1042')).toBeInTheDocument();
    expect(row.getByText('Lisbon guests')).toBeInTheDocument();
    expect(row.getByText('Lisbon L2')).toBeInTheDocument();
    expect(row.getByText('Needs a refund, L1 cannot issue it')).toBeInTheDocument();
    expect(row.getByText('2 hours ago')).toBeInTheDocument();
    const second = within(misroutes.getByText('Wrong pickup point').closest('tr')!);
    expect(second.getByText('No reason given')).toBeInTheDocument();
    expect(second.getByText('Another team')).toBeInTheDocument();
    // Rule names come from the accuracy report once it is in.
    await waitFor(() => expect(second.getByText('VIP guests first')).toBeInTheDocument());
    expect(requests.misroutes[0]).toMatchObject({ ruleId: AIRPORT_ID, limit: 25, offset: 0 });
    await waitFor(() =>
      expect(misroutes.getByRole('combobox', { name: 'Rule' })).toHaveValue(
        'Airport no-shows to L2',
      ),
    );

    expect(misroutes.getByText('1–25 of 30')).toBeInTheDocument();
    await user.click(misroutes.getByRole('button', { name: 'next page' }));
    await waitFor(() =>
      expect(requests.misroutes.at(-1)).toMatchObject({ ruleId: AIRPORT_ID, offset: 25 }),
    );
    expect(router.state.location.search).toBe(`?ruleId=${AIRPORT_ID}&page=2`);

    // The "Misroutes" button of a rule's row filters by that rule.
    await user.click(screen.getByRole('button', { name: 'Show misroutes of the deleted rule' }));
    await waitFor(() => expect(router.state.location.search).toBe(`?ruleId=${DELETED_ID}`));
    await waitFor(() =>
      expect(requests.misroutes.at(-1)).toMatchObject({ ruleId: DELETED_ID, offset: 0 }),
    );
  });

  it('lists what needs tidying and re-asks when the unassigned threshold changes', async () => {
    const requests = healthQueries({
      hygiene: {
        unusedTags: [{ code: 'lost_luggage', name: 'Lost luggage' }],
        silentRules: [{ id: VIP_ID, name: 'Old airport rule', enabled: false, position: 2 }],
        unstaffedInboxes: [
          { id: OPO_ID, code: 'OPO_DRIVER', name: 'Porto drivers', members: 0 },
          { id: LIS_ID, code: 'LIS_GUEST', name: 'Lisbon guests', members: 4 },
        ],
        longUnassigned: [
          {
            inboxId: LIS_ID,
            inboxName: 'Lisbon guests',
            waiting: 7,
            oldest: new Date(2026, 2, 15, 9, 55),
          },
        ],
      },
    });
    renderRoutes({ path: '/routing/health', routes: consoleRoutes });

    const hygiene = await section('Hygiene');
    expect(await hygiene.findByText('Lost luggage')).toBeInTheDocument();
    const silent = within(hygiene.getByRole('region', { name: 'Rules that matched nothing' }));
    expect(silent.getByRole('link', { name: '3. Old airport rule' })).toHaveAttribute(
      'href',
      '/routing/rules',
    );
    expect(silent.getByText('Disabled')).toBeInTheDocument();
    const unstaffed = within(hygiene.getByRole('region', { name: 'Inboxes with nobody online' }));
    expect(unstaffed.getByText('the team has no members')).toBeInTheDocument();
    expect(unstaffed.getByText('4 members, none online')).toBeInTheDocument();
    const queues = within(hygiene.getByRole('table', { name: 'Long-unassigned queues' }));
    const lisbon = within(queues.getByRole('link', { name: 'Lisbon guests' }).closest('tr')!);
    expect(lisbon.getByText('7')).toBeInTheDocument();
    expect(lisbon.getByText('2 h 5 min')).toBeInTheDocument();
    expect(requests.hygiene[0]).toEqual({ since: new Date(2026, 1, 14), unassignedMinutes: 30 });

    const threshold = hygiene.getByRole('textbox', { name: 'Unassigned longer than' });
    fireEvent.change(threshold, { target: { value: '0' } });
    expect(await hygiene.findByText('At least 1 minute')).toBeInTheDocument();
    fireEvent.change(threshold, { target: { value: '45' } });
    await waitFor(() =>
      expect(requests.hygiene.at(-1)).toEqual({
        since: new Date(2026, 1, 14),
        unassignedMinutes: 45,
      }),
    );
    expect(hygiene.queryByText('At least 1 minute')).toBeNull();
    expect(requests.hygiene.map((input) => input.unassignedMinutes)).not.toContain(0);
  });

  it('says plainly when there is nothing to tidy', async () => {
    healthQueries();
    renderRoutes({ path: '/routing/health', routes: consoleRoutes });
    const hygiene = await section('Hygiene');
    expect(await hygiene.findByText('Every tag is on at least one conversation.')).toBeVisible();
    expect(
      hygiene.getByText('Every rule matched at least one conversation in this period.'),
    ).toBeInTheDocument();
    expect(
      hygiene.getByText('Every inbox open for business right now has someone online.'),
    ).toBeInTheDocument();
    expect(
      hygiene.getByText('No open conversation has waited unassigned more than 30 min.'),
    ).toBeInTheDocument();
  });
});
