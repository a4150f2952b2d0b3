import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@switchboard/db/client';
import { LIVE_CHANNEL, parseLiveNotice } from '@switchboard/db/queries/live';
import { assigneeOfConversation, notifyLiveChannel } from '@switchboard/db/queries/live-scope';
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
  /** Ends the subscriber's stream (shutdown, or notices may have been missed). */
  close(): void;
}

export interface LiveHubOptions {
  /** How often the hub checks that its LISTEN still hears the channel (default 30 s). */
  probeEveryMs?: number;
  /** Sends a payload on the live channel; the database's pg_notify by default (tests). */
  notify?: (payload: string) => Promise<void>;
}

const PROBE_KIND = 'hub-probe';

/**
 * The one LISTEN on `switchboard_live` of this server process, fanned out to its SSE
 * clients. PostgreSQL delivers each NOTIFY to every process listening, so replicas behind a
 * load balancer each hear every change; PGlite delivers within its one process.
 *
 * A LISTEN connection can die silently (a database restart or failover, and the driver's one
 * attempt to listen again fails). So the hub sends itself a probe on the channel every 30 s;
 * when the previous probe never came back, it listens anew and closes every stream: their
 * clients reconnect and refetch, so nothing missed in between stays missed.
 */
export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();
  private listening: Promise<() => Promise<void>> | null = null;
  private closed = false;
  private probe: { id: string; sentAt: number } | null = null;
  private probeTimer: ReturnType<typeof setInterval> | null = null;
  private readonly probeEveryMs: number;
  private readonly notify: (payload: string) => Promise<void>;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly logger: Logger,
    options: LiveHubOptions = {},
  ) {
    this.probeEveryMs = options.probeEveryMs ?? 30_000;
    this.notify = options.notify ?? ((payload) => notifyLiveChannel(database.db, payload));
  }

  /** Starts listening (once); safe to call for every new client. */
  async start(): Promise<void> {
    if (this.closed) throw new Error('the live hub is closed');
    this.listening ??= this.database
      .listen(LIVE_CHANNEL, (payload) => this.dispatch(payload))
      .catch((error: unknown) => {
        // Let the next client (or probe) try again rather than keep a failed subscription.
        this.listening = null;
        throw error;
      });
    await this.listening;
    if (!this.probeTimer) {
      this.probeTimer = setInterval(() => void this.checkHearing(), this.probeEveryMs);
      this.probeTimer.unref();
    }
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
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = null;
    this.closeStreams();
    await this.stopListening();
  }

  /** One round of the self-check: was the last probe heard? Then send the next. */
  async checkHearing(): Promise<void> {
    if (this.closed) return;
    if (this.probe || !this.listening) {
      if (this.probe) {
        this.logger.warn(
          { silentForMs: Date.now() - this.probe.sentAt },
          'the live channel went quiet; listening again',
        );
      }
      this.probe = null;
      this.closeStreams();
      await this.stopListening();
      try {
        await this.start();
      } catch (error) {
        this.logger.error({ err: error }, 'could not listen for live notices; will retry');
        return;
      }
    }
    const probe = { id: randomUUID(), sentAt: Date.now() };
    this.probe = probe;
    try {
      await this.notify(JSON.stringify({ kind: PROBE_KIND, id: probe.id }));
    } catch (error) {
      // The next round finds the probe unanswered and listens anew.
      this.logger.warn({ err: error }, 'could not send the live channel probe');
    }
  }

  private closeStreams(): void {
    for (const subscriber of this.subscribers) subscriber.close();
    this.subscribers.clear();
  }

  private async stopListening(): Promise<void> {
    const listening = this.listening;
    this.listening = null;
    if (!listening) return;
    try {
      await (await listening)();
    } catch {
      // Already gone with its connection.
    }
  }

  private dispatch(payload: string): void {
    if (payload.includes(PROBE_KIND)) {
      const probe = parseProbe(payload);
      if (probe) {
        // Other processes' probes are theirs to count.
        if (probe === this.probe?.id) this.probe = null;
        return;
      }
    }
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

function parseProbe(payload: string): string | null {
  try {
    const parsed = JSON.parse(payload) as { kind?: unknown; id?: unknown };
    return parsed.kind === PROBE_KIND && typeof parsed.id === 'string' ? parsed.id : null;
  } catch {
    return null;
  }
}
