import { spikeSuggestions } from '@switchboard/db/queries/incident-views';
import { sendDueIncidentReminders } from '@switchboard/db/queries/incidents';
import {
  incidentEvents,
  incidents,
  memberships,
  messages,
  notifications,
} from '@switchboard/db/schema';
import { createCityInboxFixture, UNKNOWN_CITY_CODE } from '@switchboard/db/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationFixture, createTaxonomyFixture, eventsOf } from '../fixtures.ts';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
let taxonomy: Awaited<ReturnType<typeof createTaxonomyFixture>>;
const db = () => api.handle.db;
beforeAll(async () => {
  api = await createTestApi();
  taxonomy = await createTaxonomyFixture(db());
});
afterAll(() => api.close());

const declaration = {
  title: 'Card payments failing in Lisbon',
  description: 'Checkout returns an error for cards since 10:05.',
  scope: 'city' as const,
  impact: 'blocked' as const,
  money: 'some' as const,
  safety: false,
  severity: 'sev2' as const,
};

/** An agent with conversations in an inbox of their own city. */
async function agentWithConversations(howMany: number) {
  const agent = await api.callerAs('agent');
  const { city, inbox, team } = await createCityInboxFixture(db());
  await db().insert(memberships).values({ teamId: team.id, userId: agent.userId });
  const list = [];
  for (let index = 0; index < howMany; index += 1) {
    const { conversation } = await createConversationFixture(db(), {
      inboxId: inbox.id,
      cityId: city.id,
      requestTypeId: taxonomy.guestType.id,
      contactName: `Marta Costa ${index}`,
      assigneeId: agent.userId,
    });
    list.push(conversation);
  }
  return { agent, city, conversations: list };
}

