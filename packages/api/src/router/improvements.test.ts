import { conversations, memberships } from '@switchboard/db/schema';
import { createCityInboxFixture } from '@switchboard/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationFixture, createTaxonomyFixture, eventsOf } from '../fixtures.ts';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
let taxonomy: Awaited<ReturnType<typeof createTaxonomyFixture>>;
const db = () => api.handle.db;
beforeAll(async () => {
  api = await createTestApi();
  taxonomy = await createTaxonomyFixture(db());
});
afterAll(() => api.close());

const DAY = 86_400_000;

describe('root causes and recurring themes', () => {
  it('records the root cause at resolution and ranks themes by volume with a trend', async () => {
    const agent = await api.callerAs('agent');
    const { inbox, team } = await createCityInboxFixture(db());
    await db().insert(memberships).values({ teamId: team.id, userId: agent.userId });
    const fresh = async () =>
      (
        await createConversationFixture(db(), {
          inboxId: inbox.id,
          requestTypeId: taxonomy.guestType.id,
          assigneeId: agent.userId,
        })
      ).conversation;

    const resolved = await fresh();
    await expectBadInput(
      agent.caller.conversations.setStatus({
        conversationId: resolved.id,
        status: 'resolved',
        rootCauseCode: 'gremlins' as never,
      }),
      'rootCauseCode',
    );
    await agent.caller.conversations.setStatus({
      conversationId: resolved.id,
      status: 'resolved',
      rootCauseCode: 'supply_shortage',
    });
    const [stored] = await db()
      .select({ rootCauseCode: conversations.rootCauseCode })
      .from(conversations)
      .where(eq(conversations.id, resolved.id));
    expect(stored?.rootCauseCode).toBe('supply_shortage');
    expect(
      (await eventsOf(db(), resolved.id)).find((event) => event.type === 'resolved')?.payload,
    ).toMatchObject({
      rootCauseCode: 'supply_shortage',
    });

    // Two more this period, one in the period before: rising.
    for (const resolvedAt of [new Date(), new Date(), new Date(Date.now() - 40 * DAY)]) {
      const conversation = await fresh();
      await db()
        .update(conversations)
        .set({ status: 'resolved', resolvedAt, rootCauseCode: 'supply_shortage' })
        .where(eq(conversations.id, conversation.id));
    }
    const lead = await api.callerAs('lead');
    const { themes } = await lead.caller.improvements.themes({ days: 28 });
    const mine = themes.find(
      (theme) =>
        theme.requestTypeCode === taxonomy.guestType.code &&
        theme.rootCauseCode === 'supply_shortage',
    );
    expect(mine).toMatchObject({
      current: 3,
      previous: 1,
      trend: 'rising',
      changePercent: 200,
      improvements: [],
    });

    const item = await lead.caller.improvements.create({
      title: 'Add airport surge supply on Friday evenings',
      kind: 'process',
      requestTypeCode: taxonomy.guestType.code,
      rootCauseCode: 'supply_shortage',
      ownerId: lead.userId,
      dueDate: '2026-12-20',
    });
    await lead.caller.improvements.setStatus({ improvementId: item.id, status: 'in_progress' });
    const again = await lead.caller.improvements.themes({ days: 28 });
    expect(
      again.themes.find((theme) => theme.requestTypeCode === taxonomy.guestType.code)?.improvements,
    ).toEqual([expect.objectContaining({ id: item.id, status: 'in_progress' })]);
    expect(
      (await lead.caller.improvements.list({ status: 'active' })).items.map((row) => row.id),
    ).toContain(item.id);
  });

  it('lets trainers read, leads write, and names bad fields', async () => {
    const trainer = await api.callerAs('trainer');
    const agent = await api.callerAs('agent');
    const lead = await api.callerAs('lead');
    expect(Array.isArray((await trainer.caller.improvements.themes({})).themes)).toBe(true);
    await expect(agent.caller.improvements.themes({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const input = {
      title: 'Explain payout timing in the driver app',
      kind: 'product' as const,
      requestTypeCode: taxonomy.driverType.code,
      rootCauseCode: null,
      ownerId: lead.userId,
    };
    await expect(trainer.caller.improvements.create(input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expectBadInput(
      lead.caller.improvements.create({ ...input, ownerId: 'nobody' }),
      'ownerId',
    );
    await expectBadInput(
      lead.caller.improvements.create({ ...input, requestTypeCode: 'NOPE' }),
      'requestTypeCode',
    );
    await expectBadInput(
      lead.caller.improvements.create({ ...input, requestTypeCode: null }),
      'requestTypeCode',
    );
    await expect(
      lead.caller.improvements.setStatus({
        improvementId: '00000000-0000-4000-8000-000000000000',
        status: 'done',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
