import {
  mockViewer,
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  trpcHandler,
} from '@switchboard/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../router.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Simulation = ProcedureOutput<'routing.simulate'>;

const AIRPORT_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const VIP_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const REFUND_ID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

function simulation(overrides: Partial<Simulation> = {}): Simulation {
  return {
    outcome: {
      requestTypeCode: 'DRIVER_NO_SHOW',
      tags: ['airport'],
      priority: 'P1',
      inboxCode: 'LIS_L2',
      teamCode: null,
      autoReplies: ['We are finding you another driver now.'],
      matchedRuleIds: [AIRPORT_ID],
    },
    explanations: [
      {
        position: 1,
        ruleId: VIP_ID,
        name: 'VIP guests first',
        enabled: true,
        status: 'not_matched',
        summary: 'Not matched: Contact is not a VIP, the rule wants VIPs',
        conditions: [
          { index: 0, held: false, sentence: 'Contact is not a VIP, the rule wants VIPs' },
        ],
      },
      {
        position: 2,
        ruleId: AIRPORT_ID,
        name: 'Airport no-shows to L2',
        enabled: true,
        status: 'matched',
        summary: 'Matched: sets request type DRIVER_NO_SHOW and priority P1; stops here',
        conditions: [
          { index: 0, held: true, sentence: 'Channel is chat, one of chat or WhatsApp' },
          { index: 1, held: true, sentence: 'Text contains "no show"' },
        ],
      },
      {
        position: 3,
        ruleId: REFUND_ID,
        name: 'Refunds to payments',
        enabled: true,
        status: 'not_reached',
        summary: 'Not reached: “Airport no-shows to L2” matched and stops there',
        conditions: [],
      },
    ],
    inbox: {
      id: '66666666-6666-4666-8666-666666666666',
      code: 'LIS_L2',
      name: 'Lisbon L2',
      choice: 'rule_inbox',
      note: 'A rule sent it to Lisbon L2',
    },
    requestType: { id: 'rt-1', code: 'DRIVER_NO_SHOW', name: 'Driver no-show' },
    priority: 'P1',
    tags: ['airport'],
    assignment: {
      policy: { mode: 'least_loaded' },
      choice: {
        ok: true,
        agentId: 'agent-1',
        reason: 'Least loaded on chat: 1 of 4',
        skipped: [
          {
            agentId: 'agent-2',
            name: 'Rui Costa',
            reason: 'at_capacity',
            detail: 'Rui Costa — at capacity for chat (4/4)',
          },
        ],
      },
      agentName: 'Marta Lopes',
    },
    ...overrides,
  };
}

function queries(answer: () => Simulation, sent: ProcedureInput<'routing.simulate'>[] = []) {
  return trpcHandler({
    'people.me': () => mockViewer({ role: 'trainer' }),
    'conversations.filterOptions': () => ({
      cities: [
        { code: 'LIS', name: 'Lisbon' },
        { code: 'OPO', name: 'Porto' },
      ],
      requestTypes: [],
      tags: [],
      colleagues: [],
    }),
    'routing.simulate': (input) => {
      sent.push(input);
      return answer();
    },
  });
}

