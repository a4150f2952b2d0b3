import {
  mockViewer,
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
import { consoleRoutes } from '../../router.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type KeyRow = ProcedureOutput<'integrations.listApiKeys'>['items'][number];

function keyRow(overrides: Partial<KeyRow> = {}): KeyRow {
  return {
    id: '88888888-8888-4888-8888-888888888888',
    name: 'Rider app — production',
    prefix: 'sb_live_Ab12',
    createdAt: new Date('2026-03-01T09:00:00Z'),
    createdByName: 'Ada Admin',
    lastUsedAt: null,
    revokedAt: null,
    revokedByName: null,
    ...overrides,
  };
}

describe('ApiKeysPage', () => {
  it('lists keys without secrets, active and revoked, for an admin', async () => {
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'admin' }),
        'integrations.listApiKeys': () => ({
          items: [
            keyRow({ lastUsedAt: new Date(Date.now() - 5 * 60_000) }),
            keyRow({
              id: '99999999-9999-4999-8999-999999999999',
              name: 'Old WhatsApp gateway',
              prefix: 'sb_live_Zz99',
              revokedAt: new Date('2026-03-05T12:00:00Z'),
              revokedByName: 'Ada Admin',
            }),
          ],
          total: 2,
          limit: 25,
          offset: 0,
        }),
      }),
    );
    renderRoutes({ path: '/integrations/api-keys', routes: consoleRoutes });
    const active = (await screen.findByText('Rider app — production')).closest('tr') as HTMLElement;
    expect(within(active).getByText('sb_live_Ab12…')).toBeInTheDocument();
    expect(within(active).getByText('Active')).toBeInTheDocument();
    expect(within(active).getByText('5 minutes ago')).toBeInTheDocument();
    expect(within(active).getByText('by Ada Admin')).toBeInTheDocument();
    const revoked = screen.getByText('Old WhatsApp gateway').closest('tr') as HTMLElement;
    expect(within(revoked).getByText('Revoked')).toBeInTheDocument();
    expect(within(revoked).getByText('Never')).toBeInTheDocument();
    expect(within(revoked).queryByRole('button', { name: /Revoke/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'API keys' })).toHaveAttribute('aria-current', 'page');
  });

  it('creates a key and shows it once with a copy button and a warning', async () => {
    const user = userEvent.setup();
    let listed: KeyRow[] = [];
    const created: ProcedureInput<'integrations.createApiKey'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'admin' }),
        'integrations.listApiKeys': () => ({
          items: listed,
          total: listed.length,
          limit: 25,
          offset: 0,
        }),
      }),
      trpcMutationHandler({
        'integrations.createApiKey': (input) => {
          created.push(input);
          listed = [keyRow({ name: input.name })];
          return {
            id: '88888888-8888-4888-8888-888888888888',
            name: input.name,
            prefix: 'sb_live_Ab12',
            createdAt: new Date(),
            key: 'sb_live_Ab12cdEF34ghIJ56klMN78opQR90stUV',
          };
        },
      }),
    );
    renderRoutes({ path: '/integrations/api-keys', routes: consoleRoutes });
    expect(await screen.findByText('No API keys yet')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API key' });
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(await within(dialog).findByText(/at least 3 characters/)).toBeInTheDocument();
    expect(created).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Name/), 'Driver app');
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    const shown = await screen.findByRole('dialog', { name: 'Copy your new API key' });
    expect(created).toEqual([{ name: 'Driver app' }]);
    expect(within(shown).getByText('sb_live_Ab12cdEF34ghIJ56klMN78opQR90stUV')).toBeInTheDocument();
    expect(within(shown).getByText(/nobody can see it again/)).toBeInTheDocument();
    expect(within(shown).getByRole('button', { name: 'Copy key' })).toBeInTheDocument();
    // The list behind the modal already shows the new key.
    expect(await screen.findByText('Driver app', { selector: 'p' })).toBeInTheDocument();

    await user.click(within(shown).getByRole('button', { name: 'I have copied it' }));
    await waitFor(() =>
      expect(
        screen.queryByText('sb_live_Ab12cdEF34ghIJ56klMN78opQR90stUV'),
      ).not.toBeInTheDocument(),
    );
  });

  it('revokes a key after confirmation', async () => {
    const user = userEvent.setup();
    let revokedAt: Date | null = null;
    const revoked: ProcedureInput<'integrations.revokeApiKey'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'admin' }),
        'integrations.listApiKeys': () => ({
          items: [keyRow({ revokedAt, revokedByName: revokedAt ? 'Ada Admin' : null })],
          total: 1,
          limit: 25,
          offset: 0,
        }),
      }),
      trpcMutationHandler({
        'integrations.revokeApiKey': (input) => {
          revoked.push(input);
          revokedAt = new Date();
          return { id: input.id, revokedAt };
        },
      }),
    );
    renderRoutes({ path: '/integrations/api-keys', routes: consoleRoutes });
    await user.click(await screen.findByRole('button', { name: 'Revoke Rider app — production' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke this API key?' });
    expect(within(dialog).getByText(/cannot be undone/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }));
    expect(await screen.findByText('Revoked')).toBeInTheDocument();
    expect(revoked).toEqual([{ id: '88888888-8888-4888-8888-888888888888' }]);
  });

  it('hides the link from a lead and refuses the page without loading keys', async () => {
    let listCalls = 0;
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead' }),
        'integrations.listApiKeys': () => {
          listCalls += 1;
          return { items: [], total: 0, limit: 25, offset: 0 };
        },
      }),
    );
    renderRoutes({ path: '/integrations/api-keys', routes: consoleRoutes });
    expect(await screen.findByText('Admins only')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'API keys' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'People' })).toBeInTheDocument();
    expect(listCalls).toBe(0);
  });
});
