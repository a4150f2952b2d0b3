import { randomUUID } from 'node:crypto';
import { mentions } from '@switchboard/db/schema';
import { createCityInboxFixture } from '@switchboard/db/testing';
import {
  type ClockEvent,
  clocksOf,
  DEFAULT_SLA_TARGETS,
  MAX_MESSAGE_LENGTH,
  mentionHandleOf,
  replaySlaClocks,
} from '@switchboard/domain';
import { type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conversationSnapshot,
  createConversationFixture,
  createTaxonomyFixture,
  eventsOf,
} from '../fixtures.ts';
import { appRouter } from '../root.ts';
import { createTestApi, sessionCookie, TEST_BASE_URL, type TestApi } from '../testing.ts';

type Caller = Awaited<ReturnType<TestApi['callerFor']>>;
interface SignedIn {
  caller: Caller;
  userId: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let api: TestApi;
/** Signed in, but on no team that owns a test inbox. */
let outsiderAgent: SignedIn;
let outsiderLead: SignedIn;
let trainer: SignedIn;
let admin: SignedIn;
let signedOut: Caller;
let taxonomy: Awaited<ReturnType<typeof createTaxonomyFixture>>;

beforeAll(async () => {
  api = await createTestApi();
  [outsiderAgent, outsiderLead, trainer, admin] = await Promise.all([
    api.callerAs('agent'),
    api.callerAs('lead'),
    api.callerAs('trainer'),
    api.callerAs('admin'),
  ]);
  signedOut = await api.callerFor();
  taxonomy = await createTaxonomyFixture(api.handle.db);
});
afterAll(() => api.close());

const db = () => api.handle.db;

/** A fresh inbox of its own city and team, with a member agent and a member lead. */
async function workspace() {
  const [agent, lead] = await Promise.all([api.callerAs('agent'), api.callerAs('lead')]);
  const fixture = await createCityInboxFixture(db(), { memberIds: [agent.userId, lead.userId] });
  return { agent, lead, ...fixture };
}

/** A staff member with a chosen name, signed in. */
async function signedInAs(role: 'agent' | 'lead' | 'trainer' | 'admin', name: string) {
  const staff = await api.createStaff(role, { name });
  const response = await api.signIn(staff.email);
  return { caller: await api.callerFor(sessionCookie(response)), userId: staff.id };
}

async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  return call.then(
    () => {
      throw new Error('expected the call to be refused, but it succeeded');
    },
    (error: unknown) => {
      if (!(error instanceof TRPCError)) throw error;
      return error;
    },
  );
}

/** What a client receives for `error`: the app's error formatter applied. */
function shapeOf(error: TRPCError) {
  return getErrorShape({
    config: appRouter._def._config,
    error,
    type: 'mutation',
    path: 'conversations',
    input: undefined,
    ctx: undefined,
  }) as { message: string; data: { fieldErrors: { path: string; message: string }[] | null } };
}

/** Asserts the refusal's code and, when given, that the client is told which field failed. */
async function expectRefused(
  call: Promise<unknown>,
  code: TRPC_ERROR_CODE_KEY,
  field?: string,
): Promise<TRPCError> {
  const error = await refusal(call);
  expect(error.code, error.message).toBe(code);
  if (field !== undefined) {
    const shape = shapeOf(error);
    expect(shape.data.fieldErrors?.map((fieldError) => fieldError.path)).toContain(field);
    expect(shape.message).toContain(field);
  }
  return error;
}

/** Runs a refused call and asserts the conversation's row, messages, events, tags are untouched. */
async function expectRefusedUnchanged(
  conversationId: string,
  call: () => Promise<unknown>,
  code: TRPC_ERROR_CODE_KEY,
  field?: string,
) {
  const before = await conversationSnapshot(db(), conversationId);
  const error = await expectRefused(call(), code, field);
  expect(await conversationSnapshot(db(), conversationId)).toEqual(before);
  return error;
}

interface ActionContext {
  conversationId: string;
  assigneeId: string;
  otherInboxId: string;
}

/** Every conversation procedure, called with input that makes a real change. */
const PROCEDURES: [string, (caller: Caller, context: ActionContext) => Promise<unknown>][] = [
  ['byId', (caller, { conversationId }) => caller.conversations.byId({ conversationId })],
  ['options', (caller, { conversationId }) => caller.conversations.options({ conversationId })],
  [
    'send',
    (caller, { conversationId }) =>
      caller.conversations.send({
        conversationId,
        kind: 'reply',
        body: 'Your driver is two minutes away.',
        clientId: randomUUID(),
      }),
  ],
  [
    'assign',
    (caller, { conversationId, assigneeId }) =>
      caller.conversations.assign({ conversationId, assigneeId }),
  ],
  [
    'transfer',
    (caller, { conversationId, otherInboxId }) =>
      caller.conversations.transfer({
        conversationId,
        inboxId: otherInboxId,
        reason: 'Payout question',
      }),
  ],
  [
    'setStatus',
    (caller, { conversationId }) =>
      caller.conversations.setStatus({ conversationId, status: 'pending' }),
  ],
  [
    'setPriority',
    (caller, { conversationId }) =>
      caller.conversations.setPriority({ conversationId, priority: 'P2' }),
  ],
  [
    'setTags',
    (caller, { conversationId }) =>
      caller.conversations.setTags({ conversationId, tags: [taxonomy.tagA.code] }),
  ],
  [
    'classify',
    (caller, { conversationId }) =>
      caller.conversations.classify({
        conversationId,
        requestTypeCode: taxonomy.guestType.code,
        reasonCode: taxonomy.reason.code,
      }),
  ],
];

