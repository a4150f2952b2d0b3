export { QaFigureCards } from './QaFigureCards.tsx';
export { QaTrendChart } from './QaTrendChart.tsx';
export { agentReviewsPath, QA_TRENDS_PATH } from './qa-links.ts';
export { qaRoute } from './qa-routes.tsx';
