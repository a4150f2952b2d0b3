import { type AgentTier, certificationExpiry } from '@switchboard/domain';
import { inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { certifications, userCertifications, users } from '../schema/index.ts';
import { DEMO_USERS, demoEmail } from './organisation.ts';

/*
 * The demo's certifications: what the Lisbon operator's agents are certified for, with grants
 * spread over the past year so the console has expiring and expired ones to show, and the L2
 * specialists holding "Senior refunds", which is where their guardrail tier comes from.
 */

const DAY = 86_400_000;

interface DemoCertification {
  code: string;
  name: string;
  description: string;
  validityDays: number | null;
  renewalReminderDays: number;
  grantsTier: AgentTier | null;
}

export const DEMO_CERTIFICATIONS: readonly DemoCertification[] = [
  {
    code: 'SAFETY',
    name: 'Safety incidents',
    description: 'Handles accident, assault and threat reports end to end, with the 112 script.',
    validityDays: 180,
    renewalReminderDays: 30,
    grantsTier: null,
  },
  {
    code: 'GUEST_REFUNDS',
    name: 'Guest refunds',
    description: 'Refunds and goodwill for guests within the L1 limits of the guardrail policy.',
    validityDays: 365,
    renewalReminderDays: 30,
    grantsTier: null,
  },
  {
    code: 'SENIOR_REFUNDS',
    name: 'Senior refunds',
    description:
      'Refunds, gestures and rebookings up to the L2 limits; complex disputes and chargebacks.',
    validityDays: 365,
    renewalReminderDays: 45,
    grantsTier: 'L2',
  },
  {
    code: 'DRIVER_PAYOUTS',
    name: 'Driver payouts',
    description: 'Payout, earnings and statement cases for drivers and supplier companies.',
    validityDays: 365,
    renewalReminderDays: 30,
    grantsTier: null,
  },
  {
    code: 'LANGUAGE_PT',
    name: 'Portuguese (support level)',
    description: 'Writes to Lisbon guests and drivers in European Portuguese.',
    validityDays: null,
    renewalReminderDays: 30,
    grantsTier: null,
  },
  {
    code: 'LANGUAGE_AR',
    name: 'Arabic (support level)',
    description: 'Writes to Dubai guests and drivers in Arabic.',
    validityDays: null,
    renewalReminderDays: 30,
    grantsTier: null,
  },
];

type Code = (typeof DEMO_CERTIFICATIONS)[number]['code'];

interface DemoGrant {
  holder: string;
  code: Code;
  /** Granted this many days before the seed's "now". */
  daysAgo: number;
  /** Granted by the demo trainer with this note (otherwise imported with the demo). */
  note?: string;
}

/** The L2 specialists hold Senior refunds; Sofia's runs out within its reminder window. */
const SENIOR: DemoGrant[] = DEMO_USERS.filter(
  (user) => user.role === 'agent' && user.agentTier === 'L2',
).map((user, index) => ({
  holder: user.email,
  code: 'SENIOR_REFUNDS',
  daysAgo: user.email === demoEmail('sofia.costa') ? 335 : 40 + index * 25,
}));

const DEMO_GRANTS: readonly DemoGrant[] = [
  ...SENIOR,
  {
    holder: demoEmail('agent'),
    code: 'GUEST_REFUNDS',
    daysAgo: 100,
    note: 'Passed the refunds module.',
  },
  { holder: demoEmail('ana.silva'), code: 'GUEST_REFUNDS', daysAgo: 350 },
  { holder: demoEmail('joao.pereira'), code: 'GUEST_REFUNDS', daysAgo: 372 },
  { holder: demoEmail('lucia.mendez'), code: 'GUEST_REFUNDS', daysAgo: 200 },
  {
    holder: demoEmail('emily.clarke'),
    code: 'GUEST_REFUNDS',
    daysAgo: 20,
    note: 'Nesting done, QA 92%.',
  },
  { holder: demoEmail('priya.nair'), code: 'DRIVER_PAYOUTS', daysAgo: 120 },
  { holder: demoEmail('rui.santos'), code: 'DRIVER_PAYOUTS', daysAgo: 60 },
  { holder: demoEmail('omar.haddad'), code: 'DRIVER_PAYOUTS', daysAgo: 380 },
  { holder: demoEmail('priya.nair'), code: 'SAFETY', daysAgo: 30 },
  { holder: demoEmail('lead'), code: 'SAFETY', daysAgo: 90 },
  { holder: demoEmail('karim.mansour'), code: 'SAFETY', daysAgo: 20 },
  { holder: demoEmail('claire.dubois'), code: 'SAFETY', daysAgo: 170 },
  { holder: demoEmail('carlos.ortega'), code: 'SAFETY', daysAgo: 195 },
  { holder: demoEmail('agent'), code: 'LANGUAGE_PT', daysAgo: 300 },
  { holder: demoEmail('ana.silva'), code: 'LANGUAGE_PT', daysAgo: 390 },
  { holder: demoEmail('joao.pereira'), code: 'LANGUAGE_PT', daysAgo: 390 },
  { holder: demoEmail('rui.santos'), code: 'LANGUAGE_PT', daysAgo: 390 },
  { holder: demoEmail('omar.haddad'), code: 'LANGUAGE_AR', daysAgo: 390 },
  { holder: demoEmail('fatima.alnuaimi'), code: 'LANGUAGE_AR', daysAgo: 390 },
  { holder: demoEmail('youssef.amrani'), code: 'LANGUAGE_AR', daysAgo: 390 },
  { holder: demoEmail('karim.mansour'), code: 'LANGUAGE_AR', daysAgo: 390 },
];

/**
 * Inserts the catalog and the grants, leaving any already there alone, so a database seeded
 * before certifications had validities gets the new ones too. Returns the certifications added.
 */
export async function insertDemoCertifications(
  db: DatabaseOrTransaction,
  now: Date,
): Promise<number> {
  const added = await db
    .insert(certifications)
    .values(DEMO_CERTIFICATIONS.map((certification) => ({ ...certification, createdAt: now })))
    .onConflictDoNothing({ target: certifications.code })
    .returning({ id: certifications.id });
  const catalog = await db
    .select({
      id: certifications.id,
      code: certifications.code,
      validityDays: certifications.validityDays,
    })
    .from(certifications)
    .where(
      inArray(
        certifications.code,
        DEMO_CERTIFICATIONS.map((certification) => certification.code),
      ),
    );
  const byCode = new Map(catalog.map((row) => [row.code, row]));
  const staff = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(users.email, [
        ...new Set([...DEMO_GRANTS.map((grant) => grant.holder), demoEmail('trainer')]),
      ]),
    );
  const staffId = new Map(staff.map((person) => [person.email, person.id]));
  const trainerId = staffId.get(demoEmail('trainer')) ?? null;
  const rows = DEMO_GRANTS.flatMap((grant) => {
    const userId = staffId.get(grant.holder);
    const certification = byCode.get(grant.code);
    if (!userId || !certification) return [];
    const grantedAt = new Date(now.getTime() - grant.daysAgo * DAY);
    return [
      {
        userId,
        certificationId: certification.id,
        grantedAt,
        expiresAt: certificationExpiry(grantedAt, certification.validityDays),
        source: grant.note ? ('trainer' as const) : ('seed' as const),
        grantedById: grant.note ? trainerId : null,
        note: grant.note ?? '',
      },
    ];
  });
  if (rows.length > 0) await db.insert(userCertifications).values(rows).onConflictDoNothing();
  return added.length;
}
