import { z } from 'zod';
import { audienceSchema } from '../shared/enums.ts';
import { tagCodeSchema } from '../taxonomy/tags.ts';
import { inboxCodeSchema } from './inboxes.ts';

/*
 * The web chat's bot flow, one per audience: a small graph of steps the visitor walks
 * before a person takes over (or the answer solves it). Pure: the widget and the server
 * keep the ChatState and call advanceChat with each input.
 */

export const chatStepIdSchema = z
  .string()
  .max(40, 'Step ids are at most 40 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Step ids are lower-case words joined by -, e.g. booking-ref');

const botText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${what}: write what the bot says`)
    .max(max, `${what}: at most ${max.toLocaleString('en')} characters`);

const chatTagsSchema = z.array(tagCodeSchema).max(10, 'Tags: at most 10').default([]);

export const CHAT_FIELD_KINDS = ['booking_reference', 'email', 'phone', 'free_text'] as const;
export type ChatFieldKind = (typeof CHAT_FIELD_KINDS)[number];

const menuStepSchema = z.object({
  id: chatStepIdSchema,
  kind: z.literal('menu'),
  prompt: botText('Prompt', 500),
  options: z
    .array(
      z.object({
        label: z
          .string()
          .trim()
          .min(1, 'Option: write its label')
          .max(60, 'Option: at most 60 characters'),
        next: chatStepIdSchema,
      }),
    )
    .min(1, 'Menu: add at least one option')
    .max(10, 'Menu: at most 10 options'),
});

const questionStepSchema = z.object({
  id: chatStepIdSchema,
  kind: z.literal('question'),
  prompt: botText('Question', 500),
  field: z.enum(CHAT_FIELD_KINDS, {
    error: 'Question: choose booking reference, email, phone or free text',
  }),
  /** Where the answer lands in `collected`, and so in the handover. */
  fieldKey: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,31}$/, 'Field keys are lower_snake_case, e.g. booking_reference'),
  next: chatStepIdSchema,
});

const answerStepSchema = z.object({
  id: chatStepIdSchema,
  kind: z.literal('answer'),
  /** Self-serve help; the bot then asks whether it solved the problem. */
  text: botText('Answer', 2000),
  /** Where "no, it did not" goes; without one, to the default handover. */
  next: chatStepIdSchema.optional(),
});

/**
 * Where a handover lands. Without an inbox the routing rules place the conversation as they
 * place any chat (by city, language, keywords), which is what an operator in several cities
 * usually wants; with one, the path overrides them.
 */
const handoverInboxSchema = inboxCodeSchema.optional();

const handoverStepSchema = z.object({
  id: chatStepIdSchema,
  kind: z.literal('handover'),
  inboxCode: handoverInboxSchema,
  tags: chatTagsSchema,
  message: botText('Handover message', 500),
});

export const chatPathStepSchema = z.discriminatedUnion(
  'kind',
  [menuStepSchema, questionStepSchema, answerStepSchema, handoverStepSchema],
  { error: 'Step: choose menu, question, answer or handover' },
);
export type ChatPathStep = z.infer<typeof chatPathStepSchema>;

export const DEFAULT_HANDOVER_MESSAGE =
  'Thanks — I’m passing you to a person on our team. They will reply here.';

const chatPathShape = z.object({
  audience: audienceSchema,
  greeting: botText('Greeting', 500),
  /** Where "talk to a person" goes, from any step. */
  defaultHandover: z.object({
    inboxCode: handoverInboxSchema,
    tags: chatTagsSchema,
    message: botText('Handover message', 500).optional(),
  }),
  /** The first step is where the chat starts. */
  steps: z.array(chatPathStepSchema).min(1, 'Add a first step').max(100, 'At most 100 steps'),
});

export type ChatPathIssueKind =
  | 'duplicate_step'
  | 'unknown_next'
  | 'unreachable_step'
  | 'no_way_out';

export interface ChatPathIssue {
  stepId: string;
  kind: ChatPathIssueKind;
  message: string;
}

type ChatPathShape = z.infer<typeof chatPathShape>;

function nextsOf(step: ChatPathStep): string[] {
  switch (step.kind) {
    case 'menu':
      return step.options.map((option) => option.next);
    case 'question':
      return [step.next];
    case 'answer':
      return step.next === undefined ? [] : [step.next];
    case 'handover':
      return [];
  }
}

/**
 * What makes a path unusable: step ids used twice, a `next` pointing nowhere, steps the
 * visitor can never reach from the first one, and steps from which no answer or handover
 * can be reached (a loop with no way out, which would keep the visitor forever).
 */
export function validateChatPath(path: Pick<ChatPathShape, 'steps'>): ChatPathIssue[] {
  const issues: ChatPathIssue[] = [];
  const byId = new Map<string, ChatPathStep>();
  for (const step of path.steps) {
    if (byId.has(step.id)) {
      issues.push({
        stepId: step.id,
        kind: 'duplicate_step',
        message: `Two steps are called ${step.id}; give each its own id`,
      });
    } else byId.set(step.id, step);
  }
  for (const step of byId.values()) {
    for (const next of nextsOf(step)) {
      if (!byId.has(next)) {
        issues.push({
          stepId: step.id,
          kind: 'unknown_next',
          message: `Step ${step.id} leads to ${next}, which is not a step`,
        });
      }
    }
  }

  const first = path.steps[0];
  const reachable = new Set<string>();
  const pending = first ? [first.id] : [];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (reachable.has(id) || !byId.has(id)) continue;
    reachable.add(id);
    pending.push(...nextsOf(byId.get(id)!));
  }
  for (const id of byId.keys()) {
    if (!reachable.has(id)) {
      issues.push({
        stepId: id,
        kind: 'unreachable_step',
        message: `Nothing leads to step ${id}, so no visitor will ever see it`,
      });
    }
  }

  // Steps that can end the chat, grown backwards until nothing changes.
  const canEnd = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const step of byId.values()) {
      if (canEnd.has(step.id)) continue;
      const ends =
        step.kind === 'handover' ||
        step.kind === 'answer' ||
        nextsOf(step).some((next) => canEnd.has(next));
      if (ends) {
        canEnd.add(step.id);
        grew = true;
      }
    }
  }
  for (const id of byId.keys()) {
    if (reachable.has(id) && !canEnd.has(id)) {
      issues.push({
        stepId: id,
        kind: 'no_way_out',
        message: `From step ${id} the visitor never reaches an answer or a person — it loops or leads nowhere`,
      });
    }
  }
  return issues;
}

export const chatPathSchema = chatPathShape.superRefine((path, ctx) => {
  for (const issue of validateChatPath(path)) {
    const index = path.steps.findIndex((step) => step.id === issue.stepId);
    ctx.addIssue({ code: 'custom', message: issue.message, path: ['steps', index] });
  }
});
export type ChatPath = z.infer<typeof chatPathSchema>;

// ---------------------------------------------------------------------------------------------
// Running a path
// ---------------------------------------------------------------------------------------------

export type ChatStatus = 'active' | 'handed_over' | 'solved';

export interface ChatState {
  /** The step waiting for the visitor; null once the chat has ended. */
  stepId: string | null;
  status: ChatStatus;
  collected: Record<string, string>;
}

export type ChatInput =
  | { kind: 'choose'; optionIndex: number }
  | { kind: 'answer'; text: string }
  | { kind: 'confirm'; solved: boolean }
  | { kind: 'talk_to_person' };

/** One visitor input as it arrives from the web chat or the console's test drive. */
export const chatInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('choose'),
      optionIndex: z.number().int().min(0, 'Choose an option').max(9, 'Choose an option'),
    }),
    z.object({ kind: z.literal('answer'), text: z.string().max(2000, 'At most 2,000 characters') }),
    z.object({ kind: z.literal('confirm'), solved: z.boolean() }),
    z.object({ kind: z.literal('talk_to_person') }),
  ],
  { error: 'Input: choose, answer, confirm or talk_to_person' },
) satisfies z.ZodType<ChatInput>;

export const chatStateSchema = z.object({
  stepId: chatStepIdSchema.nullable(),
  status: z.enum(['active', 'handed_over', 'solved']),
  collected: z.record(z.string().max(60), z.string().max(2000)),
}) satisfies z.ZodType<ChatState>;

/** What the widget should offer next. */
export type ChatExpectation =
  | { kind: 'choose'; options: string[] }
  | { kind: 'answer'; field: ChatFieldKind }
  | { kind: 'confirm'; question: string };

export type ChatDone =
  | {
      kind: 'handover';
      /** Absent: the routing rules place the conversation. */
      inboxCode?: string;
      tags: string[];
      collected: Record<string, string>;
    }
  | { kind: 'solved' };

export interface ChatTurn {
  state: ChatState;
  /** Bot messages to show, in order. */
  bot: string[];
  collected: Record<string, string>;
  /** Null once the chat has ended. */
  expects: ChatExpectation | null;
  done?: ChatDone;
  /** The input was not accepted; the state is unchanged and the visitor can try again. */
  error?: string;
}

export const SOLVED_QUESTION = 'Did this solve it?';
export const SOLVED_REPLY = 'Glad that helped! You can close this chat, or write again any time.';

/** The visitor's answer to a question, cleaned, or why it cannot be accepted. */
export function readChatField(
  field: ChatFieldKind,
  text: string,
): { ok: true; value: string } | { ok: false; error: string } {
  const value = text.trim();
  switch (field) {
    case 'booking_reference': {
      const reference = value.toUpperCase().replace(/\s+/g, '');
      // LIS-7K3QF2, LIS48213: a city or partner prefix and an alphanumeric code with a digit.
      return /^[A-Z0-9]{2,6}-?[A-Z0-9]{4,12}$/.test(reference) && /\d/.test(reference)
        ? { ok: true, value: reference }
        : {
            ok: false,
            error: 'That does not look like a booking reference — it looks like LIS-7K3QF2',
          };
    }
    case 'email':
      return z.email().max(320).safeParse(value).success
        ? { ok: true, value: value.toLowerCase() }
        : { ok: false, error: 'That does not look like an email address, e.g. ana@example.com' };
    case 'phone':
      return /^\+?[0-9 ().-]{5,30}$/.test(value) && value.replace(/\D/g, '').length >= 6
        ? { ok: true, value }
        : { ok: false, error: 'That does not look like a phone number, e.g. +351 912 345 678' };
    case 'free_text':
      if (value === '') return { ok: false, error: 'Write a few words, please' };
      return value.length <= 1000
        ? { ok: true, value }
        : { ok: false, error: 'That is a bit long — keep it under 1,000 characters' };
  }
}

function stepById(path: ChatPath, id: string | null): ChatPathStep | undefined {
  return id === null ? undefined : path.steps.find((step) => step.id === id);
}

function handOver(
  collected: Record<string, string>,
  target: { inboxCode?: string | undefined; tags: string[]; message?: string | undefined },
): ChatTurn {
  return {
    state: { stepId: null, status: 'handed_over', collected },
    bot: [target.message ?? DEFAULT_HANDOVER_MESSAGE],
    collected,
    expects: null,
    done: {
      kind: 'handover',
      ...(target.inboxCode ? { inboxCode: target.inboxCode } : {}),
      tags: [...target.tags],
      collected,
    },
  };
}

/** Shows a step: what the bot says on arriving, and what it then waits for. */
function enter(
  path: ChatPath,
  id: string | undefined,
  collected: Record<string, string>,
): ChatTurn {
  const step = id === undefined ? undefined : stepById(path, id);
  // A broken link (validateChatPath reports them) sends the visitor to a person, not a dead end.
  if (!step) return handOver(collected, path.defaultHandover);
  const state: ChatState = { stepId: step.id, status: 'active', collected };
  switch (step.kind) {
    case 'menu':
      return {
        state,
        bot: [step.prompt],
        collected,
        expects: { kind: 'choose', options: step.options.map((option) => option.label) },
      };
    case 'question':
      return {
        state,
        bot: [step.prompt],
        collected,
        expects: { kind: 'answer', field: step.field },
      };
    case 'answer':
      return {
        state,
        bot: [step.text, SOLVED_QUESTION],
        collected,
        expects: { kind: 'confirm', question: SOLVED_QUESTION },
      };
    case 'handover':
      return handOver(collected, step);
  }
}

/** The greeting and the first step. */
export function startChat(path: ChatPath): ChatTurn {
  const turn = enter(path, path.steps[0]?.id, {});
  return { ...turn, bot: [path.greeting, ...turn.bot] };
}

function refuse(path: ChatPath, state: ChatState, error: string): ChatTurn {
  const again =
    state.status === 'active' ? enter(path, state.stepId ?? undefined, state.collected) : null;
  return {
    state,
    bot: [],
    collected: state.collected,
    expects: again?.expects ?? null,
    error,
  };
}

/** One visitor input: the next state, what the bot says, and whether the chat has ended. */
export function advanceChat(path: ChatPath, state: ChatState, input: ChatInput): ChatTurn {
  if (state.status !== 'active') {
    return refuse(
      path,
      state,
      state.status === 'solved'
        ? 'This chat is closed. Start a new one if you need anything else.'
        : 'You are already in the queue for a person; they will reply here.',
    );
  }
  if (input.kind === 'talk_to_person') return handOver(state.collected, path.defaultHandover);

  const step = stepById(path, state.stepId);
  if (!step) return handOver(state.collected, path.defaultHandover);

  switch (step.kind) {
    case 'menu': {
      if (input.kind !== 'choose') return refuse(path, state, 'Choose one of the options');
      const option = step.options[input.optionIndex];
      if (!option) return refuse(path, state, 'Choose one of the options');
      return enter(path, option.next, state.collected);
    }
    case 'question': {
      if (input.kind !== 'answer') return refuse(path, state, 'Type your answer');
      const read = readChatField(step.field, input.text);
      if (!read.ok) return refuse(path, state, read.error);
      return enter(path, step.next, { ...state.collected, [step.fieldKey]: read.value });
    }
    case 'answer': {
      if (input.kind !== 'confirm') return refuse(path, state, 'Let us know: did this solve it?');
      if (!input.solved) return enter(path, step.next, state.collected);
      return {
        state: { stepId: null, status: 'solved', collected: state.collected },
        bot: [SOLVED_REPLY],
        collected: state.collected,
        expects: null,
        done: { kind: 'solved' },
      };
    }
    case 'handover':
      // The state never rests on a handover step; reaching one ends the chat.
      return handOver(state.collected, step);
  }
}
