import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangC, requiredAgents, StaffingInputError } from './erlang-c.ts';

/*
 * The classic worked example: 100 calls in 30 minutes (200 an hour), 3 minutes' handle time,
 * 20 seconds' answer target — A = 200 × 180 ÷ 3600 = 10 Erlangs. The expected values were
 * checked against the textbook formula evaluated in exact rational arithmetic (Python's
 * fractions), independently of the recursion used here:
 *
 *   N   P(wait)   SL(20 s)  ASA (s)
 *   11  0.682118  0.389614  122.7813
 *   12  0.449388  0.640158   40.4449
 *   13  0.285270  0.795595   17.1162
 *   14  0.174132  0.888350    7.8359
 *   15  0.102042  0.941453    3.6735
 */
const CLASSIC = { arrivalsPerHour: 200, ahtSeconds: 180, targetAnswerSeconds: 20 };
const TABLE: [number, number, number, number][] = [
  [11, 0.682118, 0.389614, 122.7813],
  [12, 0.449388, 0.640158, 40.4449],
  [13, 0.28527, 0.795595, 17.1162],
  [14, 0.174132, 0.88835, 7.8359],
  [15, 0.102042, 0.941453, 3.6735],
];

describe('erlangC', () => {
  it.each(TABLE)('matches the classic example with %i agents', (agents, pWait, sl, asa) => {
    const result = erlangC({ ...CLASSIC, agents });
    expect(result.trafficErlangs).toBeCloseTo(10, 12);
    expect(result.probabilityOfWaiting).toBeCloseTo(pWait, 5);
    expect(result.serviceLevel).toBeCloseTo(sl, 5);
    expect(result.asaSeconds).toBeCloseTo(asa, 3);
    expect(result.occupancy).toBeCloseTo(10 / agents, 12);
  });

  it('treats N ≤ A as an unstable queue: everyone waits, for ever', () => {
    for (const agents of [0, 5, 10]) {
      expect(erlangC({ ...CLASSIC, agents })).toEqual({
        trafficErlangs: 10,
        probabilityOfWaiting: 1,
        serviceLevel: 0,
        asaSeconds: Number.POSITIVE_INFINITY,
        occupancy: 1,
      });
    }
  });

  it('lets nobody wait when nothing arrives', () => {
    expect(erlangC({ ...CLASSIC, arrivalsPerHour: 0, agents: 0 })).toEqual({
      trafficErlangs: 0,
      probabilityOfWaiting: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
    });
  });

  it('stays exact for a large centre: 5,000 calls an hour, 5 minutes each', () => {
    // A = 416.67 Erlangs; P(wait) from the textbook formula in exact arithmetic.
    const large = { arrivalsPerHour: 5000, ahtSeconds: 300, targetAnswerSeconds: 20 };
    expect(erlangC({ ...large, agents: 420 }).probabilityOfWaiting).toBeCloseTo(0.812521156, 7);
    expect(erlangC({ ...large, agents: 430 }).probabilityOfWaiting).toBeCloseTo(0.40535064, 7);
    expect(erlangC({ ...large, agents: 440 }).probabilityOfWaiting).toBeCloseTo(0.178659116, 7);
  });

  it('refuses nonsense, naming the field', () => {
    expect(() => erlangC({ ...CLASSIC, arrivalsPerHour: -1, agents: 3 })).toThrow(
      'arrivalsPerHour: Arrivals per hour cannot be negative',
    );
    expect(() => erlangC({ ...CLASSIC, ahtSeconds: 0, agents: 3 })).toThrow(StaffingInputError);
    expect(() => erlangC({ ...CLASSIC, agents: 2.5 })).toThrow(
      'agents: Agents must be a whole number',
    );
    expect(() => erlangC({ ...CLASSIC, agents: Number.NaN })).toThrow(/^agents: /);
    try {
      erlangC({ ...CLASSIC, targetAnswerSeconds: -5, agents: 3 });
    } catch (error) {
      expect(error).toBeInstanceOf(StaffingInputError);
      expect((error as StaffingInputError).field).toBe('targetAnswerSeconds');
    }
  });
});

