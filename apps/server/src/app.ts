import { trpcServer } from '@hono/trpc-server';
import { type Auth, appRouter, createContext } from '@switchboard/api';
import type { DatabaseHandle } from '@switchboard/db/client';
import { migrationState } from '@switchboard/db/migrate';
import { Hono } from 'hono';
import { clientAddress, withClientAddress } from './client-ip.ts';
import { landingPage } from './landing-page.ts';
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

  const built = {
    workspace: mountBuiltApp(app, options.builtApps.workspace),
    console: mountBuiltApp(app, options.builtApps.console),
  };
  app.get('/', (c) => c.html(landingPage(built)));

  return app;
}
