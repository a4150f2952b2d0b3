import { z } from 'zod';
import { rolloutNoteSchema } from '../changes/diff.ts';
import { availabilitySchema } from '../people/roles.ts';
import { skillSchema } from '../people/schemas.ts';
import { audienceSchema, CHANNELS } from '../shared/enums.ts';
import { languageSchema } from '../shared/places.ts';
import { assignmentPolicySchema } from './assignment.ts';
import { inboxCodeSchema } from './inboxes.ts';
import { channelCapacitySchema } from './placement.ts';

const inboxFields = {
  name: z.string().trim().min(1, 'Name the inbox').max(120, 'At most 120 characters'),
  description: z.string().trim().max(1000, 'At most 1,000 characters'),
  /** The team whose members work the inbox. */
  teamId: z.uuid('Choose the team that works this inbox'),
  channels: z
    .array(z.enum(CHANNELS, { error: 'Channels are chat, WhatsApp, email or voice' }))
    .min(1, 'Channels: an inbox takes at least one channel')
    .max(CHANNELS.length)
    .refine((channels) => new Set(channels).size === channels.length, 'List each channel once'),
  assignmentPolicy: assignmentPolicySchema,
  rolloutNote: rolloutNoteSchema,
};

/** A lead's edit of an inbox: what it takes, who works it and how it hands conversations out. */
export const updateInboxInputSchema = z.object({
  id: z.uuid('Not an inbox id'),
  ...inboxFields,
  active: z.boolean(),
});
export type UpdateInboxInput = z.infer<typeof updateInboxInputSchema>;

/**
 * A new inbox. Its audience and city are fixed once created: routing rules, views and
 * reports refer to the inbox by them, so a different audience or city is a new inbox.
 */
export const createInboxInputSchema = z.object({
  code: inboxCodeSchema,
  audience: audienceSchema,
  /** Null: the inbox serves every city. */
  cityCode: z
    .string()
    .regex(/^[A-Z]{3}$/, 'City code is three capital letters, e.g. LIS')
    .nullable(),
  ...inboxFields,
  description: inboxFields.description.default(''),
  assignmentPolicy: assignmentPolicySchema.default({ mode: 'manual' }),
});
export type CreateInboxInput = z.infer<typeof createInboxInputSchema>;

export const inboxIdInputSchema = z.object({ id: z.uuid('Not an inbox id') });

/** A lead's edit of how much and what an agent takes. */
export const updateAgentRoutingInputSchema = z.object({
  userId: z.string().trim().min(1, 'Choose a person').max(100),
  channelCapacity: channelCapacitySchema,
  skills: z.array(skillSchema).max(50, 'At most 50 skills'),
  languages: z.array(languageSchema).min(1, 'At least one language').max(20),
  rolloutNote: rolloutNoteSchema,
});
export type UpdateAgentRoutingInput = z.infer<typeof updateAgentRoutingInputSchema>;

/** Online / away / offline: agents set their own; leads may set anyone's. */
export const setAvailabilityInputSchema = z.object({
  availability: availabilitySchema,
  userId: z.string().trim().min(1).max(100).optional(),
});