describe('who may work a conversation', () => {
  it.each(PROCEDURES)(
    '%s: agents and leads of its inbox, trainers and admins may; others are refused and change nothing',
    async (_name, call) => {
      const { agent, lead, inbox } = await workspace();
      const other = await createCityInboxFixture(db());
      const context = async () => ({
        conversationId: (await createConversationFixture(db(), { inboxId: inbox.id })).conversation
          .id,
        assigneeId: agent.userId,
        otherInboxId: other.inbox.id,
      });
      for (const allowed of [agent, lead, trainer, admin]) {
        await expect(call(allowed.caller, await context())).resolves.toBeDefined();
      }
      for (const refused of [outsiderAgent, outsiderLead]) {
        const ctx = await context();
        await expectRefusedUnchanged(
          ctx.conversationId,
          () => call(refused.caller, ctx),
          'FORBIDDEN',
        );
      }
      const ctx = await context();
      await expectRefusedUnchanged(ctx.conversationId, () => call(signedOut, ctx), 'UNAUTHORIZED');
    },
  );

  it.each(PROCEDURES)('%s: an unknown conversation is NOT_FOUND', async (_name, call) => {
    const { agent } = await workspace();
    await expectRefused(
      call(agent.caller, {
        conversationId: UNKNOWN_ID,
        assigneeId: agent.userId,
        otherInboxId: UNKNOWN_ID,
      }),
      'NOT_FOUND',
    );
  });

  it('lets an agent work a conversation assigned to them in an inbox they do not work', async () => {
    const { inbox } = await createCityInboxFixture(db());
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      assigneeId: outsiderAgent.userId,
    });
    const detail = await outsiderAgent.caller.conversations.byId({
      conversationId: conversation.id,
    });
    expect(detail.conversation.id).toBe(conversation.id);
    await outsiderAgent.caller.conversations.setPriority({
      conversationId: conversation.id,
      priority: 'P3',
    });
  });

  it('the inbox view is FORBIDDEN outside the viewer’s inboxes, and everything UNAUTHORIZED signed out', async () => {
    const { agent, lead, inbox } = await workspace();
    for (const refused of [outsiderAgent, outsiderLead]) {
      await expectRefused(
        refused.caller.conversations.view({ view: 'inbox', inboxId: inbox.id }),
        'FORBIDDEN',
      );
    }
    for (const allowed of [agent, lead, trainer, admin]) {
      await expect(
        allowed.caller.conversations.view({ view: 'inbox', inboxId: inbox.id }),
      ).resolves.toMatchObject({ total: 0 });
    }
    await expectRefused(signedOut.conversations.view({ view: 'mine' }), 'UNAUTHORIZED');
    await expectRefused(signedOut.conversations.viewCounts(), 'UNAUTHORIZED');
    await expectRefused(signedOut.conversations.filterOptions(), 'UNAUTHORIZED');
  });

  it('lists nothing from other teams’ inboxes in the other views', async () => {
    const { inbox } = await createCityInboxFixture(db());
    await createConversationFixture(db(), { inboxId: inbox.id });
    await createConversationFixture(db(), { inboxId: inbox.id, status: 'pending' });
    const { agent } = await workspace();
    for (const view of ['mine', 'unassigned', 'pending', 'snoozed', 'sla', 'resolved'] as const) {
      expect((await agent.caller.conversations.view({ view })).total, view).toBe(0);
    }
  });
});

