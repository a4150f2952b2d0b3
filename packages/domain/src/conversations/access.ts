import type { Role } from '../people/roles.ts';

export interface ConversationViewer {
  userId: string;
  role: Role;
  /** Inboxes the viewer works through their teams. */
  inboxIds: readonly string[];
}

/**
 * Agents see conversations assigned to them or sitting in their inboxes; leads, trainers
 * (who review and coach) and admins see every conversation.
 */
export function canViewConversation(
  viewer: ConversationViewer,
  conversation: { assigneeId: string | null; inboxId: string },
): boolean {
  if (viewer.role !== 'agent') return true;
  return (
    conversation.assigneeId === viewer.userId || viewer.inboxIds.includes(conversation.inboxId)
  );
}
