import { z } from 'zod';

/**
 * The controlled taxonomy: category → request type → reason. Codes are stable identifiers
 * used in reports, so nodes are renamed or deprecated, never deleted, and merging two nodes
 * re-points history from the retired code to the surviving one.
 */
export const TAXONOMY_LEVELS = ['category', 'request_type', 'reason'] as const;
export type TaxonomyLevel = (typeof TAXONOMY_LEVELS)[number];
export const MAX_TAXONOMY_DEPTH = TAXONOMY_LEVELS.length;

export const taxonomyCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'Codes are UPPER_SNAKE_CASE, e.g. DRIVER_NO_SHOW');

export const taxonomyNameSchema = z.string().trim().min(1, 'Name is required').max(120);

export interface TaxonomyNode {
  code: string;
  name: string;
  parentCode: string | null;
  deprecated: boolean;
  /** Set when this node was merged: history now counts under that code. */
  mergedInto: string | null;
}

export type TaxonomyIssueKind =
  | 'invalid_code'
  | 'invalid_name'
  | 'duplicate_code'
  | 'unknown_parent'
  | 'too_deep'
  | 'cycle'
  | 'unknown_node'
  | 'deprecated'
  | 'merged'
  | 'invalid_merge';

export interface TaxonomyIssue {
  kind: TaxonomyIssueKind;
  code: string;
  message: string;
}

export type TaxonomyResult<T> = { ok: true; value: T } | { ok: false; issues: TaxonomyIssue[] };

function fail<T>(kind: TaxonomyIssueKind, code: string, message: string): TaxonomyResult<T> {
  return { ok: false, issues: [{ kind, code, message }] };
}

function indexByCode(nodes: readonly TaxonomyNode[]): Map<string, TaxonomyNode> {
  return new Map(nodes.map((node) => [node.code, node]));
}

/**
 * The chain from a node up to its root, the node first. Returns null when the chain loops
 * or reaches a parent that does not exist.
 */
function ancestry(byCode: Map<string, TaxonomyNode>, code: string): TaxonomyNode[] | null {
  const chain: TaxonomyNode[] = [];
  const seen = new Set<string>();
  let current = byCode.get(code);
  while (current) {
    if (seen.has(current.code)) return null;
    seen.add(current.code);
    chain.push(current);
    if (current.parentCode === null) return chain;
    current = byCode.get(current.parentCode);
  }
  return null;
}

/** The first code met twice walking up from `code`, or null when the walk ends without looping. */
function loopAbove(byCode: Map<string, TaxonomyNode>, code: string): string | null {
  const seen = new Set<string>();
  let current = byCode.get(code);
  while (current) {
    if (seen.has(current.code)) return current.code;
    seen.add(current.code);
    if (current.parentCode === null) return null;
    current = byCode.get(current.parentCode);
  }
  return null;
}

/** Every problem with a whole tree, e.g. one loaded from storage or an import. */
export function validateTaxonomy(nodes: readonly TaxonomyNode[]): TaxonomyIssue[] {
  const issues: TaxonomyIssue[] = [];
  const byCode = new Map<string, TaxonomyNode>();
  for (const node of nodes) {
    if (!taxonomyCodeSchema.safeParse(node.code).success) {
      issues.push({
        kind: 'invalid_code',
        code: node.code,
        message: `"${node.code}" is not UPPER_SNAKE_CASE`,
      });
    }
    if (byCode.has(node.code)) {
      issues.push({
        kind: 'duplicate_code',
        code: node.code,
        message: `Code ${node.code} is used twice`,
      });
    }
    byCode.set(node.code, node);
  }
  for (const node of nodes) {
    if (node.parentCode !== null && !byCode.has(node.parentCode)) {
      issues.push({
        kind: 'unknown_parent',
        code: node.code,
        message: `${node.code} points at missing parent ${node.parentCode}`,
      });
      continue;
    }
    const chain = ancestry(byCode, node.code);
    if (chain === null) {
      // Null means a loop or a missing ancestor; the latter is already reported on the orphan.
      const loop = loopAbove(byCode, node.code);
      if (loop !== null) {
        const message =
          loop === node.code
            ? `${node.code} is its own ancestor`
            : `${node.code} is under a cycle at ${loop}`;
        issues.push({ kind: 'cycle', code: node.code, message });
      }
    } else if (chain.length > MAX_TAXONOMY_DEPTH) {
      issues.push({
        kind: 'too_deep',
        code: node.code,
        message: `${node.code} is at level ${chain.length}; the taxonomy has at most ${MAX_TAXONOMY_DEPTH}`,
      });
    }
    if (node.mergedInto !== null) {
      const target = byCode.get(node.mergedInto);
      if (!target) {
        issues.push({
          kind: 'invalid_merge',
          code: node.code,
          message: `${node.code} was merged into missing ${node.mergedInto}`,
        });
      } else if (!node.deprecated) {
        issues.push({
          kind: 'invalid_merge',
          code: node.code,
          message: `${node.code} was merged but is not deprecated`,
        });
      } else if ((byCode.get(resolveCode(nodes, node.code))?.mergedInto ?? null) !== null) {
        issues.push({
          kind: 'invalid_merge',
          code: node.code,
          message: `The merges from ${node.code} loop`,
        });
      }
    }
  }
  return issues;
}

