import type { Priority } from '../conversations/priority.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface SlaTargets {
  /** Creation → first public reply by a human agent. */
  firstResponseMs: number;
  /** A later inbound message → the next public agent reply. */
  nextResponseMs: number;
  /** Creation → resolved. */
  resolutionMs: number;
}

/**
 * Default targets per priority, in calendar time (24/7), used until an inbox has its own
 * SLA policy and business calendar.
 */
export const DEFAULT_SLA_TARGETS: Record<Priority, SlaTargets> = {
  P1: { firstResponseMs: 15 * MINUTE, nextResponseMs: 15 * MINUTE, resolutionMs: 4 * HOUR },
  P2: { firstResponseMs: 1 * HOUR, nextResponseMs: 1 * HOUR, resolutionMs: 24 * HOUR },
  P3: { firstResponseMs: 4 * HOUR, nextResponseMs: 4 * HOUR, resolutionMs: 72 * HOUR },
  P4: { firstResponseMs: 24 * HOUR, nextResponseMs: 24 * HOUR, resolutionMs: 7 * 24 * HOUR },
};

/** A conversation whose next due time is this close is shown as "at risk". */
export const SLA_AT_RISK_MS = 30 * MINUTE;
