import type { Priority } from '../conversations/priority.ts';
import { AUDIENCES, CHANNELS } from '../shared/enums.ts';
import {
  keywordNeedle,
  keywordText,
  MAX_ROUTED_TEXT,
  patternRegExp,
  primaryLanguage,
  type RoutingActions,
  type RoutingCondition,
  type RoutingMessage,
  type RoutingRule,
  TRIP_GRACE_MS,
} from './rules.ts';

/*
 * Intake routes every inbound message through hundreds of rules, so rules are compiled once
 * and the work per message is kept to the rules that could possibly match it:
 *
 * - Conditions on small closed domains — channel, audience, business hours, VIP, new driver,
 *   has a booking — become one bit mask per rule. Together those domains make 128 message
 *   "shapes"; the message's shape and its city pick a candidate list, built on first use and
 *   kept, of the enabled rules whose mask and city conditions it passes. Only candidates are
 *   looked at, in list order, so the outcome is exactly that of walking every rule.
 * - The remaining conditions (language, keywords, pattern, trip window) become flat check
 *   records with precomputed Sets, keyword ids and compiled RegExps.
 * - Every keyword of the set goes into one trie. The first time a message needs a keyword,
 *   one walk of the trie from each word of the message finds all the keywords it contains,
 *   so the cost does not grow with the number of keywords or the rules that use them.
 */

const HOUR_MS = 60 * 60 * 1000;

// One bit per value, per dimension; a message sets exactly one bit in each.
const CHANNEL_SHIFT = 0; // 4 bits, CHANNELS order
const AUDIENCE_SHIFT = 4; // 2 bits, AUDIENCES order
const BUSINESS_HOURS_SHIFT = 6; // inside, outside
const VIP_SHIFT = 8; // yes, no
const NEW_DRIVER_SHIFT = 10; // yes, no
const BOOKING_SHIFT = 12; // has one, has none
const ALL_BITS = (1 << 14) - 1;
const SHAPE_COUNT = 4 * 2 * 2 * 2 * 2 * 2;

/** What a pattern that does not compile becomes: it never matches (validateRules reports it). */
const NEVER = /(?!)/;

const CHECK_LANGUAGE = 0;
const CHECK_KEYWORDS = 1;
const CHECK_PATTERN = 2;
const CHECK_TRIP = 3;

/** A condition the shape and city index cannot decide. Every field is always set, so all checks share one hidden class. */
interface CompiledCheck {
  kind: number;
  conditionIndex: number;
  /** Language in (true) or not in (false). */
  wantListed: boolean;
  languages: Set<string> | null;
  /** Ids into the rule set's keyword table. */
  keywordIds: number[] | null;
  regex: RegExp | null;
  tripMaxMs: number;
}

interface CompiledRule {
  index: number;
  id: string;
  enabled: boolean;
  /** Message bits the rule accepts; a dimension it has no condition on accepts every bit. */
  allowedBits: number;
  /** The cities every `city in` condition lists (null: no such condition). */
  citiesIn: Set<string> | null;
  /** The cities some `city not_in` condition lists. */
  citiesNotIn: Set<string>;
  checks: CompiledCheck[];
  actions: RoutingActions;
  stop: boolean;
}

/** Rules prepared for routing many messages (compileRules). Opaque; reusable; never changes what it routes. */
export interface CompiledRuleSet {
  readonly rules: readonly RoutingRule[];
  readonly compiled: readonly CompiledRule[];
  /** City code → 1..n for every city some condition names; 0 is any other city, or none. */
  readonly cityIds: ReadonlyMap<string, number>;
  /** Candidate rule indexes by shape × city id, filled on first use. */
  readonly candidates: (number[] | undefined)[];
  readonly keywordTrie: KeywordTrie;
  /** The keywords found in the message being routed (route is synchronous, so one buffer per set is safe). */
  readonly keywordFound: Uint8Array;
}

export function isCompiledRuleSet(
  rules: readonly RoutingRule[] | CompiledRuleSet,
): rules is CompiledRuleSet {
  return !Array.isArray(rules);
}

/** Trace value for a rule that matched; any other value is the index of the condition that failed. */
export const TRACE_MATCHED = -1;

