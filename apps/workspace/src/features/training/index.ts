export { MyTrainingPage } from './MyTrainingPage.tsx';
export { TrainingModulePage } from './TrainingModulePage.tsx';
