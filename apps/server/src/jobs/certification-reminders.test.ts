import type { DatabaseHandle } from '@switchboard/db/client';
import { sendDueCertificationNotices } from '@switchboard/db/queries/certification-reminders';
import { grantCertification } from '@switchboard/db/queries/certifications';
import {
  certifications,
  memberships,
  notifications,
  teams,
  userCertifications,
  users,
} from '@switchboard/db/schema';
import { createTestDatabase, uniqueSuffix } from '@switchboard/db/testing';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { startCertificationReminders } from './certification-reminders.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const DAY = 86_400_000;
const HOUR = 3_600_000;

async function staff(role: 'agent' | 'trainer', name: string) {
  const id = `cert-${role}-${uniqueSuffix().toLowerCase()}`;
  await handle.db
    .insert(users)
    .values({ id, name, email: `${id}@switchboard.test`, emailVerified: true, role });
  return id;
}

/** An agent on a team with a trainer, another trainer elsewhere, and a certification. */
async function setting() {
  const [team] = await handle.db
    .insert(teams)
    .values({ code: `L1_${uniqueSuffix()}`, name: 'Lisbon Support L1', kind: 'support_l1' })
    .returning();
  const agent = await staff('agent', 'Ana Silva');
  const trainer = await staff('trainer', 'Helen Okafor');
  const elsewhere = await staff('trainer', 'Other trainer');
  await handle.db.insert(memberships).values([
    { teamId: team!.id, userId: agent },
    { teamId: team!.id, userId: trainer },
  ]);
  const [certification] = await handle.db
    .insert(certifications)
    .values({
      code: `GUEST_REFUNDS_${uniqueSuffix()}`,
      name: 'Guest refunds',
      validityDays: 365,
      renewalReminderDays: 30,
    })
    .returning();
  return { agent, trainer, elsewhere, certificationId: certification!.id };
}

async function noticesAbout(certificationId: string) {
  return handle.db
    .select({ userId: notifications.userId, kind: notifications.kind, title: notifications.title })
    .from(notifications)
    .where(eq(notifications.subjectId, certificationId))
    .orderBy(asc(notifications.createdAt), asc(notifications.userId));
}

describe('the certification reminder job', () => {
  it('reminds the holder and their team’s trainers once, then once more when it has expired', async () => {
    const { agent, trainer, elsewhere, certificationId } = await setting();
    // Granted 355 days ago: it expires in 10 days, inside the 30-day reminder window.
    const { expiresAt } = await grantCertification(handle.db, {
      userId: agent,
      certificationId,
      grantedById: trainer,
      source: 'trainer',
      now: new Date(Date.now() - 355 * DAY),
    });

    const job = startCertificationReminders({
      database: handle,
      logger: createLogger('silent'),
      everyMs: HOUR,
    });
    try {
      expect(await job.runOnce()).toBeGreaterThanOrEqual(1);
      await job.runOnce();
    } finally {
      await job.stop();
    }
    // A restarted server finds nothing left to send.
    const restarted = startCertificationReminders({
      database: handle,
      logger: createLogger('silent'),
      everyMs: HOUR,
    });
    try {
      await restarted.runOnce();
    } finally {
      await restarted.stop();
    }
    const reminded = await noticesAbout(certificationId);
    expect(reminded.map((row) => [row.userId, row.kind])).toEqual(
      [
        [agent, 'certification_expiring'],
        [trainer, 'certification_expiring'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    expect(reminded.find((row) => row.userId === agent)?.title).toBe(
      'Renew Guest refunds: expires in 10 days',
    );
    expect(reminded.some((row) => row.userId === elsewhere)).toBe(false);

    // Past its expiry, two servers at once: the expired notice goes out once.
    const after = new Date(expiresAt!.getTime() + HOUR);
    await Promise.all([
      sendDueCertificationNotices(handle.db, after),
      sendDueCertificationNotices(handle.db, after),
    ]);
    await sendDueCertificationNotices(handle.db, after);
    const expired = (await noticesAbout(certificationId)).filter(
      (row) => row.kind === 'certification_expired',
    );
    expect(expired.map((row) => row.userId).sort()).toEqual([agent, trainer].sort());
    expect(expired.find((row) => row.userId === agent)?.title).toBe('Guest refunds has expired');
    const [grant] = await handle.db
      .select()
      .from(userCertifications)
      .where(
        and(
          eq(userCertifications.userId, agent),
          eq(userCertifications.certificationId, certificationId),
        ),
      );
    expect(grant).toMatchObject({
      reminderSentForExpiry: expiresAt,
      expiredNoticeSentForExpiry: expiresAt,
    });
  });

  it('starts over when the certification is renewed, and says nothing about long-stale expiries', async () => {
    const { agent, certificationId } = await setting();
    const { expiresAt } = await grantCertification(handle.db, {
      userId: agent,
      certificationId,
      grantedById: null,
      source: 'seed',
      now: new Date(Date.now() - 340 * DAY),
    });
    const inWindow = new Date();
    await sendDueCertificationNotices(handle.db, inWindow);
    // Renewed a year later than the first grant: a new expiry, so a new reminder when due.
    const renewedAt = new Date(expiresAt!.getTime() - 5 * DAY);
    const renewal = await grantCertification(handle.db, {
      userId: agent,
      certificationId,
      grantedById: null,
      source: 'trainer',
      now: renewedAt,
    });
    await sendDueCertificationNotices(handle.db, new Date(renewal.expiresAt!.getTime() - 20 * DAY));
    // Nobody renewed the second time and nothing ran for a month: no stale expired notice.
    await sendDueCertificationNotices(handle.db, new Date(renewal.expiresAt!.getTime() + 30 * DAY));
    const kinds = (await noticesAbout(certificationId))
      .filter((row) => row.userId === agent)
      .map((row) => row.kind);
    expect(kinds).toEqual(['certification_expiring', 'certification_expiring']);
  });
});
