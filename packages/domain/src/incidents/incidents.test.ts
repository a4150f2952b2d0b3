import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../shared/severity.ts';
import {
  classifyIncident,
  INCIDENT_IMPACTS,
  INCIDENT_MONEY,
  INCIDENT_SCOPES,
  type IncidentFacts,
} from './classify.ts';
import { declareIncidentInputSchema, linkConversationsInputSchema } from './inputs.ts';
import {
  mayMoveIncident,
  nextStatusUpdateDue,
  STATUS_UPDATE_CADENCE_MINUTES,
} from './lifecycle.ts';
import { incidentTimeline, reviewProgress } from './review.ts';
import { detectSpikes, SPIKE_RULE, usualPerWindow } from './spikes.ts';

const facts = (overrides: Partial<IncidentFacts> = {}): IncidentFacts => ({
  scope: 'one_customer',
  impact: 'degraded',
  money: 'none',
  safety: false,
  ...overrides,
});
const rank = (severity: string) => SEVERITIES.indexOf(severity as never);

describe('incident classification', () => {
  it('makes safety, failing payouts and a blocked platform SEV1', () => {
    expect(classifyIncident(facts({ safety: true }))).toEqual({
      severity: 'sev1',
      reasons: ['Someone’s safety is at risk'],
    });
    expect(classifyIncident(facts({ money: 'payouts_failing' })).severity).toBe('sev1');
    expect(classifyIncident(facts({ scope: 'platform', impact: 'blocked' })).severity).toBe('sev1');
  });

  it('grades the rest by scope, impact and money', () => {
    expect(classifyIncident(facts({ scope: 'platform' })).severity).toBe('sev2');
    expect(classifyIncident(facts({ scope: 'city', impact: 'blocked' })).severity).toBe('sev2');
    expect(classifyIncident(facts({ money: 'some' })).severity).toBe('sev3');
    expect(classifyIncident(facts({ scope: 'several_cities' })).severity).toBe('sev3');
    expect(classifyIncident(facts({ scope: 'some_customers', impact: 'blocked' })).severity).toBe(
      'sev3',
    );
    expect(classifyIncident(facts())).toEqual({
      severity: 'sev4',
      reasons: ['Minor, few customers affected'],
    });
  });

  it('never rates an incident milder when it gets wider, worse, costlier or unsafe', () => {
    const arbitraryFacts = fc.record({
      scope: fc.constantFrom(...INCIDENT_SCOPES),
      impact: fc.constantFrom(...INCIDENT_IMPACTS),
      money: fc.constantFrom(...INCIDENT_MONEY),
      safety: fc.boolean(),
    });
    fc.assert(
      fc.property(arbitraryFacts, (base) => {
        const severity = rank(classifyIncident(base).severity);
        const worse: IncidentFacts[] = [
          { ...base, safety: true },
          { ...base, impact: 'blocked' },
          {
            ...base,
            scope:
              INCIDENT_SCOPES[
                Math.min(INCIDENT_SCOPES.indexOf(base.scope) + 1, INCIDENT_SCOPES.length - 1)
              ]!,
          },
          {
            ...base,
            money:
              INCIDENT_MONEY[
                Math.min(INCIDENT_MONEY.indexOf(base.money) + 1, INCIDENT_MONEY.length - 1)
              ]!,
          },
        ];
        for (const other of worse)
          expect(rank(classifyIncident(other).severity)).toBeLessThanOrEqual(severity);
      }),
    );
  });

  it('names each field of a bad declaration', () => {
    const result = declareIncidentInputSchema.safeParse({
      title: 'Out',
      scope: 'galaxy',
      impact: 'blocked',
      money: 'none',
      safety: 'maybe',
      severity: 'sev0',
      cityCodes: ['Lisbon'],
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'cityCodes.0',
      'safety',
      'scope',
      'severity',
      'title',
    ]);
  });

  it('links by ids or by a search, not by nothing', () => {
    const incidentId = '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a001';
    expect(
      linkConversationsInputSchema.safeParse({ incidentId, conversationIds: [] }).success,
    ).toBe(false);
    expect(
      linkConversationsInputSchema.safeParse({
        incidentId,
        match: { requestTypeCode: 'APP_BUG', cityCode: 'LIS' },
      }).success,
    ).toBe(true);
  });
});

