import {
  mockViewer,
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
} from '@switchboard/ui/testing';
import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import {
  AGENT_ID,
  dashboard,
  FILTER_OPTIONS,
  kpiFigures,
  L1_TEAM_ID,
  PREVIOUS_FIGURES,
} from './kpi-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-15T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

type DashboardInput = ProcedureInput<'kpi.dashboard'>;

describe('agent scorecard', () => {
  it('compares the agent with their team and their own previous period, QA left empty', async () => {
    const inputs: DashboardInput[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'trainer' }),
        'kpi.filterOptions': () => FILTER_OPTIONS,
        'kpi.dashboard': (input) => {
          inputs.push(input);
          return input.agentId
            ? dashboard(
                kpiFigures({
                  created: 12,
                  csat: {
                    ratings: 5,
                    positive: 5,
                    score: 1,
                    requested: 6,
                    responded: 5,
                    responseRate: 5 / 6,
                  },
                }),
                PREVIOUS_FIGURES,
              )
            : dashboard();
        },
      }),
    );
    renderRoutes({
      path: `/reports/agents/${AGENT_ID}?from=2026-03-01&to=2026-03-14&tz=UTC&team=${L1_TEAM_ID}`,
      routes: consoleRoutes,
    });

    expect(await screen.findByRole('heading', { name: 'Mariana Dias' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Scorecard of Mariana Dias' });
    expect(inputs).toHaveLength(2);
    expect(inputs.find((input) => input.agentId === AGENT_ID)).toMatchObject({
      teamId: L1_TEAM_ID,
      timeZone: 'UTC',
    });
    expect(inputs.find((input) => input.agentId === undefined)).toMatchObject({
      teamId: L1_TEAM_ID,
    });
    expect(within(table).getByRole('columnheader', { name: 'Team Support L1' })).toBeVisible();

    const row = (label: string) =>
      within(within(table).getByRole('rowheader', { name: label }).parentElement as HTMLElement);
    const csat = row('CSAT');
    expect(csat.getByText('100%')).toBeInTheDocument();
    expect(csat.getByText('87.5%')).toBeInTheDocument();
    expect(csat.getByLabelText('+12.5 pp (better)')).toBeInTheDocument();
    expect(csat.getByLabelText('+20 pp (better)')).toBeInTheDocument();
    const created = row('Conversations created');
    expect(created.getByRole('link', { name: '12' })).toHaveAttribute(
      'href',
      `/reports/conversations?drilldown=created&from=2026-03-01&to=2026-03-14&tz=UTC&team=${L1_TEAM_ID}&agent=${AGENT_ID}`,
    );
    expect(created.getByText('25% of the group')).toBeInTheDocument();

    expect(screen.getByText('QA scores are not in reports yet')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Agent' })).toBeNull();
  });
});
