import {
  MockTRPCError,
  mockViewer,
  type ProcedureInput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import { catalogRow, REFUNDS_ID, SENIOR_ID, seniorRow } from './certification-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function catalogQueries(requests: ProcedureInput<'certifications.list'>[] = []) {
  return trpcHandler({
    'people.me': () => mockViewer({ role: 'trainer', name: 'Helen Okafor' }),
    'certifications.list': (input) => {
      requests.push(input);
      return input.includeArchived
        ? [
            catalogRow(),
            seniorRow(),
            catalogRow({ id: 'x', code: 'OLD', name: 'Old course', active: false }),
          ]
        : [catalogRow(), seniorRow()];
    },
  });
}

/** Picks an option of a Mantine Select (jsdom lays out nothing, so options count as hidden). */
async function pick(input: HTMLElement, option: string | RegExp) {
  fireEvent.click(input);
  const listbox = await waitFor(() => {
    const popup = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!popup) throw new Error('The popup did not open');
    return popup;
  });
  fireEvent.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

function rowOf(name: string) {
  return within(screen.getByText(name).closest('tr') as HTMLElement);
}

describe('CertificationsPage', () => {
  it('lists each certification with its validity, tier, holders and what it gates', async () => {
    server.use(catalogQueries());
    renderRoutes({ path: '/certifications', routes: consoleRoutes });

    const refunds = await screen.findByText('Guest refunds', {}, { timeout: 10_000 });
    expect(screen.getByRole('link', { name: 'Certifications' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const row = within(refunds.closest('tr') as HTMLElement);
    expect(row.getByText('GUEST_REFUNDS')).toBeInTheDocument();
    expect(row.getByText('Valid for 365 days')).toBeInTheDocument();
    expect(row.getByText('Reminder 30 days before')).toBeInTheDocument();
    expect(row.getByText('Refund request')).toBeInTheDocument();
    expect(row.getByText('Trainers only')).toBeInTheDocument();
    expect(row.getByRole('link', { name: '1 expiring' })).toHaveAttribute(
      'href',
      `/certifications/holders?certification=${REFUNDS_ID}&state=expiring_soon`,
    );
    expect(row.getByRole('link', { name: '2 expired' })).toBeInTheDocument();

    const senior = rowOf('Senior refunds');
    expect(senior.getByText('L2')).toBeInTheDocument();
    expect(senior.getByText('No request type')).toBeInTheDocument();
    expect(senior.getByText('Refunds 201')).toBeInTheDocument();
    expect(senior.getByRole('link', { name: '3 valid' })).toHaveAttribute(
      'href',
      `/certifications/holders?certification=${SENIOR_ID}&state=valid`,
    );
  });

  it('shows archived ones on request, from the URL', async () => {
    const user = userEvent.setup();
    const requests: ProcedureInput<'certifications.list'>[] = [];
    server.use(catalogQueries(requests));
    const { router } = renderRoutes({ path: '/certifications', routes: consoleRoutes });
    await screen.findByText('Guest refunds', {}, { timeout: 10_000 });
    await user.click(screen.getByRole('switch', { name: 'Show archived' }));
    expect(await screen.findByText('Old course')).toBeInTheDocument();
    expect(rowOf('Old course').getByText('Archived')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?archived=yes');
    expect(requests.at(-1)).toEqual({ includeArchived: true });
  });

  it('creates a certification, checked with the schema the server enforces', async () => {
    const user = userEvent.setup();
    const created: ProcedureInput<'certifications.create'>[] = [];
    server.use(
      catalogQueries(),
      trpcMutationHandler({
        'certifications.create': (input) => {
          created.push(input);
          return {
            ...catalogRow({ id: '29292929-2929-4929-8929-292929292929' }),
            ...input,
            description: input.description ?? '',
            renewalReminderDays: input.renewalReminderDays ?? 30,
            grantsTier: input.grantsTier ?? null,
          };
        },
      }),
    );
    renderRoutes({ path: '/certifications', routes: consoleRoutes });
    await user.click(
      await screen.findByRole('button', { name: 'New certification' }, { timeout: 10_000 }),
    );
    const dialog = within(await screen.findByRole('dialog', { name: 'New certification' }));
    await user.type(dialog.getByRole('textbox', { name: 'Name' }), 'Driver payouts');
    expect(dialog.getByRole('textbox', { name: 'Code' })).toHaveValue('DRIVER_PAYOUTS');
    const validity = dialog.getByRole('textbox', { name: 'Valid for (days)' });
    await user.clear(validity);
    await user.type(validity, '20');
    await user.click(dialog.getByRole('button', { name: 'Create certification' }));
    expect(
      await dialog.findByText('Reminder: fewer days than the validity (20)'),
    ).toBeInTheDocument();
    expect(created).toEqual([]);

    await user.clear(validity);
    await user.type(validity, '180');
    await pick(dialog.getByRole('combobox', { name: 'Guardrail tier it grants' }), /^L2/);
    await user.click(dialog.getByRole('button', { name: 'Create certification' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({
      code: 'DRIVER_PAYOUTS',
      name: 'Driver payouts',
      validityDays: 180,
      renewalReminderDays: 30,
      grantsTier: 'L2',
    });
  });

  it('sends no validity for a certification that does not expire', async () => {
    const user = userEvent.setup();
    const created: ProcedureInput<'certifications.create'>[] = [];
    server.use(
      catalogQueries(),
      trpcMutationHandler({
        'certifications.create': (input) => {
          created.push(input);
          return catalogRow({ code: input.code, name: input.name, validityDays: null });
        },
      }),
    );
    renderRoutes({ path: '/certifications', routes: consoleRoutes });
    await user.click(
      await screen.findByRole('button', { name: 'New certification' }, { timeout: 10_000 }),
    );
    const dialog = within(await screen.findByRole('dialog', { name: 'New certification' }));
    await user.type(dialog.getByRole('textbox', { name: 'Name' }), 'Portuguese');
    await user.click(dialog.getByRole('switch', { name: /Expires/ }));
    expect(dialog.getByRole('textbox', { name: 'Valid for (days)' })).toBeDisabled();
    await user.click(dialog.getByRole('button', { name: 'Create certification' }));
    await waitFor(() =>
      expect(created[0]).toMatchObject({ code: 'PORTUGUESE', validityDays: null }),
    );
  });

  it('explains why archiving was refused', async () => {
    const user = userEvent.setup();
    server.use(
      catalogQueries(),
      trpcMutationHandler({
        'certifications.archive': () => {
          throw new MockTRPCError(
            'BAD_REQUEST',
            'Refund request requires Guest refunds: remove the requirement in Taxonomy first',
          );
        },
      }),
    );
    renderRoutes({ path: '/certifications', routes: consoleRoutes });
    await screen.findByText('Guest refunds', {}, { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: 'Actions for Guest refunds' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Archive', hidden: true }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Archive Guest refunds?' }));
    expect(dialog.getByText(/Its 7 holders keep it on record/)).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Archive' }));
    expect(await dialog.findByText(/remove the requirement in Taxonomy first/)).toBeInTheDocument();
  });
});
