import {
  type AddTrainingModuleInput,
  type CurriculumFields,
  type CurriculumListInput,
  moduleRequirementText,
  type ReorderTrainingModulesInput,
  TRAINING_MODULE_KIND_LABELS,
  type TrainingModuleInput,
  trainingModuleSettingsOf,
  type UpdateCurriculumInput,
  type UpdateTrainingModuleInput,
} from '@switchboard/domain';
import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  certifications,
  curricula,
  requestTypes,
  sops,
  sopVersions,
  teams,
  teamTrainingPlans,
  trainingEnrolments,
  trainingModules,
  trainingProgress,
} from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { textSearch } from './list-helpers.ts';
import { latestPublishedVersions } from './training-enrolment.ts';
import { TrainingRefusal } from './training-errors.ts';

/*
 * Curricula as trainers edit them: the curriculum (what it grants, whether it needs a sign-off)
 * and its ordered modules. Every change lands in the change history in the same transaction.
 */

const CURRICULUM_LABELS = {
  code: { label: 'Code' },
  name: { label: 'Name' },
  description: { label: 'Description' },
  certification: { label: 'Certification' },
  requiresSignOff: {
    label: 'Trainer sign-off',
    format: (value: unknown) => (value ? 'required' : 'not required'),
  },
};

/** How many are enrolled and completed, and how many modules, per curriculum. */
async function curriculumFigures(db: DatabaseOrTransaction, curriculumIds: readonly string[]) {
  if (curriculumIds.length === 0) return new Map<string, CurriculumFigures>();
  const ids = [...curriculumIds];
  const [enrolments, modules] = await Promise.all([
    db
      .select({
        curriculumId: trainingEnrolments.curriculumId,
        enrolledCount: sql<number>`count(*)::int`,
        completedCount: sql<number>`count(${trainingEnrolments.completedAt})::int`,
      })
      .from(trainingEnrolments)
      .where(inArray(trainingEnrolments.curriculumId, ids))
      .groupBy(trainingEnrolments.curriculumId),
    db
      .select({
        curriculumId: trainingModules.curriculumId,
        moduleCount: sql<number>`count(*)::int`,
      })
      .from(trainingModules)
      .where(inArray(trainingModules.curriculumId, ids))
      .groupBy(trainingModules.curriculumId),
  ]);
  return new Map(
    ids.map((id) => {
      const enrolled = enrolments.find((row) => row.curriculumId === id);
      return [
        id,
        {
          moduleCount: modules.find((row) => row.curriculumId === id)?.moduleCount ?? 0,
          enrolledCount: enrolled?.enrolledCount ?? 0,
          completedCount: enrolled?.completedCount ?? 0,
        },
      ];
    }),
  );
}

interface CurriculumFigures {
  moduleCount: number;
  enrolledCount: number;
  completedCount: number;
}

const NO_FIGURES: CurriculumFigures = { moduleCount: 0, enrolledCount: 0, completedCount: 0 };

/** Curricula are configuration (tens of rows): listed whole, with their figures. */
export async function listCurricula(db: Database, input: CurriculumListInput) {
  const rows = await db
    .select({
      id: curricula.id,
      code: curricula.code,
      name: curricula.name,
      description: curricula.description,
      certificationId: curricula.certificationId,
      certificationName: certifications.name,
      requiresSignOff: curricula.requiresSignOff,
      archivedAt: curricula.archivedAt,
      updatedAt: curricula.updatedAt,
    })
    .from(curricula)
    .leftJoin(certifications, eq(certifications.id, curricula.certificationId))
    .where(
      and(
        input.includeArchived ? undefined : isNull(curricula.archivedAt),
        textSearch(input.search, [curricula.name, curricula.code]),
      ),
    )
    .orderBy(asc(curricula.name));
  const plans = await db
    .select({ curriculumId: teamTrainingPlans.curriculumId, teamName: teams.name })
    .from(teamTrainingPlans)
    .innerJoin(teams, eq(teams.id, teamTrainingPlans.teamId))
    .orderBy(asc(teams.name));
  const figures = await curriculumFigures(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    ...row,
    ...(figures.get(row.id) ?? NO_FIGURES),
    inTeamPlans: plans.filter((plan) => plan.curriculumId === row.id).map((plan) => plan.teamName),
  }));
}

