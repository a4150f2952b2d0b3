import { createHash } from 'node:crypto';
import {
  AUDIENCES,
  CHANNELS,
  CONVERSATION_STATUSES,
  DOWNSTREAM_TEAM_KINDS,
  guardrailPolicySchema,
  MACRO_VARIABLES,
  macroInputSchema,
  PRIORITIES,
  placeholdersIn,
  type TaxonomyNode,
  validateRules,
  validateTaxonomy,
} from '@switchboard/domain';
import { verifyPassword } from 'better-auth/crypto';
import { asc, eq, isNotNull, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSeedArgs } from './cli/common.ts';
import { parseDatabaseCliEnv } from './cli/env.ts';
import { createDatabase, type DatabaseHandle } from './client.ts';
import { migrateDatabase, rowsOf } from './migrate.ts';
import { verifyApiKey } from './queries/api-keys.ts';
import {
  agentTiersOf,
  listCertifications,
  listExpiringCertifications,
} from './queries/certifications.ts';
import { listChatPaths } from './queries/chat-paths.ts';
import { listEscalationMatrix } from './queries/escalation-matrix.ts';
import { listApprovals, replayDecision } from './queries/guardrail-decisions.ts';
import { listGuardrailPolicies } from './queries/guardrail-policies.ts';
import { writeKpiFacts } from './queries/kpi-facts.ts';
import { findConversationSop, listMacrosForConversation } from './queries/playbooks.ts';
import { knownRoutingCodes } from './queries/routing-catalog.ts';
import { listRules } from './queries/routing-rules.ts';
import {
  accounts,
  apiKeys,
  categories,
  cities,
  conversations,
  guardrailDecisions,
  inboxes,
  macros,
  reasons,
  requestTypes,
  sops,
  sopVersions,
  tags,
  users,
} from './schema/index.ts';
import {
  DEMO_API_KEY,
  DEMO_PASSWORD,
  DEMO_USERS,
  demoOrganisationExists,
  type SeedSummary,
  seedDemo,
  taxonomyNodes,
} from './seed/index.ts';
import { createTestDatabase, uniqueSuffix } from './testing.ts';

const CONVERSATIONS = 150;
const SEED = 7;
const NOW = new Date('2026-03-02T10:30:00Z');

/**
 * The seed writes fixed codes and emails (LIS, admin@switchboard.test), so on PostgreSQL each
 * run gets a database of its own rather than sharing DATABASE_URL's, which may hold a demo.
 */
