import type { Audience } from '../shared/enums.ts';
import { SLA_TARGET_KINDS, SLA_TARGET_LABELS } from '../sla/policy.ts';
import type {
  AudienceSplit,
  FrozenFigures,
  Recommendation,
  SnapshotContent,
  SnapshotDriver,
} from './snapshot.ts';

/**
 * The explicit rules a snapshot's recommended actions come from. Each fires on named
 * numbers, and the recommendation says which numbers triggered it — nothing is a black box.
 */
export const SNAPSHOT_RULES = {
  slaAttainment: { below: 0.9, minimumDue: 20 },
  backlogGrowth: { share: 0.1, minimum: 20 },
  breachedOpen: { minimum: 1 },
  reopenRate: { above: 0.08, minimumResolved: 30 },
  csat: { below: 0.8, minimumRatings: 20 },
  fcr: { below: 0.6, minimumResolved: 30 },
  risingDriver: { factor: 1.5, minimum: 10 },
  staffingGap: { minimumHours: 1 },
  escalationBreaches: { minimum: 1 },
} as const;

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;
const AUDIENCE_NAMES: Record<Audience, string> = { guest: 'guests', driver: 'drivers' };

function perAudience(
  figures: AudienceSplit<FrozenFigures>,
  check: (figures: FrozenFigures, audience: Audience) => Recommendation | null,
): Recommendation[] {
  return (['guest', 'driver'] as const)
    .map((audience) => check(figures[audience], audience))
    .filter((item): item is Recommendation => item !== null);
}

function rising(drivers: readonly SnapshotDriver[]) {
  const { factor, minimum } = SNAPSHOT_RULES.risingDriver;
  return drivers.filter(
    (driver) => driver.count >= minimum && driver.count >= factor * Math.max(1, driver.previous),
  );
}

/** Recommended actions for a snapshot's figures, in the order a lead should read them. */
export function recommendActions(
  content: Omit<SnapshotContent, 'recommendations'>,
): Recommendation[] {
  const actions: Recommendation[] = [];
  const { figures } = content;

  const breached = figures.all.backlog.breachedOpen;
  if (breached >= SNAPSHOT_RULES.breachedOpen.minimum) {
    actions.push({
      rule: 'breachedOpen',
      title: 'Clear the breached conversations first',
      because: `${breached} open conversations are past an SLA target (of ${figures.all.backlog.open} open).`,
    });
  }

  for (const target of SLA_TARGET_KINDS) {
    actions.push(
      ...perAudience(figures, (slice, audience) => {
        const { due, met, attainment } = slice.sla[target];
        const rule = SNAPSHOT_RULES.slaAttainment;
        if (attainment === null || due < rule.minimumDue || attainment >= rule.below) return null;
        return {
          rule: 'slaAttainment',
          title: `Recover ${SLA_TARGET_LABELS[target].toLowerCase()} SLA for ${AUDIENCE_NAMES[audience]}`,
          because: `${percent(attainment)} met (${met} of ${due}), below the ${percent(rule.below)} goal.`,
        };
      }),
    );
  }

  actions.push(
    ...perAudience(figures, (slice, audience) => {
      const inflow = slice.backlog.daily.reduce((sum, day) => sum + day.inflow, 0);
      const outflow = slice.backlog.daily.reduce((sum, day) => sum + day.outflow, 0);
      const growth = inflow - outflow;
      const rule = SNAPSHOT_RULES.backlogGrowth;
      if (growth < rule.minimum || growth < rule.share * inflow) return null;
      return {
        rule: 'backlogGrowth',
        title: `Add capacity for ${AUDIENCE_NAMES[audience]}: the backlog is growing`,
        because: `${inflow} came in and ${outflow} were resolved (+${growth}); ${slice.backlog.open} open now.`,
      };
    }),
  );

  for (const gap of content.staffingGaps) {
    if (gap.shortAgentHours < SNAPSHOT_RULES.staffingGap.minimumHours) continue;
    actions.push({
      rule: 'staffingGap',
      title: `Schedule ${Math.ceil(gap.shortAgentHours)} more agent-hours in ${gap.inboxName}`,
      because: `Shifts leave ${Math.round(gap.shortAgentHours * 10) / 10} agent-hours uncovered in the hours the forecast needs them${
        gap.worstInterval ? ` (worst: ${gap.worstInterval}, ${gap.worstGap} agents short)` : ''
      }; over the whole week ${Math.round(gap.scheduledAgentHours)} are scheduled against ${Math.round(gap.requiredAgentHours)} required.`,
    });
  }

  for (const audience of ['guest', 'driver'] as const) {
    for (const driver of rising(content.drivers.requestTypes[audience])) {
      actions.push({
        rule: 'risingDriver',
        title: `Look into rising “${driver.name}” from ${AUDIENCE_NAMES[audience]}`,
        because: `${driver.count} conversations, up from ${driver.previous} the period before.`,
      });
    }
    for (const cause of rising(content.drivers.rootCauses[audience])) {
      actions.push({
        rule: 'risingRootCause',
        title: `Open an improvement item for “${cause.name}”`,
        because: `${cause.count} ${AUDIENCE_NAMES[audience]} conversations resolved with this root cause, up from ${cause.previous}.`,
      });
    }
  }

  actions.push(
    ...perAudience(figures, (slice, audience) => {
      const { reopened, resolved, rate } = slice.reopen;
      const rule = SNAPSHOT_RULES.reopenRate;
      if (rate === null || resolved < rule.minimumResolved || rate <= rule.above) return null;
      return {
        rule: 'reopenRate',
        title: `Review resolutions for ${AUDIENCE_NAMES[audience]}: too many reopen`,
        because: `${percent(rate)} reopened within 7 days (${reopened} of ${resolved}), above ${percent(rule.above)}.`,
      };
    }),
    ...perAudience(figures, (slice, audience) => {
      const { oneTouch, resolved, rate } = slice.fcr;
      const rule = SNAPSHOT_RULES.fcr;
      if (rate === null || resolved < rule.minimumResolved || rate >= rule.below) return null;
      return {
        rule: 'fcr',
        title: `Coach first-contact resolution for ${AUDIENCE_NAMES[audience]}`,
        because: `${percent(rate)} resolved in one touch (${oneTouch} of ${resolved}), below ${percent(rule.below)}.`,
      };
    }),
    ...perAudience(figures, (slice, audience) => {
      const { positive, ratings, score } = slice.csat;
      const rule = SNAPSHOT_RULES.csat;
      if (score === null || ratings < rule.minimumRatings || score >= rule.below) return null;
      return {
        rule: 'csat',
        title: `Read the low ratings from ${AUDIENCE_NAMES[audience]}`,
        because: `CSAT ${percent(score)} (${positive} of ${ratings} rated 4–5), below ${percent(rule.below)}.`,
      };
    }),
  );

  for (const team of content.turnaround) {
    if (team.breached < SNAPSHOT_RULES.escalationBreaches.minimum) continue;
    actions.push({
      rule: 'escalationBreaches',
      title: `Raise escalation turnaround with ${team.team}`,
      because: `${team.breached} escalations breached their SLA${team.returned ? `, ${team.returned} returned` : ''}.`,
    });
  }
  return actions;
}
