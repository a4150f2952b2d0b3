import { z } from 'zod';
import { CHANNELS, type Channel } from '../shared/enums.ts';
import { HOURS_PER_WEEK } from './shifts.ts';

/**
 * How the weeks of history count: 'equal' averages them; 'recent' weighs the last week
 * most (weights N, N−1, …, 1 for N weeks), so a trend shows without one odd week
 * dominating.
 */
export const FORECAST_WEIGHTINGS = ['equal', 'recent'] as const;
export const forecastWeightingSchema = z.enum(FORECAST_WEIGHTINGS, {
  error: 'Weighting: equal or recent',
});
export type ForecastWeighting = z.infer<typeof forecastWeightingSchema>;

export const FORECAST_WEIGHTING_LABELS: Record<ForecastWeighting, string> = {
  equal: 'Every week the same',
  recent: 'Recent weeks count more',
};

/** Conversations created in one hour of week, one week back, on one channel. */
export interface HourlyVolume {
  /** 0: the last 7 days, 1: the 7 days before, … */
  weeksAgo: number;
  /** 0 = Monday 00:00–01:00 local, 167 = Sunday 23:00–24:00. */
  hourOfWeek: number;
  channel: Channel;
  conversations: number;
}

export type ChannelArrivals = Partial<Record<Channel, number>>;

export interface ForecastHour {
  hourOfWeek: number;
  /** Expected arrivals in this hour, per channel that had any. */
  arrivals: ChannelArrivals;
  totalArrivals: number;
}

export interface ForecastInput {
  /** How many weeks the history covers; weeks without a row count as no conversations. */
  weeks: number;
  history: readonly HourlyVolume[];
  weighting?: ForecastWeighting;
}

function weightOf(weeksAgo: number, weeks: number, weighting: ForecastWeighting): number {
  return weighting === 'recent' ? weeks - weeksAgo : 1;
}

/**
 * Expected arrivals for each of the 168 hours of the week: the (weighted) average of the
 * same hour over the last `weeks` weeks, per channel. A week with no conversation in an
 * hour counts as zero there — it is history too. Rows outside the window are ignored.
 */
export function forecastArrivals({
  weeks,
  history,
  weighting = 'equal',
}: ForecastInput): ForecastHour[] {
  if (!Number.isInteger(weeks) || weeks < 1) {
    throw new RangeError('weeks: the forecast needs at least one whole week of history');
  }
  let totalWeight = 0;
  for (let weeksAgo = 0; weeksAgo < weeks; weeksAgo += 1) {
    totalWeight += weightOf(weeksAgo, weeks, weighting);
  }
  const sums = Array.from({ length: HOURS_PER_WEEK }, () => new Map<Channel, number>());
  for (const row of history) {
    const inWindow =
      Number.isInteger(row.weeksAgo) &&
      row.weeksAgo >= 0 &&
      row.weeksAgo < weeks &&
      Number.isInteger(row.hourOfWeek) &&
      row.hourOfWeek >= 0 &&
      row.hourOfWeek < HOURS_PER_WEEK;
    if (!inWindow || row.conversations <= 0) continue;
    const hour = sums[row.hourOfWeek]!;
    const weighted = row.conversations * weightOf(row.weeksAgo, weeks, weighting);
    hour.set(row.channel, (hour.get(row.channel) ?? 0) + weighted);
  }
  return sums.map((hour, hourOfWeek) => {
    const arrivals: ChannelArrivals = {};
    let totalArrivals = 0;
    for (const channel of CHANNELS) {
      const sum = hour.get(channel);
      if (sum === undefined) continue;
      arrivals[channel] = sum / totalWeight;
      totalArrivals += sum / totalWeight;
    }
    return { hourOfWeek, arrivals, totalArrivals };
  });
}
