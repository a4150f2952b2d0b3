import {
  ACTOR_TYPES,
  AGENT_TIERS,
  AUDIENCES,
  AVAILABILITIES,
  CHANNELS,
  CONVERSATION_STATUSES,
  MEMBERSHIP_ROLES,
  MESSAGE_DIRECTIONS,
  MESSAGE_KINDS,
  PRIORITIES,
  ROLES,
  SOP_VERSION_STATUSES,
  TEAM_KINDS,
} from '@switchboard/domain';
import { pgEnum } from 'drizzle-orm/pg-core';

// Postgres enums mirror the domain's enumerations, so the database refuses what zod refuses.
export const audienceEnum = pgEnum('audience', AUDIENCES);
export const channelEnum = pgEnum('channel', CHANNELS);
export const conversationStatusEnum = pgEnum('conversation_status', CONVERSATION_STATUSES);
export const priorityEnum = pgEnum('priority', PRIORITIES);
export const roleEnum = pgEnum('role', ROLES);
export const agentTierEnum = pgEnum('agent_tier', AGENT_TIERS);
export const availabilityEnum = pgEnum('availability', AVAILABILITIES);
export const teamKindEnum = pgEnum('team_kind', TEAM_KINDS);
export const membershipRoleEnum = pgEnum('membership_role', MEMBERSHIP_ROLES);
export const messageDirectionEnum = pgEnum('message_direction', MESSAGE_DIRECTIONS);
export const messageKindEnum = pgEnum('message_kind', MESSAGE_KINDS);
export const actorTypeEnum = pgEnum('actor_type', ACTOR_TYPES);
export const BOOKING_STATUSES = [
  'scheduled',
  'driver_assigned',
  'in_progress',
  'completed',
  'cancelled',
  'no_show',
] as const;
export const bookingStatusEnum = pgEnum('booking_status', BOOKING_STATUSES);
export const BOOKING_PRODUCTS = ['ride', 'airport_transfer', 'delivery'] as const;
export const bookingProductEnum = pgEnum('booking_product', BOOKING_PRODUCTS);
export const macroScopeEnum = pgEnum('macro_scope', ['shared', 'personal']);
export const sopVersionStatusEnum = pgEnum('sop_version_status', SOP_VERSION_STATUSES);
export const sopStepStateEnum = pgEnum('sop_step_state', ['done', 'skipped']);
