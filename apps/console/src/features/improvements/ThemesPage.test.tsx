import {
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JOAO_ID, leadViewer, STAFF, trainerViewer } from '../incidents/incident-fixtures.ts';
import { pickOption } from '../incidents/pick-option.ts';
import { sessionRoutes } from '../incidents/session-routes.tsx';
import { ThemesPage } from './ThemesPage.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Themes = ProcedureOutput<'improvements.themes'>;
type Theme = Themes['themes'][number];
type ItemPage = ProcedureOutput<'improvements.list'>;
type Item = ItemPage['items'][number];
type Viewer = ProcedureOutput<'people.me'>;

const routes = sessionRoutes([{ path: '/themes', element: <ThemesPage /> }]);
const ITEM_ID = '6e6e6e6e-6e6e-4e6e-8e6e-6e6e6e6e6e6e';

function theme(overrides: Partial<Theme> = {}): Theme {
  return {
    rank: 1,
    requestTypeCode: 'LATE_PICKUP',
    requestTypeName: 'Late pickup',
    rootCauseCode: 'supply_shortage',
    current: 40,
    previous: 20,
    changePercent: 100,
    trend: 'rising',
    improvements: [],
    ...overrides,
  };
}

const THEMES: Themes = {
  themes: [
    theme({
      improvements: [
        {
          id: ITEM_ID,
          title: 'More drivers at airport peaks',
          status: 'planned',
          requestTypeCode: 'LATE_PICKUP',
          rootCauseCode: 'supply_shortage',
        },
      ],
    }),
    theme({
      rank: 2,
      requestTypeCode: 'PAYOUT_MISSING',
      requestTypeName: 'Payout missing',
      rootCauseCode: null,
      current: 7,
      previous: 0,
      changePercent: null,
      trend: 'new',
    }),
    theme({
      rank: 3,
      requestTypeCode: 'LOST_ITEM',
      requestTypeName: 'Lost item',
      rootCauseCode: 'customer_error',
      current: 3,
      previous: 10,
      changePercent: -70,
      trend: 'falling',
    }),
  ],
  totals: { current: 50, previous: 30 },
  period: { from: new Date(), to: new Date(), previousFrom: new Date() },
};

function item(overrides: Partial<Item> = {}): Item {
  return {
    id: ITEM_ID,
    title: 'More drivers at airport peaks',
    kind: 'process',
    requestTypeCode: 'LATE_PICKUP',
    requestTypeName: 'Late pickup',
    rootCauseCode: 'supply_shortage',
    ownerId: JOAO_ID,
    ownerName: 'João Pereira',
    dueDate: '2030-12-01',
    status: 'planned',
    notes: '',
    updatedAt: new Date(),
    ...overrides,
  };
}

function queries(
  viewer: Viewer,
  requests: {
    themes: ProcedureInput<'improvements.themes'>[];
    items: ProcedureInput<'improvements.list'>[];
  },
  items: () => Item[] = () => [item()],
) {
  return trpcHandler({
    'people.me': () => viewer,
    'improvements.themes': (input) => {
      requests.themes.push(input);
      return THEMES;
    },
    'improvements.list': (input) => {
      requests.items.push(input);
      const rows = items();
      return { items: rows, total: rows.length };
    },
    'incidents.staff': () => STAFF,
  });
}

function rowOfRank(table: HTMLElement, rank: number): HTMLElement {
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => candidate.querySelector('td')?.textContent === String(rank));
  if (!row) throw new Error(`No row ranked ${rank}`);
  return row;
}