/** Level of a node (category, request type or reason) from its depth in the tree. */
export function levelOf(nodes: readonly TaxonomyNode[], code: string): TaxonomyLevel | null {
  const chain = ancestry(indexByCode(nodes), code);
  if (!chain) return null;
  return TAXONOMY_LEVELS[chain.length - 1] ?? null;
}

/** Depth of the deepest descendant below `code`, counting `code` itself as 1. */
function subtreeHeight(nodes: readonly TaxonomyNode[], code: string): number {
  const children = nodes.filter((node) => node.parentCode === code);
  return 1 + Math.max(0, ...children.map((child) => subtreeHeight(nodes, child.code)));
}

export interface NewTaxonomyNode {
  code: string;
  name: string;
  parentCode: string | null;
}

function deprecatedParentMessage(parentCode: string, retiredCode: string): string {
  return parentCode === retiredCode
    ? `Parent ${parentCode} is deprecated`
    : `Parent ${parentCode} is under deprecated ${retiredCode}`;
}

export function addNode(
  nodes: readonly TaxonomyNode[],
  input: NewTaxonomyNode,
): TaxonomyResult<TaxonomyNode[]> {
  if (!taxonomyCodeSchema.safeParse(input.code).success) {
    return fail('invalid_code', input.code, `"${input.code}" is not UPPER_SNAKE_CASE`);
  }
  if (!taxonomyNameSchema.safeParse(input.name).success) {
    return fail('invalid_name', input.code, 'A taxonomy node needs a name of 1–120 characters');
  }
  const byCode = indexByCode(nodes);
  if (byCode.has(input.code)) {
    return fail(
      'duplicate_code',
      input.code,
      `Code ${input.code} already exists; codes are never reused`,
    );
  }
  if (input.parentCode !== null) {
    const parent = byCode.get(input.parentCode);
    if (!parent)
      return fail('unknown_parent', input.code, `Parent ${input.parentCode} does not exist`);
    const parentChain = ancestry(byCode, parent.code);
    if (!parentChain) return fail('cycle', input.code, `Parent ${parent.code} is in a cycle`);
    const retired = parentChain.find((ancestor) => ancestor.deprecated);
    if (retired) {
      return fail(
        'deprecated',
        input.code,
        deprecatedParentMessage(input.parentCode, retired.code),
      );
    }
    if (parentChain.length >= MAX_TAXONOMY_DEPTH) {
      return fail(
        'too_deep',
        input.code,
        `A ${TAXONOMY_LEVELS[MAX_TAXONOMY_DEPTH - 1]} cannot have children`,
      );
    }
  }
  const node: TaxonomyNode = {
    ...input,
    name: input.name.trim(),
    deprecated: false,
    mergedInto: null,
  };
  return { ok: true, value: [...nodes, node] };
}

/** Renaming changes what people read; the code, and so every report, stays the same. */
export function renameNode(
  nodes: readonly TaxonomyNode[],
  code: string,
  name: string,
): TaxonomyResult<TaxonomyNode[]> {
  if (!nodes.some((node) => node.code === code)) {
    return fail('unknown_node', code, `No taxonomy node ${code}`);
  }
  if (!taxonomyNameSchema.safeParse(name).success) {
    return fail('invalid_name', code, 'A taxonomy node needs a name of 1–120 characters');
  }
  return {
    ok: true,
    value: nodes.map((node) => (node.code === code ? { ...node, name: name.trim() } : node)),
  };
}

export function deprecateNode(
  nodes: readonly TaxonomyNode[],
  code: string,
): TaxonomyResult<TaxonomyNode[]> {
  if (!nodes.some((node) => node.code === code)) {
    return fail('unknown_node', code, `No taxonomy node ${code}`);
  }
  return {
    ok: true,
    value: nodes.map((node) => (node.code === code ? { ...node, deprecated: true } : node)),
  };
}

