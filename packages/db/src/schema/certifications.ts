import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, uuidPrimaryKey } from './columns.ts';
import { users } from './users.ts';

/**
 * What an agent is certified for (guest refunds, driver payouts, safety, a language). A
 * request type can require one; routing never assigns it to an agent without it.
 */
export const certifications = pgTable('certifications', {
  id: uuidPrimaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  createdAt: createdAt(),
});

export const userCertifications = pgTable(
  'user_certifications',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    certificationId: uuid()
      .notNull()
      .references(() => certifications.id),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null for a certification that does not expire. */
    expiresAt: timestamp({ withTimezone: true }),
    grantedById: text().references(() => users.id),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.certificationId] }),
    index('user_certifications_certification_idx').on(table.certificationId),
  ],
);