describe('recurring themes', () => {
  it('ranks themes with their trend and change, and follows the period and audience', async () => {
    const user = userEvent.setup();
    const requests = { themes: [], items: [] } as Parameters<typeof queries>[1];
    server.use(queries(leadViewer, requests));
    const { router } = renderRoutes({ path: '/themes', routes });

    const table = await screen.findByRole('table', { name: 'Recurring themes' });
    expect(requests.themes[0]).toEqual({ days: 28, limit: 50 });
    const first = rowOfRank(table, 1);
    expect(within(first).getByText('Late pickup')).toBeInTheDocument();
    expect(within(first).getByText('Not enough drivers')).toBeInTheDocument();
    expect(within(first).getByText('+100%')).toBeInTheDocument();
    expect(within(first).getByText('Rising')).toBeInTheDocument();
    expect(within(first).getByText('More drivers at airport peaks')).toBeInTheDocument();
    expect(within(first).getByText('Planned')).toBeInTheDocument();
    const second = rowOfRank(table, 2);
    expect(within(second).getByText('Not recorded')).toBeInTheDocument();
    expect(within(second).getByText('New')).toBeInTheDocument();
    expect(within(second).getByText('—')).toBeInTheDocument();
    const third = rowOfRank(table, 3);
    expect(within(third).getByText('-70%')).toBeInTheDocument();
    expect(within(third).getByText('Falling')).toBeInTheDocument();
    expect(
      screen.getByText('50 conversations in the last 28 days; 30 the 28 days before'),
    ).toBeInTheDocument();

    await user.click(screen.getByText('90 days'));
    await waitFor(() => expect(requests.themes.at(-1)).toEqual({ days: 90, limit: 50 }));
    await pickOption(screen.getByRole('combobox', { name: 'Audience' }), 'Drivers');
    await waitFor(() =>
      expect(requests.themes.at(-1)).toEqual({ days: 90, audience: 'driver', limit: 50 }),
    );
    expect(router.state.location.search).toBe('?days=90&audience=driver');
    expect(requests.items[0]).toEqual({ status: 'active', limit: 20, offset: 0 });
  });

  it('adds an improvement item for a theme, prefilled with its request type and root cause', async () => {
    const user = userEvent.setup();
    const created: ProcedureInput<'improvements.create'>[] = [];
    const requests = { themes: [], items: [] } as Parameters<typeof queries>[1];
    server.use(
      queries(leadViewer, requests, () =>
        created.length > 0
          ? [
              item(),
              item({
                id: '6f6f6f6f-6f6f-4f6f-8f6f-6f6f6f6f6f6f',
                title: created[0]!.title,
                kind: 'policy',
                status: 'proposed',
              }),
            ]
          : [item()],
      ),
      trpcMutationHandler({
        'improvements.create': (input) => {
          created.push(input);
          return { id: '6f6f6f6f-6f6f-4f6f-8f6f-6f6f6f6f6f6f' };
        },
      }),
    );
    renderRoutes({ path: '/themes', routes });
    await screen.findByRole('table', { name: 'Recurring themes' });

    await user.click(screen.getByRole('button', { name: 'Add improvement for theme 1' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add an improvement item' }));
    expect(
      dialog.getByText('For Late pickup (LATE_PICKUP) · root cause: Not enough drivers'),
    ).toBeInTheDocument();
    await user.type(dialog.getByLabelText(/What will be done/), 'Surge pay at airport peaks');
    await pickOption(dialog.getByLabelText(/^Kind/), 'Policy');
    await pickOption(dialog.getByLabelText(/^Owner/), 'João Pereira');
    fireEvent.change(dialog.getByLabelText(/^Due/), { target: { value: '2030-12-31' } });
    await user.click(dialog.getByRole('button', { name: 'Add item' }));

    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toEqual({
      title: 'Surge pay at airport peaks',
      kind: 'policy',
      requestTypeCode: 'LATE_PICKUP',
      rootCauseCode: 'supply_shortage',
      ownerId: JOAO_ID,
      dueDate: '2030-12-31',
      notes: '',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const items = await screen.findByRole('table', { name: 'Improvement items' });
    expect(await within(items).findByText('Surge pay at airport peaks')).toBeInTheDocument();
    expect(requests.themes.length).toBeGreaterThanOrEqual(2);
  });

  it('lets a lead move an item on, and shows a trainer the items read-only', async () => {
    const setStatus: ProcedureInput<'improvements.setStatus'>[] = [];
    const requests = { themes: [], items: [] } as Parameters<typeof queries>[1];
    server.use(
      queries(leadViewer, requests),
      trpcMutationHandler({
        'improvements.setStatus': (input) => {
          setStatus.push(input);
          return { id: input.improvementId };
        },
      }),
    );
    const lead = renderRoutes({ path: '/themes', routes });
    const items = await screen.findByRole('table', { name: 'Improvement items' });
    await pickOption(
      within(items).getByLabelText('Status of More drivers at airport peaks'),
      'In progress',
    );
    await waitFor(() =>
      expect(setStatus).toEqual([{ improvementId: ITEM_ID, status: 'in_progress', note: '' }]),
    );
    lead.unmount();

    server.use(queries(trainerViewer, requests));
    renderRoutes({ path: '/themes?status=all', routes });
    const readOnly = await screen.findByRole('table', { name: 'Improvement items' });
    expect(within(readOnly).getByText('Planned')).toBeInTheDocument();
    expect(within(readOnly).queryByLabelText(/Status of/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Add improvement/ })).toBeNull();
    expect(requests.items.at(-1)).toMatchObject({ status: 'all' });
  });
});
