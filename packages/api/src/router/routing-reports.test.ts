import { setStatus, transferConversation } from '@switchboard/db/queries/conversation-actions';
import { receiveInboundMessage } from '@switchboard/db/queries/intake';
import { conversationEvents, conversations } from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import { routingAccuracy } from '@switchboard/domain';
import { and, eq, gte, lt } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const db = () => api.handle.db;
const HOUR = 3_600_000;

describe('routing accuracy', () => {
  it('agrees exactly with the domain reference on generated outcomes', async () => {
    const lead = await api.callerAs('lead');
    const staff = { userId: lead.userId, name: 'Lead', role: 'lead' as const };
    const { city } = await createCityInboxFixture(db(), { memberIds: [lead.userId] });
    const other = await createCityInboxFixture(db(), { memberIds: [lead.userId] });
    const rule = await lead.caller.routing.createRule({
      name: `Refunds ${uniqueSuffix()}`,
      conditions: [
        { field: 'city', op: 'in', values: [city.code] },
        { field: 'text', op: 'contains_any', values: ['refund'] },
      ],
      actions: { priority: 'P2', onMatch: 'continue' },
    });
    // A period of its own, far from other tests' conversations.
    const from = new Date(Date.UTC(2031, 0, 1 + Math.floor(Math.random() * 300)));
    const to = new Date(from.getTime() + 24 * HOUR);
    const outcomes = fc.sample(
      fc.record({
        refund: fc.boolean(),
        fate: fc.constantFrom('open', 'resolved', 'transferred', 'transferred_resolved'),
      }),
      { numRuns: 16, seed: 42 },
    );
    for (const [index, outcome] of outcomes.entries()) {
      const at = new Date(from.getTime() + index * 60_000);
      const { conversationId } = await receiveInboundMessage(
        db(),
        {
          channel: 'email',
          audience: 'guest',
          externalMessageId: `mail-${uniqueSuffix()}`,
          contact: { externalId: `rider-${uniqueSuffix()}`, name: 'Guest', city: city.code },
          text: outcome.refund ? 'I want a refund please' : 'Where is my receipt?',
        },
        at,
      );
      if (outcome.fate.startsWith('transferred')) {
        await transferConversation(db(), staff, {
          conversationId,
          inboxId: other.inbox.id,
          reason: 'Belongs to another city',
        });
      }
      if (outcome.fate.endsWith('resolved')) {
        await setStatus(
          db(),
          staff,
          { conversationId, status: 'resolved' },
          { publicUrl: 'http://127.0.0.1:3999' },
        );
      }
    }

    // The reference, from the same events.
    const routedEvents = await db()
      .select({
        conversationId: conversationEvents.conversationId,
        payload: conversationEvents.payload,
      })
      .from(conversationEvents)
      .where(
        and(
          eq(conversationEvents.type, 'routed'),
          gte(conversationEvents.occurredAt, from),
          lt(conversationEvents.occurredAt, to),
        ),
      );
    const reference = routingAccuracy(
      await Promise.all(
        routedEvents.map(async (event) => {
          const [row] = await db()
            .select({ status: conversations.status })
            .from(conversations)
            .where(eq(conversations.id, event.conversationId));
          const transfers = await db()
            .select({ id: conversationEvents.id })
            .from(conversationEvents)
            .where(
              and(
                eq(conversationEvents.conversationId, event.conversationId),
                eq(conversationEvents.type, 'transferred'),
              ),
            );
          return {
            inboxId: String(event.payload.inboxId),
            ruleIds: event.payload.ruleIds as string[],
            resolved: row!.status === 'resolved' || row!.status === 'closed',
            transferred: transfers.length > 0,
          };
        }),
      ),
    );
    const report = await lead.caller.routing.accuracy({ from, to });
    expect(report.overall).toEqual(reference.overall);
    expect(report.overall.routed).toBe(16);
    const ruleFigure = report.byRule.find((row) => row.ruleId === rule.id);
    if (reference.byRule.has(rule.id)) {
      expect(ruleFigure).toMatchObject({ ...reference.byRule.get(rule.id), name: rule.name });
    }
    for (const [inboxId, figure] of reference.byInbox) {
      expect(report.byInbox.find((row) => row.inboxId === inboxId)).toMatchObject(figure);
    }

    const misroutes = await lead.caller.routing.misroutes({ from, to });
    expect(misroutes.total).toBe(reference.overall.transferred);
    expect(misroutes.items[0]).toMatchObject({
      reason: 'Belongs to another city',
      transferredTo: other.inbox.name,
    });
  });

  it('is for the console, and names bad periods', async () => {
    const agent = await api.callerAs('agent');
    const lead = await api.callerAs('lead');
    const from = new Date('2026-01-10');
    await expect(
      agent.caller.routing.accuracy({ from, to: new Date('2026-01-11') }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expectBadInput(lead.caller.routing.accuracy({ from, to: from }), 'to');
    await expectBadInput(
      lead.caller.routing.accuracy({ from: new Date('2020-01-01'), to: new Date('2026-01-01') }),
      'from',
    );
    await expectBadInput(
      lead.caller.routing.hygiene({ since: from, unassignedMinutes: 0 }),
      'unassignedMinutes',
    );
  });
});

describe('routing hygiene', () => {
  it('flags long-unassigned conversations and rules that matched nothing', async () => {
    const lead = await api.callerAs('lead');
    const { city, inbox } = await createCityInboxFixture(db());
    const hoursAgo = new Date(Date.now() - 3 * HOUR);
    await receiveInboundMessage(
      db(),
      {
        channel: 'chat',
        audience: 'guest',
        externalMessageId: `chat-${uniqueSuffix()}`,
        contact: { externalId: `rider-${uniqueSuffix()}`, name: 'Guest', city: city.code },
        text: 'Hello?',
      },
      hoursAgo,
    );
    const silent = await lead.caller.routing.createRule({
      name: `Never ${uniqueSuffix()}`,
      conditions: [
        { field: 'city', op: 'in', values: [city.code] },
        { field: 'text', op: 'contains_any', values: ['zyzzyva'] },
      ],
      actions: { priority: 'P4', onMatch: 'continue' },
    });
    const report = await lead.caller.routing.hygiene({
      since: new Date(Date.now() + 60_000),
      unassignedMinutes: 60,
      inboxIds: [inbox.id],
    });
    expect(report.longUnassigned).toContainEqual(
      expect.objectContaining({ inboxId: inbox.id, waiting: 1 }),
    );
    expect(report.silentRules.map((rule) => rule.id)).toContain(silent.id);
    expect(Array.isArray(report.unusedTags)).toBe(true);
    expect(Array.isArray(report.unstaffedInboxes)).toBe(true);
  });
});
