import { z } from 'zod';
import { conversationIdSchema } from '../conversations/schemas.ts';

/** What a colleague is doing on a conversation right now; never stored, only announced. */
export const PRESENCE_STATES = ['viewing', 'typing', 'left'] as const;
export const presenceStateSchema = z.enum(PRESENCE_STATES);
export type PresenceState = z.infer<typeof presenceStateSchema>;

export const presenceInputSchema = z.object({
  conversationId: conversationIdSchema,
  state: presenceStateSchema,
});
export type PresenceInput = z.infer<typeof presenceInputSchema>;

/** Milliseconds between SSE heartbeats; proxies close idle connections after ~30–60 s. */
export const LIVE_HEARTBEAT_MS = 15_000;
/** What `retry:` tells EventSource to wait before reconnecting. */
export const LIVE_RETRY_MS = 3_000;
