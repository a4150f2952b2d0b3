import {
  type AgentTier,
  type AnswerApprovalInput,
  approvalDueAt,
  approverRolesOf,
  decide,
  formatMoney,
  type GuardrailAction,
  type GuardrailDecision,
  type Money,
  mayAnswerApproval,
  type PriorAction,
  type Role,
  type TeamKind,
} from '@switchboard/domain';
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  approvalOutcomes,
  approvalRequests,
  conversations,
  guardrailDecisions,
  users,
} from '../schema/index.ts';
import { appendEvents } from './conversation-log.ts';
import { postNoteBack } from './conversation-notes.ts';
import {
  GuardrailDecisionError,
  guardrailInputRefusal,
  guardrailInputsFor,
} from './guardrail-context.ts';
import { guardrailPolicyVersion } from './guardrail-policies.ts';
import { announce } from './live.ts';
import { listTeamsOfUser } from './people.ts';

const KIND_TEXT = {
  refund: 'A refund',
  gesture: 'A goodwill gesture',
  rebooking: 'A rebooking',
  driver_adjustment: 'A driver earnings adjustment',
} as const;

/** The money an action gives, for the customer's caps and the timeline. */
function moneyOf(action: GuardrailAction): Money {
  return action.kind === 'rebooking' ? action.priceDifference : action.amount;
}

export function actionText(action: GuardrailAction): string {
  return `${KIND_TEXT[action.kind]} of ${formatMoney(moneyOf(action))}`;
}

/**
 * Decides an action on a conversation and acts on the decision in one transaction, under the
 * conversation's row lock (two agents refunding the same booking at once are decided one
 * after the other, so caps and duplicates hold): the decision is stored with its inputs, posted
 * to the timeline, and — when approval is required — queued for a lead or Finance.
 */
export async function proposeAction(
  db: Database,
  input: { conversationId: string; actorId: string; action: GuardrailAction; note: string },
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({
        id: conversations.id,
        inboxId: conversations.inboxId,
        assigneeId: conversations.assigneeId,
      })
      .from(conversations)
      .where(eq(conversations.id, input.conversationId))
      .for('update');
    if (!locked) {
      throw new GuardrailDecisionError('NOT_FOUND', 'Conversation not found', 'conversationId');
    }
    const inputs = await guardrailInputsFor(tx, { ...input, now });
    let decision: GuardrailDecision;
    try {
      decision = decide(input.action, inputs.context, inputs.policy);
    } catch (error) {
      guardrailInputRefusal(error);
    }
    const given = moneyOf(input.action);
    const [stored] = await tx
      .insert(guardrailDecisions)
      .values({
        conversationId: input.conversationId,
        contactId: inputs.contactId,
        bookingId: inputs.bookingId,
        actorId: input.actorId,
        kind: input.action.kind,
        action: { ...input.action, note: input.note },
        inputs: {
          agentTier: inputs.context.agentTier,
          booking: inputs.context.booking,
          history: inputs.context.history,
          now: now.toISOString(),
        },
        policyId: inputs.policyId,
        policyVersion: decision.policyVersion,
        outcome: decision.outcome,
        approverRole: decision.approverRole ?? null,
        reasons: decision.reasons,
        amountMinor: input.action.kind === 'driver_adjustment' ? null : given.amountMinor,
        currency: input.action.kind === 'driver_adjustment' ? null : given.currency,
        createdAt: now,
      })
      .returning({ id: guardrailDecisions.id });
    const decisionId = stored!.id;
    let requestId: string | null = null;
    if (decision.outcome === 'approval_required') {
      const [request] = await tx
        .insert(approvalRequests)
        .values({
          decisionId,
          conversationId: input.conversationId,
          approverRole: decision.approverRole!,
          requestedById: input.actorId,
          dueAt: approvalDueAt(now, decision.approverRole!),
          createdAt: now,
        })
        .returning({ id: approvalRequests.id });
      requestId = request!.id;
    }
    await appendEvents(tx, input.conversationId, { type: 'agent', userId: input.actorId }, [
      {
        type: 'guardrail_decided',
        payload: {
          decisionId,
          requestId,
          kind: input.action.kind,
          amount: given,
          outcome: decision.outcome,
          approverRole: decision.approverRole ?? null,
          reason: decision.reasons[0] ?? null,
          policyVersion: decision.policyVersion,
        },
        occurredAt: now,
      },
    ]);
    await announce(tx, {
      kind: 'conversation',
      conversationId: input.conversationId,
      inboxId: locked.inboxId,
      assigneeId: locked.assigneeId,
      contactId: inputs.contactId,
      eventType: 'guardrail_decided',
      at: now.toISOString(),
    });
    return { decisionId, requestId, decision };
  });
}

