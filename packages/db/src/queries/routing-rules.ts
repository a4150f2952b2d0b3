import {
  ROUTING_RULE_LABELS,
  type RoutingRule,
  type RoutingRuleInput,
  routingRuleInputSchema,
} from '@switchboard/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { routingRules } from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { Refusal } from './refusal.ts';

/** A rule list a lead can still read and order; the engine is benchmarked at 500. */
export const MAX_ROUTING_RULES = 1000;

export class RoutingConfigError extends Refusal {}

const ruleColumns = {
  id: routingRules.id,
  position: routingRules.position,
  name: routingRules.name,
  enabled: routingRules.enabled,
  conditions: routingRules.conditions,
  actions: routingRules.actions,
  updatedAt: routingRules.updatedAt,
};

/** Every rule in evaluation order (bounded by MAX_ROUTING_RULES). */
export function listRules(db: DatabaseOrTransaction) {
  return db
    .select(ruleColumns)
    .from(routingRules)
    .orderBy(asc(routingRules.position), asc(routingRules.id))
    .limit(MAX_ROUTING_RULES);
}

function snapshot(rule: Pick<RoutingRule, 'name' | 'enabled' | 'conditions' | 'actions'>) {
  return {
    name: rule.name,
    enabled: rule.enabled,
    conditions: rule.conditions,
    actions: rule.actions,
  };
}

