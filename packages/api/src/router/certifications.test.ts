import { drainQueues } from '@switchboard/db/queries/assignment';
import { receiveInboundMessage } from '@switchboard/db/queries/intake';
import {
  bookings,
  conversations,
  curricula,
  inboxes,
  memberships,
  notifications,
  userCertifications,
} from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import { type GuardrailPolicy, noShowPolicy } from '@switchboard/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationFixture, createTaxonomyFixture } from '../fixtures.ts';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
let taxonomy: Awaited<ReturnType<typeof createTaxonomyFixture>>;
type Caller = Awaited<ReturnType<TestApi['callerAs']>>;
let trainer: Caller;
let lead: Caller;

beforeAll(async () => {
  api = await createTestApi();
  taxonomy = await createTaxonomyFixture(api.handle.db);
  [trainer, lead] = await Promise.all([api.callerAs('trainer'), api.callerAs('lead')]);
});
afterAll(() => api.close());

const db = () => api.handle.db;
const DAY = 86_400_000;

function certificationInput(overrides: Record<string, unknown> = {}) {
  const suffix = uniqueSuffix();
  return {
    code: `GUEST_REFUNDS_${suffix}`,
    name: `Guest refunds ${suffix}`,
    description: 'Refunds and goodwill for guests.',
    validityDays: 365,
    renewalReminderDays: 30,
    grantsTier: null,
    ...overrides,
  } as const;
}

async function createCertification(overrides: Record<string, unknown> = {}) {
  return trainer.caller.certifications.create(certificationInput(overrides));
}

/** Moves a grant's expiry, as time passing would. */
async function expireIn(userId: string, certificationId: string, days: number) {
  await db()
    .update(userCertifications)
    .set({ expiresAt: new Date(Date.now() + days * DAY) })
    .where(
      and(
        eq(userCertifications.userId, userId),
        eq(userCertifications.certificationId, certificationId),
      ),
    );
}

async function historyOf(certificationId: string) {
  const page = await lead.caller.changes.list({
    entityType: 'certification',
    entityId: certificationId,
    limit: 50,
    offset: 0,
  });
  return page.items.reverse();
}

/** A team of its own with `count` online agents able to take chats. */
async function teamWithAgents(count: number) {
  const fixture = await createCityInboxFixture(db());
  const agents: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const agent = await api.createStaff('agent', {
      availability: 'online',
      channelCapacity: { chat: 3 },
    });
    await db().insert(memberships).values({ teamId: fixture.team.id, userId: agent.id });
    agents.push(agent.id);
  }
  return { ...fixture, agents };
}

