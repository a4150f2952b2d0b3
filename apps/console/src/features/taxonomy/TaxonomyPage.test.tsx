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
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../router.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Tree = ProcedureOutput<'taxonomy.tree'>;
type RequestTypeNode = Tree[number]['requestTypes'][number];

const APOLOGY_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const REFUND_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function requestType(overrides: Partial<RequestTypeNode>): RequestTypeNode {
  return {
    id: `id-${overrides.code}`,
    level: 'request_type',
    code: 'REQUEST_TYPE',
    name: 'Request type',
    deprecated: false,
    mergedIntoCode: null,
    usageCount: 0,
    audience: 'guest',
    defaultPriority: 'P3',
    description: '',
    requiredCertification: null,
    macros: [],
    sop: { publishedVersion: null, publishedTitle: null, hasDraft: false },
    reasons: [],
    ...overrides,
  };
}

const TREE: Tree = [
  {
    id: 'cat-booking',
    level: 'category',
    code: 'BOOKING',
    name: 'Booking',
    deprecated: false,
    mergedIntoCode: null,
    usageCount: 42,
    requestTypes: [
      requestType({
        code: 'DRIVER_NO_SHOW',
        name: 'Driver no-show',
        usageCount: 40,
        defaultPriority: 'P1',
        description: 'The driver never came.',
        requiredCertification: { code: 'SAFETY', name: 'Safety' },
        macros: [{ id: APOLOGY_ID, name: 'Apology' }],
        sop: { publishedVersion: 2, publishedTitle: 'No-show playbook', hasDraft: true },
        reasons: [
          {
            id: 'r1',
            level: 'reason',
            code: 'NO_SHOW_AIRPORT',
            name: 'At the airport',
            deprecated: false,
            mergedIntoCode: null,
            usageCount: 12,
          },
        ],
      }),
      requestType({
        code: 'PICKUP_LATE',
        name: 'Late pickup',
        usageCount: 2,
        defaultPriority: 'P2',
      }),
      requestType({
        code: 'OLD_PICKUP',
        name: 'Old pickup',
        deprecated: true,
        mergedIntoCode: 'DRIVER_NO_SHOW',
      }),
    ],
  },
  {
    id: 'cat-payouts',
    level: 'category',
    code: 'PAYOUTS',
    name: 'Payouts',
    deprecated: false,
    mergedIntoCode: null,
    usageCount: 7,
    requestTypes: [
      requestType({
        code: 'PAYOUT_MISSING',
        name: 'Payout missing',
        audience: 'driver',
        usageCount: 7,
      }),
    ],
  },
];

