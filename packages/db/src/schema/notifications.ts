import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, uuidPrimaryKey } from './columns.ts';
import { users } from './users.ts';

/**
 * Something a person should know about that is not a mention: an escalation returned or
 * resolved, an SLA about to run out. Unread until they open it.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuidPrimaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** escalation_* | approval_* | incident_* */
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(''),
    /** Where it opens: an app path, e.g. /workspace/escalations/…, /console/approvals */
    link: text().notNull(),
    subjectId: uuid(),
    createdAt: createdAt(),
    readAt: timestamp({ withTimezone: true }),
  },
  (table) => [index('notifications_user_idx').on(table.userId, table.readAt, table.createdAt)],
);
