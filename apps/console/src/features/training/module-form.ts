import { type FormErrors, useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import {
  type QuizQuestion,
  type TrainingModuleInput,
  type TrainingModuleKind,
  type TrainingModuleSettings,
  trainingModuleInputSchema,
  type WalkthroughSubject,
} from '@switchboard/domain';

/*
 * The module editor's form: one flat set of fields for every kind (only the kind's own are
 * shown), with list rows keyed for React. `moduleInputOf` builds what the server takes, and
 * validation runs the very schema the server enforces, its errors moved onto the inputs.
 */

export interface OptionValues {
  key: string;
  id: string;
  text: string;
  correct: boolean;
}

export interface QuestionValues {
  key: string;
  id: string;
  kind: QuizQuestion['kind'];
  prompt: string;
  points: number | string;
  guidance: string;
  options: OptionValues[];
}

export interface ModuleFormValues {
  kind: TrainingModuleKind;
  title: string;
  body: string;
  estimatedMinutes: number | string;
  requiresSignOff: boolean;
  sopId: string | null;
  sopVersion: string | null;
  subject: WalkthroughSubject;
  passMarkPercent: number | string;
  maxAttempts: number | string;
  questions: QuestionValues[];
  conversations: number | string;
  qaThresholdPercent: number | string;
  minReviews: number | string;
}

/** A short id unused among `taken`: `q-1`, `q-2`… Ids stay with their question through edits. */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let number = 1;
  while (used.has(`${prefix}-${number}`)) number += 1;
  return `${prefix}-${number}`;
}

export function newOption(taken: Iterable<string>, text = '', correct = false): OptionValues {
  return { key: randomId(), id: nextId('o', taken), text, correct };
}

export function newQuestion(
  taken: Iterable<string>,
  kind: QuizQuestion['kind'] = 'multiple_choice',
): QuestionValues {
  const first = newOption([]);
  return {
    key: randomId(),
    id: nextId('q', taken),
    kind,
    prompt: '',
    points: kind === 'short_answer' ? 2 : 1,
    guidance: '',
    options: [first, newOption([first.id])],
  };
}

const DEFAULT_MINUTES: Record<TrainingModuleKind, number> = {
  sop_reading: 10,
  walkthrough: 15,
  quiz: 15,
  shadowing: 120,
  nesting: 480,
};

/** A new module of `kind`, with the defaults a trainer most often keeps. */
export function newModuleValues(kind: TrainingModuleKind): ModuleFormValues {
  return {
    kind,
    title: '',
    body: '',
    estimatedMinutes: DEFAULT_MINUTES[kind],
    requiresSignOff: kind === 'shadowing' || kind === 'nesting',
    sopId: null,
    sopVersion: null,
    subject: 'tool',
    passMarkPercent: 80,
    maxAttempts: 3,
    questions: [newQuestion([])],
    conversations: kind === 'nesting' ? 10 : 5,
    qaThresholdPercent: 85,
    minReviews: 3,
  };
}

function questionValues(question: QuizQuestion): QuestionValues {
  return {
    key: randomId(),
    id: question.id,
    kind: question.kind,
    prompt: question.prompt,
    points: question.points,
    guidance: question.kind === 'short_answer' ? question.guidance : '',
    options:
      question.kind === 'multiple_choice'
        ? question.options.map((option) => ({
            key: randomId(),
            id: option.id,
            text: option.text,
            correct: question.correctOptionIds.includes(option.id),
          }))
        : [],
  };
}

