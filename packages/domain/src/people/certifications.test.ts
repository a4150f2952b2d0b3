import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  certificationExpiry,
  certificationState,
  daysUntilExpiry,
  describeExpiry,
  describeValidity,
  dueCertificationNotice,
  EXPIRED_NOTICE_GRACE_DAYS,
  guardrailTierOf,
  isCertificationValid,
  lacksRequiredCertification,
  type NoticeState,
  renewalWindowOpensAt,
  summariseCertifications,
  type TierGrant,
  tierGivingGrant,
} from './certifications.ts';

const DAY = 86_400_000;
const now = new Date('2026-11-24T10:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * DAY);

describe('validity and expiry', () => {
  it('computes the expiry from the validity, and none for a certification that does not expire', () => {
    expect(certificationExpiry(now, 365)).toEqual(new Date('2027-11-24T10:00:00Z'));
    expect(certificationExpiry(now, null)).toBeNull();
  });

  it('counts a grant until its expiry instant, never at or after it', () => {
    expect(isCertificationValid({ expiresAt: null }, now)).toBe(true);
    expect(isCertificationValid({ expiresAt: new Date(now.getTime() + 1) }, now)).toBe(true);
    expect(isCertificationValid({ expiresAt: now }, now)).toBe(false);
    expect(isCertificationValid({ expiresAt: inDays(-3) }, now)).toBe(false);
  });

  it('holds only agents to a required certification when they take a conversation by hand', () => {
    expect(lacksRequiredCertification('agent', null, now)).toBe(true);
    expect(lacksRequiredCertification('agent', { expiresAt: inDays(-1) }, now)).toBe(true);
    expect(lacksRequiredCertification('agent', { expiresAt: inDays(1) }, now)).toBe(false);
    expect(lacksRequiredCertification('agent', { expiresAt: null }, now)).toBe(false);
    for (const role of ['lead', 'trainer', 'admin'] as const) {
      expect(lacksRequiredCertification(role, null, now)).toBe(false);
    }
  });

  it('is expiring soon once the renewal window opens', () => {
    const grant = (days: number) => ({ expiresAt: inDays(days), renewalReminderDays: 30 });
    expect(certificationState(grant(31), now)).toBe('valid');
    expect(certificationState(grant(30), now)).toBe('expiring_soon');
    expect(certificationState(grant(1), now)).toBe('expiring_soon');
    expect(certificationState(grant(0), now)).toBe('expired');
    expect(certificationState({ expiresAt: null, renewalReminderDays: 30 }, now)).toBe('valid');
    // No reminder: valid right up to expiry.
    expect(certificationState({ expiresAt: inDays(1), renewalReminderDays: 0 }, now)).toBe('valid');
    expect(renewalWindowOpensAt(grant(40))).toEqual(inDays(10));
    expect(renewalWindowOpensAt({ expiresAt: null, renewalReminderDays: 30 })).toBeNull();
  });

  it('says how long is left in words a holder reads', () => {
    expect(daysUntilExpiry({ expiresAt: new Date(now.getTime() + 3 * 3_600_000) }, now)).toBe(1);
    expect(daysUntilExpiry({ expiresAt: inDays(-2) }, now)).toBe(-2);
    expect(daysUntilExpiry({ expiresAt: null }, now)).toBeNull();
    expect(describeExpiry({ expiresAt: inDays(12) }, now)).toBe('Expires in 12 days');
    expect(describeExpiry({ expiresAt: new Date(now.getTime() + 3_600_000) }, now)).toBe(
      'Expires within a day',
    );
    expect(describeExpiry({ expiresAt: inDays(-1) }, now)).toBe('Expired 1 day ago');
    expect(describeExpiry({ expiresAt: inDays(-3) }, now)).toBe('Expired 3 days ago');
    expect(describeExpiry({ expiresAt: new Date(now.getTime() - 60_000) }, now)).toBe(
      'Expired less than a day ago',
    );
    expect(describeExpiry({ expiresAt: null }, now)).toBe('Does not expire');
    expect(describeValidity(180)).toBe('Valid for 180 days');
    expect(describeValidity(1)).toBe('Valid for 1 day');
    expect(describeValidity(null)).toBe('Does not expire');
  });

  it('property: a grant is valid exactly when its state is not expired', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
        fc.integer({ min: 0, max: 365 }),
        (days, reminderDays) => {
          const grant = {
            expiresAt: days === null ? null : new Date(now.getTime() + days * 3_600_000),
            renewalReminderDays: reminderDays,
          };
          expect(isCertificationValid(grant, now)).toBe(
            certificationState(grant, now) !== 'expired',
          );
        },
      ),
    );
  });
});

