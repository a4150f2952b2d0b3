import {
  needsNewVersion,
  QA_SCORECARD_FIELD_LABELS,
  type QaCriterion,
  type QaScorecardInput,
  qaScorecardChangeView,
  qaScorecardInputSchema,
  storedCriteria,
  type UpdateQaScorecardInput,
  updateQaScorecardInputSchema,
} from '@switchboard/domain';
import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { qaReviews, qaScorecards, qaScorecardVersions, users } from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { QaError } from './qa-refusal.ts';

/*
 * QA scorecards as trainers and leads edit them. Criteria and pass mark live in immutable
 * versions: a change to either saves a new version and new reviews use it, while every
 * review keeps the version it was scored on.
 */

export interface QaChangeContext {
  actorId: string | null;
  /** When it happened (the seed backdates its setup); now by default. */
  now?: Date;
}

/** Submitted reviews (calibration aside) per scorecard version. */
const reviewCount = sql<number>`(select count(*)::int from ${qaReviews}
  where ${qaReviews.scorecardVersionId} = ${qaScorecardVersions.id}
    and ${qaReviews.submittedAt} is not null and ${qaReviews.calibrationSessionId} is null)`;

function selectScorecards(db: DatabaseOrTransaction) {
  return db
    .select({
      id: qaScorecards.id,
      code: qaScorecards.code,
      name: qaScorecards.name,
      description: qaScorecards.description,
      audience: qaScorecards.audience,
      randomSamplePerAgent: qaScorecards.randomSamplePerAgent,
      currentVersion: qaScorecards.currentVersion,
      currentVersionId: qaScorecardVersions.id,
      passMark: qaScorecardVersions.passMark,
      criteria: qaScorecardVersions.criteria,
      archivedAt: qaScorecards.archivedAt,
      updatedAt: qaScorecards.updatedAt,
    })
    .from(qaScorecards)
    .innerJoin(
      qaScorecardVersions,
      and(
        eq(qaScorecardVersions.scorecardId, qaScorecards.id),
        eq(qaScorecardVersions.version, qaScorecards.currentVersion),
      ),
    );
}

type ScorecardRow = Awaited<ReturnType<typeof selectScorecards>>[number];

function withCriteria(row: ScorecardRow) {
  return { ...row, criteria: storedCriteria(row.criteria) };
}

/** Every scorecard (a handful), active first, with its current version's criteria. */
export async function listQaScorecards(db: DatabaseOrTransaction) {
  const rows = await selectScorecards(db).orderBy(
    sql`${qaScorecards.archivedAt} is not null`,
    asc(qaScorecards.name),
  );
  const counts = await db
    .select({
      scorecardId: qaScorecardVersions.scorecardId,
      reviews: sql<number>`sum(${reviewCount})::int`,
    })
    .from(qaScorecardVersions)
    .groupBy(qaScorecardVersions.scorecardId);
  const reviewsOf = new Map(counts.map((row) => [row.scorecardId, row.reviews]));
  return rows.map((row) => ({ ...withCriteria(row), reviewCount: reviewsOf.get(row.id) ?? 0 }));
}

/** One scorecard with its current criteria and every version, newest first. */
export async function qaScorecardById(db: DatabaseOrTransaction, id: string) {
  const [row] = await selectScorecards(db).where(eq(qaScorecards.id, id));
  if (!row) throw new QaError('NOT_FOUND', 'There is no such scorecard', 'id');
  const versions = await db
    .select({
      id: qaScorecardVersions.id,
      version: qaScorecardVersions.version,
      passMark: qaScorecardVersions.passMark,
      criteria: qaScorecardVersions.criteria,
      createdAt: qaScorecardVersions.createdAt,
      createdByName: users.name,
      reviewCount,
    })
    .from(qaScorecardVersions)
    .leftJoin(users, eq(users.id, qaScorecardVersions.createdById))
    .where(eq(qaScorecardVersions.scorecardId, id))
    .orderBy(desc(qaScorecardVersions.version));
  return {
    ...withCriteria(row),
    versions: versions.map(({ criteria, ...version }) => ({
      ...version,
      criteriaCount: storedCriteria(criteria).length,
    })),
  };
}

export type QaScorecardDetail = Awaited<ReturnType<typeof qaScorecardById>>;

/** The current version of an active scorecard, which a new review is scored on. */
export async function currentQaVersion(db: DatabaseOrTransaction, scorecardId: string) {
  const [row] = await selectScorecards(db).where(eq(qaScorecards.id, scorecardId));
  if (!row) throw new QaError('NOT_FOUND', 'There is no such scorecard', 'scorecardId');
  if (row.archivedAt) {
    throw new QaError('BAD_REQUEST', 'This scorecard is archived', 'scorecardId');
  }
  return withCriteria(row);
}

/** A version's criteria and pass mark, with its scorecard's name. */
export async function qaVersionById(db: DatabaseOrTransaction, versionId: string) {
  const [row] = await db
    .select({
      id: qaScorecardVersions.id,
      scorecardId: qaScorecards.id,
      scorecardName: qaScorecards.name,
      version: qaScorecardVersions.version,
      passMark: qaScorecardVersions.passMark,
      criteria: qaScorecardVersions.criteria,
    })
    .from(qaScorecardVersions)
    .innerJoin(qaScorecards, eq(qaScorecards.id, qaScorecardVersions.scorecardId))
    .where(eq(qaScorecardVersions.id, versionId));
  if (!row) throw new QaError('NOT_FOUND', 'There is no such scorecard version');
  return { ...row, criteria: storedCriteria(row.criteria) };
}

