import type { CertificationSource } from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { agentTierEnum } from './enums.ts';
import { users } from './users.ts';

/**
 * What an agent is certified for (guest refunds, driver payouts, safety, a language). A
 * request type can require one; routing never assigns it to an agent without it, and an
 * agent's guardrail tier is the highest tier their valid certifications grant.
 */
export const certifications = pgTable('certifications', {
  id: uuidPrimaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  /** How long a grant lasts; null: it does not expire. */
  validityDays: integer(),
  /** Days before expiry the holder and their trainers are reminded to renew. */
  renewalReminderDays: integer().notNull().default(30),
  /** The guardrail tier holding it gives (e.g. L2 for senior refunds); null: none. */
  grantsTier: agentTierEnum(),
  active: boolean().notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
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
    /** curriculum | trainer | seed */
    source: text().$type<CertificationSource>().notNull().default('trainer'),
    /** The curriculum whose completion granted it, when it was one. */
    curriculumId: uuid(),
    /** Why a trainer granted or renewed it (shown beside the grant; also in the change history). */
    note: text().notNull().default(''),
    /** The expiry the renewal reminder was sent for (once per grant). */
    reminderSentForExpiry: timestamp({ withTimezone: true }),
    /** The expiry the "it has expired" notice was sent for (once per grant). */
    expiredNoticeSentForExpiry: timestamp({ withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.certificationId] }),
    index('user_certifications_certification_idx').on(table.certificationId),
    // Renewal reminders: grants that expire, soonest first.
    index('user_certifications_expiry_idx')
      .on(table.expiresAt)
      .where(sql`${table.expiresAt} is not null`),
  ],
);
