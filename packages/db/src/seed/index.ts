import { eq, inArray, sql } from 'drizzle-orm';
import type { Database, DatabaseHandle, DatabaseOrTransaction } from '../client.ts';
import { refreshAllKpiFacts } from '../queries/kpi-facts.ts';
import { slaSchedulesForInboxes } from '../queries/sla-schedule.ts';
import {
  bookings,
  cities,
  contacts,
  conversationEvents,
  conversationKpiFacts,
  conversations,
  conversationTags,
  inboxes,
  kpiRefreshQueue,
  messages,
  slaOutcomes,
} from '../schema/index.ts';
import { insertDemoApiKey } from './api-keys.ts';
import { insertRows } from './bulk-insert.ts';
import { insertDemoCertifications } from './certifications.ts';
import { CITIES } from './cities.ts';
import { type ContactRow, contactAt, contactCount, contactRow } from './contacts.ts';
import { type ConversationBatch, ConversationGenerator, emptyBatch } from './conversations.ts';
import { insertDemoEscalationMatrix, insertDemoEscalations } from './escalations.ts';
import { insertDemoGuardrailDecisions } from './guardrail-decisions.ts';
import { insertDemoGuardrails } from './guardrails.ts';
import { insertDemoHiring } from './hiring.ts';
import { insertDemoIncidents } from './incidents.ts';
import { findDemoStaff, insertOrganisation } from './organisation.ts';
import { insertDemoPlaybooks } from './playbooks.ts';
import { insertDemoQa } from './qa.ts';
import { Random } from './random.ts';
import { insertDemoRouting } from './routing.ts';
import { insertDemoSla } from './sla.ts';
import { insertDemoStaffing } from './staffing.ts';
import { insertTaxonomy } from './taxonomy.ts';
import { insertDemoTraining } from './training.ts';

export { DEMO_API_KEY, DEMO_API_KEY_NAME } from './api-keys.ts';
export type { CityProfile } from './cities.ts';
export { CITIES } from './cities.ts';
export {
  DEMO_ADMIN_EMAIL,
  DEMO_AGENT_EMAIL,
  DEMO_EMAIL_DOMAIN,
  DEMO_INBOXES,
  DEMO_PASSWORD,
  DEMO_TEAMS,
  DEMO_USERS,
  type DemoUser,
} from './organisation.ts';
export {
  DEMO_PERSONAL_MACROS,
  DEMO_SHARED_MACROS,
  DEMO_SOPS,
  insertDemoPlaybooks,
} from './playbooks.ts';
export { CATEGORIES, REQUEST_TYPES, TAGS, taxonomyNodes } from './taxonomy.ts';

export const DEFAULT_CONVERSATIONS = 2400;
export const DEFAULT_SEED = 42;
/** Conversations generated and written per transaction; memory stays flat whatever the total. */
export const DEFAULT_BATCH_SIZE = 1000;

export interface SeedOptions {
  /** How many conversations to generate (default 2,400). */
  conversations?: number;
  /** Same seed, same data (default 42). */
  seed?: number;
  /** Do nothing when the demo organisation is already there (used by `pnpm start`). */
  ifEmpty?: boolean;
  /** "Now" for the generated history: conversations cover the 60 days before it. */
  now?: Date;
  batchSize?: number;
  /** Batches written at once (default 2 on PostgreSQL, 1 on PGlite). */
  writers?: number;
  /** Trips that never became a conversation, per conversation (default 2). */
  quietBookingsPerConversation?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export type SeedPhase = 'organisation' | 'contacts' | 'conversations' | 'escalations' | 'analyze';

export interface SeedProgress {
  phase: SeedPhase;
  done: number;
  total: number;
  /** Rows of this phase per second so far. */
  perSecond: number;
}

export interface SeedCounts {
  cities: number;
  teams: number;
  users: number;
  memberships: number;
  inboxes: number;
  categories: number;
  requestTypes: number;
  reasons: number;
  tags: number;
  contacts: number;
  bookings: number;
  conversations: number;
  messages: number;
  events: number;
  conversationTags: number;
  apiKeys: number;
  macros: number;
  sopVersions: number;
  routingRules: number;
  chatPaths: number;
  guardrailPolicies: number;
  guardrailDecisions: number;
  escalationPaths: number;
  escalations: number;
  incidents: number;
  certifications: number;
  qaReviews: number;
  candidates: number;
  curricula: number;
  trainingEnrolments: number;
}

export interface SeedSummary {
  /** True when `ifEmpty` found the demo organisation and nothing was written. */
  skipped: boolean;
  seed: number;
  counts: SeedCounts;
  elapsedMs: number;
  /** Highest resident set size sampled while seeding. */
  peakRssMb: number;
}

const DAY = 86_400_000;

/** Seeding twice would collide on the demo's codes and emails. */
export class DemoExistsError extends Error {
  override name = 'DemoExistsError';

