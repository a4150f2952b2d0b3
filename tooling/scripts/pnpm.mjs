// Runs pnpm on a machine that may have only Node and npm: the global pnpm if there is one,
// otherwise the pinned version through npx (corepack is not relied on).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
export const PNPM_VERSION = manifest.packageManager.replace(/^pnpm@/, '');

function hasGlobalPnpm() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.trim() === PNPM_VERSION;
}

const pnpmCommand = hasGlobalPnpm() ? ['pnpm'] : ['npx', '--yes', `pnpm@${PNPM_VERSION}`];

/** Runs pnpm with inherited output; resolves with the exit code. */
export function pnpm(args, options = {}) {
  return new Promise((resolve) => {
    const [command, ...prefix] = pnpmCommand;
    const child = spawn(command, [...prefix, ...args], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, npm_config_update_notifier: 'false', ...options.env },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs pnpm and stops this script if it fails. */
export async function pnpmOrExit(args, options) {
  const code = await pnpm(args, options);
  if (code !== 0) {
    console.error(`\n✖ pnpm ${args.join(' ')} failed (exit ${code})`);
    process.exit(code);
  }
}

/** Installs dependencies: a full, visible install the first time, a quick check after. */
export async function installIfNeeded() {
  if (existsSync(join(repoRoot, 'node_modules/.modules.yaml'))) {
    await pnpmOrExit(['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent']);
    return;
  }
  console.log('› Installing dependencies (the first run takes a minute or two)…');
  await pnpmOrExit(['install', '--frozen-lockfile', '--prefer-offline']);
}
