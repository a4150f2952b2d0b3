import { z } from 'zod';
import { quizQuestionSchema } from './quiz.ts';

/*
 * The five kinds of training module and the settings each keeps in
 * `training_modules.settings`. Trainers edit them in the console; the same schemas check what
 * the server stores.
 */

export const TRAINING_MODULE_KINDS = [
  'sop_reading',
  'walkthrough',
  'quiz',
  'shadowing',
  'nesting',
] as const;
export const trainingModuleKindSchema = z.enum(TRAINING_MODULE_KINDS);
export type TrainingModuleKind = z.infer<typeof trainingModuleKindSchema>;

export const TRAINING_MODULE_KIND_LABELS: Record<TrainingModuleKind, string> = {
  sop_reading: 'SOP reading',
  walkthrough: 'Walkthrough',
  quiz: 'Quiz',
  shadowing: 'Shadowing',
  nesting: 'Nesting',
};

export const WALKTHROUGH_SUBJECTS = ['product', 'tool'] as const;
export type WalkthroughSubject = (typeof WALKTHROUGH_SUBJECTS)[number];
export const WALKTHROUGH_SUBJECT_LABELS: Record<WalkthroughSubject, string> = {
  product: 'Product',
  tool: 'Tool',
};

/** Live practice takes days: time on it is not measured, the conversations are. */
export const LIVE_PRACTICE_KINDS: readonly TrainingModuleKind[] = ['shadowing', 'nesting'];

export function isLivePractice(kind: TrainingModuleKind): boolean {
  return LIVE_PRACTICE_KINDS.includes(kind);
}

const requiresSignOffSchema = z.boolean({ error: 'Trainer sign-off: yes or no' });

export const sopReadingSettingsSchema = z.object({
  requiresSignOff: requiresSignOffSchema.default(false),
});

export const walkthroughSettingsSchema = z.object({
  subject: z.enum(WALKTHROUGH_SUBJECTS, { error: 'Subject: product or tool' }).default('tool'),
  requiresSignOff: requiresSignOffSchema.default(false),
});

export const quizSettingsSchema = z.object({
  passMarkPercent: z
    .number({ error: 'Pass mark: a whole percent' })
    .int('Pass mark: a whole percent')
    .min(1, 'Pass mark: between 1 and 100%')
    .max(100, 'Pass mark: between 1 and 100%'),
  maxAttempts: z
    .number({ error: 'Attempts: a whole number' })
    .int('Attempts: a whole number')
    .min(1, 'Attempts: at least 1')
    .max(10, 'Attempts: at most 10'),
  questions: z
    .array(quizQuestionSchema)
    .min(1, 'Questions: add at least one')
    .max(50, 'Questions: at most 50')
    .refine((questions) => new Set(questions.map((q) => q.id)).size === questions.length, {
      message: 'Questions: ids must differ',
    }),
  requiresSignOff: requiresSignOffSchema.default(false),
});

const conversationsSchema = z
  .number({ error: 'Conversations: a whole number' })
  .int('Conversations: a whole number')
  .min(1, 'Conversations: at least 1')
  .max(200, 'Conversations: at most 200');

export const shadowingSettingsSchema = z.object({
  conversations: conversationsSchema,
  requiresSignOff: requiresSignOffSchema.default(true),
});

export const nestingSettingsSchema = z
  .object({
    conversations: conversationsSchema,
    qaThresholdPercent: z
      .number({ error: 'QA threshold: a whole percent' })
      .int('QA threshold: a whole percent')
      .min(1, 'QA threshold: between 1 and 100%')
      .max(100, 'QA threshold: between 1 and 100%'),
    /** QA reviews of nesting conversations needed before the average counts. */
    minReviews: z
      .number({ error: 'QA reviews needed: a whole number' })
      .int('QA reviews needed: a whole number')
      .min(1, 'QA reviews needed: at least 1')
      .max(50, 'QA reviews needed: at most 50')
      .default(3),
    requiresSignOff: requiresSignOffSchema.default(true),
  })
  .refine((settings) => settings.minReviews <= settings.conversations, {
    path: ['minReviews'],
    message: 'QA reviews needed: at most the number of conversations',
  });

export type SopReadingSettings = z.infer<typeof sopReadingSettingsSchema>;
export type WalkthroughSettings = z.infer<typeof walkthroughSettingsSchema>;
export type QuizSettings = z.infer<typeof quizSettingsSchema>;
export type ShadowingSettings = z.infer<typeof shadowingSettingsSchema>;
export type NestingSettings = z.infer<typeof nestingSettingsSchema>;

