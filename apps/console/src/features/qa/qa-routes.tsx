import { Navigate, type RouteObject } from 'react-router';
import { CalibrationSessionPage } from './CalibrationSessionPage.tsx';
import { CalibrationsPage } from './CalibrationsPage.tsx';
import { QaLayout } from './QaLayout.tsx';
import { QA_PATH, QA_REVIEWS_PATH } from './qa-links.ts';
import { ReviewPage } from './ReviewPage.tsx';
import { ReviewsPage } from './ReviewsPage.tsx';
import { SamplesPage } from './SamplesPage.tsx';
import { ScorecardEditorPage } from './ScorecardEditorPage.tsx';
import { ScorecardsPage } from './ScorecardsPage.tsx';
import { TrendsPage } from './TrendsPage.tsx';

/** The Quality area's screens, under one layout with its section tabs. */
export const qaRoute: RouteObject = {
  path: QA_PATH,
  element: <QaLayout />,
  children: [
    { index: true, element: <Navigate to={QA_REVIEWS_PATH} replace /> },
    { path: 'reviews', element: <ReviewsPage /> },
    { path: 'reviews/:reviewId', element: <ReviewPage /> },
    { path: 'samples', element: <SamplesPage /> },
    { path: 'calibration', element: <CalibrationsPage /> },
    { path: 'calibration/:sessionId', element: <CalibrationSessionPage /> },
    { path: 'trends', element: <TrendsPage /> },
    { path: 'scorecards', element: <ScorecardsPage /> },
    { path: 'scorecards/:scorecardId', element: <ScorecardEditorPage /> },
  ],
};
