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
  CITIES,
  LISBON_CALENDAR_ID,
  LISBON_GUESTS_ID,
  lisbonCalendar,
  safetyCalendar,
} from './sla-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type CalendarRow = ProcedureOutput<'sla.calendar'>;
type CreateInput = ProcedureInput<'sla.createCalendar'>;
type UpdateInput = ProcedureInput<'sla.updateCalendar'>;

const NEW_CALENDAR_ID = '44444444-4444-4444-8444-444444444444';

function calendarQueries(role: 'lead' | 'trainer', current: () => CalendarRow[]) {
  return trpcHandler({
    'people.me': () => mockViewer({ role, name: role === 'lead' ? 'Lena Lead' : 'Tomás Trainer' }),
    'sla.calendars': () => current(),
    'sla.calendar': (input) => {
      const found = current().find((row) => row.id === input.id);
      if (!found) throw new Error(`no calendar ${input.id} in the test`);
      return found;
    },
    'sla.cities': () => CITIES,
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

function change(name: string, value: string) {
  fireEvent.change(screen.getByLabelText(name), { target: { value } });
}

describe('business calendars', () => {
  it('lists each calendar with its hours, holidays and the inboxes that use it', async () => {
    server.use(calendarQueries('lead', () => [lisbonCalendar(), safetyCalendar()]));
    renderRoutes({ path: '/sla/calendars', routes: consoleRoutes });

    const table = await screen.findByRole('table', { name: 'Business calendars' });
    const lisbon = within(table).getByRole('link', { name: 'Lisbon support hours' }).closest('tr')!;
    expect(within(lisbon).getByText('Lisbon')).toBeInTheDocument();
    expect(within(lisbon).getByText('98 h a week')).toBeInTheDocument();
    expect(within(lisbon).getByText('Mon–Sun 08:00–22:00')).toBeInTheDocument();
    expect(within(lisbon).getByText('2')).toBeInTheDocument();
    expect(within(lisbon).getByRole('link', { name: 'Lisbon · Guests' })).toHaveAttribute(
      'href',
      `/sla/policies/${LISBON_GUESTS_ID}`,
    );
    const safety = within(table)
      .getByRole('link', { name: 'Safety & urgent (24/7)' })
      .closest('tr')!;
    expect(within(safety).getByText('Open 24/7')).toBeInTheDocument();
    expect(within(safety).getByText('Shared, no city')).toBeInTheDocument();
    expect(within(safety).getByText('No inbox')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Business calendars' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getByRole('link', { name: 'New calendar' })).toHaveAttribute(
      'href',
      '/sla/calendars/new',
    );
  }, 30_000);

  it('creates a calendar: city and time zone, hours past midnight, holidays, a live preview', async () => {
    const user = userEvent.setup();
    const created: CreateInput[] = [];
    let current: CalendarRow[] = [];
    server.use(
      calendarQueries('lead', () => current),
      trpcMutationHandler({
        'sla.createCalendar': (input) => {
          created.push(input);
          const row = lisbonCalendar({
            id: NEW_CALENDAR_ID,
            name: input.name,
            cityCode: 'MEX',
            cityName: 'Mexico City',
            timeZone: input.timeZone,
            weekly: input.weekly,
            holidays: input.holidays,
            inboxes: [],
          });
          current = [row];
          return row;
        },
      }),
    );
    const { router } = renderRoutes({ path: '/sla/calendars', routes: consoleRoutes });
    await user.click(await screen.findByRole('link', { name: 'New calendar' }));
    expect(
      await screen.findByRole('heading', { name: 'New business calendar' }),
    ).toBeInTheDocument();
    // New calendars start on weekdays 09:00–18:00.
    expect(screen.getByLabelText('Preview')).toHaveTextContent(
      /^Open 45 h a week; (open now; )?next opening/,
    );

    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), {
      target: { value: 'Mexico City nights' },
    });
    await pick(screen.getByRole('combobox', { name: 'City' }), 'Mexico City');
    expect(screen.getByRole('combobox', { name: 'Time zone' })).toHaveValue('America/Mexico_City');
    // Friday night runs past midnight: 20:00–24:00, then Saturday 00:00–02:00.
    await user.click(screen.getByRole('button', { name: 'Add hours on Friday' }));
    change('Friday hours 2 from', '20:00');
    change('Friday hours 2 to', '24:00');
    await user.click(screen.getByRole('button', { name: 'Add hours on Saturday' }));
    change('Saturday hours 1 from', '00:00');
    change('Saturday hours 1 to', '25:00');
    await user.click(screen.getByRole('button', { name: 'Add holiday' }));
    change('Holiday 1 date', '2026-09-16');
    change('Holiday 1 name', 'Día de la Independencia');
    expect(screen.getByText('every 16 Sep')).toBeInTheDocument();
    expect(screen.getByLabelText('Preview')).toHaveTextContent(
      'The preview shows once the time zone and hours are valid.',
    );

    await user.click(screen.getByRole('button', { name: 'Create calendar' }));
    expect(await screen.findByText('Times are HH:MM, e.g. 09:30')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Saturday hours 1 to' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(created).toHaveLength(0);

    change('Saturday hours 1 to', '02:00');
    expect(screen.getByLabelText('Preview')).toHaveTextContent(/^Open 51 h a week/);
    await user.click(screen.getByRole('button', { name: 'Create calendar' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toEqual({
      name: 'Mexico City nights',
      cityCode: 'MEX',
      timeZone: 'America/Mexico_City',
      alwaysOpen: false,
      weekly: {
        mon: [['09:00', '18:00']],
        tue: [['09:00', '18:00']],
        wed: [['09:00', '18:00']],
        thu: [['09:00', '18:00']],
        fri: [
          ['09:00', '18:00'],
          ['20:00', '24:00'],
        ],
        sat: [['00:00', '02:00']],
      },
      holidays: [{ date: '2026-09-16', name: 'Día de la Independencia', yearly: true }],
    });
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/sla/calendars/${NEW_CALENDAR_ID}`),
    );
    expect(await screen.findByRole('heading', { name: 'Mexico City nights' })).toBeInTheDocument();
  }, 30_000);

  it('checks overlapping hours and a week with no hours before sending', async () => {
    const user = userEvent.setup();
    let sent = 0;
    server.use(
      calendarQueries('lead', () => [lisbonCalendar()]),
      trpcMutationHandler({
        'sla.updateCalendar': () => {
          sent += 1;
          return lisbonCalendar();
        },
      }),
    );
    renderRoutes({ path: `/sla/calendars/${LISBON_CALENDAR_ID}`, routes: consoleRoutes });
    await screen.findByRole('heading', { name: 'Lisbon support hours' });
    await user.click(screen.getByRole('button', { name: 'Add hours on Monday' }));
    change('Monday hours 2 from', '21:00');
    change('Monday hours 2 to', '23:00');
    await user.click(screen.getByRole('button', { name: 'Save calendar' }));
    expect(await screen.findByText('Intervals of a day must not overlap')).toBeInTheDocument();

    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']) {
      await user.click(screen.getByRole('button', { name: `Remove ${day} hours 1` }));
    }
    await user.click(screen.getByRole('button', { name: 'Remove Monday hours 1' }));
    await user.click(screen.getByRole('button', { name: 'Remove Sunday hours 1' }));
    await user.click(screen.getByRole('button', { name: 'Save calendar' }));
    expect(
      await screen.findByText('Add opening hours on at least one day, or make the calendar 24/7'),
    ).toBeInTheDocument();
    expect(sent).toBe(0);

    // Open 24/7 needs no hours: they are kept, but hidden and ignored.
    await user.click(screen.getByRole('switch', { name: /Open 24\/7/ }));
    expect(screen.queryByRole('group', { name: 'Weekly hours' })).toBeNull();
    expect(screen.getByLabelText('Preview')).toHaveTextContent('Open 24/7: every minute counts');
  }, 30_000);

  it('shows the server’s refusal of a taken name on the name', async () => {
    const user = userEvent.setup();
    const updates: UpdateInput[] = [];
    server.use(
      calendarQueries('lead', () => [lisbonCalendar()]),
      http.post('*/trpc/sla.updateCalendar', async ({ request }) => {
        const body = (await request.json()) as Record<string, { json: UpdateInput }>;
        updates.push(body['0']!.json);
        return refusal(
          'sla.updateCalendar',
          'CONFLICT',
          'name',
          'name: A calendar called “London support hours” exists already',
        );
      }),
    );
    renderRoutes({ path: `/sla/calendars/${LISBON_CALENDAR_ID}`, routes: consoleRoutes });
    const name = await screen.findByRole('textbox', { name: 'Name' });
    fireEvent.change(name, { target: { value: 'London support hours' } });
    change('Tell agents what changes', 'Lisbon hours are London’s now.');
    await user.click(screen.getByRole('button', { name: 'Save calendar' }));
    expect(
      await screen.findByText('A calendar called “London support hours” exists already'),
    ).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(updates[0]).toMatchObject({
      id: LISBON_CALENDAR_ID,
      name: 'London support hours',
      rolloutNote: 'Lisbon hours are London’s now.',
    });
  }, 30_000);

  it('will not delete a calendar an inbox uses, and deletes one none does', async () => {
    const user = userEvent.setup();
    const deleted: string[] = [];
    let current = [lisbonCalendar(), { ...safetyCalendar(), inboxes: [] }];
    server.use(
      calendarQueries('lead', () => current),
      trpcMutationHandler({
        'sla.deleteCalendar': (input) => {
          deleted.push(input.id);
          current = current.filter((row) => row.id !== input.id);
          return { id: input.id };
        },
      }),
    );
    const { router } = renderRoutes({
      path: `/sla/calendars/${LISBON_CALENDAR_ID}`,
      routes: consoleRoutes,
    });
    expect(await screen.findByRole('link', { name: 'Lisbon · Guests' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete calendar' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Lisbon support hours?' });
    expect(within(dialog).getByText(/counts in this calendar/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));

    await router.navigate(`/sla/calendars/${safetyCalendar().id}`);
    await screen.findByRole('heading', { name: 'Safety & urgent (24/7)' });
    await user.click(screen.getByRole('button', { name: 'Delete calendar' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete Safety & urgent (24/7)?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(deleted).toEqual([safetyCalendar().id]));
    await waitFor(() => expect(router.state.location.pathname).toBe('/sla/calendars'));
  }, 30_000);

  it('shows trainers calendars read-only', async () => {
    server.use(calendarQueries('trainer', () => [lisbonCalendar()]));
    renderRoutes({ path: '/sla/calendars', routes: consoleRoutes });
    await screen.findByRole('table', { name: 'Business calendars' });
    expect(screen.queryByRole('link', { name: 'New calendar' })).toBeNull();

    renderRoutes({ path: `/sla/calendars/${LISBON_CALENDAR_ID}`, routes: consoleRoutes });
    expect(
      await screen.findByText('Read only: team leads and admins change business calendars.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Monday hours 1 from' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Holiday 1 name' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save calendar' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete calendar' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add hours on Monday' })).toBeNull();
  }, 30_000);
});
