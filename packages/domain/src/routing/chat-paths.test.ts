import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guestPath } from './chat-path.fixture.ts';
import {
  advanceChat,
  type ChatInput,
  type ChatPath,
  type ChatPathStep,
  type ChatState,
  chatPathSchema,
  DEFAULT_HANDOVER_MESSAGE,
  readChatField,
  SOLVED_QUESTION,
  SOLVED_REPLY,
  startChat,
  validateChatPath,
} from './chat-paths.ts';

/** Runs inputs from the start, returning every turn. */
function walk(path: ChatPath, inputs: ChatInput[]) {
  const turns = [startChat(path)];
  for (const input of inputs) turns.push(advanceChat(path, turns.at(-1)!.state, input));
  return turns;
}

describe('chat path schema and validation', () => {
  it('accepts a well-formed path', () => {
    expect(chatPathSchema.safeParse(guestPath).success).toBe(true);
    expect(validateChatPath(guestPath)).toEqual([]);
  });

  it('validates fields with messages that name them', () => {
    const bad = {
      ...guestPath,
      greeting: ' ',
      steps: [{ id: 'Start Here', kind: 'menu', prompt: 'Hi', options: [] }],
    };
    const messages = chatPathSchema.safeParse(bad).error?.issues.map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Greeting: write what the bot says',
        'Step ids are lower-case words joined by -, e.g. booking-ref',
        'Menu: add at least one option',
      ]),
    );
  });

  const step = (id: string, next: string[]): ChatPathStep => ({
    id,
    kind: 'menu',
    prompt: id,
    options: next.map((n) => ({ label: n, next: n })),
  });
  const handover: ChatPathStep = {
    id: 'person',
    kind: 'handover',
    inboxCode: 'LIS_GUEST',
    tags: [],
    message: 'Bye',
  };

  it('reports duplicate ids, links to nowhere, unreachable steps and loops with no way out', () => {
    const path = {
      steps: [
        step('start', ['loop-a', 'person', 'ghost']),
        step('loop-a', ['loop-b']),
        step('loop-b', ['loop-a']),
        handover,
        step('island', ['person']),
        { ...handover },
      ],
    };
    expect(validateChatPath(path).map((issue) => `${issue.kind}:${issue.stepId}`)).toEqual([
      'duplicate_step:person',
      'unknown_next:start',
      'unreachable_step:island',
      'no_way_out:loop-a',
      'no_way_out:loop-b',
    ]);
    const issues =
      chatPathSchema.safeParse({ ...guestPath, steps: path.steps }).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toContainEqual([
      'steps.0',
      'Step start leads to ghost, which is not a step',
    ]);
  });

  it('accepts a loop that has a way out', () => {
    const path = { steps: [step('start', ['more']), step('more', ['start', 'person']), handover] };
    expect(validateChatPath(path)).toEqual([]);
  });
});

