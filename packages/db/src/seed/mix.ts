import {
  AUDIENCES,
  type Audience,
  CHANNELS,
  type Channel,
  CONVERSATION_STATUSES,
  type ConversationStatus,
  PRIORITIES,
  type Priority,
} from '@switchboard/domain';
import { CITY_WEIGHTS, type CityCode } from './cities.ts';
import { type Random, weightedPicker } from './random.ts';
import { REQUEST_TYPES, type RequestTypeDefinition } from './taxonomy.ts';

/** How the demo queue is made up: the shares and timings every conversation is drawn from. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Conversations cover this long before "now". */
export const HISTORY = 60 * DAY;
/** Resolved conversations are closed automatically this long after resolution. */
export const AUTO_CLOSE_AFTER = 5 * DAY;

/**
 * Status mix for a steady inflow over 60 days: what arrived in the last five days is still
 * open, pending, snoozed or resolved; everything older has been closed.
 */
export const pickStatus = weightedPicker<ConversationStatus>([
  ['open', 2.4],
  ['pending', 1.2],
  ['snoozed', 0.6],
  ['resolved', 4.1],
  ['closed', 91.7],
]);

export const pickAudience = weightedPicker<Audience>([
  ['guest', 64],
  ['driver', 36],
]);

export const pickCity = weightedPicker<CityCode>(CITY_WEIGHTS);

const CHANNEL_PICKERS: Record<Audience, (random: Random) => Channel> = {
  guest: weightedPicker<Channel>([
    ['chat', 34],
    ['whatsapp', 32],
    ['email', 20],
    ['voice', 14],
  ]),
  // Drivers write from the road: WhatsApp and the in-app chat.
  driver: weightedPicker<Channel>([
    ['whatsapp', 44],
    ['chat', 30],
    ['email', 10],
    ['voice', 16],
  ]),
};

export function pickChannel(random: Random, audience: Audience): Channel {
  return CHANNEL_PICKERS[audience](random);
}

const REQUEST_TYPE_PICKERS: Record<Audience, (random: Random) => RequestTypeDefinition> = {
  guest: weightedPicker(
    REQUEST_TYPES.filter((type) => type.audience === 'guest').map(
      (type) => [type, type.weight] as const,
    ),
  ),
  driver: weightedPicker(
    REQUEST_TYPES.filter((type) => type.audience === 'driver').map(
      (type) => [type, type.weight] as const,
    ),
  ),
};

export function pickRequestType(random: Random, audience: Audience): RequestTypeDefinition {
  return REQUEST_TYPE_PICKERS[audience](random);
}

export const pickCsatRating = weightedPicker<number>([
  [5, 46],
  [4, 24],
  [3, 11],
  [2, 8],
  [1, 11],
]);

/** Back-and-forths before a resolution. */
export const pickExchanges = weightedPicker<number>([
  [0, 38],
  [1, 36],
  [2, 20],
  [3, 6],
]);

/** Relative volume by local hour: quiet at night, busy around commutes and evening flights. */
export const HOURLY_VOLUME: readonly number[] = [
  0.3, 0.2, 0.15, 0.12, 0.15, 0.3, 0.55, 0.8, 0.95, 1, 0.95, 0.9, 0.9, 0.9, 0.9, 0.95, 1, 1, 0.95,
  0.85, 0.75, 0.6, 0.5, 0.4,
];

export interface ResponseWindow {
  assign: readonly [number, number];
  reply: readonly [number, number];
}

/** How long routing takes to assign, and agents to reply, by the request type's priority. */
export const RESPONSE_WINDOWS: Record<Priority, ResponseWindow> = {
  P1: { assign: [30_000, 4 * MINUTE], reply: [MINUTE, 8 * MINUTE] },
  P2: { assign: [MINUTE, 15 * MINUTE], reply: [3 * MINUTE, 40 * MINUTE] },
  P3: { assign: [2 * MINUTE, 90 * MINUTE], reply: [5 * MINUTE, 4 * HOUR] },
  P4: { assign: [5 * MINUTE, 6 * HOUR], reply: [15 * MINUTE, 20 * HOUR] },
};

/** The first conversations cover every status, channel, audience and priority, whatever the size. */
export interface Coverage {
  status: ConversationStatus;
  channel: Channel;
  audience: Audience;
  requestType: RequestTypeDefinition;
}

const COVERAGE_TYPES: ReadonlyMap<string, readonly RequestTypeDefinition[]> = new Map(
  AUDIENCES.flatMap((audience) =>
    PRIORITIES.map((priority) => [
      `${audience}:${priority}`,
      REQUEST_TYPES.filter(
        (type) => type.audience === audience && type.defaultPriority === priority,
      ),
    ]),
  ),
);

export function coverageFor(index: number, random: Random): Coverage | null {
  if (index >= 20) return null;
  const audience = AUDIENCES[index % AUDIENCES.length]!;
  const priority = PRIORITIES[(index >> 1) % PRIORITIES.length]!;
  return {
    status: CONVERSATION_STATUSES[index % CONVERSATION_STATUSES.length]!,
    channel: CHANNELS[index % CHANNELS.length]!,
    audience,
    // A request type whose default is the priority to cover, so no odd re-prioritising.
    requestType: random.pick(COVERAGE_TYPES.get(`${audience}:${priority}`)!),
  };
}

export function raisePriority(priority: Priority): Priority {
  return PRIORITIES[Math.max(0, PRIORITIES.indexOf(priority) - 1)]!;
}

export function lowerPriority(priority: Priority): Priority {
  return PRIORITIES[Math.min(PRIORITIES.length - 1, PRIORITIES.indexOf(priority) + 1)]!;
}
