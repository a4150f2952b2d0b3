import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guestPath } from './chat-path.fixture.ts';
import { type ChatInput, SOLVED_QUESTION } from './chat-paths.ts';
import {
  CHAT_BUTTON_LABELS,
  chatFieldLabel,
  chatHandoverDelivery,
  replayChat,
} from './chat-replay.ts';

const driverNoShow: ChatInput[] = [
  { kind: 'choose', optionIndex: 0 },
  { kind: 'answer', text: ' lis-7k3qf2 ' },
];

describe('replayChat', () => {
  it('re-derives the state from the accepted inputs and applies the new one', () => {
    const replay = replayChat(guestPath, driverNoShow, { kind: 'answer', text: 'Ana@Example.com' });
    expect(replay.ok).toBe(true);
    if (!replay.ok) return;
    expect(replay.turn.done).toEqual({
      kind: 'handover',
      inboxCode: 'LIS_GUEST',
      tags: ['no-show'],
      collected: { booking_reference: 'LIS-7K3QF2', email: 'ana@example.com' },
    });
    expect(replay.choices).toEqual(['Where is my driver?']);
    expect(replay.fieldKinds).toEqual({ booking_reference: 'booking_reference', email: 'email' });
    expect(replay.transcript).toEqual([
      { from: 'bot', text: guestPath.greeting },
      { from: 'bot', text: 'What can I help with?' },
      { from: 'contact', text: 'Where is my driver?' },
      { from: 'bot', text: 'What is your booking reference?' },
      { from: 'contact', text: 'lis-7k3qf2' },
      { from: 'bot', text: 'And your email?' },
      { from: 'contact', text: 'Ana@Example.com' },
      { from: 'bot', text: 'Connecting you with the pickup team now.' },
    ]);
  });

  it('keeps the state and says why when the new input is refused', () => {
    const replay = replayChat(guestPath, driverNoShow, { kind: 'answer', text: 'not an email' });
    expect(replay.ok && replay.turn.error).toMatch(/email address/);
    expect(replay.ok && replay.turn.expects).toEqual({ kind: 'answer', field: 'email' });
    expect(replay.ok && replay.transcript.at(-1)).toEqual({ from: 'bot', text: 'And your email?' });
  });

  it('reports the first earlier input the path no longer accepts', () => {
    expect(replayChat(guestPath, [{ kind: 'choose', optionIndex: 7 }])).toEqual({
      ok: false,
      staleAt: 0,
    });
    const afterEnd: ChatInput[] = [{ kind: 'talk_to_person' }, { kind: 'talk_to_person' }];
    expect(replayChat(guestPath, afterEnd)).toEqual({ ok: false, staleAt: 1 });
  });

  it('reads the visitor’s buttons in the transcript', () => {
    const replay = replayChat(guestPath, [{ kind: 'choose', optionIndex: 2 }], {
      kind: 'confirm',
      solved: true,
    });
    expect(replay.ok && replay.transcript.slice(-4)).toEqual([
      { from: 'bot', text: 'Lost items go to the desk at arrivals.' },
      { from: 'bot', text: SOLVED_QUESTION },
      { from: 'contact', text: CHAT_BUTTON_LABELS.solved },
      { from: 'bot', text: expect.stringMatching(/Glad/) },
    ]);
    expect(replay.ok && replay.turn.done).toEqual({ kind: 'solved' });
  });

  it('never throws, and a handover always carries only fields the path validated', () => {
    const input = fc.array(fc.constantFrom(...sampleInputs()), { maxLength: 12 });
    const fieldKeys = new Set(
      guestPath.steps.flatMap((step) => (step.kind === 'question' ? [step.fieldKey] : [])),
    );
    fc.assert(
      fc.property(input, (history) => {
        const replay = replayChat(guestPath, history);
        if (!replay.ok || replay.turn.done?.kind !== 'handover') return;
        for (const [key, value] of Object.entries(replay.turn.done.collected)) {
          expect(fieldKeys.has(key)).toBe(true);
          expect(value).toBe(value.trim());
        }
      }),
    );
  });
});

function sampleInputs(): ChatInput[] {
  return [
    { kind: 'choose', optionIndex: 0 },
    { kind: 'choose', optionIndex: 1 },
    { kind: 'choose', optionIndex: 3 },
    { kind: 'answer', text: 'LIS-7K3QF2' },
    { kind: 'answer', text: 'ana@example.com' },
    { kind: 'answer', text: '  my card was charged twice  ' },
    { kind: 'confirm', solved: false },
    { kind: 'confirm', solved: true },
    { kind: 'talk_to_person' },
  ];
}

describe('chatHandoverDelivery', () => {
  it('files the visitor’s own words, with the booking and email the bot collected', () => {
    const replay = replayChat(
      guestPath,
      [
        { kind: 'choose', optionIndex: 1 },
        { kind: 'confirm', solved: false },
      ],
      { kind: 'answer', text: 'Charged twice for LIS-7K3QF2' },
    );
    if (!replay.ok) throw new Error('replay refused');
    const delivery = chatHandoverDelivery(replay);
    expect(delivery).toMatchObject({
      text: 'Charged twice for LIS-7K3QF2',
      handover: {
        inboxCode: 'LIS_GUEST',
        tags: [],
        fields: { Details: 'Charged twice for LIS-7K3QF2' },
      },
    });
    expect(delivery?.bookingReference).toBeUndefined();
  });

  it('summarises choices and fields when the visitor wrote nothing of their own', () => {
    const replay = replayChat(guestPath, driverNoShow, { kind: 'answer', text: 'ana@example.com' });
    if (!replay.ok) throw new Error('replay refused');
    expect(chatHandoverDelivery(replay)).toMatchObject({
      text: 'Chose: Where is my driver?; Booking reference: LIS-7K3QF2; Email: ana@example.com',
      bookingReference: 'LIS-7K3QF2',
      email: 'ana@example.com',
      handover: { fields: { 'Booking reference': 'LIS-7K3QF2', Email: 'ana@example.com' } },
    });
  });

  it('says the visitor asked for a person, and delivers nothing before a handover', () => {
    const asked = replayChat(guestPath, [], { kind: 'talk_to_person' });
    if (!asked.ok) throw new Error('replay refused');
    expect(chatHandoverDelivery(asked)?.text).toBe('Asked to talk to a person');
    expect(chatHandoverDelivery(asked)?.handover).toMatchObject({
      inboxCode: 'LIS_GUEST',
      tags: ['chat-bot'],
    });
    const midway = replayChat(guestPath, [{ kind: 'choose', optionIndex: 0 }]);
    if (!midway.ok) throw new Error('replay refused');
    expect(chatHandoverDelivery(midway)).toBeNull();
  });

  it('labels field keys for people', () => {
    expect(chatFieldLabel('booking_reference')).toBe('Booking reference');
    expect(chatFieldLabel('email')).toBe('Email');
  });
});
