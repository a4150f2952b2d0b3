import {
  decide,
  type GuardrailAction,
  type GuardrailContext,
  type GuardrailDecision,
  GuardrailInputError,
  type PriorAction,
} from '@switchboard/domain';
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import {
  approvalOutcomes,
  approvalRequests,
  bookings,
  conversations,
  guardrailDecisions,
  requestTypes,
} from '../schema/index.ts';
import { guardrailTierFor } from './certifications.ts';
import { guardrailPolicyByCode, versioned } from './guardrail-policies.ts';
import { Refusal } from './refusal.ts';

export class GuardrailDecisionError extends Refusal {}

/** The longest rolling window a policy may set: history older than this never counts. */
const HISTORY_DAYS = 730;

/**
 * The customer's earlier refunds, gestures and rebookings that still count: allowed ones, and
 * those awaiting or granted approval (a rejected request gave nothing).
 */
async function customerHistory(
  db: DatabaseOrTransaction,
  contactId: string,
  now: Date,
): Promise<PriorAction[]> {
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const rows = await db
    .select({
      kind: guardrailDecisions.kind,
      outcome: guardrailDecisions.outcome,
      amountMinor: guardrailDecisions.amountMinor,
      currency: guardrailDecisions.currency,
      at: guardrailDecisions.createdAt,
      bookingReference: bookings.reference,
      approval: approvalOutcomes.outcome,
    })
    .from(guardrailDecisions)
    .leftJoin(bookings, eq(bookings.id, guardrailDecisions.bookingId))
    .leftJoin(approvalRequests, eq(approvalRequests.decisionId, guardrailDecisions.id))
    .leftJoin(approvalOutcomes, eq(approvalOutcomes.requestId, approvalRequests.id))
    .where(
      and(
        eq(guardrailDecisions.contactId, contactId),
        inArray(guardrailDecisions.kind, ['refund', 'gesture', 'rebooking']),
        inArray(guardrailDecisions.outcome, ['allow', 'approval_required']),
        gte(guardrailDecisions.createdAt, since),
        sql`coalesce(${approvalOutcomes.outcome}, '') <> 'rejected'`,
      ),
    )
    .orderBy(desc(guardrailDecisions.createdAt))
    // A customer with thousands of money decisions in two years is a case for Finance anyway.
    .limit(1000);
  return rows.flatMap((row) =>
    row.amountMinor === null || row.currency === null
      ? []
      : [
          {
            kind: row.kind as PriorAction['kind'],
            bookingReference: row.bookingReference ?? '',
            amount: { amountMinor: row.amountMinor, currency: row.currency },
            at: row.at,
            status:
              row.outcome === 'allow' || row.approval === 'approved' ? 'done' : 'awaiting_approval',
          } satisfies PriorAction,
        ],
  );
}

/**
 * What decide() needs for an action on a conversation, read from the database — the agent's
 * tier, the booking, the customer's history and the live policy — never from the request.
 */
export async function guardrailInputsFor(
  db: DatabaseOrTransaction,
  input: { conversationId: string; actorId: string; now?: Date },
) {
  const now = input.now ?? new Date();
  const [row] = await db
    .select({
      contactId: conversations.contactId,
      audience: conversations.audience,
      requestTypeCode: requestTypes.code,
      requestTypeName: requestTypes.name,
      bookingId: bookings.id,
      reference: bookings.reference,
      fareAmountMinor: bookings.fareAmountMinor,
      currency: bookings.currency,
      scheduledAt: bookings.scheduledAt,
    })
    .from(conversations)
    .leftJoin(requestTypes, eq(requestTypes.id, conversations.requestTypeId))
    .leftJoin(bookings, eq(bookings.id, conversations.bookingId))
    .where(eq(conversations.id, input.conversationId));
  if (!row)
    throw new GuardrailDecisionError('NOT_FOUND', 'Conversation not found', 'conversationId');
  if (
    !row.bookingId ||
    !row.reference ||
    row.fareAmountMinor === null ||
    !row.currency ||
    !row.scheduledAt
  ) {
    throw new GuardrailDecisionError(
      'BAD_REQUEST',
      'This conversation has no booking: refunds, gestures and rebookings are decided on a booking',
      'conversationId',
    );
  }
  if (!row.requestTypeCode) {
    throw new GuardrailDecisionError(
      'BAD_REQUEST',
      'Set the request type first: its guardrail policy decides',
      'conversationId',
    );
  }
  const policyRow = await guardrailPolicyByCode(db, row.requestTypeCode, row.audience);
  if (!policyRow) {
    throw new GuardrailDecisionError(
      'NOT_FOUND',
      `${row.requestTypeName} has no guardrail policy for ${row.audience}s yet; a lead sets one in the console`,
      'conversationId',
    );
  }
  // From the actor's certifications valid now (leads and admins act at the highest tier).
  const agentTier = await guardrailTierFor(db, input.actorId, now);
  const context: GuardrailContext = {
    now,
    agentTier,
    booking: {
      reference: row.reference,
      paid: { amountMinor: row.fareAmountMinor, currency: row.currency },
      scheduledAt: row.scheduledAt,
    },
    history: await customerHistory(db, row.contactId, now),
  };
  return {
    context,
    policy: versioned(policyRow),
    policyId: policyRow.id,
    bookingId: row.bookingId,
    contactId: row.contactId,
  };
}

/** An input decide() cannot take, as a refusal naming the request's field. */
export function guardrailInputRefusal(error: unknown): never {
  if (!(error instanceof GuardrailInputError)) throw error;
  const field =
    error.field.startsWith('amount') || error.field.startsWith('priceDifference')
      ? `action.${error.field}`
      : 'conversationId';
  throw new GuardrailDecisionError('BAD_REQUEST', error.message, field);
}

/** decide() on the stored facts; writes nothing (the live answer while an agent types). */
export async function decideForConversation(
  db: DatabaseOrTransaction,
  input: { conversationId: string; actorId: string; action: GuardrailAction; now?: Date },
): Promise<GuardrailDecision> {
  const { context, policy } = await guardrailInputsFor(db, input);
  try {
    return decide(input.action, context, policy);
  } catch (error) {
    guardrailInputRefusal(error);
  }
}
