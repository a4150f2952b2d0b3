import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePriority, PRIORITIES } from '../conversations/priority.ts';
import { CONVERSATION_STATUSES } from '../conversations/status.ts';
import {
  clocksForStatus,
  clocksOf,
  nextDueAt,
  onAgentReply,
  onCustomerMessage,
  onPriorityChange,
  onReopen,
  type SlaClocks,
  type SlaFacts,
  slaState,
  startClocks,
} from './clocks.ts';
import { DEFAULT_SLA_SCHEDULE, type SlaSchedule } from './policy.ts';
import { DEFAULT_SLA_TARGETS, SLA_AT_RISK_MS } from './targets.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = new Date('2025-03-30T00:30:00Z'); // the night Lisbon moves to summer time

const priorityArb = fc.constantFrom(...PRIORITIES);
/** Instants within a few years of 2025, to the millisecond. */
const instantArb = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) })
  .map((ms) => new Date(ms));
const durationArb = fc.integer({ min: 0, max: 30 * DAY });
const optionalDueArb = fc.option(instantArb, { nil: null });
/** Any clocks that are running (not paused). */
const runningClocksArb: fc.Arbitrary<SlaClocks> = fc.record({
  firstResponseDueAt: optionalDueArb,
  nextResponseDueAt: optionalDueArb,
  resolutionDueAt: optionalDueArb,
  slaPausedAt: fc.constant(null),
});
const clocksArb: fc.Arbitrary<SlaClocks> = fc.record({
  firstResponseDueAt: optionalDueArb,
  nextResponseDueAt: optionalDueArb,
  resolutionDueAt: optionalDueArb,
  slaPausedAt: optionalDueArb,
});

const dueTimes = (clocks: SlaClocks) => [
  clocks.firstResponseDueAt,
  clocks.nextResponseDueAt,
  clocks.resolutionDueAt,
];
const shifted = (due: Date | null, ms: number) =>
  due === null ? null : new Date(due.getTime() + ms);

function facts(clocks: SlaClocks, overrides: Partial<SlaFacts> = {}): SlaFacts {
  return { ...clocks, createdAt: T0, priority: 'P3', firstResponseAt: null, ...overrides };
}

describe('startClocks', () => {
  it.each(PRIORITIES)('%s: first response and resolution run from creation', (priority) => {
    const clocks = startClocks(T0, priority);
    const target = DEFAULT_SLA_TARGETS[priority];
    expect(clocks).toEqual({
      firstResponseDueAt: new Date(T0.getTime() + target.firstResponseMs),
      nextResponseDueAt: null,
      resolutionDueAt: new Date(T0.getTime() + target.resolutionMs),
      slaPausedAt: null,
    });
    // The first response comes due before resolution: it is what the agent sees.
    expect(nextDueAt(clocks)).toEqual(clocks.firstResponseDueAt);
  });

  it('targets are calendar time: a daylight-saving night neither adds nor loses minutes', () => {
    // Lisbon skips 01:00→02:00 local on 2025-03-30; UTC arithmetic keeps four real hours.
    const clocks = startClocks(T0, 'P3');
    expect(clocks.firstResponseDueAt!.getTime() - T0.getTime()).toBe(4 * HOUR);
  });

  it('uses an inbox’s own targets when given', () => {
    const schedule: SlaSchedule = {
      ...DEFAULT_SLA_SCHEDULE,
      targets: {
        ...DEFAULT_SLA_SCHEDULE.targets,
        P2: {
          firstResponse: { minutes: 5, businessHours: false },
          nextResponse: { minutes: 10, businessHours: false },
          resolution: { minutes: 60, businessHours: false },
        },
      },
    };
    const clocks = startClocks(T0, 'P2', schedule);
    expect(clocks.firstResponseDueAt).toEqual(new Date(T0.getTime() + 5 * MINUTE));
    expect(clocks.resolutionDueAt).toEqual(new Date(T0.getTime() + HOUR));
  });

  it('more urgent priorities have targets no longer than less urgent ones', () => {
    for (const [index, priority] of PRIORITIES.entries()) {
      const next = PRIORITIES[index + 1];
      if (!next) continue;
      for (const key of ['firstResponseMs', 'nextResponseMs', 'resolutionMs'] as const) {
        expect(DEFAULT_SLA_TARGETS[priority][key]).toBeLessThanOrEqual(
          DEFAULT_SLA_TARGETS[next][key],
        );
      }
    }
  });
});