async function curriculumRow(tx: DatabaseOrTransaction, curriculumId: string, lock = false) {
  const query = tx.select().from(curricula).where(eq(curricula.id, curriculumId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new TrainingRefusal('NOT_FOUND', 'There is no such curriculum', 'curriculumId');
  return row;
}

function newerVersion(asked: number | null, published: number | undefined) {
  return asked !== null && published !== undefined && published > asked ? published : null;
}

/** The curriculum with its modules in order, what each asks, and who has started each. */
export async function curriculumDetail(db: DatabaseOrTransaction, curriculumId: string) {
  const curriculum = await curriculumRow(db, curriculumId);
  const [certification] = curriculum.certificationId
    ? await db
        .select({ name: certifications.name, code: certifications.code })
        .from(certifications)
        .where(eq(certifications.id, curriculum.certificationId))
    : [];
  const modules = await db
    .select({
      id: trainingModules.id,
      position: trainingModules.position,
      kind: trainingModules.kind,
      title: trainingModules.title,
      body: trainingModules.body,
      sopId: trainingModules.sopId,
      sopVersion: trainingModules.sopVersion,
      requestTypeName: requestTypes.name,
      settings: trainingModules.settings,
      estimatedMinutes: trainingModules.estimatedMinutes,
    })
    .from(trainingModules)
    .leftJoin(sops, eq(sops.id, trainingModules.sopId))
    .leftJoin(requestTypes, eq(requestTypes.id, sops.requestTypeId))
    .where(eq(trainingModules.curriculumId, curriculumId))
    .orderBy(asc(trainingModules.position), asc(trainingModules.createdAt));
  const [latest, started] = await Promise.all([
    latestPublishedVersions(
      db,
      modules.flatMap((module) => (module.sopId ? [module.sopId] : [])),
    ),
    startedCounts(
      db,
      modules.map((module) => module.id),
    ),
  ]);
  const plans = await db
    .select({ teamId: teams.id, teamName: teams.name })
    .from(teamTrainingPlans)
    .innerJoin(teams, eq(teams.id, teamTrainingPlans.teamId))
    .where(eq(teamTrainingPlans.curriculumId, curriculumId))
    .orderBy(asc(teams.name));
  const figures = (await curriculumFigures(db, [curriculumId])).get(curriculumId) ?? NO_FIGURES;
  return {
    id: curriculum.id,
    code: curriculum.code,
    name: curriculum.name,
    description: curriculum.description,
    certificationId: curriculum.certificationId,
    certificationName: certification?.name ?? null,
    requiresSignOff: curriculum.requiresSignOff,
    archivedAt: curriculum.archivedAt,
    enrolledCount: figures.enrolledCount,
    completedCount: figures.completedCount,
    teamPlans: plans,
    modules: modules.map(({ settings, ...module }) => {
      const definition = trainingModuleSettingsOf(module.kind, settings);
      return {
        ...module,
        kind: definition.kind,
        kindLabel: TRAINING_MODULE_KIND_LABELS[definition.kind],
        /** People past "not started" on it: its kind is fixed and it cannot be removed. */
        startedCount: started.get(module.id) ?? 0,
        definition,
        requirement: moduleRequirementText(definition),
        /** The SOP's published version, when newer than the one the module asks to read. */
        newerSopVersion: module.sopId
          ? newerVersion(module.sopVersion, latest.get(module.sopId)?.version)
          : null,
      };
    }),
  };
}

async function requireCertification(tx: DatabaseOrTransaction, certificationId: string | null) {
  if (certificationId === null) return null;
  const [row] = await tx
    .select({ id: certifications.id, name: certifications.name, active: certifications.active })
    .from(certifications)
    .where(eq(certifications.id, certificationId));
  if (!row?.active) {
    throw new TrainingRefusal('BAD_REQUEST', 'Choose an active certification', 'certificationId');
  }
  return row;
}

async function refuseTakenCode(tx: DatabaseOrTransaction, code: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: curricula.id })
    .from(curricula)
    .where(and(eq(curricula.code, code), exceptId ? ne(curricula.id, exceptId) : undefined));
  if (taken) {
    throw new TrainingRefusal(
      'CONFLICT',
      `A curriculum with the code ${code} exists already`,
      'code',
    );
  }
}

function changeView(fields: CurriculumFields, certificationName: string | null) {
  return {
    code: fields.code,
    name: fields.name,
    description: fields.description,
    certification: certificationName ?? 'none',
    requiresSignOff: fields.requiresSignOff,
  };
}

