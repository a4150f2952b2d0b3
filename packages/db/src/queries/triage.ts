import {
  type CompiledRuleSet,
  compileRules,
  defaultBusinessCalendar,
  explainTrace,
  type InboundMessage,
  type InboxChoice,
  isWithinBusinessHours,
  type Priority,
  type RoutingMessage,
  type RoutingOutcome,
  type RoutingRule,
  type RuleExplanation,
  route,
  type StoredRoutingDecision,
  storedDecision,
} from '@switchboard/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import {
  cities,
  configChanges,
  inboxes,
  requestTypes,
  routingRules,
  tags,
  teams,
} from '../schema/index.ts';
import { IntakeError } from './intake-errors.ts';
import { requestTypeIsLive } from './taxonomy-live.ts';

/** A driver in their first 30 days on the platform is a "new driver" for routing. */
const NEW_DRIVER_DAYS = 30;
const DEFAULT_PRIORITY: Priority = 'P3';

interface RuleSetEntry {
  version: string;
  rules: RoutingRule[];
  compiled: CompiledRuleSet;
}

// Compiled once per configuration version and shared by every intake in this process; the
// version is read each time, so another server process's edit is picked up on the next message.
let cachedRuleSet: RuleSetEntry | null = null;

/** The routing rules in evaluation order, compiled, as they are now. */
export async function currentRuleSet(db: DatabaseOrTransaction): Promise<RuleSetEntry> {
  const [stamp] = await db
    .select({
      lastChange: sql<string | null>`(select ${configChanges.id}::text from ${configChanges}
        where ${configChanges.entityType} = 'routing_rule'
        order by ${configChanges.createdAt} desc, ${configChanges.id} desc limit 1)`,
      count: sql<number>`count(*)::int`,
      updatedAt: sql<string | null>`max(${routingRules.updatedAt})::text`,
    })
    .from(routingRules);
  const version = `${stamp?.lastChange ?? '-'}:${stamp?.count ?? 0}:${stamp?.updatedAt ?? '-'}`;
  if (cachedRuleSet?.version === version) return cachedRuleSet;
  const rows = await db
    .select({
      id: routingRules.id,
      name: routingRules.name,
      enabled: routingRules.enabled,
      conditions: routingRules.conditions,
      actions: routingRules.actions,
    })
    .from(routingRules)
    .orderBy(asc(routingRules.position), asc(routingRules.id));
  const entry = { version, rules: rows, compiled: compileRules(rows) };
  cachedRuleSet = entry;
  return entry;
}

export interface TriageInput {
  message: InboundMessage;
  contact: { vip: boolean; joinedAt: Date | null; locale: string };
  cityId: string | null;
  bookingScheduledAt: Date | null;
  now: Date;
}

export interface Triage {
  inboxId: string;
  priority: Priority;
  requestTypeId: string | null;
  requestTypeCode: string | null;
  tags: { id: string; code: string }[];
  autoReplies: string[];
  decision: StoredRoutingDecision;
}

interface InboxRow {
  id: string;
  code: string;
  name: string;
  cityId: string | null;
  channels: string[];
}

const inboxColumns = {
  id: inboxes.id,
  code: inboxes.code,
  name: inboxes.name,
  cityId: inboxes.cityId,
  channels: inboxes.channels,
};

/** Prefers the contact's city, then an inbox serving every city. */
function cityFit(cityId: string | null) {
  return cityId
    ? sql`case when ${inboxes.cityId} = ${cityId} then 0 when ${inboxes.cityId} is null then 1 else 2 end`
    : sql`case when ${inboxes.cityId} is null then 1 else 2 end`;
}

export interface Placement {
  routingMessage: RoutingMessage;
  outcome: RoutingOutcome;
  /** Every rule, in order: matched or not and why (the simulator shows them all). */
  explanations: RuleExplanation[];
  inbox: { id: string; code: string; name: string; choice: InboxChoice; note: string };
  requestType: { id: string; code: string; name: string } | null;
  priority: Priority;
  tags: { id: string; code: string }[];
}

/**
 * Where the rules (domain.routing.route) put a message, resolved to rows: the inbox (a
 * rule's inbox, else an inbox of a rule's team, else the audience's inbox for the city),
 * the request type and its default priority, the tags. A rule naming something that no
 * longer exists or does not take the channel falls back, and the note says so. Writes
 * nothing: intake stores it, the simulator shows it.
 */
export async function planPlacement(
  db: DatabaseOrTransaction,
  routingMessage: RoutingMessage,
  cityId: string | null,
): Promise<Placement> {
  const ruleSet = await currentRuleSet(db);
  const { outcome, trace } = route(routingMessage, ruleSet.compiled);
  const { inbox, choice, note } = await chooseInbox(db, routingMessage, cityId, outcome);
  const [requestType] = outcome.requestTypeCode
    ? await db
        .select({
          id: requestTypes.id,
          code: requestTypes.code,
          name: requestTypes.name,
          defaultPriority: requestTypes.defaultPriority,
        })
        .from(requestTypes)
        .where(and(eq(requestTypes.code, outcome.requestTypeCode), requestTypeIsLive))
    : [];
  const tagRows =
    outcome.tags.length > 0
      ? await db
          .select({ id: tags.id, code: tags.code })
          .from(tags)
          .where(and(inArray(tags.code, outcome.tags), eq(tags.deprecated, false)))
      : [];
  return {
    routingMessage,
    outcome,
    explanations: explainTrace(trace, ruleSet.compiled, routingMessage),
    inbox: { id: inbox.id, code: inbox.code, name: inbox.name, choice, note },
    requestType: requestType
      ? { id: requestType.id, code: requestType.code, name: requestType.name }
      : null,
    priority: outcome.priority ?? requestType?.defaultPriority ?? DEFAULT_PRIORITY,
    tags: outcome.tags
      .map((code) => tagRows.find((tag) => tag.code === code))
      .filter((tag): tag is { id: string; code: string } => tag !== undefined),
  };
}

