import { createDatabase } from './src/client.ts';
import { migrateDatabase } from './src/migrate.ts';
import { seedDemo } from './src/seed/index.ts';
import { sql } from 'drizzle-orm';

const handle = createDatabase({ dataDir: 'memory://' });
await migrateDatabase(handle);
const t = Date.now();
const summary = await seedDemo(handle, { conversations: 2400 });
console.log('seeded in', Date.now() - t, 'ms', summary.counts.qaReviews, summary.counts.conversations);
const q = async (s: ReturnType<typeof sql>) => console.log(JSON.stringify((await handle.db.execute(s) as any).rows ?? await handle.db.execute(s)));
await q(sql`select status, sample, count(*)::int from qa_reviews group by 1,2 order by 1,2`);
await q(sql`select u.name, count(*)::int, round(avg(score))::int avg, sum(case when auto_failed then 1 else 0 end)::int af from qa_reviews r join users u on u.id = r.agent_id where calibration_session_id is null and submitted_at is not null group by 1 order by 1`);
await q(sql`select s.code, v.version, v.pass_mark, (select count(*)::int from qa_reviews r where r.scorecard_version_id = v.id) from qa_scorecards s join qa_scorecard_versions v on v.scorecard_id = s.id order by 1,2`);
await q(sql`select title, status, revealed_at from qa_calibration_sessions`);
await q(sql`select date_trunc('week', submitted_at)::date w, count(*)::int from qa_reviews where submitted_at is not null and calibration_session_id is null group by 1 order by 1`);
await handle.close();
