export {
  QaReviewHeading,
  type QaReviewHeadingProps,
  QaReviewHistoryCard,
} from './QaReviewHeading.tsx';
export { type QaReviewEvent, QaReviewHistory } from './QaReviewHistory.tsx';
export { QaReviewStatusBadge, type QaReviewStatusBadgeProps } from './QaReviewStatusBadge.tsx';
export { QaScoreBadge, type QaScoreBadgeProps } from './QaScoreBadge.tsx';
export { QaScoresView, type QaScoresViewProps } from './QaScoresView.tsx';
export {
  ReviewedConversation,
  type ReviewedConversationDetail,
  type ReviewedConversationProps,
} from './ReviewedConversation.tsx';
