import { uniqueSuffix } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const NO_SUCH_TEAM = '00000000-0000-4000-8000-000000000000';

describe('teams', () => {
  it('lets a lead create a team, staff it, change roles and take people off, all versioned', async () => {
    const lead = await api.callerAs('lead');
    const anaName = `Ana ${uniqueSuffix()}`;
    const ana = await api.createStaff('agent', { name: anaName });
    const code = `TEAM_${uniqueSuffix()}`;
    const team = await lead.caller.people.createTeam({
      code,
      name: 'Lisbon night shift',
      kind: 'support_l1',
      rolloutNote: 'Nights get their own team.',
    });
    expect(team).toMatchObject({ code, name: 'Lisbon night shift', kind: 'support_l1' });

    await lead.caller.people.addTeamMember({ teamId: team.id, userId: ana.id });
    // Adding again with the same role changes nothing and records nothing.
    await lead.caller.people.addTeamMember({ teamId: team.id, userId: ana.id });
    await lead.caller.people.addTeamMember({ teamId: team.id, userId: ana.id, role: 'lead' });
    await lead.caller.people.updateTeam({
      id: team.id,
      name: 'Lisbon nights',
      description: '22:00–06:00',
    });
    let listed = (await lead.caller.people.teams()).find((row) => row.id === team.id);
    expect(listed).toMatchObject({
      name: 'Lisbon nights',
      memberCount: 1,
      members: [expect.objectContaining({ userId: ana.id, role: 'lead', name: anaName })],
      inboxes: [],
    });

    await lead.caller.people.removeTeamMember({ teamId: team.id, userId: ana.id });
    listed = (await lead.caller.people.teams()).find((row) => row.id === team.id);
    expect(listed?.members).toEqual([]);

    const history = await lead.caller.changes.list({ entityType: 'team', entityId: team.id });
    expect(history.items.map((change) => [change.action, change.diff])).toEqual([
      ['member_removed', [`Removed ${anaName}`]],
      ['updated', ['Name: Lisbon night shift → Lisbon nights', 'Description: — → 22:00–06:00']],
      ['member_role_changed', [`${anaName}: member → lead`]],
      ['member_added', [`Added ${anaName} as a member`]],
      ['created', ['Kind: Support L1', `Code: ${code}`, 'Name: Lisbon night shift']],
    ]);
    expect(history.items.at(-1)?.rolloutNote).toBe('Nights get their own team.');
  });

  it('lets trainers read teams but keeps them and agents from changing them', async () => {
    const trainer = await api.callerAs('trainer');
    const agent = await api.callerAs('agent');
    expect(Array.isArray(await trainer.caller.people.teams())).toBe(true);
    await expect(agent.caller.people.teams()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      trainer.caller.people.createTeam({ code: 'NOPE_X', name: 'Nope', kind: 'support_l1' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      agent.caller.people.addTeamMember({ teamId: NO_SUCH_TEAM, userId: agent.userId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names the field at fault and writes nothing', async () => {
    const lead = await api.callerAs('lead');
    const code = `TEAM_${uniqueSuffix()}`;
    const team = await lead.caller.people.createTeam({
      code,
      name: 'Team',
      kind: 'escalations_l2',
    });
    await expect(
      lead.caller.people.createTeam({ code, name: 'Again', kind: 'support_l1' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expectBadInput(
      lead.caller.people.createTeam({ code: 'lower case', name: 'X', kind: 'support_l1' }),
      'code',
    );
    await expectBadInput(
      lead.caller.people.createTeam({ code: `T_${uniqueSuffix()}`, name: ' ', kind: 'support_l1' }),
      'name',
    );
    await expectBadInput(
      lead.caller.people.createTeam({
        code: `T_${uniqueSuffix()}`,
        name: 'X',
        kind: 'pilots' as 'support_l1',
      }),
      'kind',
    );
    await expect(
      lead.caller.people.addTeamMember({ teamId: NO_SUCH_TEAM, userId: lead.userId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      lead.caller.people.addTeamMember({ teamId: team.id, userId: 'nobody-at-all' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expectBadInput(
      lead.caller.people.addTeamMember({
        teamId: team.id,
        userId: lead.userId,
        role: 'boss' as 'lead',
      }),
      'role',
    );
    const gone = await api.createStaff('agent', { active: false });
    await expectBadInput(
      lead.caller.people.addTeamMember({ teamId: team.id, userId: gone.id }),
      'userId',
    );
    await expect(
      lead.caller.people.removeTeamMember({ teamId: team.id, userId: lead.userId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      lead.caller.people.updateTeam({ id: NO_SUCH_TEAM, name: 'X', description: '' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const listed = (await lead.caller.people.teams()).find((row) => row.id === team.id);
    expect(listed?.members).toEqual([]);
    const history = await lead.caller.changes.list({ entityType: 'team', entityId: team.id });
    expect(history.items).toHaveLength(1);
  });
});
