import { describe, expect, it } from 'vitest';
import {
  moduleRequirementText,
  trainingModuleInputSchema,
  trainingModuleSettingsOf,
} from './modules.ts';

const quiz = {
  kind: 'quiz',
  title: 'Refund policy check',
  settings: {
    passMarkPercent: 80,
    maxAttempts: 3,
    questions: [
      {
        id: 'window',
        kind: 'multiple_choice',
        prompt: 'How long is the free-cancellation window?',
        options: [
          { id: 'a', text: '5 minutes' },
          { id: 'b', text: '2 minutes' },
        ],
        correctOptionIds: ['a'],
      },
    ],
  },
};

function pathsOf(input: unknown) {
  return (trainingModuleInputSchema.safeParse(input).error?.issues ?? []).map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
}

describe('trainingModuleInputSchema', () => {
  it('fills defaults per kind: points, estimated time, sign-off for live practice', () => {
    const parsed = trainingModuleInputSchema.parse(quiz);
    expect(parsed).toMatchObject({ estimatedMinutes: 15, body: '' });
    expect(parsed.kind === 'quiz' && parsed.settings.questions[0]?.points).toBe(1);
    const nesting = trainingModuleInputSchema.parse({
      kind: 'nesting',
      title: 'Nesting',
      settings: { conversations: 10, qaThresholdPercent: 85 },
    });
    expect(nesting.settings).toEqual({
      conversations: 10,
      qaThresholdPercent: 85,
      minReviews: 3,
      requiresSignOff: true,
    });
  });

  it('names the field at fault with a message that says which', () => {
    expect(pathsOf({ ...quiz, settings: { ...quiz.settings, passMarkPercent: 120 } })).toEqual([
      { path: 'settings.passMarkPercent', message: 'Pass mark: between 1 and 100%' },
    ]);
    expect(pathsOf({ ...quiz, settings: { ...quiz.settings, questions: [] } })).toEqual([
      { path: 'settings.questions', message: 'Questions: add at least one' },
    ]);
    expect(
      pathsOf({ kind: 'sop_reading', title: 'Read', settings: {} }).map((i) => i.path),
    ).toEqual(['sopId', 'sopVersion']);
    expect(pathsOf({ kind: 'walkthrough', title: 'Tour', body: 'short', settings: {} })).toEqual([
      { path: 'body', message: 'Walkthrough: write the walkthrough (at least 20 characters)' },
    ]);
    expect(
      pathsOf({
        kind: 'nesting',
        title: 'Nesting',
        settings: { conversations: 2, qaThresholdPercent: 85, minReviews: 3 },
      }),
    ).toEqual([
      {
        path: 'settings.minReviews',
        message: 'QA reviews needed: at most the number of conversations',
      },
    ]);
  });

  it('reads stored settings back and describes what the module asks', () => {
    const stored = trainingModuleSettingsOf('quiz', quiz.settings);
    expect(moduleRequirementText(stored)).toBe('1 question · pass mark 80% · 3 attempts');
    expect(moduleRequirementText(trainingModuleSettingsOf('shadowing', { conversations: 5 }))).toBe(
      'Watch 5 live conversations',
    );
    expect(
      moduleRequirementText(
        trainingModuleSettingsOf('nesting', { conversations: 10, qaThresholdPercent: 85 }),
      ),
    ).toBe('Resolve 10 conversations at QA ≥ 85%');
    expect(() => trainingModuleSettingsOf('webinar', {})).toThrow();
  });
});
