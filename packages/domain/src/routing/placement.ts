import { z } from 'zod';
import { channelSchema } from '../shared/enums.ts';
import type { RoutingOutcome } from './engine.ts';
import type { RuleExplanation } from './rule-explain.ts';

/** Most open conversations per channel for an agent (4 chats, 10 emails); missing means 0. */
export const channelCapacitySchema = z.partialRecord(
  channelSchema,
  z
    .number({ error: 'Capacity: enter a number' })
    .int('Capacity: a whole number')
    .min(0, 'Capacity: 0 or more')
    .max(50, 'Capacity: at most 50 at once'),
);
export type ChannelCapacity = z.infer<typeof channelCapacitySchema>;

/** The total across channels, kept for reports that predate per-channel capacity. */
export function totalCapacity(channelCapacity: ChannelCapacity): number {
  return Object.values(channelCapacity).reduce<number>((sum, max) => sum + (max ?? 0), 0);
}

/** How the inbox was chosen when the rules did not name one directly. */
export type InboxChoice = 'rule_inbox' | 'rule_team' | 'audience_city_default';

/**
 * What placed a conversation where it is, stored on it for "why is this here?": the
 * outcome, the rules that matched (with every condition and why it held), how the inbox
 * was chosen, and the routing configuration's version. Only matching rules are kept — the
 * simulator replays a message against every rule when a lead wants the full trace.
 */
export interface StoredRoutingDecision {
  routedAt: string;
  outcome: RoutingOutcome;
  matched: RuleExplanation[];
  rulesConsidered: number;
  inbox: { code: string; name: string; choice: InboxChoice; note: string };
}

/** Keeps what "why is this here?" shows: the rules that matched. */
export function storedDecision(input: {
  routedAt: Date;
  outcome: RoutingOutcome;
  explanations: readonly RuleExplanation[];
  inbox: StoredRoutingDecision['inbox'];
}): StoredRoutingDecision {
  return {
    routedAt: input.routedAt.toISOString(),
    outcome: input.outcome,
    matched: input.explanations.filter((rule) => rule.status === 'matched'),
    rulesConsidered: input.explanations.filter(
      (rule) => rule.status === 'matched' || rule.status === 'not_matched',
    ).length,
    inbox: input.inbox,
  };
}
