import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const DEMO_PASSWORD = 'switchboard-demo';
/** The inbound API key the demo seeds (and the README shows). */
export const DEMO_API_KEY = 'sb_live_DemoSwitchboardInboundKey0000001';

/** Whether this run can drive a browser; with REQUIRE_E2E=1 a missing one is a failure. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.REQUIRE_E2E === '1') {
    throw new Error(`REQUIRE_E2E=1 but ${CHROMIUM_PATH} is missing (apt-get install chromium)`);
  }
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Seeds a small demo organisation into a fresh embedded database and starts the built
 * server on it, on 127.0.0.1 and a free port.
 */
export async function startSeededServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
  // The browser suite always runs on its own embedded database, even when CI sets DATABASE_URL.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env = { ...inherited, DATA_DIR: dataDir, PGLITE_DATA_DIR: join(dataDir, 'pglite') };
  const seed = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/seed.ts', '--conversations', '300'],
    { cwd: join(repoRoot, 'packages/db'), env, encoding: 'utf8' },
  );
  if (seed.status !== 0) throw new Error(`seed failed:\n${seed.stdout}\n${seed.stderr}`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, ['apps/server/dist/main.js'], {
    cwd: repoRoot,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: baseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    if (Date.now() > deadline) {
      // The suite's afterAll never gets a handle to stop it: don't leave it running.
      server.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error('server did not become healthy in 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Signs a demo user in over HTTP and returns the session cookie header for API calls. */
export async function sessionCookieOf(server: RunningServer, email: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email}: HTTP ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** Signs a demo user in through an app's sign-in page and waits to leave it. */
export async function signInPage(
  page: Page,
  server: RunningServer,
  app: 'console' | 'workspace',
  email: string,
): Promise<void> {
  await page.goto(`${server.baseUrl}/${app}/sign-in`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`/${app}/(?!sign-in)`));
}

/** A tRPC query over HTTP as the holder of `cookie`, for finding test data in the demo. */
export async function trpcQuery<T>(
  server: RunningServer,
  cookie: string,
  path: string,
  input: unknown,
): Promise<T> {
  const encoded = encodeURIComponent(JSON.stringify({ json: input }));
  const response = await fetch(`${server.baseUrl}/trpc/${path}?input=${encoded}`, {
    headers: { cookie },
  });
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A tRPC mutation over HTTP as the holder of `cookie`, for arranging test data. */
export async function trpcMutation<T>(
  server: RunningServer,
  cookie: string,
  path: string,
  input: unknown,
): Promise<T> {
  const response = await fetch(`${server.baseUrl}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: server.baseUrl },
    body: JSON.stringify({ json: input }),
  });
  const body = (await response.json()) as { result?: { data: { json: T } } };
  if (response.status !== 200 || !body.result) {
    throw new Error(`${path}: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  return body.result.data.json;
}
