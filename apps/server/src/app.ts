import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trpcServer } from '@hono/trpc-server';
import { type Auth, appRouter, createContext } from '@switchboard/api';
import type { DatabaseHandle } from '@switchboard/db/client';
import { migrationState } from '@switchboard/db/migrate';
import { Hono } from 'hono';
import { mountChatApi, mountChatBot, mountChatPages, mountSurvey } from './chat/index.ts';
import { clientAddress, withClientAddress } from './client-ip.ts';
import { AttachmentStore, mountHiringAttachments } from './hiring/index.ts';
import { mountInboundApi } from './intake/inbound-api.ts';
import { landingPage } from './landing-page.ts';
import { LiveHub, staffEventsHandler } from './live/index.ts';
import type { Logger } from './logger.ts';
import { type BuiltApp, mountBuiltApp } from './static-apps.ts';

export interface AppOptions {
  database: DatabaseHandle;
  auth: Auth;
  logger: Logger;
  trustProxy: boolean;
  migrationsFolder?: string | undefined;
  builtApps: { workspace: BuiltApp; console: BuiltApp };
  startedAt?: Date;
  /** Origin people open (survey links, the OpenAPI document's server). */
  publicUrl?: string | undefined;
  /** Where the server keeps files (candidates' CVs); under the system's temp folder if absent. */
  dataDir?: string | undefined;
  /** The process's live-notice fan-out; created here when not given (tests). */
  live?: LiveHub | undefined;
}

export function createApp(options: AppOptions): Hono {
  const { database, auth, logger } = options;
  const startedAt = options.startedAt ?? new Date();
  const app = new Hono();

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const path = c.req.path;
    if (path.includes('/assets/')) return;
    logger.info(
      {
        method: c.req.method,
        path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });

  app.onError((error, c) => {
    logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return c.json({ error: 'Internal error' }, 500);
  });

  app.get('/healthz', async (c) => {
    try {
      const migrations = await migrationState(database, options.migrationsFolder);
      return c.json(
        {
          status: migrations.upToDate ? 'ok' : 'migrations_pending',
          database: { kind: database.kind, migrations },
          uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
        },
        migrations.upToDate ? 200 : 503,
      );
    } catch (error) {
      logger.error({ err: error }, 'health check failed');
      return c.json({ status: 'database_unavailable', database: { kind: database.kind } }, 503);
    }
  });

  app.on(['GET', 'POST'], '/api/auth/*', (c) =>
    auth.handler(withClientAddress(c.req.raw, clientAddress(c, options.trustProxy))),
  );

  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router: appRouter,
      createContext: (_options, c) =>
        createContext({ db: database.db, auth, headers: c.req.raw.headers }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          logger.error({ err: error.cause ?? error, procedure: path }, 'procedure failed');
        } else {
          logger.debug(
            { code: error.code, procedure: path, message: error.message },
            'procedure refused',
          );
        }
      },
    }),
  );

  const live = options.live ?? new LiveHub(database, logger);
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  app.get('/events', staffEventsHandler({ db: database.db, auth, hub: live, logger }));
  mountInboundApi(app, { db: database.db, logger, publicUrl });
  mountChatPages(app);
  // Before the chat API: its catch-all answers 404 for every other /chat/api path.
  mountChatBot(app, { db: database.db, logger, trustProxy: options.trustProxy });
  mountChatApi(app, { db: database.db, hub: live, logger, trustProxy: options.trustProxy });
  mountSurvey(app, { db: database.db });
  mountHiringAttachments(app, {
    db: database.db,
    auth,
    logger,
    // Made on the first upload; files are named by random ids, so apps in tests can share it.
    store: new AttachmentStore(options.dataDir ?? join(tmpdir(), 'switchboard-data')),
  });

  const built = {
    workspace: mountBuiltApp(app, options.builtApps.workspace),
    console: mountBuiltApp(app, options.builtApps.console),
  };
  app.get('/', (c) => c.html(landingPage(built)));

  return app;
}
