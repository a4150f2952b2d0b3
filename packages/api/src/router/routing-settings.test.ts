import { receiveInboundMessage } from '@switchboard/db/queries/intake';
import { conversations, memberships } from '@switchboard/db/schema';
import { createCityInboxFixture, UNKNOWN_CITY_CODE, uniqueSuffix } from '@switchboard/db/testing';
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
      teamId: team.id,
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
    const { inbox, team } = await createCityInboxFixture(db());
    const agent = await api.callerAs('agent');
    const trainer = await api.callerAs('trainer');
    const lead = await api.callerAs('lead');
    const edit = {
      id: inbox.id,
      name: 'Inbox',
      description: '',
      teamId: team.id,
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
      lead.caller.routing.updateInbox({ ...edit, teamId: '00000000-0000-4000-8000-000000000000' }),
      'teamId',
    );
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

describe('creating inboxes and moving them between teams', () => {
  it('lets a lead open an inbox for a city and audience, worked by a team, versioned', async () => {
    const lead = await api.callerAs('lead');
    const { city, team } = await createCityInboxFixture(db());
    const other = await createCityInboxFixture(db());
    const code = `NEW_${uniqueSuffix()}`;
    const created = await lead.caller.routing.createInbox({
      code,
      name: 'Airport VIP',
      audience: 'guest',
      cityCode: city.code,
      teamId: team.id,
      channels: ['chat', 'whatsapp'],
      assignmentPolicy: { mode: 'least_loaded' },
      rolloutNote: 'VIP guests get their own inbox.',
    });
    expect(created).toMatchObject({ code, name: 'Airport VIP' });
    const settings = await lead.caller.routing.inbox({ id: created.id });
    expect(settings).toMatchObject({
      audience: 'guest',
      cityCode: city.code,
      teamId: team.id,
      channels: ['chat', 'whatsapp'],
      assignmentPolicy: { mode: 'least_loaded' },
      description: '',
      active: true,
    });
    const [first] = (await lead.caller.changes.list({ entityType: 'inbox', entityId: created.id }))
      .items;
    expect(first).toMatchObject({
      action: 'created',
      rolloutNote: 'VIP guests get their own inbox.',
    });
    expect(first?.diff).toContain(`Team: ${team.name}`);

    await lead.caller.routing.updateInbox({
      id: created.id,
      name: 'Airport VIP',
      description: '',
      teamId: other.team.id,
      channels: ['chat', 'whatsapp'],
      active: true,
      assignmentPolicy: { mode: 'least_loaded' },
    });
    expect((await lead.caller.routing.inbox({ id: created.id })).teamId).toBe(other.team.id);
    const [moved] = (await lead.caller.changes.list({ entityType: 'inbox', entityId: created.id }))
      .items;
    expect(moved?.diff).toEqual([`Team: ${team.name} → ${other.team.name}`]);
  });

  it('refuses a taken code, an unknown city or team, bad fields and non-leads, writing nothing', async () => {
    const lead = await api.callerAs('lead');
    const agent = await api.callerAs('agent');
    const { inbox, team } = await createCityInboxFixture(db());
    const input = {
      code: `NEW_${uniqueSuffix()}`,
      name: 'Inbox',
      audience: 'driver' as const,
      cityCode: null,
      teamId: team.id,
      channels: ['email' as const],
    };
    await expect(agent.caller.routing.createInbox(input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      lead.caller.routing.createInbox({ ...input, code: inbox.code }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/exists already/) });
    await expectBadInput(
      lead.caller.routing.createInbox({ ...input, cityCode: UNKNOWN_CITY_CODE }),
      'cityCode',
    );
    await expectBadInput(
      lead.caller.routing.createInbox({ ...input, teamId: '00000000-0000-4000-8000-000000000000' }),
      'teamId',
    );
    await expectBadInput(lead.caller.routing.createInbox({ ...input, code: 'lower' }), 'code');
    await expectBadInput(
      lead.caller.routing.createInbox({ ...input, audience: 'pilot' as 'guest' }),
      'audience',
    );
    const listed = await lead.caller.routing.listInboxes({
      search: input.code,
      limit: 10,
      offset: 0,
    });
    expect(listed.total).toBe(0);
    // Serves every city when no city is given.
    const everywhere = await lead.caller.routing.createInbox(input);
    expect((await lead.caller.routing.inbox({ id: everywhere.id })).cityCode).toBeNull();
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
