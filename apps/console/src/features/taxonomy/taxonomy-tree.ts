import type { TreeNodeData } from '@mantine/core';
import type { TaxonomyLevel } from '@switchboard/domain';
import type { RouterOutputs } from '@switchboard/ui/trpc';

export type TaxonomyTreeData = RouterOutputs['taxonomy']['tree'];
export type CategoryNode = TaxonomyTreeData[number];
export type RequestTypeNode = CategoryNode['requestTypes'][number];
export type ReasonNode = RequestTypeNode['reasons'][number];

/** One node of any level, with where it sits, for the menus and modals. */
export interface TaxonomyNodeView {
  level: TaxonomyLevel;
  code: string;
  name: string;
  deprecated: boolean;
  mergedIntoCode: string | null;
  usageCount: number;
  parentCode: string | null;
  /** Deprecated itself or under a deprecated node: not offered as a parent or merge target. */
  retired: boolean;
  childCount: number;
  requestType: RequestTypeNode | null;
}

/** Every node by code (codes are unique across the three levels). */
export function indexTaxonomy(tree: TaxonomyTreeData): Map<string, TaxonomyNodeView> {
  const byCode = new Map<string, TaxonomyNodeView>();
  for (const category of tree) {
    byCode.set(category.code, {
      level: 'category',
      code: category.code,
      name: category.name,
      deprecated: category.deprecated,
      mergedIntoCode: category.mergedIntoCode,
      usageCount: category.usageCount,
      parentCode: null,
      retired: category.deprecated,
      childCount: category.requestTypes.length,
      requestType: null,
    });
    for (const type of category.requestTypes) {
      const typeRetired = category.deprecated || type.deprecated;
      byCode.set(type.code, {
        level: 'request_type',
        code: type.code,
        name: type.name,
        deprecated: type.deprecated,
        mergedIntoCode: type.mergedIntoCode,
        usageCount: type.usageCount,
        parentCode: category.code,
        retired: typeRetired,
        childCount: type.reasons.length,
        requestType: type,
      });
      for (const reason of type.reasons) {
        byCode.set(reason.code, {
          level: 'reason',
          code: reason.code,
          name: reason.name,
          deprecated: reason.deprecated,
          mergedIntoCode: reason.mergedIntoCode,
          usageCount: reason.usageCount,
          parentCode: type.code,
          retired: typeRetired || reason.deprecated,
          childCount: 0,
          requestType: null,
        });
      }
    }
  }
  return byCode;
}

export interface TreeFilter {
  search: string;
  /** Hide deprecated and merged nodes (and what is under them). */
  hideRetired: boolean;
}

function matches(node: { code: string; name: string }, search: string) {
  const needle = search.trim().toLowerCase();
  return (
    needle === '' ||
    node.code.toLowerCase().includes(needle) ||
    node.name.toLowerCase().includes(needle)
  );
}

/**
 * The tree as Mantine's Tree data. A node shows when it or something under it matches the
 * search; a match shows everything under it, so a category found by name keeps its types.
 */
export function treeData(tree: TaxonomyTreeData, filter: TreeFilter): TreeNodeData[] {
  const visible = (node: { deprecated: boolean }) => !(filter.hideRetired && node.deprecated);
  const reasonsOf = (type: RequestTypeNode, all: boolean): TreeNodeData[] =>
    type.reasons
      .filter((reason) => visible(reason) && (all || matches(reason, filter.search)))
      .map((reason) => ({ value: reason.code, label: reason.name }));
  const typesOf = (category: CategoryNode, all: boolean): TreeNodeData[] =>
    category.requestTypes.filter(visible).flatMap((type) => {
      const whole = all || matches(type, filter.search);
      const children = reasonsOf(type, whole);
      return whole || children.length > 0 ? [{ value: type.code, label: type.name, children }] : [];
    });
  return tree.filter(visible).flatMap((category) => {
    const whole = matches(category, filter.search);
    const children = typesOf(category, whole);
    return whole || children.length > 0
      ? [{ value: category.code, label: category.name, children }]
      : [];
  });
}

/** Codes of every node in `data` that has children. */
export function parentCodes(data: readonly TreeNodeData[]): string[] {
  return data.flatMap((node) =>
    node.children && node.children.length > 0 ? [node.value, ...parentCodes(node.children)] : [],
  );
}

/** "Name (CODE)", how a node is named in pickers and messages. */
export function nodeLabel(node: { code: string; name: string }): string {
  return `${node.name} (${node.code})`;
}

interface Option {
  value: string;
  label: string;
}
interface OptionGroup {
  group: string;
  items: Option[];
}

/** Live nodes of `level`, grouped under their parent, except `exclude`. */
function liveNodesOf(
  byCode: Map<string, TaxonomyNodeView>,
  level: TaxonomyLevel,
  keep: (node: TaxonomyNodeView) => boolean,
): OptionGroup[] | Option[] {
  const nodes = [...byCode.values()].filter(
    (node) => node.level === level && !node.retired && keep(node),
  );
  if (level === 'category')
    return nodes.map((node) => ({ value: node.code, label: nodeLabel(node) }));
  const groups = new Map<string, Option[]>();
  for (const node of nodes) {
    const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
    const group = parent ? nodeLabel(parent) : 'Other';
    groups.set(group, [...(groups.get(group) ?? []), { value: node.code, label: nodeLabel(node) }]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** Where a node may move: a live node of its parent's level, other than its parent now. */
export function moveTargets(byCode: Map<string, TaxonomyNodeView>, node: TaxonomyNodeView) {
  const parentLevel = node.level === 'reason' ? 'request_type' : 'category';
  return liveNodesOf(byCode, parentLevel, (candidate) => candidate.code !== node.parentCode);
}

/**
 * What a node may merge into: a live node of the same level (and, for request types, of the
 * same audience, since conversations keep theirs).
 */
export function mergeTargets(byCode: Map<string, TaxonomyNodeView>, node: TaxonomyNodeView) {
  return liveNodesOf(
    byCode,
    node.level,
    (candidate) =>
      candidate.code !== node.code &&
      (node.level !== 'request_type' ||
        candidate.requestType?.audience === node.requestType?.audience),
  );
}

export function conversationCount(count: number): string {
  return `${count.toLocaleString('en')} conversation${count === 1 ? '' : 's'}`;
}
