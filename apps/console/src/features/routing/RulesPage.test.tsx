import {
  MockTRPCError,
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
import { inboxRow } from '../../test/fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type RulesOutput = ProcedureOutput<'routing.rules'>;
type RuleRow = RulesOutput['rules'][number];

const AIRPORT_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const VIP_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const REFUND_ID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const NEW_ID = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

function ruleRow(overrides: Partial<RuleRow> = {}): RuleRow {
  return {
    id: AIRPORT_ID,
    position: 0,
    name: 'Airport no-shows to L2',
    enabled: true,
    conditions: [
      { field: 'channel', op: 'in', values: ['chat', 'whatsapp'] },
      { field: 'text', op: 'contains_any', values: ['no show', 'driver not here'] },
    ],
    actions: { requestTypeCode: 'DRIVER_NO_SHOW', priority: 'P1', onMatch: 'stop' },
    updatedAt: new Date('2026-03-01T09:00:00Z'),
    ...overrides,
  };
}

const RULES: RuleRow[] = [
  ruleRow(),
  ruleRow({
    id: VIP_ID,
    position: 1,
    name: 'VIP guests first',
    conditions: [{ field: 'contact', attribute: 'vip', value: true }],
    actions: { priority: 'P2', addTags: ['vip'], onMatch: 'continue' },
  }),
  ruleRow({
    id: REFUND_ID,
    position: 2,
    name: 'Refunds to payments',
    enabled: false,
    conditions: [],
    actions: { inboxCode: 'PAYMENTS', onMatch: 'stop' },
  }),
];

const PROBLEMS: RulesOutput['problems'] = [
  {
    ruleId: REFUND_ID,
    kind: 'unknown_inbox',
    message: 'Inbox PAYMENTS does not exist: the rule falls back to the default inbox',
  },
];

function rulesQuery(role: 'lead' | 'trainer' | 'admin', data: () => RulesOutput) {
  return trpcHandler({
    'people.me': () => mockViewer({ role, name: 'Lena Lead' }),
    'routing.rules': () => data(),
    'conversations.filterOptions': () => ({
      cities: [
        { code: 'LIS', name: 'Lisbon' },
        { code: 'OPO', name: 'Porto' },
      ],
      requestTypes: [{ code: 'DRIVER_NO_SHOW', name: 'Driver no-show', audience: 'guest' }],
      tags: [
        { code: 'airport', name: 'Airport' },
        { code: 'vip', name: 'VIP' },
      ],
      colleagues: [],
    }),
    'routing.listInboxes': () => ({
      items: [inboxRow(), inboxRow({ id: 'i2', code: 'LIS_L2', name: 'Lisbon L2' })],
      total: 2,
      limit: 200,
      offset: 0,
    }),
  });
}

function ruleItems(): HTMLElement[] {
  return within(
    screen.getByRole('list', { name: 'Routing rules, in the order they run' }),
  ).getAllByRole('listitem');
}

/**
 * Picks an option of a Mantine Select or MultiSelect. Plain clicks: user-event's pointer
 * simulation costs seconds per pick in a page this large, and Mantine only listens for clicks.
 */
async function pick(input: HTMLElement, option: string) {
  fireEvent.click(input);
  fireEvent.click(
    within(await controlled(input)).getByRole('option', { name: option, hidden: true }),
  );
}

/** Opens the "Add condition" menu and picks what the condition looks at. */
async function addCondition(drawer: ReturnType<typeof within>, field: string) {
  const button = drawer.getByRole('button', { name: 'Add condition' });
  fireEvent.click(button);
  fireEvent.click(
    within(await controlled(button)).getByRole('menuitem', { name: field, hidden: true }),
  );
}

/**
 * The popup an input or button controls. Searching only there keeps role queries fast: the
 * whole page behind a drawer is large for jsdom.
 */
function controlled(element: HTMLElement): Promise<HTMLElement> {
  return waitFor(() => {
    const id = element.getAttribute('aria-controls');
    const popup = id ? document.getElementById(id) : null;
    if (!popup) throw new Error('The popup did not open');
    return popup;
  });
}

describe('RulesPage', () => {
  it('lists the rules in order with what they look at, what they do and their problems', async () => {
    server.use(rulesQuery('lead', () => ({ rules: RULES, problems: PROBLEMS })));
    renderRoutes({ path: '/routing/rules', routes: consoleRoutes });

    expect(await screen.findByRole('heading', { name: 'Routing rules' })).toBeInTheDocument();
    const items = await waitFor(() => {
      const found = ruleItems();
      expect(found).toHaveLength(3);
      return found;
    });
    const [airport, vip, refunds] = items.map((item) => within(item));
    expect(items[0]).toHaveAccessibleName('Rule 1: Airport no-shows to L2');
    expect(airport!.getByText('1')).toBeInTheDocument();
    expect(
      airport!.getByText(
        'Channel is chat or WhatsApp and Text mentions “no show” or “driver not here”',
      ),
    ).toBeInTheDocument();
    expect(
      airport!.getByText('request type DRIVER_NO_SHOW, priority P1; stop'),
    ).toBeInTheDocument();
    expect(vip!.getByText('Contact is a VIP')).toBeInTheDocument();
    expect(vip!.getByText('priority P2, tags vip; continue')).toBeInTheDocument();

    expect(refunds!.getByText('Every message')).toBeInTheDocument();
    expect(refunds!.getByText('Disabled')).toBeInTheDocument();
    expect(refunds!.getByRole('alert')).toHaveTextContent('Inbox PAYMENTS does not exist');
    expect(airport!.queryByRole('alert')).not.toBeInTheDocument();

    expect(airport!.getByRole('switch', { name: 'Airport no-shows to L2 enabled' })).toBeChecked();
    expect(refunds!.getByRole('switch', { name: 'Refunds to payments enabled' })).not.toBeChecked();
    expect(airport!.getByRole('button', { name: 'Move Airport no-shows to L2 up' })).toBeDisabled();
    expect(refunds!.getByRole('button', { name: 'Move Refunds to payments down' })).toBeDisabled();
    expect(
      airport!.getByRole('button', { name: 'Drag Airport no-shows to L2 to reorder' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Routing rules' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('explains where conversations go when there are no rules', async () => {
    server.use(rulesQuery('lead', () => ({ rules: [], problems: [] })));
    renderRoutes({ path: '/routing/rules', routes: consoleRoutes });
    expect(await screen.findByText('No routing rules yet')).toBeInTheDocument();
    expect(
      screen.getByText(/goes to the audience’s inbox for the contact’s city, unassigned or/),
    ).toBeInTheDocument();
  });

  it('switches a rule off at once and sends setRuleEnabled', async () => {
    const user = userEvent.setup();
    const sent: ProcedureInput<'routing.setRuleEnabled'>[] = [];
    let rules = RULES;
    server.use(
      rulesQuery('lead', () => ({ rules, problems: [] })),
      trpcMutationHandler({
        'routing.setRuleEnabled': (input) => {
          sent.push(input);
          rules = rules.map((rule) =>
            rule.id === input.id ? { ...rule, enabled: input.enabled } : rule,
          );
          return { ...rules[0]!, enabled: input.enabled };
        },
      }),
    );
    renderRoutes({ path: '/routing/rules', routes: consoleRoutes });
    const toggle = await screen.findByRole('switch', { name: 'Airport no-shows to L2 enabled' });
    await user.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    await waitFor(() => expect(sent).toEqual([{ id: AIRPORT_ID, enabled: false }]));
  });

  it('moves a rule up with the whole new order, and puts it back when the server refuses', async () => {
    const user = userEvent.setup();
    const sent: ProcedureInput<'routing.reorderRules'>[] = [];
    let refuse = false;
    let rules = RULES;
    server.use(
      rulesQuery('lead', () => ({ rules, problems: [] })),
      trpcMutationHandler({
        'routing.reorderRules': (input) => {
          sent.push(input);
          if (refuse) throw new MockTRPCError('BAD_REQUEST', 'The rules changed meanwhile');
          const byId = new Map(rules.map((rule) => [rule.id, rule]));
          rules = input.ruleIds.map((id, position) => ({ ...byId.get(id)!, position }));
          return rules;
        },
      }),
    );
    renderRoutes({ path: '/routing/rules', routes: consoleRoutes });
    await user.click(await screen.findByRole('button', { name: 'Move VIP guests first up' }));
    await waitFor(() => expect(ruleItems()[0]).toHaveAccessibleName('Rule 1: VIP guests first'));
    expect(ruleItems()[1]).toHaveAccessibleName('Rule 2: Airport no-shows to L2');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ ruleIds: [VIP_ID, AIRPORT_ID, REFUND_ID] });

    refuse = true;
    await user.click(screen.getByRole('button', { name: 'Move Airport no-shows to L2 down' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ ruleIds: [VIP_ID, REFUND_ID, AIRPORT_ID] });
    expect(await screen.findByText('The rules changed meanwhile')).toBeInTheDocument();
    await waitFor(() =>
      expect(ruleItems()[1]).toHaveAccessibleName('Rule 2: Airport no-shows to L2'),
    );
  });

  it('creates a rule from the drawer, checked like the server, and shows a refusal on its field', async () => {
    const user = userEvent.setup();
    const attempts: unknown[] = [];
    const created: ProcedureInput<'routing.createRule'>[] = [];
    server.use(
      rulesQuery('lead', () => ({ rules: RULES, problems: [] })),
      // The first attempt is refused the way the server names a field it refuses.
      http.post('*/trpc/routing.createRule', async ({ request }) => {
        const body = (await request.json()) as Record<string, { json: unknown }>;
        attempts.push(body['0']?.json);
        return HttpResponse.json(
          [
            {
              error: {
                json: {
                  message: 'Inbox LIS_L2 does not take WhatsApp',
                  code: -32600,
                  data: {
                    code: 'BAD_REQUEST',
                    httpStatus: 400,
                    path: 'routing.createRule',
                    fieldErrors: [
                      { path: 'actions.inboxCode', message: 'Inbox LIS_L2 does not take WhatsApp' },
                    ],
                  },
                },
              },
            },
          ],
          { status: 400 },
        );
      }),
    );
    renderRoutes({ path: '/routing/rules', routes: consoleRoutes });
    await user.click(await screen.findByRole('button', { name: 'New rule' }));
    const drawer = within(await screen.findByRole('dialog', { name: 'New rule' }));

    await user.click(drawer.getByRole('button', { name: 'Create rule' }));
    expect(await drawer.findByText('Name the rule')).toBeInTheDocument();
    expect(
      drawer.getByText(/Actions: choose at least one thing the rule does/),
    ).toBeInTheDocument();

    fireEvent.change(drawer.getByRole('textbox', { name: 'Name' }), {
      target: { value: 'Lisbon WhatsApp refunds' },
    });
    await addCondition(drawer, 'Channel');
    const channel = within(drawer.getByRole('group', { name: 'Condition 1: Channel' }));
    await pick(channel.getByRole('combobox', { name: 'Condition 1 channels' }), 'WhatsApp');

    await addCondition(drawer, 'Text');
    const text = within(drawer.getByRole('group', { name: 'Condition 2: Text' }));
    fireEvent.paste(text.getByLabelText('Condition 2 keywords'), {
      clipboardData: { getData: () => 'refund' },
    });

    await pick(drawer.getByRole('combobox', { name: 'Priority' }), 'P2 · High');
    await pick(drawer.getByRole('combobox', { name: 'Inbox' }), 'Lisbon L2 (LIS_L2)');
    await pick(drawer.getByRole('combobox', { name: 'Add tags' }), 'Airport');
    await user.click(drawer.getByRole('radio', { name: 'Continue to later rules' }));
    fireEvent.change(drawer.getByRole('textbox', { name: 'Tell agents what changes' }), {
      target: { value: 'Lisbon refunds on WhatsApp now go to L2.' },
    });

    await user.click(drawer.getByRole('button', { name: 'Create rule' }));
    expect(await drawer.findByText('Inbox LIS_L2 does not take WhatsApp')).toBeInTheDocument();
    expect(attempts).toEqual([
      {
        name: 'Lisbon WhatsApp refunds',
        enabled: true,
        conditions: [
          { field: 'channel', op: 'in', values: ['whatsapp'] },
          { field: 'text', op: 'contains_any', values: ['refund'] },
        ],
        actions: { onMatch: 'continue', priority: 'P2', inboxCode: 'LIS_L2', addTags: ['airport'] },
        rolloutNote: 'Lisbon refunds on WhatsApp now go to L2.',
      },
    ]);

    server.use(
      trpcMutationHandler({
        'routing.createRule': (input) => {
          created.push(input);
          return { ...ruleRow({ id: NEW_ID, name: input.name, position: 3 }) };
        },
      }),
    );
    await pick(drawer.getByRole('combobox', { name: 'Inbox' }), 'Lisbon guests (LIS_GUEST)');
    await user.click(drawer.getByRole('button', { name: 'Create rule' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]?.actions.inboxCode).toBe('LIS_GUEST');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New rule' })).toBeNull());
  }, 30_000);

  it('edits a rule and deletes one after confirming, each with a rollout note', async () => {
    const user = userEvent.setup();
    const updated: ProcedureInput<'routing.updateRule'>[] = [];
    const deleted: ProcedureInput<'routing.deleteRule'>[] = [];
    server.use(
      rulesQuery('admin', () => ({ rules: RULES, problems: [] })),
      trpcMutationHandler({
        'routing.updateRule': (input) => {
          updated.push(input);
          return { ...RULES[1]!, ...input.rule };
        },
        'routing.deleteRule': (input) => {
          deleted.push(input);
          return { id: input.id };
        },
      }),
    );
    renderRoutes({ path: '/routing/rules', routes: consoleRoutes });
    await user.click(await screen.findByRole('button', { name: 'Edit VIP guests first' }));
    const drawer = within(await screen.findByRole('dialog', { name: 'Edit “VIP guests first”' }));
    const contact = within(drawer.getByRole('group', { name: 'Condition 1: Contact' }));
    expect(contact.getByRole('combobox', { name: 'Condition 1 contact attribute' })).toHaveValue(
      'a VIP',
    );
    await user.click(drawer.getByRole('button', { name: 'Remove condition 1' }));
    await user.click(drawer.getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(updated).toHaveLength(1));
    expect(updated[0]).toEqual({
      id: VIP_ID,
      rule: {
        name: 'VIP guests first',
        enabled: true,
        conditions: [],
        actions: { priority: 'P2', addTags: ['vip'], onMatch: 'continue' },
      },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Delete Refunds to payments' }));
    const confirm = within(await screen.findByRole('dialog', { name: 'Delete this rule?' }));
    fireEvent.change(confirm.getByRole('textbox', { name: 'Tell agents what changes' }), {
      target: { value: 'Refunds stay in the city inbox.' },
    });
    await user.click(confirm.getByRole('button', { name: 'Delete rule' }));
    await waitFor(() =>
      expect(deleted).toEqual([{ id: REFUND_ID, rolloutNote: 'Refunds stay in the city inbox.' }]),
    );
  }, 20_000);

  it('shows a trainer the rules read-only', async () => {
    server.use(rulesQuery('trainer', () => ({ rules: RULES, problems: PROBLEMS })));
    renderRoutes({ path: '/routing/rules', routes: consoleRoutes });
    await waitFor(() => expect(ruleItems()).toHaveLength(3));
    expect(
      screen.getByText(/Read only: team leads and admins change routing rules/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Inbox PAYMENTS does not exist/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New rule' })).not.toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Move / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Delete / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /to reorder$/ })).not.toBeInTheDocument();
    expect(within(ruleItems()[2]!).getByText('Disabled')).toBeInTheDocument();
  });
});