describe('incident lifecycle', () => {
  it('moves forward or stays, never back, and ends at resolved', () => {
    expect(mayMoveIncident('investigating', 'investigating').ok).toBe(true);
    expect(mayMoveIncident('investigating', 'monitoring').ok).toBe(true);
    expect(mayMoveIncident('monitoring', 'identified')).toEqual({
      ok: false,
      why: 'An incident that is fix in place, monitoring does not go back to cause identified',
    });
    expect(mayMoveIncident('resolved', 'monitoring').ok).toBe(false);
  });

  it('owes updates on a cadence by severity, none once resolved', () => {
    const last = new Date('2026-11-20T10:00:00Z');
    expect(nextStatusUpdateDue('investigating', 'sev1', last)?.toISOString()).toBe(
      '2026-11-20T10:30:00.000Z',
    );
    expect(nextStatusUpdateDue('monitoring', 'sev4', last)?.toISOString()).toBe(
      '2026-11-21T10:00:00.000Z',
    );
    expect(nextStatusUpdateDue('resolved', 'sev1', last)).toBeNull();
    for (let i = 1; i < SEVERITIES.length; i += 1) {
      expect(STATUS_UPDATE_CADENCE_MINUTES[SEVERITIES[i]!]).toBeGreaterThan(
        STATUS_UPDATE_CADENCE_MINUTES[SEVERITIES[i - 1]!],
      );
    }
  });
});

describe('spike detection', () => {
  const windowsInBaseline = (SPIKE_RULE.baselineDays * 24 * 60) / SPIKE_RULE.windowMinutes;

  it('suggests a pair well above its usual, with at least the minimum count', () => {
    const spikes = detectSpikes([
      { requestTypeCode: 'APP_BUG', cityCode: 'LIS', inWindow: 12, inBaseline: 40 },
      {
        requestTypeCode: 'LATE_PICKUP',
        cityCode: 'LON',
        inWindow: 9,
        inBaseline: 5 * windowsInBaseline,
      },
      { requestTypeCode: 'PAYOUT_MISSING', cityCode: 'DXB', inWindow: 4, inBaseline: 0 },
    ]);
    expect(spikes.map((spike) => `${spike.requestTypeCode}@${spike.cityCode}`)).toEqual([
      'APP_BUG@LIS',
    ]);
    expect(spikes[0]!.why).toBe(
      '12 APP_BUG conversations in LIS in the last 30 minutes; usually under 1',
    );
  });

  it('sits exactly on the thresholds', () => {
    const usual = 2;
    const inBaseline = usual * windowsInBaseline;
    expect(usualPerWindow(inBaseline)).toBe(usual);
    const at = { requestTypeCode: 'APP_BUG', cityCode: 'LIS', inBaseline };
    expect(detectSpikes([{ ...at, inWindow: usual * SPIKE_RULE.factor }])).toHaveLength(1);
    expect(detectSpikes([{ ...at, inWindow: usual * SPIKE_RULE.factor - 1 }])).toHaveLength(0);
    expect(
      detectSpikes([{ ...at, inBaseline: 0, inWindow: SPIKE_RULE.minConversations - 1 }]),
    ).toHaveLength(0);
  });

  it('leaves out what an open incident already covers', () => {
    expect(
      detectSpikes(
        [{ requestTypeCode: 'APP_BUG', cityCode: 'LIS', inWindow: 12, inBaseline: 0 }],
        new Set(['APP_BUG@LIS']),
      ),
    ).toEqual([]);
  });
});

describe('post-incident review', () => {
  it('tracks corrective actions to done and counts the overdue', () => {
    expect(
      reviewProgress(
        [
          { status: 'done', dueDate: '2026-11-01' },
          { status: 'open', dueDate: '2026-11-10' },
          { status: 'in_progress', dueDate: '2026-12-10' },
        ],
        '2026-11-23',
      ),
    ).toEqual({ done: 1, total: 3, overdue: 1, complete: false });
    expect(reviewProgress([], '2026-11-23').complete).toBe(false);
    expect(reviewProgress([{ status: 'done', dueDate: '2026-11-01' }], '2026-11-23').complete).toBe(
      true,
    );
  });

  it('builds the timeline from the incident’s events, in order', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));
    expect(
      incidentTimeline([
        {
          type: 'resolved',
          at: at(50),
          actorName: 'Lea',
          payload: { summary: 'Provider fixed the webhook' },
        },
        {
          type: 'declared',
          at: at(0),
          actorName: 'Lea',
          payload: { severity: 'sev2', title: 'Card payments failing' },
        },
        { type: 'conversations_linked', at: at(5), actorName: 'Ana', payload: { count: 14 } },
        { type: 'bulk_reply', at: at(10), actorName: 'Ana', payload: { count: 14 } },
        { type: 'noise', at: at(11), actorName: null, payload: {} },
      ]).map((entry) => entry.text),
    ).toEqual([
      'Lea declared it as SEV2: Card payments failing',
      'Ana linked 14 conversations',
      'Ana replied to 14 contacts at once',
      'Lea resolved it: Provider fixed the webhook',
    ]);
  });
});
