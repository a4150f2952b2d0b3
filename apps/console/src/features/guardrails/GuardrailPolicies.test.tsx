import { type GuardrailPolicy, noShowPolicy } from '@switchboard/domain';
import {
  mockViewer,
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
import { consoleRoutes } from '../../router.tsx';
import { refusal } from '../../test/trpc-answers.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type PolicyRow = ProcedureOutput<'guardrails.policies'>[number];
type SaveInput = ProcedureInput<'guardrails.savePolicy'>;

const POLICY_ID = '41414141-4141-4141-8141-414141414141';
const { version: _version, ...definition } = noShowPolicy;

function policyRow(overrides: Partial<PolicyRow> = {}): PolicyRow {
  return {
    id: POLICY_ID,
    requestTypeCode: 'DRIVER_NO_SHOW',
    requestTypeName: 'Driver no-show',
    audience: 'guest',
    version: 7,
    definition,
    updatedAt: new Date('2026-03-01T10:00:00Z'),
    updatedByName: 'Lena Lead',
    ...overrides,
  };
}

/** Picks an option of a Mantine Select (jsdom lays out nothing, so options count as hidden). */
async function pick(input: HTMLElement, option: string) {
  fireEvent.click(input);
  const listbox = await waitFor(() => {
    const popup = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!popup) throw new Error('The popup did not open');
    return popup;
  });
  fireEvent.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

function policyQueries(role: 'lead' | 'trainer', current: () => PolicyRow | null) {
  return trpcHandler({
    'people.me': () => mockViewer({ role, name: role === 'lead' ? 'Lena Lead' : 'Tomás Trainer' }),
    'guardrails.policies': () => {
      const row = current();
      return row ? [row] : [];
    },
    'guardrails.policy': () => current(),
    'conversations.filterOptions': () => ({
      cities: [],
      tags: [],
      colleagues: [],
      requestTypes: [
        { code: 'DRIVER_NO_SHOW', name: 'Driver no-show', audience: 'guest' },
        { code: 'EARNINGS_DISPUTE', name: 'Earnings dispute', audience: 'driver' },
      ],
    }),
  });
}

describe('guardrail policies', () => {
  it('lists policies with their refund limits and opens one in the editor', async () => {
    const user = userEvent.setup();
    server.use(policyQueries('lead', () => policyRow()));
    renderRoutes({ path: '/guardrails', routes: consoleRoutes });

    const link = await screen.findByRole('link', { name: 'Driver no-show' });
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('v7')).toBeInTheDocument();
    expect(within(row).getByText('Guest')).toBeInTheDocument();
    expect(
      within(row).getByText('AED 200.00 / €50.00, up to 50% of the booking'),
    ).toBeInTheDocument();
    expect(
      within(row).getByText('AED 600.00 / €150.00, up to 100% of the booking'),
    ).toBeInTheDocument();
    expect(within(row).getByText('by Lena Lead')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Guardrails' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await user.click(link);
    expect(await screen.findByRole('heading', { name: 'Driver no-show' })).toBeInTheDocument();
    expect(screen.getByText('Version 7')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'History of this policy' })).toHaveAttribute(
      'href',
      `/changes?entityType=guardrail_policy&entityId=${POLICY_ID}`,
    );
    for (const section of ['Refund', 'Goodwill gesture', 'Rebooking']) {
      expect(screen.getByRole('heading', { name: section })).toBeInTheDocument();
      expect(screen.getByRole('switch', { name: `${section} offered` })).toBeChecked();
    }
    expect(screen.getByRole('textbox', { name: 'Refund L1 amount in EUR' })).toHaveValue('50.00');
    expect(screen.getByRole('textbox', { name: 'Refund L1 amount in AED' })).toHaveValue('200.00');
    expect(screen.getByRole('textbox', { name: 'Refund L1 % of the booking' })).toHaveValue(
      '50% of the booking',
    );
    expect(screen.getByRole('textbox', { name: 'Refund reason 1 code' })).toHaveValue(
      'DRIVER_NO_SHOW',
    );
    expect(screen.getByRole('button', { name: 'Save policy' })).toBeDisabled();
  });

  it('saves an edited limit in exact minor units and links to the new version’s history', async () => {
    const user = userEvent.setup();
    const saved: SaveInput[] = [];
    let current = policyRow();
    server.use(
      policyQueries('lead', () => current),
      trpcMutationHandler({
        'guardrails.savePolicy': (input) => {
          saved.push(input);
          current = policyRow({
            version: 8,
            definition: input.policy as GuardrailPolicy,
            updatedAt: new Date(),
          });
          return current;
        },
      }),
    );
    renderRoutes({ path: '/guardrails/DRIVER_NO_SHOW/guest', routes: consoleRoutes });

    const eur = await screen.findByRole('textbox', { name: 'Refund L1 amount in EUR' });
    await user.clear(eur);
    await user.type(eur, '62.5');
    expect(screen.getByText('€62.50')).toBeInTheDocument();
    const change = (name: string, value: string) =>
      fireEvent.change(screen.getByLabelText(name), { target: { value } });
    change('Refund L1 amount in AED', '250.29');
    await pick(screen.getByRole('combobox', { name: 'Add a currency to Refund L1' }), 'GBP');
    change('Refund L1 amount in GBP', '40.1');
    change('Refund L1 % of the booking', '60');
    await user.click(screen.getByRole('button', { name: 'Add goodwill gesture reason' }));
    change('Goodwill gesture reason 2 code', 'rude_driver');
    change('Goodwill gesture reason 2 label', 'Driver was rude');
    fireEvent.paste(
      screen.getByLabelText('Goodwill gesture reason 2 evidence', { selector: 'input' }),
      {
        clipboardData: { getData: () => 'chat_transcript' },
      },
    );
    await user.click(screen.getByRole('switch', { name: 'Allowed on a booking refunded in full' }));
    change('Tell agents what changes', 'L1 may refund up to €62.50 now.');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    const sent = saved[0]!;
    expect(sent.policy.refund.tiers.L1).toEqual({
      maxAmount: { AED: 25_029, EUR: 6_250, GBP: 4_010 },
      maxPercentOfBooking: 60,
    });
    expect(sent.policy.refund.tiers.L2).toEqual(noShowPolicy.refund.tiers.L2);
    expect(sent.policy.gesture.reasons).toEqual([
      ...noShowPolicy.gesture.reasons,
      { code: 'RUDE_DRIVER', label: 'Driver was rude', evidence: ['chat_transcript'] },
    ]);
    expect(sent.policy.gesture.combinableWithFullRefund).toBe(true);
    expect(sent.policy.rebooking).toEqual(noShowPolicy.rebooking);
    expect(sent).toMatchObject({
      policy: { requestTypeCode: 'DRIVER_NO_SHOW', audience: 'guest' },
      rolloutNote: 'L1 may refund up to €62.50 now.',
    });

    const notice = await screen.findByRole('alert', { name: 'Saved as version 8' });
    expect(within(notice).getByRole('link', { name: 'See its change history' })).toHaveAttribute(
      'href',
      `/changes?entityType=guardrail_policy&entityId=${POLICY_ID}`,
    );
    expect(await screen.findByText('Version 8')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Refund L1 amount in GBP' })).toHaveValue('40.10');
    expect(screen.getByRole('textbox', { name: 'Tell agents what changes' })).toHaveValue('');
  }, 30_000);

  it('checks the form before sending and shows the server’s refusal on its field', async () => {
    const user = userEvent.setup();
    const attempts: unknown[] = [];
    server.use(
      policyQueries('lead', () => policyRow()),
      http.post('*/trpc/guardrails.savePolicy', async ({ request }) => {
        attempts.push(await request.json());
        return refusal(
          'guardrails.savePolicy',
          'BAD_REQUEST',
          'policy.refund.tiers.L1.maxPercentOfBooking',
          'An L1 agent may not give more of the booking than a lead approves',
        );
      }),
    );
    renderRoutes({ path: '/guardrails/DRIVER_NO_SHOW/guest', routes: consoleRoutes });

    const eur = await screen.findByRole('textbox', { name: 'Refund L1 amount in EUR' });
    await user.clear(eur);
    await user.type(eur, '12.345');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('EUR has at most 2 decimals')).toBeInTheDocument();
    expect(eur).toHaveAttribute('aria-invalid', 'true');
    expect(attempts).toHaveLength(0);

    await user.clear(eur);
    await user.type(eur, '12.34');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(attempts).toHaveLength(1));
    expect(
      await screen.findByText('An L1 agent may not give more of the booking than a lead approves'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Refund L1 % of the booking' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.queryByRole('alert', { name: 'Not saved' })).toBeNull();
  }, 30_000);

  it('shows trainers the policy read-only', async () => {
    server.use(policyQueries('trainer', () => policyRow()));
    renderRoutes({ path: '/guardrails', routes: consoleRoutes });
    await screen.findByRole('link', { name: 'Driver no-show' });
    expect(screen.queryByRole('button', { name: 'New policy' })).toBeNull();

    renderRoutes({ path: '/guardrails/DRIVER_NO_SHOW/guest', routes: consoleRoutes });
    expect(await screen.findByText(/Read only: team leads and admins/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Refund L1 amount in EUR' })).toBeDisabled();
    expect(screen.getByRole('switch', { name: 'Refund offered' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save policy' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add refund reason' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Tell agents what changes' })).toBeNull();
  });

  it('starts a new policy from the example for a chosen request type', async () => {
    const user = userEvent.setup();
    const saved: SaveInput[] = [];
    let created: PolicyRow | null = null;
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'lead' }),
        'guardrails.policies': () => [policyRow()],
        'guardrails.policy': (input) =>
          input.requestTypeCode === 'DRIVER_NO_SHOW' ? policyRow() : created,
        'conversations.filterOptions': () => ({
          cities: [],
          tags: [],
          colleagues: [],
          requestTypes: [
            { code: 'DRIVER_NO_SHOW', name: 'Driver no-show', audience: 'guest' },
            { code: 'EARNINGS_DISPUTE', name: 'Earnings dispute', audience: 'driver' },
          ],
        }),
      }),
      trpcMutationHandler({
        'guardrails.savePolicy': (input) => {
          saved.push(input);
          created = policyRow({
            id: '42424242-4242-4242-8242-424242424242',
            requestTypeCode: 'EARNINGS_DISPUTE',
            requestTypeName: 'Earnings dispute',
            audience: 'driver',
            version: 1,
            definition: input.policy as GuardrailPolicy,
          });
          return created;
        },
      }),
    );
    renderRoutes({ path: '/guardrails', routes: consoleRoutes });
    await user.click(await screen.findByRole('button', { name: 'New policy' }));
    const dialog = await screen.findByRole('dialog', { name: 'New guardrail policy' });
    await pick(
      within(dialog).getByRole('combobox', { name: 'Request type' }),
      'Earnings dispute (EARNINGS_DISPUTE)',
    );
    expect(within(dialog).getByRole('combobox', { name: 'Audience' })).toHaveValue('Driver');
    await user.click(within(dialog).getByRole('button', { name: 'Start policy' }));

    expect(await screen.findByRole('heading', { name: 'Earnings dispute' })).toBeInTheDocument();
    expect(screen.getByText('New policy')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Refund L1 amount in EUR' })).toHaveValue('50.00');
    await user.click(screen.getByRole('button', { name: 'Create policy' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.policy).toEqual({
      ...definition,
      requestTypeCode: 'EARNINGS_DISPUTE',
      audience: 'driver',
    });
    expect(await screen.findByRole('alert', { name: 'Saved as version 1' })).toBeInTheDocument();
  }, 30_000);
});
