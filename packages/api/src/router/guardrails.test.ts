import { bookings, guardrailDecisions, memberships } from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import type { GuardrailPolicy } from '@switchboard/domain';
import { noShowPolicy } from '@switchboard/domain';
import { sql } from 'drizzle-orm';
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