/** A stored module as the form edits it. */
export function moduleValuesOf(module: {
  title: string;
  body: string;
  estimatedMinutes: number;
  sopId: string | null;
  sopVersion: number | null;
  definition: TrainingModuleSettings;
}): ModuleFormValues {
  const { definition } = module;
  const values: ModuleFormValues = {
    ...newModuleValues(definition.kind),
    title: module.title,
    body: module.body,
    estimatedMinutes: module.estimatedMinutes,
    requiresSignOff: definition.settings.requiresSignOff,
    sopId: module.sopId,
    sopVersion: module.sopVersion === null ? null : String(module.sopVersion),
  };
  switch (definition.kind) {
    case 'walkthrough':
      return { ...values, subject: definition.settings.subject };
    case 'quiz':
      return {
        ...values,
        passMarkPercent: definition.settings.passMarkPercent,
        maxAttempts: definition.settings.maxAttempts,
        questions: definition.settings.questions.map(questionValues),
      };
    case 'shadowing':
      return { ...values, conversations: definition.settings.conversations };
    case 'nesting':
      return {
        ...values,
        conversations: definition.settings.conversations,
        qaThresholdPercent: definition.settings.qaThresholdPercent,
        minReviews: definition.settings.minReviews,
      };
    default:
      return values;
  }
}

/** Empty number inputs give '' — sent as undefined so the schema names the field. */
const numberOf = (value: number | string) => (value === '' ? undefined : Number(value));

/** What the server takes, unvalidated: the schema decides. */
export function moduleInputOf(values: ModuleFormValues): unknown {
  const common = {
    kind: values.kind,
    title: values.title,
    body: values.body,
    estimatedMinutes: numberOf(values.estimatedMinutes),
  };
  const requiresSignOff = values.requiresSignOff;
  switch (values.kind) {
    case 'sop_reading':
      return {
        ...common,
        sopId: values.sopId ?? undefined,
        sopVersion: values.sopVersion === null ? undefined : Number(values.sopVersion),
        settings: { requiresSignOff },
      };
    case 'walkthrough':
      return { ...common, settings: { subject: values.subject, requiresSignOff } };
    case 'quiz':
      return {
        ...common,
        settings: {
          passMarkPercent: numberOf(values.passMarkPercent),
          maxAttempts: numberOf(values.maxAttempts),
          requiresSignOff,
          questions: values.questions.map((question) =>
            question.kind === 'multiple_choice'
              ? {
                  id: question.id,
                  kind: question.kind,
                  prompt: question.prompt,
                  points: numberOf(question.points),
                  options: question.options.map((option) => ({ id: option.id, text: option.text })),
                  correctOptionIds: question.options
                    .filter((option) => option.correct)
                    .map((option) => option.id),
                }
              : {
                  id: question.id,
                  kind: question.kind,
                  prompt: question.prompt,
                  points: numberOf(question.points),
                  guidance: question.guidance,
                },
          ),
        },
      };
    case 'shadowing':
      return {
        ...common,
        settings: { conversations: numberOf(values.conversations), requiresSignOff },
      };
    case 'nesting':
      return {
        ...common,
        settings: {
          conversations: numberOf(values.conversations),
          qaThresholdPercent: numberOf(values.qaThresholdPercent),
          minReviews: numberOf(values.minReviews),
          requiresSignOff,
        },
      };
  }
}

/**
 * Where a schema or server path shows on the form: settings fields sit at the top level, and
 * a question's correct options are marked on its options.
 */
export function formPathOf(path: string): string {
  return path
    .replace(/^module\./, '')
    .replace(/^settings\./, '')
    .replace(/(questions\.\d+)\.correctOptionIds.*$/, '$1.options');
}

export function validateModule(values: ModuleFormValues): FormErrors {
  const result = trainingModuleInputSchema.safeParse(moduleInputOf(values));
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const path = formPathOf(issue.path.map(String).join('.'));
    errors[path] ??= issue.message;
  }
  return errors;
}

export function parsedModule(values: ModuleFormValues): TrainingModuleInput {
  return trainingModuleInputSchema.parse(moduleInputOf(values));
}

/** The editor's form, validated by the module schema. */
export function useModuleForm(initialValues: ModuleFormValues) {
  return useForm<ModuleFormValues>({ mode: 'controlled', initialValues, validate: validateModule });
}
export type ModuleForm = ReturnType<typeof useModuleForm>;
