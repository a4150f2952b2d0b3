import { z } from 'zod';
import { pageInputSchema } from '../shared/pagination.ts';

/**
 * Routing accuracy (DOMAIN.md): routed conversations resolved without a transfer to another
 * inbox or team ÷ routed conversations. Conversations still open count in the denominator
 * (the figure settles as they close), so the report also shows how many are open.
 */
export interface RoutedConversation {
  inboxId: string;
  ruleIds: readonly string[];
  resolved: boolean;
  transferred: boolean;
}

export interface AccuracyFigure {
  routed: number;
  accurate: number;
  transferred: number;
  open: number;
  /** accurate ÷ routed, or null when nothing was routed. */
  accuracy: number | null;
}

function empty(): AccuracyFigure {
  return { routed: 0, accurate: 0, transferred: 0, open: 0, accuracy: null };
}

function add(figure: AccuracyFigure, conversation: RoutedConversation) {
  figure.routed += 1;
  if (conversation.transferred) figure.transferred += 1;
  else if (conversation.resolved) figure.accurate += 1;
  else figure.open += 1;
  figure.accuracy = figure.accurate / figure.routed;
}

/** The reference implementation: overall, per rule (each matched rule) and per first inbox. */
export function routingAccuracy(conversations: readonly RoutedConversation[]) {
  const overall = empty();
  const byRule = new Map<string, AccuracyFigure>();
  const byInbox = new Map<string, AccuracyFigure>();
  for (const conversation of conversations) {
    add(overall, conversation);
    for (const ruleId of new Set(conversation.ruleIds)) {
      if (!byRule.has(ruleId)) byRule.set(ruleId, empty());
      add(byRule.get(ruleId)!, conversation);
    }
    if (!byInbox.has(conversation.inboxId)) byInbox.set(conversation.inboxId, empty());
    add(byInbox.get(conversation.inboxId)!, conversation);
  }
  return { overall, byRule, byInbox };
}

const MAX_PERIOD_DAYS = 366;

export const routingReportInputSchema = z
  .object({
    from: z.coerce.date({ error: 'From: enter a date' }),
    to: z.coerce.date({ error: 'To: enter a date' }),
  })
  .refine((period) => period.to > period.from, {
    message: 'To must be after from',
    path: ['to'],
  })
  .refine((period) => period.to.getTime() - period.from.getTime() <= MAX_PERIOD_DAYS * 86_400_000, {
    message: `A report covers at most ${MAX_PERIOD_DAYS} days`,
    path: ['from'],
  });

export const misrouteListInputSchema = pageInputSchema.extend({
  from: z.coerce.date({ error: 'From: enter a date' }),
  to: z.coerce.date({ error: 'To: enter a date' }),
  ruleId: z.uuid('Not a rule id').optional(),
});

export const hygieneInputSchema = z.object({
  /** Open conversations unassigned longer than this are listed. */
  unassignedMinutes: z
    .number({ error: 'Minutes: enter a number' })
    .int()
    .min(1, 'At least 1 minute')
    .max(10_080, 'At most a week (10,080 minutes)')
    .default(30),
  /** Rules that matched nothing since this date are flagged. */
  since: z.coerce.date({ error: 'Since: enter a date' }),
  /** Only these inboxes' queues and staffing (all when left out). */
  inboxIds: z.array(z.uuid('Not an inbox id')).max(200).optional(),
});