describe('SimulatorPage', () => {
  it('runs the message through the rules and shows each verdict, the placement and the agent', async () => {
    const user = userEvent.setup();
    const sent: ProcedureInput<'routing.simulate'>[] = [];
    server.use(queries(() => simulation(), sent));
    renderRoutes({ path: '/routing/simulator', routes: consoleRoutes });

    expect(await screen.findByRole('heading', { name: 'Routing simulator' })).toBeInTheDocument();
    const form = within(screen.getByRole('form', { name: 'Message to simulate' }));
    fireEvent.change(form.getByRole('textbox', { name: 'Message text' }), {
      target: { value: 'The driver is a no show at arrivals' },
    });
    fireEvent.change(form.getByRole('textbox', { name: /Locale/ }), { target: { value: 'pt-PT' } });
    const city = form.getByRole('combobox', { name: 'City' });
    await user.click(city);
    const listbox = await waitFor(() => {
      const popup = document.getElementById(city.getAttribute('aria-controls') ?? '');
      if (!popup) throw new Error('City options did not open');
      return popup;
    });
    await user.click(within(listbox).getByRole('option', { name: 'Lisbon (LIS)', hidden: true }));
    fireEvent.change(form.getByLabelText(/Trip booked for/), {
      target: { value: '2026-03-12T15:30' },
    });
    fireEvent.change(form.getByLabelText('Received at'), { target: { value: '2026-03-12T14:05' } });
    await user.click(form.getByRole('checkbox', { name: 'VIP' }));
    await user.click(form.getByRole('button', { name: 'Simulate' }));

    const result = await screen.findByRole('region', { name: 'Result' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      channel: 'chat',
      audience: 'guest',
      cityCode: 'LIS',
      locale: 'pt-PT',
      text: 'The driver is a no show at arrivals',
      contact: { vip: true, newDriver: false },
      booking: { scheduledAt: new Date('2026-03-12T15:30') },
      receivedAt: new Date('2026-03-12T14:05'),
      insideBusinessHours: true,
    });

    const inResult = within(result);
    expect(inResult.getByText('Driver no-show')).toBeInTheDocument();
    expect(inResult.getByText('P1 · Urgent')).toBeInTheDocument();
    expect(inResult.getByText('airport')).toBeInTheDocument();
    expect(inResult.getByText('A rule sent it to Lisbon L2')).toBeInTheDocument();
    expect(inResult.getByText('Inbox set by a rule')).toBeInTheDocument();
    expect(inResult.getByText('Marta Lopes')).toBeInTheDocument();
    expect(inResult.getByText('Least loaded on chat: 1 of 4')).toBeInTheDocument();
    expect(inResult.getByText('We are finding you another driver now.')).toBeInTheDocument();

    const trace = within(screen.getByRole('region', { name: 'Rule by rule' }));
    const matched = within(trace.getByRole('row', { name: 'Rule 2: Airport no-shows to L2' }));
    expect(matched.getByText('Matched')).toBeInTheDocument();
    // Matched rules open with their conditions.
    const matchedConditions = trace.getByRole('list', {
      name: 'Conditions of Airport no-shows to L2',
    });
    expect(matchedConditions).toHaveTextContent(
      '✓ Holds: Channel is chat, one of chat or WhatsApp',
    );
    expect(matchedConditions).toHaveTextContent('✓ Holds: Text contains "no show"');

    const vip = within(trace.getByRole('row', { name: 'Rule 1: VIP guests first' }));
    expect(vip.getByText('Not matched')).toBeInTheDocument();
    expect(
      trace.queryByRole('list', { name: 'Conditions of VIP guests first' }),
    ).not.toBeInTheDocument();
    await user.click(vip.getByRole('button', { name: 'Conditions of VIP guests first' }));
    expect(trace.getByRole('list', { name: 'Conditions of VIP guests first' })).toHaveTextContent(
      '✗ Does not hold: Contact is not a VIP, the rule wants VIPs',
    );
    const refunds = within(trace.getByRole('row', { name: 'Rule 3: Refunds to payments' }));
    expect(refunds.getByText('Not reached')).toBeInTheDocument();

    const skipped = within(screen.getByRole('region', { name: 'Agents not picked' }));
    expect(skipped.getByText('Rui Costa')).toBeInTheDocument();
    expect(skipped.getByText('At capacity')).toBeInTheDocument();
    expect(skipped.getByText('Rui Costa — at capacity for chat (4/4)')).toBeInTheDocument();
  }, 20_000);

  it('says why nobody would get it, and checks the message before asking', async () => {
    const user = userEvent.setup();
    const sent: ProcedureInput<'routing.simulate'>[] = [];
    server.use(
      queries(
        () =>
          simulation({
            explanations: [],
            requestType: null,
            tags: [],
            assignment: {
              policy: { mode: 'round_robin' },
              choice: {
                ok: false,
                reason: 'all_offline_or_away',
                explanation: 'Everyone who could take it is away or offline (1 away, 2 offline)',
                skipped: [],
              },
              agentName: null,
            },
          }),
        sent,
      ),
    );
    renderRoutes({ path: '/routing/simulator', routes: consoleRoutes });
    const form = within(await screen.findByRole('form', { name: 'Message to simulate' }));
    fireEvent.change(form.getByRole('textbox', { name: /Locale/ }), { target: { value: 'p' } });
    await user.click(form.getByRole('button', { name: 'Simulate' }));
    expect(
      await form.findByText('Locale is a language tag such as en or pt-BR'),
    ).toBeInTheDocument();
    expect(sent).toEqual([]);

    fireEvent.change(form.getByRole('textbox', { name: /Locale/ }), { target: { value: '' } });
    await user.click(form.getByRole('button', { name: 'Simulate' }));
    const result = within(await screen.findByRole('region', { name: 'Result' }));
    expect(sent[0]).toMatchObject({ locale: null, cityCode: null, booking: null });
    expect(result.getByText('Nobody would get it')).toBeInTheDocument();
    expect(
      result.getByText('Everyone who could take it is away or offline (1 away, 2 offline)'),
    ).toBeInTheDocument();
    expect(result.getByText('None: the agent sets it')).toBeInTheDocument();
    expect(screen.getByText(/There are no routing rules/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Agents not picked' })).not.toBeInTheDocument();
  }, 20_000);
});
