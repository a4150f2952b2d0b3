import {
  type AddTaxonomyNodeInput,
  addNode,
  canApply,
  deprecateNode,
  levelOf,
  type MergeTaxonomyNodesInput,
  type MoveTaxonomyNodeInput,
  mergeNodes,
  type Priority,
  type RenameTaxonomyNodeInput,
  renameNode,
  reparentNode,
  type SetTaxonomyNodeDeprecatedInput,
  TAXONOMY_CHANGE_LABELS,
  TAXONOMY_LEVEL_LABELS,
  type TaxonomyIssue,
  type TaxonomyIssueKind,
  type TaxonomyLevel,
  type TaxonomyNode,
  type UpdateRequestTypeLinksInput,
} from '@switchboard/domain';
import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  categories,
  certifications,
  conversations,
  macros,
  reasons,
  requestTypeMacros,
  requestTypes,
  sops,
  sopVersions,
} from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { Refusal, type RefusalCode } from './refusal.ts';
import { repointRulesRequestType } from './routing-rules.ts';

/** A refusal from the taxonomy editor; `field` names the input at fault. */
export class TaxonomyEditError extends Refusal {}

/**
 * Per level. The whole tree is read for every edit (the domain rules look at all of it), so
 * it must stay a list a lead can read; a taxonomy of thousands of nodes is a tagging problem.
 */
export const MAX_TAXONOMY_NODES_PER_LEVEL = 10_000;
/** Certifications offered in the request-type picker. */
const MAX_CERTIFICATIONS = 500;

export interface TaxonomyChangeContext {
  actorId: string;
  rolloutNote?: string | undefined;
}

/** A node as the domain sees it, plus where it is stored. */
interface StoredNode extends TaxonomyNode {
  id: string;
  level: TaxonomyLevel;
}

const mergedCategories = alias(categories, 'merged_categories');
const mergedRequestTypes = alias(requestTypes, 'merged_request_types');
const mergedReasons = alias(reasons, 'merged_reasons');
const parentCategories = alias(categories, 'parent_categories');
const parentRequestTypes = alias(requestTypes, 'parent_request_types');

/** Every node of the three tables, as the domain's TaxonomyNode list. */
async function loadNodes(db: DatabaseOrTransaction): Promise<StoredNode[]> {
  const [categoryRows, requestTypeRows, reasonRows] = await Promise.all([
    db
      .select({
        id: categories.id,
        code: categories.code,
        name: categories.name,
        deprecated: categories.deprecated,
        mergedInto: mergedCategories.code,
      })
      .from(categories)
      .leftJoin(mergedCategories, eq(mergedCategories.id, categories.mergedIntoId))
      .limit(MAX_TAXONOMY_NODES_PER_LEVEL),
    db
      .select({
        id: requestTypes.id,
        code: requestTypes.code,
        name: requestTypes.name,
        parentCode: parentCategories.code,
        deprecated: requestTypes.deprecated,
        mergedInto: mergedRequestTypes.code,
      })
      .from(requestTypes)
      .innerJoin(parentCategories, eq(parentCategories.id, requestTypes.categoryId))
      .leftJoin(mergedRequestTypes, eq(mergedRequestTypes.id, requestTypes.mergedIntoId))
      .limit(MAX_TAXONOMY_NODES_PER_LEVEL),
    db
      .select({
        id: reasons.id,
        code: reasons.code,
        name: reasons.name,
        parentCode: parentRequestTypes.code,
        deprecated: reasons.deprecated,
        mergedInto: mergedReasons.code,
      })
      .from(reasons)
      .innerJoin(parentRequestTypes, eq(parentRequestTypes.id, reasons.requestTypeId))
      .leftJoin(mergedReasons, eq(mergedReasons.id, reasons.mergedIntoId))
      .limit(MAX_TAXONOMY_NODES_PER_LEVEL),
  ]);
  return [
    ...categoryRows.map((row) => ({ ...row, parentCode: null, level: 'category' as const })),
    ...requestTypeRows.map((row) => ({ ...row, level: 'request_type' as const })),
    ...reasonRows.map((row) => ({ ...row, level: 'reason' as const })),
  ];
}

