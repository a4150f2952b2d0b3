#!/usr/bin/env node
// `npm test`: install what is missing, then run every suite — unit and integration tests of
// each package (on PGlite, or on PostgreSQL when DATABASE_URL is set) and the end-to-end
// suite in Chromium (skipped without a browser unless REQUIRE_E2E=1).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installIfNeeded, pnpm, repoRoot } from './pnpm.mjs';

const PACKAGES = [
  'packages/domain',
  'packages/db',
  'packages/api',
  'packages/ui',
  'apps/server',
  'apps/workspace',
  'apps/console',
];
const RESULT_FILE = '.vitest-results.json';
const JSON_REPORT = ['--reporter=default', '--reporter=json', `--outputFile.json=${RESULT_FILE}`];

await installIfNeeded();
for (const folder of PACKAGES) rmSync(join(repoRoot, folder, RESULT_FILE), { force: true });
const started = Date.now();

console.log('\n› Unit and integration tests');
const unitCode = await pnpm([
  'exec',
  'turbo',
  'run',
  'test',
  '--concurrency=1',
  '--',
  ...JSON_REPORT,
]);
const unit = collect();

console.log('\n› End-to-end tests (Chromium)');
const e2eCode = await pnpm([
  'exec',
  'turbo',
  'run',
  'test:e2e',
  '--filter=@switchboard/server',
  '--',
  ...JSON_REPORT,
]);
const e2e = collect();

/** Sums and clears the Vitest JSON reports the packages just wrote. */
function collect() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const folder of PACKAGES) {
    const file = join(repoRoot, folder, RESULT_FILE);
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    rmSync(file);
  }
  return totals;
}

const failedSuites = [unitCode, e2eCode].filter((code) => code !== 0).length;
const passed = unit.passed + e2e.passed;
const failed =
  unit.failed +
  e2e.failed +
  (failedSuites > 0 && unit.failed + e2e.failed === 0 ? failedSuites : 0);
console.log(
  `\nunit/integration: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`,
);
console.log(`end-to-end: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
console.log(`took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedSuites === 0 ? 0 : 1);
