import {
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IncidentPage } from './IncidentPage.tsx';
import {
  ACTION_ID,
  correctiveAction,
  INCIDENT_ID,
  leadViewer,
  MARTA_ID,
  resolvedIncident,
  STAFF,
} from './incident-fixtures.ts';
import { pickOption } from './pick-option.ts';
import { sessionRoutes } from './session-routes.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const routes = sessionRoutes([{ path: '/incidents/:incidentId', element: <IncidentPage /> }]);
const NEW_ACTION_ID = '5d5d5d5d-5d5d-4d5d-8d5d-5d5d5d5d5d5d';

describe('post-incident review', () => {
  it('records the root cause, adds a corrective action and tracks actions to done', async () => {
    const user = userEvent.setup();
    const added: ProcedureInput<'incidents.addAction'>[] = [];
    const reviews: ProcedureInput<'incidents.recordReview'>[] = [];
    const statuses: ProcedureInput<'incidents.setActionStatus'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => leadViewer,
        'incidents.staff': () => STAFF,
        'incidents.byId': () =>
          resolvedIncident({
            actions: [
              correctiveAction(),
              ...added.map((action) =>
                correctiveAction({
                  id: NEW_ACTION_ID,
                  title: action.title,
                  ownerId: action.ownerId,
                  ownerName: 'Marta Costa',
                  dueDate: action.dueDate,
                }),
              ),
            ],
          }),
      }),
      trpcMutationHandler({
        'incidents.recordReview': (input) => {
          reviews.push(input);
          return { id: input.incidentId };
        },
        'incidents.addAction': (input) => {
          added.push(input);
          return { id: NEW_ACTION_ID };
        },
        'incidents.setActionStatus': (input) => {
          statuses.push(input);
          return { id: input.actionId };
        },
      }),
    );
    renderRoutes({ path: `/incidents/${INCIDENT_ID}`, routes });

    const review = within(await screen.findByRole('region', { name: 'Post-incident review' }));
    expect(review.getByText('Review open')).toBeInTheDocument();
    expect(
      review.getByText('The provider fixed its webhook; payments flow again'),
    ).toBeInTheDocument();
    expect(review.getByLabelText('Incident timeline')).toBeInTheDocument();
    expect(review.getByLabelText('Corrective action progress')).toHaveTextContent(
      '0 of 1 done, 1 overdue',
    );
    expect(screen.queryByRole('region', { name: 'Status update' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Link conversations' })).toBeNull();

    await pickOption(review.getByLabelText(/^Root cause/), 'Payment provider failure');
    await user.type(
      review.getByLabelText(/What caused it/),
      'The provider’s webhook rejected our new certificate',
    );
    await user.click(review.getByRole('button', { name: 'Record root cause' }));
    await waitFor(() => expect(reviews).toHaveLength(1));
    expect(reviews[0]).toEqual({
      incidentId: INCIDENT_ID,
      rootCauseCode: 'payment_provider',
      rootCause: 'The provider’s webhook rejected our new certificate',
    });

    const form = within(review.getByRole('form', { name: 'Add a corrective action' }));
    await user.click(form.getByRole('button', { name: 'Add action' }));
    expect(
      await form.findByText('Say what will be done (at least 5 characters)'),
    ).toBeInTheDocument();
    expect(form.getByText('Choose an owner')).toBeInTheDocument();
    expect(added).toHaveLength(0);

    await user.type(form.getByLabelText(/^Action/), 'Monitor certificate expiry');
    await pickOption(form.getByLabelText(/^Owner/), 'Marta Costa');
    fireEvent.change(form.getByLabelText(/^Due/), { target: { value: '2030-12-15' } });
    await user.click(form.getByRole('button', { name: 'Add action' }));

    await waitFor(() => expect(added).toHaveLength(1));
    expect(added[0]).toEqual({
      incidentId: INCIDENT_ID,
      title: 'Monitor certificate expiry',
      ownerId: MARTA_ID,
      dueDate: '2030-12-15',
    });
    const actions = within(await review.findByRole('table', { name: 'Corrective actions' }));
    expect(await actions.findByText('Monitor certificate expiry')).toBeInTheDocument();
    expect(review.getByLabelText('Corrective action progress')).toHaveTextContent(
      '0 of 2 done, 1 overdue',
    );
    await waitFor(() => expect(form.getByLabelText(/^Action/)).toHaveValue(''));

    await pickOption(actions.getByLabelText('Status of Alert on payment webhook failures'), 'Done');
    await waitFor(() => expect(statuses).toEqual([{ actionId: ACTION_ID, status: 'done' }]));
  });
});
