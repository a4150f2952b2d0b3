import type { ConversationStatus } from '../conversations/status.ts';
import type { Audience } from '../shared/enums.ts';

/** What is wrong with scoring a conversation: the conversation itself, or the scorecard. */
export interface ReviewableIssue {
  on: 'conversation' | 'scorecard';
  message: string;
}

/**
 * Whether a conversation can be scored on a scorecard, for a review or a calibration session:
 * it is resolved, someone handled it, and it is of the scorecard's audience. The two
 * purposes word the first two refusals their own way.
 */
export function reviewableIssue(
  conversation: { status: ConversationStatus; audience: Audience; assigneeId: string | null },
  scorecard: { name: string; audience: Audience | null },
  wording: { unresolved: string; unhandled: string },
): ReviewableIssue | null {
  if (conversation.status !== 'resolved' && conversation.status !== 'closed') {
    return { on: 'conversation', message: wording.unresolved };
  }
  if (!conversation.assigneeId) return { on: 'conversation', message: wording.unhandled };
  if (scorecard.audience && scorecard.audience !== conversation.audience) {
    return {
      on: 'scorecard',
      message: `${scorecard.name} reviews ${scorecard.audience} conversations; this one is from a ${conversation.audience}`,
    };
  }
  return null;
}
