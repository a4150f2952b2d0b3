import { AGENT_TIERS, type AgentTier, type Role } from './roles.ts';

/*
 * Certifications gate what an agent may handle: a request type can require one (routing never
 * gives it to an agent without a valid grant) and the guardrail tier an agent acts at is the
 * highest tier their valid certifications grant. Everything here is a decision on stored facts.
 */

const DAY_MS = 86_400_000;

export const CERTIFICATION_STATES = ['valid', 'expiring_soon', 'expired'] as const;
export type CertificationState = (typeof CERTIFICATION_STATES)[number];

export const CERTIFICATION_STATE_LABELS: Record<CertificationState, string> = {
  valid: 'Valid',
  expiring_soon: 'Expiring soon',
  expired: 'Expired',
};

export const CERTIFICATION_SOURCES = ['curriculum', 'trainer', 'seed'] as const;
export type CertificationSource = (typeof CERTIFICATION_SOURCES)[number];

export const CERTIFICATION_SOURCE_LABELS: Record<CertificationSource, string> = {
  curriculum: 'Completed a curriculum',
  trainer: 'Granted by a trainer',
  seed: 'Imported',
};

/** A grant as the decisions read it; `expiresAt` null: it does not expire. */
export interface CertificationGrant {
  expiresAt: Date | null;
}

/** A grant with what its certification says about renewal. */
export interface RenewableGrant extends CertificationGrant {
  /** Days before expiry the holder is reminded to renew (0: no reminder). */
  renewalReminderDays: number;
}

/** When a grant made at `grantedAt` expires under a validity of `validityDays` (null: never). */
export function certificationExpiry(grantedAt: Date, validityDays: number | null): Date | null {
  return validityDays === null ? null : new Date(grantedAt.getTime() + validityDays * DAY_MS);
}

/**
 * Whether the grant counts at `now`. The expiry instant itself no longer counts — the same
 * boundary routing uses (`expires_at > now`), so the gate and the tier never disagree.
 */
export function isCertificationValid(grant: CertificationGrant, now: Date): boolean {
  return grant.expiresAt === null || grant.expiresAt.getTime() > now.getTime();
}

/**
 * Whether `role` is held to a request type's certification when taking a conversation by hand
 * (assigned by a colleague, or by replying). Only agents are: leads, trainers and admins
 * supervise and may take anything.
 */
export function heldToCertificationGate(role: Role): boolean {
  return role === 'agent';
}

/**
 * Whether someone of `role` with `grant` (null: never granted) lacks a required certification
 * at `now` for taking a conversation by hand.
 */
export function lacksRequiredCertification(
  role: Role,
  grant: CertificationGrant | null,
  now: Date,
): boolean {
  return heldToCertificationGate(role) && !(grant !== null && isCertificationValid(grant, now));
}

/** When the renewal window opens (null for a grant that does not expire). */
export function renewalWindowOpensAt(grant: RenewableGrant): Date | null {
  if (grant.expiresAt === null) return null;
  return new Date(grant.expiresAt.getTime() - grant.renewalReminderDays * DAY_MS);
}

/** Valid; valid but inside its renewal window; or expired. */
export function certificationState(grant: RenewableGrant, now: Date): CertificationState {
  if (!isCertificationValid(grant, now)) return 'expired';
  const opens = renewalWindowOpensAt(grant);
  return opens !== null && now.getTime() >= opens.getTime() ? 'expiring_soon' : 'valid';
}

/**
 * Whole days until expiry, rounded up (a grant expiring in 3 hours has 1 day left); 0 or
 * less once expired (-2: expired two days ago); null when it does not expire.
 */
export function daysUntilExpiry(grant: CertificationGrant, now: Date): number | null {
  if (grant.expiresAt === null) return null;
  const left = grant.expiresAt.getTime() - now.getTime();
  return left > 0 ? Math.ceil(left / DAY_MS) : -Math.floor(-left / DAY_MS);
}