describe('conversations.view and viewCounts', () => {
  async function inboxWithEveryKindOfConversation() {
    const ws = await workspace();
    const { agent, lead, inbox, city } = ws;
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms);
    const make = (options: Omit<Parameters<typeof createConversationFixture>[1], 'inboxId'>) =>
      createConversationFixture(db(), { inboxId: inbox.id, ...options }).then(
        ({ conversation, contact }) => ({ ...conversation, contactName: contact.name }),
      );
    const u1 = await make({
      priority: 'P1',
      channel: 'chat',
      cityId: city.id,
      requestTypeId: taxonomy.guestType.id,
      contactName: `Zelia Unassigned ${randomUUID().slice(0, 8)}`,
      slaDueAt: at(-10 * MINUTE),
      lastMessageAt: at(-50 * MINUTE),
    });
    const u2 = await make({
      priority: 'P3',
      channel: 'whatsapp',
      audience: 'driver',
      slaDueAt: at(3 * HOUR),
      lastMessageAt: at(-10 * MINUTE),
    });
    const m1 = await make({
      priority: 'P2',
      channel: 'email',
      assigneeId: agent.userId,
      slaDueAt: at(10 * MINUTE),
      lastMessageAt: at(-30 * MINUTE),
    });
    const m2 = await make({
      priority: 'P4',
      assigneeId: agent.userId,
      slaDueAt: at(2 * 24 * HOUR),
      lastMessageAt: at(-5 * MINUTE),
    });
    const ofLead = await make({
      priority: 'P3',
      assigneeId: lead.userId,
      slaDueAt: at(5 * HOUR),
      lastMessageAt: at(-20 * MINUTE),
    });
    const pending = await make({ status: 'pending', assigneeId: agent.userId });
    const snoozed = await make({ status: 'snoozed', assigneeId: agent.userId });
    const resolved = await make({ status: 'resolved', assigneeId: agent.userId });
    await make({ status: 'closed', assigneeId: agent.userId });
    // Assigned to the agent in an inbox of another team: in Mine, not in the inbox counts.
    const elsewhere = await createCityInboxFixture(db());
    const foreign = await createConversationFixture(db(), {
      inboxId: elsewhere.inbox.id,
      assigneeId: agent.userId,
      slaDueAt: at(24 * HOUR),
    });
    await agent.caller.conversations.setTags({ conversationId: u1.id, tags: [taxonomy.tagA.code] });
    return {
      ...ws,
      u1,
      u2,
      m1,
      m2,
      ofLead,
      pending,
      snoozed,
      resolved,
      foreign: foreign.conversation,
    };
  }

  const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

  it('lists each view, sorted by SLA, and the counts agree with the views', async () => {
    const f = await inboxWithEveryKindOfConversation();
    const view = f.agent.caller.conversations.view;
    const expected = {
      mine: [f.m1.id, f.foreign.id, f.m2.id],
      unassigned: [f.u1.id, f.u2.id],
      pending: [f.pending.id],
      snoozed: [f.snoozed.id],
      sla: [f.u1.id, f.m1.id],
      resolved: [f.resolved.id],
      mentions: [],
    } as const;
    for (const [name, wanted] of Object.entries(expected)) {
      const page = await view({ view: name as keyof typeof expected });
      expect(ids(page), name).toEqual(wanted);
      expect(page.total, name).toBe(wanted.length);
    }
    const inboxPage = await view({ view: 'inbox', inboxId: f.inbox.id });
    expect(ids(inboxPage)).toEqual([f.u1.id, f.m1.id, f.u2.id, f.ofLead.id, f.m2.id]);

    const counts = await f.agent.caller.conversations.viewCounts();
    expect(counts).toEqual({
      mine: 3,
      unassigned: 2,
      pending: 1,
      snoozed: 1,
      sla: 2,
      mentions: 0,
      resolved: 1,
      inboxes: [{ id: f.inbox.id, name: f.inbox.name, code: f.inbox.code, open: 5, unassigned: 2 }],
    });
    expect(inboxPage.total).toBe(counts.inboxes[0]!.open);

    // The rows carry what the inbox list shows.
    expect(inboxPage.items[0]).toMatchObject({
      id: f.u1.id,
      number: f.u1.number,
      contactName: f.u1.contactName,
      inboxName: f.inbox.name,
      cityCode: f.city.code,
      requestTypeName: taxonomy.guestType.name,
      assigneeName: null,
      status: 'open',
    });
    expect(inboxPage.items[1]).toMatchObject({
      assigneeName: expect.stringMatching(/^Test agent/),
    });
  });

  it('the lead of the inbox sees the same queue; trainers and admins see it through the inbox view', async () => {
    const f = await inboxWithEveryKindOfConversation();
    const leadCounts = await f.lead.caller.conversations.viewCounts();
    expect(leadCounts).toMatchObject({ mine: 1, unassigned: 2, pending: 1, snoozed: 1, sla: 2 });
    expect(ids(await f.lead.caller.conversations.view({ view: 'mine' }))).toEqual([f.ofLead.id]);
    for (const viewer of [trainer, admin]) {
      const page = await viewer.caller.conversations.view({ view: 'inbox', inboxId: f.inbox.id });
      expect(page.total).toBe(5);
    }
  });

  it('filters by channel, audience, city, priority, request type, tag, assignee and search', async () => {
    const f = await inboxWithEveryKindOfConversation();
    const inboxView = (filters: Record<string, string>) =>
      f.agent.caller.conversations
        .view({ view: 'inbox', inboxId: f.inbox.id, ...filters })
        .then((page) => {
          expect(page.total).toBe(page.items.length);
          return ids(page);
        });
    expect(await inboxView({ channel: 'whatsapp' })).toEqual([f.u2.id]);
    expect(await inboxView({ channel: 'voice' })).toEqual([]);
    expect(await inboxView({ audience: 'driver' })).toEqual([f.u2.id]);
    expect(await inboxView({ cityCode: f.city.code })).toEqual([f.u1.id]);
    expect(await inboxView({ priority: 'P2' })).toEqual([f.m1.id]);
    expect(await inboxView({ requestTypeCode: taxonomy.guestType.code })).toEqual([f.u1.id]);
    expect(await inboxView({ tag: taxonomy.tagA.code })).toEqual([f.u1.id]);
    expect(await inboxView({ tag: taxonomy.tagB.code })).toEqual([]);
    expect(await inboxView({ assigneeId: f.agent.userId })).toEqual([f.m1.id, f.m2.id]);
    expect(await inboxView({ assigneeId: 'none' })).toEqual([f.u1.id, f.u2.id]);
    expect(await inboxView({ search: `#${f.m2.number}` })).toEqual([f.m2.id]);
    expect(await inboxView({ search: String(f.m2.number) })).toEqual([f.m2.id]);
    expect(await inboxView({ search: f.u1.contactName.slice(0, 14).toUpperCase() })).toEqual([
      f.u1.id,
    ]);
    expect(await inboxView({ search: '100%_' })).toEqual([]);
    // Filters apply to the other views too.
    const mine = await f.agent.caller.conversations.view({ view: 'mine', channel: 'email' });
    expect(ids(mine)).toEqual([f.m1.id]);
  });

  it('sorts by SLA, newest, oldest and priority, and pages', async () => {
    const f = await inboxWithEveryKindOfConversation();
    const sorted = (sort: 'sla' | 'newest' | 'oldest' | 'priority') =>
      f.agent.caller.conversations.view({ view: 'inbox', inboxId: f.inbox.id, sort }).then(ids);
    expect(await sorted('sla')).toEqual([f.u1.id, f.m1.id, f.u2.id, f.ofLead.id, f.m2.id]);
    expect(await sorted('newest')).toEqual([f.m2.id, f.u2.id, f.ofLead.id, f.m1.id, f.u1.id]);
    expect(await sorted('oldest')).toEqual([f.u1.id, f.m1.id, f.ofLead.id, f.u2.id, f.m2.id]);
    expect(await sorted('priority')).toEqual([f.u1.id, f.m1.id, f.u2.id, f.ofLead.id, f.m2.id]);
    const second = await f.agent.caller.conversations.view({
      view: 'inbox',
      inboxId: f.inbox.id,
      limit: 2,
      offset: 2,
    });
    expect(ids(second)).toEqual([f.u2.id, f.ofLead.id]);
    expect(second).toMatchObject({ total: 5, limit: 2, offset: 2 });
  });

  it('names the field on bad input', async () => {
    const { agent } = await workspace();
    await expectRefused(
      agent.caller.conversations.view({ view: 'inbox' }),
      'BAD_REQUEST',
      'inboxId',
    );
    await expectRefused(
      agent.caller.conversations.view({ view: 'mine', cityCode: 'lisbon' }),
      'BAD_REQUEST',
      'cityCode',
    );
    await expectRefused(
      agent.caller.conversations.view({ view: 'mine', sort: 'random' as 'sla' }),
      'BAD_REQUEST',
      'sort',
    );
    await expectRefused(
      agent.caller.conversations.view({ view: 'archive' as 'mine' }),
      'BAD_REQUEST',
      'view',
    );
  });
});