/** A version as review and calibration pages show it beside the scores. */
export function scorecardView(version: Awaited<ReturnType<typeof qaVersionById>>) {
  return {
    id: version.scorecardId,
    name: version.scorecardName,
    version: version.version,
    passMark: version.passMark,
    criteria: version.criteria,
  };
}

async function refuseTakenCode(tx: DatabaseOrTransaction, code: string, exceptId?: string) {
  const [taken] = await tx
    .select({ name: qaScorecards.name })
    .from(qaScorecards)
    .where(and(eq(qaScorecards.code, code), exceptId ? ne(qaScorecards.id, exceptId) : undefined));
  if (taken) {
    throw new QaError('CONFLICT', `The scorecard “${taken.name}” has the code ${code}`, 'code');
  }
}

async function insertVersion(
  tx: DatabaseOrTransaction,
  scorecardId: string,
  version: number,
  definition: { passMark: number; criteria: QaCriterion[] },
  context: QaChangeContext,
  now: Date,
) {
  await tx.insert(qaScorecardVersions).values({
    scorecardId,
    version,
    passMark: definition.passMark,
    criteria: definition.criteria,
    createdById: context.actorId,
    createdAt: now,
  });
}

export async function createQaScorecard(
  db: DatabaseOrTransaction,
  input: QaScorecardInput,
  context: QaChangeContext,
) {
  const { rolloutNote, ...definition } = qaScorecardInputSchema.parse(input);
  const id = await db.transaction(async (tx) => {
    await refuseTakenCode(tx, definition.code);
    const now = context.now ?? new Date();
    const [created] = await tx
      .insert(qaScorecards)
      .values({
        code: definition.code,
        name: definition.name,
        description: definition.description,
        audience: definition.audience,
        randomSamplePerAgent: definition.randomSamplePerAgent,
        currentVersion: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: qaScorecards.id });
    await insertVersion(tx, created!.id, 1, definition, context, now);
    await recordChange(tx, {
      entityType: 'qa_scorecard',
      entityId: created!.id,
      entityName: definition.name,
      action: 'created',
      actorId: context.actorId,
      before: null,
      after: qaScorecardChangeView(definition),
      labels: QA_SCORECARD_FIELD_LABELS,
      rolloutNote,
    });
    return created!.id;
  });
  return qaScorecardById(db, id);
}

/**
 * Saves a scorecard. Name, description, audience and sample size change in place; a change
 * to the criteria or the pass mark saves version n + 1, which new reviews use from then on.
 */
export async function updateQaScorecard(
  db: DatabaseOrTransaction,
  input: UpdateQaScorecardInput,
  context: QaChangeContext,
) {
  const { id, rolloutNote, ...definition } = updateQaScorecardInputSchema.parse(input);
  const newVersion = await db.transaction(async (tx) => {
    const [current] = await selectScorecards(tx).where(eq(qaScorecards.id, id)).for('update');
    if (!current) throw new QaError('NOT_FOUND', 'There is no such scorecard', 'id');
    await refuseTakenCode(tx, definition.code, id);
    const before = qaScorecardChangeView({
      ...current,
      criteria: storedCriteria(current.criteria),
    });
    const after = qaScorecardChangeView(definition);
    if (JSON.stringify(before) === JSON.stringify(after)) return false;
    const now = context.now ?? new Date();
    const versioned = needsNewVersion(
      { passMark: current.passMark, criteria: storedCriteria(current.criteria) },
      definition,
    );
    const version = versioned ? current.currentVersion + 1 : current.currentVersion;
    if (versioned) await insertVersion(tx, id, version, definition, context, now);
    await tx
      .update(qaScorecards)
      .set({
        code: definition.code,
        name: definition.name,
        description: definition.description,
        audience: definition.audience,
        randomSamplePerAgent: definition.randomSamplePerAgent,
        currentVersion: version,
        updatedAt: now,
      })
      .where(eq(qaScorecards.id, id));
    await recordChange(tx, {
      entityType: 'qa_scorecard',
      entityId: id,
      entityName: definition.name,
      action: 'updated',
      actorId: context.actorId,
      before,
      after,
      labels: QA_SCORECARD_FIELD_LABELS,
      rolloutNote,
    });
    return versioned;
  });
  return { ...(await qaScorecardById(db, id)), newVersion };
}

/** Archives a scorecard (no new reviews on it; its reviews stay) or brings it back. */
export async function setQaScorecardArchived(
  db: DatabaseOrTransaction,
  input: { id: string; archived: boolean },
  context: QaChangeContext,
) {
  await db.transaction(async (tx) => {
    const now = context.now ?? new Date();
    const [row] = await tx
      .update(qaScorecards)
      .set({ archivedAt: input.archived ? now : null, updatedAt: now })
      .where(
        and(
          eq(qaScorecards.id, input.id),
          input.archived
            ? isNull(qaScorecards.archivedAt)
            : sql`${qaScorecards.archivedAt} is not null`,
        ),
      )
      .returning({ name: qaScorecards.name });
    if (!row) {
      const [exists] = await tx
        .select({ id: qaScorecards.id })
        .from(qaScorecards)
        .where(eq(qaScorecards.id, input.id));
      if (!exists) throw new QaError('NOT_FOUND', 'There is no such scorecard', 'id');
      return;
    }
    await recordChange(tx, {
      entityType: 'qa_scorecard',
      entityId: input.id,
      entityName: row.name,
      action: input.archived ? 'disabled' : 'enabled',
      actorId: context.actorId,
      before: null,
      after: null,
      diff: [input.archived ? 'Archived: no new reviews on it' : 'Back in use'],
    });
  });
  return qaScorecardById(db, input.id);
}
