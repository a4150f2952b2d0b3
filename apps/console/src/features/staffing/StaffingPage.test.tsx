import {
  forecastArrivals,
  planStaffing,
  type StaffingPlanSettings,
  type Weekday,
} from '@switchboard/domain';
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
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { consoleRoutes } from '../../router.tsx';

const server = setupServer();
const warn = console.warn;
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  // jsdom lays nothing out, so recharts finds every chart 0 × 0 and says so.
  console.warn = (...args: unknown[]) => {
    if (String(args[0]).startsWith('The width(0) and height(0) of chart')) return;
    warn(...args);
  };
});
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => {
  server.close();
  console.warn = warn;
});

type Overview = ProcedureOutput<'staffing.overview'>;
type Shift = Overview['shifts'][number];

const INBOX_ID = '66666666-6666-4666-8666-666666666666';
const SHIFT_ID = '70707070-7070-4070-8070-707070707070';

const SETTINGS: StaffingPlanSettings = {
  serviceLevelTarget: 0.8,
  answerTargetSeconds: 20,
  shrinkage: 0.3,
  channelHandling: { voice: { ahtSeconds: 180, concurrency: 1 } },
  hourlyRateMinor: 1850,
  currency: 'EUR',
};

function shift(overrides: Partial<Shift> = {}): Shift {
  return {
    id: SHIFT_ID,
    inboxId: INBOX_ID,
    weekday: 'mon',
    startsAt: '08:00',
    endsAt: '16:00',
    agents: 16,
    note: 'Early',
    createdAt: new Date('2026-03-01T10:00:00Z'),
    ...overrides,
  };
}

/** What the server answers, computed by the same domain functions it uses. */
function overview(
  shifts: Shift[] = [shift()],
  settings: StaffingPlanSettings = SETTINGS,
  saved = true,
): Overview {
  // Monday 09:00: the classic 200 calls an hour; Monday 20:00: 20 calls nobody answers.
  const forecast = forecastArrivals({
    weeks: 1,
    history: [
      { weeksAgo: 0, hourOfWeek: 9, channel: 'voice', conversations: 200 },
      { weeksAgo: 0, hourOfWeek: 20, channel: 'voice', conversations: 20 },
    ],
  });
  const { intervals, totals } = planStaffing({ forecast, settings, shifts });
  return {
    inbox: {
      id: INBOX_ID,
      code: 'LIS_GUEST',
      name: 'Lisbon · Guests',
      channels: ['chat', 'voice'],
      active: true,
      cityName: 'Lisbon',
      timeZone: 'Europe/Lisbon',
      currency: 'EUR',
    },
    plan: {
      settings,
      saved,
      updatedAt: saved ? new Date('2026-03-01T10:00:00Z') : null,
      updatedByName: saved ? 'Lena Lead' : null,
    },
    shifts,
    history: {
      weeks: 8,
      weighting: 'equal',
      conversations: 220,
      byChannel: { chat: 0, whatsapp: 0, email: 0, voice: 220 },
    },
    intervals,
    totals,
  };
}

function queries(answer: (input: ProcedureInput<'staffing.overview'>) => Overview, role = 'lead') {
  return trpcHandler({
    'people.me': () => mockViewer({ role: role as 'lead', name: 'Lena Lead' }),
    'staffing.inboxes': () => [
      { id: INBOX_ID, code: 'LIS_GUEST', name: 'Lisbon · Guests', cityName: 'Lisbon' },
    ],
    'staffing.overview': answer,
  });
}

async function pickInbox() {
  const select = await screen.findByRole('combobox', { name: 'Inbox' });
  fireEvent.click(select);
  const popup = await waitFor(() => {
    const found = document.getElementById(select.getAttribute('aria-controls') ?? '');
    if (!found) throw new Error('The popup did not open');
    return found;
  });
  fireEvent.click(within(popup).getByRole('option', { name: 'Lisbon · Guests', hidden: true }));
}

function cell(description: RegExp) {
  const grid = screen.getByRole('table', { name: 'Staffing gap by hour of week' });
  return within(grid).getByLabelText(description);
}

