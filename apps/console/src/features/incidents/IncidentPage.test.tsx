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
import { IncidentPage } from './IncidentPage.tsx';
import {
  CONVERSATION_ID,
  INCIDENT_ID,
  incidentDetail,
  leadViewer,
  STAFF,
  trainerViewer,
} from './incident-fixtures.ts';
import { sessionRoutes } from './session-routes.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Detail = ProcedureOutput<'incidents.byId'>;
type Viewer = ProcedureOutput<'people.me'>;

const routes = sessionRoutes([{ path: '/incidents/:incidentId', element: <IncidentPage /> }]);

function queries(detail: () => Detail, viewer: Viewer = leadViewer) {
  return trpcHandler({
    'people.me': () => viewer,
    'incidents.byId': () => detail(),
    'incidents.staff': () => STAFF,
    'conversations.filterOptions': () => ({
      cities: [{ code: 'LIS', name: 'Lisbon' }],
      requestTypes: [{ code: 'PAYMENT_FAILED', name: 'Payment failed', audience: 'guest' }],
      tags: [],
      colleagues: [],
    }),
  });
}

async function renderIncident() {
  renderRoutes({ path: `/incidents/${INCIDENT_ID}`, routes });
  await screen.findByRole('heading', { name: 'Card payments failing in Lisbon' });
}

describe('incident page', () => {
  it('shows the incident, its record and its linked conversations', async () => {
    server.use(queries(() => incidentDetail()));
    await renderIncident();

    expect(screen.getByText('INC-101')).toBeInTheDocument();
    expect(screen.getByText('SEV2')).toBeInTheDocument();
    expect(screen.getByText('Lena Lead')).toBeInTheDocument();
    expect(screen.getByText('Marta Costa')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit roles' })).toBeInTheDocument();
    const timeline = screen.getByLabelText('Incident timeline');
    expect(
      within(timeline).getByText('Lena Lead declared it as SEV2: Card payments failing in Lisbon'),
    ).toBeInTheDocument();

    const linked = screen.getByRole('region', { name: 'Linked conversations (14)' });
    expect(within(linked).getByRole('link', { name: '#1042' })).toHaveAttribute(
      'href',
      `/workspace/conversations/${CONVERSATION_ID}`,
    );
    expect(
      within(linked).getByText('Showing the 1 linked most recently of 14.'),
    ).toBeInTheDocument();
    expect(within(linked).getByRole('button', { name: 'Unlink #1042' })).toBeInTheDocument();

    const composer = screen.getByRole('region', { name: 'Status update' });
    expect(within(composer).getByText('SEV2 · major: an update every 1 h')).toBeInTheDocument();
    expect(within(composer).getByText('Overdue')).toBeInTheDocument();
  });

  it('posts a status update, offering only the same or a later state', async () => {
    const user = userEvent.setup();
    const posted: ProcedureInput<'incidents.postUpdate'>[] = [];
    server.use(
      queries(() =>
        incidentDetail(
          posted.length > 0
            ? { state: 'monitoring', nextUpdateDueAt: new Date(Date.now() + 3_600_000) }
            : {},
        ),
      ),
      trpcMutationHandler({
        'incidents.postUpdate': (input) => {
          posted.push(input);
          return { id: input.incidentId, state: 'monitoring' as const };
        },
      }),
    );
    await renderIncident();
    const composer = within(screen.getByRole('region', { name: 'Status update' }));

    const state = composer.getByLabelText(/^State/);
    expect(state).toHaveValue('Cause identified');
    fireEvent.click(state);
    const options = await screen.findAllByRole('option', { hidden: true });
    expect(options.map((option) => option.textContent)).toEqual([
      'Cause identified',
      'Fix in place, monitoring',
    ]);
    fireEvent.click(screen.getByRole('option', { name: 'Fix in place, monitoring', hidden: true }));
    await user.type(
      composer.getByLabelText(/^Update/),
      'The provider deployed a fix; watching payments',
    );
    await user.click(composer.getByRole('button', { name: 'Post update' }));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      incidentId: INCIDENT_ID,
      state: 'monitoring',
      body: 'The provider deployed a fix; watching payments',
    });
    await waitFor(() =>
      expect(screen.getAllByText('Fix in place, monitoring').length).toBeGreaterThan(0),
    );
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Status update' })).getByLabelText(/^Update/),
      ).toHaveValue(''),
    );
  });

  it('puts the server’s refusal on the field it names', async () => {
    const user = userEvent.setup();
    server.use(
      queries(() => incidentDetail()),
      http.post('*/trpc/incidents.postUpdate', () =>
        refusal(
          'incidents.postUpdate',
          'BAD_REQUEST',
          'body',
          'body: Say what is known (at least 5 characters)',
        ),
      ),
    );
    await renderIncident();
    const composer = within(screen.getByRole('region', { name: 'Status update' }));

    await user.type(composer.getByLabelText(/^Update/), '     ok    ');
    await user.click(composer.getByRole('button', { name: 'Post update' }));

    expect(
      await composer.findByText('Say what is known (at least 5 characters)'),
    ).toBeInTheDocument();
    expect(composer.getByLabelText(/^Update/)).toHaveAttribute('aria-invalid', 'true');
    expect(composer.getByLabelText(/^State/)).not.toHaveAttribute('aria-invalid', 'true');
    expect(composer.queryByText('Not posted')).toBeNull();
  });

  it('replies to every linked contact and shows what was sent', async () => {
    const user = userEvent.setup();
    const replies: ProcedureInput<'incidents.bulkReply'>[] = [];
    server.use(
      queries(() => incidentDetail()),
      trpcMutationHandler({
        'incidents.bulkReply': (input) => {
          replies.push(input);
          return {
            sent: 12,
            repeated: 1,
            failed: [{ conversationId: CONVERSATION_ID, message: 'The channel is closed' }],
            batch: input.clientId ?? 'batch',
          };
        },
      }),
    );
    await renderIncident();

    await user.click(screen.getByRole('button', { name: 'Reply to all' }));
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Reply to all linked contacts' }),
    );
    expect(dialog.getByText('{{contact.first_name}}')).toBeInTheDocument();
    expect(dialog.getByText('{{incident.title}}')).toBeInTheDocument();
    await user.click(dialog.getByRole('switch', { name: /Also write to resolved conversations/ }));
    await user.click(dialog.getByRole('button', { name: 'Send to all' }));

    const result = await dialog.findByRole('alert', { name: 'Replies sent' });
    expect(within(result).getByText('12 sent')).toBeInTheDocument();
    expect(within(result).getByText('1 sent already (not sent again)')).toBeInTheDocument();
    expect(within(result).getByText('1 failed')).toBeInTheDocument();
    expect(dialog.getByText(/The channel is closed/)).toBeInTheDocument();
    expect(replies[0]).toMatchObject({ incidentId: INCIDENT_ID, includeResolved: true });
    expect(replies[0]?.body).toContain('{{contact.first_name}}');
    expect(replies[0]?.clientId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows a trainer the incident without the controls of those who run it', async () => {
    server.use(queries(() => incidentDetail(), trainerViewer));
    await renderIncident();

    expect(screen.queryByRole('region', { name: 'Status update' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit roles' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Resolve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reply to all' })).toBeNull();
    expect(screen.getByRole('link', { name: '#1042' })).toBeInTheDocument();
  });
});
