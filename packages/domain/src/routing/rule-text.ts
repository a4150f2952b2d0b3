import type { FieldLabels } from '../changes/diff.ts';
import { CHANNEL_NAMES, type RoutingActions, type RoutingCondition } from './rules.ts';

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'nothing';
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** A condition as a lead reads it, without a message: "Channel is chat or email". */
export function describeCondition(condition: RoutingCondition): string {
  switch (condition.field) {
    case 'channel': {
      const names = listOf(condition.values.map((channel) => CHANNEL_NAMES[channel]));
      return `Channel ${condition.op === 'in' ? 'is' : 'is not'} ${names}`;
    }
    case 'audience':
      return `Audience is ${condition.value}`;
    case 'city':
      return `City ${condition.op === 'in' ? 'is' : 'is not'} ${listOf(condition.values)}`;
    case 'language':
      return `Language ${condition.op === 'in' ? 'is' : 'is not'} ${listOf(condition.values)}`;
    case 'contact': {
      const what = condition.attribute === 'vip' ? 'a VIP' : 'a new driver';
      return `Contact ${condition.value ? 'is' : 'is not'} ${what}`;
    }
    case 'text':
      return condition.op === 'contains_any'
        ? `Text mentions ${listOf(condition.values.map((keyword) => `“${keyword}”`))}`
        : `Text matches /${condition.pattern}/`;
    case 'booking':
      return condition.op === 'has_booking'
        ? condition.value
          ? 'Has a booking'
          : 'Has no booking'
        : `Trip within ${condition.hours} h`;
    case 'business_hours':
      return condition.value === 'inside' ? 'Inside business hours' : 'Outside business hours';
  }
}

/** What a rule does, in one line: "Inbox LIS_GUEST, priority P1, tags airport; stop". */
export function describeActions(actions: RoutingActions): string {
  const effects = [
    actions.requestTypeCode ? `request type ${actions.requestTypeCode}` : null,
    actions.priority ? `priority ${actions.priority}` : null,
    actions.inboxCode ? `inbox ${actions.inboxCode}` : null,
    actions.teamCode ? `team ${actions.teamCode}` : null,
    actions.addTags?.length ? `tags ${actions.addTags.join(', ')}` : null,
    actions.autoReply ? `auto-reply “${actions.autoReply}”` : null,
  ].filter((effect): effect is string => effect !== null);
  return `${effects.join(', ')}; ${actions.onMatch === 'stop' ? 'stop' : 'continue'}`;
}

/** How a routing rule's fields read in the change history. */
export const ROUTING_RULE_LABELS: FieldLabels = {
  name: { label: 'Name' },
  enabled: { label: 'Enabled', format: (value) => (value ? 'yes' : 'no') },
  conditions: {
    label: 'Conditions',
    format: (value) => describeCondition(value as RoutingCondition),
  },
  actions: { label: 'Actions', format: (value) => describeActions(value as RoutingActions) },
};
