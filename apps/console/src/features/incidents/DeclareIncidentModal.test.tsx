import { classifyIncident } from '@switchboard/domain';
import {
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
import { refusal } from '../../test/trpc-answers.ts';
import { IncidentsPage } from './IncidentsPage.tsx';
import { INCIDENT_ID, JOAO_ID, leadViewer, STAFF } from './incident-fixtures.ts';
import { pickOption } from './pick-option.ts';
import { sessionRoutes } from './session-routes.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Facts = ProcedureInput<'incidents.classify'>;

const routes = sessionRoutes([
  { path: '/incidents', element: <IncidentsPage /> },
  { path: '/incidents/:incidentId', element: <p>Incident page</p> },
]);

const CATALOGUE: ProcedureOutput<'conversations.filterOptions'> = {
  cities: [
    { code: 'LIS', name: 'Lisbon' },
    { code: 'OPO', name: 'Porto' },
  ],
  requestTypes: [{ code: 'PAYMENT_FAILED', name: 'Payment failed', audience: 'guest' }],
  tags: [],
  colleagues: [],
};

function queries(classified: Facts[] = []) {
  return trpcHandler({
    'people.me': () => leadViewer,
    'incidents.list': () => ({ items: [], total: 0 }),
    'incidents.spikes': () => [],
    'incidents.classify': (facts) => {
      classified.push(facts);
      return classifyIncident(facts);
    },
    'incidents.staff': () => STAFF,
    'conversations.filterOptions': () => CATALOGUE,
  });
}

async function openDeclare() {
  renderRoutes({ path: '/incidents', routes });
  fireEvent.click(await screen.findByRole('button', { name: 'Declare incident' }));
  return screen.findByRole('dialog', { name: 'Declare an incident' });
}

describe('declaring an incident', () => {
  it('shows the proposed severity as the facts change and sends the chosen one', async () => {
    const user = userEvent.setup();
    const classified: Facts[] = [];
    const declared: ProcedureInput<'incidents.declare'>[] = [];
    server.use(
      queries(classified),
      trpcMutationHandler({
        'incidents.declare': (input) => {
          declared.push(input);
          return { id: INCIDENT_ID, number: 104, proposed: classifyIncident(input) };
        },
      }),
    );
    const dialog = within(await openDeclare());

    expect(await dialog.findByText('Proposed: SEV4 · minor')).toBeInTheDocument();
    expect(dialog.getByText('Minor, few customers affected')).toBeInTheDocument();

    await pickOption(dialog.getByLabelText('How bad'), /^Blocked/);
    expect(await dialog.findByText('Proposed: SEV3 · moderate')).toBeInTheDocument();
    expect(dialog.getByText('Some customers are blocked')).toBeInTheDocument();

    await user.click(dialog.getByRole('switch', { name: 'Someone’s safety is at risk' }));
    expect(await dialog.findByText('Proposed: SEV1 · critical')).toBeInTheDocument();
    expect(
      dialog.getByText('Someone’s safety is at risk', { selector: 'li *, li' }),
    ).toBeInTheDocument();
    expect(classified.at(-1)).toEqual({
      scope: 'some_customers',
      impact: 'blocked',
      money: 'none',
      safety: true,
    });
    const severity = dialog.getByLabelText(/^Severity/);
    expect(severity).toHaveValue('SEV1 · critical');
    expect(dialog.queryByText('Override')).toBeNull();

    await pickOption(severity, 'SEV2 · major');
    expect(severity).toHaveValue('SEV2 · major');
    expect(dialog.getByText('Override')).toBeInTheDocument();
    expect(
      dialog.getByText('Override: the rules propose SEV1 · critical; the override is recorded'),
    ).toBeInTheDocument();

    await user.type(dialog.getByLabelText(/Title/), 'Driver assaulted at Lisbon airport');
    await pickOption(dialog.getByLabelText(/Cities/), 'Lisbon (LIS)');
    await pickOption(dialog.getByLabelText(/Commander/), 'João Pereira');
    await user.click(dialog.getByRole('button', { name: 'Declare incident' }));

    await waitFor(() => expect(declared).toHaveLength(1));
    expect(declared[0]).toEqual({
      title: 'Driver assaulted at Lisbon airport',
      description: '',
      scope: 'some_customers',
      impact: 'blocked',
      money: 'none',
      safety: true,
      severity: 'sev2',
      cityCodes: ['LIS'],
      requestTypeCode: null,
      commanderId: JOAO_ID,
      communicationsId: null,
      conversationId: null,
    });
    expect(await screen.findByText('Incident page')).toBeInTheDocument();
  });

  it('names a bad field before sending, and puts the server’s on its input', async () => {
    const user = userEvent.setup();
    let calls = 0;
    server.use(
      queries(),
      http.post('*/trpc/incidents.declare', () => {
        calls += 1;
        return refusal(
          'incidents.declare',
          'BAD_REQUEST',
          'cityCodes.0',
          'cityCodes.0: No city has the code LIS',
        );
      }),
    );
    const dialog = within(await openDeclare());
    await dialog.findByText('Proposed: SEV4 · minor');

    await user.type(dialog.getByLabelText(/Title/), 'Out');
    await user.click(dialog.getByRole('button', { name: 'Declare incident' }));
    expect(
      await dialog.findByText('Name the incident (at least 5 characters)'),
    ).toBeInTheDocument();
    expect(calls).toBe(0);

    await user.type(dialog.getByLabelText(/Title/), 'age in Lisbon');
    await pickOption(dialog.getByLabelText(/Cities/), 'Lisbon (LIS)');
    await user.click(dialog.getByRole('button', { name: 'Declare incident' }));
    expect(await dialog.findByText('No city has the code LIS')).toBeInTheDocument();
    expect(dialog.getByLabelText(/Cities/)).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toBe(1);
    expect(dialog.queryByText('Not declared')).toBeNull();
  });
});
