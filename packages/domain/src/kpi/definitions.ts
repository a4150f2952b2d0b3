/**
 * The KPI definitions, each with a version. A definition's version goes up whenever what it
 * counts changes, and every snapshot stores the versions it was computed with, so a frozen
 * report says exactly which formulas produced it.
 */
export const KPI_DEFINITIONS = {
  firstResponse: {
    version: 1,
    label: 'First response time',
    formula:
      'Median and p90 (nearest rank) of creation → first public reply by a human agent, in the business time of the inbox calendar, for first replies sent in the period.',
  },
  resolution: {
    version: 1,
    label: 'Resolution time',
    formula:
      'Median and p90 (nearest rank) of creation → last resolution, in business time, for conversations whose standing resolution falls in the period.',
  },
  slaAttainment: {
    version: 1,
    label: 'SLA attainment',
    formula:
      'Per target: clock runs met ÷ clock runs that fell due in the period (stopped, or overdue and not paused). Resolving stops every running clock.',
  },
  backlog: {
    version: 1,
    label: 'Backlog health',
    formula:
      'Open, pending and snoozed now; ages < 4 h, 4–24 h, 1–3 d, > 3 d; the oldest; breached open (a running clock overdue); inflow (created) vs outflow (resolved) per local day.',
  },
  routingAccuracy: {
    version: 1,
    label: 'Routing accuracy',
    formula:
      'Routed conversations created in the period that were resolved without a transfer ÷ routed conversations created in the period (open ones count in the denominator).',
  },
  csat: {
    version: 1,
    label: 'CSAT',
    formula:
      'Ratings of 4–5 ÷ all ratings received in the period; response rate = surveys sent in the period that were answered ÷ surveys sent.',
  },
  fcr: {
    version: 1,
    label: 'First contact resolution (one-touch)',
    formula:
      'Conversations first resolved in the period with fewer than two public agent replies and no reopen within 7 days ÷ conversations first resolved in the period.',
  },
  reopenRate: {
    version: 1,
    label: 'Reopen rate',
    formula:
      'Conversations first resolved in the period that were reopened within 7 days of a resolution ÷ conversations first resolved in the period.',
  },
  escalationRate: {
    version: 1,
    label: 'Escalation rate',
    formula:
      'Conversations created in the period that were escalated to another team ÷ conversations created in the period.',
  },
  escalationTurnaround: {
    version: 1,
    label: 'Escalation turnaround',
    formula:
      'Per downstream team: p50/p90 acknowledge and resolve minutes of escalations sent in the period, breaches and returns.',
  },
  contactRate: {
    version: 1,
    label: 'Contact rate',
    formula:
      'Conversations created in the period per 1,000 trips scheduled in the period (per city when filtered).',
  },
} as const;

export type KpiKey = keyof typeof KPI_DEFINITIONS;

/** The version of every definition, as a snapshot stores it. */
export function kpiDefinitionVersions(): Record<KpiKey, number> {
  return Object.fromEntries(
    Object.entries(KPI_DEFINITIONS).map(([key, definition]) => [key, definition.version]),
  ) as Record<KpiKey, number>;
}