/**
 * What evaluation did, cheaply. Rules at positions below `evaluated` were considered (a
 * matching `stop` rule ends it, so later ones were not reached). `checked` holds flat pairs
 * [rule index, result, …] for the rules whose remaining conditions were tested: result is
 * TRACE_MATCHED or the index of the condition that failed. A considered rule missing from
 * `checked` was ruled out by the index without testing — disabled, or refused on channel,
 * audience, city, business hours, contact or has-a-booking. explainTrace spells it all out.
 */
export interface RoutingTrace {
  evaluated: number;
  checked: number[];
}

/** What the rules decided. */
export interface RoutingOutcome {
  requestTypeCode: string | null;
  /** Every matching rule's tags, without repeats, in the order first added. */
  tags: string[];
  priority: Priority | null;
  inboxCode: string | null;
  teamCode: string | null;
  /** Every matching rule's auto-reply, without repeats, in rule order. */
  autoReplies: string[];
  matchedRuleIds: string[];
}

export interface RoutingDecision {
  outcome: RoutingOutcome;
  trace: RoutingTrace;
}

function shapeOf(message: RoutingMessage): number {
  return (
    CHANNELS.indexOf(message.channel) +
    4 *
      (AUDIENCES.indexOf(message.audience) +
        2 *
          ((message.insideBusinessHours ? 0 : 1) +
            2 *
              ((message.contact.vip ? 0 : 1) +
                2 * ((message.contact.newDriver ? 0 : 1) + 2 * (message.booking ? 0 : 1)))))
  );
}

function bitsOfShape(shape: number): number {
  let rest = shape;
  const take = (values: number) => {
    const value = rest % values;
    rest = Math.floor(rest / values);
    return value;
  };
  const channel = take(4);
  const audience = take(2);
  const outside = take(2);
  const notVip = take(2);
  const notNewDriver = take(2);
  const noBooking = take(2);
  return (
    (1 << (CHANNEL_SHIFT + channel)) |
    (1 << (AUDIENCE_SHIFT + audience)) |
    (1 << (BUSINESS_HOURS_SHIFT + outside)) |
    (1 << (VIP_SHIFT + notVip)) |
    (1 << (NEW_DRIVER_SHIFT + notNewDriver)) |
    (1 << (BOOKING_SHIFT + noBooking))
  );
}

/** The bits a condition refuses, for the conditions the mask expresses; null for the rest. */
function refusedBits(condition: RoutingCondition): number | null {
  const yesNo = (shift: number, yes: boolean) => 1 << (shift + (yes ? 1 : 0));
  switch (condition.field) {
    case 'channel': {
      let listed = 0;
      for (const channel of condition.values) listed |= 1 << CHANNELS.indexOf(channel);
      return condition.op === 'in' ? 0b1111 & ~listed : listed;
    }
    case 'audience':
      return (
        (0b11 << AUDIENCE_SHIFT) & ~(1 << (AUDIENCE_SHIFT + AUDIENCES.indexOf(condition.value)))
      );
    case 'business_hours':
      return yesNo(BUSINESS_HOURS_SHIFT, condition.value === 'inside');
    case 'contact':
      return yesNo(condition.attribute === 'vip' ? VIP_SHIFT : NEW_DRIVER_SHIFT, condition.value);
    case 'booking':
      return condition.op === 'has_booking' ? yesNo(BOOKING_SHIFT, condition.value) : null;
    default:
      return null;
  }
}

