import { KPI_DEFINITIONS, type KpiFigures } from '@switchboard/domain';
import type { ProcedureOutput } from '@switchboard/ui/testing';

/** Test data for the report pages: ids and figures the tests can reason about. */

export const LISBON_ID = '66666666-6666-4666-8666-666666666666';
export const DUBAI_ID = '77777777-7777-4777-8777-777777777777';
export const L1_TEAM_ID = '88888888-8888-4888-8888-888888888888';
export const LISBON_DRIVERS_INBOX_ID = '99999999-9999-4999-8999-999999999999';
export const PAYOUT_TYPE_ID = 'abababab-abab-4bab-8bab-abababababab';
export const AGENT_ID = 'AgentMarianaDias000000000000001';

type Dashboard = ProcedureOutput<'kpi.dashboard'>;
type Options = ProcedureOutput<'kpi.filterOptions'>;
type Breakdown = ProcedureOutput<'kpi.breakdown'>;
type BreakdownRow = Breakdown['rows'][number];

export const FILTER_OPTIONS: Options = {
  cities: [
    { id: DUBAI_ID, name: 'Dubai', timeZone: 'Asia/Dubai' },
    { id: LISBON_ID, name: 'Lisbon', timeZone: 'Europe/Lisbon' },
  ],
  inboxes: [
    {
      id: LISBON_DRIVERS_INBOX_ID,
      name: 'Lisbon · Drivers',
      teamId: L1_TEAM_ID,
      audience: 'driver',
    },
  ],
  teams: [{ id: L1_TEAM_ID, name: 'Support L1' }],
  agents: [{ id: AGENT_ID, name: 'Mariana Dias' }],
  requestTypes: [{ id: PAYOUT_TYPE_ID, name: 'Payout missing', audience: 'driver' }],
};

export function kpiFigures(overrides: Partial<KpiFigures> = {}): KpiFigures {
  return {
    created: 48,
    firstResponse: {
      count: 44,
      p50Seconds: 900,
      p90Seconds: 5_400,
      p50BusinessSeconds: 720,
      p90BusinessSeconds: 3_600,
    },
    resolution: {
      count: 40,
      p50Seconds: 30_000,
      p90Seconds: 180_000,
      p50BusinessSeconds: 14_400,
      p90BusinessSeconds: 90_000,
    },
    sla: {
      firstResponse: { due: 40, met: 36, attainment: 0.9 },
      nextResponse: { due: 20, met: 20, attainment: 1 },
      resolution: { due: 30, met: 21, attainment: 0.7 },
    },
    backlog: {
      open: 9,
      ages: { under4h: 3, from4to24h: 2, from1to3d: 3, over3d: 1 },
      oldestCreatedAt: new Date('2026-03-10T09:00:00Z'),
      breachedOpen: 4,
      daily: [
        { date: '2026-03-13', inflow: 20, outflow: 18 },
        { date: '2026-03-14', inflow: 28, outflow: 22 },
      ],
    },
    routingAccuracy: { routed: 40, accurate: 34, transferred: 3, open: 3, rate: 0.85 },
    csat: {
      ratings: 16,
      positive: 14,
      score: 0.875,
      requested: 32,
      responded: 16,
      responseRate: 0.5,
    },
    fcr: { resolved: 40, oneTouch: 30, rate: 0.75 },
    reopen: { resolved: 40, reopened: 4, rate: 0.1 },
    escalation: { handled: 48, escalated: 6, rate: 0.125 },
    contactRate: { conversations: 48, trips: 12_000, perThousandTrips: 4 },
    ...overrides,
  };
}

/** The period before: slower first replies, lower CSAT, fewer reopens. */
export const PREVIOUS_FIGURES = kpiFigures({
  created: 40,
  firstResponse: {
    count: 38,
    p50Seconds: 1_200,
    p90Seconds: 6_000,
    p50BusinessSeconds: 900,
    p90BusinessSeconds: 4_000,
  },
  csat: { ratings: 10, positive: 8, score: 0.8, requested: 20, responded: 10, responseRate: 0.5 },
  reopen: { resolved: 36, reopened: 2, rate: 0.05 },
});

export function dashboard(
  figures: KpiFigures = kpiFigures(),
  previous: KpiFigures = PREVIOUS_FIGURES,
): Dashboard {
  return {
    period: {
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-03-15T00:00:00Z'),
      timeZone: 'Europe/Lisbon',
    },
    previousPeriod: {
      from: new Date('2026-02-15T00:00:00Z'),
      to: new Date('2026-03-01T00:00:00Z'),
    },
    figures,
    previous,
    turnaround: [
      {
        teamKind: 'finance_payouts',
        sent: 5,
        active: 1,
        breached: 1,
        resolved: 4,
        returned: 0,
        acknowledgeMinutes: { p50: 30, p90: 90 },
        resolveMinutes: { p50: 600, p90: 1_500 },
      },
    ],
    definitions: KPI_DEFINITIONS,
  };
}

export function breakdownRow(overrides: Partial<BreakdownRow> = {}): BreakdownRow {
  return {
    key: 'guest',
    label: 'Guest',
    created: 30,
    firstResponseP50BusinessSeconds: 600,
    firstResponseP90BusinessSeconds: 3_000,
    resolutionP50BusinessSeconds: 12_000,
    resolutionP90BusinessSeconds: 80_000,
    firstResponses: 28,
    resolutions: 25,
    slaDue: 60,
    slaMet: 54,
    ratings: 10,
    positiveRatings: 9,
    resolved: 25,
    oneTouch: 20,
    reopened: 2,
    escalated: 3,
    open: 5,
    ...overrides,
  };
}

export const AUDIENCE_BREAKDOWN: Breakdown = {
  by: 'audience',
  rows: [
    breakdownRow(),
    breakdownRow({
      key: 'driver',
      label: 'Driver',
      created: 18,
      firstResponseP50BusinessSeconds: 900,
      slaDue: 30,
      slaMet: 23,
      ratings: 6,
      positiveRatings: 5,
      resolved: 15,
      oneTouch: 10,
      reopened: 2,
      escalated: 3,
      open: 4,
    }),
  ],
};
