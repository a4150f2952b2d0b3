import type { Role } from '../people/roles.ts';

export interface ConversationViewer {
  userId: string;
  role: Role;
  /** Inboxes the viewer works through their teams. */
  inboxIds: readonly string[];
}

/**
 * Agents and leads see conversations in the inboxes of their teams (and any assigned to
 * them); trainers, who review and coach across teams, and admins see every conversation.
 */
export function canViewConversation(
  viewer: ConversationViewer,
  conversation: { assigneeId: string | null; inboxId: string },
): boolean {
  if (seesEveryInbox(viewer.role)) return true;
  return (
    conversation.assigneeId === viewer.userId || viewer.inboxIds.includes(conversation.inboxId)
  );
}

export function seesEveryInbox(role: Role): boolean {
  return role === 'admin' || role === 'trainer';
}
