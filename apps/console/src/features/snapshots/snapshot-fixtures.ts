import {
  type FrozenFigures,
  kpiDefinitionVersions,
  type SnapshotContent,
} from '@switchboard/domain';
import { mockViewer } from '@switchboard/ui/testing';
import type { SnapshotOutputs } from './snapshot-mocks.ts';

/** Test data for the snapshot pages: figures and ids the tests can reason about. */

export const SNAPSHOT_ID = '5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a01';
export const MONTHLY_ID = '5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a02';
export const LEAD_ID = '22222222-2222-4222-8222-222222222222';

export const leadViewer = mockViewer({ id: LEAD_ID, role: 'lead', name: 'Lena Lead' });
export const trainerViewer = mockViewer({ role: 'trainer', name: 'Tiago Trainer' });

type SnapshotRow = SnapshotOutputs['list']['items'][number];
type StoredSnapshot = SnapshotOutputs['get'];

export function snapshotRow(overrides: Partial<SnapshotRow> = {}): SnapshotRow {
  return {
    id: SNAPSHOT_ID,
    kind: 'weekly',
    // Monday 9 March 2026 to Monday 16 March, Lisbon midnights (WET, UTC+0).
    periodStart: new Date('2026-03-09T00:00:00Z'),
    periodEnd: new Date('2026-03-16T00:00:00Z'),
    timeZone: 'Europe/Lisbon',
    source: 'schedule',
    createdAt: new Date('2026-03-16T01:00:00Z'),
    requestedByName: null,
    recommendations: 3,
    ...overrides,
  };
}

export function frozenFigures(overrides: Partial<FrozenFigures> = {}): FrozenFigures {
  return {
    created: 480,
    firstResponse: {
      count: 440,
      p50Seconds: 900,
      p90Seconds: 5_400,
      p50BusinessSeconds: 720,
      p90BusinessSeconds: 3_600,
    },
    resolution: {
      count: 400,
      p50Seconds: 30_000,
      p90Seconds: 180_000,
      p50BusinessSeconds: 14_400,
      p90BusinessSeconds: 90_000,
    },
    sla: {
      firstResponse: { due: 400, met: 360, attainment: 0.9 },
      nextResponse: { due: 0, met: 0, attainment: null },
      resolution: { due: 300, met: 210, attainment: 0.7 },
    },
    backlog: {
      open: 90,
      ages: { under4h: 30, from4to24h: 20, from1to3d: 30, over3d: 10 },
      oldestCreatedAt: '2026-03-02T09:00:00.000Z',
      breachedOpen: 4,
      daily: [{ date: '2026-03-09', inflow: 70, outflow: 65 }],
    },
    routingAccuracy: { routed: 400, accurate: 340, transferred: 30, open: 30, rate: 0.85 },
    csat: {
      ratings: 160,
      positive: 140,
      score: 0.875,
      requested: 320,
      responded: 160,
      responseRate: 0.5,
    },
    fcr: { resolved: 400, oneTouch: 300, rate: 0.75 },
    reopen: { resolved: 400, reopened: 40, rate: 0.1 },
    escalation: { handled: 480, escalated: 60, rate: 0.125 },
    contactRate: { conversations: 480, trips: 120_000, perThousandTrips: 4 },
    ...overrides,
  };
}

export function snapshotContent(overrides: Partial<SnapshotContent> = {}): SnapshotContent {
  return {
    figures: {
      guest: frozenFigures({ created: 300 }),
      driver: frozenFigures({ created: 180 }),
      all: frozenFigures(),
    },
    previous: {
      guest: frozenFigures({ created: 280 }),
      driver: frozenFigures({ created: 140 }),
      all: frozenFigures({ created: 420 }),
    },
    drivers: {
      requestTypes: {
        guest: [
          { code: 'LATE_DRIVER', name: 'Driver late', count: 120, previous: 80 },
          { code: 'LOST_ITEM', name: 'Lost item', count: 30, previous: 40 },
        ],
        driver: [{ code: 'PAYOUT_MISSING', name: 'Payout missing', count: 25, previous: 0 }],
      },
      rootCauses: {
        guest: [{ code: 'traffic', name: 'Traffic', count: 50, previous: 50 }],
        driver: [],
      },
    },
    turnaround: [
      {
        team: 'Finance & Payouts',
        acknowledgeP90Minutes: 45,
        resolveP90Minutes: 1_800,
        breached: 2,
        returned: 1,
      },
    ],
    staffingGaps: [
      {
        inboxName: 'Lisbon · Guests',
        shortAgentHours: 12.34,
        requiredAgentHours: 240.4,
        scheduledAgentHours: 228,
        worstInterval: 'Mon 09:00',
        worstGap: 3,
      },
    ],
    recommendations: [
      {
        rule: 'breachedOpen',
        title: 'Clear the breached conversations first',
        because: '4 open conversations are past an SLA target (of 90 open).',
      },
      {
        rule: 'slaAttainment',
        title: 'Recover resolution SLA for guests',
        because: '70% met (210 of 300), below the 90% goal.',
      },
    ],
    ...overrides,
  };
}

export function storedSnapshot(overrides: Partial<StoredSnapshot> = {}): StoredSnapshot {
  const { recommendations: _count, ...row } = snapshotRow();
  return {
    ...row,
    requestedById: null,
    requestedByName: null,
    definitions: kpiDefinitionVersions(),
    content: snapshotContent(),
    title: 'Weekly report, 9 Mar 2026 – 15 Mar 2026',
    ...overrides,
  };
}
