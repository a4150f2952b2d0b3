export const TRAINING_PATH = '/training';
export const TRAINEES_PATH = '/training/trainees';
export const MARKING_PATH = '/training/marking';
export const TEAM_PLANS_PATH = '/training/plans';

export const curriculumPath = (curriculumId: string) => `/training/curricula/${curriculumId}`;
export const cohortPath = (curriculumId: string) => `/training/curricula/${curriculumId}/cohort`;
export const recordPath = (userId: string) => `/training/people/${userId}`;
export const markAttemptPath = (attemptId: string) => `/training/marking/${attemptId}`;
