import type { ProcedureOutput } from './trpc-handlers.ts';

export type MockViewer = ProcedureOutput<'people.me'>;

const ACCESS_BY_ROLE: Record<MockViewer['role'], MockViewer['access']> = {
  agent: { workspace: true, console: false, lead: false, trainer: false, admin: false },
  lead: { workspace: true, console: true, lead: true, trainer: true, admin: false },
  trainer: { workspace: true, console: true, lead: false, trainer: true, admin: false },
  admin: { workspace: true, console: true, lead: true, trainer: true, admin: true },
};

/** A signed-in staff member as `people.me` returns it. */
export function mockViewer(overrides: Partial<MockViewer> = {}): MockViewer {
  const role = overrides.role ?? 'agent';
  return {
    id: '11111111-1111-4111-8111-111111111111',
    name: 'Ana Silva',
    email: 'ana.silva@switchboard.test',
    role,
    agentTier: role === 'agent' ? 'L1' : null,
    languages: ['pt-PT', 'en'],
    skills: ['airport_transfers'],
    capacity: 6,
    availability: 'online',
    timeZone: 'Europe/Lisbon',
    active: true,
    teams: [],
    access: ACCESS_BY_ROLE[role],
    ...overrides,
  };
}
