import { sendDueApprovalAlerts } from '@switchboard/db/queries/approval-alerts';
import {
  approvalRequests,
  bookings,
  guardrailDecisions,
  memberships,
  notifications,
  teams,
} from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import type { GuardrailPolicy } from '@switchboard/domain';
import { noShowPolicy } from '@switchboard/domain';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationFixture, createTaxonomyFixture } from '../fixtures.ts';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
let taxonomy: Awaited<ReturnType<typeof createTaxonomyFixture>>;
beforeAll(async () => {
  api = await createTestApi();
  taxonomy = await createTaxonomyFixture(api.handle.db);
});
afterAll(() => api.close());

const db = () => api.handle.db;

/** A fresh copy each time: tests edit limits in place. */
function policyFor(requestTypeCode: string): GuardrailPolicy {
  const { version: _version, ...policy } = noShowPolicy;
  const copy = JSON.parse(JSON.stringify(policy)) as GuardrailPolicy;
  return { ...copy, requestTypeCode, audience: 'guest' };
}

/** The database itself refuses: the driver wraps the trigger's error as the cause. */
async function expectAppendOnly(statement: ReturnType<typeof sql>) {
  const error = await db()
    .execute(statement)
    .then(
      () => null,
      (caught: unknown) => caught as { message: string; cause?: { message?: string } },
    );
  expect(error?.cause?.message ?? error?.message).toMatch(/is append-only/);
}

/** An agent working an inbox with a conversation about a €200.00 booking of the guest type. */
async function conversationWithBooking(options: { booking?: boolean } = {}) {
  const agent = await api.callerAs('agent');
  const { city, inbox, team } = await createCityInboxFixture(db());
  await db().insert(memberships).values({ teamId: team.id, userId: agent.userId });
  const [booking] =
    options.booking === false
      ? [null]
      : await db()
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
    requestTypeId: taxonomy.guestType.id,
    bookingId: booking?.id ?? null,
  });
  return { agent, conversation, booking };
}

const refund = (amountMinor: number, currency = 'EUR') => ({
  kind: 'refund' as const,
  amount: { amountMinor, currency },
  reasonCode: 'DRIVER_NO_SHOW',
  evidence: ['gps_trace'],
});