describe('running a chat path', () => {
  it('greets and shows the first step', () => {
    const turn = startChat(guestPath);
    expect(turn.bot).toEqual(['Hi! I’m the Switchboard assistant.', 'What can I help with?']);
    expect(turn.expects).toEqual({
      kind: 'choose',
      options: ['Where is my driver?', 'Refunds', 'Lost something', 'Something else'],
    });
    expect(turn.state).toEqual({ stepId: 'start', status: 'active', collected: {} });
    expect(turn.done).toBeUndefined();
  });

  it('collects validated answers and hands over with them', () => {
    const turns = walk(guestPath, [
      { kind: 'choose', optionIndex: 0 },
      { kind: 'answer', text: 'my car is late' },
      { kind: 'answer', text: ' lis-7k3qf2 ' },
      { kind: 'answer', text: 'ana@' },
      { kind: 'answer', text: 'Ana@Example.com' },
    ]);
    expect(turns[1]?.bot).toEqual(['What is your booking reference?']);
    expect(turns[2]).toMatchObject({
      bot: [],
      error: 'That does not look like a booking reference — it looks like LIS-7K3QF2',
      state: { stepId: 'booking-ref' },
      expects: { kind: 'answer', field: 'booking_reference' },
    });
    expect(turns[3]?.collected).toEqual({ booking_reference: 'LIS-7K3QF2' });
    expect(turns[4]?.error).toBe('That does not look like an email address, e.g. ana@example.com');
    expect(turns[5]).toMatchObject({
      bot: ['Connecting you with the pickup team now.'],
      expects: null,
      state: { stepId: null, status: 'handed_over' },
      done: {
        kind: 'handover',
        inboxCode: 'LIS_GUEST',
        tags: ['no-show'],
        collected: { booking_reference: 'LIS-7K3QF2', email: 'ana@example.com' },
      },
    });
  });

  it('closes as solved when the answer helps', () => {
    const turns = walk(guestPath, [
      { kind: 'choose', optionIndex: 1 },
      { kind: 'confirm', solved: true },
    ]);
    expect(turns[1]?.bot).toEqual([
      'Refunds reach your card within 5 working days.',
      SOLVED_QUESTION,
    ]);
    expect(turns[1]?.expects).toEqual({ kind: 'confirm', question: SOLVED_QUESTION });
    expect(turns[2]).toMatchObject({
      bot: [SOLVED_REPLY],
      done: { kind: 'solved' },
      state: { status: 'solved' },
    });
  });

  it('goes on when the answer does not help, or to a person when the answer has nowhere to go', () => {
    const notSolved = walk(guestPath, [
      { kind: 'choose', optionIndex: 1 },
      { kind: 'confirm', solved: false },
      { kind: 'answer', text: 'The refund never arrived' },
    ]);
    expect(notSolved[2]?.bot).toEqual(['Tell us a little more.']);
    expect(notSolved[3]?.done).toEqual({
      kind: 'handover',
      inboxCode: 'LIS_GUEST',
      tags: [],
      collected: { details: 'The refund never arrived' },
    });
    const lost = walk(guestPath, [
      { kind: 'choose', optionIndex: 2 },
      { kind: 'confirm', solved: false },
    ]);
    expect(lost[2]).toMatchObject({
      bot: [DEFAULT_HANDOVER_MESSAGE],
      done: { kind: 'handover', inboxCode: 'LIS_GUEST', tags: ['chat-bot'] },
    });
  });

  it('hands over to the default handover from any step when the visitor asks for a person', () => {
    const withMessage = {
      ...guestPath,
      defaultHandover: { ...guestPath.defaultHandover, message: 'One moment.' },
    };
    const turns = walk(withMessage, [
      { kind: 'choose', optionIndex: 0 },
      { kind: 'answer', text: 'LIS-48213' },
      { kind: 'talk_to_person' },
    ]);
    expect(turns[3]).toMatchObject({
      bot: ['One moment.'],
      done: {
        kind: 'handover',
        inboxCode: 'LIS_GUEST',
        tags: ['chat-bot'],
        collected: { booking_reference: 'LIS-48213' },
      },
    });
    expect(walk(guestPath, [{ kind: 'talk_to_person' }])[1]?.done?.kind).toBe('handover');
  });

  it('refuses input that does not fit the step, keeping the state', () => {
    const start = startChat(guestPath);
    for (const [input, error] of [
      [{ kind: 'answer', text: 'hi' }, 'Choose one of the options'],
      [{ kind: 'choose', optionIndex: 9 }, 'Choose one of the options'],
      [{ kind: 'confirm', solved: true }, 'Choose one of the options'],
    ] as const) {
      const turn = advanceChat(guestPath, start.state, input);
      expect(turn.error).toBe(error);
      expect(turn.state).toBe(start.state);
      expect(turn.expects).toEqual(start.expects);
    }
    const question = advanceChat(guestPath, start.state, { kind: 'choose', optionIndex: 0 });
    expect(advanceChat(guestPath, question.state, { kind: 'choose', optionIndex: 0 }).error).toBe(
      'Type your answer',
    );
  });

  it('refuses input once the chat has ended', () => {
    const ended = walk(guestPath, [{ kind: 'talk_to_person' }])[1]!;
    const after = advanceChat(guestPath, ended.state, { kind: 'choose', optionIndex: 0 });
    expect(after.error).toBe('You are already in the queue for a person; they will reply here.');
    expect(after.done).toBeUndefined();
    expect(after.expects).toBeNull();
  });

  it('sends a visitor on a broken link to a person rather than a dead end', () => {
    const broken: ChatPath = {
      ...guestPath,
      steps: [
        { id: 'start', kind: 'menu', prompt: 'Hi', options: [{ label: 'Go', next: 'missing' }] },
      ],
    };
    expect(walk(broken, [{ kind: 'choose', optionIndex: 0 }])[1]?.done).toMatchObject({
      kind: 'handover',
    });
    const stale: ChatState = { stepId: 'removed-step', status: 'active', collected: {} };
    expect(advanceChat(guestPath, stale, { kind: 'answer', text: 'x' }).done).toMatchObject({
      kind: 'handover',
    });
  });

  it('property: any sequence of inputs ends in a handover or solved, or waits on a real step', () => {
    const inputArb: fc.Arbitrary<ChatInput> = fc.oneof(
      fc.record({
        kind: fc.constant('choose' as const),
        optionIndex: fc.integer({ min: -1, max: 5 }),
      }),
      fc.record({
        kind: fc.constant('answer' as const),
        text: fc.constantFrom('', 'LIS-7K3QF2', 'ana@example.com', 'hello', '+351 912 345 678'),
      }),
      fc.record({ kind: fc.constant('confirm' as const), solved: fc.boolean() }),
      fc.constant({ kind: 'talk_to_person' as const }),
    );
    const stepIds = new Set(guestPath.steps.map((s) => s.id));
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 15 }), (inputs) => {
        let turn = startChat(guestPath);
        let ended = false;
        for (const input of inputs) {
          const before = turn.state.collected;
          turn = advanceChat(guestPath, turn.state, input);
          for (const [key, value] of Object.entries(before))
            expect(turn.collected[key]).toBe(value);
          if (ended) expect(turn.error).toBeDefined();
          if (turn.done) ended = true;
          if (turn.state.status === 'active') {
            expect(stepIds.has(turn.state.stepId!)).toBe(true);
            expect(turn.expects).not.toBeNull();
          } else expect(turn.state.stepId).toBeNull();
        }
      }),
    );
  });
});

describe('readChatField', () => {
  it.each([
    ['booking_reference', 'LIS-7K3QF2', 'LIS-7K3QF2'],
    ['booking_reference', 'lis 48213', 'LIS48213'],
    ['email', ' Ana@Example.com ', 'ana@example.com'],
    ['phone', '+351 912 345 678', '+351 912 345 678'],
    ['free_text', '  my bag  ', 'my bag'],
  ] as const)('accepts %s %j', (field, text, value) => {
    expect(readChatField(field, text)).toEqual({ ok: true, value });
  });

  it.each([
    ['booking_reference', 'HELLO-WORLD'],
    ['booking_reference', '12'],
    ['email', 'not an email'],
    ['phone', 'call me'],
    ['phone', '+1 23'],
    ['free_text', '   '],
    ['free_text', 'x'.repeat(1001)],
  ] as const)('refuses %s %j', (field, text) => {
    expect(readChatField(field, text)).toMatchObject({ ok: false, error: expect.any(String) });
  });
});
