import {
  MockTRPCError,
  mockViewer,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';
import { CONVERSATION_ID, conversationDetail, layoutMocks } from '../../test/fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// Presence heartbeats are fire-and-forget; every test answers them.
const presence = trpcMutationHandler({ 'live.presence': () => ({ ok: true as const }) });
afterEach(() => server.resetHandlers(presence));
beforeAll(() => server.use(presence));
afterAll(() => server.close());

const path = `/conversations/${CONVERSATION_ID}`;

describe('ConversationPage', () => {
  it('shows the header, the merged timeline, the contact and the booking', async () => {
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'conversations.byId': () => conversationDetail(),
        'conversations.options': () => ({
          tags: [{ code: 'airport', name: 'Airport', color: 'blue' }],
          requestTypes: [],
          assignees: [],
          inboxes: [],
        }),
      }),
    );
    renderRoutes({ path, routes: workspaceRoutes });

    expect(
      await screen.findByRole('heading', { name: /#1042\s+Driver did not show up/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('My driver is not here')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Internal note from Ana Silva' })).toBeVisible();
    expect(screen.getByText(/^Assigned to Ana Silva/)).toBeInTheDocument();
    expect(screen.getByText(/^Status Open → Pending by Ana Silva/)).toBeInTheDocument();
    expect(screen.getByText('marta@example.com')).toBeInTheDocument();
    expect(screen.getByText('€34.50')).toBeInTheDocument();
    // 13:00 UTC is 13:00 in Lisbon in March (WET, before summer time).
    expect(screen.getByText(/13:00/)).toBeInTheDocument();
    expect(screen.getByText('Lisbon time (Europe/Lisbon)')).toBeInTheDocument();
    const whyHere = screen.getByRole('region', { name: 'Why is this here?' });
    expect(within(whyHere).getByText(/Rule 2: Stranded at the airport/)).toBeInTheDocument();
    expect(within(whyHere).getByText('Text mentions “airport”')).toBeInTheDocument();
    expect(within(whyHere).getByText(/Round robin: Ana Silva/)).toBeInTheDocument();
    const classification = screen.getByRole('region', { name: 'Classification' });
    expect(await within(classification).findByText('Airport')).toBeInTheDocument();
  });

  it('explains when the conversation is in an inbox the agent does not work', async () => {
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'conversations.byId': () => {
          throw new MockTRPCError('FORBIDDEN', 'This conversation is in an inbox you do not work');
        },
      }),
    );
    renderRoutes({ path, routes: workspaceRoutes });
    expect(await screen.findByText("You can't open this conversation")).toBeInTheDocument();
    expect(screen.getByText('This conversation is in an inbox you do not work')).toBeVisible();
  });

  it('says when the conversation does not exist', async () => {
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'conversations.byId': () => {
          throw new MockTRPCError('NOT_FOUND', 'Conversation not found');
        },
      }),
    );
    renderRoutes({ path, routes: workspaceRoutes });
    expect(await screen.findByText('Conversation not found')).toBeInTheDocument();
  });
});
