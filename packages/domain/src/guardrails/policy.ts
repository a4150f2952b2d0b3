import { z } from 'zod';
import { AGENT_TIERS, type AgentTier } from '../people/roles.ts';
import { audienceSchema } from '../shared/enums.ts';
import { currencySchema } from '../shared/money.ts';

/*
 * A guardrail policy: how much support may give back, for one request type and audience.
 * Amounts are integer minor units per currency (a policy serves every city, and Lisbon pays
 * in EUR while Dubai pays in AED); percentages are whole percent of the booking's value.
 */

const codeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'Codes are UPPER_SNAKE_CASE, e.g. DRIVER_NO_SHOW');

/** Evidence an agent attaches, e.g. `gps_trace`, `receipt_photo`. */
export const evidenceKindSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Evidence kinds are lower_snake_case, e.g. gps_trace');

/** Whole minor units per currency: `{ EUR: 5000, AED: 20000 }`. */
export const amountByCurrencySchema = z
  .record(currencySchema, z.number().int('Whole minor units').min(0, 'Not negative'))
  .refine((limits) => Object.keys(limits).length > 0, 'Set the limit in at least one currency');
export type AmountByCurrency = z.infer<typeof amountByCurrencySchema>;

const percentSchema = z
  .number()
  .int('Whole percent')
  .min(0, 'At least 0%')
  .max(100, 'At most 100% of the booking');

/** What one person may give without asking anyone: both limits apply. */
export const giveLimitSchema = z.object({
  maxAmount: amountByCurrencySchema,
  maxPercentOfBooking: percentSchema,
});
export type GiveLimit = z.infer<typeof giveLimitSchema>;

export const reasonCodeSchema = z.object({
  code: codeSchema,
  label: z.string().trim().min(1, 'Label the reason').max(120),
  /** Evidence the agent must attach for this reason. */
  evidence: z.array(evidenceKindSchema).max(10).default([]),
});
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

const tierLimitsSchema = z.object(
  Object.fromEntries(AGENT_TIERS.map((tier) => [tier, giveLimitSchema])) as Record<
    AgentTier,
    typeof giveLimitSchema
  >,
);

/**
 * Above the agent's tier a lead approves up to `lead`; above that, Finance. Both limits of
 * each step apply.
 */
const approvalChainSchema = z.object({ lead: giveLimitSchema });

const rollingWindowSchema = z.object({
  days: z.number().int().min(1, 'At least 1 day').max(730, 'At most two years'),
});

export const refundRulesSchema = z.object({
  enabled: z.boolean(),
  reasons: z.array(reasonCodeSchema).min(1, 'Add at least one reason code').max(50),
  tiers: tierLimitsSchema,
  approval: approvalChainSchema,
  /** Refunds and gestures to one customer in the window, beyond which Finance approves. */
  customerCap: rollingWindowSchema.extend({ maxAmount: amountByCurrencySchema }),
});

export const gestureRulesSchema = z.object({
  enabled: z.boolean(),
  reasons: z.array(reasonCodeSchema).min(1, 'Add at least one reason code').max(50),
  tiers: tierLimitsSchema,
  approval: approvalChainSchema,
  /** e.g. one gesture per 90 days; more needs a lead. */
  frequency: rollingWindowSchema.extend({
    maxCount: z.number().int().min(1, 'At least one').max(100),
  }),
  /** A gesture on a booking refunded in full is refused unless this is on. */
  combinableWithFullRefund: z.boolean(),
});

export const rebookingRulesSchema = z.object({
  enabled: z.boolean(),
  reasons: z.array(reasonCodeSchema).min(1, 'Add at least one reason code').max(50),
  /** The price difference the platform absorbs without approval, per tier. */
  tiers: tierLimitsSchema,
  approval: approvalChainSchema,
  /** Hours after the booked pickup within which a rebooking may still be made. */
  windowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
});

export const guardrailPolicySchema = z.object({
  requestTypeCode: codeSchema,
  audience: audienceSchema,
  refund: refundRulesSchema,
  gesture: gestureRulesSchema,
  rebooking: rebookingRulesSchema,
});
export type GuardrailPolicy = z.infer<typeof guardrailPolicySchema>;

/** A stored policy: what decide() reads, with the version every decision records. */
export interface VersionedGuardrailPolicy extends GuardrailPolicy {
  version: number;
}
