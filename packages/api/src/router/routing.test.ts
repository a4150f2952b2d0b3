import { createCityInboxFixture } from '@switchboard/db/testing';
import type { Role } from '@switchboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationFixture } from '../fixtures.ts';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe('routing.listInboxes', () => {
  const allowed: Record<Role, boolean> = { agent: false, lead: true, trainer: true, admin: true };
  for (const [role, isAllowed] of Object.entries(allowed) as [Role, boolean][]) {
    it(`${isAllowed ? 'lets' : 'forbids'} a ${role}`, async () => {
      await createCityInboxFixture(api.handle.db);
      const { caller } = await api.callerAs(role);
      if (isAllowed) {
        expect((await caller.routing.listInboxes({})).items.length).toBeGreaterThan(0);
      } else {
        await expect(caller.routing.listInboxes({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
    });
  }

  it('counts open and unassigned conversations per inbox in SQL', async () => {
    const { caller } = await api.callerAs('lead');
    const { inbox } = await createCityInboxFixture(api.handle.db);
    const agent = await api.createStaff('agent');
    await createConversationFixture(api.handle.db, { inboxId: inbox.id });
    await createConversationFixture(api.handle.db, { inboxId: inbox.id, assigneeId: agent.id });
    const page = await caller.routing.listInboxes({ search: inbox.code });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ code: inbox.code, openCount: 2, unassignedCount: 1 });
  });

  it('is UNAUTHORIZED signed out and BAD_REQUEST naming the field on bad input', async () => {
    await expect((await api.callerFor()).routing.listInboxes({})).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const { caller } = await api.callerAs('admin');
    await expectBadInput(caller.routing.listInboxes({ audience: 'pilot' as 'guest' }), 'audience');
    await expectBadInput(caller.routing.listInboxes({ sort: 'random' as 'name' }), 'sort');
  });
});
