import { chatPaths, inboxes, tags } from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import {
  type ChatPath,
  DEFAULT_HANDOVER_MESSAGE,
  SOLVED_QUESTION,
  SOLVED_REPLY,
} from '@switchboard/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
/**
 * Paths are global, one per audience. These tests own the driver path (the server's bot tests
 * own the guest one), and put back whatever was there, for databases that outlive a run.
 */
let previous: typeof chatPaths.$inferSelect | undefined;
let inboxCode: string;
let guestInboxCode: string;
let tagCode: string;

beforeAll(async () => {
  api = await createTestApi();
  [previous] = await db().select().from(chatPaths).where(eq(chatPaths.audience, 'driver'));
  inboxCode = (await createCityInboxFixture(db(), { audience: 'driver' })).inbox.code;
  guestInboxCode = (await createCityInboxFixture(db(), { audience: 'guest' })).inbox.code;
  tagCode = `payout-${uniqueSuffix().toLowerCase()}`;
  await db().insert(tags).values({ code: tagCode, name: 'Payout question' });
});
afterAll(async () => {
  if (previous) {
    const { id: _id, ...stored } = previous;
    await db().update(chatPaths).set(stored).where(eq(chatPaths.audience, 'driver'));
  } else {
    await db().delete(chatPaths).where(eq(chatPaths.audience, 'driver'));
  }
  await api.close();
});

const db = () => api.handle.db;

function driverPath(overrides: Partial<ChatPath> = {}): ChatPath {
  return {
    audience: 'driver',
    greeting: 'Hi! I’m the driver support assistant.',
    defaultHandover: { inboxCode, tags: [] },
    steps: [
      {
        id: 'start',
        kind: 'menu',
        prompt: 'What do you need help with?',
        options: [
          { label: 'A missing payout', next: 'booking-ref' },
          { label: 'Documents', next: 'documents' },
        ],
      },
      {
        id: 'booking-ref',
        kind: 'question',
        prompt: 'Which trip? Its booking reference, please.',
        field: 'booking_reference',
        fieldKey: 'booking_reference',
        next: 'payouts',
      },
      {
        id: 'payouts',
        kind: 'handover',
        inboxCode,
        tags: [tagCode],
        message: 'Passing you to the payouts team.',
      },
      {
        id: 'documents',
        kind: 'answer',
        text: 'Upload documents in the app under Profile → Documents.',
      },
    ],
    ...overrides,
  };
}