describe('pausing (pending, snoozed)', () => {
  it('property: pausing for d ms and resuming pushes every due time still ahead by exactly d', () => {
    fc.assert(
      fc.property(
        runningClocksArb,
        instantArb,
        durationArb,
        fc.constantFrom('pending', 'snoozed'),
        fc.constantFrom('open'),
        (clocks, pausedAt, d, parked, back) => {
          const paused = clocksForStatus(clocks, parked, pausedAt);
          expect(paused.slaPausedAt).toEqual(pausedAt);
          const resumed = clocksForStatus(paused, back, new Date(pausedAt.getTime() + d));
          expect(resumed.slaPausedAt).toBeNull();
          expect(dueTimes(resumed)).toEqual(
            dueTimes(clocks).map((due) => (due && due <= pausedAt ? due : shifted(due, d))),
          );
        },
      ),
    );
  });

  it('property: moving between pending and snoozed keeps the first pause, so the push counts it all', () => {
    fc.assert(
      fc.property(
        runningClocksArb,
        instantArb,
        durationArb,
        durationArb,
        (clocks, pausedAt, first, second) => {
          const pending = clocksForStatus(clocks, 'pending', pausedAt);
          const snoozed = clocksForStatus(pending, 'snoozed', new Date(pausedAt.getTime() + first));
          expect(snoozed.slaPausedAt).toEqual(pausedAt);
          const open = clocksForStatus(
            snoozed,
            'open',
            new Date(pausedAt.getTime() + first + second),
          );
          expect(dueTimes(open)).toEqual(
            dueTimes(clocks).map((due) =>
              due && due <= pausedAt ? due : shifted(due, first + second),
            ),
          );
        },
      ),
    );
  });

  it('property: nextDueAt is null while paused, whatever is owed', () => {
    fc.assert(
      fc.property(
        clocksArb,
        instantArb,
        fc.constantFrom('pending', 'snoozed'),
        (clocks, now, to) => {
          expect(nextDueAt(clocksForStatus(clocks, to, now))).toBeNull();
          if (clocks.slaPausedAt) expect(nextDueAt(clocks)).toBeNull();
        },
      ),
    );
  });

  it('a customer message resumes a paused clock', () => {
    const started = startClocks(T0, 'P2');
    const paused = clocksForStatus(started, 'pending', new Date(T0.getTime() + 10 * MINUTE));
    const now = new Date(T0.getTime() + 70 * MINUTE);
    const clocks = onCustomerMessage(facts(paused, { priority: 'P2' }), now);
    expect(clocks.slaPausedAt).toBeNull();
    expect(clocks.firstResponseDueAt).toEqual(shifted(started.firstResponseDueAt, HOUR));
    expect(clocks.resolutionDueAt).toEqual(shifted(started.resolutionDueAt, HOUR));
  });

  it('resuming before the pause started never pulls due times earlier', () => {
    const paused = clocksForStatus(startClocks(T0, 'P3'), 'pending', T0);
    const resumed = clocksForStatus(paused, 'open', new Date(T0.getTime() - HOUR));
    expect(dueTimes(resumed)).toEqual(dueTimes(startClocks(T0, 'P3')));
  });

  it('property: an open conversation that stays open keeps its clocks', () => {
    fc.assert(
      fc.property(runningClocksArb, instantArb, (clocks, now) => {
        expect(clocksForStatus(clocks, 'open', now)).toEqual(clocks);
      }),
    );
  });
});