describe('declaring an incident', () => {
  it('proposes a severity from the facts and records the declarer’s choice beside it', async () => {
    const { agent, city, conversations } = await agentWithConversations(1);
    expect(
      await agent.caller.incidents.classify({
        scope: 'city',
        impact: 'blocked',
        money: 'some',
        safety: false,
      }),
    ).toEqual({ severity: 'sev2', reasons: ['A whole city cannot ride, book or be paid'] });
    const declared = await agent.caller.incidents.declare({
      ...declaration,
      severity: 'sev1',
      cityCodes: [city.code],
      requestTypeCode: taxonomy.guestType.code,
      conversationId: conversations[0]!.id,
    });
    expect(declared.proposed.severity).toBe('sev2');
    const lead = await api.callerAs('lead');
    const detail = await lead.caller.incidents.byId({ incidentId: declared.id });
    expect(detail).toMatchObject({
      severity: 'sev1',
      proposedSeverity: 'sev2',
      state: 'investigating',
      commanderId: agent.userId,
      linkedCount: 1,
    });
    // SEV1: an update every 30 minutes.
    expect(detail.nextUpdateDueAt!.getTime() - detail.declaredAt.getTime()).toBe(30 * 60_000);
    expect(detail.events[0]).toMatchObject({ type: 'declared', payload: { overridden: true } });
    // The conversation shows the banner and its log says so.
    const banner = await agent.caller.incidents.forConversation({
      conversationId: conversations[0]!.id,
    });
    expect(banner).toEqual([
      expect.objectContaining({ id: declared.id, severity: 'sev1', state: 'investigating' }),
    ]);
    expect((await eventsOf(db(), conversations[0]!.id)).at(-1)).toMatchObject({
      type: 'incident_linked',
    });
  });

  it('names bad input and keeps other inboxes’ conversations out', async () => {
    const agent = await api.callerAs('agent');
    await expectBadInput(agent.caller.incidents.declare({ ...declaration, title: 'x' }), 'title');
    await expectBadInput(
      agent.caller.incidents.declare({ ...declaration, cityCodes: [UNKNOWN_CITY_CODE] }),
      'cityCodes.0',
    );
    await expectBadInput(
      agent.caller.incidents.declare({ ...declaration, commanderId: 'nobody' }),
      'commanderId',
    );
    const { conversations } = await agentWithConversations(1);
    await expect(
      agent.caller.incidents.declare({ ...declaration, conversationId: conversations[0]!.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await api.callerFor();
    await expect(anonymous.incidents.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await agent.caller.incidents.staff()).map((person) => person.id)).toContain(
      agent.userId,
    );
  });
});

describe('running an incident', () => {
  it('takes updates forward on a cadence, from whoever runs it only', async () => {
    const lead = await api.callerAs('lead');
    const { id } = await lead.caller.incidents.declare(declaration);
    const bystander = await api.callerAs('agent');
    await expect(
      bystander.caller.incidents.postUpdate({
        incidentId: id,
        state: 'identified',
        body: 'Provider webhook down',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await lead.caller.incidents.postUpdate({
      incidentId: id,
      state: 'identified',
      body: 'Provider webhook down',
    });
    await expect(
      lead.caller.incidents.postUpdate({
        incidentId: id,
        state: 'investigating',
        body: 'Back to square one',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expectBadInput(
      lead.caller.incidents.postUpdate({ incidentId: id, state: 'resolved', body: 'All good now' }),
      'state',
    );
    await lead.caller.incidents.assignRoles({
      incidentId: id,
      commanderId: lead.userId,
      communicationsId: bystander.userId,
    });
    // The communications lead now runs it too.
    await bystander.caller.incidents.postUpdate({
      incidentId: id,
      state: 'monitoring',
      body: 'Fix deployed, watching',
    });
    await lead.caller.incidents.changeSeverity({
      incidentId: id,
      severity: 'sev3',
      reason: 'Only one card scheme affected',
    });
    const detail = await lead.caller.incidents.byId({ incidentId: id });
    expect(detail).toMatchObject({
      state: 'monitoring',
      severity: 'sev3',
      communicationsId: bystander.userId,
    });
    expect(detail.timeline.map((entry) => entry.text)).toEqual([
      expect.stringMatching(/declared it as SEV2: Card payments failing in Lisbon/),
      expect.stringMatching(/posted an update \(identified\): Provider webhook down/),
      expect.stringMatching(/assigned roles/),
      expect.stringMatching(/posted an update \(monitoring\)/),
      expect.stringMatching(/changed severity SEV2 → SEV3/),
    ]);
  });

  it('reminds before an update is due and flags it overdue, once each', async () => {
    const lead = await api.callerAs('lead');
    const { id } = await lead.caller.incidents.declare({ ...declaration, severity: 'sev1' });
    const [row] = await db().select().from(incidents).where(eq(incidents.id, id));
    const due = row!.nextUpdateDueAt!;
    const keys = async () =>
      (
        await db()
          .select({ key: incidentEvents.alertKey })
          .from(incidentEvents)
          .where(
            and(eq(incidentEvents.incidentId, id), sql`${incidentEvents.alertKey} is not null`),
          )
      )
        .map((event) => event.key)
        .sort();
    await sendDueIncidentReminders(db(), new Date(due.getTime() - 20 * 60_000));
    expect(await keys()).toEqual([]);
    await sendDueIncidentReminders(db(), new Date(due.getTime() - 5 * 60_000));
    await sendDueIncidentReminders(db(), new Date(due.getTime() - 4 * 60_000));
    expect(await keys()).toEqual(['u1:reminder']);
    await Promise.all([
      sendDueIncidentReminders(db(), new Date(due.getTime() + 60_000)),
      sendDueIncidentReminders(db(), new Date(due.getTime() + 60_000)),
    ]);
    expect(await keys()).toEqual(['u1:breach', 'u1:reminder']);
    const told = await db()
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.userId, lead.userId), eq(notifications.subjectId, id)));
    expect(told.map((row) => row.kind).sort()).toEqual([
      'incident_update_due',
      'incident_update_overdue',
    ]);
    // A new update restarts the cadence with reminders of its own.
    await lead.caller.incidents.postUpdate({
      incidentId: id,
      state: 'identified',
      body: 'Provider webhook down',
    });
    const [after] = await db().select().from(incidents).where(eq(incidents.id, id));
    await sendDueIncidentReminders(db(), new Date(after!.nextUpdateDueAt!.getTime() + 60_000));
    expect(await keys()).toEqual(['u1:breach', 'u1:reminder', 'u2:breach']);
  });

  it('links conversations in bulk and replies to every contact once, even when retried', async () => {
    const lead = await api.callerAs('lead');
    const { agent, city, conversations } = await agentWithConversations(3);
    const { id } = await lead.caller.incidents.declare({ ...declaration, cityCodes: [city.code] });
    // The agent links one they can see; a search links the rest.
    expect(
      await agent.caller.incidents.link({
        incidentId: id,
        conversationIds: [conversations[0]!.id],
      }),
    ).toEqual({ linked: 1, considered: 1 });
    await expect(
      agent.caller.incidents.link({
        incidentId: id,
        match: {
          requestTypeCode: taxonomy.guestType.code,
          cityCode: city.code,
          text: '',
          since: new Date(0),
        },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await lead.caller.incidents.link({
        incidentId: id,
        match: {
          requestTypeCode: taxonomy.guestType.code,
          cityCode: city.code,
          text: 'airport',
          since: new Date(0),
        },
      }),
    ).toEqual({ linked: 2, considered: 2 });
    const stranger = await api.callerAs('agent');
    await expect(
      stranger.caller.incidents.link({ incidentId: id, conversationIds: [conversations[1]!.id] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const clientId = '7d3c9a1e-1111-4222-8333-444455556666';
    const body =
      'Hi {{contact.first_name}}, card payments are failing ({{incident.title}}); we will update you.';
    const first = await lead.caller.incidents.bulkReply({
      incidentId: id,
      body,
      includeResolved: false,
      clientId,
    });
    expect(first).toMatchObject({ sent: 3, repeated: 0, failed: [] });
    const again = await lead.caller.incidents.bulkReply({
      incidentId: id,
      body,
      includeResolved: false,
      clientId,
    });
    expect(again).toMatchObject({ sent: 0, repeated: 3 });
    const replies = await db()
      .select({ body: messages.body })
      .from(messages)
      .where(
        and(eq(messages.conversationId, conversations[2]!.id), eq(messages.authorType, 'agent')),
      );
    expect(replies.map((reply) => reply.body)).toEqual([
      'Hi Marta, card payments are failing (Card payments failing in Lisbon); we will update you.',
    ]);
    await expect(
      agent.caller.incidents.bulkReply({ incidentId: id, body, includeResolved: false }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await lead.caller.incidents.unlink({ incidentId: id, conversationId: conversations[0]!.id });
    expect((await lead.caller.incidents.byId({ incidentId: id })).linkedCount).toBe(2);
  });

  it('resolves into a review with a root cause and corrective actions tracked to done', async () => {
    const lead = await api.callerAs('lead');
    const owner = await api.callerAs('agent');
    const { id } = await lead.caller.incidents.declare(declaration);
    await expect(
      lead.caller.incidents.recordReview({
        incidentId: id,
        rootCauseCode: 'payment_provider',
        rootCause: 'Provider expired a certificate',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await lead.caller.incidents.resolve({
      incidentId: id,
      summary: 'Provider renewed the certificate at 11:20',
    });
    await expect(
      lead.caller.incidents.postUpdate({
        incidentId: id,
        state: 'monitoring',
        body: 'Still watching it',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await lead.caller.incidents.recordReview({
      incidentId: id,
      rootCauseCode: 'payment_provider',
      rootCause: 'The provider let a TLS certificate expire; our monitoring did not alert.',
    });
    await expectBadInput(
      lead.caller.incidents.recordReview({
        incidentId: id,
        rootCauseCode: 'gremlins' as never,
        rootCause: 'Something odd happened',
      }),
      'rootCauseCode',
    );
    const { id: actionId } = await lead.caller.incidents.addAction({
      incidentId: id,
      title: 'Alert on payment error rate above 5%',
      ownerId: owner.userId,
      dueDate: '2026-12-15',
    });
    await expectBadInput(
      lead.caller.incidents.addAction({
        incidentId: id,
        title: 'Another one',
        ownerId: owner.userId,
        dueDate: '15/12',
      }),
      'dueDate',
    );
    const outsider = await api.callerAs('agent');
    await expect(
      outsider.caller.incidents.setActionStatus({ actionId, status: 'done' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await owner.caller.incidents.setActionStatus({ actionId, status: 'done' });
    const detail = await lead.caller.incidents.byId({ incidentId: id });
    expect(detail).toMatchObject({
      state: 'resolved',
      rootCauseCode: 'payment_provider',
      progress: { done: 1, total: 1, complete: true },
    });
    expect(
      (await lead.caller.incidents.list({ state: 'review_open' })).items.map((item) => item.id),
    ).not.toContain(id);
    // The record cannot be rewritten.
    for (const statement of [
      sql`update incident_events set type = 'x' where incident_id = ${id}`,
      sql`delete from incidents where id = ${id}`,
      sql`update incidents set declared_by_id = ${owner.userId} where id = ${id}`,
    ]) {
      await expect(db().execute(statement)).rejects.toThrow();
    }
  });
});

describe('spike detection', () => {
  it('suggests an incident when a request type piles up in a city, until one covers it', async () => {
    const { city, conversations } = await agentWithConversations(6);
    const spikes = await spikeSuggestions(db());
    const mine = spikes.find((spike) => spike.cityCode === city.code);
    expect(mine).toMatchObject({
      requestTypeCode: taxonomy.guestType.code,
      inWindow: conversations.length,
    });
    const lead = await api.callerAs('lead');
    expect(
      (await lead.caller.incidents.spikes()).some((spike) => spike.cityCode === city.code),
    ).toBe(true);
    await lead.caller.incidents.declare({
      ...declaration,
      cityCodes: [city.code],
      requestTypeCode: taxonomy.guestType.code,
    });
    expect((await spikeSuggestions(db())).some((spike) => spike.cityCode === city.code)).toBe(
      false,
    );
    const agent = await api.callerAs('agent');
    await expect(agent.caller.incidents.spikes()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
