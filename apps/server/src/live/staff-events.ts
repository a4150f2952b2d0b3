import type { Auth } from '@switchboard/api';
import type { Database } from '@switchboard/db/client';
import { findStaffMember } from '@switchboard/db/queries/people';
import { inboxIdsOfUser } from '@switchboard/db/queries/routing';
import {
  type ConversationViewer,
  canViewConversation,
  isAddressedTo,
  type LiveNotice,
  seesEveryEscalation,
  seesEveryInbox,
} from '@switchboard/domain';
import type { Context } from 'hono';
import type { Logger } from '../logger.ts';
import type { LiveHub, LiveSubscriber, NoticeLookups } from './hub.ts';
import { SseConnection, sseResponse } from './sse.ts';

/** How often a stream re-reads the viewer's inboxes and re-checks their session. */
const SCOPE_REFRESH_MS = 60_000;

/**
 * A signed-in staff member's stream: the notices of conversations they may see (domain
 * canViewConversation), plus mentions of them anywhere.
 */
class StaffSubscriber implements LiveSubscriber {
  private inboxIds = new Set<string>();
  // Presence notices wait for a lookup; this keeps every notice in the order it came.
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private viewer: ConversationViewer,
    private readonly connection: SseConnection,
    private readonly logger: Logger,
  ) {
    this.setScope(viewer);
  }

  close(): void {
    this.connection.close();
  }

  setScope(viewer: ConversationViewer): void {
    this.viewer = viewer;
    this.inboxIds = new Set(viewer.inboxIds);
  }

  offer(notice: LiveNotice, lookups: NoticeLookups): void {
    if (notice.kind === 'notification' || notice.kind === 'escalation') {
      const forMe =
        isAddressedTo(notice, this.viewer.userId) ||
        (notice.kind === 'escalation' && seesEveryEscalation(this.viewer.role));
      this.enqueue(async () => forMe, notice);
      return;
    }
    if (notice.kind === 'conversation') {
      // Fast path, no lookup: decided in order behind anything already queued.
      this.enqueue(async () => this.sees(notice) || this.isMentioned(notice), notice);
      return;
    }
    this.enqueue(async () => {
      if (this.seesInbox(notice.inboxId)) return true;
      return (await lookups.assigneeOf(notice.conversationId)) === this.viewer.userId;
    }, notice);
  }

  private enqueue(decide: () => Promise<boolean>, notice: LiveNotice): void {
    this.queue = this.queue
      .then(async () => {
        if (await decide()) this.connection.send(notice.kind, notice);
      })
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not decide whether to send a live notice');
      });
  }

  private sees(notice: Extract<LiveNotice, { kind: 'conversation' }>): boolean {
    return (
      this.seesInbox(notice.inboxId) ||
      canViewConversation(this.viewer, { assigneeId: notice.assigneeId, inboxId: notice.inboxId })
    );
  }

  private seesInbox(inboxId: string): boolean {
    return seesEveryInbox(this.viewer.role) || this.inboxIds.has(inboxId);
  }

  private isMentioned(notice: Extract<LiveNotice, { kind: 'conversation' }>): boolean {
    return notice.mentionedUserIds?.includes(this.viewer.userId) ?? false;
  }
}

async function viewerOf(
  db: Database,
  auth: Auth,
  headers: Headers,
): Promise<ConversationViewer | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const member = await findStaffMember(db, session.user.id);
  if (!member?.active) return null;
  const inboxIds = seesEveryInbox(member.role) ? [] : await inboxIdsOfUser(db, member.id);
  return { userId: member.id, role: member.role, inboxIds };
}

export interface StaffEventsOptions {
  db: Database;
  auth: Auth;
  hub: LiveHub;
  logger: Logger;
}

/** `GET /events`: see the contract at the top of ./index.ts. */
export function staffEventsHandler({ db, auth, hub, logger }: StaffEventsOptions) {
  return async (c: Context) => {
    const headers = new Headers(c.req.raw.headers);
    const viewer = await viewerOf(db, auth, headers);
    if (!viewer) {
      return c.json(
        { error: { code: 'unauthorized', message: 'Sign in to receive live updates' } },
        401,
      );
    }
    try {
      await hub.start();
    } catch (error) {
      logger.error({ err: error }, 'could not listen for live notices');
      return c.json(
        { error: { code: 'unavailable', message: 'Live updates are unavailable; retry shortly' } },
        503,
      );
    }
    const connection = new SseConnection();
    const subscriber = new StaffSubscriber(viewer, connection, logger);
    // Subscribed before the response starts: nothing committed after the client's refetch
    // on `open` can slip between the two.
    const unsubscribe = hub.subscribe(subscriber);
    return sseResponse(c, connection, {
      checkEveryMs: SCOPE_REFRESH_MS,
      check: async () => {
        const current = await viewerOf(db, auth, headers);
        if (!current || current.userId !== viewer.userId) return false;
        subscriber.setScope(current);
        return true;
      },
      onClose: unsubscribe,
    });
  };
}
