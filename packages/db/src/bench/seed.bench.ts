// Seed generator throughput and memory: 10,000 and 50,000 conversations into a fresh
// on-disk PGlite database each (PGlite in memory would count the data itself as RSS).
// Peak RSS must stay flat as the count grows, because the generator streams in batches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../client.ts';
import { migrateDatabase } from '../migrate.ts';
import { seedDemo } from '../seed/index.ts';

async function measure(conversations: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-seed-bench-'));
  const handle = createDatabase({ dataDir });
  try {
    await migrateDatabase(handle);
    return await seedDemo(handle, { conversations });
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const small = await measure(10_000);
const large = await measure(50_000);
console.log(
  JSON.stringify({
    'seed.conversationsPerSecond': Math.round(50_000 / (large.elapsedMs / 1000)),
    'seed.peakRssMb.10k': small.peakRssMb,
    'seed.peakRssMb.50k': large.peakRssMb,
  }),
);
