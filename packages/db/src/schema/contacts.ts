import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cities } from './cities.ts';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { audienceEnum } from './enums.ts';

/** The people who write in: guests and drivers/partners. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuidPrimaryKey(),
    audience: audienceEnum().notNull(),
    /** Id in the platform that sent it (rider app, driver app); unique per audience. */
    externalId: text(),
    name: text().notNull(),
    phone: text(),
    email: text(),
    locale: text().notNull().default('en'),
    cityId: uuid().references(() => cities.id),
    vip: boolean().notNull().default(false),
    /** When they joined the platform (a driver's first weeks make them a "new driver"). */
    joinedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('contacts_audience_external_id_uq').on(table.audience, table.externalId),
    index('contacts_email_idx').on(table.email),
    index('contacts_phone_idx').on(table.phone),
  ],
);