describe('conversations.byId, options and filterOptions', () => {
  it('returns the timeline, contact, tags and the contact’s other conversations', async () => {
    const { agent, inbox } = await workspace();
    const { conversation, contact } = await createConversationFixture(db(), { inboxId: inbox.id });
    await agent.caller.conversations.setTags({
      conversationId: conversation.id,
      tags: [taxonomy.tagA.code],
    });
    const detail = await agent.caller.conversations.byId({ conversationId: conversation.id });
    expect(detail.conversation).toMatchObject({ id: conversation.id, inboxName: inbox.name });
    expect(detail.contact?.name).toBe(contact.name);
    expect(detail.messages).toHaveLength(1);
    expect(detail.events.map((event) => event.type)).toEqual([
      'created',
      'message_received',
      'tagged',
    ]);
    expect(detail.tags.map((tag) => tag.code)).toEqual([taxonomy.tagA.code]);
    expect(detail.pastConversations).toEqual([]);
  });

  it('offers the taxonomy of the conversation’s audience, the inbox’s colleagues and the inboxes', async () => {
    // The colleague and inbox lists are capped and sorted by name, and a PostgreSQL that
    // outlives runs keeps every earlier run's admins and inboxes: name this run's first.
    const first = `0 ${String(1e13 - Date.now()).padStart(13, '0')}`;
    const [agent, lead, newAdmin] = await Promise.all([
      signedInAs('agent', `${first} agent`),
      signedInAs('lead', `${first} lead`),
      signedInAs('admin', `${first} admin`),
    ]);
    const { inbox } = await createCityInboxFixture(db(), {
      memberIds: [agent.userId, lead.userId],
    });
    const { inboxes } = await import('@switchboard/db/schema');
    await db()
      .update(inboxes)
      .set({ name: `${first} inbox` })
      .where(eq(inboxes.id, inbox.id));
    const { conversation } = await createConversationFixture(db(), { inboxId: inbox.id });
    const options = await agent.caller.conversations.options({ conversationId: conversation.id });
    const typeCodes = options.requestTypes.map((type) => type.code);
    expect(typeCodes).toContain(taxonomy.guestType.code);
    expect(typeCodes).not.toContain(taxonomy.driverType.code);
    expect(typeCodes).not.toContain(taxonomy.deprecatedType.code);
    expect(typeCodes).not.toContain(taxonomy.retiredParentType.code);
    expect(
      options.requestTypes.find((type) => type.code === taxonomy.guestType.code)?.reasons,
    ).toEqual([{ code: taxonomy.reason.code, name: taxonomy.reason.name }]);
    const tagCodes = options.tags.map((tag) => tag.code);
    expect(tagCodes).toContain(taxonomy.tagA.code);
    expect(tagCodes).not.toContain(taxonomy.deprecatedTag.code);
    const assignees = options.assignees.map((user) => user.id);
    expect(assignees.slice(0, 3)).toEqual([newAdmin.userId, agent.userId, lead.userId]);
    expect(assignees).not.toContain(outsiderAgent.userId);
    expect(options.inboxes[0]).toMatchObject({ id: inbox.id, name: `${first} inbox` });
  });

  it('offers the filter choices: cities, request types, tags and colleagues', async () => {
    const { agent, city } = await workspace();
    const choices = await agent.caller.conversations.filterOptions();
    expect(choices.cities.map((item) => item.code)).toContain(city.code);
    expect(choices.tags.map((tag) => tag.code)).toContain(taxonomy.tagA.code);
    expect(choices.tags.map((tag) => tag.code)).not.toContain(taxonomy.deprecatedTag.code);
    expect(choices.requestTypes.map((type) => type.code)).toContain(taxonomy.driverType.code);
  });

  it('names conversationId when it is malformed', async () => {
    const { agent } = await workspace();
    await expectRefused(
      agent.caller.conversations.byId({ conversationId: 'abc' }),
      'BAD_REQUEST',
      'conversationId',
    );
  });
});

