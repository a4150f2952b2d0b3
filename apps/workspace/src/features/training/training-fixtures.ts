import type { ProcedureOutput } from '@switchboard/ui/testing';

type Mine = ProcedureOutput<'training.mine'>;
type Enrolment = Mine['enrolments'][number];
type MineModule = Enrolment['modules'][number];
type ModuleView = ProcedureOutput<'training.myModule'>;

export const ENROLMENT_ID = '5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a5a';
export const READING_ID = '5b5b5b5b-5b5b-4b5b-8b5b-5b5b5b5b5b5b';
export const QUIZ_ID = '5c5c5c5c-5c5c-4c5c-8c5c-5c5c5c5c5c5c';
export const WALKTHROUGH_ID = '5d5d5d5d-5d5d-4d5d-8d5d-5d5d5d5d5d5d';

export function mineModule(overrides: Partial<MineModule> = {}): MineModule {
  return {
    id: READING_ID,
    title: 'Read the refund SOP',
    kind: 'sop_reading',
    kindLabel: 'SOP reading',
    requirement: 'Read and acknowledge',
    estimatedMinutes: 10,
    status: 'not_started',
    locked: false,
    score: null,
    attemptsLeft: null,
    progressText: null,
    ...overrides,
  };
}

export function enrolment(overrides: Partial<Enrolment> = {}): Enrolment {
  return {
    id: ENROLMENT_ID,
    curriculumName: 'Guest support onboarding',
    certificationName: 'Guest refunds',
    requiresSignOff: true,
    enrolledAt: new Date('2026-03-02T09:00:00Z'),
    dueAt: null,
    completedAt: null,
    summary: {
      state: 'in_progress',
      completedModules: 1,
      totalModules: 3,
      percent: 33,
      timeSpentSeconds: 600,
      awaitingMarking: 0,
      awaitingSignOff: 0,
      overdue: false,
      stuck: null,
      lastActivityAt: new Date('2026-03-03T09:00:00Z'),
    },
    modules: [
      mineModule({ status: 'completed' }),
      mineModule({
        id: QUIZ_ID,
        title: 'Refund policy quiz',
        kind: 'quiz',
        kindLabel: 'Quiz',
        requirement: '2 questions · pass mark 80% · 3 attempts',
        status: 'failed',
        score: 50,
        attemptsLeft: 2,
      }),
      mineModule({
        id: WALKTHROUGH_ID,
        title: 'The refund action',
        kind: 'walkthrough',
        kindLabel: 'Walkthrough',
        requirement: 'Tool · mark as done',
        locked: true,
      }),
    ],
    ...overrides,
  };
}

export function moduleView(overrides: Partial<ModuleView> = {}): ModuleView {
  return {
    enrolmentId: ENROLMENT_ID,
    curriculumName: 'Guest support onboarding',
    position: 1,
    moduleCount: 3,
    id: READING_ID,
    kind: 'sop_reading',
    kindLabel: 'SOP reading',
    title: 'Read the refund SOP',
    body: '',
    requirement: 'Read and acknowledge',
    estimatedMinutes: 10,
    requiresSignOff: false,
    locked: false,
    lockedBehind: null,
    status: 'in_progress',
    startedAt: new Date('2026-03-02T09:00:00Z'),
    completedAt: null,
    timeSpentSeconds: 0,
    signedOffAt: null,
    reading: null,
    quiz: null,
    livePractice: null,
    ...overrides,
  };
}

export const READING: NonNullable<ModuleView['reading']> = {
  sop: {
    version: 1,
    title: 'Cancellation and refund',
    requestTypeName: 'Cancellation refund',
    steps: [
      { id: 'check-policy', text: 'Check the **free-cancellation** window', required: true },
      { id: 'refund', text: 'Refund through the refund action', required: false },
    ],
  },
  acknowledgedVersion: null,
  canAcknowledge: true,
  reacknowledging: false,
};

export const QUIZ: NonNullable<ModuleView['quiz']> = {
  questions: [
    {
      id: 'window',
      kind: 'multiple_choice',
      prompt: 'How long is the free-cancellation window?',
      options: [
        { id: 'five', text: '5 minutes' },
        { id: 'two', text: '2 minutes' },
      ],
      multipleAnswers: false,
      points: 1,
    },
    {
      id: 'checks',
      kind: 'multiple_choice',
      prompt: 'What do you check before refunding?',
      options: [
        { id: 'earlier', text: 'Earlier refunds' },
        { id: 'time', text: 'Cancellation time' },
        { id: 'weather', text: 'The weather' },
      ],
      multipleAnswers: true,
      points: 1,
    },
    { id: 'explain', kind: 'short_answer', prompt: 'Explain the refund timeline', points: 1 },
  ],
  passMarkPercent: 80,
  maxAttempts: 3,
  attemptsLeft: 3,
  bestScore: null,
  blocker: null,
  attempts: [],
};
