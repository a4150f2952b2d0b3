import type { Holiday, SlaPriorityTargets, Weekday } from '@switchboard/domain';
import { boolean, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { cities } from './cities.ts';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { inboxes } from './inboxes.ts';
import { users } from './users.ts';

/** Opening hours and holidays that business-time SLA targets count in (domain.sla). */
export const businessCalendars = pgTable('business_calendars', {
  id: uuidPrimaryKey(),
  name: text().notNull().unique(),
  /** The city whose support hours and public holidays these are; null for a shared calendar. */
  cityId: uuid().references(() => cities.id),
  timeZone: text().notNull(),
  alwaysOpen: boolean().notNull().default(false),
  weekly: jsonb().$type<Partial<Record<Weekday, Array<[string, string]>>>>().notNull(),
  holidays: jsonb().$type<Holiday[]>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** An inbox's SLA: the calendar its business-time targets count in, and targets per priority. */
export const slaPolicies = pgTable('sla_policies', {
  id: uuidPrimaryKey(),
  inboxId: uuid()
    .notNull()
    .unique()
    .references(() => inboxes.id),
  /** Null: business-time targets count around the clock. */
  calendarId: uuid().references(() => businessCalendars.id),
  targets: jsonb().$type<Record<'P1' | 'P2' | 'P3' | 'P4', SlaPriorityTargets>>().notNull(),
  updatedById: text().references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
