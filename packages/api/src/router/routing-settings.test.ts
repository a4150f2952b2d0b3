import { receiveInboundMessage } from '@switchboard/db/queries/intake';
import { conversations, memberships } from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const db = () => api.handle.db;

describe('inbox settings', () => {
  it('lets a lead set channels and the assignment policy, which intake then follows', async () => {
    const lead = await api.callerAs('lead');
    const { city, inbox, team } = await createCityInboxFixture(db());
    const agent = await api.createStaff('agent', { availability: 'online', channelCapacity: {} });
    await db().insert(memberships).values({ teamId: team.id, userId: agent.id });

    const settings = await lead.caller.routing.inbox({ id: inbox.id });
    expect(settings).toMatchObject({
      code: inbox.code,
      assignmentPolicy: { mode: 'manual' },
      members: [expect.objectContaining({ id: agent.id, openChats: 0 })],
    });
    await lead.caller.routing.updateInbox({
      id: inbox.id,
      name: settings.name,
      description: 'Airport and city rides',
      channels: ['chat', 'email'],
      active: true,
      assignmentPolicy: { mode: 'round_robin', replyLimitMinutes: 5 },
      rolloutNote: 'Lisbon chats are now assigned automatically.',
    });
    await lead.caller.routing.updateAgentRouting({
      userId: agent.id,
      channelCapacity: { chat: 4, email: 10 },
      skills: ['airport_transfers'],
      languages: ['en', 'pt-PT'],
    });
    const history = await lead.caller.changes.list({ entityType: 'inbox', entityId: inbox.id });
    expect(history.items[0]?.diff).toEqual([
      'Description: — → Airport and city rides',
      'Channels: removed WhatsApp, voice',
      'Assignment: manual → round robin, reply within 5 min',
    ]);

    const delivered = await receiveInboundMessage(db(), {
      channel: 'chat',
      audience: 'guest',
      externalMessageId: `chat-${uniqueSuffix()}`,
      contact: { externalId: `rider-${uniqueSuffix()}`, name: 'Inês', city: city.code },
      text: 'Hello?',
    });
    const [conversation] = await db()
      .select({ assigneeId: conversations.assigneeId })
      .from(conversations)
      .where(eq(conversations.id, delivered.conversationId));
    expect(conversation?.assigneeId).toBe(agent.id);
  });

  it('keeps agents and trainers out and names bad fields', async () => {
    const { inbox } = await createCityInboxFixture(db());
    const agent = await api.callerAs('agent');
    const trainer = await api.callerAs('trainer');
    const lead = await api.callerAs('lead');
    const edit = {
      id: inbox.id,
      name: 'Inbox',
      description: '',
      channels: ['chat' as const],
      active: true,
      assignmentPolicy: { mode: 'least_loaded' as const },
    };
    await expect(agent.caller.routing.inbox({ id: inbox.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(trainer.caller.routing.updateInbox(edit)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expectBadInput(lead.caller.routing.updateInbox({ ...edit, channels: [] }), 'channels');
    await expectBadInput(
      lead.caller.routing.updateInbox({
        ...edit,
        assignmentPolicy: { mode: 'round_robin', replyLimitMinutes: 0 },
      }),
      'assignmentPolicy.replyLimitMinutes',
    );
    await expect(
      lead.caller.routing.inbox({ id: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expectBadInput(
      lead.caller.routing.updateAgentRouting({
        userId: 'someone',
        channelCapacity: { chat: 99 },
        skills: [],
        languages: ['en'],
      }),
      'channelCapacity.chat',
    );
  });
});

describe('availability', () => {
  it('lets agents set their own and leads anyone’s', async () => {
    const agent = await api.callerAs('agent');
    const other = await api.createStaff('agent');
    const lead = await api.callerAs('lead');
    expect(await agent.caller.routing.setAvailability({ availability: 'away' })).toMatchObject({
      id: agent.userId,
      availability: 'away',
    });
    await expect(
      agent.caller.routing.setAvailability({ availability: 'offline', userId: other.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await lead.caller.routing.setAvailability({ availability: 'online', userId: other.id }),
    ).toMatchObject({ id: other.id, availability: 'online' });
    await expectBadInput(
      agent.caller.routing.setAvailability({ availability: 'asleep' as 'away' }),
      'availability',
    );
  });
});
