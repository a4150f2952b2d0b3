import { AUDIENCES, CHANNELS } from '../shared/enums.ts';
import {
  keywordNeedle,
  patternProblem,
  type RoutingActions,
  type RoutingCondition,
  type RoutingRule,
} from './rules.ts';

export type RuleProblemKind =
  | 'unknown_request_type'
  | 'unknown_tag'
  | 'unknown_inbox'
  | 'unknown_team'
  | 'unknown_city'
  | 'never_matches'
  | 'unreachable'
  | 'conflict';

export interface RuleProblem {
  ruleId: string;
  kind: RuleProblemKind;
  message: string;
}

/** The codes that exist; a list left out is not checked. */
export interface KnownRoutingCodes {
  requestTypeCodes?: Iterable<string>;
  tagCodes?: Iterable<string>;
  inboxCodes?: Iterable<string>;
  teamCodes?: Iterable<string>;
  cityCodes?: Iterable<string>;
}

/*
 * Every rule is reduced to what its conditions allow, field by field:
 * - the closed fields (channel, audience, business hours, VIP, new driver, has a booking)
 *   as the bit set of values allowed;
 * - city and language as "one of these" (null when no `in` condition) minus "none of these";
 * - a trip window as the narrowest hours asked for;
 * - keywords and patterns as they are written.
 * "A is at least as general as B" is then checked field by field, and only claimed when it
 * certainly holds (for keywords and patterns it may miss cases, never invent them), so
 * unreachable and conflict reports are never false alarms.
 */
interface OpenSet {
  /** The values an `in` condition allows (all `in` conditions at once); null: any value. */
  only: Set<string> | null;
  /** The values a `not_in` condition refuses. */
  except: Set<string>;
}

interface RuleScope {
  channels: number;
  audiences: number;
  businessHours: number;
  vip: number;
  newDriver: number;
  /** Bit 0: has a booking; bit 1: has none. */
  booking: number;
  tripHours: number | null;
  cities: OpenSet;
  languages: OpenSet;
  /** Each `contains_any` condition's keywords, normalised. */
  keywordSets: string[][];
  patterns: Set<string>;
  /** Why no message can match, or null. */
  impossible: string | null;
}

const BOTH = 0b11;
const yesNo = (value: boolean) => (value ? 0b01 : 0b10);

function narrow(set: OpenSet, op: 'in' | 'not_in', values: readonly string[]): void {
  if (op === 'not_in') {
    for (const value of values) set.except.add(value);
    return;
  }
  const listed = new Set(values);
  set.only = set.only === null ? listed : new Set([...set.only].filter((v) => listed.has(v)));
}

/** What's left of an OpenSet's `only` once its exceptions are removed. */
function remaining(set: OpenSet): string[] | null {
  return set.only === null ? null : [...set.only].filter((value) => !set.except.has(value));
}

