import { z } from 'zod';
import type { TrainingProgressStatus } from './progress.ts';

/*
 * Quizzes: multiple-choice questions (one or more correct options) are marked the moment the
 * trainee submits; short answers wait for a trainer, who gives points per answer. An attempt
 * passes when its score reaches the pass mark.
 */

const questionIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, 'Question ids are short lower-case words');
const optionIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, 'Option ids are short lower-case words');

const promptSchema = z
  .string()
  .trim()
  .min(3, 'Question: write the question (at least 3 characters)')
  .max(500, 'Question: at most 500 characters');
const pointsSchema = z
  .number({ error: 'Points: a whole number' })
  .int('Points: a whole number')
  .min(1, 'Points: at least 1')
  .max(20, 'Points: at most 20');

export const quizOptionSchema = z.object({
  id: optionIdSchema,
  text: z
    .string()
    .trim()
    .min(1, 'Option: write the option')
    .max(300, 'Option: at most 300 characters'),
});
export type QuizOption = z.infer<typeof quizOptionSchema>;

export const multipleChoiceQuestionSchema = z
  .object({
    id: questionIdSchema,
    kind: z.literal('multiple_choice'),
    prompt: promptSchema,
    options: z
      .array(quizOptionSchema)
      .min(2, 'Options: give at least 2')
      .max(8, 'Options: at most 8'),
    /** One id: the trainee picks one (radio); several: "select all that apply". */
    correctOptionIds: z.array(optionIdSchema).min(1, 'Correct options: mark at least one'),
    points: pointsSchema.default(1),
  })
  .superRefine((question, context) => {
    const ids = question.options.map((option) => option.id);
    if (new Set(ids).size !== ids.length) {
      context.addIssue({ code: 'custom', path: ['options'], message: 'Options: ids must differ' });
    }
    const texts = question.options.map((option) => option.text.toLowerCase());
    if (new Set(texts).size !== texts.length) {
      context.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'Options: two options say the same thing',
      });
    }
    if (question.correctOptionIds.some((id) => !ids.includes(id))) {
      context.addIssue({
        code: 'custom',
        path: ['correctOptionIds'],
        message: 'Correct options: mark options of this question',
      });
    }
  });

export const shortAnswerQuestionSchema = z.object({
  id: questionIdSchema,
  kind: z.literal('short_answer'),
  prompt: promptSchema,
  /** What a good answer says: shown to the trainer who marks it, never to the trainee. */
  guidance: z.string().trim().max(2000, 'Marking guidance: at most 2,000 characters').default(''),
  points: pointsSchema.default(1),
});

export const quizQuestionSchema = z.discriminatedUnion('kind', [
  multipleChoiceQuestionSchema,
  shortAnswerQuestionSchema,
]);
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

/** A trainee's answer to one question: the options they ticked, or what they wrote. */
export const quizResponseSchema = z.object({
  optionIds: z.array(optionIdSchema).max(8, 'Answer: at most 8 options').optional(),
  text: z.string().max(4000, 'Answer: at most 4,000 characters').optional(),
});
export type QuizResponse = z.infer<typeof quizResponseSchema>;
export type QuizResponses = Record<string, QuizResponse>;

/** Points per question id. */
export type QuizMarks = Record<string, number>;

/** A question as the trainee sees it: no correct options, no marking guidance. */
export type TraineeQuizQuestion =
  | {
      id: string;
      kind: 'multiple_choice';
      prompt: string;
      options: QuizOption[];
      /** More than one option is correct: checkboxes instead of radios. */
      multipleAnswers: boolean;
      points: number;
    }
  | { id: string; kind: 'short_answer'; prompt: string; points: number };

export function traineeQuestions(questions: readonly QuizQuestion[]): TraineeQuizQuestion[] {
  return questions.map((question) =>
    question.kind === 'multiple_choice'
      ? {
          id: question.id,
          kind: question.kind,
          prompt: question.prompt,
          options: question.options,
          multipleAnswers: question.correctOptionIds.length > 1,
          points: question.points,
        }
      : { id: question.id, kind: question.kind, prompt: question.prompt, points: question.points },
  );
}

/** Responses to questions the quiz does not have, or options a question does not offer. */
export function responseIssues(
  questions: readonly QuizQuestion[],
  responses: QuizResponses,
): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const byId = new Map(questions.map((question) => [question.id, question]));
  for (const [questionId, response] of Object.entries(responses)) {
    const question = byId.get(questionId);
    if (!question) {
      issues.push({ path: `responses.${questionId}`, message: 'This quiz has no such question' });
      continue;
    }
    if (question.kind === 'multiple_choice') {
      const offered = new Set(question.options.map((option) => option.id));
      const picked = response.optionIds ?? [];
      if (picked.some((id) => !offered.has(id))) {
        issues.push({
          path: `responses.${questionId}.optionIds`,
          message: 'Answer: pick options of this question',
        });
      } else if (question.correctOptionIds.length === 1 && picked.length > 1) {
        issues.push({
          path: `responses.${questionId}.optionIds`,
          message: 'Answer: pick one option',
        });
      }
    }
  }
  return issues;
}

