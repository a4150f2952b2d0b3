import { z } from 'zod';
import { rolloutNoteSchema } from '../changes/diff.ts';
import { availabilitySchema } from '../people/roles.ts';
import { skillSchema } from '../people/schemas.ts';
import { CHANNELS } from '../shared/enums.ts';
import { languageSchema } from '../shared/places.ts';
import { assignmentPolicySchema } from './assignment.ts';
import { channelCapacitySchema } from './placement.ts';

/** A lead's edit of an inbox: what it takes and how it hands conversations out. */
export const updateInboxInputSchema = z.object({
  id: z.uuid('Not an inbox id'),
  name: z.string().trim().min(1, 'Name the inbox').max(120, 'At most 120 characters'),
  description: z.string().trim().max(1000, 'At most 1,000 characters'),
  channels: z
    .array(z.enum(CHANNELS, { error: 'Channels are chat, WhatsApp, email or voice' }))
    .min(1, 'Channels: an inbox takes at least one channel')
    .max(CHANNELS.length)
    .refine((channels) => new Set(channels).size === channels.length, 'List each channel once'),
  active: z.boolean(),
  assignmentPolicy: assignmentPolicySchema,
  rolloutNote: rolloutNoteSchema,
});
export type UpdateInboxInput = z.infer<typeof updateInboxInputSchema>;

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
