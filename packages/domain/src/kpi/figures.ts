import type { SlaTargetKind } from '../sla/policy.ts';

/** Nearest-rank percentiles (PostgreSQL's percentile_disc): always a value that occurred. */
export interface DurationFigure {
  count: number;
  p50Seconds: number | null;
  p90Seconds: number | null;
  p50BusinessSeconds: number | null;
  p90BusinessSeconds: number | null;
}

export interface SlaTargetFigure {
  due: number;
  met: number;
  attainment: number | null;
}

export const BACKLOG_AGE_BUCKETS = ['under4h', 'from4to24h', 'from1to3d', 'over3d'] as const;
export type BacklogAgeBucket = (typeof BACKLOG_AGE_BUCKETS)[number];

export const BACKLOG_AGE_LABELS: Record<BacklogAgeBucket, string> = {
  under4h: '< 4 h',
  from4to24h: '4–24 h',
  from1to3d: '1–3 d',
  over3d: '> 3 d',
};

export interface KpiFigures {
  /** Conversations created in the period. */
  created: number;
  firstResponse: DurationFigure;
  resolution: DurationFigure;
  sla: Record<SlaTargetKind, SlaTargetFigure>;
  backlog: {
    open: number;
    ages: Record<BacklogAgeBucket, number>;
    oldestCreatedAt: Date | null;
    breachedOpen: number;
    /** Local days of the period: conversations created (inflow) and finally resolved (outflow). */
    daily: Array<{ date: string; inflow: number; outflow: number }>;
  };
  routingAccuracy: {
    routed: number;
    accurate: number;
    transferred: number;
    open: number;
    rate: number | null;
  };
  csat: {
    ratings: number;
    positive: number;
    score: number | null;
    requested: number;
    responded: number;
    responseRate: number | null;
  };
  fcr: { resolved: number; oneTouch: number; rate: number | null };
  reopen: { resolved: number; reopened: number; rate: number | null };
  escalation: { handled: number; escalated: number; rate: number | null };
  contactRate: { conversations: number; trips: number; perThousandTrips: number | null };
}

/** One row of a breakdown: the headline figures of one slice value. */
export interface KpiBreakdownRow {
  key: string | null;
  created: number;
  firstResponseP50BusinessSeconds: number | null;
  firstResponseP90BusinessSeconds: number | null;
  resolutionP50BusinessSeconds: number | null;
  resolutionP90BusinessSeconds: number | null;
  firstResponses: number;
  resolutions: number;
  slaDue: number;
  slaMet: number;
  ratings: number;
  positiveRatings: number;
  resolved: number;
  oneTouch: number;
  reopened: number;
  escalated: number;
  open: number;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** The 1-based position of the `share` (0–1) percentile among `count` sorted values. */
export function nearestRank(count: number, share: number): number {
  return Math.max(1, Math.ceil(share * count));
}

/** The value below which `share` (0–1) of the values fall, nearest rank. */
export function percentile(values: readonly number[], share: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[nearestRank(sorted.length, share) - 1] ?? null;
}
