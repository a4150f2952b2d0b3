import { refreshAllKpiFacts } from '@switchboard/db/queries/kpi-facts';
import { memberships } from '@switchboard/db/schema';
import { createCityInboxFixture } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationFixture } from '../fixtures.ts';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
const db = () => api.handle.db;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const HOUR = 3_600_000;

/**
 * A city of its own with three conversations worked through the real procedures: one
 * answered and resolved, one answered and left open, one never answered. The KPI facts come
 * from the server's own refresh of their events.
 */
async function workedCity() {
  const agent = await api.callerAs('agent');
  const { inbox, team, city } = await createCityInboxFixture(db(), { audience: 'driver' });
  await db().insert(memberships).values({ teamId: team.id, userId: agent.userId });
  const createdAt = new Date(Date.now() - 2 * HOUR);
  const make = async () =>
    (
      await createConversationFixture(db(), {
        inboxId: inbox.id,
        cityId: city.id,
        audience: 'driver',
        channel: 'whatsapp',
        assigneeId: agent.userId,
        createdAt,
      })
    ).conversation;
  const [resolved, answered, waiting] = [await make(), await make(), await make()];
  for (const conversation of [resolved!, answered!]) {
    await agent.caller.conversations.send({
      conversationId: conversation.id,
      kind: 'reply',
      body: 'Looking into your payout now.',
      clientId: crypto.randomUUID(),
    });
  }
  await agent.caller.conversations.setStatus({
    conversationId: resolved!.id,
    status: 'resolved',
    rootCauseCode: 'supply_shortage',
  });
  await refreshAllKpiFacts(db());
  return { agent, city, inbox, team, resolved: resolved!, answered: answered!, waiting: waiting! };
}

const lastDay = () => ({ from: new Date(Date.now() - 24 * HOUR), to: new Date(Date.now() + HOUR) });

