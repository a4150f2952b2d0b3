import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestApi,
  randomClientIp,
  sessionCookie,
  type TestApi,
} from '@switchboard/api/testing';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { createLogger } from './logger.ts';

let api: TestApi;
let app: Hono;
let workspaceDist: string;

beforeAll(async () => {
  api = await createTestApi();
  workspaceDist = mkdtempSync(join(tmpdir(), 'workspace-dist-'));
  mkdirSync(join(workspaceDist, 'assets'));
  writeFileSync(join(workspaceDist, 'index.html'), '<!doctype html><title>Workspace</title>');
  writeFileSync(join(workspaceDist, 'assets', 'app.js'), 'console.log("workspace")');
  app = createApp({
    database: api.handle,
    auth: api.auth,
    logger: createLogger('silent'),
    trustProxy: false,
    builtApps: {
      workspace: { prefix: '/workspace', distDir: workspaceDist },
      console: { prefix: '/console', distDir: join(workspaceDist, 'missing') },
    },
  });
});
afterAll(() => api.close());

interface TrpcErrorBody {
  error: {
    json: { message: string; data: { code: string; stack?: string; fieldErrors: unknown } };
  };
}

/**
 * A socket address of its own for each caller: sign-in limits are counted in the database,
 * which on PostgreSQL outlives a test run, so a shared address would carry one run's
 * failed attempts into the next.
 */
function freshSocket() {
  return { incoming: { socket: { remoteAddress: randomClientIp() } } };
}

async function signInOverHttp(
  email: string,
  password: string,
  options: { forwardedFor?: string; socket?: ReturnType<typeof freshSocket> } = {},
) {
  return app.request(
    '/api/auth/sign-in/email',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://127.0.0.1:3999',
        ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
      },
      body: JSON.stringify({ email, password }),
    },
    options.socket ?? freshSocket(),
  );
}

describe('/healthz', () => {
  it('reports the database kind and migration state', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { database: { migrations: { applied: number } } };
    expect(body).toMatchObject({
      status: 'ok',
      database: { kind: api.handle.kind, migrations: { upToDate: true } },
    });
    expect(body.database.migrations.applied).toBeGreaterThan(0);
  });
});

describe('/trpc over HTTP', () => {
  it('signs in through /api/auth and uses the cookie for tRPC', async () => {
    const staff = await api.createStaff('lead');
    const signIn = await signInOverHttp(staff.email, 'correct-horse-battery');
    expect(signIn.status).toBe(200);
    const response = await app.request('/trpc/people.me', {
      headers: { cookie: sessionCookie(signIn) },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { json: unknown } } };
    expect(body.result.data.json).toMatchObject({ email: staff.email, role: 'lead' });
  });

  it('answers 401 signed out and 403 for an agent calling a console procedure', async () => {
    expect((await app.request('/trpc/people.me')).status).toBe(401);
    const agent = await api.createStaff('agent');
    const cookie = sessionCookie(await signInOverHttp(agent.email, 'correct-horse-battery'));
    const response = await app.request('/trpc/routing.listInboxes', { headers: { cookie } });
    expect(response.status).toBe(403);
    const body = (await response.json()) as TrpcErrorBody;
    expect(body.error.json.data.code).toBe('FORBIDDEN');
    expect(body.error.json.data.stack).toBeUndefined();
  });

  it('answers bad input with 400 and a message naming the field', async () => {
    const lead = await api.createStaff('lead');
    const cookie = sessionCookie(await signInOverHttp(lead.email, 'correct-horse-battery'));
    const input = encodeURIComponent(JSON.stringify({ json: { limit: 9999 } }));
    const response = await app.request(`/trpc/people.list?input=${input}`, { headers: { cookie } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as TrpcErrorBody;
    expect(body.error.json.message).toMatch(/^Invalid input — limit: /);
    expect(body.error.json.data.fieldErrors).toEqual([expect.objectContaining({ path: 'limit' })]);
  });

  it('ignores a client-supplied address header when not behind a trusted proxy', async () => {
    const agent = await api.createStaff('agent');
    // Forged X-Forwarded-For values do not dodge the limit: all count against the socket address.
    const socket = freshSocket();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const forwardedFor = `203.0.113.${attempt}`;
      statuses.push((await signInOverHttp(agent.email, 'wrong', { forwardedFor, socket })).status);
    }
    expect(statuses).toContain(429);
  });
});

describe('built apps', () => {
  it('serves assets, falls back to index.html for deep links, and links both apps from /', async () => {
    const asset = await app.request('/workspace/assets/app.js');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('workspace');
    const deepLink = await app.request('/workspace/conversations/123');
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<title>Workspace</title>');
    const landing = await (await app.request('/')).text();
    expect(landing).toContain('href="/workspace/"');
    expect(landing).toContain('Not built yet');
  });
});
