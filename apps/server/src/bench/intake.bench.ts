// `pnpm bench intake`: how long an inbound message takes to reach a workspace's /events stream.
// Starts the real server (createApp on node-server, 127.0.0.1, a free port) on DATABASE_URL
// (PGlite in memory without one), subscribes to /events as an admin, posts inbound messages
// at 50/s for BENCH_SECONDS (default 60) and prints one JSON line:
//   {"intake.toEvent.p95Ms": …, "intake.lost": 0, "intake.sent": …, "intake.server.peakRssMb": …}
// `lost` counts messages the API acknowledged whose notice never arrived (within 5 s).
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { serve } from '@hono/node-server';
import { createAuth } from '@switchboard/api';
import { createDatabase } from '@switchboard/db/client';
import { migrateDatabase } from '@switchboard/db/migrate';
import { createApiKey } from '@switchboard/db/queries/api-keys';
import { accounts, users } from '@switchboard/db/schema';
import { createCityInboxFixture } from '@switchboard/db/testing';
import { createApp } from '../app.ts';
import { LiveHub } from '../live/index.ts';
import { createLogger } from '../logger.ts';

const RATE_PER_SECOND = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const DRAIN_MS = 5_000;
const PASSWORD = 'bench-password-that-is-long';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  if (!Number.isFinite(SECONDS) || SECONDS <= 0) throw new Error('BENCH_SECONDS must be > 0');
  const url = process.env.DATABASE_URL;
  const database = createDatabase({ url, dataDir: 'memory://', maxConnections: 10 });
  await migrateDatabase(database);
  const logger = createLogger('warn');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const auth = createAuth({
    db: database.db,
    secret: randomBytes(32).toString('hex'),
    baseURL: baseUrl,
    trustedOrigins: [baseUrl],
    signInAttemptsPerMinute: 100,
  });
  const live = new LiveHub(database, logger);
  const app = createApp({
    database,
    auth,
    logger,
    live,
    trustProxy: false,
    publicUrl: baseUrl,
    builtApps: {
      workspace: { prefix: '/workspace', distDir: '/nonexistent' },
      console: { prefix: '/console', distDir: '/nonexistent' },
    },
  });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port });

  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 250);

  // An admin (sees every inbox), an API key, and an inbox of our own for the messages.
  const suffix = randomUUID().slice(0, 8);
  const adminId = `bench-admin-${suffix}`;
  const email = `bench.${suffix}@switchboard.test`;
  await database.db.insert(users).values({
    id: adminId,
    name: 'Bench Admin',
    email,
    emailVerified: true,
    role: 'admin',
  });
  await database.db.insert(accounts).values({
    id: `acc-${adminId}`,
    accountId: adminId,
    providerId: 'credential',
    userId: adminId,
    password: await (await auth.$context).password.hash(PASSWORD),
  });
  const { key } = await createApiKey(database.db, { name: 'Bench', createdById: adminId });
  const { city } = await createCityInboxFixture(database.db);

  const signIn = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');

  // The first notice of each conversation, by arrival time.
  const heardAt = new Map<string, number>();
  const events = await fetch(`${baseUrl}/events`, { headers: { cookie } });
  if (!events.ok || !events.body) throw new Error(`/events answered ${events.status}`);
  const reader = events.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: '' }));
      if (done) return;
      buffer += value;
      let boundary = buffer.indexOf('\n\n');
      while (boundary >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (data && block.includes('event: conversation')) {
          const notice = JSON.parse(data.slice(6)) as { conversationId: string };
          if (!heardAt.has(notice.conversationId)) {
            heardAt.set(notice.conversationId, performance.now());
          }
        }
        boundary = buffer.indexOf('\n\n');
      }
    }
  })();

  const total = Math.round(SECONDS * RATE_PER_SECOND);
  const acknowledged: { conversationId: string; sentAt: number; ackedAt: number }[] = [];
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let index = 0; index < total; index += 1) {
    const due = started + (index * 1000) / RATE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const sentAt = performance.now();
    inFlight.push(
      fetch(`${baseUrl}/api/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({
          channel: 'whatsapp',
          audience: 'guest',
          externalMessageId: `bench.${suffix}.${index}`,
          contact: { externalId: `bench-${suffix}-${index}`, name: 'Bench Rider', city: city.code },
          text: `Benchmark message ${index}: my driver is not at the pickup point.`,
        }),
      }).then(
        async (response) => {
          const body = (await response.json()) as { conversationId?: string };
          if (response.status === 201 && body.conversationId) {
            acknowledged.push({
              conversationId: body.conversationId,
              sentAt,
              ackedAt: performance.now(),
            });
          } else {
            failed += 1;
          }
        },
        () => {
          failed += 1;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const drainUntil = performance.now() + DRAIN_MS;
  while (
    performance.now() < drainUntil &&
    acknowledged.some((message) => !heardAt.has(message.conversationId))
  ) {
    await sleep(50);
  }

  const latencies: number[] = [];
  let lost = 0;
  for (const message of acknowledged) {
    const heard = heardAt.get(message.conversationId);
    if (heard === undefined) lost += 1;
    else latencies.push(Math.max(0, heard - message.sentAt));
  }
  latencies.sort((a, b) => a - b);
  const acks = acknowledged
    .map((message) => message.ackedAt - message.sentAt)
    .sort((a, b) => a - b);
  clearInterval(sampler);
  await reader.cancel().catch(() => {});
  await live.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();

  const figures: Record<string, number | string> = {
    'intake.toEvent.p95Ms': Math.round(percentile(latencies, 0.95) * 10) / 10,
    'intake.toEvent.p50Ms': Math.round(percentile(latencies, 0.5) * 10) / 10,
    'intake.ack.p95Ms': Math.round(percentile(acks, 0.95) * 10) / 10,
    'intake.lost': lost,
    'intake.sent': total,
    'intake.failed': failed,
    'intake.server.peakRssMb': Math.round(peakRss / 1024 / 1024),
  };
  if (!url) {
    figures['intake.note'] =
      'DATABASE_URL unset: measured on in-memory PGlite, not PostgreSQL; client and server share one process';
  }
  console.log(JSON.stringify(figures));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