describe('the certification catalog', () => {
  it('lets a trainer create, edit, archive and restore a certification, each change in the history', async () => {
    const input = certificationInput();
    const created = await trainer.caller.certifications.create({
      ...input,
      rolloutNote: 'Refunds now need a certification.',
    });
    expect(created).toMatchObject({
      code: input.code,
      name: input.name,
      validityDays: 365,
      renewalReminderDays: 30,
      grantsTier: null,
      active: true,
    });
    const updated = await trainer.caller.certifications.update({
      id: created.id,
      name: input.name,
      description: input.description,
      validityDays: 180,
      renewalReminderDays: 21,
      grantsTier: 'L2',
    });
    expect(updated).toMatchObject({ validityDays: 180, grantsTier: 'L2' });
    // Saving the same settings again records nothing.
    await trainer.caller.certifications.update({ ...updated, id: created.id });

    const listed = await lead.caller.certifications.list({});
    expect(listed.find((row) => row.id === created.id)).toMatchObject({
      valid: 0,
      expiringSoon: 0,
      expired: 0,
      requiredBy: [],
      grantedByCurricula: [],
    });

    await trainer.caller.certifications.archive({ id: created.id });
    expect((await lead.caller.certifications.list({})).some((row) => row.id === created.id)).toBe(
      false,
    );
    expect(
      (await lead.caller.certifications.list({ includeArchived: true })).find(
        (row) => row.id === created.id,
      ),
    ).toMatchObject({ active: false });
    expect(
      (await lead.caller.taxonomy.certifications()).some((option) => option.code === input.code),
    ).toBe(false);
    await trainer.caller.certifications.restore({ id: created.id });

    const history = await historyOf(created.id);
    expect(history.map((change) => change.action)).toEqual([
      'created',
      'updated',
      'disabled',
      'enabled',
    ]);
    expect(history[0]!.rolloutNote).toBe('Refunds now need a certification.');
    expect(history[1]!.diff).toEqual([
      'Validity: Valid for 365 days → Valid for 180 days',
      'Renewal reminder: 30 days before expiry → 21 days before expiry',
      'Guardrail tier granted: None → L2',
    ]);
  });

  it('shows the request types it gates, and refuses archiving while one does', async () => {
    const certification = await createCertification();
    const type = taxonomy.guestType;
    await lead.caller.taxonomy.updateRequestTypeLinks({
      code: type.code,
      defaultPriority: 'P2',
      requiredCertificationCode: certification.code,
      macroIds: [],
      description: '',
    });
    const listed = await trainer.caller.certifications.list({});
    expect(listed.find((row) => row.id === certification.id)?.requiredBy).toEqual([
      { code: type.code, name: type.name, audience: 'guest' },
    ]);
    await expect(
      trainer.caller.certifications.archive({ id: certification.id }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('remove the requirement in Taxonomy first'),
    });
    await lead.caller.taxonomy.updateRequestTypeLinks({
      code: type.code,
      defaultPriority: 'P2',
      requiredCertificationCode: null,
      macroIds: [],
      description: '',
    });
    await trainer.caller.certifications.archive({ id: certification.id });
    // An archived certification cannot be newly required.
    await expectBadInput(
      lead.caller.taxonomy.updateRequestTypeLinks({
        code: type.code,
        defaultPriority: 'P2',
        requiredCertificationCode: certification.code,
        macroIds: [],
        description: '',
      }),
      'requiredCertificationCode',
    );
  });

  it('refuses archiving while a curriculum grants it', async () => {
    const certification = await createCertification();
    const [curriculum] = await db()
      .insert(curricula)
      .values({
        code: `REFUNDS_${uniqueSuffix()}`,
        name: 'Refunds onboarding',
        certificationId: certification.id,
      })
      .returning();
    expect(
      (await trainer.caller.certifications.list({})).find((row) => row.id === certification.id)
        ?.grantedByCurricula,
    ).toEqual([{ id: curriculum!.id, code: curriculum!.code, name: 'Refunds onboarding' }]);
    await expect(
      trainer.caller.certifications.archive({ id: certification.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('curriculum') });
  });

  it('names bad input and refuses a code in use', async () => {
    const taken = await createCertification();
    await expect(
      trainer.caller.certifications.create(certificationInput({ code: taken.code })),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expectBadInput(
      trainer.caller.certifications.create(certificationInput({ code: 'guest refunds' })),
      'code',
    );
    await expectBadInput(
      trainer.caller.certifications.create(certificationInput({ validityDays: 0 })),
      'validityDays',
    );
    await expectBadInput(
      trainer.caller.certifications.create(
        certificationInput({ validityDays: 20, renewalReminderDays: 30 }),
      ),
      'renewalReminderDays',
    );
    await expectBadInput(
      trainer.caller.certifications.update({
        ...certificationInput(),
        id: 'not-a-uuid',
      }),
      'id',
    );
    await expect(
      trainer.caller.certifications.update({
        ...certificationInput(),
        id: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('holders', () => {
  it('grants with a note, renews, and revokes with a reason, each in the history and told to the holder', async () => {
    const certification = await createCertification();
    const { team, agents } = await teamWithAgents(2);
    const [ana, rui] = agents as [string, string];
    const first = await trainer.caller.certifications.grant({
      certificationId: certification.id,
      userIds: [ana, rui],
      note: 'Passed the refunds calibration.',
    });
    expect(first).toMatchObject({ granted: 2, renewed: 0 });
    expect(first.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 364 * DAY);

    const matrix = await lead.caller.certifications.holders({ teamId: team.id });
    expect(matrix.total).toBe(2);
    expect(matrix.certifications.map((column) => column.id)).toContain(certification.id);
    const anaRow = matrix.items.find((row) => row.id === ana)!;
    expect(anaRow).toMatchObject({ agentTier: 'L1', teams: [{ id: team.id, name: team.name }] });
    expect(anaRow.grants.find((grant) => grant.certificationId === certification.id)).toMatchObject(
      {
        state: 'valid',
        source: 'trainer',
        note: 'Passed the refunds calibration.',
        grantedByName: expect.stringMatching(/^Test trainer/),
      },
    );

    await expireIn(ana, certification.id, 3);
    const renewed = await trainer.caller.certifications.grant({
      certificationId: certification.id,
      userIds: [ana],
    });
    expect(renewed).toMatchObject({ granted: 0, renewed: 1 });
    await trainer.caller.certifications.revoke({
      certificationId: certification.id,
      userId: rui,
      reason: 'Moved to the payouts desk.',
    });
    const after = await lead.caller.certifications.holders({ teamId: team.id });
    expect(after.items.find((row) => row.id === rui)!.grants).toEqual([]);
    expect(
      after.items.find((row) => row.id === ana)!.grants[0]!.expiresAt!.getTime(),
    ).toBeGreaterThan(Date.now() + 364 * DAY);

    const history = await historyOf(certification.id);
    expect(history.map((change) => change.action)).toEqual([
      'created',
      'granted',
      'granted',
      'renewed',
      'revoked',
    ]);
    expect(history[1]!.diff[1]).toBe('Note: Passed the refunds calibration.');
    expect(history[4]!.diff).toEqual([
      expect.stringMatching(/^Revoked from Test agent/),
      'Reason: Moved to the payouts desk.',
    ]);
    const told = await db()
      .select({ kind: notifications.kind, body: notifications.body })
      .from(notifications)
      .where(eq(notifications.userId, rui))
      .orderBy(notifications.createdAt);
    expect(told.map((row) => row.kind)).toEqual(['certification_granted', 'certification_revoked']);
    expect(told[1]!.body).toBe('Moved to the payouts desk.');
  });

  it('filters the matrix by a certification’s state, and lists what expires soon', async () => {
    const certification = await createCertification();
    const { team, agents } = await teamWithAgents(4);
    const [valid, soon, lapsed, missing] = agents as [string, string, string, string];
    await trainer.caller.certifications.grant({
      certificationId: certification.id,
      userIds: [valid, soon, lapsed],
    });
    await expireIn(soon, certification.id, 10);
    await expireIn(lapsed, certification.id, -2);
    const holders = async (state: 'valid' | 'expiring_soon' | 'expired' | 'missing') =>
      (
        await lead.caller.certifications.holders({
          teamId: team.id,
          certificationId: certification.id,
          state,
        })
      ).items.map((row) => row.id);
    expect(await holders('valid')).toEqual([valid]);
    expect(await holders('expiring_soon')).toEqual([soon]);
    expect(await holders('expired')).toEqual([lapsed]);
    expect(await holders('missing')).toEqual([missing]);

    const listed = await trainer.caller.certifications.list({});
    expect(listed.find((row) => row.id === certification.id)).toMatchObject({
      valid: 1,
      expiringSoon: 1,
      expired: 1,
    });

    const expiring = await trainer.caller.certifications.expiring({
      certificationId: certification.id,
    });
    expect(expiring.items.map((row) => [row.userId, row.state, row.reminded])).toEqual([
      [soon, 'expiring_soon', false],
    ]);
    const withExpired = await trainer.caller.certifications.expiring({
      certificationId: certification.id,
      teamId: team.id,
      includeExpired: true,
    });
    expect(withExpired.items.map((row) => row.userId)).toEqual([lapsed, soon]);
    expect(
      (
        await trainer.caller.certifications.expiring({
          certificationId: certification.id,
          withinDays: 5,
        })
      ).total,
    ).toBe(0);
  });

  it('refuses grants to nobody, to strangers and of archived certifications, and revoking what is not held', async () => {
    const certification = await createCertification();
    const { agents } = await teamWithAgents(1);
    await expectBadInput(
      trainer.caller.certifications.grant({ certificationId: certification.id, userIds: [] }),
      'userIds',
    );
    await expectBadInput(
      trainer.caller.certifications.grant({
        certificationId: certification.id,
        userIds: [agents[0]!, 'nobody-here'],
      }),
      'userIds.1',
    );
    // Nobody was granted: one transaction.
    expect(
      await db()
        .select()
        .from(userCertifications)
        .where(eq(userCertifications.certificationId, certification.id)),
    ).toEqual([]);
    await expectBadInput(
      trainer.caller.certifications.revoke({
        certificationId: certification.id,
        userId: agents[0]!,
        reason: '',
      }),
      'reason',
    );
    await expect(
      trainer.caller.certifications.revoke({
        certificationId: certification.id,
        userId: agents[0]!,
        reason: 'Not held',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expectBadInput(lead.caller.certifications.holders({ state: 'expired' }), 'state');
    await trainer.caller.certifications.archive({ id: certification.id });
    await expect(
      trainer.caller.certifications.grant({
        certificationId: certification.id,
        userIds: [agents[0]!],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('roles', () => {
  it('lets trainers manage certifications but not routing', async () => {
    const { city, inbox } = await createCityInboxFixture(db());
    await expect(
      trainer.caller.routing.createRule({
        name: `Refunds ${uniqueSuffix()}`,
        conditions: [{ field: 'city', op: 'in', values: [city.code] }],
        actions: { inboxCode: inbox.code, onMatch: 'stop' },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      trainer.caller.taxonomy.updateRequestTypeLinks({
        code: taxonomy.guestType.code,
        defaultPriority: 'P2',
        requiredCertificationCode: null,
        macroIds: [],
        description: '',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Leads and admins manage certifications too.
    const admin = await api.callerAs('admin');
    await expect(admin.caller.certifications.create(certificationInput())).resolves.toMatchObject({
      active: true,
    });
  });

  it('keeps agents out of the console procedures and shows them only their own certifications', async () => {
    const agent = await api.callerAs('agent');
    const other = await api.callerAs('agent');
    const mine = await createCertification({ grantsTier: 'L2' });
    const theirs = await createCertification();
    await trainer.caller.certifications.grant({
      certificationId: mine.id,
      userIds: [agent.userId],
    });
    await trainer.caller.certifications.grant({
      certificationId: theirs.id,
      userIds: [other.userId],
    });
    await lead.caller.taxonomy.updateRequestTypeLinks({
      code: taxonomy.driverType.code,
      defaultPriority: 'P3',
      requiredCertificationCode: mine.code,
      macroIds: [],
      description: '',
    });

    const own = await agent.caller.certifications.mine();
    expect(own.tier).toBe('L2');
    expect(own.summary).toMatchObject({
      valid: 1,
      tierFrom: { certificationName: mine.name, tier: 'L2' },
    });
    expect(own.items).toEqual([
      expect.objectContaining({
        certificationId: mine.id,
        state: 'valid',
        source: 'trainer',
        requiredFor: [taxonomy.driverType.name],
      }),
    ]);
    expect((await other.caller.certifications.mine()).items.map((item) => item.name)).toEqual([
      theirs.name,
    ]);

    const forbidden = [
      agent.caller.certifications.list({}),
      agent.caller.certifications.holders({}),
      agent.caller.certifications.expiring({}),
      agent.caller.certifications.create(certificationInput()),
      agent.caller.certifications.grant({ certificationId: mine.id, userIds: [agent.userId] }),
      agent.caller.certifications.revoke({
        certificationId: theirs.id,
        userId: other.userId,
        reason: 'Not mine to take',
      }),
    ];
    for (const call of forbidden) await expect(call).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await api.callerFor();
    await expect(anonymous.certifications.mine()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('the routing gate', () => {
  it('routes a refund conversation only to an agent holding a valid certification', async () => {
    const certification = await createCertification();
    const { city, inbox, agents } = await teamWithAgents(1);
    const agent = agents[0]!;
    await db()
      .update(inboxes)
      .set({ assignmentPolicy: { mode: 'least_loaded' } })
      .where(eq(inboxes.id, inbox.id));
    const refunds = taxonomy.guestType;
    await lead.caller.taxonomy.updateRequestTypeLinks({
      code: refunds.code,
      defaultPriority: 'P2',
      requiredCertificationCode: certification.code,
      macroIds: [],
      description: 'Refund requests',
    });
    await lead.caller.routing.createRule({
      name: `Refunds ${uniqueSuffix()}`,
      conditions: [
        { field: 'city', op: 'in', values: [city.code] },
        { field: 'text', op: 'contains_any', values: ['refund'] },
      ],
      actions: { requestTypeCode: refunds.code, inboxCode: inbox.code, onMatch: 'stop' },
    });
    const refundRequest = async () => {
      const { conversationId } = await receiveInboundMessage(db(), {
        channel: 'chat',
        audience: 'guest',
        externalMessageId: `chat-${uniqueSuffix()}`,
        contact: { externalId: `rider-${uniqueSuffix()}`, name: 'Marta Costa', city: city.code },
        text: 'The driver never came. I want a refund.',
      });
      return conversationId;
    };
    const assigneeOf = async (id: string) => {
      const [row] = await db()
        .select({ assigneeId: conversations.assigneeId, reason: conversations.assignmentReason })
        .from(conversations)
        .where(eq(conversations.id, id));
      return row!;
    };

    // Not certified: it waits, and says why.
    const first = await refundRequest();
    expect(await assigneeOf(first)).toMatchObject({
      assigneeId: null,
      reason: expect.stringMatching(/certif/i),
    });
    // Certified: the waiting conversation goes to them.
    await trainer.caller.certifications.grant({
      certificationId: certification.id,
      userIds: [agent],
    });
    await drainQueues(db(), { inboxIds: [inbox.id] });
    expect((await assigneeOf(first)).assigneeId).toBe(agent);

    // Expired: the next one waits.
    await expireIn(agent, certification.id, -1);
    const second = await refundRequest();
    expect((await assigneeOf(second)).assigneeId).toBeNull();
    // Renewed, then revoked: routed while valid, waiting once revoked.
    await trainer.caller.certifications.grant({
      certificationId: certification.id,
      userIds: [agent],
    });
    await drainQueues(db(), { inboxIds: [inbox.id] });
    expect((await assigneeOf(second)).assigneeId).toBe(agent);
    await trainer.caller.certifications.revoke({
      certificationId: certification.id,
      userId: agent,
      reason: 'Refund errors in QA',
    });
    const third = await refundRequest();
    expect((await assigneeOf(third)).assigneeId).toBeNull();
  });
});

describe('the gate by hand', () => {
  it('keeps an uncertified agent from being assigned, or taking by replying, a gated conversation', async () => {
    const certification = await createCertification();
    const fixture = await createCityInboxFixture(db());
    const [trainee, admin] = await Promise.all([api.callerAs('agent'), api.callerAs('admin')]);
    await db().insert(memberships).values({ teamId: fixture.team.id, userId: trainee.userId });
    const refunds = taxonomy.guestType;
    await lead.caller.taxonomy.updateRequestTypeLinks({
      code: refunds.code,
      defaultPriority: 'P2',
      requiredCertificationCode: certification.code,
      macroIds: [],
      description: 'Refund requests',
    });
    const { conversation } = await createConversationFixture(db(), {
      inboxId: fixture.inbox.id,
      cityId: fixture.city.id,
      requestTypeId: refunds.id,
    });
    const conversationId = conversation.id;

    const refusal = await admin.caller.conversations
      .assign({ conversationId, assigneeId: trainee.userId })
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/is not certified for .+ \(needs .+\)/),
    });
    await trainee.caller.conversations.send({
      conversationId,
      kind: 'reply',
      body: 'Looking into your refund now.',
      clientId: crypto.randomUUID(),
    });
    const [afterReply] = await db()
      .select({ assigneeId: conversations.assigneeId })
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    expect(afterReply!.assigneeId).toBeNull();

    await trainer.caller.certifications.grant({
      certificationId: certification.id,
      userIds: [trainee.userId],
    });
    await admin.caller.conversations.assign({ conversationId, assigneeId: trainee.userId });
    const [assigned] = await db()
      .select({ assigneeId: conversations.assigneeId })
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    expect(assigned!.assigneeId).toBe(trainee.userId);
  });
});

describe('the guardrail tier', () => {
  function policyFor(requestTypeCode: string): GuardrailPolicy {
    const { version: _version, ...policy } = noShowPolicy;
    const copy = JSON.parse(JSON.stringify(policy)) as GuardrailPolicy;
    return { ...copy, requestTypeCode, audience: 'guest' };
  }

  it('comes from the agent’s valid certifications: L2 with senior refunds, L1 without or once expired', async () => {
    const senior = await createCertification({
      name: `Senior refunds ${uniqueSuffix()}`,
      grantsTier: 'L2',
    });
    const own = await createTaxonomyFixture(db());
    await lead.caller.guardrails.savePolicy({ policy: policyFor(own.guestType.code) });
    const agent = await api.callerAs('agent');
    const { city, inbox, team } = await createCityInboxFixture(db());
    await db().insert(memberships).values({ teamId: team.id, userId: agent.userId });
    const [booking] = await db()
      .insert(bookings)
      .values({
        reference: `LIS-${uniqueSuffix()}`,
        cityId: city.id,
        pickupAddress: 'Terminal 1',
        dropoffAddress: 'Rua Augusta 1',
        scheduledAt: new Date(Date.now() - 3_600_000),
        fareAmountMinor: 20_000,
        currency: 'EUR',
        status: 'completed',
      })
      .returning();
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      requestTypeId: own.guestType.id,
      bookingId: booking!.id,
    });
    // €80 on a €200 booking: above the L1 limit (€50), within L2's (€150).
    const decide = () =>
      agent.caller.guardrails.decide({
        conversationId: conversation.id,
        action: {
          kind: 'refund',
          amount: { amountMinor: 8_000, currency: 'EUR' },
          reasonCode: 'DRIVER_NO_SHOW',
          evidence: ['gps_trace'],
        },
      });

    // The tier the console shows beside them is the same derived one.
    const shownTier = async () =>
      (
        await lead.caller.people.list({ search: agent.userId.replace('test-agent-', ''), limit: 5 })
      ).items.find((person) => person.id === agent.userId)?.agentTier;

    expect(await decide()).toMatchObject({ outcome: 'approval_required', approverRole: 'lead' });
    expect(await shownTier()).toBe('L1');

    await trainer.caller.certifications.grant({
      certificationId: senior.id,
      userIds: [agent.userId],
    });
    expect((await decide()).outcome).toBe('allow');
    expect(await shownTier()).toBe('L2');
    expect((await agent.caller.certifications.mine()).tier).toBe('L2');

    await expireIn(agent.userId, senior.id, -1);
    expect((await decide()).outcome).toBe('approval_required');
    expect(await shownTier()).toBe('L1');
    expect((await agent.caller.certifications.mine()).tier).toBe('L1');

    // Leads are not tiered: they act at the highest tier when they step in.
    expect((await lead.caller.people.me()).agentTier).toBeNull();
  });
});