/** Prepares rules for routing many messages. Compile again after any rule changes. */
export function compileRules(rules: readonly RoutingRule[]): CompiledRuleSet {
  const cityIds = new Map<string, number>();
  const keywordTrie = newKeywordTrie();
  const keywordId = (keyword: string) => addKeyword(keywordTrie, keywordNeedle(keyword).slice(1));

  const compiled = rules.map((rule, index): CompiledRule => {
    let allowedBits = ALL_BITS;
    const cityLists: string[][] = [];
    const citiesNotIn = new Set<string>();
    const checks: CompiledCheck[] = [];
    for (const [conditionIndex, condition] of rule.conditions.entries()) {
      const refused = refusedBits(condition);
      if (refused !== null) {
        allowedBits &= ~refused;
        continue;
      }
      if (condition.field === 'city') {
        const cities = condition.values.map((city) => city.toUpperCase());
        for (const city of cities) if (!cityIds.has(city)) cityIds.set(city, cityIds.size + 1);
        if (condition.op === 'not_in') for (const city of cities) citiesNotIn.add(city);
        else cityLists.push(cities);
        continue;
      }
      const check: CompiledCheck = {
        kind: CHECK_TRIP,
        conditionIndex,
        wantListed: true,
        languages: null,
        keywordIds: null,
        regex: null,
        tripMaxMs: 0,
      };
      if (condition.field === 'language') {
        check.kind = CHECK_LANGUAGE;
        check.wantListed = condition.op === 'in';
        check.languages = new Set(condition.values.map((language) => language.toLowerCase()));
      } else if (condition.field === 'text' && condition.op === 'matches') {
        check.kind = CHECK_PATTERN;
        check.regex = patternRegExp(condition.pattern) ?? NEVER;
      } else if (condition.field === 'text') {
        check.kind = CHECK_KEYWORDS;
        check.keywordIds = [...new Set(condition.values.map(keywordId))];
      } else if (condition.field === 'booking' && condition.op === 'trip_within_hours') {
        check.tripMaxMs = condition.hours * HOUR_MS;
      } else {
        throw new Error(`Routing condition on ${condition.field} is not compiled`);
      }
      checks.push(check);
    }
    // Several `city in` conditions all hold only for the cities every one of them lists.
    const [firstList, ...otherLists] = cityLists;
    const citiesIn = firstList
      ? new Set(firstList.filter((city) => otherLists.every((list) => list.includes(city))))
      : null;
    return {
      index,
      id: rule.id,
      enabled: rule.enabled,
      allowedBits,
      citiesIn,
      citiesNotIn,
      checks,
      actions: rule.actions,
      stop: rule.actions.onMatch === 'stop',
    };
  });

  return {
    rules,
    compiled,
    cityIds,
    candidates: new Array(SHAPE_COUNT * (cityIds.size + 1)).fill(undefined),
    keywordTrie,
    keywordFound: new Uint8Array(keywordTrie.keywordCount),
  };
}

/*
 * Keyword haystacks, fast. keywordText (NFD, drop marks, lower-case, non-words to spaces) is
 * the definition, but it costs more than everything else route does for a message. The text
 * is only lower-cased instead, then each character below U+0250 (ASCII, Latin-1, Latin
 * Extended-A and -B: the scripts of the platform's markets) goes through a table made from
 * keywordText itself: the letter without its accents, or a space for what is not a letter or
 * digit. ASCII punctuation is left alone (findKeywords treats any run of non-word
 * characters as a separator). Any other character sends the message down keywordText.
 */
const FOLD_LIMIT = 0x250;
const USE_KEYWORD_TEXT = 0xffff;
let foldTable: Uint16Array | null = null;
let foldBuffer: Uint16Array | null = null;

/** Built on first use, so code that never routes does not pay for it at import. */
function fold(): Uint16Array {
  if (foldTable) return foldTable;
  foldTable = new Uint16Array(FOLD_LIMIT);
  for (let code = 0; code < FOLD_LIMIT; code++) {
    if (code < 128) {
      foldTable[code] = code;
      continue;
    }
    const folded = keywordText(String.fromCharCode(code)).slice(1);
    if (folded === ' ') foldTable[code] = 32;
    else foldTable[code] = folded.length === 1 ? folded.charCodeAt(0) : USE_KEYWORD_TEXT;
  }
  return foldTable;
}

function keywordHaystack(text: string): string {
  const lower = text.toLowerCase();
  // Lower-casing can lengthen a string (İ → i̇); keywordText handles those.
  if (lower.length > MAX_ROUTED_TEXT) return keywordText(text);
  const table = fold();
  foldBuffer ??= new Uint16Array(MAX_ROUTED_TEXT);
  let ascii = true;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 128) {
      foldBuffer[i] = code;
      continue;
    }
    const folded = code < FOLD_LIMIT ? table[code]! : USE_KEYWORD_TEXT;
    if (folded === USE_KEYWORD_TEXT) return keywordText(text);
    foldBuffer[i] = folded;
    ascii = false;
  }
  return ascii
    ? lower
    : String.fromCharCode.apply(null, foldBuffer.subarray(0, lower.length) as unknown as number[]);
}

