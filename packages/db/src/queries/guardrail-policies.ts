import {
  type Audience,
  describeGuardrailPolicyChange,
  type GuardrailPolicy,
  guardrailPolicySchema,
  type VersionedGuardrailPolicy,
} from '@switchboard/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  guardrailPolicies,
  guardrailPolicyVersions,
  requestTypes,
  users,
} from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { Refusal } from './refusal.ts';
import { requestTypeIsLive } from './taxonomy-live.ts';

export class GuardrailPolicyError extends Refusal {}

const policyColumns = {
  id: guardrailPolicies.id,
  requestTypeCode: requestTypes.code,
  requestTypeName: requestTypes.name,
  audience: guardrailPolicies.audience,
  version: guardrailPolicies.version,
  definition: guardrailPolicies.definition,
  updatedAt: guardrailPolicies.updatedAt,
  updatedByName: users.name,
};

function selectPolicies(db: DatabaseOrTransaction) {
  return db
    .select(policyColumns)
    .from(guardrailPolicies)
    .innerJoin(requestTypes, eq(requestTypes.id, guardrailPolicies.requestTypeId))
    .leftJoin(users, eq(users.id, guardrailPolicies.updatedById));
}

/** Every policy (one per request type and audience: configuration, bounded by the taxonomy). */
export function listGuardrailPolicies(db: Database) {
  return selectPolicies(db).orderBy(asc(requestTypes.name), asc(guardrailPolicies.audience));
}

export async function guardrailPolicyByCode(
  db: DatabaseOrTransaction,
  requestTypeCode: string,
  audience: Audience,
) {
  const [row] = await selectPolicies(db).where(
    and(eq(requestTypes.code, requestTypeCode), eq(guardrailPolicies.audience, audience)),
  );
  return row ?? null;
}

/** The policy as decide() reads it, at its live version. */
export function versioned(row: { version: number; definition: GuardrailPolicy }) {
  return { ...row.definition, version: row.version } satisfies VersionedGuardrailPolicy;
}

/** A stored version, to replay a decision exactly as it was made. */
export async function guardrailPolicyVersion(
  db: DatabaseOrTransaction,
  policyId: string,
  version: number,
): Promise<VersionedGuardrailPolicy | null> {
  const [row] = await db
    .select({ definition: guardrailPolicyVersions.definition })
    .from(guardrailPolicyVersions)
    .where(
      and(
        eq(guardrailPolicyVersions.policyId, policyId),
        eq(guardrailPolicyVersions.version, version),
      ),
    );
  return row ? { ...row.definition, version } : null;
}

export interface GuardrailPolicyChangeContext {
  actorId: string;
  rolloutNote?: string | undefined;
}

/**
 * Creates or replaces the policy of a request type and audience as a new version (the old
 * ones stay, for replaying decisions). Refuses, naming the field, a request type that does
 * not exist, is retired, or serves the other audience. Saving what is stored records nothing.
 */
export async function saveGuardrailPolicy(
  db: Database,
  input: GuardrailPolicy,
  context: GuardrailPolicyChangeContext,
) {
  const policy = guardrailPolicySchema.parse(input);
  return db.transaction(async (tx) => {
    const [type] = await tx
      .select({ id: requestTypes.id, name: requestTypes.name, audience: requestTypes.audience })
      .from(requestTypes)
      .where(and(eq(requestTypes.code, policy.requestTypeCode), requestTypeIsLive));
    if (!type) {
      throw new GuardrailPolicyError(
        'BAD_REQUEST',
        `${policy.requestTypeCode} is not a live request type`,
        'requestTypeCode',
      );
    }
    if (type.audience !== policy.audience) {
      throw new GuardrailPolicyError(
        'BAD_REQUEST',
        `${type.name} is a ${type.audience} request type; this policy is for ${policy.audience}s`,
        'audience',
      );
    }
    // One save at a time per request type and audience: versions must not collide.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`guardrail:${type.id}:${policy.audience}`}, 0))`,
    );
    const [before] = await tx
      .select({
        id: guardrailPolicies.id,
        version: guardrailPolicies.version,
        definition: guardrailPolicies.definition,
      })
      .from(guardrailPolicies)
      .where(
        and(
          eq(guardrailPolicies.requestTypeId, type.id),
          eq(guardrailPolicies.audience, policy.audience),
        ),
      );
    const diff = describeGuardrailPolicyChange(before?.definition ?? null, policy);
    if (before && diff[0] === 'No visible change') {
      return (await guardrailPolicyByCode(tx, policy.requestTypeCode, policy.audience))!;
    }
    const version = (before?.version ?? 0) + 1;
    const now = new Date();
    const [saved] = before
      ? await tx
          .update(guardrailPolicies)
          .set({ definition: policy, version, updatedById: context.actorId, updatedAt: now })
          .where(eq(guardrailPolicies.id, before.id))
          .returning({ id: guardrailPolicies.id })
      : await tx
          .insert(guardrailPolicies)
          .values({
            requestTypeId: type.id,
            audience: policy.audience,
            version,
            definition: policy,
            updatedById: context.actorId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: guardrailPolicies.id });
    await tx.insert(guardrailPolicyVersions).values({
      policyId: saved!.id,
      version,
      definition: policy,
      createdById: context.actorId,
      createdAt: now,
    });
    await recordChange(tx, {
      entityType: 'guardrail_policy',
      entityId: saved!.id,
      entityName: `${type.name} (${policy.audience}s)`,
      action: before ? 'updated' : 'created',
      actorId: context.actorId,
      before: before ? { version: before.version, ...before.definition } : null,
      after: { version, ...policy },
      diff: [`Version ${version}`, ...diff],
      rolloutNote: context.rolloutNote,
    });
    return (await guardrailPolicyByCode(tx, policy.requestTypeCode, policy.audience))!;
  });
}
