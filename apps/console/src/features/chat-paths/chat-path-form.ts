import {
  type Audience,
  CHAT_FIELD_KINDS,
  type ChatFieldKind,
  type ChatPath,
  type ChatPathStep,
  chatPathSchema,
} from '@switchboard/domain';

/** The path as the editor holds it, with the switch and the note agents get about the change. */
export interface ChatPathFormValues {
  enabled: boolean;
  definition: ChatPath;
  rolloutNote: string;
}

/**
 * Checks the draft with the schema the server enforces; errors land on the paths the server
 * names too (`definition.steps.2.inboxCode`), so its refusals show on the same fields.
 */
export function validateChatPathForm(values: ChatPathFormValues): Record<string, string> {
  const parsed = chatPathSchema.safeParse(values.definition);
  const errors: Record<string, string> = {};
  for (const issue of parsed.error?.issues ?? []) {
    errors[['definition', ...issue.path.map(String)].join('.')] ??= issue.message;
  }
  return errors;
}

export const STEP_KINDS = ['menu', 'question', 'answer', 'handover'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const STEP_KIND_LABELS: Record<StepKind, { label: string; description: string }> = {
  menu: { label: 'Menu', description: 'Buttons the visitor chooses from' },
  question: { label: 'Question', description: 'Asks for a booking reference, email…' },
  answer: { label: 'Answer', description: 'Self-serve help, then “did this solve it?”' },
  handover: { label: 'Handover', description: 'Passes the visitor to an inbox' },
};

export const FIELD_KIND_LABELS: Record<ChatFieldKind, string> = {
  booking_reference: 'Booking reference',
  email: 'Email',
  phone: 'Phone number',
  free_text: 'Free text',
};

export const FIELD_KIND_OPTIONS = CHAT_FIELD_KINDS.map((kind) => ({
  value: kind,
  label: FIELD_KIND_LABELS[kind],
}));

/** What a lead starts from: a menu, a question in the visitor's words, a handover. */
export function starterPath(audience: Audience): ChatPath {
  return {
    audience,
    greeting: 'Hi! I’m the Switchboard assistant. I can help right away or pass you to a person.',
    defaultHandover: { tags: [] },
    steps: [
      {
        id: 'start',
        kind: 'menu',
        prompt: 'What can I help with?',
        options: [{ label: 'Something else', next: 'describe' }],
      },
      {
        id: 'describe',
        kind: 'question',
        prompt: 'Tell us a little about it.',
        field: 'free_text',
        fieldKey: 'details',
        next: 'person',
      },
      {
        id: 'person',
        kind: 'handover',
        tags: [],
        message: 'Thanks! A person will reply here shortly.',
      },
    ],
  };
}

/** A step id no other step uses: `question`, `question-2`, … */
export function freeStepId(steps: readonly ChatPathStep[], kind: StepKind): string {
  const taken = new Set(steps.map((step) => step.id));
  if (!taken.has(kind)) return kind;
  for (let n = 2; ; n += 1) if (!taken.has(`${kind}-${n}`)) return `${kind}-${n}`;
}

/** A new step of `kind`, leading to the first step so the path stays connected. */
export function newStep(kind: StepKind, steps: readonly ChatPathStep[]): ChatPathStep {
  const id = freeStepId(steps, kind);
  const next = steps[0]?.id ?? id;
  switch (kind) {
    case 'menu':
      return { id, kind, prompt: '', options: [{ label: '', next }] };
    case 'question':
      return { id, kind, prompt: '', field: 'free_text', fieldKey: 'details', next };
    case 'answer':
      return { id, kind, text: '' };
    case 'handover':
      return {
        id,
        kind,
        tags: [],
        message: 'Thanks! A person will reply here shortly.',
      };
  }
}

/** The steps with every link to `from` pointing at `to` instead (a step was renamed). */
export function relinkSteps(steps: ChatPathStep[], from: string, to: string): ChatPathStep[] {
  const relink = (next: string) => (next === from ? to : next);
  return steps.map((step): ChatPathStep => {
    if (step.kind === 'menu') {
      return {
        ...step,
        options: step.options.map((option) => ({ ...option, next: relink(option.next) })),
      };
    }
    if (step.kind === 'question') return { ...step, next: relink(step.next) };
    if (step.kind === 'answer' && step.next !== undefined) {
      return { ...step, next: relink(step.next) };
    }
    return step;
  });
}
