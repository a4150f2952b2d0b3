import type { SopStep, SopStepCheck } from '@switchboard/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { conversationSopChecks, conversations, sops, sopVersions } from '../schema/index.ts';

export interface ConversationSop {
  version: { id: string; version: number; title: string; steps: SopStep[] };
  checks: SopStepCheck[];
}

/**
 * The playbook a conversation follows: the version pinned on it when a step was first
 * checked, else the currently published version of its request type; with its checks.
 */
export async function findConversationSop(
  db: DatabaseOrTransaction,
  conversationId: string,
): Promise<ConversationSop | null> {
  const [conversation] = await db
    .select({
      requestTypeId: conversations.requestTypeId,
      sopVersionId: conversations.sopVersionId,
    })
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .limit(1);
  if (!conversation) return null;
  const columns = {
    id: sopVersions.id,
    version: sopVersions.version,
    title: sopVersions.title,
    steps: sopVersions.steps,
  };
  const [version] = conversation.sopVersionId
    ? await db
        .select(columns)
        .from(sopVersions)
        .where(eq(sopVersions.id, conversation.sopVersionId))
        .limit(1)
    : conversation.requestTypeId
      ? await db
          .select(columns)
          .from(sopVersions)
          .innerJoin(sops, eq(sops.id, sopVersions.sopId))
          .where(
            and(
              eq(sops.requestTypeId, conversation.requestTypeId),
              eq(sopVersions.status, 'published'),
            ),
          )
          .orderBy(desc(sopVersions.version))
          .limit(1)
      : [];
  if (!version) return null;
  const checks = await db
    .select({
      stepId: conversationSopChecks.stepId,
      state: conversationSopChecks.state,
      skipReason: conversationSopChecks.skipReason,
    })
    .from(conversationSopChecks)
    .where(eq(conversationSopChecks.conversationId, conversationId));
  return { version, checks };
}
