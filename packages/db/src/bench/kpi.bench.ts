// The default KPI dashboard on a large PostgreSQL: every KPI for the last 30 days and the 30
// before, the guests-vs-drivers breakdown and escalation turnaround — what the console's
// /reports page asks for — timed over repeated calls, beside a plain count(*) of the events
// table in the same run, so the ratio shows. Needs DATABASE_URL pointing at a database seeded
// with `pnpm db:seed --conversations 1000000`; without it, the benchmark is skipped.
// Read-only: it never writes to the database it measures.
import { previousPeriod } from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import { createDatabase } from '../client.ts';
import { rowsOf } from '../migrate.ts';
import { escalationTurnaroundReport } from '../queries/escalation-views.ts';
import { kpiBreakdown, kpiFigures } from '../queries/kpi.ts';

const WARM_UP_ROUNDS = 3;
const MEASURED_CALLS = 30;
const DAY = 86_400_000;

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'kpi bench: skipped — set DATABASE_URL to a PostgreSQL database seeded with ' +
      '`pnpm db:seed --conversations 1000000` (the target is PostgreSQL at that size).',
  );
  console.log(JSON.stringify({}));
  process.exit(0);
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)]!;
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const handle = createDatabase({ url, maxConnections: 4 });
try {
  const db = handle.db;
  const now = new Date();
  const query = { from: new Date(now.getTime() - 30 * DAY), to: now, timeZone: 'Europe/Lisbon' };
  const dashboard = async () => {
    await Promise.all([
      kpiFigures(db, query, now),
      kpiFigures(db, previousPeriod(query), now),
      kpiBreakdown(db, query, 'audience', now),
      escalationTurnaroundReport(db, { since: query.from, until: query.to }, now),
    ]);
  };
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) await dashboard();
  const samples: number[] = [];
  for (let call = 0; call < MEASURED_CALLS; call += 1) {
    const started = performance.now();
    await dashboard();
    samples.push(performance.now() - started);
  }
  const scanStarted = performance.now();
  const [counted] = rowsOf<{ events: string }>(
    await db.execute(sql`select count(*)::bigint as events from conversation_events`),
  );
  const fullScanMs = performance.now() - scanStarted;
  const [conversations] = rowsOf<{ n: string }>(
    await db.execute(sql`select count(*)::bigint as n from conversations`),
  );
  console.error(
    `kpi bench: ${conversations?.n} conversations, ${counted?.events} events; dashboard p50 ${Math.round(samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!)} ms`,
  );
  console.log(
    JSON.stringify({
      'kpi.dashboard.p95Ms': Math.round(p95(samples)),
      'kpi.fullScan.ms': Math.round(fullScanMs),
      'kpi.peakRssMb': Math.round(peakRss / 1024 / 1024),
    }),
  );
} finally {
  clearInterval(sampler);
  await handle.close();
}
