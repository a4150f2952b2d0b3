import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollupSpan } from './kpi-rollup.ts';

/*
 * How a period splits into whole UTC days (from the rollup) and exact edges (from the facts).
 * The KPI agreement test checks the figures; this checks the arithmetic on any instants.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const measure = (span: ReturnType<typeof rollupSpan>) =>
  (span.days ? Date.parse(span.days.to) - Date.parse(span.days.from) : 0) +
  span.edges.reduce((sum, edge) => sum + edge.sign * (edge.to.getTime() - edge.from.getTime()), 0);

describe('rollupSpan', () => {
  it('reads a period of whole days from the rollup alone', () => {
    expect(rollupSpan(at('2026-11-01T00:00:00Z'), at('2026-11-08T00:00:00Z'))).toEqual({
      days: { from: '2026-11-01', to: '2026-11-08' },
      edges: [],
    });
  });

  it('adds the part of an edge past its midnight and takes away the part before it', () => {
    expect(rollupSpan(at('2026-11-01T20:00:00Z'), at('2026-11-08T03:15:00Z'))).toEqual({
      days: { from: '2026-11-02', to: '2026-11-08' },
      edges: [
        { from: at('2026-11-01T20:00:00Z'), to: at('2026-11-02T00:00:00Z'), sign: 1 },
        { from: at('2026-11-08T00:00:00Z'), to: at('2026-11-08T03:15:00Z'), sign: 1 },
      ],
    });
    expect(rollupSpan(at('2026-11-01T03:00:00Z'), at('2026-11-08T21:00:00Z'))).toEqual({
      days: { from: '2026-11-01', to: '2026-11-09' },
      edges: [
        { from: at('2026-11-01T00:00:00Z'), to: at('2026-11-01T03:00:00Z'), sign: -1 },
        { from: at('2026-11-08T21:00:00Z'), to: at('2026-11-09T00:00:00Z'), sign: -1 },
      ],
    });
  });

  it('counts a period shorter than a day from the facts', () => {
    const from = at('2026-11-18T03:00:00Z');
    const to = at('2026-11-18T09:00:00Z');
    expect(rollupSpan(from, to)).toEqual({ days: null, edges: [{ from, to, sign: 1 }] });
  });

  it('leaves the day still running to the facts when the runs must have settled', () => {
    const span = rollupSpan(
      at('2026-11-01T00:00:00Z'),
      at('2026-11-20T23:00:00Z'),
      at('2026-11-20T22:00:00Z'),
    );
    expect(span.days).toEqual({ from: '2026-11-01', to: '2026-11-20' });
    expect(span.edges).toEqual([
      { from: at('2026-11-20T00:00:00Z'), to: at('2026-11-20T23:00:00Z'), sign: 1 },
    ]);
  });

  it('covers any period exactly, with edges of at most half a day', () => {
    const instant = fc.integer({ min: Date.parse('2025-01-01'), max: Date.parse('2027-01-01') });
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 90 * DAY }), instant, (start, length, now) => {
        const from = new Date(start);
        const to = new Date(start + length);
        for (const span of [rollupSpan(from, to), rollupSpan(from, to, new Date(now))]) {
          expect(measure(span)).toBe(length);
          for (const edge of span.edges) expect(edge.to > edge.from).toBe(true);
        }
        const plain = rollupSpan(from, to);
        if (plain.days) {
          for (const edge of plain.edges) {
            expect(edge.to.getTime() - edge.from.getTime()).toBeLessThanOrEqual(12 * HOUR);
          }
        }
        const settled = rollupSpan(from, to, new Date(now));
        if (settled.days) {
          expect(Date.parse(settled.days.to)).toBeLessThanOrEqual(Math.floor(now / DAY) * DAY);
        }
      }),
    );
  });
});
