import { randomUUID } from 'node:crypto';
import { bookings, contacts, conversations, macros } from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import type { MacroInput, Role, SopStep } from '@switchboard/domain';
import { type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conversationSnapshot,
  createConversationFixture,
  createTaxonomyFixture,
  eventsOf,
} from '../fixtures.ts';
import { appRouter } from '../root.ts';
import { createTestApi, type TestApi } from '../testing.ts';

type Caller = Awaited<ReturnType<TestApi['callerFor']>>;
interface SignedIn {
  caller: Caller;
  userId: string;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ROLES: Role[] = ['agent', 'lead', 'trainer', 'admin'];

let api: TestApi;
let callers: Record<Role, SignedIn>;
let signedOut: Caller;
let taxonomy: Awaited<ReturnType<typeof createTaxonomyFixture>>;

beforeAll(async () => {
  api = await createTestApi();
  const signedIn = await Promise.all(ROLES.map((role) => api.callerAs(role)));
  callers = Object.fromEntries(ROLES.map((role, index) => [role, signedIn[index]!])) as Record<
    Role,
    SignedIn
  >;
  signedOut = await api.callerFor();
  taxonomy = await createTaxonomyFixture(api.handle.db);
});
afterAll(() => api.close());

const db = () => api.handle.db;

/** A fresh inbox of its own city and team with a member agent, and a conversation in it. */
async function workspace(options: { requestTypeId?: string | null; withBooking?: boolean } = {}) {
  const agent = await api.callerAs('agent');
  const fixture = await createCityInboxFixture(db(), { memberIds: [agent.userId] });
  const { conversation, contact } = await createConversationFixture(db(), {
    inboxId: fixture.inbox.id,
    assigneeId: agent.userId,
    cityId: fixture.city.id,
    requestTypeId: options.requestTypeId ?? null,
    contactName: 'Marta Lopes',
    priority: 'P3',
  });
  if (options.withBooking) {
    const [driver] = await db()
      .insert(contacts)
      .values({ audience: 'driver', externalId: `driver-${uniqueSuffix()}`, name: 'Rui Santos' })
      .returning();
    const [booking] = await db()
      .insert(bookings)
      .values({
        reference: `BK-${uniqueSuffix()}`,
        cityId: fixture.city.id,
        guestContactId: contact.id,
        driverContactId: driver!.id,
        pickupAddress: 'Lisbon Airport, Terminal 1',
        dropoffAddress: 'Rua Augusta 100',
        // 13:00 UTC is 14:00 in Lisbon in summer time.
        scheduledAt: new Date('2026-07-02T13:00:00Z'),
        fareAmountMinor: 3450,
        currency: 'EUR',
        status: 'completed',
      })
      .returning();
    await db()
      .update(conversations)
      .set({ bookingId: booking!.id })
      .where(eq(conversations.id, conversation.id));
    return { agent, ...fixture, conversation, contact, booking: booking! };
  }
  return { agent, ...fixture, conversation, contact, booking: null };
}

function macroInput(overrides: Partial<MacroInput> = {}): MacroInput {
  return {
    name: `Refund confirmed ${uniqueSuffix()}`,
    body: 'Hi {{contact.first_name}}, we refunded {{fields.refund_amount}} on {{conversation.number}}.',
    scope: 'shared',
    inboxId: null,
    fields: [{ key: 'refund_amount', label: 'Refund amount', type: 'money', required: true }],
    actions: { tags: [], priority: null, status: null },
    ...overrides,
  };
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

/** Asserts the code and, when given, that the message and fieldErrors the client gets name `field`. */
async function expectRefused(
  call: Promise<unknown>,
  code: TRPC_ERROR_CODE_KEY,
  field?: string,
): Promise<TRPCError> {
  const error = await refusal(call);
  expect(error.code, error.message).toBe(code);
  if (field !== undefined) {
    const shape = getErrorShape({
      config: appRouter._def._config,
      error,
      type: 'mutation',
      path: 'playbooks',
      input: undefined,
      ctx: undefined,
    }) as { message: string; data: { fieldErrors: { path: string }[] | null } };
    expect(shape.data.fieldErrors?.map((fieldError) => fieldError.path)).toContain(field);
    expect(shape.message).toContain(field);
  }
  return error;
}

async function expectUnchanged(
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

async function publishedSop(requestTypeCode: string, steps: SopStep[], title = 'Playbook') {
  const { caller } = callers.trainer;
  await caller.playbooks.saveSopDraft({ requestTypeCode, title, steps });
  return caller.playbooks.publishSop({ requestTypeCode });
}

async function freshRequestType() {
  const fixture = await createTaxonomyFixture(db());
  return fixture.guestType;
}

describe('shared macros', () => {
  for (const role of ROLES) {
    const allowed = role !== 'agent';
    it(`${allowed ? 'are managed by' : 'are refused to'} a ${role}`, async () => {
      const { caller } = callers[role];
      if (!allowed) {
        await expectRefused(caller.playbooks.createSharedMacro(macroInput()), 'FORBIDDEN');
        await expectRefused(caller.playbooks.listSharedMacros({}), 'FORBIDDEN');
        await expectRefused(
          caller.playbooks.archiveSharedMacro({ macroId: UNKNOWN_ID }),
          'FORBIDDEN',
        );
        return;
      }
      const input = macroInput();
      const { id } = await caller.playbooks.createSharedMacro(input);
      await caller.playbooks.updateSharedMacro({ ...input, macroId: id, name: `${input.name}!` });
      const listed = await caller.playbooks.listSharedMacros({ search: input.name });
      expect(listed.items.map((macro) => [macro.id, macro.name])).toEqual([[id, `${input.name}!`]]);
      await caller.playbooks.archiveSharedMacro({ macroId: id });
      expect((await caller.playbooks.listSharedMacros({ search: input.name })).total).toBe(0);
    });
  }

  it('are UNAUTHORIZED signed out', async () => {
    await expectRefused(signedOut.playbooks.listSharedMacros({}), 'UNAUTHORIZED');
  });

  it('filter by inbox, "all inboxes" and search name and text', async () => {
    const { caller } = callers.lead;
    const { inbox } = await createCityInboxFixture(db());
    const marker = uniqueSuffix();
    const everywhere = await caller.playbooks.createSharedMacro(
      macroInput({ name: `Everywhere ${marker}` }),
    );
    const inInbox = await caller.playbooks.createSharedMacro(
      macroInput({ name: `Inbox only ${marker}`, inboxId: inbox.id, body: `Unique ${marker}x` }),
    );
    const byInbox = await caller.playbooks.listSharedMacros({ inboxId: inbox.id });
    expect(byInbox.items.map((macro) => macro.id)).toEqual([inInbox.id]);
    expect(byInbox.items[0]?.inboxName).toBe(inbox.name);
    const all = await caller.playbooks.listSharedMacros({ inboxId: 'all', search: marker });
    expect(all.items.map((macro) => macro.id)).toEqual([everywhere.id]);
    const byBody = await caller.playbooks.listSharedMacros({ search: `${marker}X` });
    expect(byBody.items.map((macro) => macro.id)).toEqual([inInbox.id]);
  });

  it('name the field on bad input and refuse tags outside the taxonomy', async () => {
    const { caller } = callers.lead;
    await expectRefused(
      caller.playbooks.createSharedMacro(macroInput({ body: 'Hi {{contact.nickname}}' })),
      'BAD_REQUEST',
      'body',
    );
    await expectRefused(
      caller.playbooks.createSharedMacro(
        macroInput({ actions: { tags: ['no-such-tag-here'], priority: null, status: null } }),
      ),
      'BAD_REQUEST',
      'actions.tags.0',
    );
    await expectRefused(
      caller.playbooks.createSharedMacro(
        macroInput({
          actions: {
            tags: [taxonomy.tagA.code, taxonomy.deprecatedTag.code],
            priority: null,
            status: null,
          },
        }),
      ),
      'BAD_REQUEST',
      'actions.tags.1',
    );
    await expectRefused(
      caller.playbooks.createSharedMacro(macroInput({ inboxId: UNKNOWN_ID })),
      'BAD_REQUEST',
      'inboxId',
    );
    await expectRefused(
      caller.playbooks.createSharedMacro(macroInput({ scope: 'personal' })),
      'BAD_REQUEST',
      'scope',
    );
    await expectRefused(
      caller.playbooks.updateSharedMacro({ ...macroInput(), macroId: UNKNOWN_ID }),
      'NOT_FOUND',
    );
    await expectRefused(
      caller.playbooks.archiveSharedMacro({ macroId: 'nope' }),
      'BAD_REQUEST',
      'macroId',
    );
  });
});

describe('personal macros', () => {
  const personal = (overrides: Partial<MacroInput> = {}) =>
    macroInput({ scope: 'personal', name: `Mine ${uniqueSuffix()}`, ...overrides });

  it('belong to their author: listed, changed and archived only by them', async () => {
    const owner = await api.callerAs('agent');
    const other = await api.callerAs('agent');
    const input = personal();
    const { id } = await owner.caller.playbooks.createMyMacro(input);
    const [stored] = await db().select().from(macros).where(eq(macros.id, id));
    expect(stored).toMatchObject({ scope: 'personal', ownerId: owner.userId, inboxId: null });

    expect((await owner.caller.playbooks.listMyMacros({})).items.map((macro) => macro.id)).toEqual([
      id,
    ]);
    expect((await other.caller.playbooks.listMyMacros({})).items).toEqual([]);

    await expectRefused(
      other.caller.playbooks.updateMyMacro({ ...input, macroId: id, name: 'Hijacked' }),
      'FORBIDDEN',
    );
    await expectRefused(other.caller.playbooks.archiveMyMacro({ macroId: id }), 'FORBIDDEN');
    // Leads manage shared macros, not someone's personal ones.
    await expectRefused(
      callers.lead.caller.playbooks.updateSharedMacro({
        ...macroInput(),
        macroId: id,
      }),
      'FORBIDDEN',
    );
    // And an agent cannot reach a shared macro through the personal procedures.
    const shared = await callers.lead.caller.playbooks.createSharedMacro(macroInput());
    await expectRefused(owner.caller.playbooks.archiveMyMacro({ macroId: shared.id }), 'FORBIDDEN');

    await owner.caller.playbooks.updateMyMacro({ ...input, macroId: id, name: 'Renamed mine' });
    expect((await owner.caller.playbooks.listMyMacros({ search: 'renamed' })).items[0]?.name).toBe(
      'Renamed mine',
    );
    await owner.caller.playbooks.archiveMyMacro({ macroId: id });
    expect((await owner.caller.playbooks.listMyMacros({})).total).toBe(0);
    await expectRefused(owner.caller.playbooks.archiveMyMacro({ macroId: id }), 'NOT_FOUND');
  });

  it('every role may keep their own, and bad input names the field', async () => {
    for (const role of ROLES) {
      await callers[role].caller.playbooks.createMyMacro(personal());
    }
    const { caller } = callers.agent;
    await expectRefused(
      caller.playbooks.createMyMacro(personal({ inboxId: taxonomy.guestType.id })),
      'BAD_REQUEST',
      'inboxId',
    );
    await expectRefused(caller.playbooks.createMyMacro(macroInput()), 'BAD_REQUEST', 'scope');
    await expectRefused(
      caller.playbooks.createMyMacro(
        personal({ fields: [{ key: 'Bad Key', label: 'x', type: 'text', required: true }] }),
      ),
      'BAD_REQUEST',
      'fields.0.key',
    );
    await expectRefused(signedOut.playbooks.listMyMacros({}), 'UNAUTHORIZED');
  });
});

describe('macros on a conversation', () => {
  it('lists shared macros of its inbox and of every inbox, and the viewer’s own', async () => {
    const { agent, inbox, conversation } = await workspace();
    const { inbox: elsewhere } = await createCityInboxFixture(db());
    const marker = uniqueSuffix();
    const lead = callers.lead.caller.playbooks;
    const forInbox = await lead.createSharedMacro(
      macroInput({ name: `B ${marker}`, inboxId: inbox.id }),
    );
    const forAll = await lead.createSharedMacro(macroInput({ name: `A ${marker}` }));
    await lead.createSharedMacro(macroInput({ name: `C ${marker}`, inboxId: elsewhere.id }));
    const archived = await lead.createSharedMacro(macroInput({ name: `D ${marker}` }));
    await lead.archiveSharedMacro({ macroId: archived.id });
    const mine = await agent.caller.playbooks.createMyMacro(
      macroInput({ scope: 'personal', name: `E ${marker}` }),
    );
    await callers.admin.caller.playbooks.createMyMacro(
      macroInput({ scope: 'personal', name: `F ${marker}` }),
    );

    const page = await agent.caller.playbooks.macrosForConversation({
      conversationId: conversation.id,
      search: marker,
    });
    expect(page.items.map((macro) => macro.id)).toEqual([forAll.id, forInbox.id, mine.id]);
    const paged = await agent.caller.playbooks.macrosForConversation({
      conversationId: conversation.id,
      search: marker,
      limit: 1,
      offset: 1,
    });
    expect(paged).toMatchObject({ total: 3, items: [{ id: forInbox.id }] });
  });

  it('is FORBIDDEN outside the viewer’s inboxes and NOT_FOUND for unknown conversations', async () => {
    const { conversation } = await workspace();
    const outsider = callers.agent.caller.playbooks;
    await expectRefused(
      outsider.macrosForConversation({ conversationId: conversation.id }),
      'FORBIDDEN',
    );
    await expectRefused(
      outsider.macrosForConversation({ conversationId: UNKNOWN_ID }),
      'NOT_FOUND',
    );
    await expectRefused(
      outsider.macrosForConversation({ conversationId: 'x' }),
      'BAD_REQUEST',
      'conversationId',
    );
  });

  it('previews the reply with the conversation’s values and the side effects', async () => {
    const { agent, conversation } = await workspace({ withBooking: true });
    const { id } = await callers.lead.caller.playbooks.createSharedMacro(
      macroInput({
        body: 'Hi {{contact.first_name}}, {{booking.reference}} at {{booking.pickup_time}} ({{booking.fare}}) with {{booking.driver_name}}: {{fields.refund_amount}}{{fields.note}}',
        fields: [
          { key: 'refund_amount', label: 'Refund amount', type: 'money', required: true },
          { key: 'note', label: 'Note', type: 'text', required: false },
        ],
        actions: { tags: [taxonomy.tagA.code], priority: 'P2', status: 'pending' },
      }),
    );
    const empty = await agent.caller.playbooks.previewMacro({
      conversationId: conversation.id,
      macroId: id,
    });
    expect(empty.missingFields).toEqual(['refund_amount']);
    expect(empty.text).toContain('{{fields.refund_amount}}');
    expect(empty.actions).toEqual({
      tags: [{ code: taxonomy.tagA.code, name: taxonomy.tagA.name, color: 'gray' }],
      priority: 'P2',
      status: 'pending',
    });

    const filled = await agent.caller.playbooks.previewMacro({
      conversationId: conversation.id,
      macroId: id,
      fieldValues: { refund_amount: '12.5' },
    });
    expect(filled.text).toMatch(
      /^Hi Marta, BK-\w+ at Thu 2 Jul, 14:00 \(€34\.50\) with Rui Santos: €12\.50$/,
    );
    expect(filled).toMatchObject({ missingFields: [], missingVariables: [], fieldProblems: [] });

    const wrong = await agent.caller.playbooks.previewMacro({
      conversationId: conversation.id,
      macroId: id,
      fieldValues: { refund_amount: 'twelve' },
    });
    expect(wrong.fieldProblems).toEqual([
      { key: 'refund_amount', message: 'Enter an amount in EUR, e.g. 12.50' },
    ]);
    expect(wrong.missingFields).toEqual([]);
  });

  it('does not preview a macro of another inbox or someone else’s personal one', async () => {
    const { agent, conversation } = await workspace();
    const { inbox: elsewhere } = await createCityInboxFixture(db());
    const other = await callers.lead.caller.playbooks.createSharedMacro(
      macroInput({ inboxId: elsewhere.id }),
    );
    const theirs = await callers.admin.caller.playbooks.createMyMacro(
      macroInput({ scope: 'personal' }),
    );
    for (const macroId of [other.id, theirs.id, UNKNOWN_ID]) {
      await expectRefused(
        agent.caller.playbooks.previewMacro({ conversationId: conversation.id, macroId }),
        'NOT_FOUND',
      );
    }
  });
});

describe('playbooks.applyMacro', () => {
  it('sends the reply, adds tags, sets priority and status and logs macro_applied, once', async () => {
    const { agent, conversation } = await workspace();
    const { id } = await callers.lead.caller.playbooks.createSharedMacro(
      macroInput({
        name: 'Refund confirmed',
        actions: {
          tags: [taxonomy.tagA.code, taxonomy.tagB.code],
          priority: 'P2',
          status: 'pending',
        },
      }),
    );
    const clientId = randomUUID();
    const input = {
      conversationId: conversation.id,
      macroId: id,
      fieldValues: { refund_amount: '20' },
      clientId,
    };
    const result = await agent.caller.playbooks.applyMacro(input);
    expect(result.duplicate).toBe(false);

    const after = await conversationSnapshot(db(), conversation.id);
    const reply = after.messages.find((message) => message.id === result.messageId);
    expect(reply).toMatchObject({
      direction: 'outbound',
      kind: 'message',
      authorUserId: agent.userId,
      body: `Hi Marta, we refunded €20.00 on #${conversation.number}.`,
      clientId,
    });
    expect(after.row).toMatchObject({ priority: 'P2', status: 'pending' });
    expect(after.tags).toHaveLength(2);
    const types = after.events.map((event) => event.type).slice(2);
    expect(types).toEqual([
      'reply_sent',
      'tagged',
      'tagged',
      'priority_changed',
      'status_changed',
      'macro_applied',
    ]);
    expect(after.events.at(-1)).toMatchObject({
      actorType: 'agent',
      actorUserId: agent.userId,
      payload: {
        macroId: id,
        macroName: 'Refund confirmed',
        messageId: result.messageId,
        tags: [taxonomy.tagA.code, taxonomy.tagB.code],
        priority: 'P2',
        status: 'pending',
      },
    });

    // A retry (the network dropped the answer) sends nothing twice.
    const retried = await agent.caller.playbooks.applyMacro(input);
    expect(retried).toEqual({ messageId: result.messageId, duplicate: true });
    expect(await conversationSnapshot(db(), conversation.id)).toEqual(after);
  });

  it('refuses a missing or unreadable required field naming fieldValues.<key>, changing nothing', async () => {
    const { agent, conversation } = await workspace();
    const { id } = await callers.lead.caller.playbooks.createSharedMacro(
      macroInput({ actions: { tags: [taxonomy.tagA.code], priority: 'P1', status: null } }),
    );
    const apply = (fieldValues: Record<string, string>) => () =>
      agent.caller.playbooks.applyMacro({
        conversationId: conversation.id,
        macroId: id,
        fieldValues,
        clientId: randomUUID(),
      });
    const missing = await expectUnchanged(
      conversation.id,
      apply({}),
      'BAD_REQUEST',
      'fieldValues.refund_amount',
    );
    expect(missing.message).toMatch(/Fill in Refund amount/);
    await expectUnchanged(
      conversation.id,
      apply({ refund_amount: '15 minutes' }),
      'BAD_REQUEST',
      'fieldValues.refund_amount',
    );
    await expectUnchanged(
      conversation.id,
      apply({ 'Refund Amount': '5' }),
      'BAD_REQUEST',
      'fieldValues.Refund Amount',
    );
  });

  it('writes nothing when the resolve at the end is refused by the playbook', async () => {
    const requestType = await freshRequestType();
    await publishedSop(requestType.code, [
      { id: 'check-gps', text: 'Check the driver GPS trace', required: true },
    ]);
    const { agent, conversation } = await workspace({ requestTypeId: requestType.id });
    const { id } = await callers.lead.caller.playbooks.createSharedMacro(
      macroInput({ actions: { tags: [taxonomy.tagA.code], priority: 'P2', status: 'resolved' } }),
    );
    const apply = () =>
      agent.caller.playbooks.applyMacro({
        conversationId: conversation.id,
        macroId: id,
        fieldValues: { refund_amount: '5' },
        clientId: randomUUID(),
      });
    const preview = await agent.caller.playbooks.previewMacro({
      conversationId: conversation.id,
      macroId: id,
      fieldValues: { refund_amount: '5' },
    });
    expect(preview.blockingSteps).toEqual(['Check the driver GPS trace']);
    // The reply, the tag and the priority came before the refused resolve: all roll back.
    const error = await expectUnchanged(conversation.id, apply, 'CONFLICT');
    expect(error.message).toMatch(/Check the driver GPS trace/);

    await agent.caller.playbooks.checkSopStep({
      conversationId: conversation.id,
      stepId: 'check-gps',
      state: 'done',
    });
    await apply();
    const [row] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    expect(row?.status).toBe('resolved');
  });

  it('refuses a closed conversation and a macro that needs a booking it does not have', async () => {
    const { agent, conversation } = await workspace();
    const needsBooking = await callers.lead.caller.playbooks.createSharedMacro(
      macroInput({ body: 'Your booking {{booking.reference}}', fields: [] }),
    );
    const needs = await expectUnchanged(
      conversation.id,
      () =>
        agent.caller.playbooks.applyMacro({
          conversationId: conversation.id,
          macroId: needsBooking.id,
          fieldValues: {},
          clientId: randomUUID(),
        }),
      'CONFLICT',
    );
    expect(needs.message).toMatch(/\{\{booking\.reference\}\}/);

    const plain = await callers.lead.caller.playbooks.createSharedMacro(
      macroInput({ body: 'Thanks for writing in.', fields: [] }),
    );
    await db()
      .update(conversations)
      .set({ status: 'closed' })
      .where(eq(conversations.id, conversation.id));
    const closed = await expectUnchanged(
      conversation.id,
      () =>
        agent.caller.playbooks.applyMacro({
          conversationId: conversation.id,
          macroId: plain.id,
          fieldValues: {},
          clientId: randomUUID(),
        }),
      'CONFLICT',
    );
    expect(closed.message).toMatch(/closed/);
  });

  it('refuses unknown ids and outsiders, and names malformed ids', async () => {
    const { agent, conversation } = await workspace();
    const { id } = await callers.lead.caller.playbooks.createSharedMacro(macroInput());
    const input = {
      conversationId: conversation.id,
      macroId: id,
      fieldValues: { refund_amount: '5' },
      clientId: randomUUID(),
    };
    await expectUnchanged(
      conversation.id,
      () => agent.caller.playbooks.applyMacro({ ...input, macroId: UNKNOWN_ID }),
      'NOT_FOUND',
    );
    await expectRefused(
      agent.caller.playbooks.applyMacro({ ...input, conversationId: UNKNOWN_ID }),
      'NOT_FOUND',
    );
    await expectUnchanged(
      conversation.id,
      () => callers.agent.caller.playbooks.applyMacro(input),
      'FORBIDDEN',
    );
    await expectRefused(
      agent.caller.playbooks.applyMacro({ ...input, clientId: 'again' }),
      'BAD_REQUEST',
      'clientId',
    );
    await expectRefused(signedOut.playbooks.applyMacro(input), 'UNAUTHORIZED');
  });
});

describe('SOP playbooks', () => {
  const steps: SopStep[] = [
    { id: 'step-1', text: 'Check the **driver GPS** trace', required: true },
    { id: 'step-2', text: 'Offer a new driver', required: false },
  ];

  for (const role of ROLES) {
    const allowed = role !== 'agent';
    it(`${allowed ? 'are written by' : 'are refused to'} a ${role}`, async () => {
      const requestType = await freshRequestType();
      const { caller } = callers[role];
      const draft = { requestTypeCode: requestType.code, title: 'No-show', steps };
      if (!allowed) {
        await expectRefused(caller.playbooks.saveSopDraft(draft), 'FORBIDDEN');
        await expectRefused(caller.playbooks.publishSop(draft), 'FORBIDDEN');
        await expectRefused(caller.playbooks.listSops({}), 'FORBIDDEN');
        await expectRefused(caller.playbooks.sopEditor(draft), 'FORBIDDEN');
        return;
      }
      await caller.playbooks.saveSopDraft(draft);
      const published = await caller.playbooks.publishSop(draft);
      expect(published).toMatchObject({ version: 1, status: 'published' });
    });
  }

  it('keep one draft, number versions upwards and archive the version they replace', async () => {
    const requestType = await freshRequestType();
    const { caller, userId } = callers.trainer;
    const code = requestType.code;
    const first = await caller.playbooks.saveSopDraft({
      requestTypeCode: code,
      title: 'One',
      steps,
    });
    const edited = await caller.playbooks.saveSopDraft({
      requestTypeCode: code,
      title: 'One, edited',
      steps,
    });
    expect(edited).toMatchObject({
      id: first.id,
      version: 1,
      status: 'draft',
      title: 'One, edited',
    });
    await expectRefused(
      caller.playbooks
        .discardSopDraft({ requestTypeCode: code })
        .then(() => caller.playbooks.publishSop({ requestTypeCode: code })),
      'CONFLICT',
    );

    await caller.playbooks.saveSopDraft({ requestTypeCode: code, title: 'One', steps });
    const v1 = await caller.playbooks.publishSop({ requestTypeCode: code });
    // The discarded draft's number is free again: numbers count published history.
    expect(v1).toMatchObject({ version: 1, status: 'published' });
    expect(v1.publishedAt).toBeInstanceOf(Date);

    const v2draft = await caller.playbooks.saveSopDraft({
      requestTypeCode: code,
      title: 'Two',
      steps: [...steps, { id: 'step-3', text: 'Refund the fare', required: true }],
    });
    expect(v2draft.version).toBe(2);
    const editor = await caller.playbooks.sopEditor({ requestTypeCode: code });
    expect(editor).toMatchObject({
      requestType: { code, name: requestType.name },
      published: { id: v1.id, title: 'One' },
      draft: { id: v2draft.id, title: 'Two' },
      versionCount: 2,
    });
    await caller.playbooks.publishSop({ requestTypeCode: code });

    const versions = await caller.playbooks.sopVersions({ requestTypeCode: code });
    expect(versions.map((version) => [version.version, version.status])).toEqual([
      [2, 'published'],
      [1, 'archived'],
    ]);
    expect(versions[0]).toMatchObject({
      stepCount: 3,
      requiredCount: 2,
      createdByName: expect.stringContaining('trainer'),
      publishedByName: expect.stringContaining('trainer'),
    });
    const old = await caller.playbooks.sopVersion({ versionId: v1.id });
    expect(old).toMatchObject({ status: 'archived', title: 'One', steps });
    expect(userId).toBeTruthy();

    const overview = await callers.lead.caller.playbooks.listSops({ search: requestType.name });
    expect(overview.items).toEqual([
      expect.objectContaining({
        requestTypeCode: code,
        publishedVersion: 2,
        stepCount: 3,
        requiredCount: 2,
        draftVersion: null,
      }),
    ]);
  });

  it('refuse unknown request types and versions, deprecated types and bad steps', async () => {
    const { caller } = callers.lead;
    await expectRefused(
      caller.playbooks.sopEditor({ requestTypeCode: 'NO_SUCH_TYPE' }),
      'NOT_FOUND',
    );
    await expectRefused(caller.playbooks.sopVersion({ versionId: UNKNOWN_ID }), 'NOT_FOUND');
    await expectRefused(
      caller.playbooks.saveSopDraft({
        requestTypeCode: taxonomy.deprecatedType.code,
        title: 'Old',
        steps,
      }),
      'BAD_REQUEST',
      'requestTypeCode',
    );
    await expectRefused(
      caller.playbooks.saveSopDraft({
        requestTypeCode: taxonomy.guestType.code,
        title: 'Bad',
        steps: [{ id: 'Step One', text: 'Check', required: true }],
      }),
      'BAD_REQUEST',
      'steps.0.id',
    );
    await expectRefused(
      caller.playbooks.publishSop({ requestTypeCode: 'NO_SUCH_TYPE' }),
      'NOT_FOUND',
    );
  });
});

describe('the playbook on a conversation', () => {
  it('is null without a request type or a published playbook', async () => {
    const { agent, conversation } = await workspace();
    expect(
      await agent.caller.playbooks.sopForConversation({ conversationId: conversation.id }),
    ).toBeNull();
    const requestType = await freshRequestType();
    const other = await workspace({ requestTypeId: requestType.id });
    await callers.lead.caller.playbooks.saveSopDraft({
      requestTypeCode: requestType.code,
      title: 'Only a draft',
      steps: [{ id: 'step-1', text: 'Draft step', required: true }],
    });
    expect(
      await other.agent.caller.playbooks.sopForConversation({
        conversationId: other.conversation.id,
      }),
    ).toBeNull();
  });

  it('ticks, skips with a reason and clears steps, pinning the version and logging before/after', async () => {
    const requestType = await freshRequestType();
    const v1 = await publishedSop(requestType.code, [
      { id: 'step-1', text: 'Check the GPS trace', required: true },
      { id: 'step-2', text: 'Call the driver', required: true },
      { id: 'step-3', text: 'Apologise', required: false },
    ]);
    const { agent, conversation } = await workspace({ requestTypeId: requestType.id });
    const sop = agent.caller.playbooks;
    const id = conversation.id;
    expect(await sop.sopForConversation({ conversationId: id })).toMatchObject({
      version: { id: v1.id, version: 1, requestTypeCode: requestType.code },
      checks: [],
      pinned: false,
    });

    const done = await sop.checkSopStep({ conversationId: id, stepId: 'step-1', state: 'done' });
    expect(done.pinned).toBe(true);
    expect(done.checks).toEqual([
      expect.objectContaining({
        stepId: 'step-1',
        state: 'done',
        skipReason: null,
        checkedByName: expect.any(String),
      }),
    ]);

    // Republishing does not move a conversation that already follows version 1.
    await publishedSop(requestType.code, [{ id: 'step-9', text: 'New step', required: true }]);
    expect((await sop.sopForConversation({ conversationId: id }))?.version.id).toBe(v1.id);

    await expectUnchanged(
      id,
      () =>
        sop.checkSopStep({
          conversationId: id,
          stepId: 'step-2',
          state: 'skipped',
          skipReason: ' ',
        }),
      'BAD_REQUEST',
      'skipReason',
    );
    await expectUnchanged(
      id,
      () => sop.checkSopStep({ conversationId: id, stepId: 'step-9', state: 'done' }),
      'BAD_REQUEST',
      'stepId',
    );
    await sop.checkSopStep({
      conversationId: id,
      stepId: 'step-2',
      state: 'skipped',
      skipReason: 'Driver unreachable',
    });
    const cleared = await sop.checkSopStep({ conversationId: id, stepId: 'step-1', state: null });
    expect(cleared.checks.map((check) => check.stepId)).toEqual(['step-2']);

    const events = (await eventsOf(db(), id)).filter((event) => event.type.startsWith('sop_step'));
    expect(events.map((event) => [event.type, event.payload])).toEqual([
      [
        'sop_step_checked',
        expect.objectContaining({
          stepId: 'step-1',
          version: 1,
          sopVersionId: v1.id,
          before: null,
          after: { state: 'done', skipReason: null },
        }),
      ],
      [
        'sop_step_checked',
        expect.objectContaining({
          stepId: 'step-2',
          before: null,
          after: { state: 'skipped', skipReason: 'Driver unreachable' },
        }),
      ],
      [
        'sop_step_unchecked',
        expect.objectContaining({
          stepId: 'step-1',
          before: { state: 'done', skipReason: null },
          after: null,
        }),
      ],
    ]);

    // The resolve gate in conversations.setStatus reads the same checks.
    await expectRefused(
      agent.caller.conversations.setStatus({ conversationId: id, status: 'resolved' }),
      'CONFLICT',
    );
    await sop.checkSopStep({ conversationId: id, stepId: 'step-1', state: 'done' });
    await agent.caller.conversations.setStatus({ conversationId: id, status: 'resolved' });
  });

  it('refuses outsiders, unknown conversations and closed ones', async () => {
    const requestType = await freshRequestType();
    await publishedSop(requestType.code, [{ id: 'step-1', text: 'Check it', required: true }]);
    const { agent, conversation } = await workspace({ requestTypeId: requestType.id });
    const check = { conversationId: conversation.id, stepId: 'step-1', state: 'done' as const };
    await expectRefused(callers.agent.caller.playbooks.checkSopStep(check), 'FORBIDDEN');
    await expectRefused(
      callers.agent.caller.playbooks.sopForConversation({ conversationId: conversation.id }),
      'FORBIDDEN',
    );
    await expectRefused(
      agent.caller.playbooks.checkSopStep({ ...check, conversationId: UNKNOWN_ID }),
      'NOT_FOUND',
    );
    // Trainers and admins see every inbox.
    await callers.trainer.caller.playbooks.checkSopStep(check);
    await db()
      .update(conversations)
      .set({ status: 'closed' })
      .where(eq(conversations.id, conversation.id));
    const closed = await expectUnchanged(
      conversation.id,
      () => agent.caller.playbooks.checkSopStep({ ...check, state: null }),
      'CONFLICT',
    );
    expect(closed.message).toMatch(/closed/);
  });
});
