import {
  advanceChat,
  type ChatInput,
  type ChatPath,
  type ChatTurn,
  startChat,
} from './chat-paths.ts';

/*
 * Running a saved path for a web chat visitor: the server keeps no bot sessions, so each
 * request replays what the visitor did, and a handover becomes the conversation's first
 * message plus what the agent needs to know.
 */

/** What the web chat's bot collected before handing the visitor over to a person. */
export interface ChatHandover {
  /** The inbox the path hands over to; absent, the routing rules place the conversation. */
  inboxCode?: string;
  tags: string[];
  /** Collected fields by their label ("Booking reference": "LIS-7K3QF2"). */
  fields: Record<string, string>;
  transcript: ChatTranscriptLine[];
}

/** What the visitor's buttons say, as the transcript shows their choice. */
export const CHAT_BUTTON_LABELS = {
  solved: 'Yes, that solved it',
  notSolved: 'No',
  talkToPerson: 'Talk to a person',
} as const;

export interface ChatTranscriptLine {
  from: 'bot' | 'contact';
  text: string;
}

export type ChatReplay =
  | {
      ok: true;
      turn: ChatTurn;
      transcript: ChatTranscriptLine[];
      /** The menu options the visitor chose, in order. */
      choices: string[];
      /** Free-text answers, in order (the last one is what the visitor said in their words). */
      freeTexts: string[];
      /** The collected field keys by the kind of field that asked for them. */
      fieldKinds: Record<string, string>;
    }
  | {
      ok: false;
      /** The index in `history` that the path no longer accepts (it changed meanwhile). */
      staleAt: number;
    };

/**
 * Replays a visitor's accepted inputs from the start (the server keeps no bot sessions: the
 * widget sends what it did and the server re-derives the state, so a visitor cannot claim
 * fields the path never validated), then applies `input`. An earlier input the path no longer
 * accepts means the path changed since: the visitor starts again.
 */
export function replayChat(path: ChatPath, history: ChatInput[], input?: ChatInput): ChatReplay {
  let turn = startChat(path);
  const transcript: ChatTranscriptLine[] = turn.bot.map((text) => ({ from: 'bot', text }));
  const choices: string[] = [];
  const freeTexts: string[] = [];
  const fieldKinds: Record<string, string> = {};
  const apply = (step: ChatInput): ChatTurn => {
    const next = advanceChat(path, turn.state, step);
    if (next.error) return next;
    const current = path.steps.find((candidate) => candidate.id === turn.state.stepId);
    transcript.push({ from: 'contact', text: describeInput(turn, step) });
    if (step.kind === 'choose' && turn.expects?.kind === 'choose') {
      choices.push(turn.expects.options[step.optionIndex] ?? '');
    }
    if (step.kind === 'answer' && current?.kind === 'question') {
      fieldKinds[current.fieldKey] = current.field;
      if (current.field === 'free_text') freeTexts.push(next.collected[current.fieldKey] ?? '');
    }
    transcript.push(...next.bot.map((text) => ({ from: 'bot' as const, text })));
    return next;
  };
  for (const [index, step] of history.entries()) {
    if (turn.done) return { ok: false, staleAt: index };
    const next = apply(step);
    if (next.error) return { ok: false, staleAt: index };
    turn = next;
  }
  // A refused input keeps the state; the turn says why and what is still expected.
  if (input) turn = apply(input);
  return { ok: true, turn, transcript, choices, freeTexts, fieldKinds };
}

function describeInput(turn: ChatTurn, input: ChatInput): string {
  switch (input.kind) {
    case 'choose':
      return turn.expects?.kind === 'choose'
        ? (turn.expects.options[input.optionIndex] ?? '')
        : String(input.optionIndex + 1);
    case 'answer':
      return input.text.trim();
    case 'confirm':
      return input.solved ? CHAT_BUTTON_LABELS.solved : CHAT_BUTTON_LABELS.notSolved;
    case 'talk_to_person':
      return CHAT_BUTTON_LABELS.talkToPerson;
  }
}

/** `booking_reference` → "Booking reference". */
export function chatFieldLabel(fieldKey: string): string {
  const words = fieldKey.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface ChatHandoverDelivery {
  /** The first inbound message: the visitor's last words, or a summary of what they chose. */
  text: string;
  bookingReference?: string;
  email?: string;
  handover: ChatHandover;
}

/**
 * What a replay that ended in a handover delivers to intake: the conversation's first message
 * (the visitor's last free text, else "Chose: …; Booking reference: …"), the booking and email
 * the bot collected, and the handover (inbox, tags, fields, transcript) for the agent.
 */
export function chatHandoverDelivery(
  replay: Extract<ChatReplay, { ok: true }>,
): ChatHandoverDelivery | null {
  const done = replay.turn.done;
  if (replay.turn.error || done?.kind !== 'handover') return null;
  const fields = done.collected;
  const summary = [
    replay.choices.length > 0 ? `Chose: ${replay.choices.join(' → ')}` : null,
    ...Object.entries(fields)
      .filter(([key]) => replay.fieldKinds[key] !== 'free_text')
      .map(([key, value]) => `${chatFieldLabel(key)}: ${value}`),
  ].filter((part): part is string => part !== null);
  const text =
    replay.freeTexts.at(-1) ||
    (summary.length > 0 ? summary.join('; ') : 'Asked to talk to a person');
  const valueOfKind = (kind: string) =>
    Object.entries(fields).find(([key]) => replay.fieldKinds[key] === kind)?.[1];
  const bookingReference = valueOfKind('booking_reference');
  const email = valueOfKind('email');
  return {
    text,
    ...(bookingReference && bookingReference.length <= 40 ? { bookingReference } : {}),
    ...(email ? { email } : {}),
    handover: {
      ...(done.inboxCode ? { inboxCode: done.inboxCode } : {}),
      tags: done.tags,
      fields: Object.fromEntries(
        Object.entries(fields).map(([key, value]) => [chatFieldLabel(key), value]),
      ),
      transcript: replay.transcript,
    },
  };
}
