import {
  certifications,
  conversations,
  macros,
  routingRules,
  sops,
  sopVersions,
} from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import type { Role } from '@switchboard/domain';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationFixture } from '../fixtures.ts';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

type Caller = Awaited<ReturnType<TestApi['callerFor']>>;
type Tree = Awaited<ReturnType<Caller['taxonomy']['tree']>>;

const ROLES: Role[] = ['agent', 'lead', 'trainer', 'admin'];

let api: TestApi;
let callers: Record<Role, Caller>;
let leadId: string;

beforeAll(async () => {
  api = await createTestApi();
  const signedIn = await Promise.all(ROLES.map((role) => api.callerAs(role)));
  callers = Object.fromEntries(
    ROLES.map((role, index) => [role, signedIn[index]!.caller]),
  ) as Record<Role, Caller>;
  leadId = signedIn[1]!.userId;
});
afterAll(() => api.close());

const db = () => api.handle.db;
const lead = () => callers.lead;

function findCategory(tree: Tree, code: string) {
  const category = tree.find((node) => node.code === code);
  if (!category) throw new Error(`category ${code} is not in the tree`);
  return category;
}

function findType(tree: Tree, code: string) {
  const type = tree.flatMap((category) => category.requestTypes).find((node) => node.code === code);
  if (!type) throw new Error(`request type ${code} is not in the tree`);
  return type;
}

function findReason(tree: Tree, code: string) {
  const reason = tree
    .flatMap((category) => category.requestTypes)
    .flatMap((type) => type.reasons)
    .find((node) => node.code === code);
  if (!reason) throw new Error(`reason ${code} is not in the tree`);
  return reason;
}

/** Codes unique to one test: a category, two request types and two reasons. */
function codes() {
  const suffix = uniqueSuffix();
  return {
    category: `TXC_${suffix}`,
    otherCategory: `TXC_${suffix}_B`,
    typeA: `TXT_${suffix}_A`,
    typeB: `TXT_${suffix}_B`,
    reasonA: `TXR_${suffix}_A`,
    reasonB: `TXR_${suffix}_B`,
  };
}

/** A category with two guest request types, each with one reason, built through the API. */
async function smallTree() {
  const c = codes();
  await lead().taxonomy.addNode({ level: 'category', code: c.category, name: 'Booking' });
  for (const type of [c.typeA, c.typeB]) {
    await lead().taxonomy.addNode({
      level: 'request_type',
      code: type,
      name: `Pickup ${type}`,
      parentCode: c.category,
      audience: 'guest',
      defaultPriority: 'P2',
    });
  }
  await lead().taxonomy.addNode({
    level: 'reason',
    code: c.reasonA,
    name: 'Driver no-show',
    parentCode: c.typeA,
  });
  await lead().taxonomy.addNode({
    level: 'reason',
    code: c.reasonB,
    name: 'Driver late',
    parentCode: c.typeB,
  });
  const tree = await lead().taxonomy.tree();
  return { codes: c, typeA: findType(tree, c.typeA), typeB: findType(tree, c.typeB), tree };
}

async function conversationWith(requestTypeId: string, reasonId: string | null = null) {
  const { inbox } = await createCityInboxFixture(db());
  const { conversation } = await createConversationFixture(db(), {
    inboxId: inbox.id,
    requestTypeId,
  });
  if (reasonId) {
    await db().update(conversations).set({ reasonId }).where(eq(conversations.id, conversation.id));
  }
  return conversation.id;
}

async function historyOf(code: string) {
  const page = await lead().changes.list({ entityType: 'taxonomy', entityId: code });
  return page.items;
}