function taxonomyQueries(role: 'lead' | 'trainer' | 'admin', tree: () => Tree = () => TREE) {
  return trpcHandler({
    'people.me': () => mockViewer({ role, name: 'Lena Lead' }),
    'taxonomy.tree': () => tree(),
    'taxonomy.certifications': () => [
      { code: 'SAFETY', name: 'Safety' },
      { code: 'PAYOUTS_L2', name: 'Payouts L2' },
    ],
    'playbooks.listSharedMacros': () => ({
      items: [
        {
          id: APOLOGY_ID,
          name: 'Apology',
          body: 'Sorry',
          scope: 'shared',
          inboxId: null,
          inboxName: null,
          ownerId: null,
          fields: [],
          actions: { tags: [], priority: null, status: null },
          createdAt: new Date(),
          updatedAt: new Date(),
        },
        {
          id: REFUND_ID,
          name: 'Refund confirmed',
          body: 'Refunded',
          scope: 'shared',
          inboxId: null,
          inboxName: null,
          ownerId: null,
          fields: [],
          actions: { tags: [], priority: null, status: null },
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      ] as ProcedureOutput<'playbooks.listSharedMacros'>['items'],
      total: 2,
      limit: 200,
      offset: 0,
    }),
  });
}

/** The row of a node in the tree (its own line, without its children). */
async function row(code: string): Promise<HTMLElement> {
  const code_ = await screen.findByText(code, { selector: 'code' });
  return code_.closest('[data-node-code]') as HTMLElement;
}

async function openMenuItem(
  user: ReturnType<typeof userEvent.setup>,
  code: string,
  name: string,
  item: string,
) {
  await user.click(within(await row(code)).getByRole('button', { name: `Change ${name}` }));
  await user.click(await screen.findByRole('menuitem', { name: item, hidden: true }));
}

/** Picks an option of a Mantine Select (jsdom lays out nothing, so options count as hidden). */
async function pick(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, option: string) {
  await user.click(input);
  const listbox = await waitFor(() => {
    const id = input.getAttribute('aria-controls');
    const element = id ? document.getElementById(id) : null;
    if (!element) throw new Error(`The options of ${option} did not open`);
    return element;
  });
  // Options from a query may arrive a moment after the list opens.
  await user.click(await within(listbox).findByRole('option', { name: option, hidden: true }));
}

describe('TaxonomyPage', () => {
  it('shows the tree with codes, usage counts, links, and deprecated and merged nodes', async () => {
    server.use(taxonomyQueries('lead'));
    renderRoutes({ path: '/taxonomy', routes: consoleRoutes });

    expect(await screen.findByRole('heading', { name: 'Taxonomy' })).toBeInTheDocument();
    expect(await screen.findByRole('tree', { name: 'Taxonomy' })).toBeInTheDocument();
    const booking = within(await row('BOOKING'));
    expect(booking.getByText('Booking')).toBeInTheDocument();
    expect(booking.getByText('42 conversations')).toBeInTheDocument();
    const noShow = within(await row('DRIVER_NO_SHOW'));
    expect(noShow.getByText('40 conversations')).toBeInTheDocument();
    expect(noShow.getByText('P1 · Urgent')).toBeInTheDocument();
    expect(noShow.getByText('Guest')).toBeInTheDocument();
    expect(within(await row('NO_SHOW_AIRPORT')).getByText('12 conversations')).toBeInTheDocument();
    expect(within(await row('PICKUP_LATE')).getByText('2 conversations')).toBeInTheDocument();
    const old = within(await row('OLD_PICKUP'));
    expect(old.getByText('Merged into Driver no-show')).toBeInTheDocument();
    expect(old.getByText('0 conversations')).toBeInTheDocument();
    expect(within(await row('PAYOUT_MISSING')).getByText('Driver')).toBeInTheDocument();
    expect(
      screen.getByText(/2 categories · 3 request types · 1 reasons in use/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Taxonomy' })).toHaveAttribute('aria-current', 'page');

    // A category closes with a click on its row.
    const user = userEvent.setup();
    await user.click(await row('PAYOUTS'));
    await waitFor(() =>
      expect(screen.queryByText('PAYOUT_MISSING', { selector: 'code' })).not.toBeInTheDocument(),
    );
  });

  it('filters by code or name and hides retired nodes, in the URL', async () => {
    server.use(taxonomyQueries('lead'));
    const { router } = renderRoutes({ path: '/taxonomy', routes: consoleRoutes });
    await row('BOOKING');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter' }), {
      target: { value: 'airport' },
    });
    await waitFor(() => expect(router.state.location.search).toBe('?search=airport'));
    await waitFor(() =>
      expect(screen.queryByText('PAYOUTS', { selector: 'code' })).not.toBeInTheDocument(),
    );
    expect(await row('NO_SHOW_AIRPORT')).toBeInTheDocument();
    expect(await row('DRIVER_NO_SHOW')).toBeInTheDocument();
    expect(screen.queryByText('PICKUP_LATE', { selector: 'code' })).not.toBeInTheDocument();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter' }), { target: { value: '' } });
    await row('PAYOUTS');
    fireEvent.click(screen.getByRole('switch', { name: 'Show deprecated and merged' }));
    await waitFor(() =>
      expect(screen.queryByText('OLD_PICKUP', { selector: 'code' })).not.toBeInTheDocument(),
    );
    expect(router.state.location.search).toBe('?retired=hide');
  });

  it('renames a node with a rollout note, checked like the server first', async () => {
    const user = userEvent.setup();
    const sent: ProcedureInput<'taxonomy.renameNode'>[] = [];
    let tree = TREE;
    let treeCalls = 0;
    server.use(
      taxonomyQueries('lead', () => {
        treeCalls += 1;
        return tree;
      }),
      trpcMutationHandler({
        'taxonomy.renameNode': (input) => {
          sent.push(input);
          tree = structuredClone(TREE);
          tree[0]!.requestTypes[1]!.name = input.name;
          return { code: input.code, name: input.name };
        },
      }),
    );
    renderRoutes({ path: '/taxonomy', routes: consoleRoutes });
    await openMenuItem(user, 'PICKUP_LATE', 'Late pickup', 'Rename');
    const dialog = within(await screen.findByRole('dialog', { name: 'Rename PICKUP_LATE' }));
    const name = dialog.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('Late pickup');

    fireEvent.change(name, { target: { value: '' } });
    await user.click(dialog.getByRole('button', { name: 'Rename' }));
    expect(await dialog.findByText('Name is required')).toBeInTheDocument();
    expect(sent).toEqual([]);

    fireEvent.change(name, { target: { value: 'Pickup delayed' } });
    fireEvent.change(dialog.getByRole('textbox', { name: 'Rollout note' }), {
      target: { value: 'Same request type, clearer name.' },
    });
    const callsBefore = treeCalls;
    await user.click(dialog.getByRole('button', { name: 'Rename' }));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          code: 'PICKUP_LATE',
          name: 'Pickup delayed',
          rolloutNote: 'Same request type, clearer name.',
        },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('PICKUP_LATE is now “Pickup delayed”')).toBeInTheDocument();
    await waitFor(() => expect(treeCalls).toBeGreaterThan(callsBefore));
    expect(await within(await row('PICKUP_LATE')).findByText('Pickup delayed')).toBeInTheDocument();
  });

  it('merges into a live node of the same level and audience, and shows a refusal', async () => {
    const user = userEvent.setup();
    const attempts: unknown[] = [];
    server.use(
      taxonomyQueries('lead'),
      http.post('*/trpc/taxonomy.mergeNodes', async ({ request }) => {
        const body = (await request.json()) as Record<string, { json: unknown }>;
        attempts.push(body['0']?.json);
        return HttpResponse.json(
          [
            {
              error: {
                json: {
                  message: 'intoCode: DRIVER_NO_SHOW is deprecated',
                  code: -32600,
                  data: {
                    code: 'BAD_REQUEST',
                    httpStatus: 400,
                    path: 'taxonomy.mergeNodes',
                    fieldErrors: [{ path: 'intoCode', message: 'DRIVER_NO_SHOW is deprecated' }],
                  },
                },
              },
            },
          ],
          { status: 400 },
        );
      }),
    );
    renderRoutes({ path: '/taxonomy', routes: consoleRoutes });
    await openMenuItem(user, 'PICKUP_LATE', 'Late pickup', 'Merge into…');
    const dialog = within(await screen.findByRole('dialog', { name: 'Merge PICKUP_LATE into…' }));

    await user.click(dialog.getByRole('button', { name: 'Merge' }));
    expect(await dialog.findByText('Choose the node to merge into')).toBeInTheDocument();

    const target = dialog.getByRole('combobox', { name: 'Merge into' });
    await user.click(target);
    const listbox = document.getElementById(target.getAttribute('aria-controls') ?? '')!;
    const options = within(listbox)
      .getAllByRole('option', { hidden: true })
      .map((option) => option.textContent);
    // Not itself, not the merged node, not a driver request type.
    expect(options).toEqual(['Driver no-show (DRIVER_NO_SHOW)']);
    await user.click(within(listbox).getByRole('option', { name: /DRIVER_NO_SHOW/, hidden: true }));
    expect(
      dialog.getByText('Its 2 conversations will count under DRIVER_NO_SHOW.'),
    ).toBeInTheDocument();

    await user.click(dialog.getByRole('button', { name: 'Merge' }));
    expect(await dialog.findByText('DRIVER_NO_SHOW is deprecated')).toBeInTheDocument();
    // Raw superjson: an absent rollout note travels as undefined (null in the JSON part).
    expect(attempts).toMatchObject([{ fromCode: 'PICKUP_LATE', intoCode: 'DRIVER_NO_SHOW' }]);
  });

  it('adds a request type under a category with a suggested code', async () => {
    const user = userEvent.setup();
    const sent: ProcedureInput<'taxonomy.addNode'>[] = [];
    server.use(
      taxonomyQueries('lead'),
      trpcMutationHandler({
        'taxonomy.addNode': (input) => {
          sent.push(input);
          return {
            id: 'new',
            level: input.level,
            code: input.code,
            name: input.name,
            parentCode: 'BOOKING',
          };
        },
      }),
    );
    renderRoutes({ path: '/taxonomy', routes: consoleRoutes });
    await openMenuItem(user, 'BOOKING', 'Booking', 'Add request type');
    const dialog = within(await screen.findByRole('dialog', { name: 'Add request type' }));
    expect(dialog.getByText(/Under category/)).toHaveTextContent('Booking (BOOKING)');
    fireEvent.change(dialog.getByRole('textbox', { name: 'Name' }), {
      target: { value: 'Lost item' },
    });
    expect(dialog.getByRole('textbox', { name: 'Code' })).toHaveValue('LOST_ITEM');

    await user.click(dialog.getByRole('button', { name: 'Add request type' }));
    expect(await dialog.findByText('Choose who writes in: guests or drivers')).toBeInTheDocument();
    await pick(user, dialog.getByRole('combobox', { name: 'Who writes in' }), 'Guest');
    await user.click(dialog.getByRole('button', { name: 'Add request type' }));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          level: 'request_type',
          parentCode: 'BOOKING',
          code: 'LOST_ITEM',
          name: 'Lost item',
          audience: 'guest',
          defaultPriority: 'P3',
          description: '',
        },
      ]),
    );
    expect(await screen.findByText('Request type LOST_ITEM added')).toBeInTheDocument();
  });

  it('edits a request type’s links in its drawer', async () => {
    const user = userEvent.setup();
    const sent: ProcedureInput<'taxonomy.updateRequestTypeLinks'>[] = [];
    server.use(
      taxonomyQueries('lead'),
      trpcMutationHandler({
        'taxonomy.updateRequestTypeLinks': (input) => {
          sent.push(input);
          return {
            code: input.code,
            defaultPriority: input.defaultPriority,
            requiredCertification: input.requiredCertificationCode,
            macros: [],
            macroIds: input.macroIds,
            description: input.description ?? '',
          };
        },
      }),
    );
    const { router } = renderRoutes({ path: '/taxonomy', routes: consoleRoutes });
    await user.click(
      within(await row('DRIVER_NO_SHOW')).getByRole('button', {
        name: 'Details of Driver no-show',
      }),
    );
    const drawer = within(
      await screen.findByRole('dialog', { name: 'Driver no-show (DRIVER_NO_SHOW)' }),
    );
    expect(router.state.location.search).toBe('?type=DRIVER_NO_SHOW');
    expect(drawer.getByText('Version 2 published: No-show playbook')).toBeInTheDocument();
    expect(drawer.getByText('Draft in progress')).toBeInTheDocument();
    expect(drawer.getByRole('link', { name: 'Open playbook' })).toHaveAttribute(
      'href',
      '/playbooks/DRIVER_NO_SHOW',
    );
    expect(drawer.getByRole('combobox', { name: 'Required certification' })).toHaveValue(
      'Safety (SAFETY)',
    );

    await pick(user, drawer.getByRole('combobox', { name: 'Default priority' }), 'P2 · High');
    await pick(
      user,
      drawer.getByRole('combobox', { name: 'Suggested macros' }),
      'Refund confirmed',
    );
    await user.click(drawer.getByRole('button', { name: 'Save links' }));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          code: 'DRIVER_NO_SHOW',
          defaultPriority: 'P2',
          requiredCertificationCode: 'SAFETY',
          macroIds: [APOLOGY_ID, REFUND_ID],
          description: 'The driver never came.',
        },
      ]),
    );
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('lets a trainer read the tree and a request type’s links, and change nothing', async () => {
    const user = userEvent.setup();
    server.use(taxonomyQueries('trainer'));
    renderRoutes({ path: '/taxonomy', routes: consoleRoutes });
    await row('BOOKING');
    expect(
      screen.getByText('Read only: team leads and admins change the taxonomy.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add category' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Change / })).not.toBeInTheDocument();

    await user.click(
      within(await row('DRIVER_NO_SHOW')).getByRole('button', {
        name: 'Details of Driver no-show',
      }),
    );
    const drawer = within(
      await screen.findByRole('dialog', { name: 'Driver no-show (DRIVER_NO_SHOW)' }),
    );
    expect(drawer.getByText('Safety (SAFETY)')).toBeInTheDocument();
    expect(drawer.getByText('Apology')).toBeInTheDocument();
    expect(drawer.getByText('P1 · Urgent')).toBeInTheDocument();
    expect(drawer.queryByRole('button', { name: 'Save links' })).not.toBeInTheDocument();
    expect(drawer.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
