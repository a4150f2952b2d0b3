import {
  mockViewer,
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  renderWithProviders,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';
import { CONVERSATION_ID, layoutMocks } from '../../test/fixtures.ts';
import { SopPanel } from './SopPanel.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Sop = NonNullable<ProcedureOutput<'playbooks.sopForConversation'>>;

function sop(checks: Sop['checks'] = []): Sop {
  return {
    version: {
      id: '51515151-5151-4151-8151-515151515151',
      version: 2,
      title: 'Driver no-show',
      steps: [
        { id: 'locate', text: 'Check the **driver GPS**', required: true },
        { id: 'call', text: 'Call the driver', required: true },
        { id: 'credit', text: 'Offer a credit', required: false },
      ],
      requestTypeCode: 'PICKUP_ISSUE',
      requestTypeName: 'Driver no-show',
    },
    checks,
    pinned: checks.length > 0,
  };
}

describe('SopPanel', () => {
  it('says when the request type has no playbook', async () => {
    server.use(trpcHandler({ 'playbooks.sopForConversation': () => null }));
    renderWithProviders(<SopPanel conversationId={CONVERSATION_ID} />);
    expect(await screen.findByText('No playbook for this request type')).toBeInTheDocument();
  });

  it('ticks a step and skips another with a reason', async () => {
    const user = userEvent.setup();
    const changes: ProcedureInput<'playbooks.checkSopStep'>[] = [];
    let current = sop();
    server.use(
      trpcHandler({ 'playbooks.sopForConversation': () => current }),
      trpcMutationHandler({
        'playbooks.checkSopStep': (input) => {
          changes.push(input);
          const others = current.checks.filter((check) => check.stepId !== input.stepId);
          current = sop(
            input.state
              ? [
                  ...others,
                  {
                    stepId: input.stepId,
                    state: input.state,
                    skipReason: input.skipReason ?? null,
                    checkedAt: new Date(),
                    checkedByName: 'Ana Silva',
                  },
                ]
              : others,
          );
          return current;
        },
      }),
    );
    renderWithProviders(<SopPanel conversationId={CONVERSATION_ID} />);
    const panel = await screen.findByRole('region', { name: 'Playbook' });
    expect(await within(panel).findByText('Driver no-show')).toBeInTheDocument();
    expect(within(panel).getByText('v2')).toBeInTheDocument();
    expect(within(panel).getAllByText('Required')).toHaveLength(2);
    expect(within(panel).getByText('driver GPS').tagName).toBe('STRONG');
    expect(within(panel).getByText('2 required steps left before resolving')).toBeInTheDocument();

    await user.click(within(panel).getByRole('checkbox', { name: 'Step 1 done' }));
    await waitFor(() =>
      expect(within(panel).getByRole('checkbox', { name: 'Step 1 done' })).toBeChecked(),
    );
    expect(within(panel).getByText('Done by Ana Silva')).toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Skip step 2' }));
    const reason = within(panel).getByRole('textbox', { name: 'Why skip step 2?' });
    expect(within(panel).getByRole('button', { name: 'Skip step' })).toBeDisabled();
    await user.type(reason, 'Driver unreachable');
    await user.click(within(panel).getByRole('button', { name: 'Skip step' }));
    expect(await within(panel).findByText(/Skipped: Driver unreachable/)).toBeInTheDocument();
    expect(within(panel).getByText('2 of 3 steps handled')).toBeInTheDocument();
    expect(changes).toEqual([
      { conversationId: CONVERSATION_ID, stepId: 'locate', state: 'done' },
      {
        conversationId: CONVERSATION_ID,
        stepId: 'call',
        state: 'skipped',
        skipReason: 'Driver unreachable',
      },
    ]);
  });
});

describe('MyMacrosPage', () => {
  it('lists the agent’s own macros and creates one', async () => {
    const user = userEvent.setup();
    const created: ProcedureInput<'playbooks.createMyMacro'>[] = [];
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'live.presence': () => ({ ok: true as const }),
        'playbooks.listMyMacros': () => ({
          items: [
            {
              id: '52525252-5252-4252-8252-525252525252',
              name: 'My sign-off',
              body: 'Thanks, {{agent.first_name}}',
              scope: 'personal',
              inboxId: null,
              inboxName: null,
              ownerId: '11111111-1111-4111-8111-111111111111',
              fields: [],
              actions: { tags: [], priority: null, status: null },
              createdAt: new Date('2026-03-01T09:00:00Z'),
              updatedAt: new Date('2026-03-01T09:00:00Z'),
            },
          ],
          total: 1,
          limit: 25,
          offset: 0,
        }),
        'playbooks.tagOptions': () => [],
      }),
      trpcMutationHandler({
        'playbooks.createMyMacro': (input) => {
          created.push(input);
          return { id: '53535353-5353-4353-8353-535353535353' };
        },
      }),
    );
    renderRoutes({ path: '/macros', routes: workspaceRoutes });
    expect(await screen.findByText('My sign-off')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My macros' })).toHaveAttribute('aria-current', 'page');
    await user.click(screen.getByRole('button', { name: 'New macro' }));
    const drawer = await screen.findByRole('dialog', { name: 'New macro' });
    expect(within(drawer).queryByText('Inbox')).toBeNull();
    await user.type(within(drawer).getByLabelText('Name', { exact: false }), 'Quick thanks');
    await user.type(within(drawer).getByRole('textbox', { name: 'Reply text' }), 'Thanks!');
    await user.click(within(drawer).getByRole('button', { name: 'Create macro' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({
      name: 'Quick thanks',
      body: 'Thanks!',
      scope: 'personal',
      inboxId: null,
    });
  }, 20_000);
});
