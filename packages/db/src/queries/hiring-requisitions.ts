import {
  ACCESS,
  hiringFunnel,
  type RequisitionInput,
  type RequisitionListInput,
  requisitionInputSchema,
  requisitionIssues,
  stageVisits,
  type UpdateRequisitionInput,
  updateRequisitionInputSchema,
} from '@switchboard/domain';
import { and, asc, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  candidateStageMoves,
  candidates,
  cities,
  hiringStages,
  requisitions,
  teams,
  users,
} from '../schema/index.ts';
import { pipelineStages } from './hiring-pipeline.ts';
import { HiringError } from './hiring-refusal.ts';
import { allOf, pageOf, textSearch } from './list-helpers.ts';

/*
 * Requisitions: approved openings a team hires for. Headcount counts hired candidates; the
 * last hire marks a requisition filled (hiring-hire.ts), and edits must agree with the hires.
 */

const owners = alias(users, 'owners');

const candidateFigures = {
  hiredCount: sql<number>`(select count(*)::int from ${candidates} c
    where c.requisition_id = ${requisitions.id} and c.hired_at is not null)`,
  candidateCount: sql<number>`(select count(*)::int from ${candidates} c
    where c.requisition_id = ${requisitions.id})`,
  inProcessCount: sql<number>`(select count(*)::int from ${candidates} c
    join ${hiringStages} s on s.id = c.stage_id
    where c.requisition_id = ${requisitions.id} and s.kind = 'active')`,
};

function selectRequisitions(db: DatabaseOrTransaction) {
  return db
    .select({
      id: requisitions.id,
      number: requisitions.number,
      title: requisitions.title,
      teamId: requisitions.teamId,
      teamName: teams.name,
      cityCode: cities.code,
      cityName: cities.name,
      languages: requisitions.languages,
      headcount: requisitions.headcount,
      targetStartDate: requisitions.targetStartDate,
      status: requisitions.status,
      description: requisitions.description,
      ownerId: requisitions.ownerId,
      ownerName: owners.name,
      filledAt: requisitions.filledAt,
      createdAt: requisitions.createdAt,
      updatedAt: requisitions.updatedAt,
      ...candidateFigures,
    })
    .from(requisitions)
    .innerJoin(teams, eq(teams.id, requisitions.teamId))
    .leftJoin(cities, eq(cities.id, requisitions.cityId))
    .leftJoin(owners, eq(owners.id, requisitions.ownerId));
}

export type RequisitionRow = Awaited<ReturnType<typeof selectRequisitions>>[number];

const SORTS = {
  targetStartDate: [asc(requisitions.targetStartDate), asc(requisitions.number)],
  createdAt: [desc(requisitions.createdAt), desc(requisitions.number)],
  title: [asc(requisitions.title), asc(requisitions.number)],
};

export function listRequisitions(db: Database, input: RequisitionListInput) {
  const numberSearch = /^(?:req-?)?(\d{1,9})$/i.exec(input.search ?? '')?.[1];
  const where = allOf([
    input.status ? eq(requisitions.status, input.status) : undefined,
    input.teamId ? eq(requisitions.teamId, input.teamId) : undefined,
    numberSearch
      ? eq(requisitions.number, Number(numberSearch))
      : textSearch(input.search, [requisitions.title]),
  ]);
  return pageOf(
    selectRequisitions(db)
      .where(where)
      .orderBy(...SORTS[input.sort])
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: count() }).from(requisitions).where(where),
    input,
  );
}

export async function requisitionById(db: DatabaseOrTransaction, id: string) {
  const [row] = await selectRequisitions(db).where(eq(requisitions.id, id));
  if (!row) throw new HiringError('NOT_FOUND', 'There is no such requisition', 'id');
  return row;
}

/** Everything the requisition and candidate forms pick from. */
export async function hiringOptions(db: Database) {
  const [teamRows, cityRows, staffRows, stages] = await Promise.all([
    db
      .select({ id: teams.id, code: teams.code, name: teams.name })
      .from(teams)
      .orderBy(asc(teams.name)),
    db
      .select({ code: cities.code, name: cities.name, languages: cities.languages })
      .from(cities)
      .orderBy(asc(cities.name)),
    db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, [...ACCESS.console])))
      .orderBy(asc(users.name))
      .limit(500),
    pipelineStages(db),
  ]);
  return { teams: teamRows, cities: cityRows, staff: staffRows, stages };
}

