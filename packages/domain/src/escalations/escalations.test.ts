import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile } from '../kpi/figures.ts';
import { SEVERITIES } from '../shared/severity.ts';
import { businessMinutesBetween } from '../sla/business-time.ts';
import { escalationAlertsDue, escalationDueTimes, nextEscalationAlertAt } from './clocks.ts';
import { exampleEscalationMatrix } from './example-matrix.ts';
import { handoffFieldsSchema, missingHandoffFields } from './handoff.ts';
import { createEscalationInputSchema, moveEscalationInputSchema } from './inputs.ts';
import {
  ESCALATION_STATES,
  type EscalationMove,
  mayMoveEscalation,
  moveEscalation,
  movesFrom,
} from './lifecycle.ts';
import { escalationMatrixEntrySchema } from './matrix.ts';
import { describeEscalationMatrixChange, durationText } from './matrix-text.ts';
import { suggestEscalations } from './triggers.ts';
import { escalationTurnaround } from './turnaround.ts';

const finance = exampleEscalationMatrix.find((entry) => entry.teamKind === 'finance_payouts')!;
const at = (iso: string) => new Date(iso);

describe('escalation matrix', () => {
  it('accepts the example matrix', () => {
    for (const entry of exampleEscalationMatrix) {
      expect(escalationMatrixEntrySchema.safeParse(entry).success).toBe(true);
    }
  });

  it('names the field of each mistake', () => {
    const result = escalationMatrixEntrySchema.safeParse({
      ...finance,
      teamKind: 'support_l1',
      requiredFields: ['amount', 'amount'],
      triggers: [{ ...finance.triggers[0]!, requestTypeCodes: [], tags: [], keywords: [] }],
      sla: { ...finance.sla, sev2: { acknowledgeMinutes: 600, resolveMinutes: 60 } },
    });
    const paths = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual([
      'requiredFields',
      'sla.sev2.resolveMinutes',
      'teamKind',
      'triggers.0.requestTypeCodes',
    ]);
  });

  it('describes a change in lines a lead reads', () => {
    const after = {
      ...finance,
      requiredFields: [...finance.requiredFields, 'evidence' as const],
      sla: { ...finance.sla, sev1: { acknowledgeMinutes: 30, resolveMinutes: 240 } },
    };
    const lines = describeEscalationMatrixChange(finance, after);
    expect(lines).toEqual([
      expect.stringContaining('Required fields'),
      'SEV1 · critical: acknowledge in 15 min, resolve in 4 h → acknowledge in 30 min, resolve in 4 h',
    ]);
    expect(describeEscalationMatrixChange(finance, finance)).toEqual(['No visible change']);
    expect(durationText(1 * 1440 + 125)).toBe('1 d 2 h 5 min');
  });
});

describe('handoff fields', () => {
  it('lists the required fields that are missing', () => {
    expect(missingHandoffFields({ booking_reference: 'LIS-1234' }, finance.requiredFields)).toEqual(
      [
        { field: 'amount', message: 'Amount is required' },
        { field: 'steps_tried', message: 'Steps already tried is required' },
      ],
    );
  });

  it('checks the shape of each field, naming it', () => {
    const result = handoffFieldsSchema.safeParse({
      amount: { amountMinor: 0, currency: 'EUR' },
      evidence: [],
      payout_period: '2026-47',
      occurred_at: 'yesterday',
      shoe_size: 42,
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      '',
      'amount.amountMinor',
      'evidence',
      'occurred_at',
      'payout_period',
    ]);
    expect(
      handoffFieldsSchema.safeParse({
        payout_period: '2026-W47',
        occurred_at: '2026-11-20T14:30:00Z',
      }).success,
    ).toBe(true);
  });

  it('refuses a handoff without a summary, or with a bad severity', () => {
    const result = createEscalationInputSchema.safeParse({
      conversationId: '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a001',
      teamKind: 'finance_payouts',
      severity: 'sev9',
      summary: 'pay',
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'severity',
      'summary',
    ]);
  });

  it('asks a reason and a note to return, and an outcome to resolve', () => {
    const id = '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a001';
    expect(moveEscalationInputSchema.safeParse({ escalationId: id, move: 'reject' }).success).toBe(
      false,
    );
    expect(
      moveEscalationInputSchema.safeParse({ escalationId: id, move: 'resolve', outcome: 'ok' })
        .success,
    ).toBe(false);
    expect(
      moveEscalationInputSchema.safeParse({
        escalationId: id,
        move: 'reject',
        reason: 'missing_information',
        note: 'Attach the payout statement',
      }).success,
    ).toBe(true);
  });
});