/** Letters and digits; in a keyword haystack every code from 128 up is one too. */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code >= 128;
}

/**
 * The keywords of a rule set, letter by letter: node 0 is the root, and a keyword's words
 * are joined by one space edge, which matches any run of non-word characters.
 */
interface KeywordTrie {
  /** node × 65536 + character code → child node. */
  edges: Map<number, number>;
  /** The keyword ids ending at each node. */
  ends: (number[] | null)[];
  /** Normalised keyword (words joined by single spaces) → id. */
  ids: Map<string, number>;
  keywordCount: number;
}

function newKeywordTrie(): KeywordTrie {
  return { edges: new Map(), ends: [null], ids: new Map(), keywordCount: 0 };
}

/** The keyword's id, adding it when new. `words` is a keywordNeedle without its leading space. */
function addKeyword(trie: KeywordTrie, words: string): number {
  const known = trie.ids.get(words);
  if (known !== undefined) return known;
  const id = trie.keywordCount++;
  trie.ids.set(words, id);
  let node = 0;
  for (let i = 0; i < words.length; i++) {
    const key = node * 65536 + words.charCodeAt(i);
    let next = trie.edges.get(key);
    if (next === undefined) {
      next = trie.ends.length;
      trie.ends.push(null);
      trie.edges.set(key, next);
    }
    node = next;
  }
  const ends = trie.ends[node];
  if (ends) ends.push(id);
  else trie.ends[node] = [id];
  return id;
}

/**
 * Marks every keyword the haystack contains, by keywordText's rule: the keyword's words in
 * order, from the start of a word, whole except the last, which may begin a longer word.
 * From each word start it follows the trie as far as the text allows; each keyword ending
 * on the way is there. A run of non-word characters takes the trie's space edge once.
 */
function findKeywords(trie: KeywordTrie, haystack: string, found: Uint8Array): void {
  const { edges, ends } = trie;
  // A blank keyword (refused by the schema, but possible in old data) is in every text.
  for (const id of ends[0] ?? []) found[id] = 1;
  const length = haystack.length;
  for (let start = 0; start < length; start++) {
    if (!isWordCode(haystack.charCodeAt(start))) continue;
    if (start > 0 && isWordCode(haystack.charCodeAt(start - 1))) continue;
    let node = 0;
    for (let at = start; at < length; at++) {
      let code = haystack.charCodeAt(at);
      if (!isWordCode(code)) {
        code = 32;
        while (at + 1 < length && !isWordCode(haystack.charCodeAt(at + 1))) at++;
      }
      const next = edges.get(node * 65536 + code);
      if (next === undefined) break;
      node = next;
      const ending = ends[node];
      if (ending) for (let k = 0; k < ending.length; k++) found[ending[k]!] = 1;
    }
  }
}

/** The enabled rules a message of this shape and city could match, in rule order. */
function candidatesFor(set: CompiledRuleSet, shape: number, city: string | null, cityId: number) {
  const slot = shape * (set.cityIds.size + 1) + cityId;
  const known = set.candidates[slot];
  if (known) return known;
  const bits = bitsOfShape(shape);
  // City id 0 stands for every city no condition names, and for no city: both are in no list.
  const listedCity = cityId === 0 ? null : city;
  const found: number[] = [];
  for (const rule of set.compiled) {
    if (!rule.enabled || (bits & ~rule.allowedBits) !== 0) continue;
    if (rule.citiesIn !== null && (listedCity === null || !rule.citiesIn.has(listedCity))) continue;
    if (listedCity !== null && rule.citiesNotIn.has(listedCity)) continue;
    found.push(rule.index);
  }
  set.candidates[slot] = found;
  return found;
}