describe('guardrail policies', () => {
  it('lets a lead save a policy as versions, each change in the history, unchanged saves ignored', async () => {
    const lead = await api.callerAs('lead');
    const code = taxonomy.guestType.code;
    const first = await lead.caller.guardrails.savePolicy({
      policy: policyFor(code),
      rolloutNote: 'Refund limits for no-shows.',
    });
    expect(first).toMatchObject({ requestTypeCode: code, audience: 'guest', version: 1 });
    expect((await lead.caller.guardrails.savePolicy({ policy: policyFor(code) })).version).toBe(1);
    const raised = policyFor(code);
    raised.refund.tiers.L1.maxAmount = { EUR: 6_000, AED: 20_000 };
    const second = await lead.caller.guardrails.savePolicy({ policy: raised });
    expect(second.version).toBe(2);
    expect(
      (await lead.caller.guardrails.policy({ requestTypeCode: code, audience: 'guest' }))
        ?.definition.refund.tiers.L1.maxAmount.EUR,
    ).toBe(6_000);
    expect((await lead.caller.guardrails.policies()).map((row) => row.requestTypeCode)).toContain(
      code,
    );
    const history = await lead.caller.changes.list({
      entityType: 'guardrail_policy',
      entityId: first.id,
    });
    expect(history.items.map((change) => change.diff[0])).toEqual(['Version 2', 'Version 1']);
    expect(history.items[0]?.diff[1]).toMatch(
      /^Refund · L1: AED\s200\.00 \/ €50\.00.* → AED\s200\.00 \/ €60\.00/,
    );
    expect(history.items[1]?.rolloutNote).toBe('Refund limits for no-shows.');
    // Versions are kept for replaying decisions and cannot be rewritten.
    await expectAppendOnly(
      sql`update guardrail_policy_versions set version = 9 where policy_id = ${first.id}`,
    );
  });

  it('keeps agents out, lets trainers read, and names bad fields', async () => {
    const agent = await api.callerAs('agent');
    const trainer = await api.callerAs('trainer');
    const lead = await api.callerAs('lead');
    await expect(agent.caller.guardrails.policies()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(Array.isArray(await trainer.caller.guardrails.policies())).toBe(true);
    await expect(
      trainer.caller.guardrails.savePolicy({ policy: policyFor(taxonomy.guestType.code) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expectBadInput(
      lead.caller.guardrails.savePolicy({ policy: policyFor('NO_SUCH_TYPE') }),
      'requestTypeCode',
    );
    await expectBadInput(
      lead.caller.guardrails.savePolicy({ policy: policyFor(taxonomy.deprecatedType.code) }),
      'requestTypeCode',
    );
    await expectBadInput(
      lead.caller.guardrails.savePolicy({ policy: policyFor(taxonomy.driverType.code) }),
      'audience',
    );
    const bad = policyFor(taxonomy.guestType.code);
    bad.gesture.tiers.L2.maxPercentOfBooking = 101;
    await expectBadInput(
      lead.caller.guardrails.savePolicy({ policy: bad }),
      'policy.gesture.tiers.L2.maxPercentOfBooking',
    );
  });
});

describe('deciding on a conversation', () => {
  beforeAll(async () => {
    const lead = await api.callerAs('lead');
    await lead.caller.guardrails.savePolicy({ policy: policyFor(taxonomy.guestType.code) });
  });

  it('decides from the stored booking, tier and history, never from the request', async () => {
    const { agent, conversation, booking } = await conversationWithBooking();
    const decide = (action: Parameters<typeof agent.caller.guardrails.decide>[0]['action']) =>
      agent.caller.guardrails.decide({ conversationId: conversation.id, action });
    // The live policy may have been raised by the test above; read its L1 limit.
    const live = await (await api.callerAs('lead')).caller.guardrails.policy({
      requestTypeCode: taxonomy.guestType.code,
      audience: 'guest',
    });
    const limit = Math.min(live!.definition.refund.tiers.L1.maxAmount.EUR!, 10_000);
    expect((await decide(refund(limit))).outcome).toBe('allow');
    expect(await decide(refund(limit + 1))).toMatchObject({
      outcome: 'approval_required',
      approverRole: 'lead',
      policyVersion: live!.version,
    });
    expect(
      await decide({
        kind: 'driver_adjustment',
        amount: { amountMinor: 100, currency: 'EUR' },
        reason: 'Toll',
      }),
    ).toMatchObject({ outcome: 'deny', escalateTo: 'finance_payouts' });

    // An earlier refund on the booking leaves €50.00 to refund.
    await db()
      .insert(guardrailDecisions)
      .values({
        conversationId: conversation.id,
        contactId: conversation.contactId,
        bookingId: booking!.id,
        actorId: agent.userId,
        kind: 'refund',
        action: refund(15_000),
        inputs: {},
        outcome: 'allow',
        reasons: ['Within the L2 refund limit for this booking'],
        amountMinor: 15_000,
        currency: 'EUR',
        createdAt: new Date(Date.now() - 2 * 86_400_000),
      });
    expect((await decide(refund(5_001))).reasons[0]).toMatch(
      /At most €50\.00 can still be refunded/,
    );
    // The audit trail cannot be changed.
    await expectAppendOnly(
      sql`delete from guardrail_decisions where conversation_id = ${conversation.id}`,
    );
  });

  it('names what cannot be decided and keeps other inboxes’ conversations private', async () => {
    const { agent, conversation } = await conversationWithBooking();
    await expectBadInput(
      agent.caller.guardrails.decide({
        conversationId: conversation.id,
        action: refund(1_000, 'AED'),
      }),
      'action.amount.currency',
    );
    await expectBadInput(
      agent.caller.guardrails.decide({ conversationId: conversation.id, action: refund(0) }),
      'action.amount.amountMinor',
    );
    await expectBadInput(
      agent.caller.guardrails.decide({
        conversationId: conversation.id,
        action: { ...refund(100), kind: 'bonus' as 'refund' },
      }),
      'action.kind',
    );
    const noBooking = await conversationWithBooking({ booking: false });
    await expectBadInput(
      noBooking.agent.caller.guardrails.decide({
        conversationId: noBooking.conversation.id,
        action: refund(100),
      }),
      'conversationId',
    );
    const stranger = await api.callerAs('agent');
    await expect(
      stranger.caller.guardrails.decide({ conversationId: conversation.id, action: refund(100) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('proposing actions and answering approvals', () => {
  beforeAll(async () => {
    const lead = await api.callerAs('lead');
    // Back to the example limits: L1 up to €50.00, a lead up to €200.00 on a €200.00 booking.
    await lead.caller.guardrails.savePolicy({ policy: policyFor(taxonomy.guestType.code) });
  });

  it('records an allowed refund with its inputs and posts it to the timeline', async () => {
    const { agent, conversation } = await conversationWithBooking();
    const proposed = await agent.caller.guardrails.propose({
      conversationId: conversation.id,
      action: refund(4_000),
      note: 'Driver never arrived; GPS attached.',
    });
    expect(proposed).toMatchObject({ requestId: null, decision: { outcome: 'allow' } });
    const [stored] = await db()
      .select()
      .from(guardrailDecisions)
      .where(sql`${guardrailDecisions.id} = ${proposed.decisionId}`);
    expect(stored).toMatchObject({
      kind: 'refund',
      outcome: 'allow',
      amountMinor: 4_000,
      currency: 'EUR',
      inputs: expect.objectContaining({ agentTier: 'L1', history: [] }),
    });
    const detail = await agent.caller.conversations.byId({ conversationId: conversation.id });
    expect(detail.events.at(-1)).toMatchObject({
      type: 'guardrail_decided',
      payload: {
        outcome: 'allow',
        kind: 'refund',
        amount: { amountMinor: 4_000, currency: 'EUR' },
      },
    });
    // An auditor decides it again from the stored inputs and policy version.
    const trainer = await api.callerAs('trainer');
    expect(
      await trainer.caller.guardrails.replay({ decisionId: proposed.decisionId }),
    ).toMatchObject({
      matches: true,
      replayed: { outcome: 'allow' },
    });
    await expect(
      agent.caller.guardrails.replay({ decisionId: proposed.decisionId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The next refund counts this one: €160.00 is left.
    expect(
      (
        await agent.caller.guardrails.decide({
          conversationId: conversation.id,
          action: refund(16_001),
        })
      ).reasons[0],
    ).toMatch(/At most €160\.00 can still be refunded/);
  });

  it('queues what needs a lead; the lead’s answer comes back to the agent, once', async () => {
    const { agent, conversation } = await conversationWithBooking();
    const lead = await api.callerAs('lead');
    const proposed = await agent.caller.guardrails.propose({
      conversationId: conversation.id,
      action: refund(8_000),
      note: '',
    });
    expect(proposed.decision).toMatchObject({ outcome: 'approval_required', approverRole: 'lead' });
    expect((await lead.caller.guardrails.replay({ decisionId: proposed.decisionId })).matches).toBe(
      true,
    );
    const waiting = await lead.caller.guardrails.approvals({ state: 'waiting' });
    const item = waiting.items.find((row) => row.requestId === proposed.requestId);
    expect(item).toMatchObject({
      approverRole: 'lead',
      amountMinor: 8_000,
      requestedById: agent.userId,
    });
    await expect(agent.caller.guardrails.approvals({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      agent.caller.guardrails.answerApproval({
        requestId: proposed.requestId!,
        outcome: 'approved',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await lead.caller.guardrails.answerApproval({
      requestId: proposed.requestId!,
      outcome: 'approved',
      note: 'OK given the GPS trace',
    });
    await expect(
      lead.caller.guardrails.answerApproval({
        requestId: proposed.requestId!,
        outcome: 'rejected',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const mentionsView = await agent.caller.conversations.view({ view: 'mentions', limit: 50 });
    expect(mentionsView.items.map((row) => row.id)).toContain(conversation.id);
    // Opening the conversation reads the mention.
    const detail = await agent.caller.conversations.byId({ conversationId: conversation.id });
    expect(detail.messages.at(-1)?.body).toMatch(
      /^A refund of €80\.00 was approved by .*: OK given the GPS trace$/,
    );
    expect(detail.events.at(-1)).toMatchObject({
      type: 'approval_answered',
      payload: { outcome: 'approved' },
    });
    expect(
      (await lead.caller.guardrails.approvals({ state: 'answered' })).items.some(
        (row) => row.requestId === proposed.requestId && row.outcome === 'approved',
      ),
    ).toBe(true);
    // Approved money counts: €120.00 is left on the booking.
    expect(
      (
        await agent.caller.guardrails.decide({
          conversationId: conversation.id,
          action: refund(12_001),
        })
      ).outcome,
    ).toBe('deny');
  });

  it('leaves Finance’s requests to Finance & Payouts, and a rejection gives nothing', async () => {
    const { agent, conversation } = await conversationWithBooking();
    const lead = await api.callerAs('lead');
    const finance = await api.callerAs('agent');
    const [team] = await db()
      .insert(teams)
      .values({ code: `FIN_${uniqueSuffix()}`, name: 'Finance', kind: 'finance_payouts' })
      .returning();
    await db().insert(memberships).values({ teamId: team!.id, userId: finance.userId });
    // €200.00 refunded and €50.00 in gestures last week on other bookings: the cap is €500.00.
    await db()
      .insert(guardrailDecisions)
      .values({
        conversationId: conversation.id,
        contactId: conversation.contactId,
        actorId: agent.userId,
        kind: 'gesture',
        action: {},
        inputs: {},
        outcome: 'allow',
        reasons: [],
        amountMinor: 49_000,
        currency: 'EUR',
        createdAt: new Date(Date.now() - 7 * 86_400_000),
      });
    const proposed = await agent.caller.guardrails.propose({
      conversationId: conversation.id,
      action: refund(2_000),
      note: '',
    });
    expect(proposed.decision).toMatchObject({
      outcome: 'approval_required',
      approverRole: 'finance',
    });
    await expect(
      lead.caller.guardrails.answerApproval({
        requestId: proposed.requestId!,
        outcome: 'approved',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await finance.caller.guardrails.approvals({})).items.some(
        (row) => row.requestId === proposed.requestId,
      ),
    ).toBe(true);
    await finance.caller.guardrails.answerApproval({
      requestId: proposed.requestId!,
      outcome: 'rejected',
      note: 'Over the customer cap',
    });
    // Rejected: nothing was given, so the same refund is decided afresh (and asks Finance again).
    expect(
      (
        await agent.caller.guardrails.decide({
          conversationId: conversation.id,
          action: refund(2_000),
        })
      ).approverRole,
    ).toBe('finance');
  });

  it('reminds the requester’s team lead before the approval SLA runs out, and alerts at it, once', async () => {
    const { agent, conversation } = await conversationWithBooking();
    const lead = await api.callerAs('lead');
    const [team] = await db()
      .select({ teamId: memberships.teamId })
      .from(memberships)
      .where(eq(memberships.userId, agent.userId));
    await db()
      .insert(memberships)
      .values({ teamId: team!.teamId, userId: lead.userId, role: 'lead' });
    const proposed = await agent.caller.guardrails.propose({
      conversationId: conversation.id,
      action: refund(8_000),
      note: 'Driver never arrived',
    });
    const [request] = await db()
      .select({ dueAt: approvalRequests.dueAt })
      .from(approvalRequests)
      .where(eq(approvalRequests.id, proposed.requestId!));
    const alertsFor = async (userId: string) =>
      (
        await db()
          .select({ kind: notifications.kind, link: notifications.link })
          .from(notifications)
          .where(
            and(eq(notifications.userId, userId), eq(notifications.subjectId, proposed.requestId!)),
          )
      ).map((row) => `${row.kind} ${row.link}`);
    await sendDueApprovalAlerts(db(), new Date(request!.dueAt.getTime() - 60 * 60_000));
    expect(await alertsFor(lead.userId)).toEqual([]);
    const nearlyDue = new Date(request!.dueAt.getTime() - 10 * 60_000);
    await Promise.all([
      sendDueApprovalAlerts(db(), nearlyDue),
      sendDueApprovalAlerts(db(), nearlyDue),
    ]);
    expect(await alertsFor(lead.userId)).toEqual(['approval_reminder /console/approvals']);
    await sendDueApprovalAlerts(db(), new Date(request!.dueAt.getTime() + 1_000));
    await sendDueApprovalAlerts(db(), new Date(request!.dueAt.getTime() + 60_000));
    expect((await alertsFor(lead.userId)).sort()).toEqual([
      'approval_breach /console/approvals',
      'approval_reminder /console/approvals',
    ]);
    expect(await alertsFor(agent.userId)).toEqual(['approval_breach /console/approvals']);
    await expectAppendOnly(
      sql`delete from approval_alerts where request_id = ${proposed.requestId}`,
    );
  });

  it('names bad input and refuses what is not the agent’s', async () => {
    const { agent, conversation } = await conversationWithBooking();
    const lead = await api.callerAs('lead');
    await expectBadInput(
      agent.caller.guardrails.propose({
        conversationId: conversation.id,
        action: refund(100),
        note: 'x'.repeat(2001),
      }),
      'note',
    );
    await expectBadInput(
      lead.caller.guardrails.answerApproval({
        requestId: '00000000-0000-4000-8000-000000000000',
        outcome: 'maybe' as 'approved',
      }),
      'outcome',
    );
    await expect(
      lead.caller.guardrails.answerApproval({
        requestId: '00000000-0000-4000-8000-000000000000',
        outcome: 'approved',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const stranger = await api.callerAs('agent');
    await expect(
      stranger.caller.guardrails.propose({
        conversationId: conversation.id,
        action: refund(100),
        note: '',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const before = await db()
      .select({ id: guardrailDecisions.id })
      .from(guardrailDecisions)
      .where(sql`${guardrailDecisions.conversationId} = ${conversation.id}`);
    expect(before).toEqual([]);
  });
});
