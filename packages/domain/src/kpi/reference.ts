import { localClock } from '../sla/calendar.ts';
import { SLA_TARGET_KINDS, type SlaSchedule } from '../sla/policy.ts';
import {
  type ConversationKpiFacts,
  conversationKpiFacts,
  type KpiConversation,
  type KpiEvent,
  type KpiSlaOutcome,
  type KpiSlices,
} from './facts.ts';
import {
  type BacklogAgeBucket,
  type DurationFigure,
  type KpiBreakdownRow,
  type KpiFigures,
  percentile,
  ratio,
} from './figures.ts';
import type { KpiFilter, KpiQuery, KpiSlice } from './query.ts';

/*
 * The reference implementation of DOMAIN.md "KPI formulas": plain loops over the facts of each
 * conversation, written to be read. The SQL in db/queries/kpi.ts must agree with it exactly
 * (a test generates data and compares both).
 */

export interface Trip {
  cityId: string;
  scheduledAt: Date;
}

export interface KpiDataset {
  facts: readonly ConversationKpiFacts[];
  outcomes: readonly KpiSlaOutcome[];
  /** Inbox → the team that works it (the "team" slice). */
  inboxTeams: ReadonlyMap<string, string>;
  trips: readonly Trip[];
}

const HOUR_MS = 3_600_000;
const OPEN_STATUSES = new Set(['open', 'pending', 'snoozed']);

function inPeriod(at: Date | null, query: KpiQuery): at is Date {
  return at !== null && at >= query.from && at < query.to;
}

/** The value of a slice for a fact (the team through its inbox). */
export function sliceValue(
  slices: KpiSlices,
  slice: KpiSlice,
  inboxTeams: ReadonlyMap<string, string>,
): string | null {
  switch (slice) {
    case 'audience':
      return slices.audience;
    case 'channel':
      return slices.channel;
    case 'city':
      return slices.cityId;
    case 'inbox':
      return slices.inboxId;
    case 'team':
      return inboxTeams.get(slices.inboxId) ?? null;
    case 'agent':
      return slices.assigneeId;
    case 'requestType':
      return slices.requestTypeId;
  }
}

function matches(slices: KpiSlices, filter: KpiFilter, inboxTeams: ReadonlyMap<string, string>) {
  return (
    (filter.audience === undefined || slices.audience === filter.audience) &&
    (filter.channel === undefined || slices.channel === filter.channel) &&
    (filter.cityId === undefined || slices.cityId === filter.cityId) &&
    (filter.inboxId === undefined || slices.inboxId === filter.inboxId) &&
    (filter.teamId === undefined || inboxTeams.get(slices.inboxId) === filter.teamId) &&
    (filter.agentId === undefined || slices.assigneeId === filter.agentId) &&
    (filter.requestTypeId === undefined || slices.requestTypeId === filter.requestTypeId)
  );
}

function durations(
  facts: readonly ConversationKpiFacts[],
  calendar: (fact: ConversationKpiFacts) => number | null,
  business: (fact: ConversationKpiFacts) => number | null,
): DurationFigure {
  const calendarValues = facts.map(calendar).filter((value): value is number => value !== null);
  const businessValues = facts.map(business).filter((value): value is number => value !== null);
  return {
    count: calendarValues.length,
    p50Seconds: percentile(calendarValues, 0.5),
    p90Seconds: percentile(calendarValues, 0.9),
    p50BusinessSeconds: percentile(businessValues, 0.5),
    p90BusinessSeconds: percentile(businessValues, 0.9),
  };
}

function ageBucket(ageMs: number): BacklogAgeBucket {
  if (ageMs < 4 * HOUR_MS) return 'under4h';
  if (ageMs < 24 * HOUR_MS) return 'from4to24h';
  if (ageMs < 72 * HOUR_MS) return 'from1to3d';
  return 'over3d';
}

/** A clock run counts when it fell due in the period and is settled: stopped, or overdue now. */
function settledDue(outcome: KpiSlaOutcome, query: KpiQuery, now: Date): boolean {
  if (!inPeriod(outcome.dueAt, query)) return false;
  return outcome.stoppedAt !== null || (!outcome.paused && outcome.dueAt < now);
}

const met = (outcome: KpiSlaOutcome) =>
  outcome.stoppedAt !== null && outcome.stoppedAt <= outcome.dueAt;

/** Whether a fact's conversation counts as one-touch: fewer than two replies, no reopen. */
const oneTouch = (fact: ConversationKpiFacts) =>
  fact.publicAgentReplies < 2 && !fact.reopenedWithin7Days;

