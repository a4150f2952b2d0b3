import { escalationTurnaroundReport } from '@switchboard/db/queries/escalation-views';
import { sendDueEscalationAlerts } from '@switchboard/db/queries/escalations';
import {
  bookings,
  conversationTags,
  escalationEvents,
  escalations,
  memberships,
  mentions,
  notifications,
  tags,
  teams,
} from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import {
  type EscalationMatrixEntry,
  escalationTurnaround,
  exampleEscalationMatrix,
  percentile,
} from '@switchboard/domain';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationFixture, eventsOf } from '../fixtures.ts';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
const db = () => api.handle.db;
type Caller = Awaited<ReturnType<TestApi['callerAs']>>;

let lead: Caller;
let finance: Caller;
let financeTeam: typeof teams.$inferSelect;

/** Finance around the clock, so tests do not depend on the hour they run at. */
function financeEntry(ownerTeamCode: string): EscalationMatrixEntry {
  const example = exampleEscalationMatrix.find((entry) => entry.teamKind === 'finance_payouts')!;
  return {
    ...structuredClone(example),
    ownerTeamCode,
    calendar: {
      timeZone: 'UTC',
      weekly: Object.fromEntries(
        (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [
          day,
          [['00:00', '24:00']],
        ]),
      ),
      holidays: [],
    },
  };
}

beforeAll(async () => {
  api = await createTestApi();
  lead = await api.callerAs('lead');
  finance = await api.callerAs('agent');
  const suffix = uniqueSuffix();
  const [created] = await db()
    .insert(teams)
    .values({ code: `FIN_${suffix}`, name: `Finance ${suffix}`, kind: 'finance_payouts' })
    .returning();
  financeTeam = created!;
  await db().insert(memberships).values({ teamId: financeTeam.id, userId: finance.userId });
  await lead.caller.escalations.saveMatrixEntry({ entry: financeEntry(financeTeam.code) });
});
afterAll(() => api.close());

/** A support agent working a driver conversation about a €80.00 trip. */
async function payoutConversation() {
  const agent = await api.callerAs('agent');
  const { city, inbox, team } = await createCityInboxFixture(db(), { audience: 'driver' });
  await db().insert(memberships).values({ teamId: team.id, userId: agent.userId });
  const [booking] = await db()
    .insert(bookings)
    .values({
      reference: `LIS-${uniqueSuffix()}`,
      cityId: city.id,
      pickupAddress: 'Terminal 1',
      dropoffAddress: 'Rua Augusta 1',
      scheduledAt: new Date(Date.now() - 86_400_000),
      fareAmountMinor: 8_000,
      currency: 'EUR',
      status: 'completed',
    })
    .returning();
  const { conversation } = await createConversationFixture(db(), {
    inboxId: inbox.id,
    audience: 'driver',
    priority: 'P2',
    bookingId: booking!.id,
    assigneeId: agent.userId,
  });
  return { agent, conversation, booking: booking! };
}

const handoff = (reference: string) => ({
  booking_reference: reference,
  amount: { amountMinor: 8_000, currency: 'EUR' },
  steps_tried: 'Checked the payout statement; the trip is missing from week 47.',
});

