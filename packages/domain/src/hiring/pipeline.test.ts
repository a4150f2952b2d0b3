import { describe, expect, it } from 'vitest';
import {
  describePipelinePlan,
  type PipelineStage,
  pipelineInputSchema,
  planPipelineChange,
} from './pipeline.ts';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const STAGES: PipelineStage[] = [
  { id: id(1), name: 'Applied', kind: 'active', position: 1 },
  { id: id(2), name: 'Screen', kind: 'active', position: 2 },
  { id: id(3), name: 'Interview', kind: 'active', position: 3 },
  { id: id(8), name: 'Hired', kind: 'hired', position: 100 },
  { id: id(9), name: 'Rejected', kind: 'rejected', position: 101 },
];

function paths(input: unknown) {
  const result = pipelineInputSchema.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('pipeline input', () => {
  it('needs one active stage at least, unique names, and never the final stages', () => {
    expect(paths({ stages: [] })).toEqual({ stages: 'Stages: keep at least one active stage' });
    expect(
      paths({
        stages: [
          { id: null, name: 'Screen' },
          { id: null, name: 'screen ' },
          { id: null, name: 'Hired' },
          { id: null, name: '' },
        ],
      }),
    ).toEqual({
      'stages.1.name': 'Stage name: “screen” is used twice',
      'stages.2.name': 'Stage name: “Hired” is a fixed final stage',
      'stages.3.name': 'Stage name: required',
    });
    expect(
      paths({
        stages: [
          { id: id(1), name: 'A' },
          { id: id(1), name: 'B' },
        ],
      }),
    ).toEqual({ 'stages.1.id': 'Stage: listed twice' });
  });
});

describe('planPipelineChange', () => {
  it('finds renames, additions, removals and a new order', () => {
    const result = planPipelineChange(
      STAGES,
      [
        { id: id(1), name: 'Applied' },
        { id: id(3), name: 'Video interview' },
        { id: null, name: 'Reference check' },
        { id: null, name: 'Offer' },
      ],
      new Map([[id(3), 2]]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan).toMatchObject({
      renamed: [{ id: id(3), from: 'Interview', to: 'Video interview' }],
      added: ['Reference check', 'Offer'],
      removed: [{ id: id(2), name: 'Screen' }],
      reordered: false,
    });
    expect(describePipelinePlan(result.plan)).toEqual([
      'Renamed “Interview” to “Video interview”',
      'Added “Reference check”',
      'Added “Offer”',
      'Removed “Screen”',
      'Order: Applied → Video interview → Reference check → Offer',
    ]);
  });

  it('notices a reorder of kept stages', () => {
    const result = planPipelineChange(
      STAGES,
      [
        { id: id(2), name: 'Screen' },
        { id: id(1), name: 'Applied' },
        { id: id(3), name: 'Interview' },
      ],
      new Map(),
    );
    expect(result.ok && result.plan.reordered).toBe(true);
    expect(result.ok && describePipelinePlan(result.plan)).toEqual([
      'Order: Screen → Applied → Interview',
    ]);
  });

  it('refuses to remove a stage that holds candidates, or to keep a stage that is not there', () => {
    expect(
      planPipelineChange(STAGES, [{ id: id(1), name: 'Applied' }], new Map([[id(2), 3]])),
    ).toEqual({
      ok: false,
      field: 'stages',
      message: 'Stages: 3 candidates are in “Screen”; move them before removing it',
    });
    expect(planPipelineChange(STAGES, [{ id: id(8), name: 'Done' }], new Map())).toEqual({
      ok: false,
      field: 'stages.0.id',
      message: 'Stage: no longer in the pipeline',
    });
  });

  it('changes nothing when the same stages come back', () => {
    const result = planPipelineChange(
      STAGES,
      STAGES.filter((s) => s.kind === 'active').map((s) => ({ id: s.id, name: s.name })),
      new Map(),
    );
    expect(result.ok && describePipelinePlan(result.plan)).toEqual([]);
  });
});
