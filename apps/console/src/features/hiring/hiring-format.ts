import {
  CANDIDATE_REJECTION_LABELS,
  type CandidateRejectionReason,
  HIRING_RECOMMENDATION_LABELS,
  type HiringRecommendation,
  REQUISITION_STATUS_LABELS,
  type RequisitionStatus,
} from '@switchboard/domain';

const DAY_MS = 86_400_000;

/** "3 days", "today": how long someone has been in their stage. */
export function daysSince(since: Date, now: Date): string {
  const days = Math.floor((now.getTime() - since.getTime()) / DAY_MS);
  if (days <= 0) return 'today';
  return days === 1 ? '1 day' : `${days} days`;
}

/** A 1–5 average to one decimal, "—" when nobody rated. */
export function ratingText(average: number | null): string {
  return average === null ? '—' : average.toFixed(1);
}

/** "2026-06-01" → "1 Jun 2026", read as a calendar date whatever the viewer's zone. */
export function dateText(isoDate: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function statusLabel(status: RequisitionStatus): string {
  return REQUISITION_STATUS_LABELS[status];
}

export function rejectionLabel(reason: CandidateRejectionReason | null): string {
  return reason ? CANDIDATE_REJECTION_LABELS[reason] : 'No reason recorded';
}

export function recommendationLabel(value: HiringRecommendation): string {
  return HIRING_RECOMMENDATION_LABELS[value];
}
