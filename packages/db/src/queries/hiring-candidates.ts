import {
  type CandidateInput,
  type CandidateListInput,
  type CandidateRejectionReason,
  candidateInputSchema,
  type MoveCandidateInput,
  moveCandidateInputSchema,
  type NoteInput,
  noteInputSchema,
  requisitionLabel,
  requisitionTakesCandidates,
  type ScorecardInput,
  scorecardInputSchema,
  stageMoveIssue,
  type UpdateCandidateInput,
  updateCandidateInputSchema,
} from '@switchboard/domain';
import { and, asc, count, desc, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  candidateNotes,
  candidateScorecards,
  candidateStageMoves,
  candidates,
  hiringStages,
  requisitions,
} from '../schema/index.ts';
import { firstActiveStage, pipelineStages, stageInPipeline } from './hiring-pipeline.ts';
import { HiringError } from './hiring-refusal.ts';
import { allOf, pageOf, textSearch } from './list-helpers.ts';

/*
 * Candidates: where each is in the pipeline, every move recorded (who, when, from, to,
 * why), scorecards from interviewers and notes. Hiring itself is in hiring-hire.ts.
 */

/** The mean of every rating on the candidate's scorecards, for sorting and scanning a list. */
const averageScore = sql<number | null>`(select avg(r.value)::float8
  from ${candidateScorecards} sc
  cross join lateral (values (sc.written_english), (sc.empathy), (sc.problem_solving),
    (sc.other_languages)) as r(value)
  where sc.candidate_id = ${candidates.id})`;

export function selectCandidates(db: DatabaseOrTransaction) {
  return db
    .select({
      id: candidates.id,
      name: candidates.name,
      email: candidates.email,
      phone: candidates.phone,
      languages: candidates.languages,
      source: candidates.source,
      location: candidates.location,
      requisitionId: candidates.requisitionId,
      requisitionNumber: requisitions.number,
      requisitionTitle: requisitions.title,
      stageId: candidates.stageId,
      stageName: hiringStages.name,
      stageKind: hiringStages.kind,
      stageEnteredAt: candidates.stageEnteredAt,
      rejectionReason: candidates.rejectionReason,
      rejectionNote: candidates.rejectionNote,
      hiredAt: candidates.hiredAt,
      hiredUserId: candidates.hiredUserId,
      scorecardCount: sql<number>`(select count(*)::int from ${candidateScorecards} sc
        where sc.candidate_id = ${candidates.id})`,
      averageScore,
      createdAt: candidates.createdAt,
    })
    .from(candidates)
    .innerJoin(requisitions, eq(requisitions.id, candidates.requisitionId))
    .innerJoin(hiringStages, eq(hiringStages.id, candidates.stageId));
}

export type CandidateRow = Awaited<ReturnType<typeof selectCandidates>>[number];

const OUTCOME_KINDS = { in_process: 'active', hired: 'hired', rejected: 'rejected' } as const;

const SORTS = {
  // Longest in their stage first: who is waiting on us.
  stageEnteredAt: [asc(candidates.stageEnteredAt), asc(candidates.id)],
  name: [asc(candidates.name), asc(candidates.id)],
  createdAt: [desc(candidates.createdAt), desc(candidates.id)],
};

function candidateFilters(input: Omit<CandidateListInput, 'limit' | 'offset' | 'sort'>) {
  return allOf([
    input.requisitionId ? eq(candidates.requisitionId, input.requisitionId) : undefined,
    input.stageId ? eq(candidates.stageId, input.stageId) : undefined,
    input.outcome ? eq(hiringStages.kind, OUTCOME_KINDS[input.outcome]) : undefined,
    textSearch(input.search, [candidates.name, candidates.email]),
  ]);
}

export function listCandidates(db: Database, input: CandidateListInput) {
  const where = candidateFilters(input);
  return pageOf(
    selectCandidates(db)
      .where(where)
      .orderBy(...SORTS[input.sort])
      .limit(input.limit)
      .offset(input.offset),
    db
      .select({ total: count() })
      .from(candidates)
      .innerJoin(hiringStages, eq(hiringStages.id, candidates.stageId))
      .where(where),
    input,
  );
}

/** Cards per column on the board; the column says how many more there are. */
export const BOARD_COLUMN_LIMIT = 100;
/** Hired and rejected pile up over time: the board shows only the latest. */
export const BOARD_TERMINAL_LIMIT = 20;