describe('escalation matrix', () => {
  it('lets a lead save an entry as versions with readable history; agents cannot', async () => {
    const entry = financeEntry(financeTeam.code);
    entry.sla.sev1 = { acknowledgeMinutes: 20, resolveMinutes: 240 };
    const saved = await lead.caller.escalations.saveMatrixEntry({
      entry,
      rolloutNote: 'Finance acknowledges SEV1 in 20 minutes.',
    });
    expect(saved).toMatchObject({ teamKind: 'finance_payouts', ownerTeamId: financeTeam.id });
    const history = await lead.caller.changes.list({
      entityType: 'escalation_matrix',
      entityId: saved.id,
    });
    expect(history.items[0]!.diff).toContain(
      'SEV1 · critical: acknowledge in 15 min, resolve in 4 h → acknowledge in 20 min, resolve in 4 h',
    );
    // Saving the same entry again records nothing.
    const again = await lead.caller.escalations.saveMatrixEntry({ entry });
    expect(again.version).toBe(saved.version);
    expect((await lead.caller.escalations.matrix()).map((row) => row.teamKind)).toContain(
      'finance_payouts',
    );
    expect(
      (await lead.caller.escalations.matrixEntry({ teamKind: 'finance_payouts' }))?.ownerTeamId,
    ).toBe(financeTeam.id);
    await expectBadInput(
      lead.caller.escalations.matrixEntry({ teamKind: 'support_l1' as never }),
      'teamKind',
    );
    const agent = await api.callerAs('agent');
    await expect(agent.caller.escalations.matrix()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const trainer = await api.callerAs('trainer');
    await expect(trainer.caller.escalations.saveMatrixEntry({ entry })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      db().execute(sql`delete from escalation_matrix_versions where matrix_id = ${saved.id}`),
    ).rejects.toThrow();
  });

  it('names the field at fault', async () => {
    await expectBadInput(
      lead.caller.escalations.saveMatrixEntry({ entry: financeEntry('NO_SUCH_TEAM') }),
      'ownerTeamCode',
    );
    const [support] = await db()
      .insert(teams)
      .values({ code: `SUP_${uniqueSuffix()}`, name: 'Support', kind: 'support_l1' })
      .returning();
    await expectBadInput(
      lead.caller.escalations.saveMatrixEntry({ entry: financeEntry(support!.code) }),
      'ownerTeamCode',
    );
    const bad = financeEntry(financeTeam.code);
    bad.sla.sev2 = { acknowledgeMinutes: 600, resolveMinutes: 60 };
    await expectBadInput(
      lead.caller.escalations.saveMatrixEntry({ entry: bad }),
      'entry.sla.sev2.resolveMinutes',
    );
  });
});

describe('escalating a conversation', () => {
  it('refuses a handoff without the fields the team requires, writing nothing', async () => {
    const { agent, conversation, booking } = await payoutConversation();
    const message = await expectBadInput(
      agent.caller.escalations.create({
        conversationId: conversation.id,
        teamKind: 'finance_payouts',
        severity: 'sev3',
        summary: 'Driver payout missing for last week',
        fields: { booking_reference: booking.reference },
      }),
      'fields.amount',
    );
    expect(message).toMatch(/Amount, Steps already tried/);
    await expectBadInput(
      agent.caller.escalations.create({
        conversationId: conversation.id,
        teamKind: 'finance_payouts',
        severity: 'sev3',
        summary: 'short',
        fields: handoff(booking.reference),
      }),
      'summary',
    );
    const rows = await db()
      .select()
      .from(escalations)
      .where(eq(escalations.conversationId, conversation.id));
    expect(rows).toEqual([]);
  });

  it('sends it with the conversation attached, on the clock, to the owner queue', async () => {
    const { agent, conversation, booking } = await payoutConversation();
    // Routing tagged it Payout: the matrix suggests Finance & Payouts, saying why.
    await db().insert(tags).values({ code: 'payout', name: 'Payout' }).onConflictDoNothing();
    const [payout] = await db().select().from(tags).where(eq(tags.code, 'payout'));
    await db()
      .insert(conversationTags)
      .values({ conversationId: conversation.id, tagId: payout!.id });
    const suggested = await agent.caller.escalations.forConversation({
      conversationId: conversation.id,
    });
    expect(suggested.suggestions).toEqual([
      {
        teamKind: 'finance_payouts',
        trigger: 'Payout questions',
        severity: 'sev3',
        why: 'Finance & Payouts handles tag payout (Payout questions)',
      },
    ]);
    expect(suggested.paths.find((path) => path.teamKind === 'finance_payouts')).toMatchObject({
      requiredFields: ['booking_reference', 'amount', 'steps_tried'],
    });
    const before = Date.now();
    const sent = await agent.caller.escalations.create({
      conversationId: conversation.id,
      teamKind: 'finance_payouts',
      severity: 'sev3',
      summary: 'Driver payout missing for last week',
      fields: handoff(booking.reference),
    });
    // SEV3: acknowledge within 4 h, resolve within 24 h, around the clock.
    expect(sent.acknowledgeDueAt.getTime() - before).toBeGreaterThanOrEqual(4 * 3_600_000 - 5_000);
    expect(sent.acknowledgeDueAt.getTime() - before).toBeLessThanOrEqual(4 * 3_600_000 + 5_000);

    const detail = await finance.caller.escalations.byId({ escalationId: sent.id });
    expect(detail).toMatchObject({
      state: 'open',
      severity: 'sev3',
      ownerTeamId: financeTeam.id,
      moves: ['acknowledge', 'start', 'reject'],
      context: {
        booking: { reference: booking.reference, fare: { amountMinor: 8_000, currency: 'EUR' } },
        conversation: { priority: 'P2' },
      },
    });
    expect(detail.context.timeline[0]?.text).toMatch(/driver is not here/);
    expect(detail.events.map((event) => event.type)).toEqual(['sent']);

    const queue = await finance.caller.escalations.queue({ scope: 'team' });
    expect(queue.items.map((item) => item.id)).toContain(sent.id);
    expect(queue.myTeams.map((team) => team.id)).toEqual([financeTeam.id]);
    const bell = await finance.caller.notifications.list({ unreadOnly: true });
    expect(bell.items.map((item) => item.link)).toContain(`/workspace/escalations/${sent.id}`);

    // Once sent, the matrix stops suggesting that team for this conversation.
    expect(
      (await agent.caller.escalations.forConversation({ conversationId: conversation.id }))
        .suggestions,
    ).toEqual([]);
    const timeline = await eventsOf(db(), conversation.id);
    expect(timeline.at(-1)).toMatchObject({
      type: 'escalation_updated',
      payload: { escalationId: sent.id, move: 'sent' },
    });
    // One active escalation per team and conversation.
    await expect(
      agent.caller.escalations.create({
        conversationId: conversation.id,
        teamKind: 'finance_payouts',
        severity: 'sev2',
        summary: 'Driver payout missing for last week',
        fields: handoff(booking.reference),
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps other inboxes’ conversations and other teams’ queues private', async () => {
    const { agent, conversation, booking } = await payoutConversation();
    const stranger = await api.callerAs('agent');
    await expect(
      stranger.caller.escalations.create({
        conversationId: conversation.id,
        teamKind: 'finance_payouts',
        severity: 'sev3',
        summary: 'Driver payout missing for last week',
        fields: handoff(booking.reference),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const sent = await agent.caller.escalations.create({
      conversationId: conversation.id,
      teamKind: 'finance_payouts',
      severity: 'sev3',
      summary: 'Driver payout missing for last week',
      fields: handoff(booking.reference),
    });
    await expect(stranger.caller.escalations.byId({ escalationId: sent.id })).rejects.toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
    await expect(
      stranger.caller.escalations.move({ escalationId: sent.id, move: 'acknowledge' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Support sees it but does not work Finance's queue.
    await expect(
      agent.caller.escalations.move({ escalationId: sent.id, move: 'acknowledge' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(stranger.caller.escalations.queue({ scope: 'all' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await lead.caller.escalations.queue({ scope: 'all' })).total).toBeGreaterThan(0);
    await expect(
      finance.caller.escalations.byId({ escalationId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expectBadInput(
      finance.caller.escalations.byId({ escalationId: 'ESC-1' }),
      'escalationId',
    );
  });
});

describe('working an escalation', () => {
  it('goes back and forth with support and brings the outcome back to the conversation', async () => {
    const { agent, conversation, booking } = await payoutConversation();
    const { id } = await agent.caller.escalations.create({
      conversationId: conversation.id,
      teamKind: 'finance_payouts',
      severity: 'sev3',
      summary: 'Driver payout missing for last week',
      fields: handoff(booking.reference),
    });
    await expect(
      finance.caller.escalations.move({
        escalationId: id,
        move: 'resolve',
        outcome: 'Paid out €80.00',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expectBadInput(
      finance.caller.escalations.move({
        escalationId: id,
        move: 'reject',
        reason: 'wrong_team',
      } as never),
      'note',
    );
    await finance.caller.escalations.move({ escalationId: id, move: 'acknowledge' });
    await finance.caller.escalations.move({
      escalationId: id,
      move: 'reject',
      reason: 'missing_information',
      note: 'Attach the payout statement for week 47',
    });
    const returned = await agent.caller.escalations.forConversation({
      conversationId: conversation.id,
    });
    expect(returned.escalations[0]).toMatchObject({
      id,
      state: 'rejected',
      rejectionReason: 'missing_information',
      rejectionNote: 'Attach the payout statement for week 47',
    });
    const agentBell = await agent.caller.notifications.list({ unreadOnly: true });
    expect(agentBell.items[0]).toMatchObject({ kind: 'escalation_returned' });

    // The agent corrects and sends it again: a new round with fresh clocks.
    await expectBadInput(
      agent.caller.escalations.move({
        escalationId: id,
        move: 'resend',
        summary: 'Driver payout missing for last week',
        fields: { booking_reference: booking.reference },
      }),
      'fields.amount',
    );
    await agent.caller.escalations.move({
      escalationId: id,
      move: 'resend',
      summary: 'Driver payout missing for week 47; statement attached',
      fields: {
        ...handoff(booking.reference),
        evidence: ['https://files.example/statement-w47.pdf'],
      },
    });
    await finance.caller.escalations.move({ escalationId: id, move: 'start' });
    await finance.caller.escalations.addNote({
      escalationId: id,
      body: 'Payout batch re-run queued',
    });
    await finance.caller.escalations.move({
      escalationId: id,
      move: 'resolve',
      outcome: 'Paid €80.00 in today’s batch; arrives in 1–2 days.',
    });

    const detail = await agent.caller.escalations.byId({ escalationId: id });
    expect(detail).toMatchObject({
      state: 'resolved',
      round: 2,
      assigneeId: finance.userId,
      moves: [],
    });
    expect(detail.events.map((event) => event.type)).toEqual([
      'sent',
      'acknowledged',
      'rejected',
      'resent',
      'started',
      'noted',
      'resolved',
    ]);
    expect(escalationTurnaround(detail.events).returns).toBe(1);

    // The outcome is on the conversation, mentioning the agent who raised it.
    const [outcomeNote] = await db()
      .select({ id: mentions.id })
      .from(mentions)
      .where(
        and(
          eq(mentions.conversationId, conversation.id),
          eq(mentions.mentionedUserId, agent.userId),
        ),
      )
      .orderBy(sql`${mentions.createdAt} desc`);
    expect(outcomeNote).toBeDefined();
    const conversationView = await agent.caller.conversations.byId({
      conversationId: conversation.id,
    });
    expect(conversationView.messages.at(-1)?.body).toMatch(/resolved by .*: Paid €80\.00/);
    const moves = (await eventsOf(db(), conversation.id))
      .filter((event) => event.type === 'escalation_updated')
      .map((event) => event.payload.move);
    expect(moves).toEqual(['sent', 'acknowledged', 'rejected', 'resent', 'started', 'resolved']);
  });

  it('keeps the record append-only in the database', async () => {
    const { agent, conversation, booking } = await payoutConversation();
    const { id } = await agent.caller.escalations.create({
      conversationId: conversation.id,
      teamKind: 'finance_payouts',
      severity: 'sev4',
      summary: 'Driver payout missing for last week',
      fields: handoff(booking.reference),
    });
    for (const statement of [
      sql`update escalation_events set type = 'resolved' where escalation_id = ${id}`,
      sql`delete from escalation_events where escalation_id = ${id}`,
      sql`delete from escalations where id = ${id}`,
      sql`update escalations set created_by_id = ${finance.userId} where id = ${id}`,
    ]) {
      await expect(db().execute(statement)).rejects.toThrow();
    }
  });
});

describe('escalation clocks and turnaround', () => {
  it('reminds before and alerts at a breach, once each, also when run twice', async () => {
    const { agent, conversation, booking } = await payoutConversation();
    const sentAt = new Date();
    const { id, acknowledgeDueAt } = await agent.caller.escalations.create({
      conversationId: conversation.id,
      teamKind: 'finance_payouts',
      severity: 'sev3',
      summary: 'Driver payout missing for last week',
      fields: handoff(booking.reference),
    });
    const alertsOf = async () =>
      (
        await db()
          .select({ key: escalationEvents.alertKey })
          .from(escalationEvents)
          .where(
            and(
              eq(escalationEvents.escalationId, id),
              sql`${escalationEvents.alertKey} is not null`,
            ),
          )
      ).map((row) => row.key);
    const tenBefore = new Date(acknowledgeDueAt.getTime() - 10 * 60_000);
    await sendDueEscalationAlerts(db(), new Date(sentAt.getTime() + 60_000));
    expect(await alertsOf()).toEqual([]);
    await sendDueEscalationAlerts(db(), tenBefore);
    await sendDueEscalationAlerts(db(), tenBefore);
    expect(await alertsOf()).toEqual(['r1:acknowledge:reminder']);
    const afterDue = new Date(acknowledgeDueAt.getTime() + 60_000);
    await Promise.all([
      sendDueEscalationAlerts(db(), afterDue),
      sendDueEscalationAlerts(db(), afterDue),
    ]);
    expect((await alertsOf()).sort()).toEqual(['r1:acknowledge:breach', 'r1:acknowledge:reminder']);
    const breachNotices = await db()
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.subjectId, id), eq(notifications.kind, 'escalation_breach')));
    expect(breachNotices.map((row) => row.userId).sort()).toEqual(
      [agent.userId, finance.userId].sort(),
    );
    const queue = await finance.caller.escalations.queue({ scope: 'team', breachedOnly: false });
    expect(queue.items.find((item) => item.id === id)?.acknowledgeBreached).toBe(false);
    // Breaches on the record are alerts; the queue's filter reads the clocks against now.
    const breached = await finance.caller.escalations.queue({ scope: 'team', breachedOnly: true });
    expect(breached.items.map((item) => item.id)).not.toContain(id);
  });

  it('measures turnaround per team in SQL exactly as the domain does', async () => {
    // A window of its own, far ahead, so other runs on the same database do not count.
    const base = new Date(Date.UTC(2100 + Math.floor(Math.random() * 800), 0, 1));
    const minutes = (n: number) => new Date(base.getTime() + n * 60_000);
    const { createEscalation, moveEscalationRecord } = await import(
      '@switchboard/db/queries/escalations'
    );
    const plans = [
      { ack: 30, resolve: 300, reject: false },
      { ack: 5, resolve: null, reject: false },
      { ack: 90, resolve: 2_000, reject: true },
      { ack: null, resolve: null, reject: false },
      { ack: 240, resolve: 600, reject: false },
    ];
    const ids: string[] = [];
    for (const [index, plan] of plans.entries()) {
      const { agent, conversation, booking } = await payoutConversation();
      const viewer = { userId: agent.userId, role: 'agent' as const };
      const team = { userId: finance.userId, role: 'agent' as const };
      const start = index * 5_000;
      const { id } = await createEscalation(
        db(),
        viewer,
        {
          conversationId: conversation.id,
          teamKind: 'finance_payouts',
          severity: 'sev3',
          summary: 'Driver payout missing for last week',
          fields: handoff(booking.reference),
        },
        minutes(start),
      );
      ids.push(id);
      let at = start;
      if (plan.reject) {
        // Returned after 10 minutes, sent again 20 minutes later.
        await moveEscalationRecord(
          db(),
          team,
          {
            escalationId: id,
            move: 'reject',
            reason: 'missing_information',
            note: 'Need the statement',
          },
          minutes(at + 10),
        );
        await moveEscalationRecord(
          db(),
          viewer,
          {
            escalationId: id,
            move: 'resend',
            summary: 'Driver payout missing, statement attached',
            fields: handoff(booking.reference),
            note: '',
          },
          minutes(at + 30),
        );
        at += 30;
      }
      if (plan.ack !== null) {
        await moveEscalationRecord(
          db(),
          team,
          { escalationId: id, move: 'acknowledge' },
          minutes(at + plan.ack),
        );
      }
      if (plan.resolve !== null) {
        await moveEscalationRecord(
          db(),
          team,
          { escalationId: id, move: 'resolve', outcome: 'Paid in the next batch' },
          minutes(start + plan.resolve),
        );
      }
    }
    const [report] = (
      await escalationTurnaroundReport(
        db(),
        { since: base, until: minutes(100_000) },
        minutes(100_000),
      )
    ).filter((row) => row.teamKind === 'finance_payouts');

    const perEscalation = await Promise.all(
      ids.map(async (escalationId) =>
        escalationTurnaround(
          (
            await db()
              .select({ type: escalationEvents.type, at: escalationEvents.createdAt })
              .from(escalationEvents)
              .where(eq(escalationEvents.escalationId, escalationId))
          ).map((event) => ({ type: event.type, at: event.at })),
        ),
      ),
    );
    const acks = perEscalation.flatMap((row) =>
      row.acknowledgeMinutes === null ? [] : [row.acknowledgeMinutes],
    );
    const resolves = perEscalation.flatMap((row) =>
      row.resolveMinutes === null ? [] : [row.resolveMinutes],
    );
    expect(report).toMatchObject({
      sent: 5,
      resolved: 3,
      returned: 1,
      active: 2,
      breached: 2,
      acknowledgeMinutes: { p50: percentile(acks, 0.5), p90: percentile(acks, 0.9) },
      resolveMinutes: { p50: percentile(resolves, 0.5), p90: percentile(resolves, 0.9) },
    });
    expect(report!.acknowledgeMinutes).toEqual({ p50: 30, p90: 240 });
  });
});

describe('the turnaround report', () => {
  it('gives every downstream team a row, for console roles only', async () => {
    const trainer = await api.callerAs('trainer');
    const report = await trainer.caller.escalations.report({ days: 30 });
    expect(report.map((row) => row.teamKind)).toEqual([
      'finance_payouts',
      'engineering_platform',
      'operations_fleet',
      'compliance_legal',
    ]);
    expect(report[0]!.sent).toBeGreaterThan(0);
    await expectBadInput(trainer.caller.escalations.report({ days: 0 }), 'days');
    await expect(finance.caller.escalations.report({ days: 30 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('notifications', () => {
  it('lists and marks only one’s own', async () => {
    const bell = await finance.caller.notifications.list({});
    expect(bell.unread).toBeGreaterThan(0);
    const stranger = await api.callerAs('agent');
    expect(
      (await stranger.caller.notifications.markRead({ ids: [bell.items[0]!.id] })).marked,
    ).toBe(0);
    expect((await finance.caller.notifications.markRead({ ids: [bell.items[0]!.id] })).marked).toBe(
      1,
    );
    await finance.caller.notifications.markRead({ ids: 'all' });
    expect((await finance.caller.notifications.list({ unreadOnly: true })).unread).toBe(0);
    await expectBadInput(finance.caller.notifications.markRead({ ids: ['x'] }), 'ids.0');
    const anonymous = await api.callerFor();
    await expect(anonymous.notifications.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
