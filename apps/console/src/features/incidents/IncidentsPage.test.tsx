import { classifyIncident } from '@switchboard/domain';
import {
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
import { IncidentsPage } from './IncidentsPage.tsx';
import { INCIDENT_ID, incidentRow, leadViewer, STAFF } from './incident-fixtures.ts';
import { sessionRoutes } from './session-routes.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type ListInput = ProcedureInput<'incidents.list'>;
type Spike = ProcedureOutput<'incidents.spikes'>[number];

const routes = sessionRoutes([
  { path: '/incidents', element: <IncidentsPage /> },
  { path: '/incidents/:incidentId', element: <p>Incident page</p> },
]);

const SPIKE: Spike = {
  requestTypeCode: 'APP_BUG',
  cityCode: 'LIS',
  inWindow: 12,
  inBaseline: 40,
  usual: 0.12,
  why: '12 APP_BUG conversations in LIS in the last 30 minutes; usually under 1',
};

const CATALOGUE: ProcedureOutput<'conversations.filterOptions'> = {
  cities: [
    { code: 'LIS', name: 'Lisbon' },
    { code: 'OPO', name: 'Porto' },
  ],
  requestTypes: [{ code: 'APP_BUG', name: 'App not working', audience: 'guest' }],
  tags: [],
  colleagues: [],
};

function queries(options: { spikes?: Spike[]; requests?: ListInput[] } = {}) {
  return trpcHandler({
    'people.me': () => leadViewer,
    'incidents.list': (input) => {
      options.requests?.push(input);
      return input.state === 'review_open'
        ? {
            items: [
              incidentRow({
                id: '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a002',
                number: 99,
                title: 'Payouts delayed',
                severity: 'sev3',
                state: 'resolved',
                nextUpdateDueAt: null,
                resolvedAt: new Date(),
              }),
            ],
            total: 1,
          }
        : {
            items: [
              incidentRow({ severity: 'sev1' }),
              incidentRow({
                id: '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a003',
                number: 102,
                title: 'Airport pickups late in Porto',
                severity: 'sev3',
                state: 'investigating',
                cityCodes: ['OPO'],
                commanderId: null,
                commanderName: null,
                nextUpdateDueAt: new Date(Date.now() + 90 * 60_000),
                linkedCount: 3,
              }),
            ],
            total: 2,
          };
    },
    'incidents.spikes': () => options.spikes ?? [],
    'incidents.classify': (facts) => classifyIncident(facts),
    'incidents.staff': () => STAFF,
    'conversations.filterOptions': () => CATALOGUE,
  });
}

function rowOf(label: string): HTMLElement {
  return screen.getByRole('link', { name: label }).closest('tr') as HTMLElement;
}

describe('incidents list', () => {
  it('lists open incidents with severity, roles and late updates, and switches tabs', async () => {
    const user = userEvent.setup();
    const requests: ListInput[] = [];
    server.use(queries({ requests }));
    const { router } = renderRoutes({ path: '/incidents', routes });

    await screen.findByRole('table', { name: 'Open incidents' });
    expect(requests[0]).toMatchObject({ state: 'open', limit: 50, offset: 0 });
    const late = rowOf('INC-101');
    expect(within(late).getByRole('link', { name: 'INC-101' })).toHaveAttribute(
      'href',
      `/incidents/${INCIDENT_ID}`,
    );
    expect(within(late).getByText('SEV1')).toBeInTheDocument();
    expect(within(late).getByText('Card payments failing in Lisbon')).toBeInTheDocument();
    expect(within(late).getByText('Cause identified')).toBeInTheDocument();
    expect(within(late).getByText('LIS')).toBeInTheDocument();
    expect(within(late).getByText('14')).toBeInTheDocument();
    expect(within(late).getByText('Lena Lead')).toBeInTheDocument();
    expect(within(late).getByText('Overdue')).toBeInTheDocument();

    const onTime = rowOf('INC-102');
    expect(within(onTime).getByText('Nobody yet')).toBeInTheDocument();
    expect(within(onTime).queryByText('Overdue')).toBeNull();
    expect(within(onTime).getByText('in 1 hour')).toBeInTheDocument();
    expect(
      screen.getByText('No request type is piling up in a city right now.'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: /Review open/ }));
    const review = await screen.findByRole('table', { name: 'Review open incidents' });
    expect(router.state.location.search).toBe('?state=review_open');
    expect(within(review).getByText('Payouts delayed')).toBeInTheDocument();
    expect(requests.at(-1)).toMatchObject({ state: 'review_open' });
  });

  it('declares an incident from a spike and links the spike’s conversations', async () => {
    const user = userEvent.setup();
    const declared: ProcedureInput<'incidents.declare'>[] = [];
    const links: ProcedureInput<'incidents.link'>[] = [];
    server.use(
      queries({ spikes: [SPIKE] }),
      trpcMutationHandler({
        'incidents.declare': (input) => {
          declared.push(input);
          return {
            id: INCIDENT_ID,
            number: 103,
            proposed: classifyIncident({
              scope: 'city',
              impact: 'degraded',
              money: 'none',
              safety: false,
            }),
          };
        },
        'incidents.link': (input) => {
          links.push(input);
          return { linked: 12, considered: 12 };
        },
      }),
    );
    const { router } = renderRoutes({ path: '/incidents', routes });

    expect(await screen.findByText(SPIKE.why)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Declare incident for APP_BUG in LIS' }));
    const dialog = await screen.findByRole('dialog', { name: 'Declare an incident' });
    expect(within(dialog).getByLabelText(/Title/)).toHaveValue('APP_BUG spike in LIS');
    expect(within(dialog).getByLabelText('How wide')).toHaveValue('A whole city');
    expect(await within(dialog).findByText('Proposed: SEV3 · moderate')).toBeInTheDocument();
    expect(within(dialog).getByText('A whole city is affected')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Declare incident' }));
    await waitFor(() => expect(links).toHaveLength(1));
    expect(declared[0]).toMatchObject({
      title: 'APP_BUG spike in LIS',
      scope: 'city',
      severity: 'sev3',
      cityCodes: ['LIS'],
      requestTypeCode: 'APP_BUG',
    });
    const link = links[0] as { incidentId: string; match: { since: Date } };
    expect(link).toMatchObject({
      incidentId: INCIDENT_ID,
      match: { requestTypeCode: 'APP_BUG', cityCode: 'LIS', text: '' },
    });
    const sinceMinutes = (Date.now() - new Date(link.match.since).getTime()) / 60_000;
    expect(sinceMinutes).toBeGreaterThanOrEqual(29.9);
    expect(sinceMinutes).toBeLessThan(31);
    expect(await screen.findByText('Incident page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/incidents/${INCIDENT_ID}`);
  });
});
