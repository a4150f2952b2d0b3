import { receiveInboundMessage } from '@switchboard/db/queries/intake';
import { conversations, inboxes, memberships, users } from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import type { RoutingActions } from '@switchboard/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
// The reorder test sends every rule in the org; other files add rules meanwhile.
beforeAll(async () => {
  api = await createTestApi({ isolated: true });
});
afterAll(() => api.close());

const db = () => api.handle.db;

/** Rules are global: every rule here is scoped to a city of its own test. */
function cityRule(cityCode: string, actions: Omit<RoutingActions, 'onMatch'>, name = 'Airport') {
  return {
    name: `${name} ${uniqueSuffix()}`,
    conditions: [
      { field: 'city' as const, op: 'in' as const, values: [cityCode] },
      { field: 'text' as const, op: 'contains_any' as const, values: ['airport'] },
    ],
    actions: { ...actions, onMatch: 'stop' as const },
  };
}

describe('routing rules', () => {
  it('lets a lead create, edit, disable and delete a rule, each change versioned', async () => {
    const lead = await api.callerAs('lead');
    const { city, inbox } = await createCityInboxFixture(db());
    const created = await lead.caller.routing.createRule({
      ...cityRule(city.code, { inboxCode: inbox.code, priority: 'P2' }),
      rolloutNote: 'Airport messages in this city now go to its inbox at P2.',
    });
    const { rules } = await lead.caller.routing.rules();
    expect(rules.find((rule) => rule.id === created.id)).toMatchObject({
      enabled: true,
      actions: { inboxCode: inbox.code, priority: 'P2', onMatch: 'stop' },
    });

    await lead.caller.routing.updateRule({
      id: created.id,
      rule: {
        ...cityRule(city.code, { inboxCode: inbox.code, priority: 'P1' }),
        name: created.name,
      },
    });
    await lead.caller.routing.setRuleEnabled({ id: created.id, enabled: false });
    const history = await lead.caller.changes.list({
      entityType: 'routing_rule',
      entityId: created.id,
    });
    expect(history.items.map((item) => [item.action, item.diff])).toEqual([
      ['disabled', ['Enabled: yes → no']],
      [
        'updated',
        [
          `Actions: priority P2, inbox ${inbox.code}; stop → priority P1, inbox ${inbox.code}; stop`,
        ],
      ],
      ['created', expect.arrayContaining([`Name: ${created.name}`])],
    ]);
    expect(history.items[2]!.rolloutNote).toMatch(/now go to its inbox/);

    await lead.caller.routing.deleteRule({ id: created.id });
    expect((await lead.caller.routing.rules()).rules.map((rule) => rule.id)).not.toContain(
      created.id,
    );
    await expect(lead.caller.routing.deleteRule({ id: created.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('reorders the whole list and refuses a list that is not every rule once', async () => {
    const lead = await api.callerAs('lead');
    const { city, inbox } = await createCityInboxFixture(db());
    const first = await lead.caller.routing.createRule(cityRule(city.code, { priority: 'P1' }));
    const second = await lead.caller.routing.createRule(
      cityRule(city.code, { inboxCode: inbox.code }),
    );
    const ids = (await lead.caller.routing.rules()).rules.map((rule) => rule.id);
    const swapped = ids.map((id) =>
      id === first.id ? second.id : id === second.id ? first.id : id,
    );
    const reordered = await lead.caller.routing.reorderRules({ ruleIds: swapped });
    expect(reordered.map((rule) => rule.id)).toEqual(swapped);
    await expectBadInput(
      lead.caller.routing.reorderRules({ ruleIds: swapped.slice(1) }),
      'ruleIds',
    );
    await expectBadInput(
      lead.caller.routing.reorderRules({ ruleIds: [...swapped, swapped[0]!] }),
      'ruleIds',
    );
    expect((await lead.caller.routing.rules()).rules.map((rule) => rule.id)).toEqual(swapped);
    // The later rule that stops first now shadows the earlier one: the validation says so.
    const { problems } = await lead.caller.routing.rules();
    expect(
      problems.some((problem) => problem.ruleId === first.id && problem.kind === 'unreachable'),
    ).toBe(true);
  });

  it('explains unknown codes the rules name', async () => {
    const lead = await api.callerAs('lead');
    const { city } = await createCityInboxFixture(db());
    const rule = await lead.caller.routing.createRule(
      cityRule(city.code, { inboxCode: 'NO_SUCH_INBOX_ANYWHERE' }),
    );
    const { problems } = await lead.caller.routing.rules();
    expect(problems).toContainEqual(
      expect.objectContaining({ ruleId: rule.id, kind: 'unknown_inbox' }),
    );
  });

  it('keeps agents and trainers out of rule changes, and names bad fields', async () => {
    const agent = await api.callerAs('agent');
    const trainer = await api.callerAs('trainer');
    const lead = await api.callerAs('lead');
    const rule = cityRule('LIS', { priority: 'P1' });
    await expect(agent.caller.routing.rules()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(trainer.caller.routing.createRule(rule)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await trainer.caller.routing.rules()).rules).toBeDefined();
    await expectBadInput(lead.caller.routing.createRule({ ...rule, name: ' ' }), 'name');
    await expectBadInput(
      lead.caller.routing.createRule({
        ...rule,
        conditions: [{ field: 'channel', op: 'in', values: [] }],
      }),
      'conditions.0.values',
    );
    await expectBadInput(
      lead.caller.routing.createRule({ ...rule, actions: { onMatch: 'stop' } }),
      'actions',
    );
    await expectBadInput(
      lead.caller.routing.createRule({
        ...rule,
        conditions: [{ field: 'text', op: 'matches', pattern: '(a+)+$' }],
      }),
      'conditions.0.pattern',
    );
    await expectBadInput(lead.caller.routing.updateRule({ id: 'nope', rule }), 'id');
  });
});

describe('routing simulator', () => {
  it('traces every rule, places the message, and names the agent the policy would pick', async () => {
    const lead = await api.callerAs('lead');
    const { city, inbox, team } = await createCityInboxFixture(db());
    await db()
      .update(inboxes)
      .set({ assignmentPolicy: { mode: 'least_loaded' } })
      .where(eq(inboxes.id, inbox.id));
    const agentId = `agent-${uniqueSuffix().toLowerCase()}`;
    await db()
      .insert(users)
      .values({
        id: agentId,
        name: 'Rita Online',
        email: `${agentId}@switchboard.test`,
        role: 'agent',
        availability: 'online',
        channelCapacity: { chat: 3 },
      });
    await db().insert(memberships).values({ teamId: team.id, userId: agentId });
    const rule = await lead.caller.routing.createRule(
      cityRule(city.code, { inboxCode: inbox.code, priority: 'P1', addTags: [] }),
    );
    const result = await lead.caller.routing.simulate({
      channel: 'chat',
      audience: 'guest',
      cityCode: city.code,
      locale: 'en',
      text: 'Stuck at the airport',
      receivedAt: new Date(),
    });
    expect(result.outcome.matchedRuleIds).toContain(rule.id);
    expect(result.explanations.find((entry) => entry.ruleId === rule.id)).toMatchObject({
      status: 'matched',
      conditions: [
        expect.objectContaining({ held: true }),
        expect.objectContaining({ held: true }),
      ],
    });
    expect(result).toMatchObject({
      inbox: { id: inbox.id, choice: 'rule_inbox' },
      priority: 'P1',
      assignment: { choice: { ok: true, agentId }, agentName: 'Rita Online' },
    });

    // The simulator writes nothing.
    const [stored] = await db()
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.inboxId, inbox.id));
    expect(stored).toBeUndefined();

    const missed = await lead.caller.routing.simulate({
      channel: 'chat',
      audience: 'guest',
      cityCode: city.code,
      text: 'Where is my receipt?',
      receivedAt: new Date(),
    });
    expect(missed.explanations.find((entry) => entry.ruleId === rule.id)).toMatchObject({
      status: 'not_matched',
    });
    await expectBadInput(
      lead.caller.routing.simulate({
        channel: 'pigeon' as 'chat',
        audience: 'guest',
        text: 'x',
        receivedAt: new Date(),
      }),
      'channel',
    );
  });

  it('agrees with what intake then does', async () => {
    const lead = await api.callerAs('lead');
    const { city } = await createCityInboxFixture(db());
    const target = await createCityInboxFixture(db());
    await lead.caller.routing.createRule(cityRule(city.code, { inboxCode: target.inbox.code }));
    const input = {
      channel: 'chat' as const,
      audience: 'guest' as const,
      cityCode: city.code,
      text: 'At the airport, no driver',
      receivedAt: new Date(),
    };
    const simulated = await lead.caller.routing.simulate(input);
    const delivered = await receiveInboundMessage(db(), {
      channel: 'chat',
      audience: 'guest',
      externalMessageId: `chat-${uniqueSuffix()}`,
      contact: { externalId: `rider-${uniqueSuffix()}`, name: 'Inês', city: city.code },
      text: input.text,
    });
    const [conversation] = await db()
      .select({ inboxId: conversations.inboxId, priority: conversations.priority })
      .from(conversations)
      .where(eq(conversations.id, delivered.conversationId));
    expect(conversation).toEqual({ inboxId: simulated.inbox.id, priority: simulated.priority });
  });
});

describe('routing guide', () => {
  it('is readable by every signed-in role', async () => {
    const agent = await api.callerAs('agent');
    expect(Array.isArray(await agent.caller.routing.guide())).toBe(true);
    await expect((await api.callerFor()).routing.guide()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