describe('chat paths', () => {
  it('lets a lead create and edit a path, each change versioned with a readable diff', async () => {
    const lead = await api.callerAs('lead');
    const created = await lead.caller.chatPaths.save({
      audience: 'driver',
      enabled: true,
      definition: driverPath(),
      rolloutNote: 'Drivers now meet a menu before a person.',
    });
    expect(created).toMatchObject({ audience: 'driver', enabled: true });
    expect(created.updatedByName).toMatch(/^Test lead/);

    const fetched = await lead.caller.chatPaths.get({ audience: 'driver' });
    expect(fetched.path?.definition.steps.map((step) => step.id)).toEqual([
      'start',
      'booking-ref',
      'payouts',
      'documents',
    ]);
    expect(fetched.problems).toEqual([]);
    const listed = await lead.caller.chatPaths.list();
    expect(listed.map((view) => view.audience)).toEqual(['guest', 'driver']);

    const edited = driverPath({ greeting: 'Hello, driver!' });
    edited.steps[1] = { ...edited.steps[1]!, prompt: 'Your booking reference?' } as never;
    edited.steps.push({ id: 'more', kind: 'answer', text: 'See the driver hub.' });
    (edited.steps[0] as Extract<ChatPath['steps'][number], { kind: 'menu' }>).options.push({
      label: 'Something else',
      next: 'more',
    });
    await lead.caller.chatPaths.save({ audience: 'driver', enabled: true, definition: edited });
    // Saving what is stored records nothing.
    await lead.caller.chatPaths.save({ audience: 'driver', enabled: true, definition: edited });
    // No inbox on a handover: the routing rules place the conversation.
    const byRules = { ...edited, defaultHandover: { tags: [] } };
    const saved = await lead.caller.chatPaths.save({
      audience: 'driver',
      enabled: true,
      definition: byRules,
    });
    expect(saved.definition.defaultHandover.inboxCode).toBeUndefined();
    expect((await lead.caller.chatPaths.get({ audience: 'driver' })).problems).toEqual([]);
    await lead.caller.chatPaths.setEnabled({ audience: 'driver', enabled: false });

    const history = await lead.caller.changes.list({
      entityType: 'chat_path',
      entityId: created.id,
    });
    const [disabled, toRules, updated, first] = history.items;
    expect(disabled).toMatchObject({ action: 'disabled', diff: ['Enabled: yes → no'] });
    expect(toRules!.diff).toEqual([
      `Talk to a person: inbox ${inboxCode} → the routing rules’ inbox`,
    ]);
    expect(updated).toMatchObject({ action: 'updated', entityName: 'Driver chat path' });
    expect(updated!.diff).toEqual([
      'Greeting: “Hi! I’m the driver support assistant.” → “Hello, driver!”',
      'Step start: added option “Something else” → more',
      'Step booking-ref: prompt “Which trip? Its booking reference, please.” → “Your booking reference?”',
      'Added step more (answer)',
    ]);
    if (!previous) {
      expect(first).toMatchObject({
        action: 'created',
        rolloutNote: 'Drivers now meet a menu before a person.',
      });
      expect(first!.diff).toContain(
        'Steps: start (menu), booking-ref (question), payouts (handover), documents (answer)',
      );
      expect(history.items).toHaveLength(4);
    }
    expect((await lead.caller.chatPaths.get({ audience: 'driver' })).path?.enabled).toBe(false);
  });

  it('keeps agents out, lets trainers read and test-drive but not save', async () => {
    const agent = await api.callerAs('agent');
    const trainer = await api.callerAs('trainer');
    await expect(agent.caller.chatPaths.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.caller.chatPaths.get({ audience: 'driver' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      agent.caller.chatPaths.preview({ definition: driverPath() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      agent.caller.chatPaths.save({ audience: 'driver', enabled: true, definition: driverPath() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(await trainer.caller.chatPaths.list()).toHaveLength(2);
    expect((await trainer.caller.chatPaths.get({ audience: 'driver' })).audience).toBe('driver');
    expect((await trainer.caller.chatPaths.preview({ definition: driverPath() })).turn.bot).toEqual(
      ['Hi! I’m the driver support assistant.', 'What do you need help with?'],
    );
    await expect(
      trainer.caller.chatPaths.save({
        audience: 'driver',
        enabled: true,
        definition: driverPath(),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      trainer.caller.chatPaths.setEnabled({ audience: 'driver', enabled: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await api.callerFor()).chatPaths.list()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('refuses a path that does not hang together, naming the field', async () => {
    const lead = await api.callerAs('lead');
    const save = (definition: unknown) =>
      lead.caller.chatPaths.save({
        audience: 'driver',
        enabled: true,
        definition: definition as ChatPath,
      });
    const path = driverPath();
    const [menu, question, handover, answer] = path.steps as [
      Extract<ChatPath['steps'][number], { kind: 'menu' }>,
      ChatPath['steps'][number],
      ChatPath['steps'][number],
      ChatPath['steps'][number],
    ];

    // A next step that is not a step.
    const unknownNext = await expectBadInput(
      save({ ...path, steps: [{ ...question, next: 'ghost' }, handover, menu, answer] }),
      'definition.steps.0',
    );
    expect(unknownNext).toContain('leads to ghost, which is not a step');
    // A step nothing leads to.
    const unreachable = await expectBadInput(
      save({
        ...path,
        steps: [{ ...menu, options: [menu.options[0]!] }, question, handover, answer],
      }),
      'definition.steps.3',
    );
    expect(unreachable).toContain('Nothing leads to step documents');
    // No "talk to a person" handover.
    const { defaultHandover: _missing, ...withoutHandover } = path;
    await expectBadInput(save(withoutHandover), 'definition.defaultHandover');
    // A handover to an inbox that does not exist, or serves the other audience.
    const message = await expectBadInput(
      save({
        ...path,
        steps: [menu, question, { ...handover, inboxCode: 'NO_SUCH_INBOX' }, answer],
      }),
      'definition.steps.2.inboxCode',
    );
    expect(message).toContain('There is no inbox NO_SUCH_INBOX');
    await expectBadInput(
      save({ ...path, defaultHandover: { inboxCode: guestInboxCode, tags: [] } }),
      'definition.defaultHandover.inboxCode',
    );
    await expectBadInput(
      save({ ...path, defaultHandover: { inboxCode, tags: ['no-such-tag'] } }),
      'definition.defaultHandover.tags.0',
    );
    await expectBadInput(save({ ...path, audience: 'guest' }), 'definition.audience');
    await expectBadInput(save({ ...path, greeting: ' ' }), 'definition.greeting');
  });

  it('reports a saved path whose inbox was switched off since', async () => {
    const lead = await api.callerAs('lead');
    const { inbox } = await createCityInboxFixture(db(), { audience: 'driver' });
    await lead.caller.chatPaths.save({
      audience: 'driver',
      enabled: false,
      definition: driverPath({ defaultHandover: { inboxCode: inbox.code, tags: [] } }),
    });
    await db().update(inboxes).set({ active: false }).where(eq(inboxes.id, inbox.id));
    const { problems } = await lead.caller.chatPaths.get({ audience: 'driver' });
    expect(problems).toEqual([
      { field: 'defaultHandover.inboxCode', message: `${inbox.name} is inactive` },
    ]);
    await expectBadInput(
      lead.caller.chatPaths.setEnabled({ audience: 'driver', enabled: true }),
      'definition.defaultHandover.inboxCode',
    );
  });

  it('test-drives a draft: menu, a refused then an accepted answer, a handover', async () => {
    const trainer = await api.callerAs('trainer');
    const definition = driverPath();
    const start = await trainer.caller.chatPaths.preview({ definition });
    expect(start.turn.expects).toEqual({
      kind: 'choose',
      options: ['A missing payout', 'Documents'],
    });
    const question = await trainer.caller.chatPaths.preview({
      definition,
      state: start.turn.state,
      input: { kind: 'choose', optionIndex: 0 },
    });
    expect(question.turn.bot).toEqual(['Which trip? Its booking reference, please.']);
    const refused = await trainer.caller.chatPaths.preview({
      definition,
      state: question.turn.state,
      input: { kind: 'answer', text: 'the one yesterday' },
    });
    expect(refused.turn.error).toMatch(/booking reference/);
    const handedOver = await trainer.caller.chatPaths.preview({
      definition,
      state: question.turn.state,
      input: { kind: 'answer', text: 'lis-7k3qf2' },
    });
    expect(handedOver.turn.done).toEqual({
      kind: 'handover',
      inboxCode,
      tags: [tagCode],
      collected: { booking_reference: 'LIS-7K3QF2' },
    });
    expect(handedOver.handoverInbox).toMatchObject({ code: inboxCode, active: true });

    const answered = await trainer.caller.chatPaths.preview({
      definition,
      state: start.turn.state,
      input: { kind: 'choose', optionIndex: 1 },
    });
    expect(answered.turn.bot.at(-1)).toBe(SOLVED_QUESTION);
    const solved = await trainer.caller.chatPaths.preview({
      definition,
      state: answered.turn.state,
      input: { kind: 'confirm', solved: true },
    });
    expect(solved.turn).toMatchObject({ bot: [SOLVED_REPLY], done: { kind: 'solved' } });
    const person = await trainer.caller.chatPaths.preview({
      definition,
      state: start.turn.state,
      input: { kind: 'talk_to_person' },
    });
    expect(person.turn.bot).toEqual([DEFAULT_HANDOVER_MESSAGE]);
    await expectBadInput(
      trainer.caller.chatPaths.preview({
        definition,
        state: start.turn.state,
        input: { kind: 'choose', optionIndex: -1 },
      }),
      'input.optionIndex',
    );
  });
});