/** Team kinds a person belongs to, for who may answer Finance's approvals. */
async function teamKindsOf(db: DatabaseOrTransaction, userId: string): Promise<TeamKind[]> {
  return (await listTeamsOfUser(db, userId)).map((team) => team.kind);
}

/** The approvals a person may answer: leads see leads' requests, Finance sees Finance's. */
async function answerableRoles(db: DatabaseOrTransaction, viewer: { userId: string; role: Role }) {
  return approverRolesOf({ role: viewer.role, teamKinds: await teamKindsOf(db, viewer.userId) });
}

const requester = sql<string>`(select name from users u where u.id = ${approvalRequests.requestedById})`;

/**
 * The approvals queue: requests the viewer may answer, oldest due first (waiting), or the
 * answered ones newest first. One page at a time.
 */
export async function listApprovals(
  db: Database,
  viewer: { userId: string; role: Role },
  input: { state: 'waiting' | 'answered'; limit: number; offset: number },
) {
  const roles = await answerableRoles(db, viewer);
  if (roles.length === 0) return { items: [], total: 0, roles };
  const where = and(
    sql`${approvalRequests.approverRole} = any(${`{${roles.join(',')}}`}::text[])`,
    input.state === 'waiting'
      ? isNull(approvalOutcomes.requestId)
      : isNotNull(approvalOutcomes.requestId),
  );
  const base = db
    .select({
      requestId: approvalRequests.id,
      decisionId: approvalRequests.decisionId,
      conversationId: approvalRequests.conversationId,
      conversationNumber: conversations.number,
      approverRole: approvalRequests.approverRole,
      dueAt: approvalRequests.dueAt,
      requestedAt: approvalRequests.createdAt,
      requestedById: approvalRequests.requestedById,
      requestedByName: requester,
      kind: guardrailDecisions.kind,
      action: guardrailDecisions.action,
      reasons: guardrailDecisions.reasons,
      amountMinor: guardrailDecisions.amountMinor,
      currency: guardrailDecisions.currency,
      policyVersion: guardrailDecisions.policyVersion,
      outcome: approvalOutcomes.outcome,
      answeredAt: approvalOutcomes.createdAt,
      answerNote: approvalOutcomes.note,
    })
    .from(approvalRequests)
    .innerJoin(guardrailDecisions, eq(guardrailDecisions.id, approvalRequests.decisionId))
    .innerJoin(conversations, eq(conversations.id, approvalRequests.conversationId))
    .leftJoin(approvalOutcomes, eq(approvalOutcomes.requestId, approvalRequests.id))
    .where(where);
  const [items, [count]] = await Promise.all([
    base
      .orderBy(
        input.state === 'waiting' ? asc(approvalRequests.dueAt) : desc(approvalOutcomes.createdAt),
        asc(approvalRequests.id),
      )
      .limit(input.limit)
      .offset(input.offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(approvalRequests)
      .leftJoin(approvalOutcomes, eq(approvalOutcomes.requestId, approvalRequests.id))
      .where(where),
  ]);
  return { items, total: count?.total ?? 0, roles };
}

/**
 * Approves or rejects a request, once: the answer is stored (append-only), posted to the
 * conversation as a note that mentions the agent who asked — so it reaches their Mentions —
 * and announced live.
 */
export async function answerApproval(
  db: Database,
  viewer: { userId: string; role: Role },
  input: AnswerApprovalInput,
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const [request] = await tx
      .select({
        id: approvalRequests.id,
        approverRole: approvalRequests.approverRole,
        requestedById: approvalRequests.requestedById,
        conversationId: approvalRequests.conversationId,
        decisionId: approvalRequests.decisionId,
        action: guardrailDecisions.action,
      })
      .from(approvalRequests)
      .innerJoin(guardrailDecisions, eq(guardrailDecisions.id, approvalRequests.decisionId))
      .where(eq(approvalRequests.id, input.requestId))
      .for('update', { of: approvalRequests });
    if (!request) {
      throw new GuardrailDecisionError('NOT_FOUND', 'Approval request not found', 'requestId');
    }
    const may = mayAnswerApproval(
      request.approverRole as 'lead' | 'finance',
      { ...viewer, teamKinds: await teamKindsOf(tx, viewer.userId) },
      request.requestedById,
    );
    if (!may.ok) throw new GuardrailDecisionError('FORBIDDEN', may.why, 'requestId');
    const [answered] = await tx
      .insert(approvalOutcomes)
      .values({
        requestId: request.id,
        outcome: input.outcome,
        decidedById: viewer.userId,
        note: input.note,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ requestId: approvalOutcomes.requestId });
    if (!answered) {
      throw new GuardrailDecisionError(
        'CONFLICT',
        'This request has been answered already',
        'requestId',
      );
    }
    const [approver] = await tx
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, viewer.userId));
    const what = actionText(request.action as unknown as GuardrailAction);
    const body = `${what} was ${input.outcome} by ${approver?.name ?? 'an approver'}${input.note ? `: ${input.note}` : '.'}`;
    await postNoteBack(tx, {
      conversationId: request.conversationId,
      authorUserId: viewer.userId,
      body,
      mentionUserIds: [request.requestedById],
      event: {
        type: 'approval_answered',
        payload: {
          requestId: request.id,
          decisionId: request.decisionId,
          outcome: input.outcome,
          note: input.note,
        },
      },
      now,
    });
    return { requestId: request.id, outcome: input.outcome };
  });
}

