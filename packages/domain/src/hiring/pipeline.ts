import { z } from 'zod';

/**
 * The hiring pipeline: active stages trainers and leads arrange as they like, then the two
 * fixed terminal stages. Hired is reached only through the hire (it creates the account);
 * rejected always carries a reason.
 */
export const STAGE_KINDS = ['active', 'hired', 'rejected'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const DEFAULT_ACTIVE_STAGES = [
  'Applied',
  'Screen',
  'Written assessment',
  'Interview',
  'Offer',
] as const;

export const TERMINAL_STAGE_NAMES: Record<Exclude<StageKind, 'active'>, string> = {
  hired: 'Hired',
  rejected: 'Rejected',
};

export const MAX_ACTIVE_STAGES = 12;

export interface PipelineStage {
  id: string;
  name: string;
  kind: StageKind;
  position: number;
}

const stageNameSchema = z
  .string({ error: 'Stage name: required' })
  .trim()
  .min(1, 'Stage name: required')
  .max(40, 'Stage name: at most 40 characters');

export const pipelineInputSchema = z
  .object({
    /** The active stages in their new order; an id keeps (and may rename) a stage, null adds one. */
    stages: z
      .array(z.object({ id: z.uuid('Not a stage id').nullable(), name: stageNameSchema }))
      .min(1, 'Stages: keep at least one active stage')
      .max(MAX_ACTIVE_STAGES, `Stages: at most ${MAX_ACTIVE_STAGES} active stages`),
  })
  .superRefine((input, context) => {
    const names = new Set<string>();
    const ids = new Set<string>();
    const reserved = Object.values(TERMINAL_STAGE_NAMES).map((name) => name.toLowerCase());
    input.stages.forEach((stage, index) => {
      const key = stage.name.toLowerCase();
      if (reserved.includes(key)) {
        context.addIssue({
          code: 'custom',
          path: ['stages', index, 'name'],
          message: `Stage name: “${stage.name}” is a fixed final stage`,
        });
      } else if (names.has(key)) {
        context.addIssue({
          code: 'custom',
          path: ['stages', index, 'name'],
          message: `Stage name: “${stage.name}” is used twice`,
        });
      }
      names.add(key);
      if (stage.id !== null) {
        if (ids.has(stage.id)) {
          context.addIssue({
            code: 'custom',
            path: ['stages', index, 'id'],
            message: 'Stage: listed twice',
          });
        }
        ids.add(stage.id);
      }
    });
  });
export type PipelineInput = z.input<typeof pipelineInputSchema>;

export interface PipelinePlan {
  renamed: Array<{ id: string; from: string; to: string }>;
  added: string[];
  removed: PipelineStage[];
  /** Every active stage in its new order: existing ones by id, new ones by name. */
  order: Array<{ id: string | null; name: string }>;
  reordered: boolean;
}

export type PipelinePlanResult =
  | { ok: true; plan: PipelinePlan }
  | { ok: false; field: string; message: string };

/**
 * Works out what saving the stages changes. A removed stage must be empty: its candidates
 * have to be moved first, so nobody silently lands somewhere else.
 */
export function planPipelineChange(
  current: readonly PipelineStage[],
  next: ReadonlyArray<{ id: string | null; name: string }>,
  candidatesByStage: ReadonlyMap<string, number>,
): PipelinePlanResult {
  const active = current
    .filter((stage) => stage.kind === 'active')
    .sort((a, b) => a.position - b.position);
  const byId = new Map(active.map((stage) => [stage.id, stage]));
  for (const [index, stage] of next.entries()) {
    if (stage.id !== null && !byId.has(stage.id)) {
      return {
        ok: false,
        field: `stages.${index}.id`,
        message: 'Stage: no longer in the pipeline',
      };
    }
  }
  const kept = new Set(next.flatMap((stage) => (stage.id ? [stage.id] : [])));
  const removed = active.filter((stage) => !kept.has(stage.id));
  for (const stage of removed) {
    const waiting = candidatesByStage.get(stage.id) ?? 0;
    if (waiting > 0) {
      return {
        ok: false,
        field: 'stages',
        message: `Stages: ${waiting} ${waiting === 1 ? 'candidate is' : 'candidates are'} in “${stage.name}”; move them before removing it`,
      };
    }
  }
  const renamed = next.flatMap((stage) => {
    const before = stage.id ? byId.get(stage.id) : undefined;
    return before && before.name !== stage.name
      ? [{ id: before.id, from: before.name, to: stage.name }]
      : [];
  });
  const keptOrderBefore = active.filter((stage) => kept.has(stage.id)).map((stage) => stage.id);
  const keptOrderAfter = next.flatMap((stage) => (stage.id ? [stage.id] : []));
  return {
    ok: true,
    plan: {
      renamed,
      added: next.filter((stage) => stage.id === null).map((stage) => stage.name),
      removed,
      order: next.map((stage) => ({ id: stage.id, name: stage.name })),
      reordered: keptOrderBefore.some((id, index) => keptOrderAfter[index] !== id),
    },
  };
}

/** The change history's lines for a pipeline edit, in the order a reader checks them. */
export function describePipelinePlan(plan: PipelinePlan): string[] {
  const lines = [
    ...plan.renamed.map((stage) => `Renamed “${stage.from}” to “${stage.to}”`),
    ...plan.added.map((name) => `Added “${name}”`),
    ...plan.removed.map((stage) => `Removed “${stage.name}”`),
  ];
  if (plan.reordered || plan.added.length > 0 || plan.removed.length > 0) {
    lines.push(`Order: ${plan.order.map((stage) => stage.name).join(' → ')}`);
  }
  return lines;
}
