import type { ActorType, ConversationEventType } from '../conversations/events.ts';
import { REOPEN_WINDOW_MS } from '../conversations/intake.ts';
import type { Priority } from '../conversations/priority.ts';
import type { ConversationStatus } from '../conversations/status.ts';
import type { Audience, Channel } from '../shared/enums.ts';
import { businessMinutesBetween } from '../sla/business-time.ts';
import { DEFAULT_SLA_SCHEDULE, type SlaSchedule } from '../sla/policy.ts';
import { replaySla, type SlaOutcome } from '../sla/replay.ts';

/** A conversation as the KPIs slice it: where it is now, and what it was when created. */
export interface KpiConversation {
  id: string;
  audience: Audience;
  channel: Channel;
  cityId: string | null;
  inboxId: string;
  assigneeId: string | null;
  requestTypeId: string | null;
  priority: Priority;
  status: ConversationStatus;
  createdAt: Date;
}

export interface KpiEvent {
  type: ConversationEventType;
  actorType: ActorType;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** The slices every KPI can be cut by, as stored beside each fact. */
export type KpiSlices = Pick<
  KpiConversation,
  'audience' | 'channel' | 'cityId' | 'inboxId' | 'assigneeId' | 'requestTypeId'
>;

/** What the KPIs need of one conversation, derived from its event log (stored per conversation). */
export interface ConversationKpiFacts extends KpiSlices {
  conversationId: string;
  priority: Priority;
  status: ConversationStatus;
  createdAt: Date;
  /** The inbox routing first placed it in; null when it was never routed. */
  firstInboxId: string | null;
  transferred: boolean;
  firstResponseAt: Date | null;
  firstResponseSeconds: number | null;
  firstResponseBusinessSeconds: number | null;
  publicAgentReplies: number;
  firstResolvedAt: Date | null;
  /** The last resolution, while it stands (null once reopened). */
  resolvedAt: Date | null;
  resolutionSeconds: number | null;
  resolutionBusinessSeconds: number | null;
  reopenedWithin7Days: boolean;
  csatRequestedAt: Date | null;
  csatRatedAt: Date | null;
  csatRating: number | null;
  escalatedAt: Date | null;
}

/** One run of an SLA clock with the slices of its conversation (stored per run). */
export interface KpiSlaOutcome extends SlaOutcome, KpiSlices {
  conversationId: string;
}

const seconds = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 1000);
const businessSeconds = (from: Date, to: Date, schedule: SlaSchedule) =>
  Math.round(businessMinutesBetween(from, to, schedule.calendar) * 60);

/**
 * The facts of one conversation from its events, in log order. Durations are whole seconds,
 * in calendar time and in the business time of its inbox's calendar; the SLA clock runs are
 * replayed with the inbox's schedule, exactly as the server ran them.
 */
export function conversationKpiFacts(
  conversation: KpiConversation,
  events: readonly KpiEvent[],
  schedule: SlaSchedule = DEFAULT_SLA_SCHEDULE,
): { facts: ConversationKpiFacts; outcomes: KpiSlaOutcome[] } {
  let firstInboxId: string | null = null;
  let transferred = false;
  let firstResponseAt: Date | null = null;
  let publicAgentReplies = 0;
  let firstResolvedAt: Date | null = null;
  let resolvedAt: Date | null = null;
  let reopenedWithin7Days = false;
  let csatRequestedAt: Date | null = null;
  let csatRatedAt: Date | null = null;
  let csatRating: number | null = null;
  let escalatedAt: Date | null = null;
  let initialPriority: Priority | null = null;

  for (const event of events) {
    switch (event.type) {
      case 'routed':
        firstInboxId ??= typeof event.payload.inboxId === 'string' ? event.payload.inboxId : null;
        break;
      case 'transferred':
        transferred = true;
        break;
      case 'reply_sent':
        if (event.actorType === 'agent') {
          publicAgentReplies += 1;
          firstResponseAt ??= event.occurredAt;
        }
        break;
      case 'resolved':
        firstResolvedAt ??= event.occurredAt;
        resolvedAt = event.occurredAt;
        break;
      case 'reopened':
        if (resolvedAt && event.occurredAt.getTime() - resolvedAt.getTime() < REOPEN_WINDOW_MS) {
          reopenedWithin7Days = true;
        }
        resolvedAt = null;
        break;
      case 'csat_requested':
        csatRequestedAt ??= event.occurredAt;
        break;
      case 'csat_received':
        csatRatedAt = event.occurredAt;
        csatRating = typeof event.payload.rating === 'number' ? event.payload.rating : null;
        break;
      case 'escalation_updated':
        if (event.payload.move === 'sent') escalatedAt ??= event.occurredAt;
        break;
      case 'priority_changed':
        initialPriority ??= event.payload.from as Priority;
        break;
      default:
        break;
    }
  }

  const { createdAt } = conversation;
  const slices: KpiSlices = {
    audience: conversation.audience,
    channel: conversation.channel,
    cityId: conversation.cityId,
    inboxId: conversation.inboxId,
    assigneeId: conversation.assigneeId,
    requestTypeId: conversation.requestTypeId,
  };
  const facts: ConversationKpiFacts = {
    conversationId: conversation.id,
    ...slices,
    priority: conversation.priority,
    status: conversation.status,
    createdAt,
    firstInboxId,
    transferred,
    firstResponseAt,
    firstResponseSeconds: firstResponseAt ? seconds(createdAt, firstResponseAt) : null,
    firstResponseBusinessSeconds: firstResponseAt
      ? businessSeconds(createdAt, firstResponseAt, schedule)
      : null,
    publicAgentReplies,
    firstResolvedAt,
    resolvedAt,
    resolutionSeconds: resolvedAt ? seconds(createdAt, resolvedAt) : null,
    resolutionBusinessSeconds: resolvedAt ? businessSeconds(createdAt, resolvedAt, schedule) : null,
    reopenedWithin7Days,
    csatRequestedAt,
    csatRatedAt,
    csatRating,
    escalatedAt,
  };
  const { outcomes } = replaySla(
    createdAt,
    initialPriority ?? conversation.priority,
    events,
    schedule,
  );
  return {
    facts,
    outcomes: outcomes.map((outcome) => ({
      ...outcome,
      conversationId: conversation.id,
      ...slices,
    })),
  };
}