describe('resolving and closing', () => {
  it('property: resolved and closed stop every clock, paused or not', () => {
    fc.assert(
      fc.property(clocksArb, instantArb, fc.constantFrom('resolved', 'closed'), (c, now, to) => {
        const clocks = clocksForStatus(c, to, now);
        expect(clocks).toEqual({
          firstResponseDueAt: null,
          nextResponseDueAt: null,
          resolutionDueAt: null,
          slaPausedAt: null,
        });
        expect(nextDueAt(clocks)).toBeNull();
      }),
    );
  });

  it('handles every status', () => {
    for (const status of CONVERSATION_STATUSES) {
      expect(() => clocksForStatus(startClocks(T0, 'P3'), status, T0)).not.toThrow();
    }
  });
});

describe('the due time that matters', () => {
  it('property: is the earliest running clock, and no running clock is due before it', () => {
    fc.assert(
      fc.property(clocksArb, (clocks) => {
        const due = nextDueAt(clocks);
        const running = [
          clocks.firstResponseDueAt,
          clocks.nextResponseDueAt,
          clocks.resolutionDueAt,
        ].filter((at): at is Date => at !== null);
        if (clocks.slaPausedAt || running.length === 0) {
          expect(due).toBeNull();
        } else {
          expect(running.map((at) => at.getTime())).toContain(due!.getTime());
          for (const at of running) expect(at.getTime()).toBeGreaterThanOrEqual(due!.getTime());
        }
      }),
    );
  });
});

describe('responses', () => {
  it('property: an agent reply clears the response clocks and keeps resolution and any pause', () => {
    fc.assert(
      fc.property(clocksArb, (clocks) => {
        const replied = onAgentReply(clocks);
        expect(replied.firstResponseDueAt).toBeNull();
        expect(replied.nextResponseDueAt).toBeNull();
        expect(replied.resolutionDueAt).toEqual(clocks.resolutionDueAt);
        expect(replied.slaPausedAt).toEqual(clocks.slaPausedAt);
        // What remains due is resolution (or nothing while paused).
        expect(nextDueAt(replied)).toEqual(clocks.slaPausedAt ? null : clocks.resolutionDueAt);
      }),
    );
  });

  it('before any agent reply, a customer message keeps the first-response clock as it was', () => {
    const started = startClocks(T0, 'P3');
    const clocks = onCustomerMessage(facts(started), new Date(T0.getTime() + HOUR));
    expect(clocks).toEqual(started);
  });

  it('after a reply, a customer message starts a next-response clock from that message', () => {
    const replied = onAgentReply(startClocks(T0, 'P2'));
    const now = new Date(T0.getTime() + 3 * HOUR);
    const clocks = onCustomerMessage(
      facts(replied, { priority: 'P2', firstResponseAt: new Date(T0.getTime() + 5 * MINUTE) }),
      now,
    );
    expect(clocks.nextResponseDueAt).toEqual(new Date(now.getTime() + HOUR));
    expect(clocks.firstResponseDueAt).toBeNull();
    expect(nextDueAt(clocks)).toEqual(clocks.nextResponseDueAt);
  });

  it('a second customer message does not restart a next-response clock already running', () => {
    const replied = onAgentReply(startClocks(T0, 'P3'));
    const firstResponseAt = new Date(T0.getTime() + MINUTE);
    const once = onCustomerMessage(
      facts(replied, { firstResponseAt }),
      new Date(T0.getTime() + HOUR),
    );
    const twice = onCustomerMessage(
      facts(once, { firstResponseAt }),
      new Date(T0.getTime() + 2 * HOUR),
    );
    expect(twice.nextResponseDueAt).toEqual(once.nextResponseDueAt);
  });

  it('nextDueAt is the earliest running clock, a resolution due first included', () => {
    const clocks: SlaClocks = {
      firstResponseDueAt: new Date(T0.getTime() + 2 * HOUR),
      nextResponseDueAt: new Date(T0.getTime() + HOUR),
      resolutionDueAt: new Date(T0.getTime() + 30 * MINUTE),
      slaPausedAt: null,
    };
    expect(nextDueAt(clocks)).toEqual(clocks.resolutionDueAt);
    const later = new Date(T0.getTime() + 3 * HOUR);
    expect(nextDueAt({ ...clocks, resolutionDueAt: later })).toEqual(clocks.nextResponseDueAt);
    expect(nextDueAt({ ...clocks, resolutionDueAt: later, nextResponseDueAt: null })).toEqual(
      clocks.firstResponseDueAt,
    );
  });
});

