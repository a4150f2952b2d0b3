import {
  type CompiledRuleSet,
  isCompiledRuleSet,
  type RoutingTrace,
  TRACE_MATCHED,
} from './engine.ts';
import {
  CHANNEL_NAMES,
  conditionHolds,
  hoursToTrip,
  keywordNeedle,
  keywordText,
  MAX_ROUTED_TEXT,
  primaryLanguage,
  type RoutingActions,
  type RoutingCondition,
  type RoutingMessage,
  type RoutingRule,
  TRIP_GRACE_MS,
} from './rules.ts';
import { formatHours, listOf } from './wording.ts';

const HOUR_MS = 60 * 60 * 1000;

export interface ConditionExplanation {
  index: number;
  held: boolean;
  /** e.g. "Channel is WhatsApp, the rule wants chat or email". */
  sentence: string;
}

export type RuleStatus = 'matched' | 'not_matched' | 'disabled' | 'not_reached';

export interface RuleExplanation {
  /** 1-based, as the console numbers rules. */
  position: number;
  ruleId: string;
  name: string;
  enabled: boolean;
  status: RuleStatus;
  /** One line: what the rule did, or why it did not match. */
  summary: string;
  conditions: ConditionExplanation[];
}

/** Whether a condition holds for the message, and a sentence a lead can read saying why. */
export function explainCondition(
  condition: RoutingCondition,
  message: RoutingMessage,
  index = 0,
): ConditionExplanation {
  const held = conditionHolds(condition, message);
  return { index, held, sentence: sentenceFor(condition, message, held) };
}

function sentenceFor(condition: RoutingCondition, message: RoutingMessage, held: boolean): string {
  switch (condition.field) {
    case 'channel': {
      const is = `Channel is ${CHANNEL_NAMES[message.channel]}`;
      const listed = listOf(condition.values.map((channel) => CHANNEL_NAMES[channel]));
      if (condition.op === 'in')
        return held ? `${is}, one of ${listed}` : `${is}, the rule wants ${listed}`;
      return held ? `${is}, not ${listed}` : `${is}, which the rule excludes`;
    }
    case 'audience':
      return held
        ? `Audience is ${message.audience}, as the rule wants`
        : `Audience is ${message.audience}, the rule wants ${condition.value}`;
    case 'city':
    case 'language': {
      let is: string;
      if (condition.field === 'city') {
        is = message.cityCode ? `City is ${message.cityCode}` : 'City is unknown';
      } else {
        const language = primaryLanguage(message.locale);
        const from = message.locale?.toLowerCase() === language ? '' : ` (from ${message.locale})`;
        is = language ? `Language is ${language}${from}` : 'Language is unknown';
      }
      const listed = listOf(condition.values);
      if (condition.op === 'in')
        return held ? `${is}, one of ${listed}` : `${is}, the rule wants ${listed}`;
      return held ? `${is}, not ${listed}` : `${is}, which the rule excludes`;
    }
    case 'contact': {
      const label = condition.attribute === 'vip' ? 'a VIP' : 'a new driver';
      const actual =
        condition.attribute === 'vip' ? message.contact.vip : message.contact.newDriver;
      const is = `Contact is ${actual ? '' : 'not '}${label}`;
      if (held) return `${is}, as the rule wants`;
      return `${is}, the rule wants ${condition.value ? '' : 'no '}${condition.attribute === 'vip' ? 'VIPs' : 'new drivers'}`;
    }
    case 'text': {
      const long = message.text.length > MAX_ROUTED_TEXT ? ' (first 2,000 characters)' : '';
      if (condition.op === 'matches') {
        return `Text${long} ${held ? 'matches' : 'does not match'} /${condition.pattern}/i`;
      }
      const quoted = condition.values.map((keyword) => `"${keyword}"`);
      if (!held) return `Text${long} contains none of ${listOf(quoted)}`;
      const haystack = keywordText(message.text.slice(0, MAX_ROUTED_TEXT));
      const found = condition.values.find((keyword) => haystack.includes(keywordNeedle(keyword)));
      return `Text contains "${found}"`;
    }
    case 'booking': {
      if (condition.op === 'has_booking') {
        if (message.booking)
          return held ? 'Has a booking, as the rule wants' : 'Has a booking, the rule wants none';
        return held ? 'No booking, as the rule wants' : 'No booking, the rule wants one';
      }
      const hours = hoursToTrip(message);
      const window = `within ${formatHours(condition.hours)}`;
      if (hours === null) return `No booking, the rule wants a trip ${window}`;
      if (hours >= 0) {
        return held
          ? `Trip in ${formatHours(hours)}, ${window}`
          : `Trip in ${formatHours(hours)}, the rule wants ${window}`;
      }
      const grace = formatHours(TRIP_GRACE_MS / HOUR_MS);
      return held
        ? `Trip started ${formatHours(hours)} ago, which counts for up to ${grace} after the start`
        : `Trip started ${formatHours(hours)} ago, the rule wants one ${window} or started less than ${grace} ago`;
    }
    case 'business_hours': {
      const is = `Received ${message.insideBusinessHours ? 'inside' : 'outside'} business hours`;
      return held ? `${is}, as the rule wants` : `${is}, the rule wants ${condition.value}`;
    }
  }
}

