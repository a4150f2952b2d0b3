import { recordChange } from '@switchboard/db/queries/config-changes';
import { uniqueSuffix } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

async function ruleChange(actorId: string, rolloutNote?: string) {
  const entityId = `rule-${uniqueSuffix()}`;
  const change = await recordChange(api.handle.db, {
    entityType: 'routing_rule',
    entityId,
    entityName: 'Airport no-shows',
    action: 'updated',
    actorId,
    before: { name: 'Airport no-shows', priority: 'P2', tags: ['airport'] },
    after: { name: 'Airport no-shows', priority: 'P1', tags: ['airport', 'stranded'] },
    labels: { priority: { label: 'Priority' }, tags: { label: 'Tags' } },
    rolloutNote,
  });
  return { ...change, entityId };
}

describe('changes', () => {
  it('lists who changed what, with a readable diff, for leads; never for agents', async () => {
    const lead = await api.callerAs('lead');
    const { id, entityId } = await ruleChange(lead.userId);
    const page = await lead.caller.changes.list({ entityType: 'routing_rule', entityId });
    expect(page.items).toEqual([
      expect.objectContaining({
        id,
        entityName: 'Airport no-shows',
        action: 'updated',
        diff: ['Priority: P2 → P1', 'Tags: added stranded'],
        actorName: expect.stringMatching(/^Test lead/),
        rolloutNote: null,
      }),
    ]);
    const detail = await lead.caller.changes.byId({ id });
    expect(detail).toMatchObject({ before: { priority: 'P2' }, after: { priority: 'P1' } });

    const agent = await api.callerAs('agent');
    await expect(agent.caller.changes.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.caller.changes.byId({ id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows agents a rollout note until they acknowledge it, and leads who has not', async () => {
    const lead = await api.callerAs('lead');
    const { id } = await ruleChange(lead.userId, 'Airport no-shows are P1 from today.');
    const [reader, other] = await Promise.all([api.callerAs('agent'), api.callerAs('agent')]);

    const before = await reader.caller.changes.myRolloutNotes();
    expect(before.find((note) => note.id === id)).toMatchObject({
      rolloutNote: 'Airport no-shows are P1 from today.',
    });
    await reader.caller.changes.acknowledge({ id });
    await reader.caller.changes.acknowledge({ id });
    expect((await reader.caller.changes.myRolloutNotes()).map((note) => note.id)).not.toContain(id);

    const status = await lead.caller.changes.acknowledgements({ id });
    expect(status.acknowledged.map((person) => person.id)).toEqual([reader.userId]);
    expect(status.pending.map((person) => person.id)).toContain(other.userId);
    const listed = await lead.caller.changes.list({ withRolloutNote: true, limit: 200 });
    expect(listed.items.find((item) => item.id === id)?.acknowledgedCount).toBe(1);

    await expect(other.caller.changes.acknowledgements({ id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses unknown and malformed ids, and acknowledging a change without a note', async () => {
    const lead = await api.callerAs('lead');
    const agent = await api.callerAs('agent');
    const unknown = '00000000-0000-4000-8000-000000000000';
    await expect(lead.caller.changes.byId({ id: unknown })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(agent.caller.changes.acknowledge({ id: unknown })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const { id: silent } = await ruleChange(lead.userId);
    await expect(agent.caller.changes.acknowledge({ id: silent })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(lead.caller.changes.acknowledgements({ id: silent })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expectBadInput(agent.caller.changes.acknowledge({ id: 'nope' }), 'id');
    await expectBadInput(
      lead.caller.changes.list({ entityType: 'spaceship' as 'inbox' }),
      'entityType',
    );
  });

  it('refuses the signed-out', async () => {
    const anonymous = await api.callerFor();
    await expect(anonymous.changes.myRolloutNotes()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