const titleSchema = z
  .string({ error: 'Title: name the module' })
  .trim()
  .min(3, 'Title: at least 3 characters')
  .max(120, 'Title: at most 120 characters');
const bodySchema = z.string().max(20_000, 'Instructions: at most 20,000 characters').default('');
const estimatedMinutesSchema = z
  .number({ error: 'Estimated time: whole minutes' })
  .int('Estimated time: whole minutes')
  .min(1, 'Estimated time: at least 1 minute')
  .max(600, 'Estimated time: at most 10 hours');

/** What a trainer writes for one module: title, instructions, time, and the kind's settings. */
export const trainingModuleInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sop_reading'),
    title: titleSchema,
    body: bodySchema,
    estimatedMinutes: estimatedMinutesSchema.default(10),
    sopId: z.uuid('SOP: choose a playbook'),
    sopVersion: z
      .number({ error: 'SOP version: choose a published version' })
      .int('SOP version: choose a published version')
      .min(1, 'SOP version: choose a published version'),
    settings: sopReadingSettingsSchema,
  }),
  z.object({
    kind: z.literal('walkthrough'),
    title: titleSchema,
    body: z
      .string()
      .trim()
      .min(20, 'Walkthrough: write the walkthrough (at least 20 characters)')
      .max(20_000, 'Walkthrough: at most 20,000 characters'),
    estimatedMinutes: estimatedMinutesSchema.default(15),
    settings: walkthroughSettingsSchema,
  }),
  z.object({
    kind: z.literal('quiz'),
    title: titleSchema,
    body: bodySchema,
    estimatedMinutes: estimatedMinutesSchema.default(15),
    settings: quizSettingsSchema,
  }),
  z.object({
    kind: z.literal('shadowing'),
    title: titleSchema,
    body: bodySchema,
    estimatedMinutes: estimatedMinutesSchema.default(120),
    settings: shadowingSettingsSchema,
  }),
  z.object({
    kind: z.literal('nesting'),
    title: titleSchema,
    body: bodySchema,
    estimatedMinutes: estimatedMinutesSchema.default(480),
    settings: nestingSettingsSchema,
  }),
]);
export type TrainingModuleInput = z.infer<typeof trainingModuleInputSchema>;
/** A stored module's settings, read back through its kind's schema. */
export type TrainingModuleSettings =
  | { kind: 'sop_reading'; settings: SopReadingSettings }
  | { kind: 'walkthrough'; settings: WalkthroughSettings }
  | { kind: 'quiz'; settings: QuizSettings }
  | { kind: 'shadowing'; settings: ShadowingSettings }
  | { kind: 'nesting'; settings: NestingSettings };

const SETTINGS_SCHEMAS = {
  sop_reading: sopReadingSettingsSchema,
  walkthrough: walkthroughSettingsSchema,
  quiz: quizSettingsSchema,
  shadowing: shadowingSettingsSchema,
  nesting: nestingSettingsSchema,
} as const;

/** Parses stored settings; throws when the row is not one of the five kinds. */
export function trainingModuleSettingsOf(kind: string, settings: unknown): TrainingModuleSettings {
  const parsedKind = trainingModuleKindSchema.parse(kind);
  return {
    kind: parsedKind,
    settings: SETTINGS_SCHEMAS[parsedKind].parse(settings),
  } as TrainingModuleSettings;
}

/** One line on what the module asks: "Pass mark 80% · 3 attempts", "Watch 5 conversations". */
export function moduleRequirementText(module: TrainingModuleSettings): string {
  switch (module.kind) {
    case 'sop_reading':
      return 'Read and acknowledge';
    case 'walkthrough':
      return `${WALKTHROUGH_SUBJECT_LABELS[module.settings.subject]} · mark as done`;
    case 'quiz': {
      const { questions, passMarkPercent, maxAttempts } = module.settings;
      return `${questions.length} question${questions.length === 1 ? '' : 's'} · pass mark ${passMarkPercent}% · ${maxAttempts} attempt${maxAttempts === 1 ? '' : 's'}`;
    }
    case 'shadowing':
      return `Watch ${module.settings.conversations} live conversation${module.settings.conversations === 1 ? '' : 's'}`;
    case 'nesting':
      return `Resolve ${module.settings.conversations} conversation${module.settings.conversations === 1 ? '' : 's'} at QA ≥ ${module.settings.qaThresholdPercent}%`;
  }
}