  constructor() {
    super(
      'The demo organisation is already in this database. Run `pnpm db:reset` to start again, or seed with --if-empty to keep it.',
    );
  }
}

function emptyCounts(): SeedCounts {
  return {
    cities: 0,
    teams: 0,
    users: 0,
    memberships: 0,
    inboxes: 0,
    categories: 0,
    requestTypes: 0,
    reasons: 0,
    tags: 0,
    contacts: 0,
    bookings: 0,
    conversations: 0,
    messages: 0,
    events: 0,
    conversationTags: 0,
    apiKeys: 0,
    macros: 0,
    sopVersions: 0,
    routingRules: 0,
    chatPaths: 0,
    guardrailPolicies: 0,
    guardrailDecisions: 0,
    escalationPaths: 0,
    escalations: 0,
    incidents: 0,
    certifications: 0,
    qaReviews: 0,
    candidates: 0,
    curricula: 0,
    trainingEnrolments: 0,
  };
}

/** Whether the demo organisation (its cities or its admin) is already in the database. */
export async function demoOrganisationExists(db: Database): Promise<boolean> {
  const [city] = await db
    .select({ id: cities.id })
    .from(cities)
    .where(eq(cities.code, CITIES[0]!.code))
    .limit(1);
  if (city) return true;
  return (await findDemoStaff(db, 'admin')) !== null;
}

class PeakRss {
  private peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => this.sample(), 250);

  constructor() {
    this.timer.unref();
  }

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return Math.round(this.peak / 1024 / 1024);
  }
}

/** One transaction per batch; losing the last batch to a crash is fine for demo data. */
async function inTransaction(
  db: Database,
  write: (tx: DatabaseOrTransaction) => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    await write(tx);
  });
}

