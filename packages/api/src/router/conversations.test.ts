import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationFixture, createInboxFixture } from '../fixtures.ts';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe('conversations.listMine', () => {
  it('lists only the conversations assigned to the signed-in agent, newest first', async () => {
    const { caller, userId } = await api.callerAs('agent');
    const other = await api.createStaff('agent');
    const { inbox } = await createInboxFixture(api.handle.db, [userId]);
    const first = await createConversationFixture(api.handle.db, {
      inboxId: inbox.id,
      assigneeId: userId,
    });
    const second = await createConversationFixture(api.handle.db, {
      inboxId: inbox.id,
      assigneeId: userId,
    });
    await createConversationFixture(api.handle.db, { inboxId: inbox.id, assigneeId: other.id });

    const page = await caller.conversations.listMine({});
    expect(page.total).toBe(2);
    expect(page.items.map((item) => item.id).sort()).toEqual(
      [first.conversation.id, second.conversation.id].sort(),
    );
    expect(page.items[0]).toMatchObject({ contactName: expect.any(String), inboxName: inbox.name });
  });

  it('filters by status and paginates', async () => {
    const { caller, userId } = await api.callerAs('agent');
    const { inbox } = await createInboxFixture(api.handle.db, [userId]);
    for (let index = 0; index < 3; index += 1) {
      await createConversationFixture(api.handle.db, { inboxId: inbox.id, assigneeId: userId });
    }
    const firstPage = await caller.conversations.listMine({ limit: 2, offset: 0 });
    const secondPage = await caller.conversations.listMine({ limit: 2, offset: 2 });
    expect(firstPage.items).toHaveLength(2);
    expect(secondPage.items).toHaveLength(1);
    expect((await caller.conversations.listMine({ status: ['resolved'] })).total).toBe(0);
  });

  it('is UNAUTHORIZED when signed out', async () => {
    const caller = await api.callerFor();
    await expect(caller.conversations.listMine({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('names the field on bad input', async () => {
    const { caller } = await api.callerAs('agent');
    await expectBadInput(
      caller.conversations.listMine({ status: ['archived' as 'open'] }),
      'status.0',
    );
    await expectBadInput(caller.conversations.listMine({ offset: -1 }), 'offset');
  });
});

describe('conversations.byId', () => {
  it('returns the timeline, contact and events for an agent of the inbox', async () => {
    const { caller, userId } = await api.callerAs('agent');
    const { inbox } = await createInboxFixture(api.handle.db, [userId]);
    const { conversation, contact } = await createConversationFixture(api.handle.db, {
      inboxId: inbox.id,
    });
    const detail = await caller.conversations.byId({ conversationId: conversation.id });
    expect(detail.conversation.id).toBe(conversation.id);
    expect(detail.contact?.name).toBe(contact.name);
    expect(detail.messages).toHaveLength(1);
    expect(detail.events.map((event) => event.type)).toEqual(['created', 'message_received']);
  });

  it('forbids an agent outside the inbox, but not a lead, trainer or admin', async () => {
    const { inbox } = await createInboxFixture(api.handle.db);
    const { conversation } = await createConversationFixture(api.handle.db, { inboxId: inbox.id });
    const outsider = await api.callerAs('agent');
    await expect(
      outsider.caller.conversations.byId({ conversationId: conversation.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    for (const role of ['lead', 'trainer', 'admin'] as const) {
      const { caller } = await api.callerAs(role);
      const detail = await caller.conversations.byId({ conversationId: conversation.id });
      expect(detail.conversation.id).toBe(conversation.id);
    }
  });

  it('lets the assignee open it even outside the inbox', async () => {
    const { caller, userId } = await api.callerAs('agent');
    const { inbox } = await createInboxFixture(api.handle.db);
    const { conversation } = await createConversationFixture(api.handle.db, {
      inboxId: inbox.id,
      assigneeId: userId,
    });
    await expect(
      caller.conversations.byId({ conversationId: conversation.id }),
    ).resolves.toBeTruthy();
  });

  it('is NOT_FOUND for an unknown id and BAD_REQUEST naming conversationId for a malformed one', async () => {
    const { caller } = await api.callerAs('lead');
    await expect(
      caller.conversations.byId({ conversationId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expectBadInput(caller.conversations.byId({ conversationId: 'abc' }), 'conversationId');
  });
});
