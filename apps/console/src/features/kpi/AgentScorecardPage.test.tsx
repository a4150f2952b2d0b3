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
import { trends } from '../qa/qa-fixtures.ts';
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
type TrendsInput = ProcedureInput<'qa.trends'>;

describe('agent scorecard', () => {
  it('compares the agent with their team and their own previous period, QA included', async () => {
    const inputs: DashboardInput[] = [];
    const qaInputs: TrendsInput[] = [];
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
        'qa.trends': (input) => {
          qaInputs.push(input);
          return input.agentId
            ? trends()
            : trends({
                overall: {
                  reviews: 40,
                  averageScore: 84,
                  passRate: 0.75,
                  autoFails: 1,
                  disputes: 2,
                },
              });
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

    const quality = screen.getByRole('region', { name: 'Quality reviews' });
    expect(await within(quality).findByLabelText('Average score')).toHaveTextContent(
      'Average score70%group 84%',
    );
    expect(within(quality).getByLabelText('Pass rate')).toHaveTextContent('33%');
    expect(
      within(quality).getByRole('table', { name: 'Weakest QA criteria of Mariana Dias' }),
    ).toHaveTextContent('Greets the guest by name');
    expect(
      within(quality).getByRole('link', { name: 'All of Mariana Dias’s reviews' }),
    ).toHaveAttribute('href', `/qa/reviews?agent=${AGENT_ID}&tab=all`);
    expect(qaInputs.find((input) => input.agentId === AGENT_ID)).toMatchObject({ timeZone: 'UTC' });
    expect(qaInputs.find((input) => input.agentId === undefined)).toMatchObject({
      teamId: L1_TEAM_ID,
    });
    expect(screen.queryByRole('combobox', { name: 'Agent' })).toBeNull();
  });

  it('says so when nobody has reviewed the agent in the period', async () => {
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead' }),
        'kpi.filterOptions': () => FILTER_OPTIONS,
        'kpi.dashboard': () => dashboard(),
        'qa.trends': () =>
          trends({
            overall: { reviews: 0, averageScore: null, passRate: null, autoFails: 0, disputes: 0 },
            agents: [],
            criteria: [],
          }),
      }),
    );
    renderRoutes({
      path: `/reports/agents/${AGENT_ID}?from=2026-03-01&to=2026-03-14&tz=UTC`,
      routes: consoleRoutes,
    });
    expect(await screen.findByText('No QA reviews in this period')).toBeInTheDocument();
  });
});
