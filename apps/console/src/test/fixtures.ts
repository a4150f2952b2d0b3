import type { ProcedureOutput } from '@switchboard/ui/testing';

type InboxRow = ProcedureOutput<'routing.listInboxes'>['items'][number];
type StaffRow = ProcedureOutput<'people.list'>['items'][number];

export function inboxRow(overrides: Partial<InboxRow> = {}): InboxRow {
  return {
    id: '66666666-6666-4666-8666-666666666666',
    code: 'LIS_GUEST',
    name: 'Lisbon guests',
    description: 'Riders and travellers in Lisbon',
    audience: 'guest',
    active: true,
    cityCode: 'LIS',
    cityName: 'Lisbon',
    teamName: 'Lisbon Support L1',
    teamKind: 'support_l1',
    openCount: 42,
    unassignedCount: 3,
    ...overrides,
  };
}

export function staffRow(overrides: Partial<StaffRow> = {}): StaffRow {
  return {
    id: '77777777-7777-4777-8777-777777777777',
    name: 'João Pereira',
    email: 'joao.pereira@switchboard.test',
    role: 'agent',
    agentTier: 'L2',
    languages: ['pt-PT', 'en'],
    skills: [],
    capacity: 8,
    availability: 'online',
    timeZone: 'Europe/Lisbon',
    active: true,
    ...overrides,
  };
}

type TeamRow = ProcedureOutput<'people.teams'>[number];
type TeamMemberRow = TeamRow['members'][number];

export const LISBON_L1_ID = '99999999-9999-4999-8999-999999999999';
export const LISBON_L2_ID = '99999999-9999-4999-8999-999999999998';

export function teamMember(overrides: Partial<TeamMemberRow> = {}): TeamMemberRow {
  return {
    teamId: LISBON_L1_ID,
    userId: '77777777-7777-4777-8777-777777777777',
    name: 'João Pereira',
    email: 'joao.pereira@switchboard.test',
    role: 'member',
    staffRole: 'agent',
    availability: 'online',
    active: true,
    ...overrides,
  };
}

export function teamRow(overrides: Partial<TeamRow> = {}): TeamRow {
  const id = overrides.id ?? LISBON_L1_ID;
  const members = overrides.members ?? [teamMember({ teamId: id })];
  return {
    id,
    code: 'LIS_L1',
    name: 'Lisbon Support L1',
    kind: 'support_l1',
    description: 'First contact for Lisbon riders and drivers',
    memberCount: members.length,
    inboxes: [
      {
        id: '66666666-6666-4666-8666-666666666666',
        code: 'LIS_GUEST',
        name: 'Lisbon guests',
        teamId: id,
        active: true,
      },
    ],
    members,
    ...overrides,
  };
}