export async function createCurriculum(db: Database, actorId: string, input: CurriculumFields) {
  return db.transaction(async (tx) => {
    await refuseTakenCode(tx, input.code);
    const certification = await requireCertification(tx, input.certificationId);
    const [row] = await tx.insert(curricula).values(input).returning({ id: curricula.id });
    await recordChange(tx, {
      entityType: 'curriculum',
      entityId: row!.id,
      entityName: input.name,
      action: 'created',
      actorId,
      before: null,
      after: changeView(input, certification?.name ?? null),
      labels: CURRICULUM_LABELS,
    });
    return { id: row!.id };
  });
}

export async function updateCurriculum(
  db: Database,
  actorId: string,
  input: UpdateCurriculumInput,
) {
  return db.transaction(async (tx) => {
    const { curriculumId, ...fields } = input;
    const before = await curriculumRow(tx, curriculumId, true);
    await refuseTakenCode(tx, fields.code, curriculumId);
    const certification = await requireCertification(tx, fields.certificationId);
    const beforeCertification = await certificationNameOf(tx, before.certificationId);
    await tx.update(curricula).set(fields).where(eq(curricula.id, curriculumId));
    await recordChange(tx, {
      entityType: 'curriculum',
      entityId: curriculumId,
      entityName: fields.name,
      action: 'updated',
      actorId,
      before: changeView(before, beforeCertification),
      after: changeView(fields, certification?.name ?? null),
      labels: CURRICULUM_LABELS,
    });
    return { id: curriculumId };
  });
}

async function certificationNameOf(tx: DatabaseOrTransaction, certificationId: string | null) {
  if (!certificationId) return null;
  const [row] = await tx
    .select({ name: certifications.name })
    .from(certifications)
    .where(eq(certifications.id, certificationId));
  return row?.name ?? null;
}

/** A change to a curriculum's modules or state, on the change history as lines. */
function recordCurriculumStep(
  tx: DatabaseOrTransaction,
  curriculum: { id: string; name: string },
  actorId: string,
  diff: string[],
  action: 'updated' | 'archived' | 'restored' | 'reordered' = 'updated',
) {
  return recordChange(tx, {
    entityType: 'curriculum',
    entityId: curriculum.id,
    entityName: curriculum.name,
    action,
    actorId,
    before: null,
    after: null,
    diff,
  });
}

/** Archived curricula take no new enrolments and leave the team plans; records stay. */
export async function setCurriculumArchived(
  db: Database,
  actorId: string,
  input: { curriculumId: string; archived: boolean },
) {
  return db.transaction(async (tx) => {
    const curriculum = await curriculumRow(tx, input.curriculumId, true);
    if ((curriculum.archivedAt !== null) === input.archived) return { id: curriculum.id };
    await tx
      .update(curricula)
      .set({ archivedAt: input.archived ? new Date() : null })
      .where(eq(curricula.id, curriculum.id));
    if (input.archived) {
      await tx.delete(teamTrainingPlans).where(eq(teamTrainingPlans.curriculumId, curriculum.id));
    }
    await recordCurriculumStep(
      tx,
      curriculum,
      actorId,
      [input.archived ? 'Archived (removed from team training plans)' : 'Restored'],
      input.archived ? 'archived' : 'restored',
    );
    return { id: curriculum.id };
  });
}

/** An SOP reading must name a version that was published (drafts can still change). */
async function requireReadableSopVersion(tx: DatabaseOrTransaction, module: TrainingModuleInput) {
  if (module.kind !== 'sop_reading') return null;
  const [version] = await tx
    .select({ status: sopVersions.status, title: sopVersions.title })
    .from(sopVersions)
    .where(and(eq(sopVersions.sopId, module.sopId), eq(sopVersions.version, module.sopVersion)));
  if (!version) {
    throw new TrainingRefusal(
      'BAD_REQUEST',
      'This playbook has no such version',
      'module.sopVersion',
    );
  }
  if (version.status === 'draft') {
    throw new TrainingRefusal(
      'BAD_REQUEST',
      'Choose a published version: drafts can still change',
      'module.sopVersion',
    );
  }
  return version;
}

function moduleColumns(module: TrainingModuleInput) {
  return {
    kind: module.kind,
    title: module.title,
    body: module.body,
    estimatedMinutes: module.estimatedMinutes,
    sopId: module.kind === 'sop_reading' ? module.sopId : null,
    sopVersion: module.kind === 'sop_reading' ? module.sopVersion : null,
    settings: module.settings as Record<string, unknown>,
  };
}

