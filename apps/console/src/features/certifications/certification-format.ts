import { CERTIFICATION_STATE_LABELS, type CertificationState } from '@switchboard/domain';

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** "12 Mar 2027": grants are about days, not minutes. */
export function formatDay(date: Date): string {
  return DAY_FORMAT.format(date);
}

/** Under the state badge: "until 12 Mar 2027", "since 3 Nov 2026", "no expiry". */
export function expiryNote(grant: { state: CertificationState; expiresAt: Date | null }): string {
  if (grant.expiresAt === null) return 'no expiry';
  return grant.state === 'expired'
    ? `since ${formatDay(grant.expiresAt)}`
    : `until ${formatDay(grant.expiresAt)}`;
}

/** A cell as a spreadsheet reads it: "Expiring soon until 2027-03-12". */
export function grantSummary(grant: { state: CertificationState; expiresAt: Date | null }): string {
  const label = CERTIFICATION_STATE_LABELS[grant.state];
  if (grant.expiresAt === null) return `${label}, no expiry`;
  const day = grant.expiresAt.toISOString().slice(0, 10);
  return grant.state === 'expired' ? `${label} since ${day}` : `${label} until ${day}`;
}