/**
 * Edits are decided on the whole tree, so they run one at a time: two leads adding the same
 * code to two levels, or moving two nodes into each other, must not both pass.
 */
async function lockTaxonomy(tx: DatabaseOrTransaction) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('taxonomy', 0))`);
}

async function lockedNodes(tx: DatabaseOrTransaction) {
  await lockTaxonomy(tx);
  const nodes = await loadNodes(tx);
  return { nodes, byCode: new Map(nodes.map((node) => [node.code, node])) };
}

function requireNode(byCode: Map<string, StoredNode>, code: string, field = 'code') {
  const node = byCode.get(code);
  if (!node) throw new TaxonomyEditError('NOT_FOUND', `No taxonomy node ${code}`, field);
  return node;
}

/** The domain's first issue as a refusal on the field that caused it. */
function refuse(
  issues: TaxonomyIssue[],
  fieldOf: (issue: TaxonomyIssue) => string,
  notFound: TaxonomyIssueKind[] = [],
): never {
  const [issue] = issues;
  if (!issue) throw new Error('A taxonomy operation failed without saying why');
  const code: RefusalCode = notFound.includes(issue.kind) ? 'NOT_FOUND' : 'BAD_REQUEST';
  throw new TaxonomyEditError(code, issue.message, fieldOf(issue));
}

function label(node: Pick<TaxonomyNode, 'code' | 'name'>) {
  return `${node.name} (${node.code})`;
}

function levelLabel(level: TaxonomyLevel) {
  return TAXONOMY_LEVEL_LABELS[level].toLowerCase();
}

/**
 * Writes what a domain operation changed on existing nodes (name, parent, deprecation,
 * merge) back to their tables, so storage is exactly the tree the domain approved.
 */
async function writeNodeChanges(
  tx: DatabaseOrTransaction,
  byCode: Map<string, StoredNode>,
  after: readonly TaxonomyNode[],
) {
  const idOf = (code: string | null) => (code === null ? null : byCode.get(code)!.id);
  for (const node of after) {
    const before = byCode.get(node.code);
    if (
      !before ||
      (before.name === node.name &&
        before.parentCode === node.parentCode &&
        before.deprecated === node.deprecated &&
        before.mergedInto === node.mergedInto)
    ) {
      continue;
    }
    const values = {
      name: node.name,
      deprecated: node.deprecated,
      mergedIntoId: idOf(node.mergedInto),
      updatedAt: new Date(),
    };
    if (before.level === 'category') {
      await tx.update(categories).set(values).where(eq(categories.id, before.id));
    } else if (before.level === 'request_type') {
      await tx
        .update(requestTypes)
        .set({ ...values, categoryId: idOf(node.parentCode)! })
        .where(eq(requestTypes.id, before.id));
    } else {
      await tx
        .update(reasons)
        .set({ ...values, requestTypeId: idOf(node.parentCode)! })
        .where(eq(reasons.id, before.id));
    }
  }
}

// ——— Reading ———

export interface TaxonomyReasonNode {
  id: string;
  level: 'reason';
  code: string;
  name: string;
  deprecated: boolean;
  mergedIntoCode: string | null;
  /** Conversations filed under this reason. */
  usageCount: number;
}

export interface TaxonomyRequestTypeNode extends Omit<TaxonomyReasonNode, 'level'> {
  level: 'request_type';
  audience: 'guest' | 'driver';
  defaultPriority: Priority;
  description: string;
  requiredCertification: { code: string; name: string } | null;
  macros: { id: string; name: string }[];
  sop: { publishedVersion: number | null; publishedTitle: string | null; hasDraft: boolean };
  reasons: TaxonomyReasonNode[];
}

export interface TaxonomyCategoryNode extends Omit<TaxonomyReasonNode, 'level'> {
  level: 'category';
  /** Conversations filed under its request types. */
  usageCount: number;
  requestTypes: TaxonomyRequestTypeNode[];
}

const publishedVersions = alias(sopVersions, 'published_versions');

/**
 * The whole tree, live nodes first then by name, with how many conversations each node is
 * used by (counted in SQL, one GROUP BY per level) and what each request type links to.
 */
export async function taxonomyTree(db: Database): Promise<TaxonomyCategoryNode[]> {
  const [categoryRows, typeRows, reasonRows, typeUsage, reasonUsage, macroRows] = await Promise.all(
    [
      db
        .select({
          id: categories.id,
          code: categories.code,
          name: categories.name,
          deprecated: categories.deprecated,
          mergedIntoCode: mergedCategories.code,
        })
        .from(categories)
        .leftJoin(mergedCategories, eq(mergedCategories.id, categories.mergedIntoId))
        .orderBy(asc(categories.deprecated), asc(categories.name), asc(categories.code))
        .limit(MAX_TAXONOMY_NODES_PER_LEVEL),
      db
        .select({
          id: requestTypes.id,
          categoryId: requestTypes.categoryId,
          code: requestTypes.code,
          name: requestTypes.name,
          deprecated: requestTypes.deprecated,
          mergedIntoCode: mergedRequestTypes.code,
          audience: requestTypes.audience,
          defaultPriority: requestTypes.defaultPriority,
          description: requestTypes.description,
          certificationCode: certifications.code,
          certificationName: certifications.name,
          publishedVersion: publishedVersions.version,
          publishedTitle: publishedVersions.title,
          hasDraft: sql<boolean>`exists (select 1 from ${sopVersions}
            where ${sopVersions.sopId} = ${sops.id} and ${sopVersions.status} = 'draft')`,
        })
        .from(requestTypes)
        .leftJoin(mergedRequestTypes, eq(mergedRequestTypes.id, requestTypes.mergedIntoId))
        .leftJoin(certifications, eq(certifications.id, requestTypes.requiredCertificationId))
        .leftJoin(sops, eq(sops.requestTypeId, requestTypes.id))
        .leftJoin(
          publishedVersions,
          and(eq(publishedVersions.sopId, sops.id), eq(publishedVersions.status, 'published')),
        )
        .orderBy(asc(requestTypes.deprecated), asc(requestTypes.name), asc(requestTypes.code))
        .limit(MAX_TAXONOMY_NODES_PER_LEVEL),
      db
        .select({
          id: reasons.id,
          requestTypeId: reasons.requestTypeId,
          code: reasons.code,
          name: reasons.name,
          deprecated: reasons.deprecated,
          mergedIntoCode: mergedReasons.code,
        })
        .from(reasons)
        .leftJoin(mergedReasons, eq(mergedReasons.id, reasons.mergedIntoId))
        .orderBy(asc(reasons.deprecated), asc(reasons.name), asc(reasons.code))
        .limit(MAX_TAXONOMY_NODES_PER_LEVEL),
      db
        .select({ id: conversations.requestTypeId, usage: count() })
        .from(conversations)
        .where(isNotNull(conversations.requestTypeId))
        .groupBy(conversations.requestTypeId),
      db
        .select({ id: conversations.reasonId, usage: count() })
        .from(conversations)
        .where(isNotNull(conversations.reasonId))
        .groupBy(conversations.reasonId),
      db
        .select({
          requestTypeId: requestTypeMacros.requestTypeId,
          id: macros.id,
          name: macros.name,
        })
        .from(requestTypeMacros)
        .innerJoin(macros, eq(macros.id, requestTypeMacros.macroId))
        .where(isNull(macros.archivedAt))
        .orderBy(asc(macros.name), asc(macros.id)),
    ],
  );

  const usageOf = (rows: { id: string | null; usage: number }[]) =>
    new Map(rows.map((row) => [row.id, Number(row.usage)]));
  const typeCounts = usageOf(typeUsage);
  const reasonCounts = usageOf(reasonUsage);

  const reasonsByType = new Map<string, TaxonomyReasonNode[]>();
  for (const { requestTypeId, ...reason } of reasonRows) {
    const list = reasonsByType.get(requestTypeId) ?? [];
    list.push({ ...reason, level: 'reason', usageCount: reasonCounts.get(reason.id) ?? 0 });
    reasonsByType.set(requestTypeId, list);
  }
  const macrosByType = new Map<string, { id: string; name: string }[]>();
  for (const { requestTypeId, ...macro } of macroRows) {
    macrosByType.set(requestTypeId, [...(macrosByType.get(requestTypeId) ?? []), macro]);
  }
  const typesByCategory = new Map<string, TaxonomyRequestTypeNode[]>();
  for (const row of typeRows) {
    const {
      categoryId,
      certificationCode,
      certificationName,
      publishedVersion,
      publishedTitle,
      hasDraft,
      ...type
    } = row;
    const list = typesByCategory.get(categoryId) ?? [];
    list.push({
      ...type,
      level: 'request_type',
      usageCount: typeCounts.get(type.id) ?? 0,
      requiredCertification:
        certificationCode !== null && certificationName !== null
          ? { code: certificationCode, name: certificationName }
          : null,
      macros: macrosByType.get(type.id) ?? [],
      sop: { publishedVersion, publishedTitle, hasDraft: Boolean(hasDraft) },
      reasons: reasonsByType.get(type.id) ?? [],
    });
    typesByCategory.set(categoryId, list);
  }
  return categoryRows.map((category) => {
    const types = typesByCategory.get(category.id) ?? [];
    return {
      ...category,
      level: 'category',
      usageCount: types.reduce((sum, type) => sum + type.usageCount, 0),
      requestTypes: types,
    };
  });
}

/** Certifications a request type may require, for the picker (archived ones are retired). */
export function listCertificationOptions(db: Database) {
  return db
    .select({ code: certifications.code, name: certifications.name })
    .from(certifications)
    .where(eq(certifications.active, true))
    .orderBy(asc(certifications.name), asc(certifications.code))
    .limit(MAX_CERTIFICATIONS);
}

// ——— Editing ———

/** Adds a category, a request type under a category, or a reason under a request type. */
export async function addTaxonomyNode(
  db: Database,
  input: AddTaxonomyNodeInput,
  context: TaxonomyChangeContext,
) {
  return db.transaction(async (tx) => {
    const { nodes, byCode } = await lockedNodes(tx);
    if (nodes.filter((node) => node.level === input.level).length >= MAX_TAXONOMY_NODES_PER_LEVEL) {
      throw new TaxonomyEditError(
        'CONFLICT',
        `The taxonomy holds at most ${MAX_TAXONOMY_NODES_PER_LEVEL} nodes per level; merge some first`,
      );
    }
    const parentCode = input.level === 'category' ? null : input.parentCode;
    const added = addNode(nodes, { code: input.code, name: input.name, parentCode });
    if (!added.ok) {
      refuse(added.issues, (issue) =>
        issue.kind === 'invalid_code' || issue.kind === 'duplicate_code'
          ? 'code'
          : issue.kind === 'invalid_name'
            ? 'name'
            : 'parentCode',
      );
    }
    const parent = parentCode === null ? null : byCode.get(parentCode)!;
    // The tables fix each level's parent: a request type under a category, a reason under a
    // request type. The domain allows any parent within three levels, so check the level.
    if (levelOf(added.value, input.code) !== input.level) {
      const wanted = input.level === 'reason' ? 'request type' : 'category';
      throw new TaxonomyEditError(
        'BAD_REQUEST',
        `A ${levelLabel(input.level)} goes under a ${wanted}; ${parentCode} is a ${parent ? levelLabel(parent.level) : 'missing node'}`,
        'parentCode',
      );
    }
    const name = added.value.at(-1)!.name;
    let id: string;
    let after: Record<string, unknown>;
    if (input.level === 'category') {
      const [row] = await tx
        .insert(categories)
        .values({ code: input.code, name })
        .returning({ id: categories.id });
      id = row!.id;
      after = { level: input.level, code: input.code, name };
    } else if (input.level === 'request_type') {
      const [row] = await tx
        .insert(requestTypes)
        .values({
          code: input.code,
          name,
          categoryId: parent!.id,
          audience: input.audience,
          defaultPriority: input.defaultPriority,
          description: input.description,
        })
        .returning({ id: requestTypes.id });
      id = row!.id;
      after = {
        level: input.level,
        code: input.code,
        name,
        parentCode,
        audience: input.audience,
        defaultPriority: input.defaultPriority,
        description: input.description,
      };
    } else {
      const [row] = await tx
        .insert(reasons)
        .values({ code: input.code, name, requestTypeId: parent!.id })
        .returning({ id: reasons.id });
      id = row!.id;
      after = { level: input.level, code: input.code, name, parentCode };
    }
    await recordChange(tx, {
      entityType: 'taxonomy',
      entityId: input.code,
      entityName: name,
      action: 'created',
      actorId: context.actorId,
      before: null,
      after,
      labels: TAXONOMY_CHANGE_LABELS,
      rolloutNote: context.rolloutNote,
    });
    return { id, level: input.level, code: input.code, name, parentCode };
  });
}

/** Renames a node; its code, and so every report, stays the same. */
export async function renameTaxonomyNode(
  db: Database,
  input: RenameTaxonomyNodeInput,
  context: TaxonomyChangeContext,
) {
  return db.transaction(async (tx) => {
    const { nodes, byCode } = await lockedNodes(tx);
    const renamed = renameNode(nodes, input.code, input.name);
    if (!renamed.ok) {
      refuse(renamed.issues, (issue) => (issue.kind === 'invalid_name' ? 'name' : 'code'), [
        'unknown_node',
      ]);
    }
    const before = byCode.get(input.code)!;
    const after = renamed.value.find((node) => node.code === input.code)!;
    if (after.name === before.name) return { code: before.code, name: before.name };
    await writeNodeChanges(tx, byCode, renamed.value);
    await recordChange(tx, {
      entityType: 'taxonomy',
      entityId: before.code,
      entityName: after.name,
      action: 'renamed',
      actorId: context.actorId,
      before: { name: before.name },
      after: { name: after.name },
      labels: TAXONOMY_CHANGE_LABELS,
      rolloutNote: context.rolloutNote,
    });
    return { code: after.code, name: after.name };
  });
}

/**
 * Moves a request type to another category or a reason to another request type. History
 * stays filed under the node's code; only where the node sits in the tree changes.
 */
export async function moveTaxonomyNode(
  db: Database,
  input: MoveTaxonomyNodeInput,
  context: TaxonomyChangeContext,
) {
  return db.transaction(async (tx) => {
    const { nodes, byCode } = await lockedNodes(tx);
    const node = requireNode(byCode, input.code);
    if (node.parentCode === input.newParentCode) {
      return { code: node.code, parentCode: node.parentCode };
    }
    const moved = reparentNode(nodes, input.code, input.newParentCode);
    if (!moved.ok) {
      refuse(moved.issues, (issue) => (issue.kind === 'unknown_node' ? 'code' : 'newParentCode'), [
        'unknown_node',
      ]);
    }
    if (levelOf(moved.value, input.code) !== node.level) {
      const newParent = byCode.get(input.newParentCode)!;
      throw new TaxonomyEditError(
        'BAD_REQUEST',
        node.level === 'category'
          ? 'Categories are the top level; they do not go under another node'
          : `A ${levelLabel(node.level)} goes under a ${node.level === 'reason' ? 'request type' : 'category'}; ${label(newParent)} is a ${levelLabel(newParent.level)}`,
        'newParentCode',
      );
    }
    await writeNodeChanges(tx, byCode, moved.value);
    const from = node.parentCode === null ? null : byCode.get(node.parentCode)!;
    const to = byCode.get(input.newParentCode)!;
    await recordChange(tx, {
      entityType: 'taxonomy',
      entityId: node.code,
      entityName: node.name,
      action: 'moved',
      actorId: context.actorId,
      before: { parentCode: node.parentCode },
      after: { parentCode: input.newParentCode },
      diff: [`Moved from ${from ? label(from) : 'the top'} to ${label(to)}`],
      rolloutNote: context.rolloutNote,
    });
    return { code: node.code, parentCode: input.newParentCode };
  });
}

/**
 * Deprecates a node (it stays, with its history, but is no longer offered) or restores it.
 * A merged node stays retired, and a node under a deprecated parent waits for its parent.
 */
export async function setTaxonomyNodeDeprecated(
  db: Database,
  input: SetTaxonomyNodeDeprecatedInput,
  context: TaxonomyChangeContext,
) {
  return db.transaction(async (tx) => {
    const { nodes, byCode } = await lockedNodes(tx);
    const node = requireNode(byCode, input.code);
    if (node.deprecated === input.deprecated) {
      return { code: node.code, deprecated: node.deprecated };
    }
    let after: TaxonomyNode[];
    if (input.deprecated) {
      const deprecated = deprecateNode(nodes, input.code);
      if (!deprecated.ok) refuse(deprecated.issues, () => 'code', ['unknown_node']);
      after = deprecated.value;
    } else {
      // Restoring is allowed exactly when the node could then be applied again.
      after = nodes.map((each) =>
        each.code === input.code ? { ...each, deprecated: false } : each,
      );
      const live = canApply(after, input.code);
      if (!live.ok) refuse(live.issues, () => 'code', ['unknown_node']);
    }
    await writeNodeChanges(tx, byCode, after);
    await recordChange(tx, {
      entityType: 'taxonomy',
      entityId: node.code,
      entityName: node.name,
      action: input.deprecated ? 'deprecated' : 'restored',
      actorId: context.actorId,
      before: { deprecated: node.deprecated },
      after: { deprecated: input.deprecated },
      labels: TAXONOMY_CHANGE_LABELS,
      rolloutNote: context.rolloutNote,
    });
    return { code: node.code, deprecated: input.deprecated };
  });
}

/**
 * Merges one node into another of the same level, as `domain.mergeNodes` decides: the source
 * is deprecated and remembers its successor, its children move to the survivor, and the
 * conversations filed under it are re-pointed, so reports count them under the survivor.
 */
export async function mergeTaxonomyNodes(
  db: Database,
  input: MergeTaxonomyNodesInput,
  context: TaxonomyChangeContext,
) {
  return db.transaction(async (tx) => {
    const { nodes, byCode } = await lockedNodes(tx);
    requireNode(byCode, input.fromCode, 'fromCode');
    const merged = mergeNodes(nodes, input.fromCode, input.intoCode);
    if (!merged.ok) {
      refuse(merged.issues, (issue) =>
        issue.code === input.fromCode && issue.kind === 'merged' ? 'fromCode' : 'intoCode',
      );
    }
    const from = byCode.get(merged.value.repoint.from)!;
    const into = byCode.get(merged.value.repoint.into)!;
    if (from.level === 'request_type') {
      // A conversation and its request type share an audience; a merge must keep that true.
      const audiences = await tx
        .select({ id: requestTypes.id, audience: requestTypes.audience })
        .from(requestTypes)
        .where(inArray(requestTypes.id, [from.id, into.id]));
      const audienceOf = (id: string) => audiences.find((row) => row.id === id)?.audience;
      if (audienceOf(from.id) !== audienceOf(into.id)) {
        throw new TaxonomyEditError(
          'BAD_REQUEST',
          `${from.code} is a ${audienceOf(from.id)} request type and ${into.code} a ${audienceOf(into.id)} one; only request types of the same audience merge`,
          'intoCode',
        );
      }
    }

    // Sorted so the change record reads the same on every database, whatever order rows come in.
    const movedChildren = merged.value.nodes
      .filter(
        (node) => node.code !== from.code && byCode.get(node.code)?.parentCode !== node.parentCode,
      )
      .sort((a, b) => a.code.localeCompare(b.code));
    await writeNodeChanges(tx, byCode, merged.value.nodes);
    // History is filed on conversations by request type and reason; categories count through
    // their request types, which the merge has just moved.
    let repointed = 0;
    let repointedRules = 0;
    if (from.level === 'request_type') {
      const rows = await tx
        .update(conversations)
        .set({ requestTypeId: into.id })
        .where(eq(conversations.requestTypeId, from.id))
        .returning({ id: conversations.id });
      repointed = rows.length;
      repointedRules = await repointRulesRequestType(tx, from.code, into.code, context);
    } else if (from.level === 'reason') {
      const rows = await tx
        .update(conversations)
        .set({ reasonId: into.id })
        .where(eq(conversations.reasonId, from.id))
        .returning({ id: conversations.id });
      repointed = rows.length;
    }

    const childLabel = from.level === 'category' ? 'request type' : 'reason';
    const diff = [
      `Merged into ${label(into)}`,
      ...(from.level === 'category'
        ? []
        : [`${repointed} conversation${repointed === 1 ? '' : 's'} re-pointed to ${into.code}`]),
      ...(repointedRules > 0
        ? [`${repointedRules} routing rule${repointedRules === 1 ? '' : 's'} now set ${into.code}`]
        : []),
      ...(movedChildren.length > 0
        ? [
            `Moved ${movedChildren.length} ${childLabel}${movedChildren.length === 1 ? '' : 's'} to ${into.code}: ${movedChildren.map((child) => child.code).join(', ')}`,
          ]
        : []),
    ];
    await recordChange(tx, {
      entityType: 'taxonomy',
      entityId: from.code,
      entityName: from.name,
      action: 'merged',
      actorId: context.actorId,
      before: { deprecated: from.deprecated, mergedInto: null },
      after: {
        deprecated: true,
        mergedInto: into.code,
        movedChildren: movedChildren.map((child) => child.code),
        repointedConversations: repointed,
      },
      diff,
      rolloutNote: context.rolloutNote,
    });
    return {
      fromCode: from.code,
      intoCode: into.code,
      level: from.level,
      repointedConversations: repointed,
      repointedRules,
      movedChildren: movedChildren.map((child) => child.code),
    };
  });
}

/** A request type's links as the change history shows them. */
async function linksOf(tx: DatabaseOrTransaction, requestTypeId: string) {
  const [[row], linked] = await Promise.all([
    tx
      .select({
        defaultPriority: requestTypes.defaultPriority,
        description: requestTypes.description,
        requiredCertification: certifications.code,
      })
      .from(requestTypes)
      .leftJoin(certifications, eq(certifications.id, requestTypes.requiredCertificationId))
      .where(eq(requestTypes.id, requestTypeId)),
    tx
      .select({ id: macros.id, name: macros.name })
      .from(requestTypeMacros)
      .innerJoin(macros, eq(macros.id, requestTypeMacros.macroId))
      .where(eq(requestTypeMacros.requestTypeId, requestTypeId))
      .orderBy(asc(macros.name), asc(macros.id)),
  ]);
  return {
    snapshot: {
      defaultPriority: row!.defaultPriority,
      requiredCertification: row!.requiredCertification,
      macros: linked.map((macro) => macro.name),
      description: row!.description,
    },
    macroIds: linked.map((macro) => macro.id),
  };
}

/**
 * Sets what a request type brings with it: its default priority, the certification routing
 * requires, the macros it suggests (the whole list, replaced) and its description.
 */
export async function updateRequestTypeLinks(
  db: Database,
  input: UpdateRequestTypeLinksInput,
  context: TaxonomyChangeContext,
) {
  return db.transaction(async (tx) => {
    const { byCode } = await lockedNodes(tx);
    const node = requireNode(byCode, input.code);
    if (node.level !== 'request_type') {
      throw new TaxonomyEditError(
        'BAD_REQUEST',
        `${node.code} is a ${levelLabel(node.level)}; only request types have links`,
        'code',
      );
    }
    let certificationId: string | null = null;
    if (input.requiredCertificationCode !== null) {
      const [certification] = await tx
        .select({ id: certifications.id, active: certifications.active })
        .from(certifications)
        .where(eq(certifications.code, input.requiredCertificationCode));
      if (!certification) {
        throw new TaxonomyEditError(
          'BAD_REQUEST',
          `No certification ${input.requiredCertificationCode}`,
          'requiredCertificationCode',
        );
      }
      // An archived one may stay where it is, but is never newly required: nobody renews it.
      const [current] = await tx
        .select({ id: requestTypes.requiredCertificationId })
        .from(requestTypes)
        .where(eq(requestTypes.id, node.id));
      if (!certification.active && current?.id !== certification.id) {
        throw new TaxonomyEditError(
          'BAD_REQUEST',
          `${input.requiredCertificationCode} is archived; restore it under Certifications first`,
          'requiredCertificationCode',
        );
      }
      certificationId = certification.id;
    }
    if (input.macroIds.length > 0) {
      const usable = await tx
        .select({ id: macros.id })
        .from(macros)
        .where(
          and(
            inArray(macros.id, input.macroIds),
            eq(macros.scope, 'shared'),
            isNull(macros.archivedAt),
          ),
        );
      const usableIds = new Set(usable.map((macro) => macro.id));
      const missing = input.macroIds.findIndex((id) => !usableIds.has(id));
      if (missing !== -1) {
        throw new TaxonomyEditError(
          'BAD_REQUEST',
          'Not a live shared macro: personal and archived macros cannot be linked',
          `macroIds.${missing}`,
        );
      }
    }

    const before = await linksOf(tx, node.id);
    await tx
      .update(requestTypes)
      .set({
        defaultPriority: input.defaultPriority,
        requiredCertificationId: certificationId,
        description: input.description,
        updatedAt: new Date(),
      })
      .where(eq(requestTypes.id, node.id));
    const keep = new Set(input.macroIds);
    const dropped = before.macroIds.filter((id) => !keep.has(id));
    if (dropped.length > 0) {
      await tx
        .delete(requestTypeMacros)
        .where(
          and(
            eq(requestTypeMacros.requestTypeId, node.id),
            inArray(requestTypeMacros.macroId, dropped),
          ),
        );
    }
    if (input.macroIds.length > 0) {
      await tx
        .insert(requestTypeMacros)
        .values(input.macroIds.map((macroId) => ({ requestTypeId: node.id, macroId })))
        .onConflictDoNothing();
    }
    const after = await linksOf(tx, node.id);
    if (JSON.stringify(before.snapshot) !== JSON.stringify(after.snapshot)) {
      await recordChange(tx, {
        entityType: 'taxonomy',
        entityId: node.code,
        entityName: node.name,
        action: 'updated',
        actorId: context.actorId,
        before: before.snapshot,
        after: after.snapshot,
        labels: TAXONOMY_CHANGE_LABELS,
        rolloutNote: context.rolloutNote,
      });
    }
    return { code: node.code, ...after.snapshot, macroIds: after.macroIds };
  });
}