describe('conversations.send', () => {
  it('a reply is stored, auto-assigns an unassigned conversation and stops the response clock', async () => {
    const { lead, inbox } = await workspace();
    const createdAt = new Date(Date.now() - 5 * MINUTE);
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      priority: 'P1',
      createdAt,
    });
    expect(conversation.slaDueAt).toEqual(
      new Date(createdAt.getTime() + DEFAULT_SLA_TARGETS.P1.firstResponseMs),
    );
    const clientId = randomUUID();
    const sent = await lead.caller.conversations.send({
      conversationId: conversation.id,
      kind: 'reply',
      body: '  We are calling your driver now.  ',
      clientId,
    });
    expect(sent.duplicate).toBe(false);

    const after = await conversationSnapshot(db(), conversation.id);
    expect(after.row).toMatchObject({
      assigneeId: lead.userId,
      firstResponseDueAt: null,
      nextResponseDueAt: null,
      lastMessagePreview: 'We are calling your driver now.',
      slaDueAt: new Date(createdAt.getTime() + DEFAULT_SLA_TARGETS.P1.resolutionMs),
    });
    expect(after.row!.firstResponseAt).toBeInstanceOf(Date);
    expect(after.messages.at(-1)).toMatchObject({
      id: sent.messageId,
      direction: 'outbound',
      kind: 'message',
      authorType: 'agent',
      authorUserId: lead.userId,
      body: 'We are calling your driver now.',
      clientId,
      channel: 'chat',
    });
    expect(
      after.events.slice(2).map(({ type, actorType, actorUserId, payload }) => ({
        type,
        actorType,
        actorUserId,
        payload,
      })),
    ).toEqual([
      {
        type: 'assigned',
        actorType: 'agent',
        actorUserId: lead.userId,
        payload: { from: null, to: lead.userId, assigneeName: expect.any(String), auto: 'reply' },
      },
      {
        type: 'reply_sent',
        actorType: 'agent',
        actorUserId: lead.userId,
        payload: { messageId: sent.messageId },
      },
    ]);
  });

  it('a reply keeps an existing assignee', async () => {
    const { agent, lead, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      assigneeId: agent.userId,
    });
    await lead.caller.conversations.send({
      conversationId: conversation.id,
      kind: 'reply',
      body: 'Stepping in while Ana is on a call.',
      clientId: randomUUID(),
    });
    const after = await conversationSnapshot(db(), conversation.id);
    expect(after.row?.assigneeId).toBe(agent.userId);
    expect(after.events.map((event) => event.type)).not.toContain('assigned');
  });

  it('a retried send with the same clientId is stored once', async () => {
    const { agent, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), { inboxId: inbox.id });
    const input = {
      conversationId: conversation.id,
      kind: 'reply' as const,
      body: 'Sorry for the wait.',
      clientId: randomUUID(),
    };
    const first = await agent.caller.conversations.send(input);
    const afterFirst = await conversationSnapshot(db(), conversation.id);
    const retry = await agent.caller.conversations.send(input);
    expect(retry).toEqual({ messageId: first.messageId, duplicate: true });
    expect(await conversationSnapshot(db(), conversation.id)).toEqual(afterFirst);
    expect(
      afterFirst.messages.filter((message) => message.clientId === input.clientId),
    ).toHaveLength(1);
  });

  it('refuses a clientId already used on another conversation, changing nothing', async () => {
    const { agent, inbox } = await workspace();
    const first = await createConversationFixture(db(), { inboxId: inbox.id });
    const second = await createConversationFixture(db(), { inboxId: inbox.id });
    const clientId = randomUUID();
    await agent.caller.conversations.send({
      conversationId: first.conversation.id,
      kind: 'note',
      body: 'Checked the GPS trace.',
      clientId,
    });
    await expectRefusedUnchanged(
      second.conversation.id,
      () =>
        agent.caller.conversations.send({
          conversationId: second.conversation.id,
          kind: 'note',
          body: 'Checked the GPS trace.',
          clientId,
        }),
      'BAD_REQUEST',
      'clientId',
    );
  });

  it('an internal note neither answers the customer nor stops the clock', async () => {
    const { agent, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), { inboxId: inbox.id });
    const before = await conversationSnapshot(db(), conversation.id);
    const sent = await agent.caller.conversations.send({
      conversationId: conversation.id,
      kind: 'note',
      body: 'Driver says he is at door 3.',
      clientId: randomUUID(),
    });
    const after = await conversationSnapshot(db(), conversation.id);
    expect(after.row).toMatchObject({
      assigneeId: null,
      firstResponseAt: null,
      slaDueAt: before.row!.slaDueAt,
      firstResponseDueAt: before.row!.firstResponseDueAt,
      lastMessagePreview: before.row!.lastMessagePreview,
    });
    expect(after.messages.at(-1)).toMatchObject({ kind: 'note', deliveredAt: null });
    expect(after.events.at(-1)).toMatchObject({
      type: 'note_added',
      actorUserId: agent.userId,
      payload: { messageId: sent.messageId },
    });
  });

  it('@mentions create mentions only for colleagues who can see the conversation, until they open it', async () => {
    const { agent, lead, inbox } = await workspace();
    const mentionedTrainer = await api.callerAs('trainer');
    const { conversation } = await createConversationFixture(db(), { inboxId: inbox.id });
    const handle = async (userId: string) => {
      const { users } = await import('@switchboard/db/schema');
      const [user] = await db().select().from(users).where(eq(users.id, userId));
      return mentionHandleOf(user!.email);
    };
    const body = `@${await handle(lead.userId)} can you approve? cc @${await handle(
      mentionedTrainer.userId,
    )} @${await handle(outsiderAgent.userId)} @${await handle(agent.userId)} @nobody.here`;
    const sent = await agent.caller.conversations.send({
      conversationId: conversation.id,
      kind: 'note',
      body,
      clientId: randomUUID(),
    });
    const rows = await db()
      .select()
      .from(mentions)
      .where(eq(mentions.conversationId, conversation.id));
    expect(rows.map((row) => row.mentionedUserId).sort()).toEqual(
      [lead.userId, mentionedTrainer.userId].sort(),
    );
    expect(rows.every((row) => row.messageId === sent.messageId)).toBe(true);
    expect(rows.every((row) => row.mentionedById === agent.userId && row.readAt === null)).toBe(
      true,
    );
    const events = await eventsOf(db(), conversation.id);
    expect(events.at(-1)).toMatchObject({ type: 'mentioned', actorUserId: agent.userId });
    expect((events.at(-1)!.payload.userIds as string[]).sort()).toEqual(
      [lead.userId, mentionedTrainer.userId].sort(),
    );

    for (const colleague of [lead, mentionedTrainer]) {
      expect((await colleague.caller.conversations.viewCounts()).mentions).toBe(1);
      const page = await colleague.caller.conversations.view({ view: 'mentions' });
      expect(page.items.map((item) => item.id)).toEqual([conversation.id]);
      expect(page.total).toBe(1);
    }
    expect((await outsiderAgent.caller.conversations.viewCounts()).mentions).toBe(0);

    await lead.caller.conversations.byId({ conversationId: conversation.id });
    expect((await lead.caller.conversations.viewCounts()).mentions).toBe(0);
    expect((await lead.caller.conversations.view({ view: 'mentions' })).total).toBe(0);
    // Only the reader's mentions are marked read.
    expect((await mentionedTrainer.caller.conversations.viewCounts()).mentions).toBe(1);
  });

  it('refuses an over-long message naming body, and a closed conversation as CONFLICT, changing nothing', async () => {
    const { agent, inbox } = await workspace();
    const open = await createConversationFixture(db(), { inboxId: inbox.id });
    await expectRefusedUnchanged(
      open.conversation.id,
      () =>
        agent.caller.conversations.send({
          conversationId: open.conversation.id,
          kind: 'reply',
          body: 'x'.repeat(MAX_MESSAGE_LENGTH + 1),
          clientId: randomUUID(),
        }),
      'BAD_REQUEST',
      'body',
    );
    await expectRefusedUnchanged(
      open.conversation.id,
      () =>
        agent.caller.conversations.send({
          conversationId: open.conversation.id,
          kind: 'reply',
          body: 'hello',
          clientId: 'retry-1',
        }),
      'BAD_REQUEST',
      'clientId',
    );
    const closed = await createConversationFixture(db(), { inboxId: inbox.id, status: 'closed' });
    await expectRefusedUnchanged(
      closed.conversation.id,
      () =>
        agent.caller.conversations.send({
          conversationId: closed.conversation.id,
          kind: 'reply',
          body: 'Are you still there?',
          clientId: randomUUID(),
        }),
      'CONFLICT',
    );
  });
});

describe('conversations.assign', () => {
  it('assigns to a colleague of the inbox and unassigns, logging who did it and from/to', async () => {
    const { agent, lead, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), { inboxId: inbox.id });
    await lead.caller.conversations.assign({
      conversationId: conversation.id,
      assigneeId: agent.userId,
    });
    let after = await conversationSnapshot(db(), conversation.id);
    expect(after.row?.assigneeId).toBe(agent.userId);
    expect(after.events.at(-1)).toMatchObject({
      type: 'assigned',
      actorType: 'agent',
      actorUserId: lead.userId,
      payload: { from: null, to: agent.userId, assigneeName: expect.any(String) },
    });
    // Admins may take a conversation in any inbox.
    await lead.caller.conversations.assign({
      conversationId: conversation.id,
      assigneeId: admin.userId,
    });
    await lead.caller.conversations.assign({ conversationId: conversation.id, assigneeId: null });
    after = await conversationSnapshot(db(), conversation.id);
    expect(after.row?.assigneeId).toBeNull();
    expect(after.events.at(-1)).toMatchObject({
      type: 'unassigned',
      actorUserId: lead.userId,
      payload: { from: admin.userId, to: null },
    });
    // Assigning to whoever already has it changes nothing.
    const unchanged = await conversationSnapshot(db(), conversation.id);
    await lead.caller.conversations.assign({ conversationId: conversation.id, assigneeId: null });
    expect(await conversationSnapshot(db(), conversation.id)).toEqual(unchanged);
  });

  it('refuses colleagues outside the inbox and unknown people, naming assigneeId, changing nothing', async () => {
    const { agent, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), { inboxId: inbox.id });
    for (const assigneeId of [outsiderAgent.userId, 'no-such-user', '']) {
      await expectRefusedUnchanged(
        conversation.id,
        () => agent.caller.conversations.assign({ conversationId: conversation.id, assigneeId }),
        'BAD_REQUEST',
        'assigneeId',
      );
    }
  });
});

