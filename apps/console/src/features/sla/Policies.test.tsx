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
import {
  LISBON_CALENDAR_ID,
  LISBON_DRIVERS_ID,
  LISBON_GUESTS_ID,
  LISBON_POLICY_ID,
  lisbonCalendar,
  lisbonDriversDefaults,
  lisbonGuestsPolicy,
  lisbonTargets,
  SAFETY_CALENDAR_ID,
  safetyCalendar,
} from './sla-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type PolicyRow = ProcedureOutput<'sla.policy'>;
type SaveInput = ProcedureInput<'sla.savePolicy'>;

function policyQueries(role: 'lead' | 'trainer', current: () => PolicyRow[]) {
  return trpcHandler({
    'people.me': () => mockViewer({ role, name: role === 'lead' ? 'Lena Lead' : 'Tomás Trainer' }),
    'sla.policies': () => current(),
    'sla.policy': (input) => {
      const found = current().find((row) => row.inboxId === input.inboxId);
      if (!found) throw new Error(`no inbox ${input.inboxId} in the test`);
      return found;
    },
    'sla.calendars': () => [lisbonCalendar(), safetyCalendar()],
  });
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

function amount(name: string) {
  return screen.getByRole('textbox', { name });
}

describe('SLA policies', () => {
  it('shows every inbox’s targets per priority and its calendar, or the defaults', async () => {
    const user = userEvent.setup();
    server.use(policyQueries('lead', () => [lisbonGuestsPolicy(), lisbonDriversDefaults()]));
    renderRoutes({ path: '/sla/policies', routes: consoleRoutes });

    const table = await screen.findByRole('table', { name: 'SLA policies' });
    const guests = within(table).getByRole('link', { name: 'Lisbon · Guests' }).closest('tr')!;
    expect(within(guests).getByRole('link', { name: 'Lisbon support hours' })).toHaveAttribute(
      'href',
      `/sla/calendars/${LISBON_CALENDAR_ID}`,
    );
    const cells = within(guests).getAllByRole('cell');
    // Inbox, calendar, then P1…P4.
    expect(cells[2]).toHaveTextContent('First response: 15 min · calendar time');
    expect(cells[3]).toHaveTextContent('Resolution: 8 h · business hours');
    expect(cells[5]).toHaveTextContent('Resolution: 3 d · business hours');
    expect(within(guests).getByText('by Lena Lead')).toBeInTheDocument();

    const drivers = within(table).getByRole('link', { name: 'Lisbon · Drivers' }).closest('tr')!;
    expect(within(drivers).getByText('Defaults')).toBeInTheDocument();
    expect(within(drivers).getByText('None (around the clock)')).toBeInTheDocument();
    expect(within(drivers).getByText('Never')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'SLA policies' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await user.type(screen.getByRole('textbox', { name: 'Search inboxes' }), 'LIS_DRIVER');
    expect(within(table).queryByRole('link', { name: 'Lisbon · Guests' })).toBeNull();
    expect(within(table).getByRole('link', { name: 'Lisbon · Drivers' })).toBeInTheDocument();
  }, 30_000);

  it('edits targets in minutes, hours or days, warns about inverted ones, and saves', async () => {
    const user = userEvent.setup();
    const saved: SaveInput[] = [];
    let current = lisbonGuestsPolicy();
    server.use(
      policyQueries('lead', () => [current]),
      trpcMutationHandler({
        'sla.savePolicy': (input) => {
          saved.push(input);
          current = lisbonGuestsPolicy({
            calendarId: input.calendarId,
            calendarName: 'Safety & urgent (24/7)',
            targets: input.targets,
            updatedAt: new Date(),
          });
          return { ...current, changed: true };
        },
      }),
    );
    const { router } = renderRoutes({ path: '/sla/policies', routes: consoleRoutes });
    await user.click(await screen.findByRole('link', { name: 'Lisbon · Guests' }));
    expect(
      await screen.findByRole('heading', { name: 'SLA of Lisbon · Guests' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/sla/policies/${LISBON_GUESTS_ID}`);
    expect(
      screen.getByText(/Changes apply to SLA clocks that start or restart/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'History of this policy' })).toHaveAttribute(
      'href',
      `/changes?entityId=${LISBON_POLICY_ID}`,
    );
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Business calendar' })).toHaveValue(
        'Lisbon support hours (Lisbon)',
      ),
    );
    expect(screen.getByText(/^Open 98 h a week/)).toBeInTheDocument();
    expect(amount('P1 first response')).toHaveValue('15');
    expect(screen.getByRole('combobox', { name: 'P1 first response unit' })).toHaveValue('min');
    expect(amount('P1 resolution')).toHaveValue('4');
    expect(screen.getByRole('combobox', { name: 'P1 resolution unit' })).toHaveValue('h');
    expect(
      screen.getByRole('checkbox', { name: 'P1 resolution in business hours' }),
    ).not.toBeChecked();
    expect(amount('P4 resolution')).toHaveValue('3');
    expect(screen.getByRole('combobox', { name: 'P4 resolution unit' })).toHaveValue('d');
    expect(screen.getByRole('button', { name: 'Save policy' })).toBeDisabled();

    // A P1 slower than P2 is worth a second look, not a refusal.
    fireEvent.change(amount('P1 first response'), { target: { value: '45' } });
    const warnings = await screen.findByRole('alert', { name: 'Check these targets' });
    expect(warnings).toHaveTextContent(
      "P1 first response (45 min) is longer than P2's (30 min): the more urgent priority would wait longer",
    );
    fireEvent.change(amount('P1 first response'), { target: { value: '0' } });
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('A target is at least a minute')).toBeInTheDocument();
    expect(saved).toHaveLength(0);

    fireEvent.change(amount('P1 first response'), { target: { value: '10' } });
    // 1.5 hours is 90 minutes.
    fireEvent.change(screen.getByRole('combobox', { name: 'P3 first response unit' }), {
      target: { value: 'h' },
    });
    fireEvent.change(amount('P3 first response'), { target: { value: '1.5' } });
    expect(screen.getByText('= 90 min')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'P2 resolution in business hours' }));
    await pick(
      screen.getByRole('combobox', { name: 'Business calendar' }),
      'Safety & urgent (24/7)',
    );
    expect(screen.getByText(/^Open 24\/7: every minute counts/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Tell agents what changes'), {
      target: { value: 'Urgent guests get a first reply within 10 minutes.' },
    });
    await user.click(screen.getByRole('button', { name: 'Save policy' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    const expected = lisbonTargets();
    expected.P1.firstResponse.minutes = 10;
    expected.P2.resolution.businessHours = false;
    expected.P3.firstResponse.minutes = 90;
    expect(saved[0]).toEqual({
      inboxId: LISBON_GUESTS_ID,
      calendarId: SAFETY_CALENDAR_ID,
      targets: expected,
      rolloutNote: 'Urgent guests get a first reply within 10 minutes.',
    });
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Tell agents what changes' })).toHaveValue(''),
    );
    expect(amount('P1 first response')).toHaveValue('10');
  }, 30_000);

  it('starts an inbox on the defaults from them, and shows a refused calendar on its picker', async () => {
    const user = userEvent.setup();
    const attempts: unknown[] = [];
    server.use(
      policyQueries('lead', () => [lisbonDriversDefaults()]),
      http.post('*/trpc/sla.savePolicy', async ({ request }) => {
        attempts.push(await request.json());
        return refusal('sla.savePolicy', 'BAD_REQUEST', 'calendarId', 'There is no such calendar');
      }),
    );
    renderRoutes({ path: `/sla/policies/${LISBON_DRIVERS_ID}`, routes: consoleRoutes });
    expect(await screen.findByText(/has no policy of its own/)).toBeInTheDocument();
    expect(screen.getByText('Defaults')).toBeInTheDocument();
    expect(amount('P2 first response')).toHaveValue('1');
    expect(screen.getByRole('combobox', { name: 'P2 first response unit' })).toHaveValue('h');
    expect(screen.queryByText(/Without a calendar/)).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'P3 first response in business hours' }));
    expect(
      screen.getByText('Without a calendar, targets in business hours count around the clock.'),
    ).toBeInTheDocument();
    const calendar = screen.getByRole('combobox', { name: 'Business calendar' });
    await pick(calendar, 'Lisbon support hours (Lisbon)');
    await user.click(screen.getByRole('button', { name: 'Save as own policy' }));
    await waitFor(() => expect(attempts).toHaveLength(1));
    expect(await screen.findByText('There is no such calendar')).toBeInTheDocument();
    expect(calendar).toHaveAttribute('aria-invalid', 'true');
  }, 30_000);

  it('shows trainers policies read-only', async () => {
    server.use(policyQueries('trainer', () => [lisbonGuestsPolicy()]));
    renderRoutes({ path: `/sla/policies/${LISBON_GUESTS_ID}`, routes: consoleRoutes });
    expect(
      await screen.findByText('Read only: team leads and admins change SLA policies.'),
    ).toBeInTheDocument();
    expect(amount('P1 first response')).toBeDisabled();
    expect(
      screen.getByRole('checkbox', { name: 'P2 resolution in business hours' }),
    ).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Business calendar' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save policy' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Tell agents what changes' })).toBeNull();
  }, 30_000);
});