/** Moves a node under another parent, refusing moves that would loop or exceed three levels. */
export function reparentNode(
  nodes: readonly TaxonomyNode[],
  code: string,
  newParentCode: string | null,
): TaxonomyResult<TaxonomyNode[]> {
  const byCode = indexByCode(nodes);
  if (!byCode.has(code)) return fail('unknown_node', code, `No taxonomy node ${code}`);
  let parentDepth = 0;
  if (newParentCode !== null) {
    const chain = ancestry(byCode, newParentCode);
    if (!byCode.has(newParentCode)) {
      return fail('unknown_parent', code, `Parent ${newParentCode} does not exist`);
    }
    const retired = chain?.find((ancestor) => ancestor.deprecated);
    if (retired) {
      return fail('deprecated', code, deprecatedParentMessage(newParentCode, retired.code));
    }
    if (!chain || chain.some((ancestor) => ancestor.code === code)) {
      return fail(
        'cycle',
        code,
        `Moving ${code} under ${newParentCode} would make it its own ancestor`,
      );
    }
    parentDepth = chain.length;
  }
  if (parentDepth + subtreeHeight(nodes, code) > MAX_TAXONOMY_DEPTH) {
    return fail(
      'too_deep',
      code,
      `Moving ${code} there would go past ${MAX_TAXONOMY_DEPTH} levels`,
    );
  }
  return {
    ok: true,
    value: nodes.map((node) =>
      node.code === code ? { ...node, parentCode: newParentCode } : node,
    ),
  };
}

/** Whether a node may be put on a conversation now: it exists, is live, and so are its parents. */
export function canApply(
  nodes: readonly TaxonomyNode[],
  code: string,
): TaxonomyResult<TaxonomyNode> {
  const byCode = indexByCode(nodes);
  const node = byCode.get(code);
  if (!node) return fail('unknown_node', code, `No taxonomy node ${code}`);
  if (node.mergedInto !== null) {
    return fail(
      'merged',
      code,
      `${code} was merged into ${resolveCode(nodes, code)}; use that instead`,
    );
  }
  const chain = ancestry(byCode, code);
  if (!chain) return fail('cycle', code, `${code} is in a cycle`);
  const deprecated = chain.find((ancestor) => ancestor.deprecated);
  if (deprecated) {
    return fail(
      'deprecated',
      code,
      deprecated.code === code
        ? `${code} is deprecated`
        : `${code} is under deprecated ${deprecated.code}`,
    );
  }
  return { ok: true, value: node };
}

/** The live code that history filed under `code` now counts as (follows merges). */
export function resolveCode(nodes: readonly TaxonomyNode[], code: string): string {
  const byCode = indexByCode(nodes);
  const seen = new Set<string>();
  let current = code;
  for (;;) {
    const node = byCode.get(current);
    if (!node || node.mergedInto === null || seen.has(current)) return current;
    seen.add(current);
    current = node.mergedInto;
  }
}

export interface MergeOutcome {
  nodes: TaxonomyNode[];
  /** History filed under `from` is re-pointed to `into`. */
  repoint: { from: string; into: string };
}

/**
 * Merges `fromCode` into `intoCode` (same level, both live, neither inside the other):
 * the retired node is deprecated and remembers its successor, and its children move to the
 * survivor so nothing under it is orphaned.
 */
export function mergeNodes(
  nodes: readonly TaxonomyNode[],
  fromCode: string,
  intoCode: string,
): TaxonomyResult<MergeOutcome> {
  if (fromCode === intoCode)
    return fail('invalid_merge', fromCode, 'A node cannot be merged into itself');
  const byCode = indexByCode(nodes);
  const from = byCode.get(fromCode);
  const into = byCode.get(intoCode);
  if (!from) return fail('unknown_node', fromCode, `No taxonomy node ${fromCode}`);
  if (!into) return fail('unknown_node', intoCode, `No taxonomy node ${intoCode}`);
  if (from.mergedInto !== null) return fail('merged', fromCode, `${fromCode} was already merged`);
  const target = canApply(nodes, intoCode);
  if (!target.ok) return target;
  const fromChain = ancestry(byCode, fromCode);
  const intoChain = ancestry(byCode, intoCode);
  if (!fromChain || !intoChain) return fail('cycle', fromCode, 'The tree has a cycle');
  if (fromChain.length !== intoChain.length) {
    return fail(
      'invalid_merge',
      fromCode,
      `Only nodes of the same level merge: ${fromCode} is a ${TAXONOMY_LEVELS[fromChain.length - 1]}, ${intoCode} a ${TAXONOMY_LEVELS[intoChain.length - 1]}`,
    );
  }
  const merged = nodes.map((node) => {
    if (node.code === fromCode) return { ...node, deprecated: true, mergedInto: intoCode };
    if (node.parentCode === fromCode) return { ...node, parentCode: intoCode };
    return node;
  });
  return { ok: true, value: { nodes: merged, repoint: { from: fromCode, into: intoCode } } };
}