describe('conversations.transfer', () => {
  it('moves the conversation with a reason; an assignee who does not work the new inbox lets go', async () => {
    const { agent, inbox } = await workspace();
    const target = await createCityInboxFixture(db());
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      assigneeId: agent.userId,
    });
    await agent.caller.conversations.transfer({
      conversationId: conversation.id,
      inboxId: target.inbox.id,
      reason: '  Driver payout, not a guest issue ',
    });
    const after = await conversationSnapshot(db(), conversation.id);
    expect(after.row).toMatchObject({ inboxId: target.inbox.id, assigneeId: null });
    expect(after.events.slice(-2)).toMatchObject([
      {
        type: 'transferred',
        actorUserId: agent.userId,
        payload: {
          fromInboxId: inbox.id,
          toInboxId: target.inbox.id,
          toInboxName: target.inbox.name,
          reason: 'Driver payout, not a guest issue',
        },
      },
      { type: 'unassigned', payload: { from: agent.userId, to: null } },
    ]);
    // Having handed it over, the agent no longer works it.
    await expectRefused(
      agent.caller.conversations.byId({ conversationId: conversation.id }),
      'FORBIDDEN',
    );
  });

  it('keeps the assignee when they also work the new inbox', async () => {
    const { agent, inbox } = await workspace();
    const target = await createCityInboxFixture(db(), { memberIds: [agent.userId] });
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      assigneeId: agent.userId,
    });
    await agent.caller.conversations.transfer({
      conversationId: conversation.id,
      inboxId: target.inbox.id,
      reason: 'Wrong city',
    });
    const after = await conversationSnapshot(db(), conversation.id);
    expect(after.row).toMatchObject({ inboxId: target.inbox.id, assigneeId: agent.userId });
    expect(after.events.at(-1)?.type).toBe('transferred');
  });

  it('refuses the same inbox, an unknown or inactive inbox and a missing reason, changing nothing', async () => {
    const { agent, inbox } = await workspace();
    const inactive = await createCityInboxFixture(db());
    const { inboxes } = await import('@switchboard/db/schema');
    await db().update(inboxes).set({ active: false }).where(eq(inboxes.id, inactive.inbox.id));
    const { conversation } = await createConversationFixture(db(), { inboxId: inbox.id });
    const transfer =
      (inboxId: string, reason = 'Moving it on') =>
      () =>
        agent.caller.conversations.transfer({ conversationId: conversation.id, inboxId, reason });
    await expectRefusedUnchanged(conversation.id, transfer(inbox.id), 'BAD_REQUEST', 'inboxId');
    await expectRefusedUnchanged(conversation.id, transfer(UNKNOWN_ID), 'BAD_REQUEST', 'inboxId');
    await expectRefusedUnchanged(
      conversation.id,
      transfer(inactive.inbox.id),
      'BAD_REQUEST',
      'inboxId',
    );
    await expectRefusedUnchanged(conversation.id, transfer('LIS'), 'BAD_REQUEST', 'inboxId');
    await expectRefusedUnchanged(
      conversation.id,
      transfer(inactive.inbox.id, ' x '),
      'BAD_REQUEST',
      'reason',
    );
  });
});