describe('taxonomy tree', () => {
  it('adds a category, a request type and a reason, each versioned with its rollout note', async () => {
    const c = codes();
    const category = await lead().taxonomy.addNode({
      level: 'category',
      code: c.category,
      name: '  Booking  ',
    });
    expect(category).toMatchObject({ level: 'category', code: c.category, name: 'Booking' });
    await lead().taxonomy.addNode({
      level: 'request_type',
      code: c.typeA,
      name: 'Pickup issue',
      parentCode: c.category,
      audience: 'guest',
      defaultPriority: 'P1',
      description: 'The driver is not where the guest is.',
      rolloutNote: 'Tag airport pickups with Pickup issue from today.',
    });
    await lead().taxonomy.addNode({
      level: 'reason',
      code: c.reasonA,
      name: 'Driver no-show',
      parentCode: c.typeA,
    });

    const tree = await callers.trainer.taxonomy.tree();
    expect(findCategory(tree, c.category)).toMatchObject({
      name: 'Booking',
      deprecated: false,
      mergedIntoCode: null,
      usageCount: 0,
      requestTypes: [
        {
          code: c.typeA,
          name: 'Pickup issue',
          audience: 'guest',
          defaultPriority: 'P1',
          description: 'The driver is not where the guest is.',
          requiredCertification: null,
          macros: [],
          sop: { publishedVersion: null, publishedTitle: null, hasDraft: false },
          usageCount: 0,
          reasons: [{ code: c.reasonA, name: 'Driver no-show', usageCount: 0 }],
        },
      ],
    });

    const [created] = await historyOf(c.typeA);
    expect(created).toMatchObject({ action: 'created', entityName: 'Pickup issue' });
    expect(created!.diff).toEqual(
      expect.arrayContaining([
        'Level: Request type',
        `Parent: ${c.category}`,
        'Default priority: P1',
        'Audience: guest',
      ]),
    );
    expect(created!.rolloutNote).toMatch(/airport pickups/);
    expect((await historyOf(c.reasonA)).map((change) => change.action)).toEqual(['created']);
  });

  it('renames, moves, deprecates and restores, keeping codes and recording each change', async () => {
    const { codes: c } = await smallTree();
    await lead().taxonomy.addNode({ level: 'category', code: c.otherCategory, name: 'Payments' });

    await lead().taxonomy.renameNode({ code: c.typeA, name: 'Pickup problem' });
    await lead().taxonomy.moveNode({ code: c.reasonA, newParentCode: c.typeB });
    await lead().taxonomy.moveNode({ code: c.typeA, newParentCode: c.otherCategory });
    await lead().taxonomy.setDeprecated({
      code: c.typeB,
      deprecated: true,
      rolloutNote: 'Use Pickup problem instead.',
    });

    let tree = await lead().taxonomy.tree();
    expect(findType(tree, c.typeA).name).toBe('Pickup problem');
    expect(findCategory(tree, c.otherCategory).requestTypes.map((type) => type.code)).toEqual([
      c.typeA,
    ]);
    expect(
      findType(tree, c.typeB)
        .reasons.map((reason) => reason.code)
        .sort(),
    ).toEqual([c.reasonA, c.reasonB].sort());
    expect(findType(tree, c.typeB).deprecated).toBe(true);

    // A reason under a deprecated request type waits for its parent to come back.
    await lead().taxonomy.setDeprecated({ code: c.reasonA, deprecated: true });
    const waiting = await expectBadInput(
      lead().taxonomy.setDeprecated({ code: c.reasonA, deprecated: false }),
      'code',
    );
    expect(waiting).toMatch(/under deprecated/);
    await lead().taxonomy.setDeprecated({ code: c.typeB, deprecated: false });
    await lead().taxonomy.setDeprecated({ code: c.reasonA, deprecated: false });
    tree = await lead().taxonomy.tree();
    expect(findType(tree, c.typeB).deprecated).toBe(false);
    expect(findReason(tree, c.reasonA).deprecated).toBe(false);

    expect((await historyOf(c.typeA)).map((change) => [change.action, change.diff])).toEqual([
      ['moved', [`Moved from Booking (${c.category}) to Payments (${c.otherCategory})`]],
      ['renamed', [`Name: Pickup ${c.typeA} → Pickup problem`]],
      ['created', expect.any(Array)],
    ]);
    const typeB = await historyOf(c.typeB);
    expect(typeB.map((change) => [change.action, change.diff])).toEqual([
      ['restored', ['Deprecated: yes → no']],
      ['deprecated', ['Deprecated: no → yes']],
      ['created', expect.any(Array)],
    ]);
    expect(typeB[1]!.rolloutNote).toBe('Use Pickup problem instead.');
    expect(typeB[1]!.actorName).toMatch(/Test lead/);

    // Saying what is already true changes nothing and records nothing.
    await lead().taxonomy.renameNode({ code: c.typeA, name: 'Pickup problem' });
    await lead().taxonomy.setDeprecated({ code: c.typeB, deprecated: false });
    await lead().taxonomy.moveNode({ code: c.typeA, newParentCode: c.otherCategory });
    expect(await historyOf(c.typeA)).toHaveLength(3);
    expect(await historyOf(c.typeB)).toHaveLength(3);
  });

  it('counts usage per node and re-points history when request types merge', async () => {
    const { codes: c, typeA, typeB, tree: before } = await smallTree();
    const reasonA = findReason(before, c.reasonA);
    const first = await conversationWith(typeA.id, reasonA.id);
    const second = await conversationWith(typeA.id);
    const third = await conversationWith(typeB.id);

    let tree = await lead().taxonomy.tree();
    expect(findType(tree, c.typeA).usageCount).toBe(2);
    expect(findType(tree, c.typeB).usageCount).toBe(1);
    expect(findReason(tree, c.reasonA).usageCount).toBe(1);
    expect(findCategory(tree, c.category).usageCount).toBe(3);
    const [rule] = await db()
      .insert(routingRules)
      .values({
        name: `Pickups ${c.typeA}`,
        position: 10_000,
        conditions: [{ field: 'text', op: 'contains_any', values: [`pickup-${c.typeA}`] }],
        actions: { requestTypeCode: c.typeA, onMatch: 'stop' },
      })
      .returning();

    const merged = await lead().taxonomy.mergeNodes({
      fromCode: c.typeA,
      intoCode: c.typeB,
      rolloutNote: 'One request type for pickups.',
    });
    expect(merged).toMatchObject({
      level: 'request_type',
      repointedConversations: 2,
      repointedRules: 1,
      movedChildren: [c.reasonA],
    });
    // The rule now classifies as the survivor, and its history says why.
    const [ruleAfter] = await db()
      .select({ actions: routingRules.actions })
      .from(routingRules)
      .where(eq(routingRules.id, rule!.id));
    expect(ruleAfter?.actions.requestTypeCode).toBe(c.typeB);
    const ruleHistory = await lead().changes.list({
      entityType: 'routing_rule',
      entityId: rule!.id,
    });
    expect(ruleHistory.items[0]).toMatchObject({
      diff: [`Actions: request type ${c.typeA}; stop → request type ${c.typeB}; stop`],
      rolloutNote: 'One request type for pickups.',
    });
    await db().delete(routingRules).where(eq(routingRules.id, rule!.id));
    const rows = await db()
      .select({ id: conversations.id, requestTypeId: conversations.requestTypeId })
      .from(conversations)
      .where(inArray(conversations.id, [first, second, third]));
    expect(rows.map((row) => row.requestTypeId)).toEqual([typeB.id, typeB.id, typeB.id]);

    tree = await lead().taxonomy.tree();
    expect(findType(tree, c.typeA)).toMatchObject({
      deprecated: true,
      mergedIntoCode: c.typeB,
      usageCount: 0,
      reasons: [],
    });
    expect(findType(tree, c.typeB).usageCount).toBe(3);
    expect(
      findType(tree, c.typeB)
        .reasons.map((reason) => reason.code)
        .sort(),
    ).toEqual([c.reasonA, c.reasonB].sort());
    expect(findCategory(tree, c.category).usageCount).toBe(3);

    const [change] = await historyOf(c.typeA);
    expect(change).toMatchObject({
      action: 'merged',
      rolloutNote: 'One request type for pickups.',
    });
    expect(change!.diff).toEqual([
      `Merged into Pickup ${c.typeB} (${c.typeB})`,
      `2 conversations re-pointed to ${c.typeB}`,
      `1 routing rule now set ${c.typeB}`,
      `Moved 1 reason to ${c.typeB}: ${c.reasonA}`,
    ]);

    // Merged is final: the node cannot be restored, merged again, or used as a target.
    await expectBadInput(
      lead().taxonomy.setDeprecated({ code: c.typeA, deprecated: false }),
      'code',
    );
    await expectBadInput(
      lead().taxonomy.mergeNodes({ fromCode: c.typeA, intoCode: c.typeB }),
      'fromCode',
    );
    const target = await expectBadInput(
      lead().taxonomy.mergeNodes({ fromCode: c.typeB, intoCode: c.typeA }),
      'intoCode',
    );
    expect(target).toMatch(/merged into/);
  });

  it('re-points reasons and moves the request types of a merged category', async () => {
    const { codes: c, typeA, tree: before } = await smallTree();
    const reasonA = findReason(before, c.reasonA);
    const reasonB = findReason(before, c.reasonB);
    const conversationId = await conversationWith(typeA.id, reasonA.id);

    await lead().taxonomy.mergeNodes({ fromCode: c.reasonA, intoCode: c.reasonB });
    const [row] = await db()
      .select({ reasonId: conversations.reasonId })
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    expect(row!.reasonId).toBe(reasonB.id);
    let tree = await lead().taxonomy.tree();
    expect(findReason(tree, c.reasonA)).toMatchObject({ usageCount: 0, mergedIntoCode: c.reasonB });
    expect(findReason(tree, c.reasonB).usageCount).toBe(1);

    await lead().taxonomy.addNode({ level: 'category', code: c.otherCategory, name: 'Rides' });
    const merged = await lead().taxonomy.mergeNodes({
      fromCode: c.category,
      intoCode: c.otherCategory,
    });
    expect(merged.movedChildren).toEqual([c.typeA, c.typeB].sort());
    tree = await lead().taxonomy.tree();
    expect(findCategory(tree, c.category)).toMatchObject({
      deprecated: true,
      mergedIntoCode: c.otherCategory,
      usageCount: 0,
      requestTypes: [],
    });
    expect(findCategory(tree, c.otherCategory).usageCount).toBe(1);
    expect((await historyOf(c.category))[0]!.diff).toEqual([
      `Merged into Rides (${c.otherCategory})`,
      `Moved 2 request types to ${c.otherCategory}: ${[c.typeA, c.typeB].sort().join(', ')}`,
    ]);
  });

  it('links a request type to its priority, certification, macros and SOP', async () => {
    const { codes: c, typeA } = await smallTree();
    const suffix = uniqueSuffix();
    const [certification] = await db()
      .insert(certifications)
      .values({ code: `CERT_${suffix}`, name: `Airport safety ${suffix}` })
      .returning();
    const [apology, refund, personal] = await db()
      .insert(macros)
      .values([
        { name: `Apology ${suffix}`, body: 'Sorry', scope: 'shared' },
        { name: `Refund ${suffix}`, body: 'Refunded', scope: 'shared' },
        { name: `Mine ${suffix}`, body: 'Mine', scope: 'personal', ownerId: leadId },
      ])
      .returning();
    const [sop] = await db().insert(sops).values({ requestTypeId: typeA.id }).returning();
    await db()
      .insert(sopVersions)
      .values([
        { sopId: sop!.id, version: 1, status: 'published', title: 'No-show playbook', steps: [] },
        { sopId: sop!.id, version: 2, status: 'draft', title: 'No-show playbook v2', steps: [] },
      ]);

    expect(await callers.trainer.taxonomy.certifications()).toContainEqual({
      code: certification!.code,
      name: certification!.name,
    });
    const links = await lead().taxonomy.updateRequestTypeLinks({
      code: c.typeA,
      defaultPriority: 'P1',
      requiredCertificationCode: certification!.code,
      macroIds: [refund!.id, apology!.id],
      description: 'Guest cannot find the driver.',
      rolloutNote: 'Only certified agents take pickups now.',
    });
    expect(links).toMatchObject({
      defaultPriority: 'P1',
      requiredCertification: certification!.code,
      macros: [apology!.name, refund!.name],
    });
    let type = findType(await lead().taxonomy.tree(), c.typeA);
    expect(type).toMatchObject({
      defaultPriority: 'P1',
      description: 'Guest cannot find the driver.',
      requiredCertification: { code: certification!.code, name: certification!.name },
      macros: [
        { id: apology!.id, name: apology!.name },
        { id: refund!.id, name: refund!.name },
      ],
      sop: { publishedVersion: 1, publishedTitle: 'No-show playbook', hasDraft: true },
    });

    await lead().taxonomy.updateRequestTypeLinks({
      code: c.typeA,
      defaultPriority: 'P1',
      requiredCertificationCode: null,
      macroIds: [refund!.id],
      description: 'Guest cannot find the driver.',
    });
    type = findType(await lead().taxonomy.tree(), c.typeA);
    expect(type.requiredCertification).toBeNull();
    expect(type.macros.map((macro) => macro.id)).toEqual([refund!.id]);

    const history = await historyOf(c.typeA);
    expect(history.map((change) => [change.action, change.diff])).toEqual([
      [
        'updated',
        [`Required certification: ${certification!.code} → —`, `Macros: removed ${apology!.name}`],
      ],
      [
        'updated',
        [
          'Default priority: P2 → P1',
          `Required certification: — → ${certification!.code}`,
          `Macros: added ${apology!.name}, ${refund!.name}`,
          'Description: — → Guest cannot find the driver.',
        ],
      ],
      ['created', expect.any(Array)],
    ]);

    await expectBadInput(
      lead().taxonomy.updateRequestTypeLinks({
        code: c.typeA,
        defaultPriority: 'P1',
        requiredCertificationCode: `NO_SUCH_CERT_${suffix}`,
        macroIds: [],
        description: '',
      }),
      'requiredCertificationCode',
    );
    await expectBadInput(
      lead().taxonomy.updateRequestTypeLinks({
        code: c.typeA,
        defaultPriority: 'P1',
        requiredCertificationCode: null,
        macroIds: [refund!.id, personal!.id],
        description: '',
      }),
      'macroIds.1',
    );
    await expectBadInput(
      lead().taxonomy.updateRequestTypeLinks({
        code: c.category,
        defaultPriority: 'P1',
        requiredCertificationCode: null,
        macroIds: [],
        description: '',
      }),
      'code',
    );
    await expectBadInput(
      lead().taxonomy.updateRequestTypeLinks({
        code: c.typeA,
        defaultPriority: 'P9' as 'P1',
        requiredCertificationCode: null,
        macroIds: [refund!.id, refund!.id],
        description: '',
      }),
      'macroIds',
    );
    // Refused edits left the links as they were.
    expect(findType(await lead().taxonomy.tree(), c.typeA).macros.map((macro) => macro.id)).toEqual(
      [refund!.id],
    );
  });
});