function moduleLabel(module: { kind: string; title: string }) {
  return `${TRAINING_MODULE_KIND_LABELS[module.kind as TrainingModuleInput['kind']] ?? module.kind} "${module.title}"`;
}

/**
 * Adds a module at the end. People part-way through the curriculum get it too; those who
 * completed it keep their completion.
 */
export async function addTrainingModule(
  db: Database,
  actorId: string,
  input: AddTrainingModuleInput,
) {
  return db.transaction(async (tx) => {
    const curriculum = await curriculumRow(tx, input.curriculumId, true);
    await requireReadableSopVersion(tx, input.module);
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${trainingModules.position}), -1)::int` })
      .from(trainingModules)
      .where(eq(trainingModules.curriculumId, curriculum.id));
    const [row] = await tx
      .insert(trainingModules)
      .values({
        curriculumId: curriculum.id,
        position: (last?.position ?? -1) + 1,
        ...moduleColumns(input.module),
      })
      .returning({ id: trainingModules.id });
    const active = await tx
      .select({ id: trainingEnrolments.id })
      .from(trainingEnrolments)
      .where(
        and(
          eq(trainingEnrolments.curriculumId, curriculum.id),
          isNull(trainingEnrolments.completedAt),
        ),
      );
    if (active.length > 0) {
      await tx
        .insert(trainingProgress)
        .values(active.map((enrolment) => ({ enrolmentId: enrolment.id, moduleId: row!.id })))
        .onConflictDoNothing();
    }
    await recordCurriculumStep(tx, curriculum, actorId, [`Added ${moduleLabel(input.module)}`]);
    return { id: row!.id };
  });
}

async function moduleRow(tx: DatabaseOrTransaction, moduleId: string) {
  const [row] = await tx
    .select({
      id: trainingModules.id,
      curriculumId: trainingModules.curriculumId,
      kind: trainingModules.kind,
      title: trainingModules.title,
      body: trainingModules.body,
      sopId: trainingModules.sopId,
      sopVersion: trainingModules.sopVersion,
      settings: trainingModules.settings,
      estimatedMinutes: trainingModules.estimatedMinutes,
    })
    .from(trainingModules)
    .where(eq(trainingModules.id, moduleId));
  if (!row) throw new TrainingRefusal('NOT_FOUND', 'There is no such module', 'moduleId');
  return row;
}

async function startedCounts(db: DatabaseOrTransaction, moduleIds: readonly string[]) {
  if (moduleIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({
      moduleId: trainingProgress.moduleId,
      total: sql<number>`count(*)::int`,
    })
    .from(trainingProgress)
    .where(
      and(
        inArray(trainingProgress.moduleId, [...moduleIds]),
        ne(trainingProgress.status, 'not_started'),
      ),
    )
    .groupBy(trainingProgress.moduleId);
  return new Map(rows.map((row) => [row.moduleId, row.total]));
}

async function startedCount(tx: DatabaseOrTransaction, moduleId: string) {
  return (await startedCounts(tx, [moduleId])).get(moduleId) ?? 0;
}

/**
 * Edits a module. Its kind cannot change once someone started it (their progress would stop
 * making sense); quiz edits apply to later attempts, earlier ones keep the questions they had.
 */
export async function updateTrainingModule(
  db: Database,
  actorId: string,
  input: UpdateTrainingModuleInput,
) {
  return db.transaction(async (tx) => {
    const before = await moduleRow(tx, input.moduleId);
    const curriculum = await curriculumRow(tx, before.curriculumId, true);
    if (before.kind !== input.module.kind && (await startedCount(tx, before.id)) > 0) {
      throw new TrainingRefusal(
        'CONFLICT',
        'People have started this module: its kind can no longer change',
        'module.kind',
      );
    }
    await requireReadableSopVersion(tx, input.module);
    await tx
      .update(trainingModules)
      .set(moduleColumns(input.module))
      .where(eq(trainingModules.id, before.id));
    const lines = [`Edited ${moduleLabel(input.module)}`];
    if (before.title !== input.module.title) lines.push(`Renamed from "${before.title}"`);
    if (input.module.kind === 'sop_reading' && before.sopVersion !== input.module.sopVersion) {
      lines.push(`SOP version ${before.sopVersion ?? '—'} → ${input.module.sopVersion}`);
    }
    await recordCurriculumStep(tx, curriculum, actorId, lines);
    return { id: before.id };
  });
}

/** Removes a module nobody has started; started ones stay on people's records. */
export async function removeTrainingModule(db: Database, actorId: string, moduleId: string) {
  return db.transaction(async (tx) => {
    const module = await moduleRow(tx, moduleId);
    const curriculum = await curriculumRow(tx, module.curriculumId, true);
    const started = await startedCount(tx, module.id);
    if (started > 0) {
      throw new TrainingRefusal(
        'CONFLICT',
        `${started} ${started === 1 ? 'person has' : 'people have'} started this module; it stays on their records`,
        'moduleId',
      );
    }
    await tx.delete(trainingModules).where(eq(trainingModules.id, module.id));
    await recordCurriculumStep(tx, curriculum, actorId, [`Removed ${moduleLabel(module)}`]);
    return { id: module.id };
  });
}

/** Puts the modules in the given order; the list must name every module once. */
export async function reorderTrainingModules(
  db: Database,
  actorId: string,
  input: ReorderTrainingModulesInput,
) {
  return db.transaction(async (tx) => {
    const curriculum = await curriculumRow(tx, input.curriculumId, true);
    const current = await tx
      .select({ id: trainingModules.id, title: trainingModules.title })
      .from(trainingModules)
      .where(eq(trainingModules.curriculumId, curriculum.id))
      .orderBy(asc(trainingModules.position), asc(trainingModules.createdAt));
    const known = new Set(current.map((module) => module.id));
    if (input.moduleIds.length !== current.length || input.moduleIds.some((id) => !known.has(id))) {
      throw new TrainingRefusal(
        'BAD_REQUEST',
        'List every module of this curriculum exactly once',
        'moduleIds',
      );
    }
    for (const [position, id] of input.moduleIds.entries()) {
      await tx.update(trainingModules).set({ position }).where(eq(trainingModules.id, id));
    }
    const titleOf = new Map(current.map((module) => [module.id, module.title]));
    await recordCurriculumStep(
      tx,
      curriculum,
      actorId,
      [
        `Modules in order: ${input.moduleIds.map((id, index) => `${index + 1}. ${titleOf.get(id)}`).join(', ')}`,
      ],
      'reordered',
    );
    return { moduleIds: input.moduleIds };
  });
}

/** What the editor offers: active certifications, and SOPs with their published versions. */
export async function curriculumEditorOptions(db: Database) {
  const [certificationRows, versionRows] = await Promise.all([
    db
      .select({ id: certifications.id, code: certifications.code, name: certifications.name })
      .from(certifications)
      .where(eq(certifications.active, true))
      .orderBy(asc(certifications.name)),
    db
      .select({
        sopId: sopVersions.sopId,
        version: sopVersions.version,
        status: sopVersions.status,
        title: sopVersions.title,
        publishedAt: sopVersions.publishedAt,
        requestTypeCode: requestTypes.code,
        requestTypeName: requestTypes.name,
      })
      .from(sopVersions)
      .innerJoin(sops, eq(sops.id, sopVersions.sopId))
      .innerJoin(requestTypes, eq(requestTypes.id, sops.requestTypeId))
      .where(and(ne(sopVersions.status, 'draft'), isNotNull(sopVersions.publishedAt)))
      .orderBy(asc(requestTypes.name), asc(sopVersions.version)),
  ]);
  const sopsById = new Map<
    string,
    {
      sopId: string;
      requestTypeCode: string;
      requestTypeName: string;
      versions: Array<{ version: number; title: string; current: boolean }>;
    }
  >();
  for (const row of versionRows) {
    const sop = sopsById.get(row.sopId) ?? {
      sopId: row.sopId,
      requestTypeCode: row.requestTypeCode,
      requestTypeName: row.requestTypeName,
      versions: [],
    };
    sop.versions.push({
      version: row.version,
      title: row.title,
      current: row.status === 'published',
    });
    sopsById.set(row.sopId, sop);
  }
  return { certifications: certificationRows, sops: [...sopsById.values()] };
}

/** The curricula of these ids that exist and are not archived. */
export async function activeCurriculumIds(tx: DatabaseOrTransaction, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx
    .select({ id: curricula.id })
    .from(curricula)
    .where(and(inArray(curricula.id, [...ids]), isNull(curricula.archivedAt)));
  return new Set(rows.map((row) => row.id));
}
