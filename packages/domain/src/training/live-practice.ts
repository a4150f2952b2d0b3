import type { NestingSettings, ShadowingSettings } from './modules.ts';

/*
 * Live practice. Shadowing: the trainee sits with an experienced agent and logs each live
 * conversation they watched (their trainer can add or remove entries too, and signs the module
 * off). Nesting: the trainee handles live conversations themselves; those they resolved since
 * starting the module count, and the QA reviews of those conversations must average at or
 * above the threshold.
 */

export interface ShadowingProgress {
  done: number;
  required: number;
  met: boolean;
}

export function shadowingProgress(
  settings: ShadowingSettings,
  conversationsWatched: number,
): ShadowingProgress {
  const done = Math.min(conversationsWatched, settings.conversations);
  return { done, required: settings.conversations, met: done >= settings.conversations };
}

export interface NestingFacts {
  /** Conversations the trainee resolved since starting the module. */
  conversationsResolved: number;
  /** Scores (percent) of the submitted QA reviews of those conversations. */
  reviewScores: readonly number[];
}

export interface NestingProgress {
  done: number;
  required: number;
  reviews: number;
  reviewsRequired: number;
  /** Mean of the review scores, one decimal; null before the first review. */
  averageQa: number | null;
  threshold: number;
  conversationsMet: boolean;
  qaMet: boolean;
  met: boolean;
}

export function nestingProgress(settings: NestingSettings, facts: NestingFacts): NestingProgress {
  const done = Math.min(facts.conversationsResolved, settings.conversations);
  const reviews = facts.reviewScores.length;
  const averageQa =
    reviews === 0
      ? null
      : Math.round((facts.reviewScores.reduce((sum, score) => sum + score, 0) / reviews) * 10) / 10;
  const conversationsMet = done >= settings.conversations;
  const qaMet =
    reviews >= settings.minReviews &&
    averageQa !== null &&
    averageQa >= settings.qaThresholdPercent;
  return {
    done,
    required: settings.conversations,
    reviews,
    reviewsRequired: settings.minReviews,
    averageQa,
    threshold: settings.qaThresholdPercent,
    conversationsMet,
    qaMet,
    met: conversationsMet && qaMet,
  };
}

export function shadowingProgressText(progress: ShadowingProgress): string {
  return `${progress.done} of ${progress.required} conversations watched`;
}

/** "7 of 10 resolved · QA 88% over 4 reviews (needs ≥ 85% over 3)". */
export function nestingProgressText(progress: NestingProgress): string {
  const qa =
    progress.averageQa === null
      ? 'no QA reviews yet'
      : `QA ${progress.averageQa}% over ${progress.reviews} review${progress.reviews === 1 ? '' : 's'}`;
  return `${progress.done} of ${progress.required} resolved · ${qa} (needs ≥ ${progress.threshold}% over ${progress.reviewsRequired})`;
}
