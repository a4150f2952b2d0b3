// Assignment under contention: 20 workers assigning 10,000 conversations at once on
// PostgreSQL (row locks are what is measured; PGlite runs one query at a time). Runs in a
// scratch database created next to DATABASE_URL's and dropped afterwards.
import postgres from 'postgres';
import { runAssignmentRace } from '../assignment-race/race.ts';
import { createDatabase } from '../client.ts';
import { migrateDatabase } from '../migrate.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('assignment bench: skipped — set DATABASE_URL to a PostgreSQL server.');
  console.log(JSON.stringify({}));
  process.exit(0);
}

const name = `assignment_bench_${Date.now()}`;
const admin = postgres(url, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const scratch = new URL(url);
scratch.pathname = `/${name}`;
const handle = createDatabase({ url: scratch.toString(), maxConnections: 21 });
try {
  await migrateDatabase(handle);
  const result = await runAssignmentRace(handle.db, {
    workers: 20,
    conversations: 10_000,
    teams: 10,
    agentsPerTeam: 5,
    chatCapacity: 190,
  });
  console.error(
    `assignment bench: ${result.assigned} of 10,000 assigned by 20 workers in ${result.elapsedMs} ms ` +
      `(${result.attempts} attempts), ${result.capacityOverflows} over capacity`,
  );
  console.log(
    JSON.stringify({
      'assignment.doubleAssignments': result.doubleAssignments,
      'assignment.capacityOverflows': result.capacityOverflows,
      'assignment.conversationsPerSecond': result.conversationsPerSecond,
    }),
  );
} finally {
  await handle.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