/** Every KPI for the query's period and filter, as of `now` (backlog is always as of now). */
export function referenceKpis(dataset: KpiDataset, query: KpiQuery, now: Date): KpiFigures {
  const { inboxTeams } = dataset;
  const facts = dataset.facts.filter((fact) => matches(fact, query, inboxTeams));
  const outcomes = dataset.outcomes.filter((outcome) => matches(outcome, query, inboxTeams));

  const created = facts.filter((fact) => inPeriod(fact.createdAt, query));
  const firstResponded = facts.filter((fact) => inPeriod(fact.firstResponseAt, query));
  const resolved = facts.filter((fact) => inPeriod(fact.resolvedAt, query));
  const firstResolved = facts.filter((fact) => inPeriod(fact.firstResolvedAt, query));
  const rated = facts.filter((fact) => inPeriod(fact.csatRatedAt, query));
  const requested = facts.filter((fact) => inPeriod(fact.csatRequestedAt, query));
  const open = facts.filter((fact) => OPEN_STATUSES.has(fact.status));
  const routed = created.filter((fact) => fact.firstInboxId !== null);

  const sla = Object.fromEntries(
    SLA_TARGET_KINDS.map((target) => {
      const due = outcomes.filter((o) => o.target === target && settledDue(o, query, now));
      const metCount = due.filter(met).length;
      return [target, { due: due.length, met: metCount, attainment: ratio(metCount, due.length) }];
    }),
  ) as KpiFigures['sla'];

  const ages: Record<BacklogAgeBucket, number> = {
    under4h: 0,
    from4to24h: 0,
    from1to3d: 0,
    over3d: 0,
  };
  let oldest: Date | null = null;
  for (const fact of open) {
    ages[ageBucket(now.getTime() - fact.createdAt.getTime())] += 1;
    if (oldest === null || fact.createdAt < oldest) oldest = fact.createdAt;
  }
  const openIds = new Set(open.map((fact) => fact.conversationId));
  const breachedIds = new Set(
    outcomes
      .filter(
        (o) => openIds.has(o.conversationId) && o.stoppedAt === null && !o.paused && o.dueAt < now,
      )
      .map((o) => o.conversationId),
  );

  const daily = new Map<string, { inflow: number; outflow: number }>();
  for (const day of localDays(query)) daily.set(day, { inflow: 0, outflow: 0 });
  for (const fact of created)
    daily.get(localClock(fact.createdAt, query.timeZone).date)!.inflow += 1;
  for (const fact of resolved) {
    daily.get(localClock(fact.resolvedAt!, query.timeZone).date)!.outflow += 1;
  }

  const routedResolved = (fact: ConversationKpiFacts) =>
    fact.status === 'resolved' || fact.status === 'closed';
  const accurate = routed.filter((f) => !f.transferred && routedResolved(f)).length;
  const transferred = routed.filter((f) => f.transferred).length;
  const positive = rated.filter((fact) => (fact.csatRating ?? 0) >= 4).length;
  const responded = requested.filter((fact) => fact.csatRatedAt !== null).length;
  const oneTouchCount = firstResolved.filter(oneTouch).length;
  const reopened = firstResolved.filter((fact) => fact.reopenedWithin7Days).length;
  const escalated = created.filter((fact) => fact.escalatedAt !== null).length;
  const trips = dataset.trips.filter(
    (trip) => inPeriod(trip.scheduledAt, query) && (!query.cityId || trip.cityId === query.cityId),
  ).length;

  return {
    created: created.length,
    firstResponse: durations(
      firstResponded,
      (f) => f.firstResponseSeconds,
      (f) => f.firstResponseBusinessSeconds,
    ),
    resolution: durations(
      resolved,
      (f) => f.resolutionSeconds,
      (f) => f.resolutionBusinessSeconds,
    ),
    sla,
    backlog: {
      open: open.length,
      ages,
      oldestCreatedAt: oldest,
      breachedOpen: breachedIds.size,
      daily: [...daily].map(([date, flow]) => ({ date, ...flow })),
    },
    routingAccuracy: {
      routed: routed.length,
      accurate,
      transferred,
      open: routed.length - accurate - transferred,
      rate: ratio(accurate, routed.length),
    },
    csat: {
      ratings: rated.length,
      positive,
      score: ratio(positive, rated.length),
      requested: requested.length,
      responded,
      responseRate: ratio(responded, requested.length),
    },
    fcr: {
      resolved: firstResolved.length,
      oneTouch: oneTouchCount,
      rate: ratio(oneTouchCount, firstResolved.length),
    },
    reopen: {
      resolved: firstResolved.length,
      reopened,
      rate: ratio(reopened, firstResolved.length),
    },
    escalation: {
      handled: created.length,
      escalated,
      rate: ratio(escalated, created.length),
    },
    contactRate: {
      conversations: created.length,
      trips,
      perThousandTrips: trips > 0 ? (created.length * 1000) / trips : null,
    },
  };
}

