import { and, type Column, count, desc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { memberships, notifications, users } from '../schema/index.ts';
import { announce } from './live.ts';

export interface NewNotification {
  kind: string;
  title: string;
  body?: string;
  link: string;
  subjectId?: string | null;
}

/** Notifies people (each once, inactive people skipped) and rings their bell live, on commit. */
export async function notifyPeople(
  tx: DatabaseOrTransaction,
  userIds: readonly string[],
  notification: NewNotification,
  now: Date = new Date(),
): Promise<string[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  const active = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, unique), eq(users.active, true)));
  const recipients = active.map((row) => row.id);
  if (recipients.length === 0) return [];
  await tx.insert(notifications).values(
    recipients.map((userId) => ({
      userId,
      kind: notification.kind,
      title: notification.title,
      body: notification.body ?? '',
      link: notification.link,
      subjectId: notification.subjectId ?? null,
      createdAt: now,
    })),
  );
  await announce(tx, { kind: 'notification', userIds: recipients, at: now.toISOString() });
  return recipients;
}

/** A team's members (or only its leads). */
export async function teamMemberIds(
  db: DatabaseOrTransaction,
  teamId: string,
  options: { leadsOnly?: boolean } = {},
): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.teamId, teamId),
        options.leadsOnly ? eq(memberships.role, 'lead') : undefined,
      ),
    );
  return rows.map((row) => row.userId);
}

/**
 * The leads of a person's teams, leaving out `except` (who must not answer, e.g. the review's
 * author); every other lead when none of their teams' leads is left.
 */
export async function leadsOfPerson(
  db: DatabaseOrTransaction,
  userId: string,
  except: readonly string[] = [],
): Promise<string[]> {
  const notExcepted = (column: Column) =>
    except.length > 0 ? notInArray(column, [...except]) : undefined;
  const theirTeams = db
    .select({ teamId: memberships.teamId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  const teamLeads = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        inArray(memberships.teamId, theirTeams),
        eq(memberships.role, 'lead'),
        notExcepted(memberships.userId),
      ),
    );
  if (teamLeads.length > 0) return teamLeads.map((row) => row.userId);
  const everyLead = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'lead'), notExcepted(users.id)));
  return everyLead.map((row) => row.id);
}

export async function listNotifications(
  db: Database,
  userId: string,
  input: { unreadOnly: boolean; limit: number },
) {
  const where = and(
    eq(notifications.userId, userId),
    input.unreadOnly ? isNull(notifications.readAt) : undefined,
  );
  const [items, [unread]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        title: notifications.title,
        body: notifications.body,
        link: notifications.link,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(input.limit),
    db
      .select({ total: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { items, unread: unread?.total ?? 0 };
}

/** Marks the given notifications (or all) read; only the person's own. */
export async function markNotificationsRead(
  db: Database,
  userId: string,
  ids: readonly string[] | 'all',
  now: Date = new Date(),
): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, [...ids]),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
