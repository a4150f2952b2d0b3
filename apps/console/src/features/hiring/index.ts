export { CandidatePage } from './CandidatePage.tsx';
export { CandidatesPage } from './CandidatesPage.tsx';
export { PipelinePage } from './PipelinePage.tsx';
export { RequisitionPage } from './RequisitionPage.tsx';
export { RequisitionsPage } from './RequisitionsPage.tsx';
