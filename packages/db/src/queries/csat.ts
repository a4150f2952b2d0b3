import type { CsatAnswer } from '@switchboard/domain';
import { eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { conversations } from '../schema/index.ts';
import { appendEvents } from './conversation-log.ts';
import { announce } from './live.ts';

export type CsatProblem = 'not_found' | 'not_requested' | 'not_resolved' | 'already_rated';

/** Why a rating was refused, in words the person rating can read. */
export class CsatError extends Error {
  override name = 'CsatError';

  constructor(
    readonly code: CsatProblem,
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES: Record<CsatProblem, string> = {
  not_found: 'This survey link is not valid.',
  not_requested: 'No rating was asked for this conversation.',
  not_resolved: 'This conversation is open again; you can rate it once it is resolved.',
  already_rated: 'This conversation has already been rated. Thank you!',
};

export type CsatTarget = { conversationId: string } | { token: string };

export interface RecordedCsat {
  conversationId: string;
  rating: number;
  comment: string | null;
  ratedAt: Date;
}

/**
 * Stores the customer's rating of a resolved (or closed) conversation that asked for one.
 * Once only: the row is locked, so two answers at the same moment cannot both count.
 */
export async function recordCsat(
  db: Database,
  target: CsatTarget,
  response: CsatAnswer,
  now: Date = new Date(),
): Promise<RecordedCsat> {
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .select({
        id: conversations.id,
        status: conversations.status,
        inboxId: conversations.inboxId,
        assigneeId: conversations.assigneeId,
        contactId: conversations.contactId,
        csatToken: conversations.csatToken,
        csatRating: conversations.csatRating,
      })
      .from(conversations)
      .where(
        'token' in target
          ? eq(conversations.csatToken, target.token)
          : eq(conversations.id, target.conversationId),
      )
      .limit(1)
      .for('update');
    if (!conversation) throw csatError('not_found');
    if (conversation.csatRating !== null) throw csatError('already_rated');
    if (conversation.csatToken === null) throw csatError('not_requested');
    if (conversation.status !== 'resolved' && conversation.status !== 'closed') {
      throw csatError('not_resolved');
    }
    const comment = response.comment ? response.comment : null;
    await tx
      .update(conversations)
      .set({ csatRating: response.rating, csatComment: comment, csatRatedAt: now })
      .where(eq(conversations.id, conversation.id));
    await appendEvents(tx, conversation.id, { type: 'contact', userId: null }, [
      {
        type: 'csat_received',
        payload: { rating: response.rating, ...(comment ? { comment } : {}) },
        occurredAt: now,
      },
    ]);
    await announce(tx, {
      kind: 'conversation',
      conversationId: conversation.id,
      inboxId: conversation.inboxId,
      assigneeId: conversation.assigneeId,
      contactId: conversation.contactId,
      eventType: 'csat_received',
      at: now.toISOString(),
    });
    return { conversationId: conversation.id, rating: response.rating, comment, ratedAt: now };
  });
}

function csatError(code: CsatProblem): CsatError {
  return new CsatError(code, MESSAGES[code]);
}

export type CsatState =
  | { state: 'none' }
  | { state: 'requested' }
  | { state: 'rated'; rating: number; comment: string | null };

/** Whether a conversation is waiting for a rating, has one, or asks none (yet). */
export function csatStateOf(conversation: {
  status: string;
  csatToken: string | null;
  csatRating: number | null;
  csatComment: string | null;
}): CsatState {
  if (conversation.csatRating !== null) {
    return { state: 'rated', rating: conversation.csatRating, comment: conversation.csatComment };
  }
  const resolved = conversation.status === 'resolved' || conversation.status === 'closed';
  return resolved && conversation.csatToken !== null ? { state: 'requested' } : { state: 'none' };
}

/** The survey behind a link, for the survey page: what it is about and whether it is answered. */
export async function findCsatSurvey(
  db: Database,
  token: string,
): Promise<{ conversationId: string; number: number; status: string; csat: CsatState } | null> {
  const [row] = await db
    .select({
      id: conversations.id,
      number: conversations.number,
      status: conversations.status,
      csatToken: conversations.csatToken,
      csatRating: conversations.csatRating,
      csatComment: conversations.csatComment,
    })
    .from(conversations)
    .where(eq(conversations.csatToken, token))
    .limit(1);
  if (!row) return null;
  return {
    conversationId: row.id,
    number: row.number ?? 0,
    status: row.status,
    csat: csatStateOf(row),
  };
}
