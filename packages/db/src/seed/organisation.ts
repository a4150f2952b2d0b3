import type {
  AgentTier,
  Audience,
  Availability,
  MembershipRole,
  Role,
  TeamKind,
} from '@switchboard/domain';
import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { accounts, cities, inboxes, memberships, teams, users } from '../schema/index.ts';
import { CITIES, type CityCode } from './cities.ts';
import type { Random } from './random.ts';

/** The one password every demo account signs in with; printed by the README and `pnpm start`. */
export const DEMO_PASSWORD = 'switchboard-demo';

export const DEMO_EMAIL_DOMAIN = 'switchboard.test';

/** A demo address from the part before the @: `demoEmail('lead')` is lead@switchboard.test. */
export function demoEmail(local: string): string {
  return `${local}@${DEMO_EMAIL_DOMAIN}`;
}

/** A demo staff member by the part of their address before the @; null when there is none. */
export async function findDemoStaff(db: DatabaseOrTransaction, local: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.email, demoEmail(local)));
  return row ?? null;
}

/** The same, for demo steps that cannot do without the person. */
export async function demoStaff(db: DatabaseOrTransaction, local: string) {
  const staff = await findDemoStaff(db, local);
  if (!staff) throw new Error(`The demo has no ${demoEmail(local)} account`);
  return staff;
}

export type TeamCode =
  | 'SUPPORT_L1'
  | 'ESCALATIONS_L2'
  | 'FINANCE_PAYOUTS'
  | 'ENGINEERING_PLATFORM'
  | 'OPERATIONS_FLEET'
  | 'COMPLIANCE_LEGAL';

interface TeamDefinition {
  code: TeamCode;
  name: string;
  kind: TeamKind;
  description: string;
}

export const DEMO_TEAMS: readonly TeamDefinition[] = [
  {
    code: 'SUPPORT_L1',
    name: 'Support L1',
    kind: 'support_l1',
    description: 'First contact for guests and drivers in every city.',
  },
  {
    code: 'ESCALATIONS_L2',
    name: 'Escalations L2',
    kind: 'escalations_l2',
    description: 'Complex cases, decisions above L1 limits, handoffs to downstream teams.',
  },
  {
    code: 'FINANCE_PAYOUTS',
    name: 'Finance & Payouts',
    kind: 'finance_payouts',
    description: 'Driver payouts, earnings adjustments, refunds above support limits.',
  },
  {
    code: 'ENGINEERING_PLATFORM',
    name: 'Engineering & Platform',
    kind: 'engineering_platform',
    description: 'App bugs, outages and data inconsistencies.',
  },
  {
    code: 'OPERATIONS_FLEET',
    name: 'Operations & Fleet',
    kind: 'operations_fleet',
    description: 'Driver availability, vehicles and on-ground constraints at airports.',
  },
  {
    code: 'COMPLIANCE_LEGAL',
    name: 'Compliance & Legal',
    kind: 'compliance_legal',
    description: 'KYC, fraud, safety investigations and legal threats.',
  },
];

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  /** The tier the demo gives them: L2 agents are seeded with the senior refunds certification. */
  agentTier: AgentTier | null;
  languages: readonly string[];
  skills: readonly string[];
  capacity: number;
  availability: Availability;
  timeZone: string;
  teams: readonly (readonly [TeamCode, MembershipRole])[];
  /** L1 agents: the city inboxes they work (their own cities, both audiences unless narrowed). */
  covers?: { cities: readonly CityCode[]; audiences: readonly Audience[] };
  /** One line for the README's table of demo accounts. */
  description: string;
}

const L1: AgentTier = 'L1';
const L2: AgentTier = 'L2';