describe('kpi reports', () => {
  it('gives a lead every KPI of a slice, the period before, and the conversations behind a number', async () => {
    const world = await workedCity();
    const lead = await api.callerAs('lead');
    const query = { ...lastDay(), timeZone: 'Europe/Lisbon', cityId: world.city.id };
    const dashboard = await lead.caller.kpi.dashboard(query);
    expect(dashboard.figures.created).toBe(3);
    expect(dashboard.figures.firstResponse.count).toBe(2);
    expect(dashboard.figures.firstResponse.p50Seconds).toBeGreaterThanOrEqual(2 * 3600 - 5);
    expect(dashboard.figures.resolution.count).toBe(1);
    expect(dashboard.figures.backlog.open).toBe(2);
    expect(dashboard.figures.fcr).toEqual({ resolved: 1, oneTouch: 1, rate: 1 });
    expect(dashboard.figures.csat.requested).toBe(1);
    expect(dashboard.previous.created).toBe(0);
    expect(dashboard.definitions.firstResponse.version).toBe(1);

    const guests = await lead.caller.kpi.dashboard({ ...query, audience: 'guest' });
    expect(guests.figures.created).toBe(0);

    const { rows } = await lead.caller.kpi.breakdown({ ...query, by: 'audience' });
    expect(rows).toEqual([expect.objectContaining({ key: 'driver', label: 'Driver', created: 3 })]);
    const byAgent = await lead.caller.kpi.breakdown({ ...query, by: 'agent' });
    expect(byAgent.rows[0]).toMatchObject({ key: world.agent.userId, created: 3, resolved: 1 });

    const open = await lead.caller.kpi.drilldown({ ...query, drilldown: 'open' });
    expect(open.total).toBe(2);
    expect(open.items.map((item) => item.id).sort()).toEqual(
      [world.answered.id, world.waiting.id].sort(),
    );
    expect(open.items[0]).toMatchObject({
      audience: 'driver',
      channel: 'whatsapp',
      inboxName: world.inbox.name,
    });
    const page = await lead.caller.kpi.drilldown({
      ...query,
      drilldown: 'created',
      limit: 2,
      offset: 2,
    });
    expect(page).toMatchObject({ total: 3 });
    expect(page.items).toHaveLength(1);

    const options = await lead.caller.kpi.filterOptions();
    expect(options.cities.map((row) => row.id)).toContain(world.city.id);
    expect(options.inboxes.map((row) => row.id)).toContain(world.inbox.id);
  });

  it('follows the live operation: a reply is in the figures once the facts refresh', async () => {
    const world = await workedCity();
    const lead = await api.callerAs('lead');
    const query = { ...lastDay(), cityId: world.city.id };
    expect((await lead.caller.kpi.dashboard(query)).figures.firstResponse.count).toBe(2);
    await world.agent.caller.conversations.send({
      conversationId: world.waiting.id,
      kind: 'reply',
      body: 'Sorry for the wait.',
      clientId: crypto.randomUUID(),
    });
    await refreshAllKpiFacts(db());
    expect((await lead.caller.kpi.dashboard(query)).figures.firstResponse.count).toBe(3);
  });

  it('keeps reports to the console: agents are refused', async () => {
    const agent = await api.callerAs('agent');
    await expect(agent.caller.kpi.dashboard(lastDay())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      agent.caller.kpi.drilldown({ ...lastDay(), drilldown: 'open' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.caller.kpi.filterOptions()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names the field of a bad query', async () => {
    const lead = await api.callerAs('lead');
    const { from, to } = lastDay();
    await expectBadInput(lead.caller.kpi.dashboard({ from: to, to: from }), 'to');
    await expectBadInput(
      lead.caller.kpi.dashboard({ from: new Date('2020-01-01'), to: new Date('2026-01-01') }),
      'from',
    );
    await expectBadInput(
      lead.caller.kpi.dashboard({ from, to, timeZone: 'Mars/Olympus' }),
      'timeZone',
    );
    await expectBadInput(
      lead.caller.kpi.dashboard({ from, to, audience: 'robot' as never }),
      'audience',
    );
    await expectBadInput(lead.caller.kpi.dashboard({ from, to, cityId: 'lisbon' }), 'cityId');
    await expectBadInput(lead.caller.kpi.breakdown({ from, to, by: 'weather' as never }), 'by');
    await expectBadInput(
      lead.caller.kpi.drilldown({ from, to, drilldown: 'everything' as never }),
      'drilldown',
    );
    await expectBadInput(
      lead.caller.kpi.drilldown({ from, to, drilldown: 'open', limit: 10_000 }),
      'limit',
    );
  });
});

describe('kpi snapshots', () => {
  it('lets a lead make a snapshot on demand, read it, and export it as Markdown and PDF', async () => {
    await workedCity();
    const lead = await api.callerAs('lead');
    const { id } = await lead.caller.kpi.snapshots.generate({ kind: 'weekly' });
    const snapshot = await lead.caller.kpi.snapshots.get({ snapshotId: id });
    expect(snapshot).toMatchObject({
      kind: 'weekly',
      source: 'on_demand',
      requestedById: lead.userId,
    });
    expect(snapshot.title).toMatch(/^Weekly report, /);
    expect(snapshot.periodEnd.getTime() - snapshot.periodStart.getTime()).toBe(7 * 24 * HOUR);
    expect(snapshot.definitions).toMatchObject({ firstResponse: 1 });
    const { items } = await lead.caller.kpi.snapshots.list({ kind: 'weekly' });
    expect(items.map((item) => item.id)).toContain(id);

    const { markdown, filename } = await lead.caller.kpi.snapshots.markdown({ snapshotId: id });
    expect(filename).toMatch(/^switchboard-weekly-\d{4}-\d{2}-\d{2}\.md$/);
    expect(markdown).toContain(`# ${snapshot.title}`);
    expect(markdown).toContain('## Headline figures');
    const pdf = await lead.caller.kpi.snapshots.pdf({ snapshotId: id });
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(2_000);
  });

  it('keeps snapshots to the console and making them to leads', async () => {
    const agent = await api.callerAs('agent');
    await expect(agent.caller.kpi.snapshots.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.caller.kpi.snapshots.generate({ kind: 'monthly' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const trainer = await api.callerAs('trainer');
    await expect(trainer.caller.kpi.snapshots.generate({ kind: 'monthly' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await trainer.caller.kpi.snapshots.list({})).total).toBeGreaterThanOrEqual(0);
  });

  it('names the field of a bad request', async () => {
    const lead = await api.callerAs('lead');
    await expectBadInput(lead.caller.kpi.snapshots.generate({ kind: 'daily' as never }), 'kind');
    await expectBadInput(lead.caller.kpi.snapshots.get({ snapshotId: 'last-week' }), 'snapshotId');
    await expect(
      lead.caller.kpi.snapshots.get({ snapshotId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
