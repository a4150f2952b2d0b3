import {
  type AmountByCurrency,
  describeGuardrailPolicyChange,
  type GiveLimit,
  type GuardrailPolicy,
  guardrailPolicySchema,
} from '@switchboard/domain';
import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { recordChange } from '../queries/config-changes.ts';
import { guardrailPolicies, guardrailPolicyVersions, requestTypes } from '../schema/index.ts';
import { findDemoStaff } from './organisation.ts';
import { REQUEST_TYPES } from './taxonomy.ts';

/*
 * The demo's guardrail policies: money requests of guests, with limits in each city's
 * currency (about the same value: €50 ≈ £45 ≈ AED 200 ≈ MX$1,000).
 */

/** Minor units in every demo currency for an amount given in euro cents. */
function everywhere(euroCents: number): AmountByCurrency {
  return {
    EUR: euroCents,
    GBP: Math.round(euroCents * 0.9),
    AED: euroCents * 4,
    MXN: euroCents * 20,
  };
}

const limit = (euroCents: number, maxPercentOfBooking: number): GiveLimit => ({
  maxAmount: everywhere(euroCents),
  maxPercentOfBooking,
});

/** Reasons that need proof before money goes back. */
const EVIDENCE: Record<string, string[]> = {
  DRIVER_NO_SHOW: ['gps_trace'],
  DUPLICATE_CARD_CHARGE: ['payment_reference'],
};

/** The proof a demo agent attaches when refunding for a reason. */
export function demoEvidenceFor(reasonCode: string): string[] {
  return EVIDENCE[reasonCode] ?? [];
}

/** Request types where support gives money back, and whether rebooking applies. */
export const DEMO_MONEY_TYPES = [
  'PICKUP_ISSUE',
  'LATE_PICKUP',
  'WRONG_VEHICLE',
  'CANCELLATION_REFUND',
  'DOUBLE_CHARGE',
  'FARE_DISPUTE',
  'ROUTE_ISSUE',
  'VEHICLE_CONDITION',
] as const;

function demoPolicy(code: string): GuardrailPolicy {
  const type = REQUEST_TYPES.find((candidate) => candidate.code === code)!;
  const reasons = type.reasons.map(([reasonCode, label]) => ({
    code: reasonCode,
    label,
    evidence: demoEvidenceFor(reasonCode),
  }));
  return {
    requestTypeCode: code,
    audience: type.audience,
    refund: {
      enabled: true,
      reasons,
      tiers: { L1: limit(5_000, 50), L2: limit(15_000, 100) },
      approval: { lead: limit(30_000, 100) },
      customerCap: { days: 30, maxAmount: everywhere(50_000) },
    },
    gesture: {
      enabled: true,
      reasons,
      tiers: { L1: limit(1_000, 20), L2: limit(2_500, 30) },
      approval: { lead: limit(5_000, 50) },
      frequency: { days: 90, maxCount: 1 },
      combinableWithFullRefund: false,
    },
    rebooking: {
      enabled: type.booking === 'pickup',
      reasons,
      tiers: { L1: limit(2_000, 100), L2: limit(5_000, 100) },
      approval: { lead: limit(10_000, 100) },
      windowHours: 48,
    },
  };
}

export async function insertDemoGuardrails(
  db: DatabaseOrTransaction,
  createdAt: Date,
): Promise<number> {
  const leadId = (await findDemoStaff(db, 'lead'))?.id ?? null;
  for (const code of DEMO_MONEY_TYPES) {
    const policy = guardrailPolicySchema.parse(demoPolicy(code));
    const [type] = await db
      .select({ id: requestTypes.id, name: requestTypes.name })
      .from(requestTypes)
      .where(eq(requestTypes.code, code));
    const [row] = await db
      .insert(guardrailPolicies)
      .values({
        requestTypeId: type!.id,
        audience: policy.audience,
        version: 1,
        definition: policy,
        updatedById: leadId,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: guardrailPolicies.id });
    await db.insert(guardrailPolicyVersions).values({
      policyId: row!.id,
      version: 1,
      definition: policy,
      createdById: leadId,
      createdAt,
    });
    await recordChange(db, {
      entityType: 'guardrail_policy',
      entityId: row!.id,
      entityName: `${type!.name} (${policy.audience}s)`,
      action: 'created',
      actorId: leadId,
      before: null,
      after: { version: 1, ...policy },
      diff: ['Version 1', ...describeGuardrailPolicyChange(null, policy)],
    });
  }
  return DEMO_MONEY_TYPES.length;
}
