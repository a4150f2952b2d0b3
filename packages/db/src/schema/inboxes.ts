import { type AssignmentPolicy, CHANNELS } from '@switchboard/domain';
import { boolean, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { cities } from './cities.ts';
import { createdAt, uuidPrimaryKey } from './columns.ts';
import { audienceEnum, channelEnum } from './enums.ts';
import { teams } from './teams.ts';

/** A queue of conversations owned by one team; agents belong to it through that team. */
export const inboxes = pgTable('inboxes', {
  id: uuidPrimaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  audience: audienceEnum().notNull(),
  /** Null for an inbox that serves every city. */
  cityId: uuid().references(() => cities.id),
  teamId: uuid()
    .notNull()
    .references(() => teams.id),
  /** The channels this inbox takes; routing only sends it conversations on these. */
  channels: channelEnum()
    .array()
    .notNull()
    .default([...CHANNELS]),
  assignmentPolicy: jsonb().$type<AssignmentPolicy>().notNull().default({ mode: 'manual' }),
  active: boolean().notNull().default(true),
  createdAt: createdAt(),
});
