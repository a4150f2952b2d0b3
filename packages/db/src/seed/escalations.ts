import { exampleEscalationMatrix } from '@switchboard/domain';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { listEscalationMatrix, saveEscalationMatrixEntry } from '../queries/escalation-matrix.ts';
import { createEscalation, moveEscalationRecord } from '../queries/escalations.ts';
import { teamMemberIds } from '../queries/notifications.ts';
import { findDemoStaff } from './organisation.ts';
import { recentWorkedConversations } from './worked-conversations.ts';

/** The demo's escalation matrix: the example one, set up by the admin when the company began. */
export async function insertDemoEscalationMatrix(
  db: DatabaseOrTransaction,
  createdAt: Date,
): Promise<number> {
  const admin = await findDemoStaff(db, 'admin');
  for (const entry of exampleEscalationMatrix) {
    await saveEscalationMatrixEntry(db, entry, { actorId: admin?.id ?? null, now: createdAt });
  }
  return exampleEscalationMatrix.length;
}

/** The demo's handoffs: this many recent conversations that match a matrix trigger. */
const DEMO_ESCALATIONS = 30;
const MINUTE = 60_000;

/** What each team does with its demo escalations, in turn, so every state shows. */
const STORIES = [
  'open',
  'acknowledged',
  'resolved',
  'in_progress',
  'returned',
  'resolved',
] as const;

const OUTCOMES: Record<string, string> = {
  finance_payouts:
    'Paid the missing amount in today’s payout batch; it arrives within 2 working days.',
  engineering_platform: 'Fixed in app release 5.12.1; the customer should update the app.',
  operations_fleet: 'Spoke to the driver and the airport coordinator; a replacement was sent.',
  compliance_legal: 'Reviewed; no further action needed beyond the reply support already sent.',
};

/**
 * Escalates recent conversations that match the matrix, through the same queries the app uses,
 * at times in the past: some still open (a few past due), some acknowledged, in progress,
 * returned to support, or resolved — so queues, turnaround and the record have something real.
 */
export async function insertDemoEscalations(db: Database, now: number): Promise<number> {
  const matrix = await listEscalationMatrix(db);
  const byRequestType = new Map<string, (typeof matrix)[number]>();
  for (const row of matrix) {
    for (const trigger of row.definition.triggers) {
      for (const code of trigger.requestTypeCodes) byRequestType.set(code, row);
    }
  }
  const candidates = await recentWorkedConversations(db, {
    requestTypeCodes: [...byRequestType.keys()],
    createdBefore: new Date(now - 6 * 60 * MINUTE),
    limit: DEMO_ESCALATIONS,
  });
  let created = 0;
  for (const [index, candidate] of candidates.entries()) {
    const row = byRequestType.get(candidate.requestTypeCode)!;
    const members = await teamMemberIds(db, row.ownerTeamId);
    if (members.length === 0) continue;
    const agent = { userId: candidate.assigneeId, role: 'agent' as const };
    const team = { userId: members[0]!, role: 'agent' as const };
    // After everything already on the conversation, so its log stays in order.
    const sentAt = candidate.lastEventAt.getTime() + 5 * MINUTE;
    if (sentAt > now - 10 * MINUTE) continue;
    const at = (minutes: number) => new Date(Math.min(now - MINUTE, sentAt + minutes * MINUTE));
    const reference = candidate.bookingReference ?? `DEMO-${index + 1}`;
    const currency = candidate.currency ?? 'EUR';
    const fields = {
      booking_reference: reference,
      amount: { amountMinor: candidate.fare ?? 4_500, currency },
      evidence: ['Screenshot attached in the conversation'],
      steps_tried:
        'Checked the booking and the customer’s history; the standard macro did not resolve it.',
      occurred_at: new Date(candidate.createdAt.getTime() - 60 * MINUTE).toISOString(),
      payout_period: isoWeekOf(candidate.createdAt),
      device_details: 'Driver app 5.12.0 on Android 14',
      location: 'Airport arrivals, pickup zone B',
    };
    const required = Object.fromEntries(
      row.definition.requiredFields.map((field) => [field, fields[field]]),
    );
    const severity = row.definition.triggers[0]?.severity ?? 'sev3';
    const { id } = await createEscalation(
      db,
      agent,
      {
        conversationId: candidate.id,
        teamKind: row.teamKind as 'finance_payouts',
        severity,
        summary: `${candidate.requestTypeCode.replaceAll('_', ' ').toLowerCase()}: please look into ${reference}`,
        fields: required,
      },
      new Date(sentAt),
    );
    created += 1;
    const story = STORIES[index % STORIES.length]!;
    if (story === 'open') continue;
    if (story === 'returned') {
      await moveEscalationRecord(
        db,
        team,
        {
          escalationId: id,
          move: 'reject',
          reason: 'missing_information',
          note: 'Please attach a screenshot of what the customer sees.',
        },
        at(45),
      );
      continue;
    }
    await moveEscalationRecord(
      db,
      team,
      { escalationId: id, move: 'acknowledge' },
      at(25 + (index % 4) * 35),
    );
    if (story === 'acknowledged') continue;
    await moveEscalationRecord(db, team, { escalationId: id, move: 'start' }, at(180));
    if (story === 'in_progress') continue;
    await moveEscalationRecord(
      db,
      team,
      { escalationId: id, move: 'resolve', outcome: OUTCOMES[row.teamKind] ?? 'Done.' },
      at(240 + (index % 5) * 120),
    );
  }
  return created;
}

function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
