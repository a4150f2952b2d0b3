#!/usr/bin/env node
// `pnpm bench [prefix]`: runs the benchmarks whose figures start with `prefix` (all when
// omitted) and prints one JSON object of the named figures, e.g. {"seed.peakRssMb": 180}.
// Each benchmark is a script that prints its figures as a JSON object on its last line.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './pnpm.mjs';

const BENCHMARKS = [
  { prefix: 'seed', cwd: 'packages/db', script: 'src/bench/seed.bench.ts' },
  { prefix: 'intake', cwd: 'apps/server', script: 'src/bench/intake.bench.ts' },
  // Needs DATABASE_URL at a PostgreSQL seeded with a million conversations; skips without it.
  { prefix: 'inbox', cwd: 'packages/db', script: 'src/bench/inbox-views.bench.ts' },
  // Needs DATABASE_URL at a PostgreSQL server (it works in a scratch database); skips without it.
  { prefix: 'assignment', cwd: 'packages/db', script: 'src/bench/assignment.bench.ts' },
  { prefix: 'workspace', cwd: '.', script: 'tooling/scripts/bench-workspace-bundle.mjs' },
  { prefix: 'routing', cwd: 'packages/domain', script: 'src/bench/routing.bench.ts' },
  { prefix: 'sla', cwd: 'packages/domain', script: 'src/bench/sla.bench.ts' },
  // Needs DATABASE_URL at a PostgreSQL seeded with a million conversations; skips without it.
  { prefix: 'kpi', cwd: 'packages/db', script: 'src/bench/kpi.bench.ts' },
];

const wanted = process.argv.slice(2).find((arg) => !arg.startsWith('-')) ?? '';
const figures = {};
for (const benchmark of BENCHMARKS) {
  if (!(benchmark.prefix.startsWith(wanted) || wanted.startsWith(benchmark.prefix))) continue;
  // TypeScript benchmarks load through tsx (from the package's own dependencies); plain .mjs need none.
  const loader = benchmark.script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const run = spawnSync(process.execPath, [...loader, benchmark.script], {
    cwd: join(repoRoot, benchmark.cwd),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    console.error(`benchmark ${benchmark.script} failed (exit ${run.status})`);
    process.exit(1);
  }
  const lastLine = run.stdout.trim().split('\n').at(-1) ?? '{}';
  for (const [name, value] of Object.entries(JSON.parse(lastLine))) {
    if (name.startsWith(wanted)) figures[name] = value;
  }
}
console.log(JSON.stringify(figures));
