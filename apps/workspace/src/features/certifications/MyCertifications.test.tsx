import {
  mockViewer,
  type ProcedureOutput,
  renderRoutes,
  renderWithProviders,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';
import { layoutMocks } from '../../test/fixtures.ts';
import { MyCertifications } from './MyCertifications.tsx';

const server = setupServer();
const presence = trpcMutationHandler({ 'live.presence': () => ({ ok: true as const }) });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeAll(() => server.use(presence));
afterEach(() => server.resetHandlers(presence));
afterAll(() => server.close());

type Mine = ProcedureOutput<'certifications.mine'>;
type Item = Mine['items'][number];

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

function item(overrides: Partial<Item>): Item {
  return {
    certificationId: '21212121-2121-4121-8121-212121212121',
    code: 'GUEST_REFUNDS',
    name: 'Guest refunds',
    description: 'Refunds and goodwill for guests.',
    grantsTier: null,
    state: 'valid',
    grantedAt: new Date('2026-03-03T10:00:00Z'),
    expiresAt: inDays(200),
    source: 'trainer',
    grantedByName: 'Helen Okafor',
    curriculumName: null,
    note: '',
    requiredFor: ['Refund request'],
    ...overrides,
  };
}

function mine(): Mine {
  return {
    tier: 'L2',
    summary: {
      valid: 1,
      expiringSoon: 1,
      expired: 1,
      nextExpiry: { certificationName: 'Senior refunds', expiresAt: inDays(12) },
      tierFrom: { certificationName: 'Senior refunds', tier: 'L2' },
    },
    items: [
      item({}),
      item({
        certificationId: '23232323-2323-4323-8323-232323232323',
        code: 'SENIOR_REFUNDS',
        name: 'Senior refunds',
        description: 'Refunds up to the L2 limits.',
        grantsTier: 'L2',
        state: 'expiring_soon',
        expiresAt: new Date(Date.now() + 12 * DAY - 60_000),
        source: 'curriculum',
        grantedByName: null,
        curriculumName: 'Refunds 201',
        requiredFor: [],
      }),
      item({
        certificationId: '25252525-2525-4525-8525-252525252525',
        code: 'SAFETY',
        name: 'Safety incidents',
        state: 'expired',
        expiresAt: inDays(-3),
        requiredFor: ['Safety incident', 'Driver safety incident'],
        note: 'Refresher due.',
      }),
    ],
  };
}

describe('MyCertifications', () => {
  it('shows the agent’s certifications, what needs renewing first, and where their tier comes from', async () => {
    server.use(
      trpcHandler({
        ...layoutMocks,
        'people.me': () => mockViewer({ agentTier: 'L2' }),
        'certifications.mine': () => mine(),
      }),
    );
    renderRoutes({ path: '/certifications', routes: workspaceRoutes });

    expect(
      await screen.findByText(/from Senior refunds\./, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'My certifications' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Safety incidents: expired 3 days ago · Senior refunds: expires in 12 days',
    );
    const cards = screen
      .getAllByLabelText(/refunds|incidents/i)
      .map((card) => card.getAttribute('aria-label'));
    expect(cards).toEqual(['Safety incidents', 'Senior refunds', 'Guest refunds']);

    const safety = within(screen.getByLabelText('Safety incidents'));
    expect(safety.getByText('Expired')).toBeInTheDocument();
    expect(
      safety.getByText('Lets you handle: Safety incident, Driver safety incident'),
    ).toBeInTheDocument();
    expect(
      safety.getByText(/Granted by Helen Okafor on 3 Mar 2026 · “Refresher due\.”/),
    ).toBeInTheDocument();
    const senior = within(screen.getByLabelText('Senior refunds'));
    expect(senior.getByText('Gives L2')).toBeInTheDocument();
    expect(senior.getByText('Expiring soon')).toBeInTheDocument();
    expect(senior.getByText(/Completed Refunds 201/)).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Guest refunds')).getByText(
        /^Valid until .* Expires in 200 days$/,
      ),
    ).toBeInTheDocument();
  });

  it('says how to get certified when there is nothing yet, and stands alone for other pages', async () => {
    server.use(
      trpcHandler({
        'certifications.mine': () => ({
          tier: 'L1',
          summary: { valid: 0, expiringSoon: 0, expired: 0, nextExpiry: null, tierFrom: null },
          items: [],
        }),
      }),
    );
    renderWithProviders(<MyCertifications />);
    expect(
      await screen.findByText('No certifications yet', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(/no certification of yours grants a higher one/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
