import {
  describePipelinePlan,
  type PipelineInput,
  type PipelineStage,
  pipelineInputSchema,
  planPipelineChange,
} from '@switchboard/domain';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { candidates, hiringStages } from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { HiringError } from './hiring-refusal.ts';

/*
 * One pipeline for the whole organisation: trainers and leads rename, reorder, add and
 * remove its active stages; hired and rejected are fixed and always last.
 */

const KIND_ORDER = sql`case ${hiringStages.kind} when 'active' then 0 when 'hired' then 1 else 2 end`;

/** The stages in use, in pipeline order: active ones, then hired, then rejected. */
export async function pipelineStages(db: DatabaseOrTransaction): Promise<PipelineStage[]> {
  const rows = await db
    .select({
      id: hiringStages.id,
      name: hiringStages.name,
      kind: hiringStages.kind,
      position: hiringStages.position,
    })
    .from(hiringStages)
    .where(isNull(hiringStages.removedAt))
    .orderBy(KIND_ORDER, asc(hiringStages.position));
  return rows;
}

async function candidatesByStage(db: DatabaseOrTransaction, stageIds: readonly string[]) {
  if (stageIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ stageId: candidates.stageId, total: count() })
    .from(candidates)
    .where(inArray(candidates.stageId, [...stageIds]))
    .groupBy(candidates.stageId);
  return new Map(rows.map((row) => [row.stageId, row.total]));
}

/** The pipeline with how many candidates are in each stage now. */
export async function listPipeline(db: DatabaseOrTransaction) {
  const stages = await pipelineStages(db);
  const counts = await candidatesByStage(
    db,
    stages.map((stage) => stage.id),
  );
  return stages.map((stage) => ({ ...stage, candidates: counts.get(stage.id) ?? 0 }));
}

/** A stage still in the pipeline, or a refusal naming `field`. */
export async function stageInPipeline(db: DatabaseOrTransaction, stageId: string, field: string) {
  const [stage] = await db
    .select({ id: hiringStages.id, name: hiringStages.name, kind: hiringStages.kind })
    .from(hiringStages)
    .where(and(eq(hiringStages.id, stageId), isNull(hiringStages.removedAt)));
  if (!stage) throw new HiringError('BAD_REQUEST', 'Stage: no longer in the pipeline', field);
  return stage;
}

/** Where new candidates start: the first active stage. */
export async function firstActiveStage(db: DatabaseOrTransaction) {
  const stage = (await pipelineStages(db)).find((candidate) => candidate.kind === 'active');
  if (!stage) throw new Error('the hiring pipeline has no active stage');
  return stage;
}

export async function terminalStage(db: DatabaseOrTransaction, kind: 'hired' | 'rejected') {
  const stage = (await pipelineStages(db)).find((candidate) => candidate.kind === kind);
  if (!stage) throw new Error(`the hiring pipeline has no ${kind} stage`);
  return stage;
}

/**
 * Saves the active stages in their new order, renaming, adding and removing as asked, and
 * records the change. A stage that still holds candidates cannot be removed.
 */
export async function savePipeline(db: Database, input: PipelineInput, actorId: string) {
  const { stages: next } = pipelineInputSchema.parse(input);
  return db.transaction(async (tx) => {
    // Two editors saving at once would each plan against a pipeline the other is changing.
    await tx.select({ id: hiringStages.id }).from(hiringStages).for('update');
    const current = await pipelineStages(tx);
    const counts = await candidatesByStage(
      tx,
      current.map((stage) => stage.id),
    );
    const result = planPipelineChange(current, next, counts);
    if (!result.ok) throw new HiringError('BAD_REQUEST', result.message, result.field);
    const { plan } = result;
    const diff = describePipelinePlan(plan);
    if (diff.length === 0) return listPipeline(tx);

    const now = new Date();
    if (plan.removed.length > 0) {
      await tx
        .update(hiringStages)
        .set({ removedAt: now })
        .where(
          inArray(
            hiringStages.id,
            plan.removed.map((stage) => stage.id),
          ),
        );
    }
    // Names are unique among stages in use: renames go through a placeholder first, so
    // swapping two names never collides halfway.
    for (const stage of plan.renamed) {
      await tx
        .update(hiringStages)
        .set({ name: `~${stage.id}` })
        .where(eq(hiringStages.id, stage.id));
    }
    for (const stage of plan.renamed) {
      await tx.update(hiringStages).set({ name: stage.to }).where(eq(hiringStages.id, stage.id));
    }
    for (const [index, stage] of plan.order.entries()) {
      if (stage.id) {
        await tx
          .update(hiringStages)
          .set({ position: index + 1 })
          .where(eq(hiringStages.id, stage.id));
      } else {
        await tx
          .insert(hiringStages)
          .values({ name: stage.name, kind: 'active', position: index + 1 });
      }
    }
    await recordChange(tx, {
      entityType: 'hiring_pipeline',
      entityId: 'pipeline',
      entityName: 'Hiring pipeline',
      action: 'updated',
      actorId,
      before: { stages: current.filter((s) => s.kind === 'active').map((s) => s.name) },
      after: { stages: plan.order.map((stage) => stage.name) },
      diff,
    });
    return listPipeline(tx);
  });
}