async function writeConversationBatch(db: Database, batch: ConversationBatch): Promise<void> {
  await inTransaction(db, async (tx) => {
    await insertRows(tx, bookings, batch.bookings);
    // Numbers come from the generator: concurrent writers would draw them from the identity
    // sequence in whatever order their batches land, and the same seed would number differently.
    await insertRows(tx, conversations, batch.conversations, { overridingSystemValue: true });
    await insertRows(tx, messages, batch.messages);
    await insertRows(tx, conversationEvents, batch.events);
    await insertRows(tx, conversationTags, batch.conversationTags);
    // The batch's KPI facts came from the generator: the refresh queue need not redo them.
    await insertRows(tx, conversationKpiFacts, batch.kpiFacts);
    await insertRows(tx, slaOutcomes, batch.slaOutcomes);
    const ids = batch.conversations.map((conversation) => conversation.id!);
    await tx.delete(kpiRefreshQueue).where(inArray(kpiRefreshQueue.conversationId, ids));
  });
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What the demo's people did with the conversations once they were there: refunds and gestures
 * decided (some waiting for a lead), training, QA reviews and hiring.
 */
async function insertDemoWorkOnConversations(
  db: Database,
  now: number,
  seed: number,
): Promise<Partial<SeedCounts>> {
  const guardrailDecisions = await insertDemoGuardrailDecisions(db, now);
  // Training before hiring: hires are enrolled in their team's training plan.
  const training = await insertDemoTraining(db, now);
  const qaReviews = await insertDemoQa(db, now, seed);
  const candidates = await insertDemoHiring(db, now);
  return { guardrailDecisions, ...training, qaReviews, candidates };
}

/**
 * Seeds the demo organisation: cities, teams, staff (with sign-in credentials), inboxes,
 * taxonomy, contacts, bookings and `conversations` conversations with their messages, events
 * and tags. Generation streams in batches — each batch is written while the next one is
 * generated — so a million conversations need no more memory than ten thousand.
 */
export async function seedDemo(
  handle: DatabaseHandle,
  options: SeedOptions = {},
): Promise<SeedSummary> {
  const started = performance.now();
  const rss = new PeakRss();
  const { db } = handle;
  const seed = options.seed ?? DEFAULT_SEED;
  const total = options.conversations ?? DEFAULT_CONVERSATIONS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const quietBookings = options.quietBookingsPerConversation ?? 2;
  const now = options.now?.getTime() ?? Date.now();
  const report = options.onProgress ?? (() => {});
  const counts = emptyCounts();
  const summary = (skipped: boolean): SeedSummary => ({
    skipped,
    seed,
    counts,
    elapsedMs: Math.round(performance.now() - started),
    peakRssMb: rss.stop(),
  });

  if (!Number.isInteger(total) || total < 0)
    throw new Error('conversations must be a whole number ≥ 0');
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error('batchSize must be a whole number ≥ 1');

  try {
    if (await demoOrganisationExists(db)) {
      if (options.ifEmpty) {
        // Databases seeded before the inbound API existed get its demo key too.
        counts.apiKeys = await insertDemoApiKey(db);
        // …and so do databases seeded before macros and SOP playbooks.
        Object.assign(
          counts,
          await db.transaction((tx) =>
            insertDemoPlaybooks(tx, new Random(seed, 'playbooks'), new Date(now - 400 * DAY)),
          ),
        );
        await insertDemoStaffing(db, new Date(now - 400 * DAY));
        // …and certifications with validities, tiers and grants to renew.
        await insertDemoCertifications(db, new Date(now));
        // …and the work on the conversations there that came later: money decisions, training,
        // QA and hiring (each step adds nothing when its demo data is there already).
        Object.assign(counts, await insertDemoWorkOnConversations(db, now, seed));
        return summary(true);
      }
      throw new DemoExistsError();
    }

    // Organisation and taxonomy: small, written at once.
    report({ phase: 'organisation', done: 0, total: 1, perSecond: 0 });
    const foundedAt = new Date(now - 400 * DAY);
    let organisation!: Awaited<ReturnType<typeof insertOrganisation>>;
    let taxonomy!: Awaited<ReturnType<typeof insertTaxonomy>>;
    await db.transaction(async (tx) => {
      organisation = await insertOrganisation(tx, new Random(seed, 'organisation'), foundedAt);
      taxonomy = await insertTaxonomy(tx, new Random(seed, 'taxonomy'), foundedAt);
      counts.apiKeys = await insertDemoApiKey(tx, foundedAt);
      Object.assign(
        counts,
        await insertDemoPlaybooks(tx, new Random(seed, 'playbooks'), foundedAt),
      );
      counts.certifications = await insertDemoCertifications(tx, new Date(now));
      Object.assign(counts, await insertDemoRouting(tx, new Random(seed, 'routing'), foundedAt));
      counts.guardrailPolicies = await insertDemoGuardrails(tx, foundedAt);
      counts.escalationPaths = await insertDemoEscalationMatrix(tx, foundedAt);
      await insertDemoSla(tx, foundedAt);
      await insertDemoStaffing(tx, foundedAt);
    });
    Object.assign(counts, organisation.counts, taxonomy.counts);
    report({ phase: 'organisation', done: 1, total: 1, perSecond: 0 });

    // Contacts: pure functions of their index, written in batches.
    const contactTotal = contactCount(total);
    const contactsStarted = performance.now();
    const contactBatch = 5000;
    for (let start = 0; start < contactTotal; start += contactBatch) {
      const rows: ContactRow[] = [];
      for (let index = start; index < Math.min(contactTotal, start + contactBatch); index += 1) {
        const contact = contactAt(seed, index, now);
        rows.push(contactRow(contact, organisation.cityIds.get(contact.city.code)!));
      }
      await inTransaction(db, (tx) => insertRows(tx, contacts, rows));
      counts.contacts += rows.length;
      report({
        phase: 'contacts',
        done: counts.contacts,
        total: contactTotal,
        perSecond: counts.contacts / ((performance.now() - contactsStarted) / 1000),
      });
      rss.sample();
    }

    // Conversations: generate the next batch while earlier ones are written. PostgreSQL gets
    // two writers (one backend each, so both cores work); PGlite runs one query at a time.
    const [numbered] = await db
      .select({ last: sql<number>`coalesce(max(${conversations.number}), 0)::int` })
      .from(conversations);
    const generator = new ConversationGenerator({
      firstNumber: (numbered?.last ?? 0) + 1,
      seed,
      now,
      conversations: total,
      contacts: contactTotal,
      quietBookingsPerConversation: quietBookings,
      organisation,
      taxonomy,
      // Clocks replay on each inbox's SLA schedule, as the server would have run them.
      schedules: await slaSchedulesForInboxes(
        db,
        (await db.select({ id: inboxes.id }).from(inboxes)).map((inbox) => inbox.id),
        new Date(now),
      ),
    });
    const maxWriters = options.writers ?? (handle.kind === 'postgres' ? 2 : 1);
    const conversationsStarted = performance.now();
    const writing = new Set<Promise<void>>();
    // Written from the writers' callbacks; checked before each new batch.
    const failures: unknown[] = [];
    for (let start = 0; start < total; start += batchSize) {
      const end = Math.min(total, start + batchSize);
      const batch = emptyBatch();
      for (let index = start; index < end; index += 1) {
        generator.generate(index, batch);
        generator.generateQuietBookings(index, batch);
        // Let the database driver read its socket while we generate.
        if ((index - start) % 200 === 199) await yieldToEventLoop();
      }
      while (writing.size >= maxWriters) await Promise.race(writing);
      if (failures.length > 0) break;
      rss.sample();
      const write: Promise<void> = writeConversationBatch(db, batch)
        .then(
          () => {
            counts.bookings += batch.bookings.length;
            counts.conversations += batch.conversations.length;
            counts.messages += batch.messages.length;
            counts.events += batch.events.length;
            counts.conversationTags += batch.conversationTags.length;
            report({
              phase: 'conversations',
              done: counts.conversations,
              total,
              perSecond: counts.conversations / ((performance.now() - conversationsStarted) / 1000),
            });
          },
          (error: unknown) => {
            failures.push(error);
          },
        )
        .finally(() => writing.delete(write));
      writing.add(write);
    }
    await Promise.all(writing);
    if (failures.length > 0) throw failures[0];
    // New conversations continue after the seeded numbers.
    await db.execute(
      sql`select setval(pg_get_serial_sequence('conversations', 'number'), max(number)) from conversations having count(*) > 0`,
    );

    report({ phase: 'escalations', done: 0, total: 1, perSecond: 0 });
    counts.escalations = await insertDemoEscalations(db, now);
    counts.incidents = await insertDemoIncidents(db, now);
    Object.assign(counts, await insertDemoWorkOnConversations(db, now, seed));
    // Escalations and incidents added events to some conversations: bring their facts up to date.
    await refreshAllKpiFacts(db, new Date(now));
    report({ phase: 'escalations', done: 1, total: 1, perSecond: 0 });

    // Fresh statistics, so the first queries plan well on a freshly loaded database.
    report({ phase: 'analyze', done: 0, total: 1, perSecond: 0 });
    await db.execute(sql`analyze`);
    report({ phase: 'analyze', done: 1, total: 1, perSecond: 0 });
    return summary(false);
  } finally {
    rss.stop();
  }
}