function scopeOf(conditions: readonly RoutingCondition[]): RuleScope {
  const scope: RuleScope = {
    channels: (1 << CHANNELS.length) - 1,
    audiences: BOTH,
    businessHours: BOTH,
    vip: BOTH,
    newDriver: BOTH,
    booking: BOTH,
    tripHours: null,
    cities: { only: null, except: new Set() },
    languages: { only: null, except: new Set() },
    keywordSets: [],
    patterns: new Set(),
    impossible: null,
  };
  const problems: string[] = [];
  for (const condition of conditions) {
    switch (condition.field) {
      case 'channel': {
        let listed = 0;
        for (const channel of condition.values) listed |= 1 << CHANNELS.indexOf(channel);
        scope.channels &= condition.op === 'in' ? listed : ~listed;
        break;
      }
      case 'audience':
        scope.audiences &= 1 << AUDIENCES.indexOf(condition.value);
        break;
      case 'business_hours':
        scope.businessHours &= yesNo(condition.value === 'inside');
        break;
      case 'contact':
        if (condition.attribute === 'vip') scope.vip &= yesNo(condition.value);
        else scope.newDriver &= yesNo(condition.value);
        break;
      case 'booking':
        if (condition.op === 'has_booking') scope.booking &= yesNo(condition.value);
        else {
          scope.booking &= yesNo(true);
          scope.tripHours = Math.min(scope.tripHours ?? Number.POSITIVE_INFINITY, condition.hours);
        }
        break;
      case 'city':
        narrow(
          scope.cities,
          condition.op,
          condition.values.map((city) => city.toUpperCase()),
        );
        break;
      case 'language':
        narrow(
          scope.languages,
          condition.op,
          condition.values.map((language) => language.toLowerCase()),
        );
        break;
      case 'text':
        if (condition.op === 'matches') {
          const problem = patternProblem(condition.pattern);
          if (problem?.startsWith('Pattern: not a valid')) problems.push(problem);
          scope.patterns.add(condition.pattern);
        } else if (condition.values.length === 0) {
          problems.push('its keyword condition lists no keywords');
        } else {
          scope.keywordSets.push(condition.values.map(keywordNeedle));
        }
        break;
    }
  }
  if (scope.channels === 0) problems.push('its channel conditions leave no channel');
  if (scope.audiences === 0) problems.push('it asks for guests and drivers at once');
  if (scope.businessHours === 0)
    problems.push('it asks for inside and outside business hours at once');
  if (scope.vip === 0) problems.push('it asks for VIP and non-VIP contacts at once');
  if (scope.newDriver === 0) problems.push('it asks for new drivers and not new drivers at once');
  if (scope.booking === 0) {
    problems.push(
      scope.tripHours === null
        ? 'it asks for a booking and no booking at once'
        : 'it asks for no booking and a trip within hours at once',
    );
  }
  if (remaining(scope.cities)?.length === 0) problems.push('its city conditions leave no city');
  if (remaining(scope.languages)?.length === 0) {
    problems.push('its language conditions leave no language');
  }
  scope.impossible = problems.length > 0 ? problems.join('; ') : null;
  return scope;
}

/** Every message `specific` allows, `general` allows too (conservatively). */
function openSetCovers(general: OpenSet, specific: OpenSet): boolean {
  const values = remaining(specific);
  if (values === null) {
    // Specific allows every value but its exceptions: general must allow at least that.
    return general.only === null && [...general.except].every((v) => specific.except.has(v));
  }
  return values.every(
    (value) => (general.only === null || general.only.has(value)) && !general.except.has(value),
  );
}

/**
 * A keyword condition of `general` holds whenever one of `specific`'s does: every keyword of
 * that one contains (at a word start) a keyword of general's, so finding it finds the other.
 */
function keywordsCover(general: readonly string[], specific: readonly string[]): boolean {
  return specific.every((needle) => general.some((wider) => needle.includes(wider)));
}

function covers(general: RuleScope, specific: RuleScope): boolean {
  const within = (g: number, s: number) => (s & ~g) === 0;
  return (
    within(general.channels, specific.channels) &&
    within(general.audiences, specific.audiences) &&
    within(general.businessHours, specific.businessHours) &&
    within(general.vip, specific.vip) &&
    within(general.newDriver, specific.newDriver) &&
    within(general.booking, specific.booking) &&
    (general.tripHours === null ||
      (specific.tripHours !== null && specific.tripHours <= general.tripHours)) &&
    openSetCovers(general.cities, specific.cities) &&
    openSetCovers(general.languages, specific.languages) &&
    general.keywordSets.every((wider) =>
      specific.keywordSets.some((narrower) => keywordsCover(wider, narrower)),
    ) &&
    [...general.patterns].every((pattern) => specific.patterns.has(pattern))
  );
}

const SINGLE_VALUED = [
  ['requestTypeCode', 'request type'],
  ['priority', 'priority'],
  ['inboxCode', 'inbox'],
  ['teamCode', 'team'],
] as const satisfies readonly (readonly [keyof RoutingActions, string])[];

const quoted = (rule: RoutingRule, index: number) => `“${rule.name}” (rule ${index + 1})`;

/**
 * What a lead should fix in an ordered rule list: codes that do not exist, rules that can
 * never match, rules that are never reached because an earlier rule that stops takes every
 * message they would, and values a rule sets that never apply because an earlier rule that
 * continues takes every such message and sets them first (the first match decides). In rule
 * order.
 */