export interface AutomaticMarking {
  /** Points of every question marked so far. */
  marks: QuizMarks;
  /** Short answers a trainer still has to mark. */
  awaitingMarking: string[];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

/**
 * Marks what can be marked at once: a multiple-choice question scores its points when the
 * ticked options are exactly the correct ones (no partial credit: "select all that apply"
 * means all), otherwise 0. A blank short answer scores 0; a written one awaits a trainer.
 */
export function markAutomatically(
  questions: readonly QuizQuestion[],
  responses: QuizResponses,
): AutomaticMarking {
  const marks: QuizMarks = {};
  const awaitingMarking: string[] = [];
  for (const question of questions) {
    const response = responses[question.id];
    if (question.kind === 'multiple_choice') {
      marks[question.id] = sameSet(response?.optionIds ?? [], question.correctOptionIds)
        ? question.points
        : 0;
    } else if ((response?.text ?? '').trim().length === 0) {
      marks[question.id] = 0;
    } else {
      awaitingMarking.push(question.id);
    }
  }
  return { marks, awaitingMarking };
}

export interface QuizScore {
  points: number;
  maxPoints: number;
  /** Whole percent, rounded down so a score never rounds up to a pass. */
  percent: number;
}

export function quizScore(questions: readonly QuizQuestion[], marks: QuizMarks): QuizScore {
  const maxPoints = questions.reduce((sum, question) => sum + question.points, 0);
  const points = questions.reduce(
    (sum, question) => sum + Math.min(question.points, Math.max(0, marks[question.id] ?? 0)),
    0,
  );
  return {
    points,
    maxPoints,
    percent: maxPoints === 0 ? 0 : Math.floor((points * 100) / maxPoints),
  };
}

export type QuizAttemptStatus = 'awaiting_marking' | 'passed' | 'failed';

export const QUIZ_ATTEMPT_STATUS_LABELS: Record<QuizAttemptStatus, string> = {
  awaiting_marking: 'Awaiting marking',
  passed: 'Passed',
  failed: 'Failed',
};

/** Awaiting marking while any question has no mark; then passed or failed on the pass mark. */
export function quizOutcome(
  questions: readonly QuizQuestion[],
  marks: QuizMarks,
  passMarkPercent: number,
): { status: QuizAttemptStatus; score: number | null } {
  if (questions.some((question) => marks[question.id] === undefined)) {
    return { status: 'awaiting_marking', score: null };
  }
  const { percent } = quizScore(questions, marks);
  return { status: percent >= passMarkPercent ? 'passed' : 'failed', score: percent };
}

/** "Passed — 100%", "Failed — 40%", "Awaiting marking". */
export function quizResultText(status: QuizAttemptStatus, score: number | null): string {
  if (status === 'awaiting_marking' || score === null) return 'Awaiting marking';
  return `${QUIZ_ATTEMPT_STATUS_LABELS[status]} — ${score}%`;
}

/**
 * The trainer's points for the short answers awaiting marking: every one needs whole points
 * between 0 and the question's points; nothing else may be marked by hand.
 */
export function trainerMarkIssues(
  questions: readonly QuizQuestion[],
  awaitingMarking: readonly string[],
  trainerMarks: QuizMarks,
): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const byId = new Map(questions.map((question) => [question.id, question]));
  for (const questionId of awaitingMarking) {
    const question = byId.get(questionId);
    const points = trainerMarks[questionId];
    if (!question) continue;
    if (points === undefined) {
      issues.push({ path: `marks.${questionId}`, message: 'Points: mark this answer' });
    } else if (!Number.isInteger(points) || points < 0 || points > question.points) {
      issues.push({
        path: `marks.${questionId}`,
        message: `Points: a whole number from 0 to ${question.points}`,
      });
    }
  }
  for (const questionId of Object.keys(trainerMarks)) {
    if (!awaitingMarking.includes(questionId)) {
      issues.push({
        path: `marks.${questionId}`,
        message: 'Points: this answer is not waiting for marking',
      });
    }
  }
  return issues;
}

/** Attempts still allowed, never below zero. */
export function attemptsLeft(maxAttempts: number, attemptsUsed: number): number {
  return Math.max(0, maxAttempts - attemptsUsed);
}

/** A failed quiz with no attempts left: only a trainer allowing a retake opens it again. */
export function outOfQuizAttempts(module: {
  status: TrainingProgressStatus;
  maxAttempts: number | null;
  attempts: number;
}): boolean {
  return (
    module.status === 'failed' &&
    module.maxAttempts !== null &&
    attemptsLeft(module.maxAttempts, module.attempts) === 0
  );
}
