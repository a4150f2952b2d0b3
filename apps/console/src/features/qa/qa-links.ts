/** Addresses of the console's Quality pages. */
export const QA_PATH = '/qa';
export const QA_REVIEWS_PATH = '/qa/reviews';
export const QA_SAMPLES_PATH = '/qa/samples';
export const QA_CALIBRATION_PATH = '/qa/calibration';
export const QA_TRENDS_PATH = '/qa/trends';
export const QA_SCORECARDS_PATH = '/qa/scorecards';

export const reviewPath = (id: string) => `${QA_REVIEWS_PATH}/${id}`;
export const calibrationPath = (id: string) => `${QA_CALIBRATION_PATH}/${id}`;
export const scorecardPath = (id: string) => `${QA_SCORECARDS_PATH}/${id}`;
export const scorecardHistoryPath = (id: string) =>
  `/changes?entityType=qa_scorecard&entityId=${id}`;

/** The reviews of one agent, e.g. from their KPI scorecard. */
export const agentReviewsPath = (agentId: string) =>
  `${QA_REVIEWS_PATH}?agent=${encodeURIComponent(agentId)}&tab=all`;