async function freshDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return createTestDatabase();
  const name = `seed_test_${uniqueSuffix().toLowerCase()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  const handle = createDatabase({ url: own.toString(), maxConnections: 4 });
  await migrateDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = postgres(url, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

async function query<T>(handle: DatabaseHandle, statement: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await handle.db.execute(statement));
}

/** Everything that should repeat for the same seed, in a stable order. */
async function fingerprint(handle: DatabaseHandle): Promise<string> {
  const rows = await query<Record<string, unknown>>(
    handle,
    sql`select c.id, c.number, c.subject, c.status, c.priority, c.channel, c.audience, c.created_at, c.last_message_preview,
          u.email as assignee, (select count(*) from messages m where m.conversation_id = c.id)::int as messages,
          (select string_agg(e.type, ',' order by e.id) from conversation_events e where e.conversation_id = c.id) as events
        from conversations c left join users u on u.id = c.assignee_id order by c.number`,
  );
  const playbooks = await query<Record<string, unknown>>(
    handle,
    sql`select m.id, m.name, m.body, m.inbox_id, m.fields, m.actions from macros m
        union all select v.id, v.title, v.steps::text, v.sop_id, to_jsonb(v.version), to_jsonb(v.status)
        from sop_versions v order by 1`,
  );
  return createHash('sha256')
    .update(
      JSON.stringify(
        rows.map((row) => ({ ...row, created_at: new Date(String(row.created_at)).toISOString() })),
      ),
    )
    .update(JSON.stringify(playbooks))
    .digest('hex');
}

describe('seedDemo', () => {
  let handle: DatabaseHandle;
  let summary: SeedSummary;

  beforeAll(async () => {
    handle = await freshDatabase();
    summary = await seedDemo(handle, {
      conversations: CONVERSATIONS,
      seed: SEED,
      now: NOW,
      batchSize: 60,
    });
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('reports what it wrote', () => {
    expect(summary.skipped).toBe(false);
    expect(summary.counts.conversations).toBe(CONVERSATIONS);
    expect(summary.counts.messages).toBeGreaterThan(CONVERSATIONS * 2);
    expect(summary.counts.events).toBeGreaterThan(CONVERSATIONS * 4);
    expect(summary.peakRssMb).toBeGreaterThan(0);
    expect(summary.counts.apiKeys).toBe(1);
  });

  it('writes every conversation’s KPI facts exactly as the server’s refresh would', async () => {
    const facts = () =>
      query<Record<string, unknown>>(
        handle,
        sql`select * from conversation_kpi_facts order by conversation_id`,
      );
    const outcomes = () =>
      query<Record<string, unknown>>(
        handle,
        sql`select conversation_id, target, due_at, stopped_at, paused, audience, channel, city_id,
            inbox_id, assignee_id, request_type_id from sla_outcomes
          order by conversation_id, target, due_at, stopped_at`,
      );
    const withoutRefreshTime = (rows: Array<Record<string, unknown>>) =>
      rows.map(({ refreshed_at: _, ...rest }) => rest);
    const seeded = await facts();
    const seededOutcomes = await outcomes();
    expect(seeded).toHaveLength(CONVERSATIONS);
    expect(seededOutcomes.length).toBeGreaterThan(CONVERSATIONS);
    await writeKpiFacts(
      handle.db,
      seeded.map((row) => String(row.conversation_id)),
      new Date(NOW),
    );
    expect(withoutRefreshTime(await facts())).toEqual(withoutRefreshTime(seeded));
    expect(await outcomes()).toEqual(seededOutcomes);
    const [queue] = await query<{ n: number }>(
      handle,
      sql`select count(*)::int as n from kpi_refresh_queue`,
    );
    expect(queue?.n).toBe(0);
  });

  it('numbers conversations in generation order and lets new ones continue after them', async () => {
    const [numbers] = await query<{ first: number; last: number; distinct: number }>(
      handle,
      sql`select min(number)::int as first, max(number)::int as last, count(distinct number)::int as distinct from conversations`,
    );
    expect(numbers).toEqual({ first: 1, last: CONVERSATIONS, distinct: CONVERSATIONS });
    const [sequence] = await query<{ last: number }>(
      handle,
      sql`select last_value::int as last from conversations_number_seq`,
    );
    expect(sequence!.last).toBe(CONVERSATIONS);
  });

  it('stores the documented demo API key as a digest the inbound API accepts', async () => {
    const rows = await handle.db.select().from(apiKeys);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(DEMO_API_KEY);
    expect(await verifyApiKey(handle.db, DEMO_API_KEY)).toMatchObject({ id: rows[0]!.id });
  });

  it('creates an organisation of at least the required size', async () => {
    const cityRows = await handle.db.select().from(cities);
    expect(cityRows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(cityRows.map((city) => city.timeZone)).size).toBeGreaterThanOrEqual(3);
    expect(cityRows.map((city) => city.code)).toEqual(
      expect.arrayContaining(['LIS', 'DXB', 'MEX']),
    );

    const inboxRows = await handle.db.select().from(inboxes);
    expect(inboxRows.length).toBeGreaterThanOrEqual(6);
    expect(new Set(inboxRows.map((inbox) => inbox.audience))).toEqual(new Set(AUDIENCES));

    const userRows = await handle.db.select().from(users);
    expect(userRows.length).toBeGreaterThanOrEqual(12);
    const roles = userRows.map((user) => user.role);
    expect(roles.filter((role) => role === 'lead')).toHaveLength(2);
    expect(roles.filter((role) => role === 'trainer')).toHaveLength(1);
    expect(roles.filter((role) => role === 'admin')).toHaveLength(1);
    const agents = userRows.filter((user) => user.role === 'agent');
    // Tiers come from certifications: the L2 specialists hold Senior refunds.
    const tiers = await agentTiersOf(handle.db, agents, NOW);
    expect(new Set(tiers.values())).toEqual(new Set(['L1', 'L2']));

    const typeRows = await handle.db.select().from(requestTypes);
    expect(typeRows.length).toBeGreaterThanOrEqual(30);
    expect(new Set(typeRows.map((type) => type.audience))).toEqual(new Set(AUDIENCES));
  });

  it('stores a taxonomy that passes domain validation', async () => {
    expect(validateTaxonomy(taxonomyNodes())).toEqual([]);
    const [categoryRows, typeRows, reasonRows] = await Promise.all([
      handle.db.select().from(categories),
      handle.db.select().from(requestTypes),
      handle.db.select().from(reasons),
    ]);
    const categoryCode = new Map(categoryRows.map((row) => [row.id, row.code]));
    const typeCode = new Map(typeRows.map((row) => [row.id, row.code]));
    const live = { deprecated: false, mergedInto: null };
    const stored: TaxonomyNode[] = [
      ...categoryRows.map((row) => ({ code: row.code, name: row.name, parentCode: null, ...live })),
      ...typeRows.map((row) => ({
        code: row.code,
        name: row.name,
        parentCode: categoryCode.get(row.categoryId)!,
        ...live,
      })),
      ...reasonRows.map((row) => ({
        code: row.code,
        name: row.name,
        parentCode: typeCode.get(row.requestTypeId)!,
        ...live,
      })),
    ];
    expect(validateTaxonomy(stored)).toEqual([]);
  });

  it('covers every channel, status, priority and audience', async () => {
    const rows = await handle.db
      .select({
        channel: conversations.channel,
        status: conversations.status,
        priority: conversations.priority,
        audience: conversations.audience,
      })
      .from(conversations);
    expect(new Set(rows.map((row) => row.channel))).toEqual(new Set(CHANNELS));
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(CONVERSATION_STATUSES));
    expect(new Set(rows.map((row) => row.priority))).toEqual(new Set(PRIORITIES));
    expect(new Set(rows.map((row) => row.audience))).toEqual(new Set(AUDIENCES));
  });

  it('keeps conversations, messages and events consistent', async () => {
    const [problems] = await query<Record<string, number>>(
      handle,
      sql`select
        (select count(*) from conversations c where not exists (
          select 1 from conversation_events e where e.conversation_id = c.id and e.type = 'created'))::int as without_created,
        (select count(*) from conversations c where not exists (
          select 1 from conversation_events e where e.conversation_id = c.id and e.type = 'message_received'))::int as without_inbound,
        (select count(*) from conversations c where c.status in ('resolved', 'closed') and not exists (
          select 1 from conversation_events e where e.conversation_id = c.id and e.type = 'reply_sent' and e.actor_type = 'agent'))::int as resolved_without_reply,
        (select count(*) from conversations c where c.status in ('resolved', 'closed') and not exists (
          select 1 from conversation_events e where e.conversation_id = c.id and e.type = 'resolved'))::int as resolved_without_event,
        (select count(*) from conversations c where c.status = 'closed' and not exists (
          select 1 from conversation_events e where e.conversation_id = c.id and e.type = 'closed'))::int as closed_without_event,
        (select count(*) from conversations c where c.status in ('pending', 'snoozed') and not exists (
          select 1 from conversation_events e where e.conversation_id = c.id and e.type = 'status_changed'
            and e.payload->>'to' = c.status::text))::int as parked_without_event,
        (select count(*) from conversations c where c.assignee_id is not null and not exists (
          select 1 from conversation_events e where e.conversation_id = c.id and e.type = 'assigned'))::int as assigned_without_event,
        (select count(*) from conversations c join request_types t on t.id = c.request_type_id
          where t.audience <> c.audience)::int as wrong_audience,
        (select count(*) from conversations c join reasons r on r.id = c.reason_id
          where r.request_type_id <> c.request_type_id)::int as reason_elsewhere,
        (select count(*) from conversations c where c.first_response_at is distinct from (
          select min(m.created_at) from messages m where m.conversation_id = c.id
            and m.author_type = 'agent' and m.kind = 'message'))::int as wrong_first_response,
        (select count(*) from conversations c where c.last_message_at <> (
          select max(m.created_at) from messages m where m.conversation_id = c.id and m.kind = 'message'))::int as wrong_last_message,
        (select count(*) from conversations where status = 'snoozed' and (snoozed_until is null or snoozed_until <= ${NOW.toISOString()}::timestamptz))::int as bad_snooze,
        (select count(*) from conversations where status in ('resolved', 'closed') and resolved_at is null)::int as resolved_without_time,
        (select count(*) from conversations where status = 'open' and created_at < ${NOW.toISOString()}::timestamptz - interval '2 days')::int as stale_open,
        (select count(*) from conversation_events where occurred_at > ${NOW.toISOString()}::timestamptz)::int as future_events,
        (select count(*) from messages where created_at > ${NOW.toISOString()}::timestamptz)::int as future_messages,
        (select count(*) from (select occurred_at < lag(occurred_at) over (partition by conversation_id order by id) as backwards
          from conversation_events) ordered where backwards)::int as events_out_of_order,
        (select count(*) from messages where body ~ '[{][a-zA-Z]+[}]')::int as unfilled_placeholders,
        (select count(*) from conversation_tags t join tags g on g.id = t.tag_id where not exists (
          select 1 from conversation_events e where e.conversation_id = t.conversation_id and e.type = 'tagged'
            and e.payload->>'tag' = g.code))::int as tags_without_event`,
    );
    expect(problems).toEqual(
      Object.fromEntries(Object.keys(problems ?? {}).map((key) => [key, 0])),
    );
    expect(Object.keys(problems ?? {}).length).toBeGreaterThan(10);
  });

  it('gives the demo agent live conversations to work', async () => {
    const [agent] = await handle.db
      .select()
      .from(users)
      .where(eq(users.email, 'agent@switchboard.test'));
    const [live] = await query<{ count: number }>(
      handle,
      sql`select count(*)::int as count from conversations
          where assignee_id = ${agent!.id} and status in ('open', 'pending')`,
    );
    expect(live!.count).toBeGreaterThanOrEqual(3);
  });

  it('lets every demo user sign in with the documented password', async () => {
    const rows = await handle.db
      .select({
        email: users.email,
        providerId: accounts.providerId,
        accountId: accounts.accountId,
        userId: users.id,
        hash: accounts.password,
      })
      .from(accounts)
      .innerJoin(users, eq(users.id, accounts.userId))
      .orderBy(asc(users.email));
    expect(rows.map((row) => row.email).sort()).toEqual(
      DEMO_USERS.map((user) => user.email).sort(),
    );
    for (const row of rows) {
      expect(row.providerId).toBe('credential');
      expect(row.accountId).toBe(row.userId);
      expect(row.hash).not.toContain(DEMO_PASSWORD);
    }
    // scrypt is slow on purpose: check the addresses people type, and one named agent.
    const typed = ['agent', 'lead', 'trainer', 'admin', 'ana.silva'].map(
      (local) => `${local}@switchboard.test`,
    );
    for (const email of typed) {
      const hash = rows.find((row) => row.email === email)?.hash;
      expect(hash, email).toBeTruthy();
      expect(await verifyPassword({ hash: hash!, password: DEMO_PASSWORD })).toBe(true);
    }
    expect(await verifyPassword({ hash: rows[0]!.hash!, password: 'wrong-password' })).toBe(false);
  });

  it('seeds shared and personal macros that the console form would accept', async () => {
    const macroRows = await handle.db.select().from(macros);
    const inboxRows = await handle.db.select().from(inboxes);
    const audienceOf = new Map(inboxRows.map((inbox) => [inbox.id, inbox.audience]));
    const shared = macroRows.filter((macro) => macro.scope === 'shared');
    expect(new Set(shared.map((macro) => macro.name)).size).toBeGreaterThanOrEqual(8);
    expect(
      new Set(shared.map((macro) => (macro.inboxId ? audienceOf.get(macro.inboxId) : 'all'))),
    ).toEqual(new Set(['all', 'guest', 'driver']));
    const [agent] = await handle.db
      .select()
      .from(users)
      .where(eq(users.email, 'agent@switchboard.test'));
    const personal = macroRows.filter((macro) => macro.scope === 'personal');
    expect(personal.length).toBeGreaterThanOrEqual(2);
    expect(personal.every((macro) => macro.ownerId === agent!.id && macro.inboxId === null)).toBe(
      true,
    );

    const tagCodes = new Set((await handle.db.select().from(tags)).map((tag) => tag.code));
    for (const macro of macroRows) {
      expect(macroInputSchema.safeParse(macro).error, macro.name).toBeUndefined();
      expect(
        macro.actions.tags.every((code) => tagCodes.has(code)),
        macro.name,
      ).toBe(true);
      const variables = placeholdersIn(macro.body).filter((name) => !name.startsWith('fields.'));
      expect(variables.every((name) => (MACRO_VARIABLES as readonly string[]).includes(name))).toBe(
        true,
      );
    }
    const fieldOf = (name: string, key: string) =>
      shared.find((macro) => macro.name === name)?.fields.find((field) => field.key === key);
    expect(fieldOf('Refund confirmed', 'refund_amount')).toMatchObject({
      type: 'money',
      required: true,
    });
    expect(fieldOf('Pickup rescheduled', 'new_pickup_time')).toMatchObject({ type: 'datetime' });

    // The Chromium journey searches "driver" in a new web-chat conversation (no booking) and
    // fills every field with text: the first match must need neither a booking nor an amount.
    const [lisbonGuest] = await query<{ id: string }>(
      handle,
      sql`select c.id from conversations c join inboxes i on i.id = c.inbox_id
          where i.code = 'LIS_GUEST' order by c.number limit 1`,
    );
    const page = await listMacrosForConversation(handle.db, agent!.id, {
      conversationId: lisbonGuest!.id,
      search: 'driver',
      limit: 5,
      offset: 0,
    });
    const first = page.items[0]!;
    expect(placeholdersIn(first.body).some((name) => name.startsWith('booking.'))).toBe(false);
    expect(first.fields.every((field) => field.type === 'text')).toBe(true);
    expect(first.actions.status).toBeNull();
  });

  it('configures routing a lead would recognise: valid rules, policies, capacity, certifications', async () => {
    const rules = await listRules(handle.db);
    expect(rules.length).toBeGreaterThanOrEqual(6);
    expect(validateRules(rules, await knownRoutingCodes(handle.db))).toEqual([]);
    const policies = await handle.db
      .select({ code: inboxes.code, policy: inboxes.assignmentPolicy })
      .from(inboxes);
    expect(policies.find((row) => row.code === 'LIS_GUEST')?.policy).toEqual({ mode: 'manual' });
    expect(policies.some((row) => row.policy.mode === 'round_robin')).toBe(true);
    const [agent] = await handle.db
      .select({ capacity: users.channelCapacity })
      .from(users)
      .where(eq(users.email, DEMO_USERS[0]!.email));
    expect(agent?.capacity.chat).toBeGreaterThan(0);
    const gated = await handle.db
      .select({ code: requestTypes.code })
      .from(requestTypes)
      .where(isNotNull(requestTypes.requiredCertificationId));
    expect(gated.map((row) => row.code).sort()).toEqual([
      'DRIVER_SAFETY_INCIDENT',
      'SAFETY_INCIDENT',
    ]);
  });

  it('seeds certifications with validities, the senior-refunds tier and grants to renew', async () => {
    const catalog = await listCertifications(handle.db, { includeArchived: false }, NOW);
    const byCode = new Map(catalog.map((certification) => [certification.code, certification]));
    expect(byCode.get('GUEST_REFUNDS')).toMatchObject({ validityDays: 365, grantsTier: null });
    expect(byCode.get('SAFETY')).toMatchObject({ validityDays: 180 });
    expect(byCode.get('LANGUAGE_PT')).toMatchObject({ validityDays: null });
    expect(byCode.get('SENIOR_REFUNDS')).toMatchObject({ grantsTier: 'L2' });
    expect(
      byCode
        .get('SAFETY')!
        .requiredBy.map((type) => type.code)
        .sort(),
    ).toEqual(['DRIVER_SAFETY_INCIDENT', 'SAFETY_INCIDENT']);
    expect(catalog.some((certification) => certification.expiringSoon > 0)).toBe(true);
    expect(catalog.some((certification) => certification.expired > 0)).toBe(true);
    const expiring = await listExpiringCertifications(
      handle.db,
      { withinDays: 30, includeExpired: false, limit: 50, offset: 0 },
      NOW,
    );
    expect(expiring.items.map((row) => row.certificationCode)).toContain('GUEST_REFUNDS');
  });

  it('saves a chat path per audience that works as stored: the driver one on, the guest one off', async () => {
    const views = await listChatPaths(handle.db);
    expect(views.map((view) => [view.audience, view.path?.enabled])).toEqual([
      ['guest', false],
      ['driver', true],
    ]);
    for (const view of views) expect(view.problems).toEqual([]);
  });

  it('sets guardrail policies for guests’ money requests, with limits in every city’s currency', async () => {
    const policies = await listGuardrailPolicies(handle.db);
    expect(policies.map((row) => row.requestTypeCode)).toContain('PICKUP_ISSUE');
    const currencies = await handle.db.select({ currency: cities.currency }).from(cities);
    for (const row of policies) {
      expect(guardrailPolicySchema.safeParse(row.definition).success).toBe(true);
      for (const { currency } of currencies) {
        expect(row.definition.refund.tiers.L1.maxAmount[currency]).toBeGreaterThan(0);
      }
    }
  });

  it('sets up the escalation matrix and hands real conversations to downstream teams in every state', async () => {
    const matrix = await listEscalationMatrix(handle.db);
    expect(matrix.map((row) => row.teamKind)).toEqual([...DOWNSTREAM_TEAM_KINDS]);
    const states = rowsOf<{ state: string; count: number }>(
      await handle.db.execute(
        sql`select state, count(*)::int as count from escalations group by state`,
      ),
    );
    expect(states.map((row) => row.state).sort()).toEqual([
      'acknowledged',
      'in_progress',
      'open',
      'rejected',
      'resolved',
    ]);
    // Each is on the record from the moment it was sent, and posted on its conversation.
    const [unrecorded] = rowsOf<{ count: number }>(
      await handle.db.execute(sql`select count(*)::int as count from escalations e
        where not exists (select 1 from escalation_events v where v.escalation_id = e.id and v.type = 'sent')
           or not exists (select 1 from conversation_events c where c.conversation_id = e.conversation_id
             and c.type = 'escalation_updated')`),
    );
    expect(unrecorded?.count).toBe(0);
  });

  it('decides refunds and gestures on real bookings, with approvals waiting, approved and rejected', async () => {
    expect(summary.counts.guardrailDecisions).toBeGreaterThanOrEqual(5);
    const outcomes = rowsOf<{ outcome: string; count: number }>(
      await handle.db.execute(
        sql`select outcome::text, count(*)::int as count from guardrail_decisions group by outcome`,
      ),
    );
    expect(outcomes.map((row) => row.outcome)).toEqual(
      expect.arrayContaining(['allow', 'approval_required']),
    );
    const answers = rowsOf<{ answer: string }>(
      await handle.db.execute(sql`select coalesce(o.outcome::text, 'waiting') as answer
        from approval_requests r left join approval_outcomes o on o.request_id = r.id`),
    ).map((row) => row.answer);
    expect(new Set(answers)).toEqual(new Set(['waiting', 'approved', 'rejected']));
    // The lead's queue shows the waiting ones; every decision was replayed to the same outcome.
    const lead = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, DEMO_USERS.find((user) => user.role === 'lead')!.email));
    const queue = await listApprovals(
      handle.db,
      { userId: lead[0]!.id, role: 'lead' },
      { state: 'waiting', limit: 50, offset: 0 },
    );
    expect(queue.total).toBe(answers.filter((answer) => answer === 'waiting').length);
    const decisions = await handle.db
      .select({ id: guardrailDecisions.id })
      .from(guardrailDecisions);
    for (const decision of decisions) {
      expect((await replayDecision(handle.db, decision.id)).matches).toBe(true);
    }
  });

  it('publishes SOP playbooks with required steps for the common request types', async () => {
    const rows = await handle.db
      .select({
        code: requestTypes.code,
        version: sopVersions.version,
        status: sopVersions.status,
        steps: sopVersions.steps,
      })
      .from(sopVersions)
      .innerJoin(sops, eq(sops.id, sopVersions.sopId))
      .innerJoin(requestTypes, eq(requestTypes.id, sops.requestTypeId))
      .orderBy(asc(requestTypes.code), asc(sopVersions.version));
    const published = rows.filter((row) => row.status === 'published');
    expect(new Set(published.map((row) => row.code)).size).toBeGreaterThanOrEqual(6);
    expect(published.length).toBe(new Set(published.map((row) => row.code)).size);
    expect(published.every((row) => row.steps.some((step) => step.required))).toBe(true);
    expect(rows.some((row) => row.status === 'archived')).toBe(true);
    expect(rows.some((row) => row.status === 'draft')).toBe(true);
    for (const code of new Set(rows.map((row) => row.code))) {
      const versions = rows.filter((row) => row.code === code).map((row) => row.version);
      expect(versions).toEqual(versions.map((_, index) => index + 1));
    }
    // A seeded no-show conversation follows the published playbook.
    const [noShow] = await query<{ id: string }>(
      handle,
      sql`select c.id from conversations c join request_types t on t.id = c.request_type_id
          where t.code = 'PICKUP_ISSUE' limit 1`,
    );
    const sop = await findConversationSop(handle.db, noShow!.id);
    expect(sop?.version).toMatchObject({ version: 2, title: 'Driver no-show (guest stranded)' });
  });

  it('skips a second run with ifEmpty, and refuses one without it', async () => {
    expect(await demoOrganisationExists(handle.db)).toBe(true);
    const second = await seedDemo(handle, {
      conversations: CONVERSATIONS,
      seed: SEED,
      ifEmpty: true,
    });
    expect(second.skipped).toBe(true);
    expect(second.counts.conversations).toBe(0);
    const [count] = await query<{ count: number }>(
      handle,
      sql`select count(*)::int as count from conversations`,
    );
    expect(count!.count).toBe(CONVERSATIONS);
    await expect(seedDemo(handle, { conversations: 10, seed: SEED })).rejects.toThrow(
      /already in this database/,
    );
  });

  it('produces the same data for the same seed', async () => {
    const again = await freshDatabase();
    try {
      await seedDemo(again, { conversations: CONVERSATIONS, seed: SEED, now: NOW });
      expect(await fingerprint(again)).toBe(await fingerprint(handle));
    } finally {
      await again.close();
    }
  });
});

describe('seed command line', () => {
  it('reads --conversations N, --conversations=N and a leading --', () => {
    expect(parseSeedArgs(['--', '--conversations', '1000000']).conversations).toBe(1_000_000);
    expect(parseSeedArgs(['--conversations=1_000', '--seed=9']).conversations).toBe(1000);
    expect(parseSeedArgs(['--seed', '9', '--if-empty'])).toMatchObject({
      seed: 9,
      ifEmpty: true,
      conversations: 2400,
    });
    expect(() => parseSeedArgs(['--conversations', 'lots'])).toThrow(/whole number/);
    expect(() => parseSeedArgs(['--conversation', '5'])).toThrow(/Unknown option/);
  });

  it('validates the environment', () => {
    expect(parseDatabaseCliEnv({ DATABASE_URL: 'postgresql://u@h:5432/db' }).DATABASE_URL).toBe(
      'postgresql://u@h:5432/db',
    );
    expect(parseDatabaseCliEnv({}).PGLITE_DATA_DIR).toMatch(/[/\\]\.data[/\\]pglite$/);
    expect(() => parseDatabaseCliEnv({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(
      /DATABASE_URL/,
    );
  });
});
