import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  markAutomatically,
  type QuizQuestion,
  quizOutcome,
  quizQuestionSchema,
  quizResultText,
  quizScore,
  responseIssues,
  traineeQuestions,
  trainerMarkIssues,
} from './quiz.ts';

const single: QuizQuestion = {
  id: 'window',
  kind: 'multiple_choice',
  prompt: 'How long is the free-cancellation window?',
  options: [
    { id: 'a', text: '5 minutes' },
    { id: 'b', text: '2 minutes' },
  ],
  correctOptionIds: ['a'],
  points: 1,
};
const several: QuizQuestion = {
  id: 'checks',
  kind: 'multiple_choice',
  prompt: 'What do you check before refunding?',
  options: [
    { id: 'a', text: 'Earlier refunds' },
    { id: 'b', text: 'Cancellation time' },
    { id: 'c', text: 'The weather' },
  ],
  correctOptionIds: ['a', 'b'],
  points: 2,
};
const written: QuizQuestion = {
  id: 'explain',
  kind: 'short_answer',
  prompt: 'Explain to a guest why the refund takes 5 days',
  guidance: 'Bank processing time; give the reference',
  points: 2,
};
const quiz = [single, several, written];

describe('markAutomatically', () => {
  it('gives a multiple-choice question its points only for exactly the correct options', () => {
    const { marks } = markAutomatically(quiz, {
      window: { optionIds: ['a'] },
      checks: { optionIds: ['b', 'a'] },
    });
    expect(marks).toMatchObject({ window: 1, checks: 2 });
    expect(markAutomatically(quiz, { checks: { optionIds: ['a'] } }).marks.checks).toBe(0);
    expect(markAutomatically(quiz, { checks: { optionIds: ['a', 'b', 'c'] } }).marks.checks).toBe(
      0,
    );
    expect(markAutomatically(quiz, {}).marks.window).toBe(0);
  });

  it('leaves written short answers for a trainer and scores blank ones 0', () => {
    expect(markAutomatically(quiz, { explain: { text: 'Banks take days' } })).toMatchObject({
      awaitingMarking: ['explain'],
    });
    const blank = markAutomatically(quiz, { explain: { text: '   ' } });
    expect(blank.awaitingMarking).toEqual([]);
    expect(blank.marks.explain).toBe(0);
  });

  it('does not depend on the order options were ticked in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(['a', 'b', 'c']), (picked) => {
        const forwards = markAutomatically([several], { checks: { optionIds: picked } });
        const backwards = markAutomatically([several], {
          checks: { optionIds: [...picked].reverse() },
        });
        expect(forwards.marks).toEqual(backwards.marks);
      }),
    );
  });
});

describe('quizOutcome', () => {
  it('awaits marking until every question has a mark, then passes on the pass mark', () => {
    expect(quizOutcome(quiz, { window: 1, checks: 2 }, 80)).toEqual({
      status: 'awaiting_marking',
      score: null,
    });
    expect(quizOutcome(quiz, { window: 1, checks: 2, explain: 1 }, 80)).toEqual({
      status: 'passed',
      score: 80,
    });
    expect(quizOutcome(quiz, { window: 1, checks: 0, explain: 1 }, 80)).toEqual({
      status: 'failed',
      score: 40,
    });
  });

  it('rounds down, so 79.9% never passes an 80% mark', () => {
    const questions = Array.from({ length: 9 }, (_, index) => ({ ...single, id: `q${index}` }));
    const marks = Object.fromEntries(questions.map((q, index) => [q.id, index < 7 ? 1 : 0]));
    expect(quizScore(questions, marks).percent).toBe(77);
    expect(quizOutcome(questions, { ...marks, q7: 1 }, 89).status).toBe('failed');
  });

  it('keeps the score within 0–100 and never lowers it when a mark goes up', () => {
    const points = fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(points, fc.array(fc.integer({ min: -5, max: 25 })), (weights, given) => {
        const questions = weights.map((weight, index) => ({
          ...written,
          id: `q${index}`,
          points: weight,
        }));
        const marks = Object.fromEntries(questions.map((q, i) => [q.id, given[i] ?? 0]));
        const score = quizScore(questions, marks).percent;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        const better = { ...marks, q0: (marks.q0 ?? 0) + 1 };
        expect(quizScore(questions, better).percent).toBeGreaterThanOrEqual(score);
        const full = Object.fromEntries(questions.map((q) => [q.id, q.points]));
        expect(quizOutcome(questions, full, 100)).toEqual({ status: 'passed', score: 100 });
      }),
    );
  });

  it('words the result the way the quiz page shows it', () => {
    expect(quizResultText('passed', 100)).toBe('Passed — 100%');
    expect(quizResultText('failed', 40)).toBe('Failed — 40%');
    expect(quizResultText('awaiting_marking', null)).toBe('Awaiting marking');
  });
});

describe('questions', () => {
  it('refuses correct options the question does not offer and duplicate options', () => {
    const result = quizQuestionSchema.safeParse({ ...single, correctOptionIds: ['z'] });
    expect(result.error?.issues[0]).toMatchObject({ path: ['correctOptionIds'] });
    const twice = quizQuestionSchema.safeParse({
      ...single,
      options: [
        { id: 'a', text: 'Yes' },
        { id: 'b', text: 'yes' },
      ],
    });
    expect(twice.error?.issues[0]?.message).toBe('Options: two options say the same thing');
  });

  it('hides correct options and marking guidance from the trainee', () => {
    const shown = traineeQuestions(quiz);
    expect(JSON.stringify(shown)).not.toContain('correctOptionIds');
    expect(JSON.stringify(shown)).not.toContain('Bank processing');
    expect(shown.map((q) => (q.kind === 'multiple_choice' ? q.multipleAnswers : null))).toEqual([
      false,
      true,
      null,
    ]);
  });

  it('names responses to unknown questions, unknown options and two picks for one answer', () => {
    expect(
      responseIssues(quiz, {
        nope: { text: 'x' },
        window: { optionIds: ['a', 'b'] },
        checks: { optionIds: ['z'] },
      }).map((issue) => issue.path),
    ).toEqual(['responses.nope', 'responses.window.optionIds', 'responses.checks.optionIds']);
  });
});

describe('trainerMarkIssues', () => {
  it('asks for whole points within the question for every answer awaiting marking', () => {
    expect(trainerMarkIssues(quiz, ['explain'], { explain: 2 })).toEqual([]);
    expect(trainerMarkIssues(quiz, ['explain'], {})[0]?.message).toBe('Points: mark this answer');
    expect(trainerMarkIssues(quiz, ['explain'], { explain: 3 })[0]?.message).toBe(
      'Points: a whole number from 0 to 2',
    );
    expect(trainerMarkIssues(quiz, ['explain'], { explain: 1, window: 1 })[0]?.path).toBe(
      'marks.window',
    );
  });
});
