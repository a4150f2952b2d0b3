import type { GuardrailAction } from '@switchboard/domain';
import type { Database } from '../client.ts';
import { answerApproval, proposeAction } from '../queries/guardrail-decisions.ts';
import { guardrailDecisions } from '../schema/index.ts';
import { DEMO_MONEY_TYPES, demoEvidenceFor } from './guardrails.ts';
import { findDemoStaff } from './organisation.ts';
import { REQUEST_TYPES } from './taxonomy.ts';
import { recentWorkedConversations } from './worked-conversations.ts';

/** The demo's money decisions: this many recent guest conversations with a booking. */
const DEMO_DECISIONS = 24;
const MINUTE = 60_000;

/**
 * What agents asked for on each, in turn, so every outcome shows: small refunds and gestures
 * within their tier, and full refunds that need a lead — approved, rejected or still waiting
 * (the newest, so some are within their two hours and some past due).
 */
const STORIES = [
  'full_refund_waiting',
  'full_refund_approved',
  'full_refund_rejected',
  'partial_refund',
  'gesture',
  'full_refund_waiting',
] as const;
type Story = (typeof STORIES)[number];

const AGENT_NOTES: Record<Story, string> = {
  partial_refund: 'Part of the fare back for the part of the trip that went wrong.',
  gesture: 'A credit for the trouble; the guest has been patient with us.',
  full_refund_waiting: 'Checked the booking and the trip log: the guest is owed the whole fare.',
  full_refund_approved: 'Checked the booking and the trip log: the guest is owed the whole fare.',
  full_refund_rejected: 'The guest asks for the whole fare back.',
};

const APPROVER_NOTES = {
  approved: 'Checked the booking and the evidence: approved in full.',
  rejected: 'The trip log shows the ride completed as booked; offer a goodwill credit instead.',
} as const;

function actionFor(
  story: Story,
  booking: { fare: number; currency: string },
  reasonCode: string,
): GuardrailAction {
  const amount = (amountMinor: number) => ({ amountMinor, currency: booking.currency });
  if (story === 'gesture') {
    return {
      kind: 'gesture',
      amount: amount(Math.round(booking.fare * 0.1)),
      reasonCode,
      form: 'credit',
    };
  }
  return {
    kind: 'refund',
    amount: amount(story === 'partial_refund' ? Math.round(booking.fare * 0.3) : booking.fare),
    reasonCode,
    evidence: demoEvidenceFor(reasonCode),
  };
}

/**
 * Decides refunds and gestures on recent guest conversations through the same query the
 * workspace uses, at times in the past, and has the demo lead answer some of the approvals —
 * so the approvals queue, the decision record and QA's approval sample have something real.
 * Skipped when the database already holds decisions (someone has used the demo).
 */
export async function insertDemoGuardrailDecisions(db: Database, now: number): Promise<number> {
  const [existing] = await db
    .select({ id: guardrailDecisions.id })
    .from(guardrailDecisions)
    .limit(1);
  if (existing) return 0;
  const lead = await findDemoStaff(db, 'lead');
  if (!lead) return 0;
  const candidates = await recentWorkedConversations(db, {
    requestTypeCodes: DEMO_MONEY_TYPES,
    audience: 'guest',
    withBookingOnly: true,
    createdBefore: new Date(now - 3 * 60 * MINUTE),
    limit: DEMO_DECISIONS,
  });
  let decided = 0;
  for (const [index, candidate] of candidates.entries()) {
    // After everything already on the conversation, so its log stays in order.
    const decidedAt = candidate.lastEventAt.getTime() + 4 * MINUTE;
    if (decidedAt > now - 5 * MINUTE) continue;
    const reasonCode = REQUEST_TYPES.find((type) => type.code === candidate.requestTypeCode)!
      .reasons[0]![0];
    const story = STORIES[index % STORIES.length]!;
    const { requestId } = await proposeAction(
      db,
      {
        conversationId: candidate.id,
        actorId: candidate.assigneeId,
        action: actionFor(
          story,
          { fare: candidate.fare!, currency: candidate.currency! },
          reasonCode,
        ),
        note: AGENT_NOTES[story],
      },
      new Date(decidedAt),
    );
    decided += 1;
    if (!requestId || story === 'full_refund_waiting') continue;
    const outcome = story === 'full_refund_rejected' ? 'rejected' : 'approved';
    await answerApproval(
      db,
      { userId: lead.id, role: 'lead' },
      { requestId, outcome, note: APPROVER_NOTES[outcome] },
      new Date(Math.min(now - MINUTE, decidedAt + (20 + (index % 5) * 15) * MINUTE)),
    );
  }
  return decided;
}
