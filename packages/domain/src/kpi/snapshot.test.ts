import { describe, expect, it } from 'vitest';
import type { KpiFigures } from './figures.ts';
import { recommendActions } from './recommendations.ts';
import {
  freezeFigures,
  lastCompletePeriod,
  periodBefore,
  type SnapshotContent,
} from './snapshot.ts';
import { snapshotMarkdown } from './snapshot-markdown.ts';

const NOW = new Date('2026-11-24T10:00:00Z'); // a Tuesday

describe('snapshot periods', () => {
  it('takes the last complete Monday-to-Monday week between local midnights', () => {
    const week = lastCompletePeriod('weekly', NOW, 'Europe/Lisbon');
    expect(week.from).toEqual(new Date('2026-11-16T00:00:00Z'));
    expect(week.to).toEqual(new Date('2026-11-23T00:00:00Z'));
    expect(periodBefore(week).from).toEqual(new Date('2026-11-09T00:00:00Z'));
  });

  it('takes the last calendar month, across a daylight-saving change', () => {
    const month = lastCompletePeriod('monthly', NOW, 'Europe/Lisbon');
    // 1 October is summer time in Lisbon (UTC+1), 1 November winter time (UTC+0).
    expect(month.from).toEqual(new Date('2026-09-30T23:00:00Z'));
    expect(month.to).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(periodBefore(month).from).toEqual(new Date('2026-08-31T23:00:00Z'));
    expect(lastCompletePeriod('monthly', new Date('2027-01-05T12:00:00Z'), 'UTC').from).toEqual(
      new Date('2026-12-01T00:00:00Z'),
    );
  });
});

function figures(overrides: Partial<KpiFigures> = {}): KpiFigures {
  const sla = { due: 0, met: 0, attainment: null };
  return {
    created: 0,
    firstResponse: {
      count: 0,
      p50Seconds: null,
      p90Seconds: null,
      p50BusinessSeconds: null,
      p90BusinessSeconds: null,
    },
    resolution: {
      count: 0,
      p50Seconds: null,
      p90Seconds: null,
      p50BusinessSeconds: null,
      p90BusinessSeconds: null,
    },
    sla: { firstResponse: sla, nextResponse: sla, resolution: sla },
    backlog: {
      open: 0,
      ages: { under4h: 0, from4to24h: 0, from1to3d: 0, over3d: 0 },
      oldestCreatedAt: null,
      breachedOpen: 0,
      daily: [],
    },
    routingAccuracy: { routed: 0, accurate: 0, transferred: 0, open: 0, rate: null },
    csat: { ratings: 0, positive: 0, score: null, requested: 0, responded: 0, responseRate: null },
    fcr: { resolved: 0, oneTouch: 0, rate: null },
    reopen: { resolved: 0, reopened: 0, rate: null },
    escalation: { handled: 0, escalated: 0, rate: null },
    contactRate: { conversations: 0, trips: 0, perThousandTrips: null },
    ...overrides,
  };
}

function content(driverFigures: KpiFigures): Omit<SnapshotContent, 'recommendations'> {
  const quiet = freezeFigures(figures());
  return {
    figures: {
      guest: quiet,
      driver: freezeFigures(driverFigures),
      all: freezeFigures(driverFigures),
    },
    previous: { guest: quiet, driver: quiet, all: quiet },
    drivers: {
      requestTypes: {
        guest: [{ code: 'LOST_ITEM', name: 'Lost item', count: 30, previous: 12 }],
        driver: [{ code: 'PAYOUT_MISSING', name: 'Payout missing', count: 40, previous: 38 }],
      },
      rootCauses: {
        guest: [],
        driver: [
          {
            code: 'payment_provider_timeout',
            name: 'Payment provider timeout',
            count: 12,
            previous: 2,
          },
        ],
      },
    },
    turnaround: [
      {
        team: 'Finance & Payouts',
        acknowledgeP90Minutes: 90,
        resolveP90Minutes: 600,
        breached: 3,
        returned: 1,
      },
    ],
    staffingGaps: [
      {
        inboxName: 'Drivers — Lisbon',
        shortAgentHours: 12.4,
        requiredAgentHours: 120,
        scheduledAgentHours: 108,
        worstInterval: 'Mon 09:00',
        worstGap: 3,
      },
    ],
  };
}

describe('recommended actions', () => {
  it('fire on explicit thresholds and say which numbers triggered them', () => {
    const actions = recommendActions(
      content(
        figures({
          sla: {
            firstResponse: { due: 200, met: 150, attainment: 0.75 },
            nextResponse: { due: 10, met: 1, attainment: 0.1 }, // too few to judge
            resolution: { due: 100, met: 95, attainment: 0.95 },
          },
          backlog: {
            ...figures().backlog,
            open: 80,
            breachedOpen: 7,
            daily: [{ date: '2026-11-16', inflow: 120, outflow: 60 }],
          },
          reopen: { resolved: 100, reopened: 12, rate: 0.12 },
        }),
      ),
    );
    const byRule = Object.fromEntries(actions.map((action) => [action.rule, action]));
    expect(byRule.breachedOpen?.because).toBe(
      '7 open conversations are past an SLA target (of 80 open).',
    );
    expect(byRule.slaAttainment).toEqual({
      rule: 'slaAttainment',
      title: 'Recover first response SLA for drivers',
      because: '75% met (150 of 200), below the 90% goal.',
    });
    expect(actions.filter((action) => action.rule === 'slaAttainment')).toHaveLength(1);
    expect(byRule.backlogGrowth?.because).toBe(
      '120 came in and 60 were resolved (+60); 80 open now.',
    );
    expect(byRule.staffingGap?.title).toBe('Schedule 13 more agent-hours in Drivers — Lisbon');
    expect(byRule.risingDriver?.title).toBe('Look into rising “Lost item” from guests');
    expect(byRule.risingRootCause?.because).toContain('12 drivers conversations resolved');
    expect(byRule.reopenRate?.because).toBe('12% reopened within 7 days (12 of 100), above 8%.');
    expect(byRule.escalationBreaches?.title).toBe(
      'Raise escalation turnaround with Finance & Payouts',
    );
    expect(byRule.csat).toBeUndefined();
  });

  it('recommend nothing when every number is healthy', () => {
    const healthy = content(figures());
    expect(
      recommendActions({
        ...healthy,
        turnaround: [],
        staffingGaps: [],
        drivers: { requestTypes: { guest: [], driver: [] }, rootCauses: { guest: [], driver: [] } },
      }),
    ).toEqual([]);
  });
});

describe('the Markdown export', () => {
  it('has the title, the actions, the headline table and the definitions used', () => {
    const base = content(figures({ created: 12 }));
    const markdown = snapshotMarkdown({
      kind: 'weekly',
      periodStart: new Date('2026-11-16T00:00:00Z'),
      periodEnd: new Date('2026-11-23T00:00:00Z'),
      timeZone: 'Europe/Lisbon',
      createdAt: NOW,
      definitions: { firstResponse: 1, csat: 1 },
      content: { ...base, recommendations: recommendActions(base) },
    });
    expect(markdown).toContain('# Weekly report, 16 Nov 2026 – 22 Nov 2026');
    expect(markdown).toContain('| Conversations | 0 | 12 | 12 | 0 |');
    expect(markdown).toContain('- **Schedule 13 more agent-hours in Drivers — Lisbon**');
    expect(markdown).toContain('## Top request types — drivers');
    expect(markdown).toContain('| Payout missing | 40 | 38 | +5% |');
    expect(markdown).toContain('- First response time (v1): Median and p90');
  });
});
