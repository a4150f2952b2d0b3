export {
  ConversationTimeline,
  type ConversationTimelineProps,
} from './ConversationTimeline.tsx';
export {
  buildTimeline,
  type ConversationDetail,
  describeEvent,
  type TimelineEntry,
  type TimelineEvent,
  type TimelineMessage,
  type TimelineSource,
} from './timeline.ts';
