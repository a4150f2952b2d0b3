export { CohortPage } from './CohortPage.tsx';
export { CurriculaPage } from './CurriculaPage.tsx';
export { CurriculumPage } from './CurriculumPage.tsx';
export { MarkAttemptPage } from './MarkAttemptPage.tsx';
export { MarkingQueuePage } from './MarkingQueuePage.tsx';
export { TeamPlansPage } from './TeamPlansPage.tsx';
export { TraineesPage } from './TraineesPage.tsx';
export { TrainingRecordPage } from './TrainingRecordPage.tsx';