export function validateRules(
  rules: readonly RoutingRule[],
  known: KnownRoutingCodes = {},
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const scopes = rules.map((rule) => scopeOf(rule.conditions));
  const sets = {
    requestTypeCodes: known.requestTypeCodes && new Set(known.requestTypeCodes),
    tagCodes: known.tagCodes && new Set(known.tagCodes),
    inboxCodes: known.inboxCodes && new Set(known.inboxCodes),
    teamCodes: known.teamCodes && new Set(known.teamCodes),
    cityCodes: known.cityCodes && new Set([...known.cityCodes].map((c) => c.toUpperCase())),
  };

  rules.forEach((rule, index) => {
    const add = (kind: RuleProblemKind, message: string) =>
      problems.push({ ruleId: rule.id, kind, message });
    const { actions } = rule;

    if (sets.requestTypeCodes && actions.requestTypeCode !== undefined) {
      if (!sets.requestTypeCodes.has(actions.requestTypeCode)) {
        add(
          'unknown_request_type',
          `${quoted(rule, index)} sets request type ${actions.requestTypeCode}, which does not exist`,
        );
      }
    }
    const tagCodes = sets.tagCodes;
    const unknownTags = tagCodes ? (actions.addTags ?? []).filter((t) => !tagCodes.has(t)) : [];
    if (unknownTags.length > 0) {
      add(
        'unknown_tag',
        `${quoted(rule, index)} adds ${unknownTags.length === 1 ? 'the tag' : 'tags'} ${unknownTags.join(', ')}, which ${unknownTags.length === 1 ? 'does' : 'do'} not exist`,
      );
    }
    if (sets.inboxCodes && actions.inboxCode !== undefined) {
      if (!sets.inboxCodes.has(actions.inboxCode)) {
        add(
          'unknown_inbox',
          `${quoted(rule, index)} routes to inbox ${actions.inboxCode}, which does not exist`,
        );
      }
    }
    if (sets.teamCodes && actions.teamCode !== undefined) {
      if (!sets.teamCodes.has(actions.teamCode)) {
        add(
          'unknown_team',
          `${quoted(rule, index)} sets team ${actions.teamCode}, which does not exist`,
        );
      }
    }
    const cityCodes = sets.cityCodes;
    if (cityCodes) {
      const unknownCities = [
        ...new Set(
          rule.conditions.flatMap((condition) =>
            condition.field === 'city'
              ? condition.values.filter((city) => !cityCodes.has(city.toUpperCase()))
              : [],
          ),
        ),
      ];
      if (unknownCities.length > 0) {
        add(
          'unknown_city',
          `${quoted(rule, index)} names ${unknownCities.length === 1 ? 'the city' : 'cities'} ${unknownCities.join(', ')}, which Switchboard does not know`,
        );
      }
    }

    const scope = scopes[index]!;
    if (scope.impossible !== null) {
      add('never_matches', `${quoted(rule, index)} can never match: ${scope.impossible}`);
      return;
    }
    if (!rule.enabled) return;

    let reported = false;
    for (let earlier = 0; earlier < index && !reported; earlier++) {
      const other = rules[earlier]!;
      const otherScope = scopes[earlier]!;
      if (!other.enabled || otherScope.impossible !== null || !covers(otherScope, scope)) continue;
      const same = covers(scope, otherScope);
      const how =
        other.conditions.length === 0
          ? 'has no conditions, so it matches every message'
          : same
            ? 'has the same conditions'
            : 'matches every message this rule would';
      if (other.actions.onMatch === 'stop') {
        add(
          'unreachable',
          `${quoted(rule, index)} is never reached: ${quoted(other, earlier)} ${how} and stops first`,
        );
        reported = true;
        continue;
      }
      const overridden = SINGLE_VALUED.flatMap(([key, label]) => {
        const mine = actions[key];
        const theirs = other.actions[key];
        return mine !== undefined && theirs !== undefined && mine !== theirs
          ? [`${label} ${mine} never applies (that one sets ${theirs})`]
          : [];
      });
      if (overridden.length > 0) {
        add(
          'conflict',
          `${quoted(rule, index)} conflicts with ${quoted(other, earlier)}, which ${how} and comes first: its ${overridden.join('; its ')}. The first matching rule decides each value — reorder the rules or narrow one of them`,
        );
        reported = true;
      }
    }
  });
  return problems;
}