/** The local dates the period touches, in its time zone, in order. */
export function localDays(query: Pick<KpiQuery, 'from' | 'to' | 'timeZone'>): string[] {
  const days: string[] = [];
  const last = localClock(new Date(query.to.getTime() - 1), query.timeZone).date;
  let day = localClock(query.from, query.timeZone).date;
  while (day <= last) {
    days.push(day);
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    day = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  }
  return days;
}

/** Headline figures per value of one slice (rows with no activity in the period are left out). */
export function referenceBreakdown(
  dataset: KpiDataset,
  query: KpiQuery,
  by: KpiSlice,
  now: Date,
): KpiBreakdownRow[] {
  const keys = new Set<string | null>();
  for (const fact of dataset.facts) {
    if (matches(fact, query, dataset.inboxTeams))
      keys.add(sliceValue(fact, by, dataset.inboxTeams));
  }
  const rows: KpiBreakdownRow[] = [];
  for (const key of keys) {
    const inSlice = (slices: KpiSlices) => sliceValue(slices, by, dataset.inboxTeams) === key;
    const figures = referenceKpis(
      {
        ...dataset,
        facts: dataset.facts.filter(inSlice),
        outcomes: dataset.outcomes.filter(inSlice),
      },
      query,
      now,
    );
    const slaDue = Object.values(figures.sla).reduce((sum, target) => sum + target.due, 0);
    const slaMet = Object.values(figures.sla).reduce((sum, target) => sum + target.met, 0);
    const row: KpiBreakdownRow = {
      key,
      created: figures.created,
      firstResponseP50BusinessSeconds: figures.firstResponse.p50BusinessSeconds,
      firstResponseP90BusinessSeconds: figures.firstResponse.p90BusinessSeconds,
      resolutionP50BusinessSeconds: figures.resolution.p50BusinessSeconds,
      resolutionP90BusinessSeconds: figures.resolution.p90BusinessSeconds,
      firstResponses: figures.firstResponse.count,
      resolutions: figures.resolution.count,
      slaDue,
      slaMet,
      ratings: figures.csat.ratings,
      positiveRatings: figures.csat.positive,
      resolved: figures.fcr.resolved,
      oneTouch: figures.fcr.oneTouch,
      reopened: figures.reopen.reopened,
      escalated: figures.escalation.escalated,
      open: figures.backlog.open,
    };
    if (hasActivity(row)) rows.push(row);
  }
  return rows.sort(compareBreakdownRows);
}

/** A slice value shows when anything happened to it in the period, or it has open work. */
export function hasActivity(row: KpiBreakdownRow): boolean {
  return (
    row.created +
      row.firstResponses +
      row.resolutions +
      row.slaDue +
      row.ratings +
      row.resolved +
      row.open >
    0
  );
}

/** Busiest first, then by key, so both implementations list rows in one order. */
export function compareBreakdownRows(a: KpiBreakdownRow, b: KpiBreakdownRow): number {
  if (a.created !== b.created) return b.created - a.created;
  return (a.key ?? '').localeCompare(b.key ?? '');
}

export interface KpiEventDataset {
  conversations: readonly KpiConversation[];
  events: ReadonlyMap<string, readonly KpiEvent[]>;
  schedules: ReadonlyMap<string, SlaSchedule>;
  inboxTeams: ReadonlyMap<string, string>;
  trips: readonly Trip[];
}

/** The facts and clock runs of every conversation, derived from the event logs. */
export function datasetFromEvents(input: KpiEventDataset): KpiDataset {
  const facts: ConversationKpiFacts[] = [];
  const outcomes: KpiSlaOutcome[] = [];
  for (const conversation of input.conversations) {
    const derived = conversationKpiFacts(
      conversation,
      input.events.get(conversation.id) ?? [],
      input.schedules.get(conversation.inboxId),
    );
    facts.push(derived.facts);
    outcomes.push(...derived.outcomes);
  }
  return { facts, outcomes, inboxTeams: input.inboxTeams, trips: input.trips };
}
