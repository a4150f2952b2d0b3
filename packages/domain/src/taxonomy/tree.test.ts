import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addNode,
  canApply,
  deprecateNode,
  levelOf,
  MAX_TAXONOMY_DEPTH,
  mergeNodes,
  type NewTaxonomyNode,
  renameNode,
  reparentNode,
  resolveCode,
  type TaxonomyIssue,
  type TaxonomyIssueKind,
  type TaxonomyNode,
  type TaxonomyResult,
  taxonomyCodeSchema,
  taxonomyNameSchema,
  validateTaxonomy,
} from './tree.ts';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function unwrap<T>(result: TaxonomyResult<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

function issuesOf<T>(result: TaxonomyResult<T>): TaxonomyIssue[] {
  if (result.ok) throw new Error('Expected the operation to fail');
  return result.issues;
}

function expectFailure<T>(result: TaxonomyResult<T>, kind: TaxonomyIssueKind, code?: string) {
  const issues = issuesOf(result);
  expect(issues).toHaveLength(1);
  expect(issues[0]?.kind).toBe(kind);
  if (code !== undefined) expect(issues[0]?.code).toBe(code);
  expect(issues[0]?.message.length).toBeGreaterThan(0);
  return issues[0]!;
}

/** Freezes the array and every node, so any in-place mutation by the code under test throws. */
function frozen(nodes: readonly TaxonomyNode[]): readonly TaxonomyNode[] {
  for (const node of nodes) Object.freeze(node);
  return Object.freeze(nodes);
}

function build(inputs: readonly NewTaxonomyNode[]): TaxonomyNode[] {
  return inputs.reduce<TaxonomyNode[]>((nodes, input) => unwrap(addNode(nodes, input)), []);
}

function node(
  code: string,
  parentCode: string | null,
  extra: Partial<TaxonomyNode> = {},
): TaxonomyNode {
  return { code, name: code, parentCode, deprecated: false, mergedInto: null, ...extra };
}

function find(nodes: readonly TaxonomyNode[], code: string): TaxonomyNode {
  const found = nodes.find((n) => n.code === code);
  if (!found) throw new Error(`No node ${code}`);
  return found;
}

function issueKinds(issues: readonly TaxonomyIssue[]): string[] {
  return issues.map((issue) => `${issue.kind}:${issue.code}`).sort();
}

/**
 * BOOKING
 *   PICKUP_ISSUE
 *     DRIVER_NO_SHOW
 *     LATE_PICKUP
 *   CANCELLATION
 *     REFUND_REQUEST
 * PAYMENTS
 *   DOUBLE_CHARGE
 *   PAYOUT_MISSING
 *     PAYOUT_DELAYED
 */
function sampleTree(): TaxonomyNode[] {
  return build([
    { code: 'BOOKING', name: 'Booking', parentCode: null },
    { code: 'PICKUP_ISSUE', name: 'Pickup issue', parentCode: 'BOOKING' },
    { code: 'DRIVER_NO_SHOW', name: 'Driver no-show', parentCode: 'PICKUP_ISSUE' },
    { code: 'LATE_PICKUP', name: 'Late pickup', parentCode: 'PICKUP_ISSUE' },
    { code: 'CANCELLATION', name: 'Cancellation', parentCode: 'BOOKING' },
    { code: 'REFUND_REQUEST', name: 'Refund request', parentCode: 'CANCELLATION' },
    { code: 'PAYMENTS', name: 'Payments', parentCode: null },
    { code: 'DOUBLE_CHARGE', name: 'Double charge', parentCode: 'PAYMENTS' },
    { code: 'PAYOUT_MISSING', name: 'Payout missing', parentCode: 'PAYMENTS' },
    { code: 'PAYOUT_DELAYED', name: 'Payout delayed', parentCode: 'PAYOUT_MISSING' },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------------

describe('taxonomy codes', () => {
  it.each(['DRIVER_NO_SHOW', 'BOOKING', 'P1', 'A_', 'GPS_DRIFT_2', `A${'B'.repeat(63)}`])(
    'accepts the UPPER_SNAKE_CASE code %s',
    (code) => {
      expect(taxonomyCodeSchema.safeParse(code).success).toBe(true);
    },
  );

  it.each([
    '',
    'A',
    'driver_no_show',
    'Driver_No_Show',
    'DRIVER-NO-SHOW',
    'DRIVER NO SHOW',
    '1BOOKING',
    '_BOOKING',
    'BOOKÍNG',
    ' BOOKING',
    `A${'B'.repeat(64)}`,
  ])('rejects the malformed code %j', (code) => {
    const result = taxonomyCodeSchema.safeParse(code);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/UPPER_SNAKE_CASE/);
  });

  it('requires a non-blank name of at most 120 characters', () => {
    expect(taxonomyNameSchema.parse('  Driver no-show ')).toBe('Driver no-show');
    expect(taxonomyNameSchema.safeParse('   ').error?.issues[0]?.message).toBe('Name is required');
    expect(taxonomyNameSchema.safeParse('x'.repeat(121)).success).toBe(false);
    expect(taxonomyNameSchema.safeParse('x'.repeat(120)).success).toBe(true);
  });

  it('addNode appends a live node with a trimmed name and leaves the input untouched', () => {
    const before = frozen(sampleTree());
    const after = unwrap(
      addNode(before, { code: 'LOST_ITEM', name: '  Lost item ', parentCode: 'BOOKING' }),
    );
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toEqual({
      code: 'LOST_ITEM',
      name: 'Lost item',
      parentCode: 'BOOKING',
      deprecated: false,
      mergedInto: null,
    });
    expect(before).toHaveLength(10);
  });

  it('addNode accepts a new category (no parent)', () => {
    const after = unwrap(
      addNode(sampleTree(), { code: 'SAFETY', name: 'Safety', parentCode: null }),
    );
    expect(levelOf(after, 'SAFETY')).toBe('category');
  });

  it.each(['driver_no_show', 'X', '9LIVES', 'NO SHOW'])(
    'addNode rejects the invalid code %j',
    (code) => {
      const before = frozen(sampleTree());
      const issue = expectFailure(
        addNode(before, { code, name: 'Whatever', parentCode: null }),
        'invalid_code',
        code,
      );
      expect(issue.message).toContain(code);
    },
  );

  it('addNode rejects a duplicate code, at any level', () => {
    const tree = frozen(sampleTree());
    expectFailure(
      addNode(tree, { code: 'BOOKING', name: 'Again', parentCode: null }),
      'duplicate_code',
      'BOOKING',
    );
    expectFailure(
      addNode(tree, { code: 'DRIVER_NO_SHOW', name: 'Elsewhere', parentCode: 'DOUBLE_CHARGE' }),
      'duplicate_code',
      'DRIVER_NO_SHOW',
    );
  });

  it('addNode never reuses the code of a deprecated or merged node', () => {
    const deprecated = unwrap(deprecateNode(sampleTree(), 'LATE_PICKUP'));
    expectFailure(
      addNode(deprecated, {
        code: 'LATE_PICKUP',
        name: 'Late pickup v2',
        parentCode: 'PICKUP_ISSUE',
      }),
      'duplicate_code',
    );
    const merged = unwrap(mergeNodes(sampleTree(), 'LATE_PICKUP', 'DRIVER_NO_SHOW')).nodes;
    expectFailure(
      addNode(merged, { code: 'LATE_PICKUP', name: 'Late pickup v2', parentCode: 'PICKUP_ISSUE' }),
      'duplicate_code',
    );
  });

  it('addNode rejects a parent that does not exist', () => {
    expectFailure(
      addNode(sampleTree(), { code: 'LOST_ITEM', name: 'Lost item', parentCode: 'NOPE' }),
      'unknown_parent',
      'LOST_ITEM',
    );
  });

  it('validateTaxonomy accepts a well-formed tree and an empty one', () => {
    expect(validateTaxonomy(sampleTree())).toEqual([]);
    expect(validateTaxonomy([])).toEqual([]);
  });

  it('validateTaxonomy reports a code used twice', () => {
    const nodes = [...sampleTree(), node('DOUBLE_CHARGE', 'BOOKING')];
    const issues = validateTaxonomy(nodes);
    expect(issues.filter((issue) => issue.kind === 'duplicate_code')).toEqual([
      {
        kind: 'duplicate_code',
        code: 'DOUBLE_CHARGE',
        message: expect.stringContaining('DOUBLE_CHARGE'),
      },
    ]);
  });

  it('validateTaxonomy reports malformed codes', () => {
    const nodes = [node('BOOKING', null), node('no_show', 'BOOKING')];
    expect(issueKinds(validateTaxonomy(nodes))).toEqual(['invalid_code:no_show']);
  });

  it('validateTaxonomy reports a parent that does not exist', () => {
    const nodes = [node('BOOKING', null), node('PICKUP_ISSUE', 'BOOKIN')];
    const issues = validateTaxonomy(nodes);
    expect(issueKinds(issues)).toEqual(['unknown_parent:PICKUP_ISSUE']);
    expect(issues[0]?.message).toContain('BOOKIN');
  });

  it('validateTaxonomy does not call the descendants of an orphan a cycle', () => {
    const nodes = [node('PICKUP_ISSUE', 'GONE'), node('DRIVER_NO_SHOW', 'PICKUP_ISSUE')];
    expect(issueKinds(validateTaxonomy(nodes))).toEqual(['unknown_parent:PICKUP_ISSUE']);
  });
});

// ---------------------------------------------------------------------------------------------
// Depth
// ---------------------------------------------------------------------------------------------

describe('at most three levels', () => {
  it('has three levels', () => {
    expect(MAX_TAXONOMY_DEPTH).toBe(3);
  });

  it('levelOf names each level from its depth', () => {
    const tree = sampleTree();
    expect(levelOf(tree, 'BOOKING')).toBe('category');
    expect(levelOf(tree, 'PICKUP_ISSUE')).toBe('request_type');
    expect(levelOf(tree, 'DRIVER_NO_SHOW')).toBe('reason');
    expect(levelOf(tree, 'NOPE')).toBeNull();
  });

  it('levelOf is null for nodes past the third level or in a cycle', () => {
    const deep = [node('AA', null), node('BB', 'AA'), node('CC', 'BB'), node('DD', 'CC')];
    expect(levelOf(deep, 'DD')).toBeNull();
    expect(levelOf([node('AA', 'BB'), node('BB', 'AA')], 'AA')).toBeNull();
  });

  it('addNode refuses to add under a reason', () => {
    const issue = expectFailure(
      addNode(frozen(sampleTree()), {
        code: 'NO_SHOW_AIRPORT',
        name: 'At the airport',
        parentCode: 'DRIVER_NO_SHOW',
      }),
      'too_deep',
      'NO_SHOW_AIRPORT',
    );
    expect(issue.message).toMatch(/reason cannot have children/);
  });

  it('addNode accepts a reason under a request type', () => {
    const tree = unwrap(
      addNode(sampleTree(), {
        code: 'WRONG_VEHICLE',
        name: 'Wrong vehicle',
        parentCode: 'PICKUP_ISSUE',
      }),
    );
    expect(levelOf(tree, 'WRONG_VEHICLE')).toBe('reason');
  });

  it('reparentNode refuses a request type with reasons under another request type', () => {
    expectFailure(
      reparentNode(frozen(sampleTree()), 'PICKUP_ISSUE', 'CANCELLATION'),
      'too_deep',
      'PICKUP_ISSUE',
    );
  });

  it('reparentNode refuses a three-level category under another category', () => {
    expectFailure(reparentNode(frozen(sampleTree()), 'BOOKING', 'PAYMENTS'), 'too_deep', 'BOOKING');
  });

  it('reparentNode refuses a reason under a reason', () => {
    expectFailure(
      reparentNode(frozen(sampleTree()), 'LATE_PICKUP', 'REFUND_REQUEST'),
      'too_deep',
      'LATE_PICKUP',
    );
  });

  it('reparentNode accepts moves that stay within three levels', () => {
    let tree = sampleTree();
    // A reason to another request type.
    tree = unwrap(reparentNode(tree, 'LATE_PICKUP', 'CANCELLATION'));
    expect(find(tree, 'LATE_PICKUP').parentCode).toBe('CANCELLATION');
    // A request type with no reasons under... a request type: becomes a reason.
    tree = unwrap(reparentNode(tree, 'DOUBLE_CHARGE', 'PAYOUT_MISSING'));
    expect(levelOf(tree, 'DOUBLE_CHARGE')).toBe('reason');
    // A request type with reasons to the top: becomes a category.
    tree = unwrap(reparentNode(tree, 'PAYOUT_MISSING', null));
    expect(levelOf(tree, 'PAYOUT_MISSING')).toBe('category');
    expect(levelOf(tree, 'PAYOUT_DELAYED')).toBe('request_type');
    // A two-level category under another category.
    tree = unwrap(reparentNode(tree, 'PAYMENTS', 'BOOKING'));
    expect(levelOf(tree, 'PAYMENTS')).toBe('request_type');
    expect(validateTaxonomy(tree)).toEqual([]);
  });

  it('reparentNode only changes the parent of the moved node', () => {
    const before = frozen(sampleTree());
    const after = unwrap(reparentNode(before, 'LATE_PICKUP', 'CANCELLATION'));
    expect(after.map((n) => n.code)).toEqual(before.map((n) => n.code));
    for (const [i, n] of after.entries()) {
      if (n.code === 'LATE_PICKUP') expect(n).toEqual({ ...before[i], parentCode: 'CANCELLATION' });
      else expect(n).toEqual(before[i]);
    }
  });

  it('reparentNode reports unknown nodes and parents', () => {
    expectFailure(reparentNode(sampleTree(), 'NOPE', 'BOOKING'), 'unknown_node', 'NOPE');
    expectFailure(
      reparentNode(sampleTree(), 'LATE_PICKUP', 'NOPE'),
      'unknown_parent',
      'LATE_PICKUP',
    );
  });

  it('validateTaxonomy reports nodes past the third level', () => {
    const nodes = [
      node('AA', null),
      node('BB', 'AA'),
      node('CC', 'BB'),
      node('DD', 'CC'),
      node('EE', 'DD'),
    ];
    const issues = validateTaxonomy(nodes);
    expect(issueKinds(issues)).toEqual(['too_deep:DD', 'too_deep:EE']);
    expect(issues[0]?.message).toContain('level 4');
  });
});

// ---------------------------------------------------------------------------------------------
// Cycles
// ---------------------------------------------------------------------------------------------

describe('no cycles', () => {
  it('reparentNode refuses to move a node under itself', () => {
    expectFailure(
      reparentNode(frozen(sampleTree()), 'PICKUP_ISSUE', 'PICKUP_ISSUE'),
      'cycle',
      'PICKUP_ISSUE',
    );
  });

  it('reparentNode refuses to move a node under its child', () => {
    const issue = expectFailure(
      reparentNode(frozen(sampleTree()), 'PAYMENTS', 'DOUBLE_CHARGE'),
      'cycle',
      'PAYMENTS',
    );
    expect(issue.message).toContain('DOUBLE_CHARGE');
  });

  it('reparentNode refuses to move a node under its grandchild', () => {
    expectFailure(
      reparentNode(frozen(sampleTree()), 'BOOKING', 'DRIVER_NO_SHOW'),
      'cycle',
      'BOOKING',
    );
  });

  it('validateTaxonomy reports a hand-made two-node cycle', () => {
    const nodes = [node('BOOKING', 'PICKUP_ISSUE'), node('PICKUP_ISSUE', 'BOOKING')];
    const issues = validateTaxonomy(nodes);
    expect(issueKinds(issues)).toEqual(['cycle:BOOKING', 'cycle:PICKUP_ISSUE']);
  });

  it('validateTaxonomy reports a node that is its own parent', () => {
    expect(issueKinds(validateTaxonomy([node('BOOKING', 'BOOKING')]))).toEqual(['cycle:BOOKING']);
  });

  it('validateTaxonomy reports a longer cycle hanging off a healthy tree', () => {
    const nodes = [...sampleTree(), node('XX', 'ZZ'), node('YY', 'XX'), node('ZZ', 'YY')];
    expect(issueKinds(validateTaxonomy(nodes))).toEqual(['cycle:XX', 'cycle:YY', 'cycle:ZZ']);
  });

  it('validateTaxonomy reports a node hanging under a cycle, saying where the cycle is', () => {
    const nodes = [node('AA', 'BB'), node('BB', 'AA'), node('CC', 'AA')];
    const issues = validateTaxonomy(nodes);
    expect(issueKinds(issues)).toEqual(['cycle:AA', 'cycle:BB', 'cycle:CC']);
    expect(issues.find((issue) => issue.code === 'CC')?.message).toBe('CC is under a cycle at AA');
    expect(issues.find((issue) => issue.code === 'AA')?.message).toBe('AA is its own ancestor');
  });

  it('operations on a cyclic tree fail instead of looping', () => {
    const nodes = [node('AA', 'BB'), node('BB', 'AA'), node('CC', null)];
    expectFailure(addNode(nodes, { code: 'DD', name: 'D', parentCode: 'AA' }), 'cycle');
    expectFailure(canApply(nodes, 'AA'), 'cycle', 'AA');
    expectFailure(reparentNode(nodes, 'CC', 'AA'), 'cycle', 'CC');
  });
});

// ---------------------------------------------------------------------------------------------
// Deprecation
// ---------------------------------------------------------------------------------------------

describe('deprecated nodes cannot be applied', () => {
  it('deprecateNode only sets the flag and never removes the node', () => {
    const before = frozen(sampleTree());
    const after = unwrap(deprecateNode(before, 'LATE_PICKUP'));
    expect(after).toHaveLength(before.length);
    for (const [i, n] of after.entries()) {
      if (n.code === 'LATE_PICKUP') expect(n).toEqual({ ...before[i], deprecated: true });
      else expect(n).toEqual(before[i]);
    }
    expect(validateTaxonomy(after)).toEqual([]);
  });

  it('deprecateNode reports an unknown node', () => {
    expectFailure(deprecateNode(sampleTree(), 'NOPE'), 'unknown_node', 'NOPE');
  });

  it('canApply accepts a live node and returns it', () => {
    const tree = sampleTree();
    expect(canApply(tree, 'DRIVER_NO_SHOW')).toEqual({
      ok: true,
      value: find(tree, 'DRIVER_NO_SHOW'),
    });
    expect(canApply(tree, 'BOOKING').ok).toBe(true);
  });

  it('canApply reports an unknown node', () => {
    expectFailure(canApply(sampleTree(), 'NOPE'), 'unknown_node', 'NOPE');
  });

  it('canApply refuses a deprecated node', () => {
    const tree = unwrap(deprecateNode(sampleTree(), 'LATE_PICKUP'));
    const issue = expectFailure(canApply(tree, 'LATE_PICKUP'), 'deprecated', 'LATE_PICKUP');
    expect(issue.message).toBe('LATE_PICKUP is deprecated');
    expect(canApply(tree, 'DRIVER_NO_SHOW').ok).toBe(true);
  });

  it('canApply refuses the children and grandchildren of a deprecated node', () => {
    const tree = unwrap(deprecateNode(sampleTree(), 'BOOKING'));
    const child = expectFailure(canApply(tree, 'PICKUP_ISSUE'), 'deprecated', 'PICKUP_ISSUE');
    expect(child.message).toContain('under deprecated BOOKING');
    const grandchild = expectFailure(
      canApply(tree, 'DRIVER_NO_SHOW'),
      'deprecated',
      'DRIVER_NO_SHOW',
    );
    expect(grandchild.message).toContain('under deprecated BOOKING');
    expect(canApply(tree, 'PAYOUT_DELAYED').ok).toBe(true);
  });

  it('addNode refuses a deprecated parent', () => {
    const tree = frozen(unwrap(deprecateNode(sampleTree(), 'PICKUP_ISSUE')));
    const issue = expectFailure(
      addNode(tree, { code: 'WRONG_VEHICLE', name: 'Wrong vehicle', parentCode: 'PICKUP_ISSUE' }),
      'deprecated',
      'WRONG_VEHICLE',
    );
    expect(issue.message).toContain('PICKUP_ISSUE');
  });

  it('reparentNode refuses a deprecated new parent', () => {
    const tree = frozen(unwrap(deprecateNode(sampleTree(), 'CANCELLATION')));
    expectFailure(reparentNode(tree, 'LATE_PICKUP', 'CANCELLATION'), 'deprecated', 'LATE_PICKUP');
  });

  it('reparentNode refuses to move a node under a merged one', () => {
    const tree = unwrap(mergeNodes(sampleTree(), 'CANCELLATION', 'PICKUP_ISSUE')).nodes;
    expectFailure(
      reparentNode(tree, 'DOUBLE_CHARGE', 'CANCELLATION'),
      'deprecated',
      'DOUBLE_CHARGE',
    );
  });

  it('a deprecated node can still be moved, renamed, and counted in reports', () => {
    let tree = unwrap(deprecateNode(sampleTree(), 'LATE_PICKUP'));
    tree = unwrap(reparentNode(tree, 'LATE_PICKUP', 'CANCELLATION'));
    tree = unwrap(renameNode(tree, 'LATE_PICKUP', 'Late pickup (retired)'));
    expect(resolveCode(tree, 'LATE_PICKUP')).toBe('LATE_PICKUP');
    expect(validateTaxonomy(tree)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Renaming
// ---------------------------------------------------------------------------------------------

describe('rename keeps the code', () => {
  it('changes only the name of the renamed node', () => {
    const before = frozen(sampleTree());
    const after = unwrap(renameNode(before, 'DRIVER_NO_SHOW', '  Driver did not show up  '));
    expect(after.map((n) => n.code)).toEqual(before.map((n) => n.code));
    for (const [i, n] of after.entries()) {
      if (n.code === 'DRIVER_NO_SHOW')
        expect(n).toEqual({ ...before[i], name: 'Driver did not show up' });
      else expect(n).toEqual(before[i]);
    }
  });

  it('leaves reports and application working under the same code', () => {
    const after = unwrap(renameNode(sampleTree(), 'PICKUP_ISSUE', 'Pickup problems'));
    expect(canApply(after, 'PICKUP_ISSUE').ok).toBe(true);
    expect(resolveCode(after, 'PICKUP_ISSUE')).toBe('PICKUP_ISSUE');
    expect(levelOf(after, 'DRIVER_NO_SHOW')).toBe('reason');
  });

  it('reports an unknown node', () => {
    expectFailure(renameNode(sampleTree(), 'NOPE', 'Name'), 'unknown_node', 'NOPE');
  });
});

// ---------------------------------------------------------------------------------------------
// Merging
// ---------------------------------------------------------------------------------------------

describe('merging re-points history', () => {
  it('deprecates the source, records its successor and returns the re-pointing', () => {
    const before = frozen(sampleTree());
    const { nodes, repoint } = unwrap(mergeNodes(before, 'LATE_PICKUP', 'DRIVER_NO_SHOW'));
    expect(repoint).toEqual({ from: 'LATE_PICKUP', into: 'DRIVER_NO_SHOW' });
    expect(find(nodes, 'LATE_PICKUP')).toEqual({
      ...find(before, 'LATE_PICKUP'),
      deprecated: true,
      mergedInto: 'DRIVER_NO_SHOW',
    });
    expect(find(nodes, 'DRIVER_NO_SHOW')).toEqual(find(before, 'DRIVER_NO_SHOW'));
    expect(nodes).toHaveLength(before.length);
    expect(validateTaxonomy(nodes)).toEqual([]);
  });

  it('moves the children of the source to the target', () => {
    const { nodes } = unwrap(mergeNodes(sampleTree(), 'CANCELLATION', 'PICKUP_ISSUE'));
    expect(find(nodes, 'REFUND_REQUEST').parentCode).toBe('PICKUP_ISSUE');
    expect(nodes.filter((n) => n.parentCode === 'CANCELLATION')).toEqual([]);
    expect(canApply(nodes, 'REFUND_REQUEST').ok).toBe(true);
    expect(levelOf(nodes, 'REFUND_REQUEST')).toBe('reason');
    expect(validateTaxonomy(nodes)).toEqual([]);
  });

  it('merges categories, carrying whole subtrees', () => {
    const { nodes } = unwrap(mergeNodes(sampleTree(), 'PAYMENTS', 'BOOKING'));
    expect(find(nodes, 'DOUBLE_CHARGE').parentCode).toBe('BOOKING');
    expect(find(nodes, 'PAYOUT_MISSING').parentCode).toBe('BOOKING');
    expect(find(nodes, 'PAYOUT_DELAYED').parentCode).toBe('PAYOUT_MISSING');
    expect(canApply(nodes, 'PAYOUT_DELAYED').ok).toBe(true);
    expect(validateTaxonomy(nodes)).toEqual([]);
  });

  it('merges across parents at the same level', () => {
    const { nodes } = unwrap(mergeNodes(sampleTree(), 'PAYOUT_DELAYED', 'REFUND_REQUEST'));
    expect(resolveCode(nodes, 'PAYOUT_DELAYED')).toBe('REFUND_REQUEST');
  });

  it('resolveCode follows chains of merges to the live code', () => {
    let tree = sampleTree();
    tree = unwrap(mergeNodes(tree, 'LATE_PICKUP', 'DRIVER_NO_SHOW')).nodes;
    tree = unwrap(mergeNodes(tree, 'DRIVER_NO_SHOW', 'REFUND_REQUEST')).nodes;
    tree = unwrap(mergeNodes(tree, 'REFUND_REQUEST', 'PAYOUT_DELAYED')).nodes;
    expect(resolveCode(tree, 'LATE_PICKUP')).toBe('PAYOUT_DELAYED');
    expect(resolveCode(tree, 'DRIVER_NO_SHOW')).toBe('PAYOUT_DELAYED');
    expect(resolveCode(tree, 'REFUND_REQUEST')).toBe('PAYOUT_DELAYED');
    expect(resolveCode(tree, 'PAYOUT_DELAYED')).toBe('PAYOUT_DELAYED');
    expect(validateTaxonomy(tree)).toEqual([]);
  });

  it('resolveCode returns live and unknown codes unchanged', () => {
    expect(resolveCode(sampleTree(), 'BOOKING')).toBe('BOOKING');
    expect(resolveCode(sampleTree(), 'NOPE')).toBe('NOPE');
  });

  it('resolveCode stops on a hand-made loop of merges', () => {
    const nodes = [
      node('AA', null, { deprecated: true, mergedInto: 'BB' }),
      node('BB', null, { deprecated: true, mergedInto: 'AA' }),
    ];
    expect(['AA', 'BB']).toContain(resolveCode(nodes, 'AA'));
  });

  it('canApply refuses a merged node and names the live code to use', () => {
    let tree = sampleTree();
    tree = unwrap(mergeNodes(tree, 'LATE_PICKUP', 'DRIVER_NO_SHOW')).nodes;
    tree = unwrap(mergeNodes(tree, 'DRIVER_NO_SHOW', 'REFUND_REQUEST')).nodes;
    const direct = expectFailure(canApply(tree, 'DRIVER_NO_SHOW'), 'merged', 'DRIVER_NO_SHOW');
    expect(direct.message).toContain('REFUND_REQUEST');
    const chained = expectFailure(canApply(tree, 'LATE_PICKUP'), 'merged', 'LATE_PICKUP');
    expect(chained.message).toContain('REFUND_REQUEST');
    expect(canApply(tree, 'REFUND_REQUEST').ok).toBe(true);
  });

  it('refuses to merge across levels', () => {
    const issue = expectFailure(
      mergeNodes(frozen(sampleTree()), 'LATE_PICKUP', 'CANCELLATION'),
      'invalid_merge',
      'LATE_PICKUP',
    );
    expect(issue.message).toContain('reason');
    expect(issue.message).toContain('request_type');
    expectFailure(mergeNodes(sampleTree(), 'BOOKING', 'PICKUP_ISSUE'), 'invalid_merge', 'BOOKING');
    expectFailure(
      mergeNodes(sampleTree(), 'PICKUP_ISSUE', 'BOOKING'),
      'invalid_merge',
      'PICKUP_ISSUE',
    );
  });

  it('refuses to merge a node into itself', () => {
    expectFailure(
      mergeNodes(frozen(sampleTree()), 'BOOKING', 'BOOKING'),
      'invalid_merge',
      'BOOKING',
    );
  });

  it('refuses to merge into a deprecated node or into a child of one', () => {
    const tree = frozen(unwrap(deprecateNode(sampleTree(), 'CANCELLATION')));
    expectFailure(mergeNodes(tree, 'PICKUP_ISSUE', 'CANCELLATION'), 'deprecated', 'CANCELLATION');
    expectFailure(
      mergeNodes(tree, 'LATE_PICKUP', 'REFUND_REQUEST'),
      'deprecated',
      'REFUND_REQUEST',
    );
  });

  it('refuses to merge into a node that was merged', () => {
    const tree = frozen(unwrap(mergeNodes(sampleTree(), 'LATE_PICKUP', 'DRIVER_NO_SHOW')).nodes);
    const issue = expectFailure(
      mergeNodes(tree, 'REFUND_REQUEST', 'LATE_PICKUP'),
      'merged',
      'LATE_PICKUP',
    );
    expect(issue.message).toContain('DRIVER_NO_SHOW');
  });

  it('refuses to merge a node that was already merged', () => {
    const tree = frozen(unwrap(mergeNodes(sampleTree(), 'LATE_PICKUP', 'DRIVER_NO_SHOW')).nodes);
    expectFailure(mergeNodes(tree, 'LATE_PICKUP', 'REFUND_REQUEST'), 'merged', 'LATE_PICKUP');
  });

  it('reports unknown nodes', () => {
    expectFailure(mergeNodes(sampleTree(), 'NOPE', 'BOOKING'), 'unknown_node', 'NOPE');
    expectFailure(mergeNodes(sampleTree(), 'BOOKING', 'NOPE'), 'unknown_node', 'NOPE');
  });

  it('merges a deprecated (not yet merged) node to re-point its history', () => {
    const tree = unwrap(deprecateNode(sampleTree(), 'LATE_PICKUP'));
    const { nodes } = unwrap(mergeNodes(tree, 'LATE_PICKUP', 'DRIVER_NO_SHOW'));
    expect(resolveCode(nodes, 'LATE_PICKUP')).toBe('DRIVER_NO_SHOW');
  });

  it('validateTaxonomy reports a merge into a missing node', () => {
    const nodes = [node('AA', null, { deprecated: true, mergedInto: 'GONE' })];
    expect(issueKinds(validateTaxonomy(nodes))).toEqual(['invalid_merge:AA']);
  });

  it('validateTaxonomy reports a merged node that is still live', () => {
    const nodes = [node('AA', null, { mergedInto: 'BB' }), node('BB', null)];
    expect(issueKinds(validateTaxonomy(nodes))).toEqual(['invalid_merge:AA']);
  });

  it('validateTaxonomy reports a broken merge chain once, on the broken link', () => {
    const nodes = [
      node('AA', null, { deprecated: true, mergedInto: 'BB' }),
      node('BB', null, { deprecated: true, mergedInto: 'GONE' }),
    ];
    expect(issueKinds(validateTaxonomy(nodes))).toEqual(['invalid_merge:BB']);
  });

  it('validateTaxonomy reports a loop of merges', () => {
    const nodes = [
      node('AA', null, { deprecated: true, mergedInto: 'BB' }),
      node('BB', null, { deprecated: true, mergedInto: 'AA' }),
      node('CC', null, { deprecated: true, mergedInto: 'CC' }),
    ];
    expect(issueKinds(validateTaxonomy(nodes))).toEqual([
      'invalid_merge:AA',
      'invalid_merge:BB',
      'invalid_merge:CC',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/** A resolved operation, as passed to the functions under test. */
type Op =
  | { kind: 'add'; code: string; name: string; parentCode: string | null }
  | { kind: 'rename'; code: string; name: string }
  | { kind: 'deprecate'; code: string }
  | { kind: 'reparent'; code: string; parentCode: string | null }
  | { kind: 'merge'; from: string; into: string };

/**
 * Operations are generated as intents that point at nodes by index into the tree as it is
 * when they run, so most of them touch real nodes (and the tree grows to all three levels);
 * a few name unknown or malformed codes so the refusals run too.
 */
type Ref = number | 'unknown';
type Intent =
  | { kind: 'add'; code: 'fresh' | 'duplicate' | 'malformed'; name: string; parent: Ref | null }
  | { kind: 'rename'; target: Ref; name: string }
  | { kind: 'deprecate'; target: Ref }
  | { kind: 'reparent'; target: Ref; parent: Ref | null }
  | { kind: 'merge'; from: Ref; into: Ref };

const refArb: fc.Arbitrary<Ref> = fc.oneof(
  { arbitrary: fc.nat(), weight: 15 },
  { arbitrary: fc.constant('unknown' as const), weight: 1 },
);
const parentRefArb: fc.Arbitrary<Ref | null> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: refArb, weight: 3 },
);
const nameArb = fc.string({ maxLength: 12 });

const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      code: fc.constantFrom(
        'fresh' as const,
        'fresh' as const,
        'fresh' as const,
        'duplicate' as const,
        'malformed' as const,
      ),
      name: nameArb,
      parent: parentRefArb,
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('rename' as const), target: refArb, name: nameArb }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('deprecate' as const), target: refArb }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('reparent' as const),
      target: refArb,
      parent: parentRefArb,
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('merge' as const), from: refArb, into: refArb }),
    weight: 3,
  },
);

function pick(nodes: readonly TaxonomyNode[], ref: Ref): string {
  if (ref === 'unknown' || nodes.length === 0) return 'NOT_IN_TREE';
  return nodes[ref % nodes.length]!.code;
}

function resolveIntent(nodes: readonly TaxonomyNode[], intent: Intent): Op {
  const parentOf = (ref: Ref | null) => (ref === null ? null : pick(nodes, ref));
  switch (intent.kind) {
    case 'add': {
      // Nodes are never deleted, so the count gives a fresh code each time.
      const code =
        intent.code === 'fresh'
          ? `N${nodes.length}`
          : intent.code === 'duplicate'
            ? pick(nodes, 0)
            : `n_${nodes.length}`;
      return { kind: 'add', code, name: intent.name, parentCode: parentOf(intent.parent) };
    }
    case 'rename':
      return { kind: 'rename', code: pick(nodes, intent.target), name: intent.name };
    case 'deprecate':
      return { kind: 'deprecate', code: pick(nodes, intent.target) };
    case 'reparent':
      return {
        kind: 'reparent',
        code: pick(nodes, intent.target),
        parentCode: parentOf(intent.parent),
      };
    case 'merge':
      return { kind: 'merge', from: pick(nodes, intent.from), into: pick(nodes, intent.into) };
  }
}

function applyOp(nodes: readonly TaxonomyNode[], op: Op): TaxonomyResult<TaxonomyNode[]> {
  switch (op.kind) {
    case 'add':
      return addNode(nodes, { code: op.code, name: op.name, parentCode: op.parentCode });
    case 'rename':
      return renameNode(nodes, op.code, op.name);
    case 'deprecate':
      return deprecateNode(nodes, op.code);
    case 'reparent':
      return reparentNode(nodes, op.code, op.parentCode);
    case 'merge': {
      const result = mergeNodes(nodes, op.from, op.into);
      return result.ok ? { ok: true, value: result.value.nodes } : result;
    }
  }
}

/** Applies every operation that succeeds, checking `check` after each step. */
function run(
  intents: readonly Intent[],
  check: (
    before: readonly TaxonomyNode[],
    op: Op,
    result: TaxonomyResult<TaxonomyNode[]>,
  ) => void = () => {},
): TaxonomyNode[] {
  let nodes: TaxonomyNode[] = [];
  for (const intent of intents) {
    // A frozen copy: any in-place mutation by the function under test throws.
    const before = frozen(nodes.map((n) => ({ ...n })));
    const op = resolveIntent(before, intent);
    const result = applyOp(before, op);
    check(before, op, result);
    if (result.ok) nodes = result.value;
  }
  return nodes;
}

const intentsArb = fc.array(intentArb, { minLength: 10, maxLength: 60 });

/** A tree grown by random operations. */
const treeArb = intentsArb.map((intents) => run(intents));

describe('taxonomy properties', () => {
  it('every sequence of successful operations keeps the tree valid', () => {
    fc.assert(
      fc.property(intentsArb, (intents) => {
        run(intents, (_before, _op, result) => {
          if (!result.ok) return;
          const nodes = result.value;
          expect(validateTaxonomy(nodes)).toEqual([]);
          expect(new Set(nodes.map((n) => n.code)).size).toBe(nodes.length);
          for (const n of nodes) {
            const level = levelOf(nodes, n.code);
            expect(level).not.toBeNull();
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('operations never delete a node, never mutate their input, and explain each refusal', () => {
    fc.assert(
      fc.property(intentsArb, (intents) => {
        run(intents, (before, op, result) => {
          if (result.ok) {
            const codes = new Set(result.value.map((n) => n.code));
            for (const n of before) expect(codes.has(n.code)).toBe(true);
            expect(result.value.length).toBe(before.length + (op.kind === 'add' ? 1 : 0));
          } else {
            expect(result.issues.length).toBeGreaterThan(0);
            for (const issue of result.issues) expect(issue.message.trim()).not.toBe('');
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('rename never changes the set of codes, nor anything but the name', () => {
    fc.assert(
      fc.property(treeArb, refArb, nameArb, (nodes, ref, name) => {
        const before = frozen(nodes);
        const code = pick(before, ref);
        const result = renameNode(before, code, name);
        if (
          !before.some((n) => n.code === code) ||
          name.trim().length === 0 ||
          name.trim().length > 120
        ) {
          expect(result.ok).toBe(false);
          return;
        }
        const after = unwrap(result);
        expect(after.map((n) => n.code)).toEqual(before.map((n) => n.code));
        for (const [i, n] of after.entries()) {
          const { name: _newName, ...rest } = n;
          const { name: _oldName, ...restBefore } = before[i]!;
          expect(rest).toEqual(restBefore);
          if (n.code !== code) expect(n.name).toBe(before[i]!.name);
        }
        expect(find(after, code).name).toBe(name.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('resolveCode always ends at an existing node that was not merged', () => {
    fc.assert(
      fc.property(treeArb, (nodes) => {
        for (const n of nodes) {
          const live = resolveCode(nodes, n.code);
          const target = find(nodes, live);
          expect(target.mergedInto).toBeNull();
          if (n.mergedInto === null) expect(live).toBe(n.code);
          else expect(live).not.toBe(n.code);
          // Following the merge from where it ends is a no-op.
          expect(resolveCode(nodes, live)).toBe(live);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('merged nodes are deprecated, keep no children and cannot be applied', () => {
    fc.assert(
      fc.property(treeArb, (nodes) => {
        for (const n of nodes) {
          if (n.mergedInto === null) continue;
          expect(n.deprecated).toBe(true);
          expect(nodes.filter((child) => child.parentCode === n.code)).toEqual([]);
          expect(canApply(nodes, n.code).ok).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('canApply succeeds exactly for nodes whose whole ancestry is live', () => {
    fc.assert(
      fc.property(treeArb, (nodes) => {
        for (const n of nodes) {
          let live = n.mergedInto === null;
          for (let cur: TaxonomyNode | undefined = n; cur; ) {
            if (cur.deprecated) live = false;
            cur = cur.parentCode === null ? undefined : find(nodes, cur.parentCode);
          }
          expect(canApply(nodes, n.code).ok).toBe(live);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a successful merge re-points the source to the target and empties the source', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), fc.nat(), (nodes, fromRef, intoRef) => {
        const from = pick(nodes, fromRef);
        const into = pick(nodes, intoRef);
        const result = mergeNodes(frozen(nodes), from, into);
        if (!result.ok) return;
        const { nodes: after, repoint } = result.value;
        expect(repoint).toEqual({ from, into });
        expect(find(after, from).mergedInto).toBe(into);
        expect(find(after, from).deprecated).toBe(true);
        expect(levelOf(after, from)).toBe(levelOf(after, into));
        for (const child of nodes.filter((n) => n.parentCode === from)) {
          expect(find(after, child.code).parentCode).toBe(into);
        }
        expect(resolveCode(after, from)).toBe(into);
      }),
      { numRuns: 300 },
    );
  });

  it('validateTaxonomy agrees with a direct reading of any hand-made parent links', () => {
    const CODE_POOL = ['AA', 'BB', 'CC', 'DD', 'EE', 'FF', 'GG', 'HH'] as const;
    const codeArb = fc.constantFrom(...CODE_POOL);
    const linksArb = fc.uniqueArray(
      fc.record({
        code: codeArb,
        parentCode: fc.option(fc.constantFrom(...CODE_POOL, 'GONE'), { nil: null }),
      }),
      { selector: (link) => link.code, maxLength: CODE_POOL.length },
    );
    fc.assert(
      fc.property(linksArb, (links) => {
        const nodes = links.map((link) => node(link.code, link.parentCode));
        const parentOf = new Map<string, string | null>(
          links.map((link) => [link.code, link.parentCode]),
        );
        const expected: string[] = [];
        for (const { code, parentCode } of links) {
          if (parentCode !== null && !parentOf.has(parentCode)) {
            expected.push(`unknown_parent:${code}`);
            continue;
          }
          // Walk up: a loop is a cycle, a missing ancestor is reported on the orphan only.
          const seen = new Set<string>();
          let cur: string | null = code;
          let outcome: 'root' | 'loop' | 'orphan' = 'root';
          while (cur !== null) {
            if (seen.has(cur)) {
              outcome = 'loop';
              break;
            }
            if (!parentOf.has(cur)) {
              outcome = 'orphan';
              break;
            }
            seen.add(cur);
            cur = parentOf.get(cur) ?? null;
          }
          if (outcome === 'loop') expected.push(`cycle:${code}`);
          if (outcome === 'root' && seen.size > MAX_TAXONOMY_DEPTH)
            expected.push(`too_deep:${code}`);
        }
        expect(issueKinds(validateTaxonomy(nodes))).toEqual(expected.sort());
      }),
      { numRuns: 500 },
    );
  });
});

describe('names and deprecated ancestors', () => {
  const base: TaxonomyNode[] = [
    { code: 'BOOKING', name: 'Booking', parentCode: null, deprecated: true, mergedInto: null },
    {
      code: 'PICKUP_ISSUE',
      name: 'Pickup issue',
      parentCode: 'BOOKING',
      deprecated: false,
      mergedInto: null,
    },
    { code: 'PAYMENTS', name: 'Payments', parentCode: null, deprecated: false, mergedInto: null },
    {
      code: 'DOUBLE_CHARGE',
      name: 'Double charge',
      parentCode: 'PAYMENTS',
      deprecated: false,
      mergedInto: null,
    },
  ];

  it('refuses a blank name when adding or renaming', () => {
    const added = addNode(base, { code: 'REFUND', name: '   ', parentCode: 'PAYMENTS' });
    expect(added.ok).toBe(false);
    if (!added.ok) expect(added.issues[0]?.kind).toBe('invalid_name');
    const renamed = renameNode(base, 'PAYMENTS', '');
    expect(renamed.ok).toBe(false);
  });

  it('refuses to add or move a node under a live parent whose category is deprecated', () => {
    const added = addNode(base, {
      code: 'DRIVER_NO_SHOW',
      name: 'Driver no-show',
      parentCode: 'PICKUP_ISSUE',
    });
    expect(added.ok).toBe(false);
    if (!added.ok)
      expect(added.issues[0]?.message).toBe('Parent PICKUP_ISSUE is under deprecated BOOKING');
    const moved = reparentNode(
      [
        ...base,
        {
          code: 'CARD_DECLINED',
          name: 'Card declined',
          parentCode: 'DOUBLE_CHARGE',
          deprecated: false,
          mergedInto: null,
        },
      ],
      'CARD_DECLINED',
      'PICKUP_ISSUE',
    );
    expect(moved.ok).toBe(false);
    if (!moved.ok) expect(moved.issues[0]?.kind).toBe('deprecated');
  });
});
