import { z } from 'zod';
import { type ChannelCapacity, totalCapacity } from '../routing/placement.ts';

/**
 * What a hire becomes: an agent, offline until they sign in, with a nesting load — a couple
 * of conversations at once while they learn under supervision (trainers raise it in the
 * inbox settings once the trainee is signed off). Their guardrail tier follows their
 * certifications, so with none yet they act at L1.
 */
export const TRAINEE_CHANNEL_CAPACITY: ChannelCapacity = { chat: 2, whatsapp: 2, email: 3 };

export const TRAINEE_PROFILE = {
  role: 'agent',
  availability: 'offline',
  channelCapacity: TRAINEE_CHANNEL_CAPACITY,
  capacity: totalCapacity(TRAINEE_CHANNEL_CAPACITY),
} as const;

export const hireInputSchema = z.object({ candidateId: z.uuid('Not a candidate id') });
export type HireInput = z.infer<typeof hireInputSchema>;
