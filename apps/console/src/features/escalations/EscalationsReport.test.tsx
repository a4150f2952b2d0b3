import {
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

type ReportRow = ProcedureOutput<'escalations.report'>[number];
type QueuePage = ProcedureOutput<'escalations.queue'>;
type QueueRow = QueuePage['items'][number];
type QueueInput = ProcedureInput<'escalations.queue'>;

function reportRow(overrides: Partial<ReportRow> = {}): ReportRow {
  return {
    teamKind: 'finance_payouts',
    sent: 0,
    active: 0,
    breached: 0,
    resolved: 0,
    returned: 0,
    acknowledgeMinutes: { p50: null, p90: null },
    resolveMinutes: { p50: null, p90: null },
    ...overrides,
  };
}

const REPORT: ReportRow[] = [
  reportRow({
    sent: 24,
    active: 5,
    breached: 2,
    resolved: 17,
    returned: 3,
    acknowledgeMinutes: { p50: 42.4, p90: 185 },
    resolveMinutes: { p50: 610, p90: 2905.5 },
  }),
  reportRow({ teamKind: 'engineering_platform', sent: 4, active: 4 }),
  reportRow({ teamKind: 'operations_fleet' }),
  reportRow({ teamKind: 'compliance_legal' }),
];

const ESCALATION_ID = '61616161-6161-4161-8161-616161616161';

function queueRow(overrides: Partial<QueueRow> = {}): QueueRow {
  return {
    id: ESCALATION_ID,
    number: 12,
    conversationId: '62626262-6262-4262-8262-626262626262',
    conversationNumber: 4031,
    contactName: 'Marta Rocha',
    teamKind: 'finance_payouts',
    ownerTeamId: '64646464-6464-4464-8464-646464646464',
    ownerTeamName: 'Finance & Payouts',
    severity: 'sev2',
    state: 'open',
    summary: 'Driver says last week’s payout is missing €180.',
    fields: { payout_period: '2026-W09' },
    round: 1,
    sentAt: new Date('2026-03-02T09:00:00Z'),
    acknowledgeDueAt: new Date('2026-03-02T10:00:00Z'),
    resolveDueAt: new Date('2026-03-02T17:00:00Z'),
    acknowledgedAt: null,
    resolvedAt: null,
    outcome: null,
    rejectionReason: null,
    rejectionNote: null,
    createdById: '11111111-1111-4111-8111-111111111111',
    createdByName: 'Ana Silva',
    assigneeId: null,
    assigneeName: null,
    updatedAt: new Date('2026-03-02T09:00:00Z'),
    acknowledgeBreached: true,
    resolveBreached: false,
    ...overrides,
  };
}

function queuePage(items: QueueRow[]): QueuePage {
  return { items, total: items.length, myTeams: [], seesEveryQueue: true };
}

describe('escalations report', () => {
  it('shows turnaround per team for the chosen period, and every team’s escalations', async () => {
    const user = userEvent.setup();
    const periods: number[] = [];
    const queueInputs: QueueInput[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead', name: 'Lena Lead' }),
        'escalations.report': (input) => {
          periods.push(input.days ?? 30);
          return input.days === 7 ? [reportRow({ sent: 6 })] : REPORT;
        },
        'escalations.queue': (input) => {
          queueInputs.push(input);
          return queuePage(
            input.breachedOnly
              ? [queueRow()]
              : [
                  queueRow(),
                  queueRow({
                    id: '63636363-6363-4363-8363-636363636363',
                    number: 13,
                    state: 'resolved',
                    teamKind: 'engineering_platform',
                    ownerTeamName: 'Platform on-call',
                    severity: 'sev1',
                    contactName: 'Rui Costa',
                    createdByName: 'João Pereira',
                    assigneeName: 'Eva Engineer',
                    acknowledgedAt: new Date('2026-03-02T09:05:00Z'),
                    resolvedAt: new Date('2026-03-02T11:00:00Z'),
                    acknowledgeBreached: false,
                  }),
                ],
          );
        },
      }),
    );
    renderRoutes({ path: '/escalations', routes: consoleRoutes });

    const table = await screen.findByRole('table', { name: 'Escalation turnaround by team' });
    const finance = within(table).getByRole('rowheader', { name: 'Finance & Payouts' })
      .parentElement as HTMLElement;
    const cells = within(finance)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      '24',
      '5',
      '2',
      '17',
      '3',
      '42 min',
      '3 h 5 min',
      '10 h 10 min',
      '2 d 26 min',
    ]);
    const operations = within(table).getByRole('rowheader', { name: 'Operations & Fleet' })
      .parentElement as HTMLElement;
    expect(within(operations).getAllByText('—')).toHaveLength(4);
    expect(periods).toEqual([30]);

    const list = await screen.findByRole('table', { name: 'All escalations' });
    const open = within(list).getByRole('link', { name: 'ESC-12' });
    expect(open).toHaveAttribute('href', `/workspace/escalations/${ESCALATION_ID}`);
    const openRow = open.closest('tr') as HTMLElement;
    expect(within(openRow).getByText('SEV2')).toBeInTheDocument();
    expect(within(openRow).getByText('Open')).toBeInTheDocument();
    expect(within(openRow).getByText('Marta Rocha')).toBeInTheDocument();
    expect(within(openRow).getByText('Ana Silva')).toBeInTheDocument();
    expect(within(openRow).getByText('Unassigned')).toBeInTheDocument();
    expect(within(openRow).getAllByText('Breached')).toHaveLength(1);
    const resolvedRow = within(list)
      .getByRole('link', { name: 'ESC-13' })
      .closest('tr') as HTMLElement;
    expect(within(resolvedRow).getByText('Resolved', { selector: 'span' })).toBeInTheDocument();
    expect(within(resolvedRow).getByText('Eva Engineer')).toBeInTheDocument();
    expect(within(resolvedRow).getByText(/^Acknowledged /)).toBeInTheDocument();
    expect(queueInputs[0]).toMatchObject({
      scope: 'all',
      state: 'active',
      breachedOnly: false,
      limit: 25,
      offset: 0,
    });
    expect(screen.getByRole('link', { name: 'Escalations' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await user.click(screen.getByRole('radio', { name: '7 days' }));
    await waitFor(() => expect(periods).toContain(7));
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Escalation turnaround by team' })).getAllByRole(
          'row',
        ),
      ).toHaveLength(3),
    );

    await user.click(screen.getByRole('switch', { name: 'Breached only' }));
    await waitFor(() =>
      expect(queueInputs.at(-1)).toMatchObject({ scope: 'all', breachedOnly: true }),
    );
    await waitFor(() => expect(screen.queryByRole('link', { name: 'ESC-13' })).toBeNull());
  });

  it('shows trainers the report without every team’s list', async () => {
    let queueCalls = 0;
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'trainer' }),
        'escalations.report': () => REPORT,
        'escalations.queue': () => {
          queueCalls += 1;
          return queuePage([]);
        },
      }),
    );
    renderRoutes({ path: '/escalations?days=90', routes: consoleRoutes });
    await screen.findByRole('table', { name: 'Escalation turnaround by team' });
    expect(screen.getByRole('radio', { name: '90 days' })).toBeChecked();
    expect(
      screen.getByText(/Team leads and admins see every team’s escalations/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'All escalations' })).toBeNull();
    expect(queueCalls).toBe(0);
  });
});