function daysPhrase(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** "Expires in 12 days", "Expires within a day", "Expired 3 days ago", "Does not expire". */
export function describeExpiry(grant: CertificationGrant, now: Date): string {
  const days = daysUntilExpiry(grant, now);
  if (days === null) return 'Does not expire';
  const left = grant.expiresAt!.getTime() - now.getTime();
  if (left <= 0)
    return days === 0 ? 'Expired less than a day ago' : `Expired ${daysPhrase(-days)} ago`;
  return left < DAY_MS ? 'Expires within a day' : `Expires in ${daysPhrase(days)}`;
}

// ——— Renewal reminders ———

export const CERTIFICATION_NOTICES = ['renewal_reminder', 'expired'] as const;
export type CertificationNotice = (typeof CERTIFICATION_NOTICES)[number];

/**
 * An expiry older than this is not announced any more: it was dealt with, or reminders were
 * not running then, and a pile of stale "it has expired" notices helps nobody. The console's
 * lists still show it.
 */
export const EXPIRED_NOTICE_GRACE_DAYS = 14;

export interface NoticeState extends RenewableGrant {
  /** The expiry the renewal reminder was sent for. */
  reminderSentForExpiry: Date | null;
  /** The expiry the "it has expired" notice was sent for. */
  expiredNoticeSentForExpiry: Date | null;
}

function sameInstant(a: Date | null, b: Date): boolean {
  return a !== null && a.getTime() === b.getTime();
}

/**
 * The notice a grant is owed at `now`: a renewal reminder once its window opens, and the
 * expired notice once it has lapsed — each once per expiry, so a renewal (a new expiry) starts
 * over. A grant that lapsed before its reminder went out gets only the expired notice.
 */
export function dueCertificationNotice(grant: NoticeState, now: Date): CertificationNotice | null {
  const { expiresAt } = grant;
  if (expiresAt === null) return null;
  if (!isCertificationValid(grant, now)) {
    if (sameInstant(grant.expiredNoticeSentForExpiry, expiresAt)) return null;
    const staleSince = expiresAt.getTime() + EXPIRED_NOTICE_GRACE_DAYS * DAY_MS;
    return now.getTime() > staleSince ? null : 'expired';
  }
  if (certificationState(grant, now) !== 'expiring_soon') return null;
  return sameInstant(grant.reminderSentForExpiry, expiresAt) ? null : 'renewal_reminder';
}

// ——— Guardrail tier ———

/** A grant with what it gives: a tier, if any; archived certifications give nothing. */
export interface TierGrant extends CertificationGrant {
  grantsTier: AgentTier | null;
  /** False once the certification is archived. */
  active: boolean;
}

const LOWEST_TIER: AgentTier = AGENT_TIERS[0];
const HIGHEST_TIER: AgentTier = AGENT_TIERS[AGENT_TIERS.length - 1]!;

function tierRank(tier: AgentTier): number {
  return AGENT_TIERS.indexOf(tier);
}

/** The grant that gives an agent their tier, or null when they act at the lowest tier. */
export function tierGivingGrant<Grant extends TierGrant>(
  grants: readonly Grant[],
  now: Date,
): Grant | null {
  let best: Grant | null = null;
  for (const grant of grants) {
    if (grant.grantsTier === null || !grant.active || !isCertificationValid(grant, now)) continue;
    if (best === null || tierRank(grant.grantsTier) > tierRank(best.grantsTier!)) best = grant;
  }
  return best;
}

/**
 * The tier a person's guardrail decisions are made at. Agents: the highest tier their valid
 * certifications grant, L1 without one. Leads, trainers and admins stepping into a
 * conversation act at the highest tier, as they always have; someone unknown at the lowest.
 */
export function guardrailTierOf(
  holder: { role: Role } | null,
  grants: readonly TierGrant[],
  now: Date,
): AgentTier {
  if (holder === null) return LOWEST_TIER;
  if (holder.role !== 'agent') return HIGHEST_TIER;
  return tierGivingGrant(grants, now)?.grantsTier ?? LOWEST_TIER;
}

// ——— Summary for display ———

export interface SummarisedGrant extends RenewableGrant, TierGrant {
  certificationName: string;
}

export interface CertificationSummary {
  valid: number;
  expiringSoon: number;
  expired: number;
  /** The soonest expiry among grants that still count. */
  nextExpiry: { certificationName: string; expiresAt: Date } | null;
  /** The certification the agent's tier comes from (null: none gives one). */
  tierFrom: { certificationName: string; tier: AgentTier } | null;
}

/** What a person holds at a glance: counts per state, the next expiry, where the tier comes from. */
export function summariseCertifications(
  grants: readonly SummarisedGrant[],
  now: Date,
): CertificationSummary {
  const live = grants.filter((grant) => grant.active);
  const states = live.map((grant) => certificationState(grant, now));
  const counting = live.filter((grant) => isCertificationValid(grant, now));
  let nextExpiry: CertificationSummary['nextExpiry'] = null;
  for (const grant of counting) {
    if (grant.expiresAt === null) continue;
    if (nextExpiry === null || grant.expiresAt.getTime() < nextExpiry.expiresAt.getTime()) {
      nextExpiry = { certificationName: grant.certificationName, expiresAt: grant.expiresAt };
    }
  }
  const giving = tierGivingGrant(live, now);
  return {
    valid: states.filter((state) => state === 'valid').length,
    expiringSoon: states.filter((state) => state === 'expiring_soon').length,
    expired: states.filter((state) => state === 'expired').length,
    nextExpiry,
    tierFrom:
      giving === null
        ? null
        : { certificationName: giving.certificationName, tier: giving.grantsTier! },
  };
}

/** "Valid for 365 days", "Does not expire". */
export function describeValidity(validityDays: number | null): string {
  if (validityDays === null) return 'Does not expire';
  return `Valid for ${validityDays} ${validityDays === 1 ? 'day' : 'days'}`;
}
