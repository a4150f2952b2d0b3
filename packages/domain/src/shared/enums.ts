import { z } from 'zod';

/** Who writes in: riders/travellers/shoppers, or drivers/couriers/supplier companies. */
export const AUDIENCES = ['guest', 'driver'] as const;
export const audienceSchema = z.enum(AUDIENCES);
export type Audience = z.infer<typeof audienceSchema>;

export const AUDIENCE_LABELS: Record<Audience, string> = { guest: 'Guest', driver: 'Driver' };

export const CHANNELS = ['chat', 'whatsapp', 'email', 'voice'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const CHANNEL_LABELS: Record<Channel, string> = {
  chat: 'Chat',
  whatsapp: 'WhatsApp',
  email: 'Email',
  voice: 'Voice',
};