describe('taxonomy access', () => {
  it('keeps agents out entirely and trainers to reading', async () => {
    const { codes: c } = await smallTree();
    const mutations = (caller: Caller) => [
      caller.taxonomy.addNode({ level: 'category', code: `${c.category}_X`, name: 'X' }),
      caller.taxonomy.renameNode({ code: c.typeA, name: 'X' }),
      caller.taxonomy.moveNode({ code: c.reasonA, newParentCode: c.typeB }),
      caller.taxonomy.setDeprecated({ code: c.typeA, deprecated: true }),
      caller.taxonomy.mergeNodes({ fromCode: c.typeA, intoCode: c.typeB }),
      caller.taxonomy.updateRequestTypeLinks({
        code: c.typeA,
        defaultPriority: 'P1',
        requiredCertificationCode: null,
        macroIds: [],
        description: '',
      }),
    ];
    for (const call of [
      callers.agent.taxonomy.tree(),
      callers.agent.taxonomy.certifications(),
      ...mutations(callers.agent),
      ...mutations(callers.trainer),
    ]) {
      await expect(call).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect((await api.callerFor()).taxonomy.tree()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(findType(await callers.trainer.taxonomy.tree(), c.typeA)).toMatchObject({
      name: `Pickup ${c.typeA}`,
      deprecated: false,
    });
    expect(await historyOf(c.typeA)).toHaveLength(1);

    // Admins edit like leads.
    await callers.admin.taxonomy.renameNode({ code: c.typeA, name: 'Renamed by admin' });
    expect(findType(await callers.admin.taxonomy.tree(), c.typeA).name).toBe('Renamed by admin');
  });
});

describe('taxonomy refusals', () => {
  it('names the field of a malformed or misplaced new node', async () => {
    const { codes: c } = await smallTree();
    await expectBadInput(
      lead().taxonomy.addNode({ level: 'category', code: 'booking', name: 'Booking' }),
      'code',
    );
    await expectBadInput(
      lead().taxonomy.addNode({ level: 'category', code: `${c.category}_N`, name: '   ' }),
      'name',
    );
    await expectBadInput(
      lead().taxonomy.addNode({ level: 'shelf' as 'category', code: `${c.category}_N`, name: 'N' }),
      'level',
    );
    await expectBadInput(
      lead().taxonomy.addNode({
        level: 'request_type',
        code: `${c.typeA}_N`,
        name: 'N',
        parentCode: c.category,
        audience: 'robots' as 'guest',
        defaultPriority: 'P3',
      }),
      'audience',
    );
    // Codes are unique across all three levels, and never reused.
    const duplicate = await expectBadInput(
      lead().taxonomy.addNode({ level: 'category', code: c.reasonA, name: 'Again' }),
      'code',
    );
    expect(duplicate).toMatch(/never reused/);
    const unknown = await expectBadInput(
      lead().taxonomy.addNode({
        level: 'reason',
        code: `${c.reasonA}_N`,
        name: 'N',
        parentCode: `${c.typeA}_MISSING`,
      }),
      'parentCode',
    );
    expect(unknown).toMatch(/does not exist/);
    const misplaced = await expectBadInput(
      lead().taxonomy.addNode({
        level: 'request_type',
        code: `${c.typeA}_N`,
        name: 'N',
        parentCode: c.typeB,
        audience: 'guest',
        defaultPriority: 'P3',
      }),
      'parentCode',
    );
    expect(misplaced).toMatch(/goes under a category/);
    const tooDeep = await expectBadInput(
      lead().taxonomy.addNode({
        level: 'reason',
        code: `${c.reasonA}_N`,
        name: 'N',
        parentCode: c.reasonA,
      }),
      'parentCode',
    );
    expect(tooDeep).toMatch(/cannot have children/);

    await lead().taxonomy.setDeprecated({ code: c.typeB, deprecated: true });
    const retired = await expectBadInput(
      lead().taxonomy.addNode({
        level: 'reason',
        code: `${c.reasonB}_N`,
        name: 'N',
        parentCode: c.typeB,
      }),
      'parentCode',
    );
    expect(retired).toMatch(/deprecated/);
    const tree = await lead().taxonomy.tree();
    expect(findCategory(tree, c.category).requestTypes).toHaveLength(2);
    expect(tree.some((node) => node.code === c.reasonA)).toBe(false);
  });

  it('refuses moves that change a level or make a cycle, and merges across levels', async () => {
    const { codes: c } = await smallTree();
    const underCategory = await expectBadInput(
      lead().taxonomy.moveNode({ code: c.reasonA, newParentCode: c.category }),
      'newParentCode',
    );
    expect(underCategory).toMatch(/reason goes under a request type/);
    const cycle = await expectBadInput(
      lead().taxonomy.moveNode({ code: c.category, newParentCode: c.typeA }),
      'newParentCode',
    );
    expect(cycle).toMatch(/its own ancestor/);
    await expectBadInput(
      lead().taxonomy.moveNode({ code: c.typeA, newParentCode: `${c.category}_MISSING` }),
      'newParentCode',
    );
    await expect(
      lead().taxonomy.moveNode({ code: `${c.typeA}_MISSING`, newParentCode: c.category }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      lead().taxonomy.renameNode({ code: `${c.typeA}_MISSING`, name: 'Ghost' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expectBadInput(lead().taxonomy.renameNode({ code: c.typeA, name: '' }), 'name');
    await expectBadInput(lead().taxonomy.renameNode({ code: 'lower', name: 'X' }), 'code');

    const levels = await expectBadInput(
      lead().taxonomy.mergeNodes({ fromCode: c.reasonA, intoCode: c.typeB }),
      'intoCode',
    );
    expect(levels).toMatch(/same level/);
    await expectBadInput(
      lead().taxonomy.mergeNodes({ fromCode: c.typeA, intoCode: c.typeA }),
      'intoCode',
    );
    await lead().taxonomy.setDeprecated({ code: c.typeB, deprecated: true });
    const deprecated = await expectBadInput(
      lead().taxonomy.mergeNodes({ fromCode: c.typeA, intoCode: c.typeB }),
      'intoCode',
    );
    expect(deprecated).toMatch(/deprecated/);
    const moveUnderRetired = await expectBadInput(
      lead().taxonomy.moveNode({ code: c.reasonA, newParentCode: c.typeB }),
      'newParentCode',
    );
    expect(moveUnderRetired).toMatch(/deprecated/);

    await lead().taxonomy.addNode({
      level: 'request_type',
      code: `${c.typeA}_DRV`,
      name: 'Payout missing',
      parentCode: c.category,
      audience: 'driver',
      defaultPriority: 'P2',
    });
    const audiences = await expectBadInput(
      lead().taxonomy.mergeNodes({ fromCode: c.typeA, intoCode: `${c.typeA}_DRV` }),
      'intoCode',
    );
    expect(audiences).toMatch(/same audience/);

    // Nothing refused was written.
    const tree = await lead().taxonomy.tree();
    expect(findType(tree, c.typeA)).toMatchObject({ deprecated: false, mergedIntoCode: null });
    expect(findType(tree, c.typeA).reasons.map((reason) => reason.code)).toEqual([c.reasonA]);
    expect((await historyOf(c.typeA)).map((change) => change.action)).toEqual(['created']);
  });
});