describe('escalation lifecycle', () => {
  it('goes open → acknowledged → in progress → resolved', () => {
    expect(moveEscalation('open', 'acknowledge')).toEqual({ ok: true, to: 'acknowledged' });
    expect(moveEscalation('acknowledged', 'start')).toEqual({ ok: true, to: 'in_progress' });
    expect(moveEscalation('in_progress', 'resolve')).toEqual({ ok: true, to: 'resolved' });
    expect(moveEscalation('open', 'start')).toEqual({ ok: true, to: 'in_progress' });
  });

  it('returns to support and comes back open when resent', () => {
    expect(moveEscalation('acknowledged', 'reject')).toEqual({ ok: true, to: 'rejected' });
    expect(moveEscalation('rejected', 'resend')).toEqual({ ok: true, to: 'open' });
  });

  it('refuses impossible moves with a reason', () => {
    expect(moveEscalation('open', 'resolve')).toEqual({
      ok: false,
      why: 'An escalation that is open cannot be resolved',
    });
    expect(moveEscalation('resolved', 'reject').ok).toBe(false);
    expect(moveEscalation('open', 'resend').ok).toBe(false);
  });

  it('offers exactly the moves that succeed', () => {
    const moves: EscalationMove[] = ['acknowledge', 'start', 'resolve', 'reject', 'resend'];
    for (const state of ESCALATION_STATES) {
      expect(movesFrom(state)).toEqual(moves.filter((move) => moveEscalation(state, move).ok));
    }
    expect(movesFrom('resolved')).toEqual([]);
  });

  it('lets only the owner team (or an admin) work the queue; support resends', () => {
    const agent = { role: 'agent' as const, teamIds: ['support'] };
    const financeMember = { role: 'agent' as const, teamIds: ['finance'] };
    expect(mayMoveEscalation('acknowledge', agent, 'finance').ok).toBe(false);
    expect(mayMoveEscalation('acknowledge', { role: 'lead', teamIds: [] }, 'finance').ok).toBe(
      false,
    );
    expect(mayMoveEscalation('resolve', financeMember, 'finance').ok).toBe(true);
    expect(mayMoveEscalation('reject', { role: 'admin', teamIds: [] }, 'finance').ok).toBe(true);
    expect(mayMoveEscalation('resend', agent, 'finance').ok).toBe(true);
  });
});

