import type { DatabaseHandle } from '@switchboard/db/client';
import { LIVE_CHANNEL, parseLiveNotice } from '@switchboard/db/queries/live';
import { assigneeOfConversation } from '@switchboard/db/queries/live-scope';
import type { LiveNotice } from '@switchboard/domain';
import type { Logger } from '../logger.ts';

/** Facts about a notice that some subscribers need and one query answers for all of them. */
export interface NoticeLookups {
  /** The conversation's assignee now (presence notices do not carry it). */
  assigneeOf(conversationId: string): Promise<string | null>;
}

export interface LiveSubscriber {
  /** Called for every notice, in order; the subscriber decides whether it is theirs. */
  offer(notice: LiveNotice, lookups: NoticeLookups): void;
  /** Ends the subscriber's stream (server shutdown). */
  close(): void;
}

/**
 * The one LISTEN on `switchboard_live` of this server process, fanned out to its SSE
 * clients. PostgreSQL delivers each NOTIFY to every process listening, so replicas behind a
 * load balancer each hear every change; PGlite delivers within its one process.
 */
export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();
  private listening: Promise<() => Promise<void>> | null = null;
  private closed = false;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly logger: Logger,
  ) {}

  /** Starts listening (once); safe to call for every new client. */
  async start(): Promise<void> {
    if (this.closed) throw new Error('the live hub is closed');
    this.listening ??= this.database
      .listen(LIVE_CHANNEL, (payload) => this.dispatch(payload))
      .catch((error: unknown) => {
        // Let the next client try again rather than keep a failed subscription forever.
        this.listening = null;
        throw error;
      });
    await this.listening;
  }

  subscribe(subscriber: LiveSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const subscriber of this.subscribers) subscriber.close();
    this.subscribers.clear();
    const listening = this.listening;
    this.listening = null;
    if (!listening) return;
    try {
      await (await listening)();
    } catch {
      // The connection may already be gone at shutdown.
    }
  }

  private dispatch(payload: string): void {
    const notice = parseLiveNotice(payload);
    if (!notice) {
      this.logger.warn({ payload: payload.slice(0, 200) }, 'ignored a malformed live notice');
      return;
    }
    const lookups = this.lookupsFor();
    for (const subscriber of this.subscribers) {
      try {
        subscriber.offer(notice, lookups);
      } catch (error) {
        this.logger.error({ err: error }, 'live subscriber failed');
      }
    }
  }

  private lookupsFor(): NoticeLookups {
    const assignees = new Map<string, Promise<string | null>>();
    return {
      assigneeOf: (conversationId) => {
        let assignee = assignees.get(conversationId);
        if (!assignee) {
          assignee = assigneeOfConversation(this.database.db, conversationId);
          assignees.set(conversationId, assignee);
        }
        return assignee;
      },
    };
  }
}
