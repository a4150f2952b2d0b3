import type { DatabaseHandle } from '@switchboard/db/client';
import { saveEscalationMatrixEntry } from '@switchboard/db/queries/escalation-matrix';
import { createEscalation } from '@switchboard/db/queries/escalations';
import { receiveInboundMessage } from '@switchboard/db/queries/intake';
import { escalationEvents, memberships, notifications, teams, users } from '@switchboard/db/schema';
import { createCityInboxFixture, createTestDatabase, uniqueSuffix } from '@switchboard/db/testing';
import { alwaysOpenCalendar, exampleEscalationMatrix } from '@switchboard/domain';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { startSlaAlerts } from './sla-alerts.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const HOUR = 3_600_000;

async function staff(role: 'agent' | 'lead') {
  const id = `job-${role}-${uniqueSuffix().toLowerCase()}`;
  await handle.db
    .insert(users)
    .values({ id, name: id, email: `${id}@switchboard.test`, emailVerified: true, role });
  return id;
}

describe('the SLA alert job', () => {
  it('alerts the owner team when an escalation was not acknowledged in time, once across runs', async () => {
    const [team] = await handle.db
      .insert(teams)
      .values({ code: `FIN_${uniqueSuffix()}`, name: 'Finance', kind: 'finance_payouts' })
      .returning();
    const financeMember = await staff('agent');
    const agent = await staff('agent');
    await handle.db.insert(memberships).values({ teamId: team!.id, userId: financeMember });
    const example = exampleEscalationMatrix.find((entry) => entry.teamKind === 'finance_payouts')!;
    await saveEscalationMatrixEntry(
      handle.db,
      { ...example, ownerTeamCode: team!.code, calendar: alwaysOpenCalendar() },
      { actorId: null },
    );
    const { city } = await createCityInboxFixture(handle.db, { audience: 'driver' });
    const { conversationId } = await receiveInboundMessage(handle.db, {
      channel: 'whatsapp',
      audience: 'driver',
      externalMessageId: `wa-${uniqueSuffix()}`,
      contact: { externalId: `driver-${uniqueSuffix()}`, name: 'Rui Costa', city: city.code },
      text: 'My payout for last week never arrived.',
    });
    // Sent five hours ago at SEV3: acknowledging was due an hour ago.
    const { id } = await createEscalation(
      handle.db,
      { userId: agent, role: 'agent' },
      {
        conversationId,
        teamKind: 'finance_payouts',
        severity: 'sev3',
        summary: 'Payout for week 47 never arrived',
        fields: {
          booking_reference: 'LIS-4471',
          amount: { amountMinor: 12_000, currency: 'EUR' },
          steps_tried: 'Checked the statement; the week is missing.',
        },
      },
      new Date(Date.now() - 5 * HOUR),
    );
    const job = startSlaAlerts({ database: handle, logger: createLogger('silent'), everyMs: HOUR });
    try {
      expect(await job.runOnce()).toBeGreaterThanOrEqual(1);
      await job.runOnce();
    } finally {
      await job.stop();
    }
    const alerts = await handle.db
      .select({ key: escalationEvents.alertKey })
      .from(escalationEvents)
      .where(and(eq(escalationEvents.escalationId, id), isNotNull(escalationEvents.alertKey)));
    expect(alerts.map((alert) => alert.key)).toEqual(['r1:acknowledge:breach']);
    const told = await handle.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.subjectId, id), eq(notifications.kind, 'escalation_breach')));
    expect(told.map((row) => row.userId).sort()).toEqual([agent, financeMember].sort());
  });
});
