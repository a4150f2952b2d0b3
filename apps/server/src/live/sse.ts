import { LIVE_HEARTBEAT_MS, LIVE_RETRY_MS } from '@switchboard/domain';
import type { Context } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';

/** Events a client has not read yet; past this it is too slow and is dropped (it reconnects). */
const MAX_UNREAD_EVENTS = 500;

/**
 * One client's event stream. Events sent before the HTTP stream is attached are buffered, so
 * a client subscribes first and opens the stream second, and misses nothing in between.
 */
export class SseConnection {
  private stream: SSEStreamingApi | null = null;
  private readonly buffered: string[] = [];
  private unread = 0;
  private closedListeners: (() => void)[] = [];
  closed = false;

  send(event: string, data: unknown): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closedListeners) listener();
    this.closedListeners = [];
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closedListeners.push(listener);
  }

  attach(stream: SSEStreamingApi): void {
    this.stream = stream;
    for (const chunk of this.buffered.splice(0)) this.write(chunk);
  }

  private write(chunk: string): void {
    if (this.closed) return;
    if (!this.stream) {
      this.buffered.push(chunk);
      if (this.buffered.length > MAX_UNREAD_EVENTS) this.close();
      return;
    }
    if (this.unread >= MAX_UNREAD_EVENTS) {
      this.close();
      return;
    }
    this.unread += 1;
    void this.stream.write(chunk).finally(() => {
      this.unread -= 1;
    });
  }
}

export interface SseOptions {
  /** Runs every `checkEveryMs`; false ends the stream (e.g. the session was revoked). */
  check?: () => Promise<boolean>;
  checkEveryMs?: number;
  /** Runs once the client is gone, however it went. */
  onClose: () => void;
}

/**
 * Streams `connection` as `text/event-stream`: a `retry:` line first, a heartbeat comment
 * every 15 s (proxies drop idle connections), until the client disconnects or the
 * connection is closed.
 */
export function sseResponse(c: Context, connection: SseConnection, options: SseOptions) {
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    await stream.write(`retry: ${LIVE_RETRY_MS}\n: connected\n\n`);
    connection.attach(stream);
    stream.onAbort(() => connection.close());
    c.req.raw.signal.addEventListener('abort', () => connection.close());
    const heartbeat = setInterval(() => connection.comment('heartbeat'), LIVE_HEARTBEAT_MS);
    const check = options.check;
    const checks = check
      ? setInterval(() => {
          check().then(
            (keep) => {
              if (!keep) connection.close();
            },
            () => {
              // A failed check (database blip) keeps the stream; the next one decides.
            },
          );
        }, options.checkEveryMs ?? 60_000)
      : null;
    try {
      await new Promise<void>((resolve) => connection.onClose(resolve));
    } finally {
      clearInterval(heartbeat);
      if (checks) clearInterval(checks);
      options.onClose();
    }
  });
}
