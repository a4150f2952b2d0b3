import { LIVE_CHANNEL, parseLiveNotice } from '@switchboard/db/queries/live';
import { createCityInboxFixture } from '@switchboard/db/testing';
import type { LiveNotice } from '@switchboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationFixture } from '../fixtures.ts';
import { createTestApi, expectBadInput, sessionCookie, type TestApi } from '../testing.ts';

let api: TestApi;
let heard: LiveNotice[] = [];
let unlisten: () => Promise<void>;
beforeAll(async () => {
  api = await createTestApi();
  unlisten = await api.handle.listen(LIVE_CHANNEL, (payload) => {
    const notice = parseLiveNotice(payload);
    if (notice) heard.push(notice);
  });
});
afterAll(async () => {
  await unlisten();
  await api.close();
});

async function heardPresence(conversationId: string, userId: string) {
  const deadline = Date.now() + 2000;
  for (;;) {
    const notice = heard.find(
      (item) =>
        item.kind === 'presence' &&
        item.conversationId === conversationId &&
        item.userId === userId,
    );
    if (notice || Date.now() > deadline) return notice;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('live.presence', () => {
  it('announces that an agent of the inbox is typing, storing nothing', async () => {
    heard = [];
    const agent = await api.createStaff('agent');
    const { inbox } = await createCityInboxFixture(api.handle.db, { memberIds: [agent.id] });
    const { conversation } = await createConversationFixture(api.handle.db, { inboxId: inbox.id });
    const response = await api.signIn(agent.email);
    const caller = await api.callerFor(sessionCookie(response));
    const result = await caller.live.presence({ conversationId: conversation.id, state: 'typing' });
    expect(result).toEqual({ ok: true });
    expect(await heardPresence(conversation.id, agent.id)).toMatchObject({
      kind: 'presence',
      inboxId: inbox.id,
      state: 'typing',
      userName: expect.stringMatching(/^Test agent/),
    });
  });

  it('lets an agent announce on a conversation assigned to them outside their inboxes', async () => {
    const { caller, userId } = await api.callerAs('agent');
    const { inbox } = await createCityInboxFixture(api.handle.db);
    const { conversation } = await createConversationFixture(api.handle.db, {
      inboxId: inbox.id,
      assigneeId: userId,
    });
    await expect(
      caller.live.presence({ conversationId: conversation.id, state: 'viewing' }),
    ).resolves.toEqual({ ok: true });
  });

  it('lets trainers and admins announce anywhere', async () => {
    const { inbox } = await createCityInboxFixture(api.handle.db);
    const { conversation } = await createConversationFixture(api.handle.db, { inboxId: inbox.id });
    for (const role of ['trainer', 'admin'] as const) {
      const { caller } = await api.callerAs(role);
      await expect(
        caller.live.presence({ conversationId: conversation.id, state: 'left' }),
      ).resolves.toEqual({ ok: true });
    }
  });

  it('forbids agents and leads outside the inbox, announcing nothing', async () => {
    heard = [];
    const { inbox } = await createCityInboxFixture(api.handle.db);
    const { conversation } = await createConversationFixture(api.handle.db, { inboxId: inbox.id });
    for (const role of ['agent', 'lead'] as const) {
      const { caller, userId } = await api.callerAs(role);
      await expect(
        caller.live.presence({ conversationId: conversation.id, state: 'viewing' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await heardPresenceQuickly(conversation.id, userId)).toBeUndefined();
    }
  });

  it('is NOT_FOUND for an unknown conversation, UNAUTHORIZED signed out, BAD_REQUEST on bad input', async () => {
    const { caller } = await api.callerAs('admin');
    await expect(
      caller.live.presence({
        conversationId: '00000000-0000-4000-8000-000000000000',
        state: 'viewing',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      (await api.callerFor()).live.presence({
        conversationId: '00000000-0000-4000-8000-000000000000',
        state: 'viewing',
      }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expectBadInput(
      caller.live.presence({ conversationId: 'abc', state: 'viewing' }),
      'conversationId',
    );
    await expectBadInput(
      caller.live.presence({
        conversationId: '00000000-0000-4000-8000-000000000000',
        state: 'dancing' as 'viewing',
      }),
      'state',
    );
  });
});

async function heardPresenceQuickly(conversationId: string, userId: string) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  return heard.find(
    (item) =>
      item.kind === 'presence' && item.conversationId === conversationId && item.userId === userId,
  );
}