/**
 * Demo staff. The four short addresses (agent@, lead@, trainer@, admin@) are the ones to type;
 * `agent@` is the L1 agent who owns a busy personal inbox.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: `agent@${DEMO_EMAIL_DOMAIN}`,
    name: 'Alex Rivera',
    role: 'agent',
    agentTier: L1,
    languages: ['en', 'es-MX', 'pt-PT'],
    skills: ['airport_transfers', 'rides', 'refunds', 'payouts'],
    capacity: 8,
    availability: 'online',
    timeZone: 'Europe/Lisbon',
    teams: [['SUPPORT_L1', 'member']],
    covers: { cities: ['LIS', 'MEX', 'LON', 'DXB'], audiences: ['guest', 'driver'] },
    description: 'L1 agent, all cities (en, es, pt): a busy personal inbox',
  },
  {
    email: `ana.silva@${DEMO_EMAIL_DOMAIN}`,
    name: 'Ana Silva',
    role: 'agent',
    agentTier: L1,
    languages: ['pt-PT', 'en', 'es-MX'],
    skills: ['airport_transfers', 'rides', 'lost_and_found'],
    capacity: 6,
    availability: 'online',
    timeZone: 'Europe/Lisbon',
    teams: [['SUPPORT_L1', 'member']],
    covers: { cities: ['LIS'], audiences: ['guest'] },
    description: 'L1 agent, Lisbon guests',
  },
  {
    email: `joao.pereira@${DEMO_EMAIL_DOMAIN}`,
    name: 'João Pereira',
    role: 'agent',
    agentTier: L1,
    languages: ['pt-PT', 'en'],
    skills: ['driver_support', 'payouts', 'documents'],
    capacity: 6,
    availability: 'away',
    timeZone: 'Europe/Lisbon',
    teams: [['SUPPORT_L1', 'member']],
    covers: { cities: ['LIS'], audiences: ['driver', 'guest'] },
    description: 'L1 agent, Lisbon drivers',
  },
  {
    email: `omar.haddad@${DEMO_EMAIL_DOMAIN}`,
    name: 'Omar Haddad',
    role: 'agent',
    agentTier: L1,
    languages: ['ar', 'en'],
    skills: ['airport_transfers', 'rides', 'vip'],
    capacity: 7,
    availability: 'online',
    timeZone: 'Asia/Dubai',
    teams: [['SUPPORT_L1', 'member']],
    covers: { cities: ['DXB'], audiences: ['guest'] },
    description: 'L1 agent, Dubai guests',
  },
  {
    email: `fatima.alnuaimi@${DEMO_EMAIL_DOMAIN}`,
    name: 'Fatima Al Nuaimi',
    role: 'agent',
    agentTier: L1,
    languages: ['ar', 'en', 'fr'],
    skills: ['airport_transfers', 'refunds'],
    capacity: 6,
    availability: 'offline',
    timeZone: 'Asia/Dubai',
    teams: [['SUPPORT_L1', 'member']],
    covers: { cities: ['DXB'], audiences: ['guest', 'driver'] },
    description: 'L1 agent, Dubai guests and drivers',
  },
  {
    email: `imran.qureshi@${DEMO_EMAIL_DOMAIN}`,
    name: 'Imran Qureshi',
    role: 'agent',
    agentTier: L1,
    languages: ['en', 'ur', 'hi', 'ar'],
    skills: ['driver_support', 'payouts', 'fines'],
    capacity: 7,
    availability: 'online',
    timeZone: 'Asia/Dubai',
    teams: [['SUPPORT_L1', 'member']],
    covers: { cities: ['DXB'], audiences: ['driver'] },
    description: 'L1 agent, Dubai drivers',
  },
  {
    email: `lucia.mendez@${DEMO_EMAIL_DOMAIN}`,
    name: 'Lucía Méndez',
    role: 'agent',
    agentTier: L1,
    languages: ['es-MX', 'en'],
    skills: ['airport_transfers', 'rides', 'refunds'],
    capacity: 7,
    availability: 'online',
    timeZone: 'America/Mexico_City',
    teams: [['SUPPORT_L1', 'member']],
    covers: { cities: ['MEX'], audiences: ['guest'] },
    description: 'L1 agent, Mexico City guests',
  },
  {
    email: `diego.ramirez@${DEMO_EMAIL_DOMAIN}`,
    name: 'Diego Ramírez',
    role: 'agent',
    agentTier: L1,
    languages: ['es-MX', 'en'],
    skills: ['driver_support', 'payouts', 'documents'],
    capacity: 6,
    availability: 'away',
    timeZone: 'America/Mexico_City',
    teams: [['SUPPORT_L1', 'member']],
    covers: { cities: ['MEX'], audiences: ['driver'] },
    description: 'L1 agent, Mexico City drivers',
  },
  {
    email: `emily.clarke@${DEMO_EMAIL_DOMAIN}`,
    name: 'Emily Clarke',
    role: 'agent',
    agentTier: L1,
    languages: ['en', 'fr'],
    skills: ['airport_transfers', 'rides', 'driver_support'],
    capacity: 6,
    availability: 'online',
    timeZone: 'Europe/London',
    teams: [['SUPPORT_L1', 'member']],
    covers: { cities: ['LON'], audiences: ['guest', 'driver'] },
    description: 'L1 agent, London guests and drivers',
  },
  {
    email: `priya.nair@${DEMO_EMAIL_DOMAIN}`,
    name: 'Priya Nair',
    role: 'agent',
    agentTier: L2,
    languages: ['en', 'hi', 'ar'],
    skills: ['escalations', 'refunds', 'safety', 'payouts'],
    capacity: 5,
    availability: 'online',
    timeZone: 'Asia/Dubai',
    teams: [['ESCALATIONS_L2', 'member']],
    description: 'L2 agent, escalations (Dubai, London)',
  },
  {
    email: `carlos.ortega@${DEMO_EMAIL_DOMAIN}`,
    name: 'Carlos Ortega',
    role: 'agent',
    agentTier: L2,
    languages: ['es-MX', 'en', 'pt-PT'],
    skills: ['escalations', 'payouts', 'fraud'],
    capacity: 5,
    availability: 'online',
    timeZone: 'America/Mexico_City',
    teams: [['ESCALATIONS_L2', 'member']],
    description: 'L2 agent, escalations (Mexico City, Lisbon)',
  },
  {
    email: `sofia.costa@${DEMO_EMAIL_DOMAIN}`,
    name: 'Sofia Costa',
    role: 'agent',
    agentTier: L2,
    languages: ['pt-PT', 'en', 'es-MX'],
    skills: ['escalations', 'safety', 'refunds'],
    capacity: 5,
    availability: 'away',
    timeZone: 'Europe/Lisbon',
    teams: [['ESCALATIONS_L2', 'member']],
    description: 'L2 agent, escalations (Lisbon)',
  },
  {
    email: `lead@${DEMO_EMAIL_DOMAIN}`,
    name: 'Marta Figueiredo',
    role: 'lead',
    agentTier: L2,
    languages: ['pt-PT', 'en', 'es-MX'],
    skills: ['escalations', 'refunds', 'quality'],
    capacity: 3,
    availability: 'online',
    timeZone: 'Europe/Lisbon',
    teams: [
      ['SUPPORT_L1', 'lead'],
      ['ESCALATIONS_L2', 'member'],
    ],
    description: 'Team lead, Support L1',
  },
  {
    email: `karim.mansour@${DEMO_EMAIL_DOMAIN}`,
    name: 'Karim Mansour',
    role: 'lead',
    agentTier: L2,
    languages: ['ar', 'en', 'fr'],
    skills: ['escalations', 'safety', 'operations'],
    capacity: 3,
    availability: 'online',
    timeZone: 'Asia/Dubai',
    teams: [
      ['ESCALATIONS_L2', 'lead'],
      ['OPERATIONS_FLEET', 'lead'],
    ],
    description: 'Team lead, Escalations L2 and Operations & Fleet',
  },
  {
    email: `trainer@${DEMO_EMAIL_DOMAIN}`,
    name: 'Helen Okafor',
    role: 'trainer',
    agentTier: null,
    languages: ['en', 'fr'],
    skills: ['quality', 'coaching'],
    capacity: 0,
    availability: 'online',
    timeZone: 'Europe/London',
    teams: [['SUPPORT_L1', 'member']],
    description: 'Trainer: curricula, QA reviews, certifications',
  },
  {
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    name: 'Jordan Blake',
    role: 'admin',
    agentTier: null,
    languages: ['en'],
    skills: [],
    capacity: 0,
    availability: 'online',
    timeZone: 'Europe/London',
    teams: [],
    description: 'Admin: people, inboxes, policies, every city',
  },
  {
    email: `rui.santos@${DEMO_EMAIL_DOMAIN}`,
    name: 'Rui Santos',
    role: 'agent',
    agentTier: L2,
    languages: ['pt-PT', 'en'],
    skills: ['payouts', 'reconciliation'],
    capacity: 4,
    availability: 'online',
    timeZone: 'Europe/Lisbon',
    teams: [['FINANCE_PAYOUTS', 'lead']],
    description: 'Finance & Payouts specialist',
  },
  {
    email: `mei.tan@${DEMO_EMAIL_DOMAIN}`,
    name: 'Mei Tan',
    role: 'agent',
    agentTier: L2,
    languages: ['en'],
    skills: ['app_bugs', 'incidents'],
    capacity: 4,
    availability: 'away',
    timeZone: 'Europe/London',
    teams: [['ENGINEERING_PLATFORM', 'lead']],
    description: 'Engineering & Platform on-call',
  },
  {
    email: `youssef.amrani@${DEMO_EMAIL_DOMAIN}`,
    name: 'Youssef Amrani',
    role: 'agent',
    agentTier: L2,
    languages: ['ar', 'fr', 'en'],
    skills: ['operations', 'airport_transfers', 'fleet'],
    capacity: 4,
    availability: 'online',
    timeZone: 'Asia/Dubai',
    teams: [['OPERATIONS_FLEET', 'member']],
    description: 'Operations & Fleet coordinator',
  },
  {
    email: `claire.dubois@${DEMO_EMAIL_DOMAIN}`,
    name: 'Claire Dubois',
    role: 'agent',
    agentTier: L2,
    languages: ['fr', 'en'],
    skills: ['kyc', 'fraud', 'safety'],
    capacity: 4,
    availability: 'offline',
    timeZone: 'Europe/London',
    teams: [['COMPLIANCE_LEGAL', 'lead']],
    description: 'Compliance & Legal analyst',
  },
];

/** The L1 agent whose personal inbox the demo opens on. */
export const DEMO_AGENT_EMAIL = `agent@${DEMO_EMAIL_DOMAIN}`;
export const DEMO_ADMIN_EMAIL = demoEmail('admin');

