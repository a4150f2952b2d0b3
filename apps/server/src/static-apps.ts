import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

export interface BuiltApp {
  /** URL prefix, e.g. /workspace */
  prefix: string;
  /** Folder holding the Vite build (index.html + assets/). */
  distDir: string;
}

/**
 * Serves a built single-page app under its prefix: real files first, then index.html for
 * every other path so deep links (/workspace/conversations/…) load the app.
 */
export function mountBuiltApp(app: Hono, builtApp: BuiltApp): boolean {
  const indexFile = join(builtApp.distDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile, 'utf8');
  app.use(
    `${builtApp.prefix}/assets/*`,
    serveStatic({
      root: builtApp.distDir,
      rewriteRequestPath: (path) => path.slice(builtApp.prefix.length),
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.get(builtApp.prefix, (c) => c.redirect(`${builtApp.prefix}/`));
  app.get(
    `${builtApp.prefix}/*`,
    serveStatic({
      root: builtApp.distDir,
      rewriteRequestPath: (path) => path.slice(builtApp.prefix.length),
    }),
  );
  app.get(`${builtApp.prefix}/*`, (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  });
  return true;
}
