#!/usr/bin/env node
// `npm start`: install what is missing, build, migrate, seed the demo organisation on the
// first run, then serve the API and both apps and say where they are.
import { spawn } from 'node:child_process';
import { installIfNeeded, pnpmOrExit, repoRoot } from './pnpm.mjs';

const port = Number(process.env.PORT ?? 3000);
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;

await installIfNeeded();
console.log('› Building the server and apps (cached after the first run)…');
await pnpmOrExit([
  'exec',
  'turbo',
  'run',
  'build',
  '--filter=@switchboard/server',
  '--output-logs=errors-only',
]);
console.log('› Migrating the database and seeding the demo organisation if it is empty…');
await pnpmOrExit(['--filter', '@switchboard/db', 'run', 'db:seed', '--if-empty']);

const server = spawn(process.execPath, ['apps/server/dist/main.js'], {
  cwd: repoRoot,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, PORT: String(port), PUBLIC_URL: publicUrl },
});
server.stdout.pipe(process.stdout);

const deadline = Date.now() + 60_000;
while (Date.now() < deadline && server.exitCode === null) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
  } catch {
    // still starting
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
if (server.exitCode !== null) process.exit(server.exitCode);

console.log(`
┌──────────────────────────────────────────────────────────────┐
  Switchboard is running
    Workspace (agents):           ${publicUrl}/workspace/
    Console (leads, trainers):    ${publicUrl}/console/
    Web chat (guests, drivers):   ${publicUrl}/chat
    Health:                       ${publicUrl}/healthz

  Demo logins — password for all: switchboard-demo
    agent@switchboard.test     L1 agent
    priya.nair@switchboard.test L2 agent
    lead@switchboard.test      team lead
    trainer@switchboard.test   trainer
    admin@switchboard.test     admin

  Inbound API key (demo): sb_live_DemoSwitchboardInboundKey0000001
└──────────────────────────────────────────────────────────────┘
Press Ctrl+C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill('SIGTERM'));
}
server.on('exit', (code) => process.exit(code ?? 0));
