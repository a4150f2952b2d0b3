// Inbox view latency on a large PostgreSQL database: the "Unassigned" and "Mine" views
// (default SLA sort, first page of 50) and the live view counts, as the busiest seeded
// agents see them. Needs DATABASE_URL pointing at a database seeded with
// `pnpm db:seed --conversations 1000000`; without it, the benchmark is skipped, because
// PGlite is not what serves a million conversations.
// Read-only: it never writes to the database it measures.
import { type InboxViewInput, inboxViewInputSchema, seesEveryInbox } from '@switchboard/domain';
import { and, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { createDatabase, type Database } from '../client.ts';
import { countInboxViews, listInboxView, type ViewScope } from '../queries/inbox-views.ts';
import { inboxIdsOfUser } from '../queries/routing.ts';
import { conversations, users } from '../schema/index.ts';

const WARM_UP_ROUNDS = 20;
const MEASURED_CALLS = 300;
const BUSIEST_AGENTS = 4;
const DEMO_AGENT_EMAIL = 'agent@switchboard.test';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'inbox-views bench: skipped — set DATABASE_URL to a PostgreSQL database seeded with ' +
      '`pnpm db:seed --conversations 1000000` (the target is PostgreSQL at that size).',
  );
  console.log(JSON.stringify({}));
  process.exit(0);
}

interface Viewer {
  email: string;
  scope: ViewScope;
  memberInboxIds: string[];
}

/** The demo agent plus the agents holding the most open conversations: the heaviest "Mine". */
async function busiestAgents(db: Database): Promise<Viewer[]> {
  const ranked = await db
    .select({ id: users.id, email: users.email, role: users.role, open: count() })
    .from(conversations)
    .innerJoin(users, eq(users.id, conversations.assigneeId))
    .where(
      and(
        eq(conversations.status, 'open'),
        isNotNull(conversations.assigneeId),
        inArray(users.role, ['agent', 'lead']),
      ),
    )
    .groupBy(users.id, users.email, users.role)
    .orderBy(desc(count()))
    .limit(BUSIEST_AGENTS);
  const [demo] = await db
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.email, DEMO_AGENT_EMAIL))
    .limit(1);
  const chosen = new Map(ranked.map((user) => [user.id, user]));
  if (demo) chosen.set(demo.id, { ...demo, open: 0 });
  const viewers: Viewer[] = [];
  for (const user of chosen.values()) {
    const memberInboxIds = await inboxIdsOfUser(db, user.id);
    const everyInbox = seesEveryInbox(user.role);
    viewers.push({
      email: user.email,
      scope: {
        userId: user.id,
        seesEveryInbox: everyInbox,
        inboxIds: everyInbox ? [] : memberInboxIds,
      },
      memberInboxIds,
    });
  }
  return viewers;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 10) / 10;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const handle = createDatabase({ url, maxConnections: 4 });
try {
  const { db } = handle;
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(conversations);
  const viewers = await busiestAgents(db);
  if (viewers.length === 0)
    throw new Error('no agents with conversations: seed the database first');
  const inputs: Record<'unassigned' | 'mine', InboxViewInput> = {
    unassigned: inboxViewInputSchema.parse({ view: 'unassigned' }),
    mine: inboxViewInputSchema.parse({ view: 'mine' }),
  };

  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) {
    for (const viewer of viewers) {
      await listInboxView(db, viewer.scope, inputs.unassigned);
      await listInboxView(db, viewer.scope, inputs.mine);
      await countInboxViews(db, viewer.scope, viewer.memberInboxIds);
    }
  }

  const viewSamples: number[] = [];
  const perView: Record<string, number[]> = { unassigned: [], mine: [] };
  const countSamples: number[] = [];
  for (let call = 0; call < MEASURED_CALLS; call += 1) {
    const viewer = viewers[call % viewers.length]!;
    for (const view of ['unassigned', 'mine'] as const) {
      const ms = await time(() => listInboxView(db, viewer.scope, inputs[view]));
      viewSamples.push(ms);
      perView[view]!.push(ms);
    }
    countSamples.push(await time(() => countInboxViews(db, viewer.scope, viewer.memberInboxIds)));
  }

  console.error(
    `inbox-views bench: ${total.toLocaleString('en')} conversations; viewers ${viewers
      .map((viewer) => viewer.email)
      .join(', ')}; p50/p95 ms — unassigned ${percentile(perView.unassigned!, 50)}/${percentile(
      perView.unassigned!,
      95,
    )}, mine ${percentile(perView.mine!, 50)}/${percentile(perView.mine!, 95)}, counts ${percentile(
      countSamples,
      50,
    )}/${percentile(countSamples, 95)}`,
  );
  console.log(
    JSON.stringify({
      'inbox.viewQuery.p95Ms': percentile(viewSamples, 95),
      'inbox.viewCounts.p95Ms': percentile(countSamples, 95),
      'inbox.conversations': total,
    }),
  );
} finally {
  await handle.close();
}
