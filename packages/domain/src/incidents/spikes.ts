/*
 * Spike detection: many similar conversations (same request type and city) in a short window,
 * well above what that pair usually gets, suggest an incident before anyone declares one.
 */

export const SPIKE_RULE = {
  /** The window counted, ending now. */
  windowMinutes: 30,
  /** At least this many in the window, whatever the usual. */
  minConversations: 5,
  /** And at least this many times the usual count for a window that long. */
  factor: 3,
  /** The usual: the average per window over this many days before the window. */
  baselineDays: 7,
} as const;

export interface SimilarCount {
  requestTypeCode: string;
  cityCode: string;
  /** Conversations created in the window. */
  inWindow: number;
  /** Conversations created in the baseline days before the window. */
  inBaseline: number;
}

export interface SpikeSuggestion extends SimilarCount {
  /** The usual count for one window, from the baseline. */
  usual: number;
  why: string;
}

/** The average count per window over the baseline days. */
export function usualPerWindow(inBaseline: number, rule = SPIKE_RULE): number {
  const windows = (rule.baselineDays * 24 * 60) / rule.windowMinutes;
  return inBaseline / windows;
}

/** The pairs that spike, biggest first; pairs an open incident already covers are left out. */
export function detectSpikes(
  counts: readonly SimilarCount[],
  covered: ReadonlySet<string> = new Set(),
  rule = SPIKE_RULE,
): SpikeSuggestion[] {
  return counts
    .filter((count) => !covered.has(spikeKey(count)))
    .map((count) => ({ ...count, usual: usualPerWindow(count.inBaseline, rule) }))
    .filter(
      (count) =>
        count.inWindow >= rule.minConversations && count.inWindow >= rule.factor * count.usual,
    )
    .sort((a, b) => b.inWindow - a.inWindow || a.requestTypeCode.localeCompare(b.requestTypeCode))
    .map((count) => ({
      ...count,
      why: `${count.inWindow} ${count.requestTypeCode} conversations in ${count.cityCode} in the last ${rule.windowMinutes} minutes; usually ${count.usual < 1 ? 'under 1' : Math.round(count.usual)}`,
    }));
}

export function spikeKey(pair: { requestTypeCode: string; cityCode: string }): string {
  return `${pair.requestTypeCode}@${pair.cityCode}`;
}
