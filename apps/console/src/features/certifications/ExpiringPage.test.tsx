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
import { consoleRoutes } from '../../router.tsx';
import { teamRow } from '../../test/fixtures.ts';
import {
  ANA_ID,
  catalogRow,
  expiringRow,
  inDays,
  REFUNDS_ID,
  RUI_ID,
  seniorRow,
} from './certification-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function expiringQueries(requests: ProcedureInput<'certifications.expiring'>[]) {
  return trpcHandler({
    'people.me': () => mockViewer({ role: 'lead', name: 'Lena Lead' }),
    'people.teams': () => [teamRow()],
    'certifications.list': () => [catalogRow(), seniorRow()],
    'certifications.expiring': (input) => {
      requests.push(input);
      const rows = [expiringRow()];
      if (input.includeExpired) {
        rows.unshift(
          expiringRow({
            userId: RUI_ID,
            name: 'Rui Santos',
            email: 'rui.santos@switchboard.test',
            expiresAt: inDays(-3),
            state: 'expired',
            reminded: true,
          }),
        );
      }
      return { items: rows, total: rows.length, limit: 50, offset: 0 };
    },
  });
}

describe('ExpiringPage', () => {
  it('lists what expires in the next 30 days, and widens the window from the URL', async () => {
    const user = userEvent.setup();
    const requests: ProcedureInput<'certifications.expiring'>[] = [];
    server.use(expiringQueries(requests));
    const { router } = renderRoutes({ path: '/certifications/expiring', routes: consoleRoutes });
    const name = await screen.findByText('Ana Silva', {}, { timeout: 10_000 });
    expect(requests[0]).toMatchObject({ withinDays: 30, includeExpired: false });
    const row = within(name.closest('tr') as HTMLElement);
    expect(row.getByText('Guest refunds')).toBeInTheDocument();
    expect(row.getByText(/Expires in 1[12] days/)).toBeInTheDocument();
    expect(row.getByText('Expiring soon')).toBeInTheDocument();
    expect(row.getByText('Sent')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: '90 days' }));
    await waitFor(() => expect(requests.at(-1)).toMatchObject({ withinDays: 90 }));
    expect(router.state.location.search).toBe('?days=90');
    await user.click(screen.getByRole('switch', { name: 'Include the recently expired' }));
    const rui = await screen.findByText('Rui Santos');
    expect(
      within(rui.closest('tr') as HTMLElement).getByText('Expired 3 days ago'),
    ).toBeInTheDocument();
    expect(requests.at(-1)).toMatchObject({ withinDays: 90, includeExpired: true });
  });

  it('renews a grant for its holder in one step', async () => {
    const user = userEvent.setup();
    const granted: ProcedureInput<'certifications.grant'>[] = [];
    server.use(
      expiringQueries([]),
      trpcMutationHandler({
        'certifications.grant': (input) => {
          granted.push(input);
          return { granted: 0, renewed: 1, expiresAt: inDays(365) };
        },
      }),
    );
    renderRoutes({ path: '/certifications/expiring', routes: consoleRoutes });
    await user.click(
      await screen.findByRole(
        'button',
        { name: 'Renew Guest refunds for Ana Silva' },
        { timeout: 10_000 },
      ),
    );
    const dialog = within(await screen.findByRole('dialog', { name: 'Renew certification' }));
    expect(dialog.getByRole('combobox', { name: 'Certification' })).toBeDisabled();
    await user.click(dialog.getByRole('button', { name: 'Renew' }));
    await waitFor(() =>
      expect(granted).toEqual([{ certificationId: REFUNDS_ID, userIds: [ANA_ID], note: '' }]),
    );
  });
});
