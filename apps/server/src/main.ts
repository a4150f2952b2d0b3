import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createAuth } from '@switchboard/api';
import { createDatabase } from '@switchboard/db/client';
import { migrateDatabase } from '@switchboard/db/migrate';
import { createApp } from './app.ts';
import { readEnv } from './env.ts';
import { startAssignmentJobs } from './jobs/assignment-jobs.ts';
import { startCertificationReminders } from './jobs/certification-reminders.ts';
import { startKpiFactsJob } from './jobs/kpi-facts.ts';
import { startKpiSnapshotsJob } from './jobs/kpi-snapshots.ts';
import { startSlaAlerts } from './jobs/sla-alerts.ts';
import { startSnoozeWaker } from './jobs/snooze-waker.ts';
import { LiveHub } from './live/index.ts';
import { createLogger } from './logger.ts';

const env = readEnv();
const logger = createLogger(env.logLevel);

// The production bundle carries its own copy of the migrations beside it.
const bundledMigrations = fileURLToPath(new URL('./drizzle', import.meta.url));
const migrationsFolder = existsSync(bundledMigrations) ? bundledMigrations : undefined;

const database = createDatabase({ url: env.databaseUrl, dataDir: env.pgliteDir });
await migrateDatabase(database, migrationsFolder);
logger.info({ database: database.kind, location: database.location }, 'database ready');

const auth = createAuth({
  db: database.db,
  secret: env.authSecret,
  baseURL: env.publicUrl,
  trustedOrigins: [
    env.publicUrl,
    `http://127.0.0.1:${env.port}`,
    `http://localhost:${env.port}`,
    'http://localhost:5173',
    'http://localhost:5174',
  ],
  signInAttemptsPerMinute: env.signInAttemptsPerMinute,
});

const live = new LiveHub(database, logger);
const app = createApp({
  database,
  auth,
  logger,
  live,
  publicUrl: env.publicUrl,
  dataDir: env.dataDir,
  trustProxy: env.trustProxy,
  migrationsFolder,
  builtApps: {
    workspace: { prefix: '/workspace', distDir: join(env.repoRoot, 'apps/workspace/dist') },
    console: { prefix: '/console', distDir: join(env.repoRoot, 'apps/console/dist') },
  },
});

const snoozeWaker = startSnoozeWaker({ database, publicUrl: env.publicUrl, logger });
const assignmentJobs = startAssignmentJobs({ database, logger });
const slaAlerts = startSlaAlerts({ database, logger });
const certificationReminders = startCertificationReminders({ database, logger });
const kpiFacts = startKpiFactsJob({ database, logger });
const kpiSnapshots = startKpiSnapshotsJob({ database, logger });

const server = serve({ fetch: app.fetch, hostname: env.host, port: env.port }, (info) => {
  logger.info(
    { url: `http://${info.address}:${info.port}`, publicUrl: env.publicUrl },
    'listening',
  );
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  const forceExit = setTimeout(() => {
    logger.warn('in-flight requests did not finish within 10 s; closing anyway');
    process.exit(1);
  }, 10_000);
  forceExit.unref();
  await Promise.all([
    snoozeWaker.stop(),
    assignmentJobs.stop(),
    slaAlerts.stop(),
    certificationReminders.stop(),
    kpiFacts.stop(),
    kpiSnapshots.stop(),
  ]);
  // Event streams never finish by themselves: end them so the server can close.
  await live.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
