import {
  mockViewer,
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';
import { CONVERSATION_ID, conversationDetail, layoutMocks } from '../../test/fixtures.ts';

const server = setupServer();
const presence = trpcMutationHandler({ 'live.presence': () => ({ ok: true as const }) });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeAll(() => server.use(presence));
afterEach(() => server.resetHandlers(presence));
afterAll(() => server.close());

const INCIDENT_ID = '77777777-7777-4777-8777-777777777777';

function mockConversation(extra: Record<string, unknown> = {}) {
  server.use(
    trpcHandler({
      ...layoutMocks,
      'people.me': () => mockViewer(),
      'conversations.byId': () => conversationDetail(),
      'conversations.options': () => ({ tags: [], requestTypes: [], assignees: [], inboxes: [] }),
      'guardrails.decide': () => ({ outcome: 'allow', reasons: [], policyVersion: 1 }),
      'incidents.classify': (input) => ({
        severity: input.safety ? 'sev1' : 'sev3',
        reasons: [input.safety ? 'Someone’s safety is at risk' : 'Some customers are blocked'],
      }),
      ...extra,
    }),
  );
}

describe('incidents in the workspace', () => {
  it('shows the banner of the incident the conversation is part of', async () => {
    mockConversation({
      'incidents.forConversation': () => [
        {
          id: INCIDENT_ID,
          number: 104,
          title: 'Card payments failing in Lisbon',
          severity: 'sev2',
          state: 'identified',
          lastUpdateAt: new Date(),
          latestUpdate: 'The payment provider is fixing a certificate',
        },
      ],
    });
    renderRoutes({ path: `/conversations/${CONVERSATION_ID}`, routes: workspaceRoutes });
    const banner = await screen.findByRole('region', { name: 'Part of incident INC-104' });
    expect(banner).toHaveTextContent('SEV2 · major · Card payments failing in Lisbon');
    expect(banner).toHaveTextContent(
      /Cause identified · updated .* — The payment provider is fixing a certificate/,
    );
  });

  it('declares an incident from the conversation with the proposed severity', async () => {
    const user = userEvent.setup();
    mockConversation();
    const declared: ProcedureInput<'incidents.declare'>[] = [];
    server.use(
      trpcMutationHandler({
        'incidents.declare': (input) => {
          declared.push(input);
          return { id: INCIDENT_ID, number: 105, proposed: { severity: 'sev1', reasons: [] } };
        },
      }),
    );
    renderRoutes({ path: `/conversations/${CONVERSATION_ID}`, routes: workspaceRoutes });
    await user.click(await screen.findByRole('button', { name: 'Incident' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Declare a new incident…' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Declare an incident' }));
    await user.type(
      dialog.getByRole('textbox', { name: /What is happening/ }),
      'Driver assaulted at pickup',
    );
    await user.click(dialog.getByRole('switch', { name: 'Someone’s safety is at risk' }));
    expect(
      await dialog.findByText(/Proposed SEV1: Someone’s safety is at risk/),
    ).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Declare SEV1' }));
    await waitFor(() => expect(declared).toHaveLength(1));
    expect(declared[0]).toMatchObject({
      title: 'Driver assaulted at pickup',
      safety: true,
      severity: 'sev1',
      conversationId: CONVERSATION_ID,
    });
  });
});

describe('resolving a conversation', () => {
  it('asks for the root cause and sends it with the resolution', async () => {
    const user = userEvent.setup();
    mockConversation();
    const moves: ProcedureInput<'conversations.setStatus'>[] = [];
    server.use(
      trpcMutationHandler({
        'conversations.setStatus': (input) => {
          moves.push(input);
          return { ...conversationDetail().conversation, status: 'resolved' } as never;
        },
      }),
    );
    renderRoutes({ path: `/conversations/${CONVERSATION_ID}`, routes: workspaceRoutes });
    await user.click(await screen.findByRole('button', { name: 'Resolve' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Resolve conversation' }));
    await user.click(dialog.getByRole('button', { name: 'Resolve' }));
    expect(await dialog.findByText('Choose a root cause')).toBeInTheDocument();
    expect(moves).toEqual([]);
    await user.click(dialog.getByRole('combobox', { name: /Root cause/ }));
    await user.click(
      await screen.findByRole('option', { name: 'Driver did not show', hidden: true }),
    );
    await user.click(dialog.getByRole('button', { name: 'Resolve' }));
    await waitFor(() =>
      expect(moves).toEqual([
        { conversationId: CONVERSATION_ID, status: 'resolved', rootCauseCode: 'driver_no_show' },
      ]),
    );
  });
});