describe('staffing page', () => {
  it('shows the week for the chosen inbox: gaps, totals and cost, and exports the hours', async () => {
    const user = userEvent.setup();
    const inputs: ProcedureInput<'staffing.overview'>[] = [];
    server.use(
      queries((input) => {
        inputs.push(input);
        return overview();
      }),
    );
    const { router } = renderRoutes({ path: '/staffing', routes: consoleRoutes });
    expect(await screen.findByText('Pick an inbox')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Staffing' })).toHaveAttribute('aria-current', 'page');
    await pickInbox();
    await waitFor(() => expect(router.state.location.search).toBe(`?inbox=${INBOX_ID}`));

    // 200 calls at 09:00 need 14 on the phone, 20 paid with 30 % shrinkage; 16 are scheduled.
    const nine = await screen.findByLabelText(
      'Monday 09:00: forecast 200, required 20, scheduled 16 — short by 4',
    );
    expect(nine).toHaveTextContent('−4');
    expect(nine).toHaveAttribute('data-tone', 'short');
    expect(cell(/^Monday 08:00/)).toHaveAttribute('data-tone', 'idle');
    expect(
      cell(/^Monday 20:00: forecast 20, required \d+, scheduled 0 — short by/),
    ).toHaveAttribute('data-tone', 'short');
    expect(cell(/^Sunday 03:00/)).toHaveAttribute('data-tone', 'closed');
    expect(inputs[0]).toEqual({ inboxId: INBOX_ID, weeks: 8, weighting: 'equal' });

    const totals = overview().totals;
    expect(
      within(screen.getByRole('group', { name: 'Scheduled agent-hours' })).getByText('128'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Cost as scheduled' })).getByText('€2,368.00'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Hours short' })).getByText(
        String(totals.understaffedHours),
      ),
    ).toBeInTheDocument();

    // Monday's hours below the grid; another day on click.
    const monday = screen.getByRole('table', { name: 'Monday by hour' });
    const nineRow = within(monday).getByRole('rowheader', { name: '09:00' }).closest('tr')!;
    expect(within(nineRow).getByText('−4')).toBeInTheDocument();
    expect(within(nineRow).getByText('39%')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: "Show Sunday's hours" }));
    expect(await screen.findByRole('table', { name: 'Sunday by hour' })).toBeInTheDocument();

    // The CSV holds every hour of the week.
    let exported: Blob | null = null;
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        exported = blob;
        return 'blob:staffing';
      }),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(exported as unknown as Blob);
    });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 168);
    expect(lines[0]).toContain('Required agents,Scheduled agents,Gap');
    expect(lines[10]).toBe('Mon 09:00,Monday,09:00,0,0,0,200,200,10,20,16,-4,0.39');

    await user.click(screen.getByRole('radio', { name: '12 weeks' }));
    await waitFor(() => expect(inputs.at(-1)).toMatchObject({ weeks: 12 }));
    await user.click(screen.getByRole('radio', { name: 'Recent weeks count more' }));
    await waitFor(() => expect(inputs.at(-1)).toMatchObject({ weeks: 12, weighting: 'recent' }));
  });

  it('saves the plan settings, checked with the same schema as the server', async () => {
    const user = userEvent.setup();
    const saved: ProcedureInput<'staffing.savePlan'>[] = [];
    let current = overview([shift()], SETTINGS, false);
    server.use(
      queries(() => current),
      trpcMutationHandler({
        'staffing.savePlan': (input) => {
          saved.push(input);
          const { inboxId: _inboxId, ...settings } = input;
          current = overview([shift()], settings, true);
          return current.plan;
        },
      }),
    );
    renderRoutes({ path: `/staffing?inbox=${INBOX_ID}`, routes: consoleRoutes });
    const form = within(await screen.findByRole('form', { name: 'Plan settings' }));
    expect(form.getByText(/No plan saved for this inbox yet/)).toBeInTheDocument();
    expect(form.getByRole('textbox', { name: /Shrinkage/ })).toHaveValue('30 %');

    const shrinkage = form.getByRole('textbox', { name: /Shrinkage/ });
    fireEvent.change(shrinkage, { target: { value: '95' } });
    fireEvent.change(form.getByRole('textbox', { name: /Hourly cost/ }), {
      target: { value: '18.505' },
    });
    await user.click(form.getByRole('button', { name: 'Save plan' }));
    expect(
      await form.findByText('Shrinkage is at most 90%: someone has to be available'),
    ).toBeInTheDocument();
    expect(form.getByText('EUR has at most 2 decimals')).toBeInTheDocument();
    expect(saved).toEqual([]);

    fireEvent.change(shrinkage, { target: { value: '25' } });
    fireEvent.change(form.getByRole('textbox', { name: /Hourly cost/ }), {
      target: { value: '19.50' },
    });
    fireEvent.change(form.getByRole('textbox', { name: 'Chat average handle time' }), {
      target: { value: '420' },
    });
    fireEvent.change(form.getByRole('textbox', { name: 'Chat conversations at once' }), {
      target: { value: '3' },
    });
    await user.click(form.getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      inboxId: INBOX_ID,
      serviceLevelTarget: 0.8,
      answerTargetSeconds: 20,
      shrinkage: 0.25,
      channelHandling: {
        chat: { ahtSeconds: 420, concurrency: 3 },
        voice: { ahtSeconds: 180, concurrency: 1 },
      },
      hourlyRateMinor: 1950,
      currency: 'EUR',
    });
    expect(await screen.findByText('Staffing plan for Lisbon · Guests saved')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/No plan saved for this inbox yet/)).toBeNull());
  });

  it('adds, changes and removes shifts', async () => {
    const user = userEvent.setup();
    let shifts: Shift[] = [shift()];
    const added: ProcedureInput<'staffing.addShift'>[] = [];
    const updated: ProcedureInput<'staffing.updateShift'>[] = [];
    const removed: string[] = [];
    server.use(
      queries(() => overview(shifts)),
      trpcMutationHandler({
        'staffing.addShift': (input) => {
          added.push(input);
          const created = shift({
            ...input,
            id: '71717171-7171-4171-8171-717171717171',
            weekday: input.weekday as Weekday,
            note: input.note ?? '',
          });
          shifts = [...shifts, created];
          return created;
        },
        'staffing.updateShift': (input) => {
          updated.push(input);
          const changed = shift({ ...input, note: input.note ?? '' });
          shifts = shifts.map((row) => (row.id === input.id ? changed : row));
          return changed;
        },
        'staffing.removeShift': (input) => {
          removed.push(input.id);
          shifts = shifts.filter((row) => row.id !== input.id);
          return { id: input.id, inboxId: INBOX_ID };
        },
      }),
    );
    renderRoutes({ path: `/staffing?inbox=${INBOX_ID}`, routes: consoleRoutes });
    const table = await screen.findByRole('table', { name: 'Shifts' });
    expect(within(table).getByText('128 h')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add shift' }));
    let dialog = within(await screen.findByRole('dialog', { name: 'Add shift' }));
    fireEvent.change(dialog.getByRole('textbox', { name: 'Ends' }), { target: { value: '08:00' } });
    await user.click(dialog.getByRole('button', { name: 'Add shift' }));
    expect(
      await dialog.findByText('A shift ends at another time than it starts'),
    ).toBeInTheDocument();
    fireEvent.change(dialog.getByRole('textbox', { name: 'Starts' }), {
      target: { value: '22:00' },
    });
    fireEvent.change(dialog.getByRole('textbox', { name: 'Ends' }), { target: { value: '06:00' } });
    fireEvent.change(dialog.getByRole('textbox', { name: 'Agents' }), { target: { value: '2' } });
    fireEvent.change(dialog.getByRole('textbox', { name: 'Note' }), { target: { value: 'Night' } });
    await user.click(dialog.getByRole('button', { name: 'Add shift' }));
    await waitFor(() => expect(added).toHaveLength(1));
    expect(added[0]).toEqual({
      inboxId: INBOX_ID,
      weekday: 'mon',
      startsAt: '22:00',
      endsAt: '06:00',
      agents: 2,
      note: 'Night',
    });
    expect(await within(table).findByText('(next day)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Change Monday 08:00–16:00' }));
    dialog = within(await screen.findByRole('dialog', { name: 'Change shift' }));
    fireEvent.change(dialog.getByRole('textbox', { name: 'Agents' }), { target: { value: '20' } });
    await user.click(dialog.getByRole('button', { name: 'Save shift' }));
    await waitFor(() => expect(updated).toHaveLength(1));
    expect(updated[0]).toMatchObject({ id: SHIFT_ID, agents: 20, startsAt: '08:00' });
    expect(
      await screen.findByLabelText(
        'Monday 09:00: forecast 200, required 20, scheduled 20 — covered',
      ),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove Monday 22:00–06:00' }));
    const confirm = within(await screen.findByRole('dialog', { name: 'Remove shift?' }));
    await user.click(confirm.getByRole('button', { name: 'Remove shift' }));
    await waitFor(() => expect(removed).toEqual(['71717171-7171-4171-8171-717171717171']));
    await waitFor(() => expect(within(table).queryByText('(next day)')).toBeNull());
  });

  it('tells trainers that staffing is for leads', async () => {
    let asked = 0;
    server.use(
      queries(() => {
        asked += 1;
        return overview();
      }, 'trainer'),
    );
    renderRoutes({ path: `/staffing?inbox=${INBOX_ID}`, routes: consoleRoutes });
    expect(await screen.findByText(/Team leads and admins plan staffing/)).toBeInTheDocument();
    expect(asked).toBe(0);
  });
});