describe('conversations.setStatus', () => {
  it('pending pauses the SLA clock and reopening it pushes the due times by the pause', async () => {
    const { agent, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      assigneeId: agent.userId,
      priority: 'P2',
    });
    await agent.caller.conversations.setStatus({
      conversationId: conversation.id,
      status: 'pending',
    });
    const paused = await conversationSnapshot(db(), conversation.id);
    expect(paused.row).toMatchObject({ status: 'pending', slaDueAt: null });
    expect(paused.row!.slaPausedAt).toBeInstanceOf(Date);
    expect(paused.events.at(-1)).toMatchObject({
      type: 'status_changed',
      actorUserId: agent.userId,
      payload: { from: 'open', to: 'pending' },
    });
    const pendingCounts = await agent.caller.conversations.viewCounts();
    expect(pendingCounts).toMatchObject({ pending: 1, mine: 0, sla: 0 });

    await new Promise((resolve) => setTimeout(resolve, 30));
    await agent.caller.conversations.setStatus({ conversationId: conversation.id, status: 'open' });
    const resumed = (await conversationSnapshot(db(), conversation.id)).row!;
    expect(resumed.slaPausedAt).toBeNull();
    const push = resumed.firstResponseDueAt!.getTime() - conversation.firstResponseDueAt!.getTime();
    expect(push).toBeGreaterThanOrEqual(30);
    expect(resumed.resolutionDueAt!.getTime() - conversation.resolutionDueAt!.getTime()).toBe(push);
    expect(resumed.slaDueAt).toEqual(resumed.firstResponseDueAt);
  });

  it('snoozing needs a time in the future and pauses the clock until then', async () => {
    const { agent, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      assigneeId: agent.userId,
    });
    const snooze = (snoozeUntil?: Date) => () =>
      agent.caller.conversations.setStatus({
        conversationId: conversation.id,
        status: 'snoozed',
        ...(snoozeUntil ? { snoozeUntil } : {}),
      });
    await expectRefusedUnchanged(conversation.id, snooze(), 'BAD_REQUEST', 'snoozeUntil');
    await expectRefusedUnchanged(
      conversation.id,
      snooze(new Date(Date.now() - MINUTE)),
      'BAD_REQUEST',
      'snoozeUntil',
    );
    const until = new Date(Date.now() + 2 * HOUR);
    await snooze(until)();
    const after = await conversationSnapshot(db(), conversation.id);
    expect(after.row).toMatchObject({ status: 'snoozed', snoozedUntil: until, slaDueAt: null });
    expect(after.events.at(-1)).toMatchObject({
      type: 'status_changed',
      payload: { from: 'open', to: 'snoozed', until: until.toISOString() },
    });
    const page = await agent.caller.conversations.view({ view: 'snoozed' });
    expect(page.items.map((item) => item.id)).toEqual([conversation.id]);
  });

  it('resolving a chat stops the clocks, sets a CSAT token and asks through the widget', async () => {
    const { agent, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      assigneeId: agent.userId,
      channel: 'chat',
    });
    await agent.caller.conversations.setStatus({
      conversationId: conversation.id,
      status: 'resolved',
    });
    const after = await conversationSnapshot(db(), conversation.id);
    expect(after.row).toMatchObject({
      status: 'resolved',
      slaDueAt: null,
      firstResponseDueAt: null,
      resolutionDueAt: null,
      csatToken: expect.stringMatching(/^[\w-]{20,}$/),
    });
    expect(after.row!.resolvedAt).toBeInstanceOf(Date);
    expect(after.messages).toHaveLength(1);
    expect(after.events.slice(-2)).toMatchObject([
      { type: 'resolved', actorUserId: agent.userId, payload: { from: 'open' } },
      { type: 'csat_requested', payload: { via: 'widget' } },
    ]);
    expect(
      (await agent.caller.conversations.view({ view: 'resolved' })).items.map((item) => item.id),
    ).toEqual([conversation.id]);
  });

  it('resolving an email conversation sends the survey link as a message', async () => {
    const { agent, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      assigneeId: agent.userId,
      channel: 'email',
    });
    await agent.caller.conversations.setStatus({
      conversationId: conversation.id,
      status: 'resolved',
    });
    const after = await conversationSnapshot(db(), conversation.id);
    const link = `${TEST_BASE_URL}/survey/${after.row!.csatToken}`;
    expect(after.messages.at(-1)).toMatchObject({
      direction: 'outbound',
      kind: 'message',
      authorType: 'system',
      channel: 'email',
      body: expect.stringContaining(link),
    });
    expect(after.events.at(-1)).toMatchObject({
      type: 'csat_requested',
      payload: { via: 'link', link },
    });
  });

  it('reopens and closes a resolved conversation; refuses impossible moves as CONFLICT, changing nothing', async () => {
    const { agent, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      assigneeId: agent.userId,
      status: 'resolved',
    });
    const setStatus = (status: 'open' | 'pending' | 'snoozed' | 'resolved' | 'closed') => () =>
      agent.caller.conversations.setStatus({
        conversationId: conversation.id,
        status,
        ...(status === 'snoozed' ? { snoozeUntil: new Date(Date.now() + HOUR) } : {}),
      });
    const conflict = await expectRefusedUnchanged(
      conversation.id,
      setStatus('pending'),
      'CONFLICT',
      'status',
    );
    expect(conflict.message).toMatch(/resolved conversation cannot become pending/);
    await expectRefusedUnchanged(conversation.id, setStatus('snoozed'), 'CONFLICT', 'status');

    await setStatus('open')();
    let after = await conversationSnapshot(db(), conversation.id);
    expect(after.row).toMatchObject({ status: 'open', resolvedAt: null });
    expect(after.row!.slaDueAt).toBeInstanceOf(Date);
    expect(after.events.at(-1)).toMatchObject({ type: 'reopened', payload: { from: 'resolved' } });

    await setStatus('resolved')();
    await setStatus('closed')();
    after = await conversationSnapshot(db(), conversation.id);
    expect(after.row?.status).toBe('closed');
    expect(after.events.at(-1)).toMatchObject({ type: 'closed', payload: { from: 'resolved' } });
    for (const status of ['open', 'pending', 'resolved'] as const) {
      await expectRefusedUnchanged(conversation.id, setStatus(status), 'CONFLICT');
    }
    await expectRefused(
      agent.caller.conversations.setStatus({
        conversationId: conversation.id,
        status: 'archived' as 'open',
      }),
      'BAD_REQUEST',
      'status',
    );
  });

  it('stores the clocks that replaying its event log gives', async () => {
    const { agent, inbox } = await workspace();
    const createdAt = new Date(Date.now() - 20 * MINUTE);
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      priority: 'P1',
      createdAt,
    });
    const id = conversation.id;
    const steps = [
      () => agent.caller.conversations.setPriority({ conversationId: id, priority: 'P3' }),
      () => agent.caller.conversations.setStatus({ conversationId: id, status: 'pending' }),
      () => agent.caller.conversations.setPriority({ conversationId: id, priority: 'P2' }),
      () => agent.caller.conversations.setStatus({ conversationId: id, status: 'open' }),
      () =>
        agent.caller.conversations.send({
          conversationId: id,
          kind: 'reply',
          body: 'On it.',
          clientId: randomUUID(),
        }),
      () => agent.caller.conversations.setStatus({ conversationId: id, status: 'resolved' }),
      () => agent.caller.conversations.setStatus({ conversationId: id, status: 'open' }),
    ];
    for (const step of steps) {
      await step();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const { row } = await conversationSnapshot(db(), id);
      const events: ClockEvent[] = (await eventsOf(db(), id)).map((event) => ({
        type: event.type as ClockEvent['type'],
        actorType: event.actorType,
        payload: event.payload,
        occurredAt: event.occurredAt,
      }));
      expect(replaySlaClocks(createdAt, 'P1', events)).toEqual(clocksOf(row!));
    }
  });
});

describe('conversations.setPriority', () => {
  it('raising the priority brings the due times forward and logs from/to', async () => {
    const { agent, inbox } = await workspace();
    const createdAt = new Date(Date.now() - MINUTE);
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      priority: 'P3',
      createdAt,
    });
    await agent.caller.conversations.setPriority({
      conversationId: conversation.id,
      priority: 'P1',
    });
    const after = await conversationSnapshot(db(), conversation.id);
    expect(after.row).toMatchObject({
      priority: 'P1',
      firstResponseDueAt: new Date(createdAt.getTime() + DEFAULT_SLA_TARGETS.P1.firstResponseMs),
      resolutionDueAt: new Date(createdAt.getTime() + DEFAULT_SLA_TARGETS.P1.resolutionMs),
      slaDueAt: new Date(createdAt.getTime() + DEFAULT_SLA_TARGETS.P1.firstResponseMs),
    });
    expect(after.events.at(-1)).toMatchObject({
      type: 'priority_changed',
      actorType: 'agent',
      actorUserId: agent.userId,
      payload: { from: 'P3', to: 'P1' },
    });
  });

  it('refuses an unknown priority and a closed conversation, changing nothing', async () => {
    const { agent, inbox } = await workspace();
    const open = await createConversationFixture(db(), { inboxId: inbox.id });
    await expectRefusedUnchanged(
      open.conversation.id,
      () =>
        agent.caller.conversations.setPriority({
          conversationId: open.conversation.id,
          priority: 'P0' as 'P1',
        }),
      'BAD_REQUEST',
      'priority',
    );
    const closed = await createConversationFixture(db(), { inboxId: inbox.id, status: 'closed' });
    await expectRefusedUnchanged(
      closed.conversation.id,
      () =>
        agent.caller.conversations.setPriority({
          conversationId: closed.conversation.id,
          priority: 'P2',
        }),
      'CONFLICT',
    );
  });
});