export interface InboxDefinition {
  code: string;
  name: string;
  description: string;
  audience: Audience;
  city: CityCode | null;
  team: TeamCode;
}

export const DEMO_INBOXES: readonly InboxDefinition[] = [
  ...CITIES.flatMap((city): InboxDefinition[] => [
    {
      code: `${city.code}_GUEST`,
      name: `${city.name} · Guests`,
      description: `Riders and airport-transfer guests in ${city.name}.`,
      audience: 'guest',
      city: city.code,
      team: 'SUPPORT_L1',
    },
    {
      code: `${city.code}_DRIVER`,
      name: `${city.name} · Drivers`,
      description: `Drivers and partner companies in ${city.name}.`,
      audience: 'driver',
      city: city.code,
      team: 'SUPPORT_L1',
    },
  ]),
  {
    code: 'ESCALATIONS_GUEST',
    name: 'Escalations · Guests',
    description: 'Guest cases handed over by L1: safety, refunds above limits, complaints.',
    audience: 'guest',
    city: null,
    team: 'ESCALATIONS_L2',
  },
  {
    code: 'ESCALATIONS_DRIVER',
    name: 'Escalations · Drivers',
    description: 'Driver cases handed over by L1: payouts, deactivations, safety.',
    audience: 'driver',
    city: null,
    team: 'ESCALATIONS_L2',
  },
];