interface StoredInputs {
  agentTier: AgentTier;
  booking: { reference: string; paid: Money; scheduledAt: string };
  history: (Omit<PriorAction, 'at'> & { at: string })[];
  now: string;
}

/**
 * Decides a stored decision again, from its stored inputs under the policy version it was
 * made with — what an auditor runs to check that the record and the rules agree.
 */
export async function replayDecision(db: Database, decisionId: string) {
  const [stored] = await db
    .select({
      action: guardrailDecisions.action,
      inputs: guardrailDecisions.inputs,
      policyId: guardrailDecisions.policyId,
      policyVersion: guardrailDecisions.policyVersion,
      outcome: guardrailDecisions.outcome,
      approverRole: guardrailDecisions.approverRole,
      reasons: guardrailDecisions.reasons,
    })
    .from(guardrailDecisions)
    .where(eq(guardrailDecisions.id, decisionId));
  if (!stored) throw new GuardrailDecisionError('NOT_FOUND', 'Decision not found', 'decisionId');
  if (!stored.policyId || stored.policyVersion === null) {
    throw new GuardrailDecisionError(
      'BAD_REQUEST',
      'This decision was not made under a policy',
      'decisionId',
    );
  }
  const policy = await guardrailPolicyVersion(db, stored.policyId, stored.policyVersion);
  if (!policy) {
    throw new GuardrailDecisionError('NOT_FOUND', 'The policy version is missing', 'decisionId');
  }
  const inputs = stored.inputs as unknown as StoredInputs;
  const { note: _note, ...action } = stored.action as unknown as GuardrailAction & {
    note?: string;
  };
  const replayed = decide(
    action as GuardrailAction,
    {
      now: new Date(inputs.now),
      agentTier: inputs.agentTier,
      booking: { ...inputs.booking, scheduledAt: new Date(inputs.booking.scheduledAt) },
      history: inputs.history.map((prior) => ({ ...prior, at: new Date(prior.at) })),
    },
    policy,
  );
  const recorded = {
    outcome: stored.outcome,
    approverRole: stored.approverRole ?? undefined,
    reasons: stored.reasons,
  };
  const again = {
    outcome: replayed.outcome,
    approverRole: replayed.approverRole,
    reasons: replayed.reasons,
  };
  return { recorded, replayed: again, matches: JSON.stringify(recorded) === JSON.stringify(again) };
}
