import type { ChannelCapacity } from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { availabilityEnum, roleEnum } from './enums.ts';

/**
 * Staff who sign in. The first block is what better-auth needs (its `user` model);
 * the rest is what routing and people management need.
 */
export const users = pgTable(
  'users',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    email: text().notNull().unique(),
    emailVerified: boolean().notNull().default(false),
    image: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    role: roleEnum().notNull().default('agent'),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    skills: text().array().notNull().default(sql`'{}'::text[]`),
    /** Most conversations this person works at once. */
    capacity: integer().notNull().default(0),
    /** Most open conversations per channel (e.g. 4 chats, 10 emails); a missing channel is 0. */
    channelCapacity: jsonb().$type<ChannelCapacity>().notNull().default({}),
    /** When routing last gave this person a conversation: round-robin goes longest-idle first. */
    lastAssignedAt: timestamp({ withTimezone: true }),
    availability: availabilityEnum().notNull().default('offline'),
    timeZone: text().notNull().default('UTC'),
    active: boolean().notNull().default(true),
    lastSeenAt: timestamp({ withTimezone: true }),
  },
  (table) => [index('users_role_idx').on(table.role)],
);
