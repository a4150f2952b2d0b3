import {
  type CertificationNotice,
  describeExpiry,
  dueCertificationNotice,
  EXPIRED_NOTICE_GRACE_DAYS,
} from '@switchboard/domain';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { certifications, memberships, userCertifications, users } from '../schema/index.ts';
import { EXPIRING_CERTIFICATIONS_LINK, MY_CERTIFICATIONS_LINK } from './certifications.ts';
import { notifyPeople } from './notifications.ts';

/** The trainers of the teams a person is on (trainers are members of the teams they train). */
async function trainersOf(tx: DatabaseOrTransaction, userId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(
          memberships.teamId,
          tx
            .select({ teamId: memberships.teamId })
            .from(memberships)
            .where(eq(memberships.userId, userId)),
        ),
        eq(users.role, 'trainer'),
        eq(users.active, true),
        ne(users.id, userId),
      ),
    );
  return rows.map((row) => row.id);
}

function wording(notice: CertificationNotice, certification: string, expiry: string) {
  return notice === 'renewal_reminder'
    ? { holder: `Renew ${certification}: ${expiry.toLowerCase()}`, kind: 'certification_expiring' }
    : { holder: `${certification} has expired`, kind: 'certification_expired' };
}

/**
 * Sends the renewal reminders and expired notices that are due: to the holder and to the
 * trainers of their teams, once per grant and expiry. The expiry a notice was sent for is
 * stored in the same transaction, so a restart finds nothing left to send; SKIP LOCKED keeps
 * two servers off the same grants (a renewal waits for the lock, then starts over).
 */
export async function sendDueCertificationNotices(
  db: Database,
  now: Date = new Date(),
  limit = 100,
): Promise<number> {
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        userId: userCertifications.userId,
        certificationId: userCertifications.certificationId,
        expiresAt: userCertifications.expiresAt,
        reminderSentForExpiry: userCertifications.reminderSentForExpiry,
        expiredNoticeSentForExpiry: userCertifications.expiredNoticeSentForExpiry,
        renewalReminderDays: certifications.renewalReminderDays,
        certificationName: certifications.name,
        holderName: users.name,
      })
      .from(userCertifications)
      .innerJoin(certifications, eq(certifications.id, userCertifications.certificationId))
      .innerJoin(users, eq(users.id, userCertifications.userId))
      .where(
        and(
          eq(certifications.active, true),
          eq(users.active, true),
          // The expiry index narrows to grants near now; the rest is checked in domain.
          sql`${userCertifications.expiresAt} > ${at}::timestamptz - ${EXPIRED_NOTICE_GRACE_DAYS} * interval '1 day'`,
          sql`${userCertifications.expiresAt} <= ${at}::timestamptz + ${certifications.renewalReminderDays} * interval '1 day'`,
          sql`(
            (${userCertifications.expiresAt} > ${at}::timestamptz
              and ${userCertifications.reminderSentForExpiry} is distinct from ${userCertifications.expiresAt})
            or (${userCertifications.expiresAt} <= ${at}::timestamptz
              and ${userCertifications.expiredNoticeSentForExpiry} is distinct from ${userCertifications.expiresAt}))`,
        ),
      )
      .orderBy(userCertifications.expiresAt)
      .limit(limit)
      .for('update', { of: userCertifications, skipLocked: true });
    let sent = 0;
    for (const grant of due) {
      const notice = dueCertificationNotice(grant, now);
      if (notice === null) continue;
      const expiresAt = grant.expiresAt!;
      await tx
        .update(userCertifications)
        .set(
          notice === 'expired'
            ? { reminderSentForExpiry: expiresAt, expiredNoticeSentForExpiry: expiresAt }
            : { reminderSentForExpiry: expiresAt },
        )
        .where(
          and(
            eq(userCertifications.userId, grant.userId),
            eq(userCertifications.certificationId, grant.certificationId),
          ),
        );
      const expiry = describeExpiry(grant, now);
      const { holder, kind } = wording(notice, grant.certificationName, expiry);
      await notifyPeople(
        tx,
        [grant.userId],
        {
          kind,
          title: holder,
          body:
            notice === 'expired'
              ? 'Routing no longer gives you the conversations it covers. Ask your trainer to renew it.'
              : 'Ask your trainer to renew it before then, so routing keeps giving you these conversations.',
          link: MY_CERTIFICATIONS_LINK,
          subjectId: grant.certificationId,
        },
        now,
      );
      const trainers = await trainersOf(tx, grant.userId);
      await notifyPeople(
        tx,
        trainers,
        {
          kind,
          title: `${grant.holderName}’s ${grant.certificationName}: ${expiry.toLowerCase()}`,
          body: 'Renew it from Certifications › Expiring in the console.',
          link: EXPIRING_CERTIFICATIONS_LINK,
          subjectId: grant.certificationId,
        },
        now,
      );
      sent += 1;
    }
    return sent;
  });
}
