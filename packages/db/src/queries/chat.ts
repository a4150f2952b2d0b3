import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { contacts, conversations, messages, users } from '../schema/index.ts';
import { type CsatState, csatStateOf } from './csat.ts';

/**
 * The contact external id of a web-chat visitor: `chat:` + SHA-256 of the token their browser
 * keeps. The token itself is never stored, so the database cannot be used to impersonate them.
 */
export function chatVisitorExternalId(token: string): string {
  return `chat:${createHash('sha256').update(token).digest('hex')}`;
}

/** The visitor's contacts (one per audience they have written as). */
export async function chatVisitorContactIds(db: Database, externalId: string): Promise<string[]> {
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(eq(contacts.externalId, externalId));
  return rows.map((row) => row.id);
}

export interface ChatHistoryMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  authorType: 'contact' | 'agent' | 'bot' | 'system';
  /** First name of the agent who replied; null for the visitor and automatic replies. */
  authorName: string | null;
  body: string;
  createdAt: Date;
}

export interface ChatHistory {
  conversation: { id: string; number: number; status: string; csat: CsatState } | null;
  messages: ChatHistoryMessage[];
}

const HISTORY_LIMIT = 500;

/**
 * What the visitor sees: their latest chat conversation and its public messages. Internal
 * notes never leave the server.
 */
export async function chatHistory(db: Database, externalId: string): Promise<ChatHistory> {
  const [conversation] = await db
    .select({
      id: conversations.id,
      number: conversations.number,
      status: conversations.status,
      csatToken: conversations.csatToken,
      csatRating: conversations.csatRating,
      csatComment: conversations.csatComment,
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(contacts.externalId, externalId), eq(conversations.channel, 'chat')))
    .orderBy(desc(conversations.createdAt), desc(conversations.id))
    .limit(1);
  if (!conversation) return { conversation: null, messages: [] };
  const rows = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      authorType: messages.authorType,
      authorName: users.name,
      body: messages.body,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .where(and(eq(messages.conversationId, conversation.id), eq(messages.kind, 'message')))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(HISTORY_LIMIT);
  return {
    conversation: {
      id: conversation.id,
      number: conversation.number ?? 0,
      status: conversation.status,
      csat: csatStateOf(conversation),
    },
    messages: rows.reverse().map((row) => ({
      ...row,
      authorName:
        row.authorType === 'agent' && row.authorName
          ? (row.authorName.split(' ')[0] ?? null)
          : null,
    })),
  };
}

/** Whether the conversation belongs to this chat visitor (the only one they may rate or watch). */
export async function isChatVisitorConversation(
  db: Database,
  conversationId: string,
  externalId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.id, conversationId), eq(contacts.externalId, externalId)))
    .limit(1);
  return row !== undefined;
}
