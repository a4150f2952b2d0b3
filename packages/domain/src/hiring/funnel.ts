import type { PipelineStage } from './pipeline.ts';

/** A stay of a candidate in one stage; `leftAt` null while they are still there. */
export interface StageVisit {
  stageId: string;
  enteredAt: Date;
  leftAt: Date | null;
}

/** Stage moves in the order they happened → the stays they make up. */
export function stageVisits(
  moves: ReadonlyArray<{ toStageId: string; movedAt: Date }>,
): StageVisit[] {
  return moves.map((move, index) => ({
    stageId: move.toStageId,
    enteredAt: move.movedAt,
    leftAt: moves[index + 1]?.movedAt ?? null,
  }));
}

export interface FunnelStageFigures {
  stageId: string;
  name: string;
  kind: PipelineStage['kind'];
  /** Candidates who got at least this far (hired candidates passed every active stage). */
  reached: number;
  /** Candidates in the stage now. */
  current: number;
  /** reached ÷ reached of the stage before; null for the first stage or when none reached that one. */
  conversionFromPrevious: number | null;
  /** Candidates rejected while this was their stage (rejected and hired rows: 0). */
  rejectedHere: number;
  /** Mean days of the stays in this stage, ongoing ones counted up to now; null: no stays. */
  averageDaysInStage: number | null;
}

export interface HiringFunnel {
  candidates: number;
  hired: number;
  rejected: number;
  /** hired ÷ candidates; null with no candidates. */
  hireRate: number | null;
  /** The active stages in pipeline order, then hired. */
  stages: FunnelStageFigures[];
}

const DAY_MS = 86_400_000;

/**
 * The funnel of a requisition: how far its candidates got, conversion between consecutive
 * stages, where rejections happen and how long stays last. "Reached" is by the furthest
 * active stage a candidate was ever in, in today's pipeline order, so skipping a stage
 * still counts as passing it and the counts never grow down the funnel. Stays in stages
 * since removed from the pipeline are not counted.
 */
export function hiringFunnel(
  pipeline: readonly PipelineStage[],
  candidates: ReadonlyArray<{ visits: readonly StageVisit[] }>,
  now: Date,
): HiringFunnel {
  const active = pipeline
    .filter((stage) => stage.kind === 'active')
    .sort((a, b) => a.position - b.position);
  const hiredStage = pipeline.find((stage) => stage.kind === 'hired');
  const rejectedStage = pipeline.find((stage) => stage.kind === 'rejected');
  const indexOf = new Map(active.map((stage, index) => [stage.id, index]));
  const reached = active.map(() => 0);
  const current = active.map(() => 0);
  const rejectedAt = active.map(() => 0);
  const stayTotals = new Map<string, { days: number; stays: number }>();
  let hired = 0;
  let rejected = 0;

  for (const candidate of candidates) {
    const last = candidate.visits.at(-1);
    if (!last) continue;
    let furthest = -1;
    let lastActive = -1;
    for (const visit of candidate.visits) {
      const index = indexOf.get(visit.stageId);
      if (index !== undefined) {
        furthest = Math.max(furthest, index);
        lastActive = index;
      }
      const days = ((visit.leftAt ?? now).getTime() - visit.enteredAt.getTime()) / DAY_MS;
      const total = stayTotals.get(visit.stageId) ?? { days: 0, stays: 0 };
      stayTotals.set(visit.stageId, {
        days: total.days + Math.max(0, days),
        stays: total.stays + 1,
      });
    }
    const isHired = last.stageId === hiredStage?.id;
    if (isHired) {
      hired += 1;
      furthest = active.length - 1;
    }
    for (let index = 0; index <= furthest; index += 1) reached[index]! += 1;
    const currentIndex = indexOf.get(last.stageId);
    if (currentIndex !== undefined) current[currentIndex]! += 1;
    if (last.stageId === rejectedStage?.id) {
      rejected += 1;
      if (lastActive >= 0) rejectedAt[lastActive]! += 1;
    }
  }

  const average = (stageId: string) => {
    const total = stayTotals.get(stageId);
    return total && total.stays > 0 ? total.days / total.stays : null;
  };
  const stages: FunnelStageFigures[] = active.map((stage, index) => ({
    stageId: stage.id,
    name: stage.name,
    kind: stage.kind,
    reached: reached[index]!,
    current: current[index]!,
    conversionFromPrevious:
      index === 0 || reached[index - 1] === 0 ? null : reached[index]! / reached[index - 1]!,
    rejectedHere: rejectedAt[index]!,
    averageDaysInStage: average(stage.id),
  }));
  if (hiredStage) {
    const lastReached = reached.at(-1) ?? 0;
    stages.push({
      stageId: hiredStage.id,
      name: hiredStage.name,
      kind: 'hired',
      reached: hired,
      current: hired,
      conversionFromPrevious: active.length > 0 && lastReached > 0 ? hired / lastReached : null,
      rejectedHere: 0,
      averageDaysInStage: null,
    });
  }
  const total = candidates.filter((candidate) => candidate.visits.length > 0).length;
  return {
    candidates: total,
    hired,
    rejected,
    hireRate: total > 0 ? hired / total : null,
    stages,
  };
}
