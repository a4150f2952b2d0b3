#!/usr/bin/env node
// The JavaScript an agent downloads before the workspace can render: the entry script that
// dist/index.html loads and the chunks it modulepreloads, gzipped (level 9) and summed. Lazily
// loaded chunks (routes and panels fetched on demand) are not counted.
//
// Measures apps/workspace/dist when it is newer than every input; otherwise builds with
// `vite build` into a temporary directory, so a dist that a running server or an end-to-end
// run is using is never replaced underneath it. `--rebuild` always builds.
// Prints {"workspace.initialJsKbGzip": n} on its last line (the `pnpm bench` contract).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './pnpm.mjs';

const appDir = join(repoRoot, 'apps/workspace');
const distDir = join(appDir, 'dist');
/** Everything the workspace build reads: if any is newer than dist, dist is stale. */
const INPUTS = [
  'apps/workspace/src',
  'apps/workspace/index.html',
  'apps/workspace/vite.config.ts',
  'apps/workspace/package.json',
  'packages/ui/src',
  'packages/domain/src',
  'tooling/vite',
  'pnpm-lock.yaml',
].map((path) => join(repoRoot, path));

function newestMtime(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function isFresh(dir) {
  const built = newestMtime(join(dir, 'index.html'));
  return built > 0 && INPUTS.every((input) => newestMtime(input) <= built);
}

function build() {
  const outDir = mkdtempSync(join(tmpdir(), 'switchboard-workspace-bundle-'));
  console.error(`workspace bundle: building into ${outDir}`);
  const run = spawnSync(
    join(appDir, 'node_modules/.bin/vite'),
    ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: appDir, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (run.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`vite build failed (exit ${run.status})`);
  }
  return outDir;
}

/** The entry module and its modulepreload links, as paths inside `dir`. */
function initialScripts(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const base = '/workspace/';
  const urls = [
    ...[...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map(
      (m) => m[1],
    ),
  ];
  if (urls.length === 0) throw new Error('no module script in dist/index.html');
  return [...new Set(urls)].map((url) =>
    join(dir, url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '')),
  );
}

const forceBuild = process.argv.includes('--rebuild');
const fresh = !forceBuild && isFresh(distDir);
const dir = fresh ? distDir : build();
try {
  let bytes = 0;
  for (const file of initialScripts(dir)) {
    const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
    bytes += gzipped;
    console.error(`  ${relative(dir, file)}  ${(gzipped / 1024).toFixed(1)} kB gzip`);
  }
  console.error(`workspace bundle: measured ${fresh ? 'apps/workspace/dist' : 'a fresh build'}`);
  console.log(
    JSON.stringify({ 'workspace.initialJsKbGzip': Math.round((bytes / 1024) * 10) / 10 }),
  );
} finally {
  if (!fresh) rmSync(dir, { recursive: true, force: true });
}