describe('requiredAgents', () => {
  const target = { ...CLASSIC, targetServiceLevel: 0.8, shrinkage: 0 };

  it('finds the classic answer: 14 agents for 80 % in 20 s', () => {
    expect(requiredAgents(target)).toEqual({
      agents: 14,
      agentsBeforeShrinkage: 14,
      serviceLevel: expect.closeTo(0.88835, 5),
      asaSeconds: expect.closeTo(7.8359, 3),
      occupancy: expect.closeTo(10 / 14, 12),
    });
    // 79 % is met by 13.
    expect(requiredAgents({ ...target, targetServiceLevel: 0.79 }).agentsBeforeShrinkage).toBe(13);
  });

  it('adds shrinkage on top, rounding up without float noise', () => {
    expect(requiredAgents({ ...target, shrinkage: 0.3 }).agents).toBe(20); // 14 ÷ 0.7
    // 7 ÷ 0.7 is 10.000000000000002 in floating point: still 10 people.
    const seven = requiredAgents({
      arrivalsPerHour: 100,
      ahtSeconds: 180,
      targetServiceLevel: 0.5,
      targetAnswerSeconds: 20,
      shrinkage: 0,
    });
    expect(seven.agentsBeforeShrinkage).toBe(7);
    expect(
      requiredAgents({
        arrivalsPerHour: 100,
        ahtSeconds: 180,
        targetServiceLevel: 0.5,
        targetAnswerSeconds: 20,
        shrinkage: 0.3,
      }).agents,
    ).toBe(10);
  });

  it('divides handle time by chat concurrency', () => {
    // 200 chats an hour at 6 minutes, 2 at a time: the same work as the classic example.
    const chat = requiredAgents({
      ...target,
      arrivalsPerHour: 200,
      ahtSeconds: 360,
      concurrency: 2,
    });
    expect(chat.agentsBeforeShrinkage).toBe(14);
  });

  it('needs nobody when nothing arrives', () => {
    expect(requiredAgents({ ...target, arrivalsPerHour: 0 })).toEqual({
      agents: 0,
      agentsBeforeShrinkage: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
    });
  });

  it('refuses a shrinkage of 100 % or more, and other nonsense', () => {
    expect(() => requiredAgents({ ...target, shrinkage: 1 })).toThrow(/^shrinkage: /);
    expect(() => requiredAgents({ ...target, shrinkage: -0.1 })).toThrow(/^shrinkage: /);
    expect(() => requiredAgents({ ...target, targetServiceLevel: 1 })).toThrow(
      /^targetServiceLevel: /,
    );
    expect(() => requiredAgents({ ...target, concurrency: 0 })).toThrow(/^concurrency: /);
    expect(() => requiredAgents({ ...target, arrivalsPerHour: Number.POSITIVE_INFINITY })).toThrow(
      /^arrivalsPerHour: /,
    );
  });

  it('is quick and finite at 5,000 and 50,000 arrivals an hour', () => {
    for (const arrivalsPerHour of [5000, 50_000]) {
      const result = requiredAgents({ ...target, arrivalsPerHour, ahtSeconds: 300 });
      const traffic = (arrivalsPerHour * 300) / 3600;
      expect(result.agentsBeforeShrinkage).toBeGreaterThan(traffic);
      // Large pools are efficient: a few percent above the traffic is enough.
      expect(result.agentsBeforeShrinkage).toBeLessThan(traffic * 1.1);
      expect(result.serviceLevel).toBeGreaterThanOrEqual(0.8);
      expect(Number.isFinite(result.asaSeconds)).toBe(true);
    }
  });
});

describe('Erlang C properties', () => {
  const traffic = fc.record({
    arrivalsPerHour: fc.double({ min: 0.1, max: 60_000, noNaN: true }),
    ahtSeconds: fc.double({ min: 5, max: 1800, noNaN: true }),
    targetAnswerSeconds: fc.integer({ min: 0, max: 300 }),
  });

  it('keeps P(wait) and the service level in [0, 1], and SL rises with N', () => {
    fc.assert(
      fc.property(traffic, fc.integer({ min: 0, max: 40 }), (input, extra) => {
        const a = (input.arrivalsPerHour * input.ahtSeconds) / 3600;
        const agents = Math.floor(a) + extra;
        const fewer = erlangC({ ...input, agents });
        const more = erlangC({ ...input, agents: agents + 1 });
        for (const result of [fewer, more]) {
          expect(result.probabilityOfWaiting).toBeGreaterThanOrEqual(0);
          expect(result.probabilityOfWaiting).toBeLessThanOrEqual(1);
          expect(result.serviceLevel).toBeGreaterThanOrEqual(0);
          expect(result.serviceLevel).toBeLessThanOrEqual(1);
          expect(Number.isNaN(result.asaSeconds)).toBe(false);
        }
        expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel);
        expect(more.probabilityOfWaiting).toBeLessThanOrEqual(fewer.probabilityOfWaiting);
      }),
      { numRuns: 200 },
    );
  });

  it('requires agents that meet the target, one fewer does not', () => {
    fc.assert(
      fc.property(
        traffic,
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        (input, targetServiceLevel, shrinkage) => {
          const result = requiredAgents({ ...input, targetServiceLevel, shrinkage });
          const n = result.agentsBeforeShrinkage;
          const at = erlangC({ ...input, agents: n });
          expect(at.serviceLevel).toBeGreaterThanOrEqual(targetServiceLevel);
          expect(at.serviceLevel).toBe(result.serviceLevel);
          const below = erlangC({ ...input, agents: n - 1 });
          const a = (input.arrivalsPerHour * input.ahtSeconds) / 3600;
          // Either one fewer misses the target, or it would leave the queue unstable.
          expect(below.serviceLevel < targetServiceLevel || n - 1 <= a).toBe(true);
          expect(result.agents).toBeGreaterThanOrEqual(n);
          expect(result.agents).toBeLessThanOrEqual(Math.ceil(n / (1 - shrinkage)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stays finite and stable at 5,000 and 50,000 arrivals an hour', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(5000, 50_000),
        fc.double({ min: 30, max: 900, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        (arrivalsPerHour, ahtSeconds, spare) => {
          const a = (arrivalsPerHour * ahtSeconds) / 3600;
          const result = erlangC({
            arrivalsPerHour,
            ahtSeconds,
            agents: Math.floor(a) + spare,
            targetAnswerSeconds: 20,
          });
          for (const value of Object.values(result)) expect(Number.isFinite(value)).toBe(true);
          expect(result.probabilityOfWaiting).toBeGreaterThanOrEqual(0);
          expect(result.probabilityOfWaiting).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 60 },
    );
  });
});
