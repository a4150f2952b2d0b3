import type { TrainingProgressStatus } from './progress.ts';

/*
 * A new SOP version asks the people who completed a reading of that SOP to read it again. The
 * progress row keeps the version they acknowledged; the latest published version is compared
 * with it, so nothing needs rewriting when a version is published.
 */

export interface SopAcknowledgementFacts {
  status: TrainingProgressStatus;
  acknowledgedVersion: number | null;
  latestPublishedVersion: number | null;
}

/** Completed at an older version than the one published now. */
export function needsReacknowledgement(facts: SopAcknowledgementFacts): boolean {
  return (
    facts.status === 'completed' &&
    facts.acknowledgedVersion !== null &&
    facts.latestPublishedVersion !== null &&
    facts.acknowledgedVersion < facts.latestPublishedVersion
  );
}

/** "Re-acknowledge: Cancellation and refund v2". */
export function reacknowledgementTitle(sopTitle: string, version: number): string {
  return `Re-acknowledge: ${sopTitle} v${version}`;
}