/** The pipeline as columns of candidates, optionally of one requisition. */
export async function candidateBoard(db: Database, input: { requisitionId?: string | undefined }) {
  const stages = await pipelineStages(db);
  const scope: SQL | undefined = input.requisitionId
    ? eq(candidates.requisitionId, input.requisitionId)
    : undefined;
  return Promise.all(
    stages.map(async (stage) => {
      const where = allOf([eq(candidates.stageId, stage.id), scope]);
      const terminal = stage.kind !== 'active';
      const [cards, [total]] = await Promise.all([
        selectCandidates(db)
          .where(where)
          .orderBy(
            terminal ? desc(candidates.stageEnteredAt) : asc(candidates.stageEnteredAt),
            asc(candidates.id),
          )
          .limit(terminal ? BOARD_TERMINAL_LIMIT : BOARD_COLUMN_LIMIT),
        db.select({ total: count() }).from(candidates).where(where),
      ]);
      return { ...stage, total: total?.total ?? 0, candidates: cards };
    }),
  );
}

export async function candidateRow(db: DatabaseOrTransaction, id: string) {
  const [row] = await selectCandidates(db).where(eq(candidates.id, id));
  if (!row) throw new HiringError('NOT_FOUND', 'There is no such candidate', 'id');
  return row;
}

/** A requisition candidates can be added to or moved into, locked against a concurrent hire. */
async function requisitionTakingCandidates(tx: DatabaseOrTransaction, requisitionId: string) {
  const [requisition] = await tx
    .select({ id: requisitions.id, number: requisitions.number, status: requisitions.status })
    .from(requisitions)
    .where(eq(requisitions.id, requisitionId))
    .for('update');
  if (!requisition) {
    throw new HiringError(
      'BAD_REQUEST',
      'Requisition: there is no such requisition',
      'requisitionId',
    );
  }
  if (!requisitionTakesCandidates(requisition.status)) {
    throw new HiringError(
      'BAD_REQUEST',
      `Requisition: ${requisitionLabel(requisition.number)} is ${requisition.status}; choose an open one`,
      'requisitionId',
    );
  }
  return requisition;
}

async function refuseDuplicateEmail(
  tx: DatabaseOrTransaction,
  input: { requisitionId: string; email: string },
  exceptId?: string,
) {
  const [taken] = await tx
    .select({ name: candidates.name, number: requisitions.number })
    .from(candidates)
    .innerJoin(requisitions, eq(requisitions.id, candidates.requisitionId))
    .where(
      and(
        eq(candidates.requisitionId, input.requisitionId),
        sql`lower(${candidates.email}) = lower(${input.email})`,
        exceptId ? ne(candidates.id, exceptId) : undefined,
      ),
    );
  if (taken) {
    throw new HiringError(
      'CONFLICT',
      `Email: ${taken.name} applied to REQ-${taken.number} with this address already`,
      'email',
    );
  }
}

/** Adds a candidate to a requisition, in the pipeline's first stage. */
export async function createCandidate(db: Database, input: CandidateInput, actorId: string) {
  const values = candidateInputSchema.parse(input);
  return db.transaction(async (tx) => {
    await requisitionTakingCandidates(tx, values.requisitionId);
    await refuseDuplicateEmail(tx, values);
    const stage = await firstActiveStage(tx);
    const now = new Date();
    const [created] = await tx
      .insert(candidates)
      .values({ ...values, stageId: stage.id, stageEnteredAt: now, createdById: actorId })
      .onConflictDoNothing()
      .returning({ id: candidates.id });
    // A second tab adding the same person lost the race to the unique index.
    if (!created) await refuseDuplicateEmail(tx, values);
    await insertMove(tx, {
      candidateId: created!.id,
      from: null,
      to: stage,
      rejectionReason: null,
      note: '',
      movedById: actorId,
      movedAt: now,
    });
    return candidateRow(tx, created!.id);
  });
}

async function lockCandidate(tx: DatabaseOrTransaction, id: string, field = 'id') {
  const [row] = await tx
    .select({
      id: candidates.id,
      requisitionId: candidates.requisitionId,
      stageId: candidates.stageId,
      hiredAt: candidates.hiredAt,
    })
    .from(candidates)
    .where(eq(candidates.id, id))
    .for('update');
  if (!row) throw new HiringError('NOT_FOUND', 'There is no such candidate', field);
  return row;
}

