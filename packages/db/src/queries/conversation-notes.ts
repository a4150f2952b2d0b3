import type { ConversationEventType } from '@switchboard/domain';
import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { conversations, mentions, messages } from '../schema/index.ts';
import { appendEvents } from './conversation-log.ts';
import { announce } from './live.ts';

/**
 * Posts what happened elsewhere (an approval answered, an escalation's outcome) back on the
 * conversation: an internal note that mentions who needs to know — so it reaches their
 * Mentions — the event that records it, and a live notice, all in the caller's transaction.
 */
export async function postNoteBack(
  tx: DatabaseOrTransaction,
  input: {
    conversationId: string;
    authorUserId: string;
    body: string;
    mentionUserIds: readonly string[];
    event: { type: ConversationEventType; payload: Record<string, unknown> };
    now: Date;
  },
): Promise<string> {
  const [conversation] = await tx
    .select({
      inboxId: conversations.inboxId,
      assigneeId: conversations.assigneeId,
      contactId: conversations.contactId,
      channel: conversations.channel,
    })
    .from(conversations)
    .where(eq(conversations.id, input.conversationId));
  if (!conversation) throw new Error(`Conversation ${input.conversationId} is gone`);
  const [note] = await tx
    .insert(messages)
    .values({
      conversationId: input.conversationId,
      direction: 'outbound',
      kind: 'note',
      authorType: 'agent',
      authorUserId: input.authorUserId,
      channel: conversation.channel,
      body: input.body,
      createdAt: input.now,
    })
    .returning({ id: messages.id });
  const mentioned = [...new Set(input.mentionUserIds)].filter((id) => id !== input.authorUserId);
  if (mentioned.length > 0) {
    await tx.insert(mentions).values(
      mentioned.map((mentionedUserId) => ({
        conversationId: input.conversationId,
        messageId: note!.id,
        mentionedUserId,
        mentionedById: input.authorUserId,
        createdAt: input.now,
      })),
    );
  }
  await appendEvents(tx, input.conversationId, { type: 'agent', userId: input.authorUserId }, [
    {
      type: input.event.type,
      payload: { ...input.event.payload, messageId: note!.id },
      occurredAt: input.now,
    },
  ]);
  await announce(tx, {
    kind: 'conversation',
    conversationId: input.conversationId,
    inboxId: conversation.inboxId,
    assigneeId: conversation.assigneeId,
    contactId: conversation.contactId,
    eventType: input.event.type,
    mentionedUserIds: mentioned,
    at: input.now.toISOString(),
  });
  return note!.id;
}