describe('priority changes', () => {
  it('property: raising the priority never makes a due time later; lowering never earlier', () => {
    fc.assert(
      fc.property(clocksArb, priorityArb, priorityArb, (clocks, from, to) => {
        const changed = onPriorityChange(facts(clocks, { priority: from }), from, to);
        const before = dueTimes(clocks);
        const after = dueTimes(changed);
        for (const [index, due] of before.entries()) {
          const moved = after[index] ?? null;
          if (due === null) {
            expect(moved).toBeNull();
            continue;
          }
          const delta = moved!.getTime() - due.getTime();
          if (comparePriority(to, from) < 0) expect(delta).toBeLessThanOrEqual(0);
          else if (comparePriority(to, from) > 0) expect(delta).toBeGreaterThanOrEqual(0);
          else expect(delta).toBe(0);
        }
        expect(changed.slaPausedAt).toEqual(clocks.slaPausedAt);
      }),
    );
  });

  it('property: a conversation re-prioritised is due as if it had started at the new priority', () => {
    fc.assert(
      fc.property(instantArb, priorityArb, priorityArb, (createdAt, from, to) => {
        const started = startClocks(createdAt, from);
        const changed = onPriorityChange(facts(started, { createdAt, priority: from }), from, to);
        expect(changed).toEqual(startClocks(createdAt, to));
      }),
    );
  });

  it('property: changing A→B→A gives the clocks back', () => {
    fc.assert(
      fc.property(clocksArb, priorityArb, priorityArb, (clocks, a, b) => {
        const there = onPriorityChange(facts(clocks, { priority: a }), a, b);
        const back = onPriorityChange(facts(there, { priority: b }), b, a);
        expect(back).toEqual(clocksOf(clocks));
      }),
    );
  });
});

describe('reopening', () => {
  it('owes a next response and a fresh resolution once an agent has answered', () => {
    const now = new Date(T0.getTime() + 2 * DAY);
    const clocks = onReopen(
      facts(clocksForStatus(startClocks(T0, 'P2'), 'resolved', T0), {
        priority: 'P2',
        firstResponseAt: new Date(T0.getTime() + MINUTE),
      }),
      now,
    );
    expect(clocks).toEqual({
      firstResponseDueAt: null,
      nextResponseDueAt: new Date(now.getTime() + HOUR),
      resolutionDueAt: new Date(now.getTime() + 24 * HOUR),
      slaPausedAt: null,
    });
  });

  it('still owes the first response when nobody ever answered', () => {
    const now = new Date(T0.getTime() + DAY);
    const clocks = onReopen(facts(startClocks(T0, 'P4'), { priority: 'P4' }), now);
    expect(clocks.firstResponseDueAt).toEqual(new Date(now.getTime() + 24 * HOUR));
    expect(clocks.nextResponseDueAt).toBeNull();
  });
});

describe('slaState', () => {
  const now = T0;
  const at = (ms: number) => new Date(now.getTime() + ms);

  it('names breached, at risk, on track and none at the boundaries', () => {
    expect(slaState(null, now)).toBe('none');
    expect(slaState(at(-1), now)).toBe('breached');
    expect(slaState(at(0), now)).toBe('at_risk');
    expect(slaState(at(SLA_AT_RISK_MS), now)).toBe('at_risk');
    expect(slaState(at(SLA_AT_RISK_MS + 1), now)).toBe('on_track');
  });

  it('property: the state only gets worse as time passes', () => {
    const rank = { on_track: 0, at_risk: 1, breached: 2, none: -1 } as const;
    fc.assert(
      fc.property(instantArb, instantArb, durationArb, (due, from, later) => {
        const before = slaState(due, from);
        const after = slaState(due, new Date(from.getTime() + later));
        expect(rank[after]).toBeGreaterThanOrEqual(rank[before]);
      }),
    );
  });
});
