import type { ProcedureOutput } from '@switchboard/ui/testing';

type CatalogRow = ProcedureOutput<'certifications.list'>[number];
type HoldersAnswer = ProcedureOutput<'certifications.holders'>;
type HolderRow = HoldersAnswer['items'][number];
type ExpiringRow = ProcedureOutput<'certifications.expiring'>['items'][number];

export const REFUNDS_ID = '21212121-2121-4121-8121-212121212121';
export const SENIOR_ID = '23232323-2323-4323-8323-232323232323';
export const ANA_ID = 'user-ana';
export const RUI_ID = 'user-rui';

const DAY = 86_400_000;
export const inDays = (days: number) => new Date(Date.now() + days * DAY);

export function catalogRow(overrides: Partial<CatalogRow> = {}): CatalogRow {
  return {
    id: REFUNDS_ID,
    code: 'GUEST_REFUNDS',
    name: 'Guest refunds',
    description: 'Refunds and goodwill for guests.',
    validityDays: 365,
    renewalReminderDays: 30,
    grantsTier: null,
    active: true,
    updatedAt: new Date('2026-11-01T09:00:00Z'),
    valid: 4,
    expiringSoon: 1,
    expired: 2,
    requiredBy: [{ code: 'REFUND_REQUEST', name: 'Refund request', audience: 'guest' }],
    grantedByCurricula: [],
    ...overrides,
  };
}

export function seniorRow(): CatalogRow {
  return catalogRow({
    id: SENIOR_ID,
    code: 'SENIOR_REFUNDS',
    name: 'Senior refunds',
    description: 'Refunds up to the L2 limits.',
    renewalReminderDays: 45,
    grantsTier: 'L2',
    valid: 3,
    expiringSoon: 0,
    expired: 0,
    requiredBy: [],
    grantedByCurricula: [
      { id: '27272727-2727-4727-8727-272727272727', code: 'REFUNDS_201', name: 'Refunds 201' },
    ],
  });
}

export const HOLDER_COLUMNS: HoldersAnswer['certifications'] = [
  {
    id: REFUNDS_ID,
    code: 'GUEST_REFUNDS',
    name: 'Guest refunds',
    validityDays: 365,
    grantsTier: null,
  },
  {
    id: SENIOR_ID,
    code: 'SENIOR_REFUNDS',
    name: 'Senior refunds',
    validityDays: 365,
    grantsTier: 'L2',
  },
];

export function holderRow(overrides: Partial<HolderRow> = {}): HolderRow {
  return {
    id: ANA_ID,
    name: 'Ana Silva',
    email: 'ana.silva@switchboard.test',
    role: 'agent',
    teams: [{ id: '99999999-9999-4999-8999-999999999999', name: 'Lisbon Support L1' }],
    agentTier: 'L2',
    grants: [
      {
        certificationId: REFUNDS_ID,
        state: 'expiring_soon',
        grantedAt: new Date('2025-12-10T10:00:00Z'),
        expiresAt: new Date('2026-12-10T10:00:00Z'),
        source: 'trainer',
        note: 'Passed the refunds module.',
        grantedByName: 'Helen Okafor',
        curriculumName: null,
      },
      {
        certificationId: SENIOR_ID,
        state: 'valid',
        grantedAt: new Date('2026-06-01T10:00:00Z'),
        expiresAt: new Date('2027-06-01T10:00:00Z'),
        source: 'curriculum',
        note: '',
        grantedByName: null,
        curriculumName: 'Refunds 201',
      },
    ],
    ...overrides,
  };
}

export function ruiRow(): HolderRow {
  return holderRow({
    id: RUI_ID,
    name: 'Rui Santos',
    email: 'rui.santos@switchboard.test',
    agentTier: 'L1',
    grants: [
      {
        certificationId: REFUNDS_ID,
        state: 'expired',
        grantedAt: new Date('2025-10-01T10:00:00Z'),
        expiresAt: new Date('2026-10-01T10:00:00Z'),
        source: 'seed',
        note: '',
        grantedByName: null,
        curriculumName: null,
      },
    ],
  });
}

export function holdersAnswer(items: HolderRow[]): HoldersAnswer {
  return { items, total: items.length, limit: 50, offset: 0, certifications: HOLDER_COLUMNS };
}

export function expiringRow(overrides: Partial<ExpiringRow> = {}): ExpiringRow {
  return {
    userId: ANA_ID,
    name: 'Ana Silva',
    email: 'ana.silva@switchboard.test',
    certificationId: REFUNDS_ID,
    certificationCode: 'GUEST_REFUNDS',
    certificationName: 'Guest refunds',
    grantedAt: inDays(-353),
    expiresAt: inDays(12),
    source: 'trainer',
    state: 'expiring_soon',
    reminded: true,
    ...overrides,
  };
}
