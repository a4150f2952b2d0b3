import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiringFunnel, type StageVisit, stageVisits } from './funnel.ts';
import type { PipelineStage } from './pipeline.ts';

const PIPELINE: PipelineStage[] = [
  { id: 'applied', name: 'Applied', kind: 'active', position: 1 },
  { id: 'screen', name: 'Screen', kind: 'active', position: 2 },
  { id: 'interview', name: 'Interview', kind: 'active', position: 3 },
  { id: 'offer', name: 'Offer', kind: 'active', position: 4 },
  { id: 'hired', name: 'Hired', kind: 'hired', position: 100 },
  { id: 'rejected', name: 'Rejected', kind: 'rejected', position: 101 },
];

const start = new Date('2026-03-01T09:00:00Z');
const day = (n: number) => new Date(start.getTime() + n * 86_400_000);

/** A candidate walking the given stages one per `gap` days from day 0. */
function walk(stageIds: string[], gap = 2) {
  return {
    visits: stageVisits(stageIds.map((toStageId, i) => ({ toStageId, movedAt: day(i * gap) }))),
  };
}

describe('stageVisits', () => {
  it('turns moves into stays, the last one still open', () => {
    expect(
      stageVisits([
        { toStageId: 'applied', movedAt: day(0) },
        { toStageId: 'screen', movedAt: day(3) },
      ]),
    ).toEqual([
      { stageId: 'applied', enteredAt: day(0), leftAt: day(3) },
      { stageId: 'screen', enteredAt: day(3), leftAt: null },
    ]);
  });
});

describe('hiringFunnel', () => {
  it('counts how far candidates got, conversion, rejections and time in stage', () => {
    const funnel = hiringFunnel(
      PIPELINE,
      [
        walk(['applied', 'screen', 'interview', 'offer', 'hired']),
        walk(['applied', 'screen', 'rejected']),
        walk(['applied', 'screen', 'interview']),
        walk(['applied']),
        // Skipped the screen: still counts as having passed it.
        walk(['applied', 'interview', 'rejected']),
      ],
      day(10),
    );
    expect(funnel).toMatchObject({ candidates: 5, hired: 1, rejected: 2, hireRate: 0.2 });
    expect(
      funnel.stages.map((s) => [
        s.name,
        s.reached,
        s.current,
        s.conversionFromPrevious,
        s.rejectedHere,
      ]),
    ).toEqual([
      ['Applied', 5, 1, null, 0],
      ['Screen', 4, 0, 0.8, 1],
      ['Interview', 3, 1, 0.75, 1],
      ['Offer', 1, 0, 1 / 3, 0],
      ['Hired', 1, 1, 1, 0],
    ]);
    // Applied: four stays of 2 days, and one still there since day 0 (10 days).
    expect(funnel.stages[0]!.averageDaysInStage).toBeCloseTo((4 * 2 + 10) / 5);
    // Interview: two stays of 2 days, and one ongoing since day 4 (6 days).
    expect(funnel.stages[2]!.averageDaysInStage).toBeCloseTo((2 + 2 + 6) / 3);
  });

  it('is empty but well formed with no candidates', () => {
    const funnel = hiringFunnel(PIPELINE, [], day(0));
    expect(funnel.hireRate).toBeNull();
    expect(funnel.stages.map((s) => s.reached)).toEqual([0, 0, 0, 0, 0]);
    expect(funnel.stages.every((s) => s.conversionFromPrevious === null)).toBe(true);
    expect(funnel.stages[0]!.averageDaysInStage).toBeNull();
  });

  it('ignores stays in stages no longer in the pipeline', () => {
    const funnel = hiringFunnel(PIPELINE, [walk(['applied', 'phone_call', 'screen'])], day(9));
    expect(funnel.stages.map((s) => s.reached)).toEqual([1, 1, 0, 0, 0]);
  });

  it('property: reached never grows down the funnel, conversions are shares, and everyone is somewhere', () => {
    const stageId = fc.constantFrom('applied', 'screen', 'interview', 'offer', 'rejected', 'gone');
    const candidate = fc
      .tuple(fc.array(stageId, { maxLength: 6 }), fc.boolean())
      .map(([ids, hire]) => ['applied', ...ids, ...(hire ? ['hired'] : [])]);
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        (walks, gap) => {
          const candidates = walks.map((ids) => walk(ids, gap));
          const funnel = hiringFunnel(PIPELINE, candidates, day(100));
          const reached = funnel.stages.map((s) => s.reached);
          for (let i = 1; i < reached.length; i += 1)
            expect(reached[i]).toBeLessThanOrEqual(reached[i - 1]!);
          for (const stage of funnel.stages) {
            if (stage.conversionFromPrevious !== null) {
              expect(stage.conversionFromPrevious).toBeGreaterThanOrEqual(0);
              expect(stage.conversionFromPrevious).toBeLessThanOrEqual(1);
            }
            if (stage.averageDaysInStage !== null)
              expect(stage.averageDaysInStage).toBeGreaterThanOrEqual(0);
          }
          expect(reached[0]).toBe(candidates.length);
          const elsewhere = candidates.filter((c) => {
            const last = c.visits.at(-1) as StageVisit;
            return last.stageId === 'gone';
          }).length;
          const inActive = funnel.stages
            .filter((s) => s.kind === 'active')
            .reduce((sum, s) => sum + s.current, 0);
          expect(inActive + funnel.hired + funnel.rejected + elsewhere).toBe(candidates.length);
          const rejectedAtStages = funnel.stages.reduce((sum, s) => sum + s.rejectedHere, 0);
          expect(rejectedAtStages).toBe(funnel.rejected);
        },
      ),
    );
  });
});
