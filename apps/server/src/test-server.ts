import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApi, sessionCookie, type TestApi } from '@switchboard/api/testing';
import { createApiKey } from '@switchboard/db/queries/api-keys';
import type { Role } from '@switchboard/domain';
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import { LiveHub } from './live/index.ts';
import { createLogger } from './logger.ts';

export interface TestServer {
  api: TestApi;
  app: Hono;
  live: LiveHub;
  /** A fresh API key for the inbound API. */
  createKey(): Promise<string>;
  /** A new staff member of `role`, signed in; their id and session cookie. */
  staffSession(role: Role): Promise<{ id: string; cookie: string }>;
  close(): Promise<void>;
}

/** The real app on a test database, without the built workspace and console. */
export async function createTestServer(): Promise<TestServer> {
  const api = await createTestApi();
  const logger = createLogger('silent');
  const live = new LiveHub(api.handle, logger);
  const missing = join(mkdtempSync(join(tmpdir(), 'switchboard-no-apps-')), 'missing');
  const app = createApp({
    database: api.handle,
    auth: api.auth,
    logger,
    live,
    trustProxy: false,
    publicUrl: 'http://127.0.0.1:3999',
    builtApps: {
      workspace: { prefix: '/workspace', distDir: missing },
      console: { prefix: '/console', distDir: missing },
    },
  });
  const admin = await api.createStaff('admin');
  return {
    api,
    app,
    live,
    async createKey() {
      return (await createApiKey(api.handle.db, { name: 'Test key', createdById: admin.id })).key;
    },
    async staffSession(role) {
      const staff = await api.createStaff(role);
      const response = await api.signIn(staff.email);
      if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
      return { id: staff.id, cookie: sessionCookie(response) };
    },
    async close() {
      await live.close();
      await api.close();
    },
  };
}

export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Reads a text/event-stream response as it arrives. `next(match)` resolves with the first
 * event (already received or yet to come) that matches, or rejects after `timeoutMs`.
 */
export function readSse(response: Response) {
  if (!response.body) throw new Error('response has no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  let ended = false;

  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let boundary = buffer.indexOf('\n\n');
        while (boundary >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('retry: ')) retries.push(Number(line.slice(7)));
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length > 0) events.push({ event, data: data.join('\n') });
          boundary = buffer.indexOf('\n\n');
        }
        for (const wake of [...waiters]) wake();
      }
    } catch {
      // cancelled
    } finally {
      ended = true;
      for (const wake of [...waiters]) wake();
    }
  })();

  return {
    events,
    comments,
    retries,
    get text() {
      return buffer;
    },
    async next(match: (event: SseEvent) => boolean, timeoutMs = 2000): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (ended) throw new Error('the event stream ended');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
    },
    async close() {
      await reader.cancel().catch(() => {});
    },
  };
}