describe('renewal notices', () => {
  const grant = (overrides: Partial<NoticeState> = {}): NoticeState => ({
    expiresAt: inDays(20),
    renewalReminderDays: 30,
    reminderSentForExpiry: null,
    expiredNoticeSentForExpiry: null,
    ...overrides,
  });

  it('reminds once the window opens, once per expiry', () => {
    expect(dueCertificationNotice(grant({ expiresAt: inDays(45) }), now)).toBeNull();
    expect(dueCertificationNotice(grant(), now)).toBe('renewal_reminder');
    expect(dueCertificationNotice(grant({ reminderSentForExpiry: inDays(20) }), now)).toBeNull();
    // Renewed: a new expiry, so the reminder for the old one does not count.
    expect(
      dueCertificationNotice(
        grant({ expiresAt: inDays(10), reminderSentForExpiry: inDays(-355) }),
        now,
      ),
    ).toBe('renewal_reminder');
  });

  it('tells the holder once it has expired, and not about long-stale expiries', () => {
    const lapsed = grant({ expiresAt: inDays(-1), reminderSentForExpiry: inDays(-1) });
    expect(dueCertificationNotice(lapsed, now)).toBe('expired');
    expect(
      dueCertificationNotice({ ...lapsed, expiredNoticeSentForExpiry: inDays(-1) }, now),
    ).toBeNull();
    // Lapsed before any reminder went out: only the expired notice.
    expect(dueCertificationNotice(grant({ expiresAt: inDays(-2) }), now)).toBe('expired');
    expect(
      dueCertificationNotice(grant({ expiresAt: inDays(-EXPIRED_NOTICE_GRACE_DAYS - 1) }), now),
    ).toBeNull();
  });

  it('never notices a grant that does not expire, nor reminds with 0 reminder days', () => {
    expect(dueCertificationNotice(grant({ expiresAt: null }), now)).toBeNull();
    expect(
      dueCertificationNotice(grant({ expiresAt: inDays(1), renewalReminderDays: 0 }), now),
    ).toBeNull();
  });

  it('property: once a notice is recorded for the expiry, the same notice is never due again', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20 * 24, max: 400 * 24 }),
        fc.integer({ min: 0, max: 365 }),
        fc.integer({ min: 0, max: 30 * 24 }),
        (hoursLeft, reminderDays, laterHours) => {
          const expiresAt = new Date(now.getTime() + hoursLeft * 3_600_000);
          let state = grant({ expiresAt, renewalReminderDays: reminderDays });
          const first = dueCertificationNotice(state, now);
          if (first === 'renewal_reminder') state = { ...state, reminderSentForExpiry: expiresAt };
          if (first === 'expired') {
            state = {
              ...state,
              reminderSentForExpiry: expiresAt,
              expiredNoticeSentForExpiry: expiresAt,
            };
          }
          if (first !== null) expect(dueCertificationNotice(state, now)).toBeNull();
          const later = new Date(now.getTime() + laterHours * 3_600_000);
          const next = dueCertificationNotice(state, later);
          if (first !== null) expect(next).not.toBe(first);
        },
      ),
    );
  });
});

describe('the guardrail tier', () => {
  const senior = (expiresAt: Date | null, active = true): TierGrant => ({
    expiresAt,
    grantsTier: 'L2',
    active,
  });
  const language: TierGrant = { expiresAt: null, grantsTier: null, active: true };

  it('gives an agent the highest tier of their valid certifications, L1 without one', () => {
    const agent = { role: 'agent' as const };
    expect(guardrailTierOf(agent, [], now)).toBe('L1');
    expect(guardrailTierOf(agent, [language], now)).toBe('L1');
    expect(guardrailTierOf(agent, [language, senior(inDays(100))], now)).toBe('L2');
    expect(guardrailTierOf(agent, [senior(null)], now)).toBe('L2');
  });

  it('does not count an expired grant, nor one of an archived certification', () => {
    const agent = { role: 'agent' as const };
    expect(guardrailTierOf(agent, [senior(inDays(-1))], now)).toBe('L1');
    expect(guardrailTierOf(agent, [senior(now)], now)).toBe('L1');
    expect(guardrailTierOf(agent, [senior(inDays(10), false)], now)).toBe('L1');
  });

  it('lets leads, trainers and admins act at the highest tier, and someone unknown at the lowest', () => {
    for (const role of ['lead', 'trainer', 'admin'] as const) {
      expect(guardrailTierOf({ role }, [], now)).toBe('L2');
    }
    expect(guardrailTierOf(null, [senior(null)], now)).toBe('L1');
  });

  it('names the grant the tier comes from', () => {
    const soon = { ...senior(inDays(5)), name: 'Senior refunds' };
    const none = { ...language, name: 'Portuguese' };
    expect(tierGivingGrant([none, soon], now)?.name).toBe('Senior refunds');
    expect(tierGivingGrant([none], now)).toBeNull();
  });

  it('property: an agent’s tier is L2 exactly when a valid, active L2 grant exists', () => {
    const grantArb = fc.record({
      expiresAt: fc.option(
        fc.integer({ min: -100, max: 100 }).map((days) => inDays(days)),
        { nil: null },
      ),
      grantsTier: fc.constantFrom('L1' as const, 'L2' as const, null),
      active: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(grantArb, { maxLength: 6 }), (grants) => {
        const expected = grants.some(
          (grant) => grant.grantsTier === 'L2' && grant.active && isCertificationValid(grant, now),
        );
        expect(guardrailTierOf({ role: 'agent' }, grants, now)).toBe(expected ? 'L2' : 'L1');
      }),
    );
  });
});

describe('the summary', () => {
  it('counts each state, finds the next expiry and where the tier comes from', () => {
    const grant = (
      certificationName: string,
      expiresAt: Date | null,
      extra: { grantsTier?: 'L2'; active?: boolean } = {},
    ) => ({
      certificationName,
      expiresAt,
      renewalReminderDays: 30,
      grantsTier: extra.grantsTier ?? null,
      active: extra.active ?? true,
    });
    const summary = summariseCertifications(
      [
        grant('Guest refunds', inDays(200)),
        grant('Senior refunds', inDays(12), { grantsTier: 'L2' }),
        grant('Safety incidents', inDays(-4)),
        grant('Portuguese', null),
        grant('Retired course', inDays(2), { active: false }),
      ],
      now,
    );
    expect(summary).toEqual({
      valid: 2,
      expiringSoon: 1,
      expired: 1,
      nextExpiry: { certificationName: 'Senior refunds', expiresAt: inDays(12) },
      tierFrom: { certificationName: 'Senior refunds', tier: 'L2' },
    });
    expect(summariseCertifications([], now)).toEqual({
      valid: 0,
      expiringSoon: 0,
      expired: 0,
      nextExpiry: null,
      tierFrom: null,
    });
  });
});