export async function updateCandidate(db: Database, input: UpdateCandidateInput) {
  const { id, ...values } = updateCandidateInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const current = await lockCandidate(tx, id);
    if (values.requisitionId !== current.requisitionId) {
      if (current.hiredAt) {
        throw new HiringError(
          'BAD_REQUEST',
          'Requisition: a hired candidate stays on the requisition they were hired for',
          'requisitionId',
        );
      }
      await requisitionTakingCandidates(tx, values.requisitionId);
    }
    await refuseDuplicateEmail(tx, values, id);
    await tx.update(candidates).set(values).where(eq(candidates.id, id));
    return candidateRow(tx, id);
  });
}

interface MoveRecord {
  candidateId: string;
  from: { id: string; name: string } | null;
  to: { id: string; name: string };
  rejectionReason: CandidateRejectionReason | null;
  note: string;
  movedById: string;
  movedAt: Date;
}

/** Appends a stage move to the candidate's history. */
export async function insertMove(tx: DatabaseOrTransaction, move: MoveRecord) {
  await tx.insert(candidateStageMoves).values({
    candidateId: move.candidateId,
    fromStageId: move.from?.id ?? null,
    fromStageName: move.from?.name ?? null,
    toStageId: move.to.id,
    toStageName: move.to.name,
    rejectionReason: move.rejectionReason,
    note: move.note,
    movedById: move.movedById,
    movedAt: move.movedAt,
  });
}

/**
 * Moves a candidate to another stage (forward, back, rejected with a reason, or back from
 * rejected) and records the move. Hired is reached only by hiring.
 */
export async function moveCandidate(db: Database, input: MoveCandidateInput, actorId: string) {
  const move = moveCandidateInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const current = await lockCandidate(tx, move.candidateId, 'candidateId');
    const [from] = await tx
      .select({ id: hiringStages.id, name: hiringStages.name, kind: hiringStages.kind })
      .from(hiringStages)
      .where(eq(hiringStages.id, current.stageId));
    const to = await stageInPipeline(tx, move.toStageId, 'toStageId');
    const issue = stageMoveIssue({
      from: { id: from!.id, kind: from!.kind },
      to,
      rejectionReason: move.rejectionReason,
      note: move.note,
    });
    if (issue) throw new HiringError('BAD_REQUEST', issue.message, issue.field);
    const rejecting = to.kind === 'rejected';
    const now = new Date();
    await tx
      .update(candidates)
      .set({
        stageId: to.id,
        stageEnteredAt: now,
        rejectionReason: rejecting ? move.rejectionReason : null,
        rejectionNote: rejecting ? move.note : '',
      })
      .where(eq(candidates.id, move.candidateId));
    await insertMove(tx, {
      candidateId: move.candidateId,
      from: from!,
      to,
      rejectionReason: rejecting ? move.rejectionReason : null,
      note: move.note,
      movedById: actorId,
      movedAt: now,
    });
    return candidateRow(tx, move.candidateId);
  });
}

export async function addCandidateNote(db: Database, input: NoteInput, authorId: string) {
  const { candidateId, body } = noteInputSchema.parse(input);
  return db.transaction(async (tx) => {
    await lockCandidate(tx, candidateId, 'candidateId');
    const [note] = await tx
      .insert(candidateNotes)
      .values({ candidateId, body, authorId })
      .returning();
    return note!;
  });
}

/**
 * Saves the caller's scorecard of one kind for a candidate; filling it again replaces
 * their earlier one, so each interviewer counts once per kind in the averages.
 */
export async function saveScorecard(db: Database, input: ScorecardInput, interviewerId: string) {
  const card = scorecardInputSchema.parse(input);
  return db.transaction(async (tx) => {
    await lockCandidate(tx, card.candidateId, 'candidateId');
    const [stage] = await tx
      .select({ name: hiringStages.name })
      .from(candidates)
      .innerJoin(hiringStages, eq(hiringStages.id, candidates.stageId))
      .where(eq(candidates.id, card.candidateId));
    const now = new Date();
    const values = {
      ...card.ratings,
      recommendation: card.recommendation,
      comments: card.comments,
      stageName: stage?.name ?? '',
      submittedAt: now,
    };
    const [saved] = await tx
      .insert(candidateScorecards)
      .values({ candidateId: card.candidateId, kind: card.kind, interviewerId, ...values })
      .onConflictDoUpdate({
        target: [
          candidateScorecards.candidateId,
          candidateScorecards.kind,
          candidateScorecards.interviewerId,
        ],
        set: values,
      })
      .returning();
    return saved!;
  });
}
