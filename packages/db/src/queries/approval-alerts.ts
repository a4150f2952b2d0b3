import {
  APPROVAL_REMINDER_MINUTES,
  clockAlertDue,
  formatMoney,
  type Money,
} from '@switchboard/domain';
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  approvalAlerts,
  approvalOutcomes,
  approvalRequests,
  guardrailDecisions,
  memberships,
  teams,
} from '../schema/index.ts';
import { leadsOfPerson, notifyPeople } from './notifications.ts';

/** Who answers: the requester's own team leads (else every lead); Finance's members. */
async function approversOf(
  tx: DatabaseOrTransaction,
  request: { approverRole: string; requestedById: string },
): Promise<string[]> {
  if (request.approverRole === 'finance') {
    const rows = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(teams, eq(teams.id, memberships.teamId))
      .where(eq(teams.kind, 'finance_payouts'));
    return rows.map((row) => row.userId);
  }
  return leadsOfPerson(tx, request.requestedById, [request.requestedById]);
}

/**
 * Reminds approvers before an approval's SLA runs out and alerts them (and the requester) when
 * it has, once each: the alert's key is the primary key of `approval_alerts`, so a second
 * process or a restart sends nothing twice. Only waiting requests near or past due are read.
 */
export async function sendDueApprovalAlerts(db: Database, now: Date = new Date(), batch = 100) {
  return db.transaction(async (tx) => {
    const horizon = new Date(now.getTime() + APPROVAL_REMINDER_MINUTES * 60_000);
    const waiting = await tx
      .select({
        id: approvalRequests.id,
        approverRole: approvalRequests.approverRole,
        requestedById: approvalRequests.requestedById,
        conversationId: approvalRequests.conversationId,
        dueAt: approvalRequests.dueAt,
        kind: guardrailDecisions.kind,
        amountMinor: guardrailDecisions.amountMinor,
        currency: guardrailDecisions.currency,
      })
      .from(approvalRequests)
      .innerJoin(guardrailDecisions, eq(guardrailDecisions.id, approvalRequests.decisionId))
      .leftJoin(approvalOutcomes, eq(approvalOutcomes.requestId, approvalRequests.id))
      .where(
        and(
          isNull(approvalOutcomes.requestId),
          lte(approvalRequests.dueAt, horizon),
          sql`not exists (select 1 from ${approvalAlerts} a where a.request_id = ${approvalRequests.id} and a.alert_key = 'breach')`,
        ),
      )
      .orderBy(approvalRequests.dueAt)
      .limit(batch);
    let sent = 0;
    for (const request of waiting) {
      const alert = clockAlertDue(request.dueAt, now, APPROVAL_REMINDER_MINUTES);
      if (!alert) continue;
      const [inserted] = await tx
        .insert(approvalAlerts)
        .values({ requestId: request.id, alertKey: alert, createdAt: now })
        .onConflictDoNothing()
        .returning({ requestId: approvalAlerts.requestId });
      if (!inserted) continue;
      sent += 1;
      const what =
        request.amountMinor !== null && request.currency
          ? `${request.kind.replaceAll('_', ' ')} of ${formatMoney({ amountMinor: request.amountMinor, currency: request.currency } as Money)}`
          : request.kind.replaceAll('_', ' ');
      const approvers = await approversOf(tx, request);
      await notifyPeople(
        tx,
        alert === 'breach' ? [...approvers, request.requestedById] : approvers,
        {
          kind: `approval_${alert}`,
          title:
            alert === 'breach'
              ? `An approval is overdue: ${what}`
              : `An approval is due within ${APPROVAL_REMINDER_MINUTES} minutes: ${what}`,
          link: request.approverRole === 'finance' ? '/workspace/approvals' : '/console/approvals',
          subjectId: request.id,
        },
        now,
      );
    }
    return sent;
  });
}
