import { clockDueAt, SLA_TARGET_LABELS } from '@switchboard/domain';
import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { conversations, inboxes } from '../schema/index.ts';
import { appendEvents, SYSTEM_ACTOR } from './conversation-log.ts';
import { notifyPeople, teamMemberIds } from './notifications.ts';

/**
 * Announces conversations whose SLA due time has passed: an `sla_breached` event on the
 * conversation and a notification to its assignee and its team's leads — once per due time,
 * because the announced due time is stored in the same transaction (a restart or a second
 * server finds nothing left to announce; SKIP LOCKED keeps two servers off the same rows).
 */
export async function announceSlaBreaches(
  db: Database,
  now: Date = new Date(),
  limit = 100,
): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: conversations.id,
        number: conversations.number,
        subject: conversations.subject,
        assigneeId: conversations.assigneeId,
        teamId: inboxes.teamId,
        slaDueAt: conversations.slaDueAt,
        firstResponseDueAt: conversations.firstResponseDueAt,
        nextResponseDueAt: conversations.nextResponseDueAt,
        resolutionDueAt: conversations.resolutionDueAt,
        slaPausedAt: conversations.slaPausedAt,
      })
      .from(conversations)
      .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
      .where(
        and(
          isNotNull(conversations.slaDueAt),
          lt(conversations.slaDueAt, now),
          sql`${conversations.slaAlertedDueAt} is distinct from ${conversations.slaDueAt}`,
        ),
      )
      .orderBy(conversations.slaDueAt)
      .limit(limit)
      .for('update', { of: conversations, skipLocked: true });
    for (const row of due) {
      const dueAt = row.slaDueAt!;
      const target = clockDueAt(row, dueAt) ?? 'resolution';
      const label = SLA_TARGET_LABELS[target];
      await appendEvents(tx, row.id, SYSTEM_ACTOR, [
        { type: 'sla_breached', payload: { target, dueAt: dueAt.toISOString() }, occurredAt: now },
      ]);
      const leads = await teamMemberIds(tx, row.teamId, { leadsOnly: true });
      await notifyPeople(
        tx,
        [...(row.assigneeId ? [row.assigneeId] : []), ...leads],
        {
          kind: 'sla_breach',
          title: `#${row.number}: ${label.toLowerCase()} SLA breached`,
          body: row.subject,
          link: `/workspace/conversations/${row.id}`,
          subjectId: row.id,
        },
        now,
      );
      await tx
        .update(conversations)
        .set({ slaAlertedDueAt: dueAt })
        .where(eq(conversations.id, row.id));
    }
    return due.length;
  });
}