const SINGLE_VALUED = [
  ['requestTypeCode', 'request type'],
  ['priority', 'priority'],
  ['inboxCode', 'inbox'],
  ['teamCode', 'team'],
] as const satisfies readonly (readonly [keyof RoutingActions, string])[];

/**
 * The trace of route() as one explanation per rule, in rule order, for the simulator: each
 * rule's status, a one-line summary, and every condition with whether it held and why.
 * `rules` must be the rules (or compiled set) the message was routed with.
 */
export function explainTrace(
  trace: RoutingTrace,
  rules: readonly RoutingRule[] | CompiledRuleSet,
  message: RoutingMessage,
): RuleExplanation[] {
  const list = isCompiledRuleSet(rules) ? rules.rules : rules;
  const checked = new Map<number, number>();
  for (let i = 0; i + 1 < trace.checked.length; i += 2) {
    checked.set(trace.checked[i]!, trace.checked[i + 1]!);
  }
  const stopper = trace.evaluated < list.length ? list[trace.evaluated - 1] : undefined;
  const setBy = new Map<string, string>();

  return list.map((rule, index): RuleExplanation => {
    const conditions = rule.conditions.map((condition, conditionIndex) =>
      explainCondition(condition, message, conditionIndex),
    );
    const base = {
      position: index + 1,
      ruleId: rule.id,
      name: rule.name,
      enabled: rule.enabled,
      conditions,
    };
    if (index >= trace.evaluated) {
      return {
        ...base,
        status: 'not_reached',
        summary: `Not reached: “${stopper?.name ?? 'an earlier rule'}” matched and stops there`,
      };
    }
    const result = checked.get(index);
    if (result === TRACE_MATCHED) {
      return { ...base, status: 'matched', summary: matchedSummary(rule, setBy) };
    }
    if (!rule.enabled && result === undefined) {
      return { ...base, status: 'disabled', summary: 'Disabled' };
    }
    const failed =
      (result === undefined ? undefined : conditions[result]) ??
      conditions.find((condition) => !condition.held);
    return {
      ...base,
      status: 'not_matched',
      summary: `Not matched: ${failed?.sentence ?? 'a condition did not hold'}`,
    };
  });
}

/** What a matching rule did; single values an earlier rule already set are marked ignored. */
function matchedSummary(rule: RoutingRule, setBy: Map<string, string>): string {
  const effects: string[] = [];
  for (const [key, label] of SINGLE_VALUED) {
    const value = rule.actions[key];
    if (value === undefined) continue;
    const earlier = setBy.get(key);
    if (earlier === undefined) {
      setBy.set(key, rule.name);
      effects.push(`${label} ${value}`);
    } else {
      effects.push(`${label} ${value} (ignored: “${earlier}” set it first)`);
    }
  }
  if (rule.actions.addTags?.length) effects.push(`tags ${rule.actions.addTags.join(', ')}`);
  if (rule.actions.autoReply !== undefined) effects.push('an auto-reply');
  const then = rule.actions.onMatch === 'stop' ? 'stops here' : 'continues';
  return `Matched: ${effects.length > 0 ? `sets ${listOf(effects, 'and')}` : 'no effect'}; ${then}`;
}

/** The explanation as plain lines: one per rule, then one per condition, indented. */
export function explanationLines(explanations: readonly RuleExplanation[]): string[] {
  const lines: string[] = [];
  for (const rule of explanations) {
    lines.push(`${rule.position}. ${rule.name} — ${rule.summary}`);
    if (rule.status === 'disabled' || rule.status === 'not_reached') continue;
    for (const condition of rule.conditions) {
      lines.push(`   ${condition.held ? '✓' : '✗'} ${condition.sentence}`);
    }
  }
  return lines;
}