/**
 * Routes a message through ordered rules, top to bottom. A rule matches when it is enabled
 * and all its conditions hold. Every matching rule adds its tags and auto-reply. For the
 * single-valued fields — request type, priority, inbox, team — the FIRST matching rule that
 * sets one wins, and later matching rules only fill fields still empty. List order is then
 * the order of precedence whether rules stop or continue: specific rules go on top, and a
 * broad `continue` rule can add tags or supply a default lower down without overriding
 * them. A matching rule with `onMatch: 'stop'` ends evaluation.
 *
 * Pass a CompiledRuleSet (compileRules) when routing more than one message.
 */
export function route(
  message: RoutingMessage,
  rules: readonly RoutingRule[] | CompiledRuleSet,
): RoutingDecision {
  const set = isCompiledRuleSet(rules) ? rules : compileRules(rules);
  const city = message.cityCode === null ? null : message.cityCode.toUpperCase();
  const cityId = city === null ? 0 : (set.cityIds.get(city) ?? 0);
  const candidates = candidatesFor(set, shapeOf(message), city, cityId);
  const compiled = set.compiled;

  const language = primaryLanguage(message.locale);
  const tripDeltaMs = message.booking
    ? message.booking.scheduledAt.getTime() - message.receivedAt.getTime()
    : Number.NaN;
  const text =
    message.text.length > MAX_ROUTED_TEXT ? message.text.slice(0, MAX_ROUTED_TEXT) : message.text;
  let keywordsFound = false;
  const keywordFound = set.keywordFound;

  let requestTypeCode: string | null = null;
  let priority: Priority | null = null;
  let inboxCode: string | null = null;
  let teamCode: string | null = null;
  const tags: string[] = [];
  const autoReplies: string[] = [];
  const matchedRuleIds: string[] = [];
  const checked: number[] = [];
  let evaluated = compiled.length;

  for (let c = 0; c < candidates.length; c++) {
    const rule = compiled[candidates[c]!]!;
    let result = TRACE_MATCHED;
    const checks = rule.checks;
    for (let k = 0; k < checks.length; k++) {
      const check = checks[k]!;
      let holds: boolean;
      if (check.kind === CHECK_KEYWORDS) {
        if (!keywordsFound) {
          keywordFound.fill(0);
          findKeywords(set.keywordTrie, keywordHaystack(text), keywordFound);
          keywordsFound = true;
        }
        holds = false;
        const ids = check.keywordIds!;
        for (let i = 0; i < ids.length; i++) {
          if (keywordFound[ids[i]!] === 1) {
            holds = true;
            break;
          }
        }
      } else if (check.kind === CHECK_LANGUAGE) {
        holds = (language !== null && check.languages!.has(language)) === check.wantListed;
      } else if (check.kind === CHECK_PATTERN) {
        holds = check.regex!.test(text);
      } else {
        holds = tripDeltaMs >= -TRIP_GRACE_MS && tripDeltaMs <= check.tripMaxMs;
      }
      if (!holds) {
        result = check.conditionIndex;
        break;
      }
    }
    checked.push(rule.index, result);
    if (result !== TRACE_MATCHED) continue;

    const actions = rule.actions;
    matchedRuleIds.push(rule.id);
    if (requestTypeCode === null && actions.requestTypeCode !== undefined) {
      requestTypeCode = actions.requestTypeCode;
    }
    if (priority === null && actions.priority !== undefined) priority = actions.priority;
    if (inboxCode === null && actions.inboxCode !== undefined) inboxCode = actions.inboxCode;
    if (teamCode === null && actions.teamCode !== undefined) teamCode = actions.teamCode;
    if (actions.addTags !== undefined) {
      for (const tag of actions.addTags) if (!tags.includes(tag)) tags.push(tag);
    }
    if (actions.autoReply !== undefined && !autoReplies.includes(actions.autoReply)) {
      autoReplies.push(actions.autoReply);
    }
    if (rule.stop) {
      evaluated = rule.index + 1;
      break;
    }
  }

  return {
    outcome: { requestTypeCode, tags, priority, inboxCode, teamCode, autoReplies, matchedRuleIds },
    trace: { evaluated, checked },
  };
}
