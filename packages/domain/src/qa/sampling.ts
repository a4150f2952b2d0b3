import { z } from 'zod';
import { GUARDRAIL_ACTION_LABELS, type GuardrailAction } from '../guardrails/decide.ts';
import { TEAM_KIND_LABELS, type TeamKind } from '../people/teams.ts';
import { instantOfLocalTime } from '../sla/business-time.ts';
import { localClock, shiftDate, WEEKDAYS } from '../sla/calendar.ts';

/**
 * How a reviewed conversation was picked. Reviewers work from the four samples, or pick a
 * conversation by hand; calibration reviews belong to a calibration session.
 */
export const QA_SAMPLE_KINDS = [
  'random',
  'low_csat',
  'escalated',
  'guardrail_approval',
  'manual',
  'calibration',
] as const;
export type QaSampleKind = (typeof QA_SAMPLE_KINDS)[number];

/** The samples a reviewer picks from; a hand-picked conversation is `manual`. */
export const QA_SAMPLE_LISTS = ['random', 'low_csat', 'escalated', 'guardrail_approval'] as const;
export const qaSampleListSchema = z.enum(QA_SAMPLE_LISTS, {
  error: 'Sample: random, low CSAT, escalated or guardrail approvals',
});
export type QaSampleList = z.infer<typeof qaSampleListSchema>;

/** The kinds a review is started with (calibration reviews come from their session). */
export const qaReviewSampleSchema = z.enum(
  ['random', 'low_csat', 'escalated', 'guardrail_approval', 'manual'],
  { error: 'Sample: how the conversation was picked' },
);

export const QA_SAMPLE_LABELS: Record<QaSampleKind, string> = {
  random: 'Random',
  low_csat: 'Low CSAT',
  escalated: 'Escalated',
  guardrail_approval: 'Guardrail approval',
  manual: 'Picked by hand',
  calibration: 'Calibration',
};

/** A rating at or below this (on the 1–5 CSAT scale) puts the conversation in the low-CSAT sample. */
export const QA_LOW_CSAT_MAX_RATING = 3;

export const QA_SAMPLE_DESCRIPTIONS: Record<QaSampleList, string> = {
  random:
    'A fixed number of conversations per agent per week (set on the scorecard), drawn at random but stable: the same week always gives the same draw.',
  low_csat: `Conversations the customer rated ${QA_LOW_CSAT_MAX_RATING} or lower out of 5.`,
  escalated: 'Conversations handed off to Finance, Engineering, Operations or Compliance.',
  guardrail_approval:
    'Conversations where a refund, gesture or rebooking needed a lead’s or Finance’s approval.',
};

/** The Monday (YYYY-MM-DD, local) of the week `at` falls in, in `timeZone`. */
export function weekStartOf(at: Date, timeZone: string): string {
  const { date, weekday } = localClock(at, timeZone);
  return shiftDate(date, -WEEKDAYS.indexOf(weekday));
}

/** The instants a local week (Monday 00:00 to the next Monday 00:00) covers. */
export function weekRange(weekStart: string, timeZone: string): { from: Date; to: Date } {
  return {
    from: instantOfLocalTime(weekStart, '00:00', timeZone),
    to: instantOfLocalTime(shiftDate(weekStart, 7), '00:00', timeZone),
  };
}

/** Mondays from the week of `from` to the week of `to`, oldest first. */
export function weeksBetween(from: Date, to: Date, timeZone: string): string[] {
  const weeks: string[] = [];
  const last = weekStartOf(new Date(to.getTime() - 1), timeZone);
  let week = weekStartOf(from, timeZone);
  while (week <= last) {
    weeks.push(week);
    week = shiftDate(week, 7);
  }
  return weeks;
}

export const weekStartSchema = z
  .string({ error: 'Week: choose a week' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Week: a date, YYYY-MM-DD')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.toISOString().slice(0, 10) === value && date.getUTCDay() === 1;
  }, 'Week: starts on a Monday');

/** What put a conversation in a sample, as the sample list shows it. */
export interface QaSampleFacts {
  csatRating: number | null;
  /** Team kinds it was escalated to. */
  escalatedTo: readonly string[];
  /** Guarded actions that needed approval, with the answer (null: still waiting). */
  approvals: ReadonlyArray<{ kind: string; outcome: string | null }>;
}

/** "Rated 2/5", "Escalated to Finance & Payouts", "Refund needed approval (approved)". */
export function qaSampleReason(list: QaSampleList, facts: QaSampleFacts): string {
  switch (list) {
    case 'random':
      return facts.csatRating === null
        ? 'Random draw'
        : `Random draw · rated ${facts.csatRating}/5`;
    case 'low_csat':
      return `Rated ${facts.csatRating ?? '?'}/5`;
    case 'escalated':
      return `Escalated to ${facts.escalatedTo.map((kind) => TEAM_KIND_LABELS[kind as TeamKind] ?? kind).join(', ') || 'another team'}`;
    case 'guardrail_approval':
      return facts.approvals
        .map(
          (approval) =>
            `${GUARDRAIL_ACTION_LABELS[approval.kind as GuardrailAction['kind']] ?? 'Action'} needed approval (${approval.outcome ?? 'waiting'})`,
        )
        .join('; ');
  }
}
