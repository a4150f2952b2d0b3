import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePriority,
  PRIORITIES,
  PRIORITY_LABELS,
  type Priority,
  prioritySchema,
} from './priority.ts';

const priorityArb = fc.constantFrom(...PRIORITIES);

describe('priority', () => {
  it('has four levels, P1 to P4, each with a label', () => {
    expect(PRIORITIES).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(PRIORITY_LABELS.P1.label).toBe('Urgent');
    expect(PRIORITY_LABELS.P4.label).toBe('Low');
    expect(prioritySchema.safeParse('P5').success).toBe(false);
    expect(prioritySchema.safeParse('p1').success).toBe(false);
  });

  it('orders P1 before P4, and each level before the next', () => {
    expect(comparePriority('P1', 'P4')).toBeLessThan(0);
    expect(comparePriority('P4', 'P1')).toBeGreaterThan(0);
    expect(comparePriority('P1', 'P2')).toBeLessThan(0);
    expect(comparePriority('P2', 'P3')).toBeLessThan(0);
    expect(comparePriority('P3', 'P4')).toBeLessThan(0);
    expect(comparePriority('P3', 'P3')).toBe(0);
  });

  it('sorts a queue most urgent first', () => {
    const queue: Priority[] = ['P3', 'P1', 'P4', 'P2', 'P1'];
    expect([...queue].sort(comparePriority)).toEqual(['P1', 'P1', 'P2', 'P3', 'P4']);
  });

  it('property: antisymmetric, and zero only for equal priorities', () => {
    fc.assert(
      fc.property(priorityArb, priorityArb, (a, b) => {
        expect(Math.sign(comparePriority(a, b)) + Math.sign(comparePriority(b, a))).toBe(0);
        expect(comparePriority(a, b) === 0).toBe(a === b);
      }),
    );
  });

  it('property: transitive', () => {
    fc.assert(
      fc.property(priorityArb, priorityArb, priorityArb, (a, b, c) => {
        if (comparePriority(a, b) <= 0 && comparePriority(b, c) <= 0) {
          expect(comparePriority(a, c)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('property: sorting any queue puts every P1 before any other priority', () => {
    fc.assert(
      fc.property(fc.array(priorityArb), (queue) => {
        const sorted = [...queue].sort(comparePriority);
        for (let i = 1; i < sorted.length; i++) {
          expect(PRIORITIES.indexOf(sorted[i - 1]!)).toBeLessThanOrEqual(
            PRIORITIES.indexOf(sorted[i]!),
          );
        }
      }),
    );
  });
});
