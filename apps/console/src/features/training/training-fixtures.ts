import { trainingModuleSettingsOf } from '@switchboard/domain';
import type { ProcedureOutput } from '@switchboard/ui/testing';

/* Test data shaped like the training API's answers. */

type Curriculum = ProcedureOutput<'training.curriculum'>;
type CurriculumModule = Curriculum['modules'][number];
type CohortRow = ProcedureOutput<'training.cohort'>['rows'][number];
type Summary = CohortRow['summary'];

export const CURRICULUM_ID = '6a6a6a6a-6a6a-4a6a-8a6a-6a6a6a6a6a6a';
export const READING_ID = '6b6b6b6b-6b6b-4b6b-8b6b-6b6b6b6b6b6b';
export const QUIZ_ID = '6c6c6c6c-6c6c-4c6c-8c6c-6c6c6c6c6c6c';
export const ENROLMENT_ID = '6d6d6d6d-6d6d-4d6d-8d6d-6d6d6d6d6d6d';
export const ATTEMPT_ID = '6e6e6e6e-6e6e-4e6e-8e6e-6e6e6e6e6e6e';
export const SOP_ID = '6f6f6f6f-6f6f-4f6f-8f6f-6f6f6f6f6f6f';
export const CERTIFICATION_ID = '7a7a7a7a-7a7a-4a7a-8a7a-7a7a7a7a7a7a';
export const TRAINEE_ID = 'trainee-beatriz';

export const EDITOR_OPTIONS: ProcedureOutput<'training.editorOptions'> = {
  certifications: [{ id: CERTIFICATION_ID, code: 'GUEST_REFUNDS', name: 'Guest refunds' }],
  sops: [
    {
      sopId: SOP_ID,
      requestTypeCode: 'CANCELLATION_REFUND',
      requestTypeName: 'Cancellation refund',
      versions: [
        { version: 1, title: 'Cancellation and refund', current: false },
        { version: 2, title: 'Cancellation and refund (airport)', current: true },
      ],
    },
  ],
};

export function readingModule(overrides: Partial<CurriculumModule> = {}): CurriculumModule {
  const definition = trainingModuleSettingsOf('sop_reading', { requiresSignOff: false });
  return {
    id: READING_ID,
    position: 0,
    kind: 'sop_reading',
    kindLabel: 'SOP reading',
    title: 'Read the refund playbook',
    body: '',
    sopId: SOP_ID,
    sopVersion: 1,
    requestTypeName: 'Cancellation refund',
    estimatedMinutes: 10,
    startedCount: 3,
    definition,
    requirement: 'Read and acknowledge',
    newerSopVersion: 2,
    ...overrides,
  };
}

export function curriculum(overrides: Partial<Curriculum> = {}): Curriculum {
  return {
    id: CURRICULUM_ID,
    code: 'GUEST_ONBOARDING',
    name: 'Guest support onboarding',
    description: 'New L1 agents on guest conversations',
    certificationId: CERTIFICATION_ID,
    certificationName: 'Guest refunds',
    requiresSignOff: true,
    archivedAt: null,
    enrolledCount: 6,
    completedCount: 2,
    teamPlans: [{ teamId: '99999999-9999-4999-8999-999999999999', teamName: 'Support L1' }],
    modules: [readingModule()],
    ...overrides,
  };
}

export function summary(overrides: Partial<Summary> = {}): Summary {
  return {
    state: 'in_progress',
    completedModules: 1,
    totalModules: 2,
    percent: 50,
    timeSpentSeconds: 900,
    awaitingMarking: 0,
    awaitingSignOff: 0,
    overdue: false,
    stuck: null,
    lastActivityAt: new Date('2026-03-01T10:00:00Z'),
    ...overrides,
  };
}