/** What intake knows about a new message, as the rules see it. */
export async function routingMessageFor(
  db: DatabaseOrTransaction,
  input: TriageInput,
): Promise<RoutingMessage> {
  const { message, contact, now } = input;
  const [city] = input.cityId
    ? await db
        .select({ code: cities.code, timeZone: cities.timeZone })
        .from(cities)
        .where(eq(cities.id, input.cityId))
    : [];
  return {
    channel: message.channel,
    audience: message.audience,
    cityCode: city?.code ?? null,
    locale: contact.locale,
    text: message.text,
    contact: {
      vip: contact.vip,
      newDriver:
        message.audience === 'driver' &&
        contact.joinedAt !== null &&
        now.getTime() - contact.joinedAt.getTime() < NEW_DRIVER_DAYS * 86_400_000,
    },
    booking: input.bookingScheduledAt ? { scheduledAt: input.bookingScheduledAt } : null,
    receivedAt: now,
    insideBusinessHours: isWithinBusinessHours(
      now,
      defaultBusinessCalendar(city?.timeZone ?? 'UTC'),
    ),
  };
}

/** Routes a new conversation at intake: the placement plus the decision stored on it. */
export async function triage(db: DatabaseOrTransaction, input: TriageInput): Promise<Triage> {
  const placement = await planPlacement(db, await routingMessageFor(db, input), input.cityId);
  return {
    inboxId: placement.inbox.id,
    priority: placement.priority,
    requestTypeId: placement.requestType?.id ?? null,
    requestTypeCode: placement.requestType?.code ?? null,
    tags: placement.tags,
    autoReplies: placement.outcome.autoReplies,
    decision: storedDecision({
      routedAt: input.now,
      outcome: placement.outcome,
      explanations: placement.explanations,
      inbox: {
        code: placement.inbox.code,
        name: placement.inbox.name,
        choice: placement.inbox.choice,
        note: placement.inbox.note,
      },
    }),
  };
}

async function chooseInbox(
  db: DatabaseOrTransaction,
  message: Pick<RoutingMessage, 'channel' | 'audience'>,
  cityId: string | null,
  outcome: { inboxCode: string | null; teamCode: string | null },
): Promise<{ inbox: InboxRow; choice: InboxChoice; note: string }> {
  const takes = (inbox: InboxRow) => inbox.channels.includes(message.channel);
  const problems: string[] = [];
  if (outcome.inboxCode) {
    const [named] = await db
      .select(inboxColumns)
      .from(inboxes)
      .where(and(eq(inboxes.code, outcome.inboxCode), eq(inboxes.active, true)));
    if (named && takes(named)) {
      return { inbox: named, choice: 'rule_inbox', note: `A rule sent it to ${named.name}` };
    }
    problems.push(
      named
        ? `${named.name} does not take ${message.channel} conversations`
        : `the rule's inbox ${outcome.inboxCode} is missing or inactive`,
    );
  }
  if (outcome.teamCode) {
    const candidates = await db
      .select(inboxColumns)
      .from(inboxes)
      .innerJoin(teams, eq(teams.id, inboxes.teamId))
      .where(
        and(
          eq(teams.code, outcome.teamCode),
          eq(inboxes.active, true),
          eq(inboxes.audience, message.audience),
          sql`${message.channel} = any(${inboxes.channels})`,
        ),
      )
      .orderBy(cityFit(cityId), asc(inboxes.createdAt), asc(inboxes.id))
      .limit(1);
    const [teamInbox] = candidates;
    if (teamInbox) {
      return {
        inbox: teamInbox,
        choice: 'rule_team',
        note: `A rule sent it to team ${outcome.teamCode}: ${teamInbox.name}`,
      };
    }
    problems.push(
      `team ${outcome.teamCode} has no active ${message.audience} inbox for ${message.channel}`,
    );
  }
  const [fallback] = await db
    .select(inboxColumns)
    .from(inboxes)
    .where(
      and(
        eq(inboxes.audience, message.audience),
        eq(inboxes.active, true),
        sql`${message.channel} = any(${inboxes.channels})`,
      ),
    )
    .orderBy(cityFit(cityId), asc(inboxes.createdAt), asc(inboxes.id))
    .limit(1);
  if (!fallback) {
    throw new IntakeError(
      'no_inbox',
      `No active inbox takes ${message.audience} conversations on ${message.channel}; an admin needs to create or activate one`,
    );
  }
  const why = problems.length > 0 ? ` (${problems.join('; ')})` : '';
  return {
    inbox: fallback,
    choice: 'audience_city_default',
    note: `No rule chose an inbox${why}: the ${message.audience} inbox for the contact's city`,
  };
}