/** Serialises rule edits: positions are rewritten as a whole, so edits must not interleave. */
async function lockRules(tx: DatabaseOrTransaction) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('routing_rules', 0))`);
}

async function lockedRule(tx: DatabaseOrTransaction, id: string) {
  const [rule] = await tx.select(ruleColumns).from(routingRules).where(eq(routingRules.id, id));
  if (!rule) throw new RoutingConfigError('NOT_FOUND', 'Routing rule not found', 'id');
  return rule;
}

export interface RuleChangeContext {
  actorId: string;
  rolloutNote?: string | undefined;
}

/** Adds a rule at the end of the list (or at `position`, 1-based, moving the others down). */
export async function createRule(
  db: Database,
  input: RoutingRuleInput & { position?: number | undefined },
  context: RuleChangeContext,
) {
  const rule = routingRuleInputSchema.parse(input);
  return db.transaction(async (tx) => {
    await lockRules(tx);
    const current = await listRules(tx);
    if (current.length >= MAX_ROUTING_RULES) {
      throw new RoutingConfigError(
        'CONFLICT',
        `A rule list holds at most ${MAX_ROUTING_RULES} rules; merge or delete some first`,
      );
    }
    const at = Math.min(Math.max((input.position ?? current.length + 1) - 1, 0), current.length);
    const [created] = await tx
      .insert(routingRules)
      .values({ ...rule, position: at, updatedById: context.actorId })
      .returning(ruleColumns);
    const order = [...current.map((row) => row.id)];
    order.splice(at, 0, created!.id);
    await writePositions(tx, order);
    await recordChange(tx, {
      entityType: 'routing_rule',
      entityId: created!.id,
      entityName: created!.name,
      action: 'created',
      actorId: context.actorId,
      before: null,
      after: { ...snapshot(rule), position: at + 1 },
      labels: ROUTING_RULE_LABELS,
      rolloutNote: context.rolloutNote,
    });
    return { ...created!, position: at };
  });
}

export async function updateRule(
  db: Database,
  id: string,
  input: RoutingRuleInput,
  context: RuleChangeContext,
) {
  const rule = routingRuleInputSchema.parse(input);
  return db.transaction(async (tx) => {
    await lockRules(tx);
    const before = await lockedRule(tx, id);
    const [updated] = await tx
      .update(routingRules)
      .set({ ...rule, updatedById: context.actorId, updatedAt: new Date() })
      .where(eq(routingRules.id, id))
      .returning(ruleColumns);
    await recordChange(tx, {
      entityType: 'routing_rule',
      entityId: id,
      entityName: updated!.name,
      action: 'updated',
      actorId: context.actorId,
      before: snapshot(before),
      after: snapshot(updated!),
      labels: ROUTING_RULE_LABELS,
      rolloutNote: context.rolloutNote,
    });
    return updated!;
  });
}

export async function setRuleEnabled(
  db: Database,
  id: string,
  enabled: boolean,
  context: RuleChangeContext,
) {
  return db.transaction(async (tx) => {
    await lockRules(tx);
    const before = await lockedRule(tx, id);
    if (before.enabled === enabled) return before;
    const [updated] = await tx
      .update(routingRules)
      .set({ enabled, updatedById: context.actorId, updatedAt: new Date() })
      .where(eq(routingRules.id, id))
      .returning(ruleColumns);
    await recordChange(tx, {
      entityType: 'routing_rule',
      entityId: id,
      entityName: updated!.name,
      action: enabled ? 'enabled' : 'disabled',
      actorId: context.actorId,
      before: snapshot(before),
      after: snapshot(updated!),
      labels: ROUTING_RULE_LABELS,
      rolloutNote: context.rolloutNote,
    });
    return updated!;
  });
}

export async function deleteRule(db: Database, id: string, context: RuleChangeContext) {
  return db.transaction(async (tx) => {
    await lockRules(tx);
    const before = await lockedRule(tx, id);
    await tx.delete(routingRules).where(eq(routingRules.id, id));
    const remaining = await listRules(tx);
    await writePositions(
      tx,
      remaining.map((row) => row.id),
    );
    await recordChange(tx, {
      entityType: 'routing_rule',
      entityId: id,
      entityName: before.name,
      action: 'deleted',
      actorId: context.actorId,
      before: snapshot(before),
      after: null,
      diff: [`Deleted rule ${before.position + 1}: ${before.name}`],
      rolloutNote: context.rolloutNote,
    });
    return { id };
  });
}

/** Puts the rules in the given order; it must name every rule exactly once. */
export async function reorderRules(db: Database, ruleIds: string[], context: RuleChangeContext) {
  return db.transaction(async (tx) => {
    await lockRules(tx);
    const current = await listRules(tx);
    const known = new Set(current.map((rule) => rule.id));
    const given = new Set(ruleIds);
    if (
      given.size !== ruleIds.length ||
      given.size !== known.size ||
      ruleIds.some((id) => !known.has(id))
    ) {
      throw new RoutingConfigError(
        'BAD_REQUEST',
        'List every rule exactly once; the list changed meanwhile, so reload and try again',
        'ruleIds',
      );
    }
    const moves = ruleIds.flatMap((id, index) => {
      const rule = current.find((row) => row.id === id)!;
      const from = current.indexOf(rule);
      return from === index ? [] : [`${rule.name}: ${from + 1} → ${index + 1}`];
    });
    if (moves.length === 0) return listRules(tx);
    await writePositions(tx, ruleIds);
    await recordChange(tx, {
      entityType: 'routing_rule',
      entityId: 'order',
      entityName: 'Rule order',
      action: 'reordered',
      actorId: context.actorId,
      before: { order: current.map((rule) => rule.id) },
      after: { order: ruleIds },
      diff: moves,
      rolloutNote: context.rolloutNote,
    });
    return listRules(tx);
  });
}

async function writePositions(tx: DatabaseOrTransaction, orderedIds: string[]) {
  if (orderedIds.length === 0) return;
  // One statement: position = index in the given order.
  await tx.execute(sql`
    update ${routingRules} set position = ordered.position - 1, updated_at = now()
    from unnest(${`{${orderedIds.join(',')}}`}::uuid[]) with ordinality as ordered(id, position)
    where ${routingRules.id} = ordered.id and ${routingRules.position} <> ordered.position - 1`);
}

/**
 * Rules that set a request type which was merged away now set its survivor, inside the
 * merge's transaction, each change recorded like an edit. Without this the rule would name a
 * retired type and live routing would silently stop classifying those messages.
 */
export async function repointRulesRequestType(
  tx: DatabaseOrTransaction,
  fromCode: string,
  intoCode: string,
  context: RuleChangeContext,
): Promise<number> {
  await lockRules(tx);
  const affected = await tx
    .select(ruleColumns)
    .from(routingRules)
    .where(sql`${routingRules.actions}->>'requestTypeCode' = ${fromCode}`);
  const now = new Date();
  for (const before of affected) {
    const actions = { ...before.actions, requestTypeCode: intoCode };
    const [updated] = await tx
      .update(routingRules)
      .set({ actions, updatedById: context.actorId, updatedAt: now })
      .where(eq(routingRules.id, before.id))
      .returning(ruleColumns);
    await recordChange(tx, {
      entityType: 'routing_rule',
      entityId: before.id,
      entityName: before.name,
      action: 'updated',
      actorId: context.actorId,
      before: snapshot(before),
      after: snapshot(updated!),
      labels: ROUTING_RULE_LABELS,
      rolloutNote: context.rolloutNote ?? `${fromCode} was merged into ${intoCode}`,
    });
  }
  return affected.length;
}
