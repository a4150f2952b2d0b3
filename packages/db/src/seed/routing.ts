import {
  type AssignmentPolicy,
  type ChannelCapacity,
  ROUTING_RULE_LABELS,
  type RoutingRuleInput,
  routingRuleInputSchema,
} from '@switchboard/domain';
import { eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { recordChange } from '../queries/config-changes.ts';
import { certifications, inboxes, requestTypes, routingRules, users } from '../schema/index.ts';
import { insertDemoChatPaths } from './chat-paths.ts';
import { DEMO_INBOXES, DEMO_USERS, demoEmail } from './organisation.ts';
import type { Random } from './random.ts';

/**
 * The demo's routing: assignment policies per inbox, per-channel capacity, the certification
 * that gates safety cases, and a rule list a lead would recognise. Lisbon guests stay manual
 * so the walkthrough's new chats wait in Unassigned for the demo agent to pick up.
 */

/** Per-channel capacity from a person's overall capacity: chats are concurrent, emails pile up. */
export function demoChannelCapacity(capacity: number): ChannelCapacity {
  if (capacity === 0) return {};
  return {
    chat: Math.min(4, capacity),
    whatsapp: Math.min(4, capacity),
    email: capacity + 4,
    voice: 1,
  };
}

export function demoAssignmentPolicy(inboxCode: string): AssignmentPolicy {
  if (inboxCode === 'LIS_GUEST') return { mode: 'manual' };
  if (inboxCode.startsWith('ESCALATIONS_')) return { mode: 'least_loaded' };
  if (inboxCode.endsWith('_DRIVER')) return { mode: 'least_loaded', requireLanguage: true };
  return { mode: 'round_robin', requireLanguage: true, replyLimitMinutes: 10 };
}

/** Request types only certified agents are given (the certifications come from certifications.ts). */
const GATED: Record<string, string> = {
  SAFETY_INCIDENT: 'SAFETY',
  DRIVER_SAFETY_INCIDENT: 'SAFETY',
};

const stop = { onMatch: 'stop' as const };
const carryOn = { onMatch: 'continue' as const };

export const DEMO_RULES: readonly RoutingRuleInput[] = [
  {
    name: 'Guest safety reports go straight to escalations',
    conditions: [
      { field: 'audience', op: 'is', value: 'guest' },
      {
        field: 'text',
        op: 'contains_any',
        values: ['accident', 'assault', 'threatened', 'harassed', 'unsafe', 'police'],
      },
    ],
    actions: {
      requestTypeCode: 'SAFETY_INCIDENT',
      priority: 'P1',
      addTags: ['safety'],
      inboxCode: 'ESCALATIONS_GUEST',
      autoReply:
        'If you are in danger, call the emergency number 112 now. A safety specialist is reading your message.',
      ...stop,
    },
  },
  {
    name: 'Driver safety reports go straight to escalations',
    conditions: [
      { field: 'audience', op: 'is', value: 'driver' },
      {
        field: 'text',
        op: 'contains_any',
        values: ['accident', 'assault', 'threatened', 'attacked', 'unsafe', 'police'],
      },
    ],
    actions: {
      requestTypeCode: 'DRIVER_SAFETY_INCIDENT',
      priority: 'P1',
      addTags: ['safety'],
      inboxCode: 'ESCALATIONS_DRIVER',
      ...stop,
    },
  },
  {
    name: 'Stranded at the airport: urgent',
    conditions: [
      { field: 'audience', op: 'is', value: 'guest' },
      { field: 'text', op: 'contains_any', values: ['airport', 'terminal', 'arrivals'] },
    ],
    actions: { priority: 'P1', addTags: ['airport'], ...carryOn },
  },
  {
    name: 'Trips within 3 hours come first',
    conditions: [{ field: 'booking', op: 'trip_within_hours', hours: 3 }],
    actions: { priority: 'P2', ...carryOn },
  },
  {
    name: 'VIP guests',
    conditions: [{ field: 'contact', attribute: 'vip', value: true }],
    actions: { priority: 'P2', addTags: ['vip'], ...carryOn },
  },
  {
    name: 'Driver payouts',
    conditions: [
      { field: 'audience', op: 'is', value: 'driver' },
      { field: 'text', op: 'contains_any', values: ['payout', 'paid', 'earnings', 'payment'] },
    ],
    actions: { addTags: ['payout'], priority: 'P2', ...carryOn },
  },
  {
    name: 'After-hours chats get an answer',
    conditions: [
      { field: 'channel', op: 'in', values: ['chat', 'whatsapp'] },
      { field: 'business_hours', value: 'outside' },
    ],
    actions: {
      autoReply:
        'Thanks for writing in. Our team is online 08:00–20:00; airport and safety issues are answered around the clock.',
      ...carryOn,
    },
  },
  {
    name: 'Flight delays (paused until the airline feed is live)',
    enabled: false,
    conditions: [
      { field: 'text', op: 'contains_any', values: ['flight delayed', 'delayed flight'] },
    ],
    actions: { addTags: ['flight-delay'], ...carryOn },
  },
];

export interface DemoRoutingCounts {
  routingRules: number;
  chatPaths: number;
}

export async function insertDemoRouting(
  db: DatabaseOrTransaction,
  _random: Random,
  createdAt: Date,
): Promise<DemoRoutingCounts> {
  const staff = await db
    .select({ id: users.id, email: users.email, capacity: users.capacity })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_USERS.map((user) => user.email),
      ),
    );
  for (const person of staff) {
    await db
      .update(users)
      .set({ channelCapacity: demoChannelCapacity(person.capacity) })
      .where(eq(users.id, person.id));
  }
  for (const inbox of DEMO_INBOXES) {
    await db
      .update(inboxes)
      .set({ assignmentPolicy: demoAssignmentPolicy(inbox.code) })
      .where(eq(inboxes.code, inbox.code));
  }

  const certificationRows = await db
    .select({ id: certifications.id, code: certifications.code })
    .from(certifications)
    .where(inArray(certifications.code, Object.values(GATED)));
  const certificationId = new Map(certificationRows.map((row) => [row.code, row.id]));
  const staffId = new Map(staff.map((person) => [person.email, person.id]));
  for (const [requestTypeCode, certification] of Object.entries(GATED)) {
    await db
      .update(requestTypes)
      .set({ requiredCertificationId: certificationId.get(certification)! })
      .where(eq(requestTypes.code, requestTypeCode));
  }

  const leadId = staffId.get(demoEmail('lead')) ?? null;
  for (const [position, input] of DEMO_RULES.entries()) {
    const rule = routingRuleInputSchema.parse(input);
    const [row] = await db
      .insert(routingRules)
      .values({ ...rule, position, updatedById: leadId, createdAt, updatedAt: createdAt })
      .returning({ id: routingRules.id });
    await recordChange(db, {
      entityType: 'routing_rule',
      entityId: row!.id,
      entityName: rule.name,
      action: 'created',
      actorId: leadId,
      before: null,
      after: { ...rule, position: position + 1 },
      labels: ROUTING_RULE_LABELS,
    });
  }
  return {
    routingRules: DEMO_RULES.length,
    chatPaths: await insertDemoChatPaths(db, leadId, createdAt),
  };
}
