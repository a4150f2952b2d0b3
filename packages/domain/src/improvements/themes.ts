import { z } from 'zod';
import { pageInputSchema } from '../shared/pagination.ts';
import { rootCauseCodeSchema } from './root-causes.ts';

/*
 * Recurring themes: which request types and root causes bring people back, how many this
 * period against the one before, and whether that is rising. Improvement items tie a theme to
 * the fix (process, policy, tooling or product) with an owner and a status.
 */

export interface ThemeCount {
  requestTypeCode: string;
  rootCauseCode: string | null;
  current: number;
  previous: number;
}

export type ThemeTrend = 'new' | 'rising' | 'steady' | 'falling';

export interface RankedTheme extends ThemeCount {
  rank: number;
  /** Change against the previous period, in whole percent (null when it had none). */
  changePercent: number | null;
  trend: ThemeTrend;
}

/** A change of less than this share either way is steady. */
const STEADY_SHARE = 0.1;

export function themeTrend(
  current: number,
  previous: number,
): { trend: ThemeTrend; changePercent: number | null } {
  if (previous === 0) return { trend: current > 0 ? 'new' : 'steady', changePercent: null };
  const change = (current - previous) / previous;
  const changePercent = Math.round(change * 100);
  if (change > STEADY_SHARE) return { trend: 'rising', changePercent };
  if (change < -STEADY_SHARE) return { trend: 'falling', changePercent };
  return { trend: 'steady', changePercent };
}

/** Themes by volume this period (then by growth), ranked 1…n. */
export function rankThemes(counts: readonly ThemeCount[]): RankedTheme[] {
  return [...counts]
    .filter((count) => count.current > 0 || count.previous > 0)
    .sort(
      (a, b) =>
        b.current - a.current ||
        b.current - b.previous - (a.current - a.previous) ||
        a.requestTypeCode.localeCompare(b.requestTypeCode) ||
        String(a.rootCauseCode).localeCompare(String(b.rootCauseCode)),
    )
    .map((count, index) => ({
      ...count,
      rank: index + 1,
      ...themeTrend(count.current, count.previous),
    }));
}

export const IMPROVEMENT_KINDS = ['process', 'policy', 'tooling', 'product'] as const;
export const IMPROVEMENT_STATUSES = [
  'proposed',
  'planned',
  'in_progress',
  'done',
  'wont_do',
] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];
export const IMPROVEMENT_STATUS_LABELS: Record<ImprovementStatus, string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  wont_do: 'Won’t do',
};

export const themesInputSchema = z.object({
  /** The period compared with the one just before it. */
  days: z.number().int().min(1).max(366).default(28),
  audience: z.enum(['guest', 'driver']).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const improvementInputSchema = z
  .object({
    title: z.string().trim().min(5, 'Say what the fix is (at least 5 characters)').max(300),
    kind: z.enum(IMPROVEMENT_KINDS, { error: 'Process, policy, tooling or product' }),
    requestTypeCode: z.string().trim().min(1).max(40).nullable().default(null),
    rootCauseCode: rootCauseCodeSchema.nullable().default(null),
    ownerId: z.string().trim().min(1, 'Choose an owner'),
    dueDate: z.iso.date({ error: 'A due date, e.g. 2026-12-15' }).nullable().default(null),
    notes: z.string().trim().max(4000).default(''),
  })
  .refine((item) => item.requestTypeCode !== null || item.rootCauseCode !== null, {
    message: 'Link the item to a request type, a root cause, or both',
    path: ['requestTypeCode'],
  });

export const improvementStatusInputSchema = z.object({
  improvementId: z.uuid('Not an improvement item'),
  status: z.enum(IMPROVEMENT_STATUSES, {
    error: 'Proposed, planned, in progress, done or won’t do',
  }),
  note: z.string().trim().max(2000).default(''),
});

export const improvementListInputSchema = pageInputSchema.extend({
  status: z.enum([...IMPROVEMENT_STATUSES, 'active', 'all']).default('active'),
});