async function resolveReferences(
  tx: DatabaseOrTransaction,
  input: { teamId: string; cityCode: string | null; ownerId: string | null },
) {
  const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
  if (!team) throw new HiringError('BAD_REQUEST', 'Team: there is no such team', 'teamId');
  let cityId: string | null = null;
  if (input.cityCode) {
    const [city] = await tx
      .select({ id: cities.id })
      .from(cities)
      .where(eq(cities.code, input.cityCode));
    if (!city) {
      throw new HiringError('BAD_REQUEST', `City: there is no city ${input.cityCode}`, 'cityCode');
    }
    cityId = city.id;
  }
  if (input.ownerId) {
    const [owner] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.id, input.ownerId),
          eq(users.active, true),
          inArray(users.role, [...ACCESS.console]),
        ),
      );
    if (!owner) {
      throw new HiringError(
        'BAD_REQUEST',
        'Owner: choose an active trainer, lead or admin',
        'ownerId',
      );
    }
  }
  return { cityId };
}

function refuseIssues(issues: ReturnType<typeof requisitionIssues>) {
  const [issue] = issues;
  if (issue) throw new HiringError('BAD_REQUEST', issue.message, issue.field);
}

export async function createRequisition(db: Database, input: RequisitionInput, actorId: string) {
  const values = requisitionInputSchema.parse(input);
  refuseIssues(requisitionIssues(values, 0));
  return db.transaction(async (tx) => {
    const { cityId } = await resolveReferences(tx, values);
    const { cityCode: _cityCode, ...stored } = values;
    const [created] = await tx
      .insert(requisitions)
      .values({ ...stored, cityId, createdById: actorId })
      .returning({ id: requisitions.id });
    return requisitionById(tx, created!.id);
  });
}

/** How many of a requisition's candidates are hired (read under its row lock). */
export async function hiredCountOf(tx: DatabaseOrTransaction, requisitionId: string) {
  const [hired] = await tx
    .select({ total: count() })
    .from(candidates)
    .where(and(eq(candidates.requisitionId, requisitionId), isNotNull(candidates.hiredAt)));
  return hired?.total ?? 0;
}

/** Edits a requisition; status and headcount must agree with the hires it already has. */
export async function updateRequisition(db: Database, input: UpdateRequisitionInput) {
  const { id, cityCode, ...values } = updateRequisitionInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        status: requisitions.status,
        filledAt: requisitions.filledAt,
        teamId: requisitions.teamId,
      })
      .from(requisitions)
      .where(eq(requisitions.id, id))
      .for('update');
    if (!current) throw new HiringError('NOT_FOUND', 'There is no such requisition', 'id');
    const hiredCount = await hiredCountOf(tx, id);
    refuseIssues(requisitionIssues(values, hiredCount));
    // Hires joined the team already: moving the requisition would not move them.
    if (hiredCount > 0 && values.teamId !== current.teamId) {
      throw new HiringError(
        'BAD_REQUEST',
        `Team: ${hiredCount} hired already joined this requisition's team; open a new requisition for another team`,
        'teamId',
      );
    }
    const { cityId } = await resolveReferences(tx, { ...values, cityCode });
    await tx
      .update(requisitions)
      .set({
        ...values,
        cityId,
        filledAt: values.status === 'filled' ? (current.filledAt ?? new Date()) : null,
      })
      .where(eq(requisitions.id, id));
    return requisitionById(tx, id);
  });
}

/**
 * The funnel of one requisition, from its candidates' stage moves (a requisition has tens
 * to a few hundred candidates, so their history is read whole).
 */
export async function requisitionFunnel(db: Database, requisitionId: string, now = new Date()) {
  await requisitionById(db, requisitionId);
  const [stages, moves] = await Promise.all([
    pipelineStages(db),
    db
      .select({
        candidateId: candidateStageMoves.candidateId,
        toStageId: candidateStageMoves.toStageId,
        movedAt: candidateStageMoves.movedAt,
      })
      .from(candidateStageMoves)
      .innerJoin(candidates, eq(candidates.id, candidateStageMoves.candidateId))
      .where(eq(candidates.requisitionId, requisitionId))
      .orderBy(asc(candidateStageMoves.candidateId), asc(candidateStageMoves.seq)),
  ]);
  const byCandidate = new Map<string, Array<{ toStageId: string; movedAt: Date }>>();
  for (const move of moves) {
    const list = byCandidate.get(move.candidateId) ?? [];
    list.push(move);
    byCandidate.set(move.candidateId, list);
  }
  return hiringFunnel(
    stages,
    [...byCandidate.values()].map((list) => ({ visits: stageVisits(list) })),
    now,
  );
}