export interface StaffMember {
  id: string;
  definition: DemoUser;
  firstName: string;
}

/** Ids of everything the conversation generator refers to. */
export interface Organisation {
  cityIds: ReadonlyMap<CityCode, string>;
  teamIds: ReadonlyMap<TeamCode, string>;
  inboxIds: ReadonlyMap<string, string>;
  staff: readonly StaffMember[];
  staffByEmail: ReadonlyMap<string, StaffMember>;
  counts: { cities: number; teams: number; users: number; inboxes: number; memberships: number };
}

/** better-auth's id shape: 32 letters and digits. */
function userId(random: Random): string {
  return random.token(32, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
}

export async function insertOrganisation(
  db: DatabaseOrTransaction,
  random: Random,
  createdAt: Date,
): Promise<Organisation> {
  const cityIds = new Map(CITIES.map((city) => [city.code, random.uuid()]));
  const teamIds = new Map(DEMO_TEAMS.map((team) => [team.code, random.uuid()]));
  const inboxIds = new Map(DEMO_INBOXES.map((inbox) => [inbox.code, random.uuid()]));
  const staff: StaffMember[] = DEMO_USERS.map((definition) => ({
    id: userId(random),
    definition,
    firstName: definition.name.split(' ')[0]!,
  }));
  const accountIds = staff.map(() => userId(random));
  // scrypt is deliberately slow (~0.1 s) and memory-hard (32 MB a hash): one hash per
  // person, two at a time.
  const hashes: string[] = [];
  for (let start = 0; start < staff.length; start += 2) {
    hashes.push(
      ...(await Promise.all(staff.slice(start, start + 2).map(() => hashPassword(DEMO_PASSWORD)))),
    );
  }

  await db.insert(cities).values(
    CITIES.map((city) => ({
      id: cityIds.get(city.code)!,
      code: city.code,
      name: city.name,
      countryCode: city.countryCode,
      timeZone: city.timeZone,
      currency: city.currency,
      languages: city.languages,
      createdAt,
    })),
  );
  await db.insert(teams).values(
    DEMO_TEAMS.map((team) => ({
      id: teamIds.get(team.code)!,
      code: team.code,
      name: team.name,
      kind: team.kind,
      description: team.description,
      createdAt,
    })),
  );
  await db.insert(users).values(
    staff.map(({ id, definition }) => ({
      id,
      name: definition.name,
      email: definition.email,
      emailVerified: true,
      role: definition.role,
      languages: [...definition.languages],
      skills: [...definition.skills],
      capacity: definition.capacity,
      availability: definition.availability,
      timeZone: definition.timeZone,
      createdAt,
      updatedAt: createdAt,
    })),
  );
  await db.insert(accounts).values(
    staff.map(({ id }, index) => ({
      id: accountIds[index]!,
      accountId: id,
      providerId: 'credential',
      userId: id,
      password: hashes[index]!,
      createdAt,
      updatedAt: createdAt,
    })),
  );
  const membershipRows = staff.flatMap(({ id, definition }) =>
    definition.teams.map(([team, role]) => ({
      teamId: teamIds.get(team)!,
      userId: id,
      role,
      createdAt,
    })),
  );
  await db.insert(memberships).values(membershipRows);
  await db.insert(inboxes).values(
    DEMO_INBOXES.map((inbox) => ({
      id: inboxIds.get(inbox.code)!,
      code: inbox.code,
      name: inbox.name,
      description: inbox.description,
      audience: inbox.audience,
      cityId: inbox.city ? cityIds.get(inbox.city)! : null,
      teamId: teamIds.get(inbox.team)!,
      createdAt,
    })),
  );

  return {
    cityIds,
    teamIds,
    inboxIds,
    staff,
    staffByEmail: new Map(staff.map((member) => [member.definition.email, member])),
    counts: {
      cities: CITIES.length,
      teams: DEMO_TEAMS.length,
      users: staff.length,
      inboxes: DEMO_INBOXES.length,
      memberships: membershipRows.length,
    },
  };
}
