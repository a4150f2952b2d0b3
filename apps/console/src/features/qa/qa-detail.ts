import type { RouterOutputs } from '@switchboard/ui/trpc';

export type QaReviewDetail = RouterOutputs['qa']['review'];
export type QaCalibrationDetail = RouterOutputs['qa']['calibration'];

/** The criteria the agent named when they disputed the review. */
export function disputedCriterionIds(events: QaReviewDetail['events']): string[] {
  const disputed = events.findLast((event) => event.type === 'disputed');
  const ids = disputed?.payload.criterionIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}