describe('escalation clocks', () => {
  it('runs in the owner team’s business calendar', () => {
    // Friday 17:00 London (BST) + 240 business minutes: 60 on Friday, 180 on Monday → 12:00 BST.
    const due = escalationDueTimes(at('2026-07-03T16:00:00Z'), 'sev3', finance);
    expect(due.acknowledgeDueAt.toISOString()).toBe('2026-07-06T11:00:00.000Z');
    expect(
      businessMinutesBetween(at('2026-07-03T16:00:00Z'), due.resolveDueAt, finance.calendar),
    ).toBe(1440);
  });

  it('is due no sooner for a milder severity', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: at('2026-01-01T00:00:00Z'),
          max: at('2027-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (sentAt) => {
          for (const entry of exampleEscalationMatrix) {
            const dues = SEVERITIES.map((severity) => escalationDueTimes(sentAt, severity, entry));
            for (let i = 1; i < dues.length; i += 1) {
              expect(dues[i]!.acknowledgeDueAt.getTime()).toBeGreaterThanOrEqual(
                dues[i - 1]!.acknowledgeDueAt.getTime(),
              );
              expect(dues[i]!.resolveDueAt.getTime()).toBeGreaterThanOrEqual(
                dues[i]!.acknowledgeDueAt.getTime(),
              );
            }
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  const clock = {
    state: 'open' as const,
    round: 1,
    acknowledgeDueAt: at('2026-07-06T11:00:00Z'),
    resolveDueAt: at('2026-07-07T16:00:00Z'),
  };

  it('reminds before a running clock is due and alerts once it is past', () => {
    expect(escalationAlertsDue(clock, at('2026-07-06T10:00:00Z'), 30)).toEqual([]);
    expect(escalationAlertsDue(clock, at('2026-07-06T10:30:00Z'), 30)).toEqual([
      {
        clock: 'acknowledge',
        kind: 'reminder',
        key: 'r1:acknowledge:reminder',
        dueAt: clock.acknowledgeDueAt,
      },
    ]);
    expect(escalationAlertsDue(clock, at('2026-07-06T11:00:00Z'), 30).map((a) => a.key)).toEqual([
      'r1:acknowledge:reminder',
    ]);
    expect(
      escalationAlertsDue(clock, at('2026-07-06T11:00:00.001Z'), 30).map((a) => a.key),
    ).toEqual(['r1:acknowledge:breach']);
  });

  it('stops the acknowledge clock once acknowledged, and every clock once closed', () => {
    const acknowledged = { ...clock, state: 'acknowledged' as const };
    expect(
      escalationAlertsDue(acknowledged, at('2026-07-08T00:00:00Z'), 30).map((a) => a.key),
    ).toEqual(['r1:resolve:breach']);
    for (const state of ['resolved', 'rejected'] as const) {
      expect(escalationAlertsDue({ ...clock, state }, at('2026-08-01T00:00:00Z'), 30)).toEqual([]);
      expect(nextEscalationAlertAt({ ...clock, state }, 30, new Set())).toBeNull();
    }
  });

  it('gives each resend its own alerts', () => {
    expect(
      escalationAlertsDue({ ...clock, round: 2 }, at('2026-07-06T12:00:00Z'), 30)[0]!.key,
    ).toBe('r2:acknowledge:breach');
  });

  it('schedules the next alert it has not sent', () => {
    expect(nextEscalationAlertAt(clock, 30, new Set())?.toISOString()).toBe(
      '2026-07-06T10:30:00.000Z',
    );
    expect(
      nextEscalationAlertAt(clock, 30, new Set(['r1:acknowledge:reminder']))?.toISOString(),
    ).toBe('2026-07-06T11:00:00.001Z');
    expect(
      nextEscalationAlertAt(
        clock,
        30,
        new Set(['r1:acknowledge:reminder', 'r1:acknowledge:breach']),
      )?.toISOString(),
    ).toBe('2026-07-07T15:30:00.000Z');
    expect(
      nextEscalationAlertAt(clock, 30, new Set(['r1:acknowledge:breach', 'r1:resolve:breach'])),
    ).toBeNull();
  });

  it('never owes an alert before the scheduled time, and owes one at it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: -3_000, max: 3_000 }),
        (reminder, minutes) => {
          const next = nextEscalationAlertAt(clock, reminder, new Set())!;
          const now = new Date(next.getTime() + minutes * 60_000);
          const owed = escalationAlertsDue(clock, now, reminder);
          if (now < next) expect(owed).toEqual([]);
          if (minutes === 0) expect(owed.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('escalation triggers', () => {
  const facts = {
    audience: 'driver' as const,
    priority: 'P2' as const,
    requestTypeCode: 'PAYOUT_MISSING',
    tags: [],
    text: 'My payout did not arrive this week',
  };

  it('suggests the team whose trigger matches, saying why', () => {
    expect(suggestEscalations(facts, exampleEscalationMatrix)).toEqual([
      {
        teamKind: 'finance_payouts',
        trigger: 'Driver payouts',
        severity: 'sev3',
        why: 'Finance & Payouts handles request type PAYOUT_MISSING (Driver payouts)',
      },
    ]);
  });

  it('respects the audience and priority conditions and matches keywords in any case', () => {
    expect(suggestEscalations({ ...facts, audience: 'guest' }, exampleEscalationMatrix)).toEqual(
      [],
    );
    const stranded = {
      ...facts,
      audience: 'guest' as const,
      requestTypeCode: 'PICKUP_ISSUE',
      text: '',
    };
    expect(suggestEscalations(stranded, exampleEscalationMatrix)).toEqual([]);
    expect(
      suggestEscalations({ ...stranded, priority: 'P1' }, exampleEscalationMatrix)[0]?.teamKind,
    ).toBe('operations_fleet');
    const threat = { ...facts, requestTypeCode: null, text: 'I will call my LAWYER' };
    expect(suggestEscalations(threat, exampleEscalationMatrix).map((s) => s.why)).toEqual([
      'Compliance & Legal handles the words “lawyer” (KYC and legal threats)',
    ]);
  });
});

describe('escalation turnaround', () => {
  it('measures acknowledgement from the latest send and resolution from the first', () => {
    expect(
      escalationTurnaround([
        { type: 'sent', at: at('2026-07-01T10:00:00Z') },
        { type: 'rejected', at: at('2026-07-01T10:30:00Z') },
        { type: 'resent', at: at('2026-07-01T11:00:00Z') },
        { type: 'acknowledged', at: at('2026-07-01T11:20:00Z') },
        { type: 'resolved', at: at('2026-07-01T14:00:00Z') },
      ]),
    ).toEqual({ acknowledgeMinutes: 20, resolveMinutes: 240, returns: 1 });
    expect(escalationTurnaround([{ type: 'sent', at: at('2026-07-01T10:00:00Z') }])).toEqual({
      acknowledgeMinutes: null,
      resolveMinutes: null,
      returns: 0,
    });
  });

  it('takes percentiles by nearest rank', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});
