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
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import { teamRow } from '../../test/fixtures.ts';
import {
  ANA_ID,
  catalogRow,
  holderRow,
  holdersAnswer,
  REFUNDS_ID,
  RUI_ID,
  ruiRow,
  SENIOR_ID,
  seniorRow,
} from './certification-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function holderQueries(requests: ProcedureInput<'certifications.holders'>[] = []) {
  return trpcHandler({
    'people.me': () => mockViewer({ role: 'trainer', name: 'Helen Okafor' }),
    'people.teams': () => [teamRow()],
    'certifications.list': () => [catalogRow(), seniorRow()],
    'certifications.holders': (input) => {
      requests.push(input);
      return holdersAnswer([holderRow(), ruiRow()]);
    },
  });
}

function rowOf(name: string) {
  return within(screen.getByText(name).closest('tr') as HTMLElement);
}

describe('HoldersPage', () => {
  it('shows who holds what, with each cell’s state, and filters from the URL', async () => {
    const requests: ProcedureInput<'certifications.holders'>[] = [];
    server.use(holderQueries(requests));
    renderRoutes({
      path: `/certifications/holders?certification=${REFUNDS_ID}&state=expired&search=ru`,
      routes: consoleRoutes,
    });
    await screen.findByText('Ana Silva', {}, { timeout: 10_000 });
    expect(requests[0]).toMatchObject({
      certificationId: REFUNDS_ID,
      state: 'expired',
      search: 'ru',
      limit: 50,
      offset: 0,
    });
    const table = within(screen.getByRole('table', { name: 'Certification holders' }));
    expect(table.getByRole('columnheader', { name: /Senior refunds/ })).toHaveTextContent(
      'gives L2',
    );
    const ana = rowOf('Ana Silva');
    expect(ana.getByText('Agent · Lisbon Support L1')).toBeInTheDocument();
    expect(ana.getByText('L2')).toBeInTheDocument();
    expect(
      ana.getByRole('button', { name: 'Guest refunds for Ana Silva: Expiring soon' }),
    ).toHaveTextContent('until 10 Dec 2026');
    expect(
      ana.getByRole('button', { name: 'Senior refunds for Ana Silva: Valid' }),
    ).toBeInTheDocument();
    const rui = rowOf('Rui Santos');
    expect(
      rui.getByRole('button', { name: 'Guest refunds for Rui Santos: Expired' }),
    ).toHaveTextContent('since 1 Oct 2026');
    expect(
      rui.getByRole('button', { name: 'Senior refunds for Rui Santos: not held' }),
    ).toBeInTheDocument();
  });

  it('drops the state filter when no certification is chosen', async () => {
    const requests: ProcedureInput<'certifications.holders'>[] = [];
    server.use(holderQueries(requests));
    renderRoutes({ path: '/certifications/holders?state=expired', routes: consoleRoutes });
    await screen.findByText('Ana Silva', {}, { timeout: 10_000 });
    expect(requests[0]?.state).toBeUndefined();
    expect(screen.getByRole('combobox', { name: 'State' })).toBeDisabled();
  });

  it('renews from a cell with a note, and revokes with a reason', async () => {
    const user = userEvent.setup();
    const granted: ProcedureInput<'certifications.grant'>[] = [];
    const revoked: ProcedureInput<'certifications.revoke'>[] = [];
    server.use(
      holderQueries(),
      trpcMutationHandler({
        'certifications.grant': (input) => {
          granted.push(input);
          return { granted: 0, renewed: 1, expiresAt: new Date('2027-11-24T10:00:00Z') };
        },
        'certifications.revoke': (input) => {
          revoked.push(input);
          return { revoked: true as const };
        },
      }),
    );
    renderRoutes({ path: '/certifications/holders', routes: consoleRoutes });
    await screen.findByText('Ana Silva', {}, { timeout: 10_000 });

    await user.click(
      screen.getByRole('button', { name: 'Guest refunds for Ana Silva: Expiring soon' }),
    );
    expect(await screen.findByText(/Granted by Helen Okafor on 10 Dec 2025/)).toBeInTheDocument();
    await user.click(
      await screen.findByRole('menuitem', { name: 'Renew from today…', hidden: true }),
    );
    const renew = within(await screen.findByRole('dialog', { name: 'Renew certification' }));
    await user.type(renew.getByRole('textbox', { name: /Note/ }), 'Refresher done.');
    await user.click(renew.getByRole('button', { name: 'Renew' }));
    await waitFor(() =>
      expect(granted).toEqual([
        { certificationId: REFUNDS_ID, userIds: [ANA_ID], note: 'Refresher done.' },
      ]),
    );
    expect(
      await screen.findByText('Guest refunds renewed for 1 until 24 Nov 2027'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Senior refunds for Ana Silva: Valid' }));
    expect(await screen.findByText(/Completed Refunds 201/)).toBeInTheDocument();
    await user.click(await screen.findByRole('menuitem', { name: 'Revoke…', hidden: true }));
    const revoke = within(
      await screen.findByRole('dialog', { name: 'Revoke Senior refunds from Ana Silva?' }),
    );
    expect(revoke.getByText(/they lose the L2 guardrail tier/)).toBeInTheDocument();
    await user.click(revoke.getByRole('button', { name: 'Revoke' }));
    expect(await revoke.findByText('Reason: say why it is revoked')).toBeInTheDocument();
    await user.type(revoke.getByRole('textbox', { name: /Reason/ }), 'Refund errors in QA');
    await user.click(revoke.getByRole('button', { name: 'Revoke' }));
    await waitFor(() =>
      expect(revoked).toEqual([
        { certificationId: SENIOR_ID, userId: ANA_ID, reason: 'Refund errors in QA' },
      ]),
    );
  });

  it('grants a certification to someone who lacks it from their cell', async () => {
    const user = userEvent.setup();
    const granted: ProcedureInput<'certifications.grant'>[] = [];
    server.use(
      holderQueries(),
      trpcMutationHandler({
        'certifications.grant': (input) => {
          granted.push(input);
          return { granted: 1, renewed: 0, expiresAt: null };
        },
      }),
    );
    renderRoutes({ path: '/certifications/holders', routes: consoleRoutes });
    await screen.findByText('Rui Santos', {}, { timeout: 10_000 });
    await user.click(
      screen.getByRole('button', { name: 'Senior refunds for Rui Santos: not held' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Grant…', hidden: true }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Grant certification' }));
    expect(await dialog.findByText(/Holders act at the L2 guardrail tier/)).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Grant' }));
    await waitFor(() =>
      expect(granted).toEqual([{ certificationId: SENIOR_ID, userIds: [RUI_ID], note: '' }]),
    );
  });

  it('exports the matrix as CSV, every page', async () => {
    const user = userEvent.setup();
    const requests: ProcedureInput<'certifications.holders'>[] = [];
    server.use(holderQueries(requests));
    renderRoutes({ path: '/certifications/holders', routes: consoleRoutes });
    await screen.findByText('Ana Silva', {}, { timeout: 10_000 });
    let exported: Blob | null = null;
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        exported = blob;
        return 'blob:holders';
      }),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(exported).not.toBeNull());
    expect(requests.at(-1)).toMatchObject({ limit: 200, offset: 0 });
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(exported as unknown as Blob);
    });
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual([
      'Name,Email,Role,Teams,Tier,Guest refunds,Senior refunds',
      'Ana Silva,ana.silva@switchboard.test,Agent,Lisbon Support L1,L2,Expiring soon until 2026-12-10,Valid until 2027-06-01',
      'Rui Santos,rui.santos@switchboard.test,Agent,Lisbon Support L1,L1,Expired since 2026-10-01,Not held',
    ]);
  });
});