describe('conversations.setTags', () => {
  it('sets exactly the given tags, logging each tag added and removed', async () => {
    const { agent, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), { inboxId: inbox.id });
    await agent.caller.conversations.setTags({
      conversationId: conversation.id,
      tags: [taxonomy.tagA.code, taxonomy.tagB.code],
    });
    await agent.caller.conversations.setTags({
      conversationId: conversation.id,
      tags: [taxonomy.tagB.code],
    });
    const after = await conversationSnapshot(db(), conversation.id);
    expect(after.tags).toEqual([{ tagId: taxonomy.tagB.id }]);
    expect(after.events.slice(2)).toMatchObject([
      { type: 'tagged', actorUserId: agent.userId, payload: { tag: taxonomy.tagA.code } },
      { type: 'tagged', actorUserId: agent.userId, payload: { tag: taxonomy.tagB.code } },
      { type: 'untagged', actorUserId: agent.userId, payload: { tag: taxonomy.tagA.code } },
    ]);
  });

  it('refuses a tag outside the taxonomy naming tags.0, and a deprecated one, changing nothing', async () => {
    const { agent, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), { inboxId: inbox.id });
    const setTags = (tags: string[]) => () =>
      agent.caller.conversations.setTags({ conversationId: conversation.id, tags });
    const unknown = await expectRefusedUnchanged(
      conversation.id,
      setTags(['no-such-tag-anywhere']),
      'BAD_REQUEST',
      'tags.0',
    );
    expect(shapeOf(unknown).data.fieldErrors).toEqual([
      { path: 'tags.0', message: '"no-such-tag-anywhere" is not a tag in the taxonomy' },
    ]);
    await expectRefusedUnchanged(
      conversation.id,
      setTags([taxonomy.tagA.code, taxonomy.deprecatedTag.code]),
      'BAD_REQUEST',
      'tags.1',
    );
    await expectRefusedUnchanged(conversation.id, setTags(['Not A Tag']), 'BAD_REQUEST', 'tags.0');
  });
});

describe('conversations.classify', () => {
  it('sets the request type and reason, logging before and after', async () => {
    const { agent, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), { inboxId: inbox.id });
    await agent.caller.conversations.classify({
      conversationId: conversation.id,
      requestTypeCode: taxonomy.guestType.code,
      reasonCode: taxonomy.reason.code,
    });
    let after = await conversationSnapshot(db(), conversation.id);
    expect(after.row).toMatchObject({
      requestTypeId: taxonomy.guestType.id,
      reasonId: taxonomy.reason.id,
    });
    expect(after.events.at(-1)).toMatchObject({
      type: 'request_type_set',
      actorUserId: agent.userId,
      payload: {
        from: { requestTypeId: null, reasonId: null },
        to: {
          requestTypeId: taxonomy.guestType.id,
          reasonId: taxonomy.reason.id,
          requestTypeCode: taxonomy.guestType.code,
          reasonCode: taxonomy.reason.code,
        },
      },
    });
    await agent.caller.conversations.classify({
      conversationId: conversation.id,
      requestTypeCode: null,
      reasonCode: null,
    });
    after = await conversationSnapshot(db(), conversation.id);
    expect(after.row).toMatchObject({ requestTypeId: null, reasonId: null });
  });

  it('refuses request types of the other audience, deprecated or unknown, and foreign reasons, changing nothing', async () => {
    const { agent, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), { inboxId: inbox.id });
    const classify = (requestTypeCode: string | null, reasonCode: string | null) => () =>
      agent.caller.conversations.classify({
        conversationId: conversation.id,
        requestTypeCode,
        reasonCode,
      });
    const refusals: [string | null, string | null, string][] = [
      [taxonomy.driverType.code, null, 'requestTypeCode'],
      [taxonomy.deprecatedType.code, null, 'requestTypeCode'],
      [taxonomy.retiredParentType.code, null, 'requestTypeCode'],
      ['NO_SUCH_TYPE_ANYWHERE', null, 'requestTypeCode'],
      [taxonomy.guestType.code, taxonomy.driverReason.code, 'reasonCode'],
      [null, taxonomy.reason.code, 'reasonCode'],
      ['not a code', null, 'requestTypeCode'],
    ];
    for (const [requestTypeCode, reasonCode, field] of refusals) {
      await expectRefusedUnchanged(
        conversation.id,
        classify(requestTypeCode, reasonCode),
        'BAD_REQUEST',
        field,
      );
    }
  });
});

describe('the event log', () => {
  it('every change appends exactly the events it describes, and refusals append none', async () => {
    const { agent, inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), { inboxId: inbox.id });
    const id = conversation.id;
    await agent.caller.conversations.assign({ conversationId: id, assigneeId: agent.userId });
    await agent.caller.conversations.setPriority({ conversationId: id, priority: 'P2' });
    await agent.caller.conversations.setTags({ conversationId: id, tags: [taxonomy.tagA.code] });
    await expectRefused(
      agent.caller.conversations.setTags({ conversationId: id, tags: ['no-such-tag-x'] }),
      'BAD_REQUEST',
    );
    await agent.caller.conversations.send({
      conversationId: id,
      kind: 'reply',
      body: 'Done.',
      clientId: randomUUID(),
    });
    await agent.caller.conversations.setStatus({ conversationId: id, status: 'resolved' });
    const events = await eventsOf(db(), id);
    expect(events.map((event) => event.type)).toEqual([
      'created',
      'message_received',
      'assigned',
      'priority_changed',
      'tagged',
      'reply_sent',
      'resolved',
      'csat_requested',
    ]);
    expect(
      events
        .slice(2)
        .every((event) => event.actorUserId === agent.userId && event.actorType === 'agent'),
    ).toBe(true);
    const ids = events.map((event) => event.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('cannot be rewritten', async () => {
    const { inbox } = await workspace();
    const { conversation } = await createConversationFixture(db(), { inboxId: inbox.id });
    const { conversationEvents } = await import('@switchboard/db/schema');
    await expect(
      db()
        .delete(conversationEvents)
        .where(inArray(conversationEvents.conversationId, [conversation.id])),
    ).rejects.toThrow();
  });
});
