import { mockViewer, renderRoutes, trpcHandler } from '@switchboard/ui/testing';
import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';
import { layoutMocks } from '../../test/fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const FINANCE_TEAM = {
  id: '88888888-8888-4888-8888-888888888888',
  code: 'FINANCE_PAYOUTS',
  name: 'Finance & Payouts',
  kind: 'finance_payouts' as const,
  role: 'member' as const,
};

describe('approvals in the workspace', () => {
  it('gives Finance’s members the approvals queue beside the inbox', async () => {
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer({ teams: [FINANCE_TEAM] }),
        'guardrails.approvals': () => ({ items: [], total: 0, roles: ['finance'] }),
      }),
    );
    renderRoutes({ path: '/approvals', routes: workspaceRoutes });
    expect(await screen.findByRole('heading', { name: 'Approvals' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Approvals' })).toBeInTheDocument();
    expect(await screen.findByText('Nothing waiting')).toBeInTheDocument();
  });

  it('keeps the link away from agents who answer none', async () => {
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer(),
        'escalations.queue': () => ({ items: [], total: 0, myTeams: [], seesEveryQueue: false }),
      }),
    );
    renderRoutes({ path: '/escalations', routes: workspaceRoutes });
    expect(await screen.findByRole('link', { name: 'Escalations' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Approvals' })).not.toBeInTheDocument();
  });
});
