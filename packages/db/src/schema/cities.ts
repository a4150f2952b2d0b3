import { sql } from 'drizzle-orm';
import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, uuidPrimaryKey } from './columns.ts';

export const cities = pgTable('cities', {
  id: uuidPrimaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
  countryCode: text().notNull(),
  /** IANA name; business hours and displayed times follow it. */
  timeZone: text().notNull(),
  currency: text().notNull(),
  languages: text().array().notNull().default(sql`'{}'::text[]`),
  live: boolean().notNull().default(true),
  createdAt: createdAt(),
});
