import {
  type ConversationStatus,
  formatMoney,
  GUARDRAIL_ACTION_LABELS,
  type GuardrailAction,
  PRIORITY_LABELS,
  type Priority,
  SLA_TARGET_LABELS,
  type SlaTargetKind,
} from '@switchboard/domain';
import { formatDateTime } from '../format.ts';
import { CHANNEL_LABELS, STATUS_LABELS } from '../labels.ts';
import type { RouterOutputs } from '../trpc.tsx';

/** The workspace conversation page's data. */
export type ConversationDetail = RouterOutputs['conversations']['byId'];
/**
 * What a timeline is read from: the conversation page's data, or the copy of it a QA review
 * or calibration session carries.
 */
export type TimelineSource = Pick<
  ConversationDetail,
  'conversation' | 'messages' | 'events' | 'tags'
>;
export type TimelineMessage = ConversationDetail['messages'][number];
export type TimelineEvent = ConversationDetail['events'][number];

export type TimelineEntry =
  | { kind: 'message'; id: string; at: Date; message: TimelineMessage }
  | { kind: 'event'; id: string; at: Date; text: string; opensConversation: boolean };

/** How an automatic assignment reads: which policy picked the agent. */
const AUTO_ASSIGNMENT: Record<string, string> = {
  round_robin: 'round robin',
  least_loaded: 'least loaded',
};

/** Events that only restate a message already shown in the timeline. */
const MESSAGE_EVENTS = new Set(['message_received', 'reply_sent', 'note_added']);

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** `RATING_DISPUTE` → `Rating dispute`, for codes the page has no name for. */
function humanise(value: unknown): string | null {
  const code = text(value);
  if (!code) return null;
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function statusLabel(value: unknown): string {
  const status = text(value);
  return status ? (STATUS_LABELS[status as ConversationStatus] ?? status) : '?';
}

function priorityLabel(value: unknown): string {
  const priority = text(value);
  const known = priority ? PRIORITY_LABELS[priority as Priority] : undefined;
  return known ? `${priority} ${known.label}` : (priority ?? '?');
}

/** "Refund of €40.00 allowed", "… sent to a lead for approval — reason", "… refused — reason". */
function guardrailDecisionText(payload: Record<string, unknown>): string {
  const action =
    GUARDRAIL_ACTION_LABELS[String(payload.kind) as GuardrailAction['kind']] ?? 'Action';
  const amount = payload.amount as { amountMinor?: unknown; currency?: unknown } | undefined;
  const money =
    typeof amount?.amountMinor === 'number' && typeof amount.currency === 'string'
      ? ` of ${formatMoney({ amountMinor: amount.amountMinor, currency: amount.currency })}`
      : '';
  const reason = text(payload.reason);
  const why = reason ? ` — ${reason}` : '';
  switch (payload.outcome) {
    case 'allow':
      return `${action}${money} allowed`;
    case 'approval_required':
      return `${action}${money} sent to ${payload.approverRole === 'finance' ? 'Finance' : 'a lead'} for approval${why}`;
    default:
      return `${action}${money} refused${why}`;
  }
}

/** One short sentence for a system event, e.g. "Assigned to Ana Silva", "Status Open → Resolved". */
export function describeEvent(event: TimelineEvent, detail: TimelineSource): string | null {
  const payload = event.payload;
  const { conversation } = detail;
  const tagName = (code: unknown) =>
    detail.tags.find((tag) => tag.code === code)?.name ?? text(code) ?? 'a tag';
  switch (event.type) {
    case 'created': {
      const channel = text(payload.channel);
      const label = channel ? CHANNEL_LABELS[channel as keyof typeof CHANNEL_LABELS] : null;
      return label ? `Conversation started via ${label}` : 'Conversation started';
    }
    case 'assigned': {
      const name =
        text(payload.assigneeName) ??
        (payload.assigneeId === conversation.assigneeId ? conversation.assigneeName : null);
      const policy = AUTO_ASSIGNMENT[String(payload.auto)];
      return `${name ? `Assigned to ${name}` : 'Assigned to an agent'}${policy ? ` (${policy})` : ''}`;
    }
    case 'unassigned':
      return payload.reason === 'no_reply_in_time'
        ? 'Unassigned: no reply within the inbox’s limit'
        : 'Unassigned';
    case 'routed': {
      const inbox = text(payload.inboxName) ?? 'an inbox';
      const rules = Array.isArray(payload.ruleIds) ? payload.ruleIds.length : 0;
      return rules > 0
        ? `Routed to ${inbox} by ${rules === 1 ? 'a rule' : `${rules} rules`}`
        : `Routed to ${inbox} (no rule matched)`;
    }
    case 'auto_replied':
      return null;
    case 'status_changed': {
      const until = text(payload.until);
      const snoozedUntil = until ? ` until ${formatDateTime(new Date(until))}` : '';
      return `Status ${statusLabel(payload.from)} → ${statusLabel(payload.to)}${snoozedUntil}`;
    }
    case 'priority_changed':
      return `Priority ${priorityLabel(payload.from)} → ${priorityLabel(payload.to)}`;
    case 'tagged':
      return `Tagged ${tagName(payload.tag)}`;
    case 'untagged':
      return `Removed tag ${tagName(payload.tag)}`;
    case 'request_type_set': {
      // Seeded history names the codes directly; live changes carry before/after.
      const to = (payload.to ?? {}) as Record<string, unknown>;
      const code = payload.requestType ?? to.requestTypeCode;
      const reasonCode = payload.reason ?? to.reasonCode;
      const isCurrent = code === conversation.requestTypeCode;
      const name = isCurrent ? conversation.requestTypeName : humanise(code);
      const reason = isCurrent ? conversation.reasonName : humanise(reasonCode);
      if (!name) return 'Request type set';
      return `Request type set to ${name}${reason ? ` · ${reason}` : ''}`;
    }
    case 'transferred': {
      const inbox = text(payload.toInboxName);
      const reason = text(payload.reason);
      return `Transferred to ${inbox ?? 'another inbox'}${reason ? ` — “${reason}”` : ''}`;
    }
    case 'csat_requested':
      return payload.via === 'widget' ? 'CSAT survey shown in the chat' : 'CSAT survey link sent';
    case 'macro_applied':
      return `Macro “${text(payload.macroName) ?? 'macro'}” applied`;
    case 'sop_step_checked':
      return payload.state === 'skipped'
        ? `Playbook step skipped${text(payload.skipReason) ? ` — “${text(payload.skipReason)}”` : ''}`
        : 'Playbook step done';
    case 'sop_step_unchecked':
      return 'Playbook step unticked';
    case 'mentioned':
      return null;
    case 'resolved':
      return payload.from ? `Status ${statusLabel(payload.from)} → Resolved` : 'Resolved';
    case 'reopened':
      return `Reopened (${statusLabel(payload.from ?? 'resolved')} → Open)`;
    case 'closed': {
      const automatic = payload.reason === 'auto_close' ? ' automatically' : '';
      return `Closed${automatic}`;
    }
    case 'csat_received': {
      const comment = text(payload.comment);
      const rating = typeof payload.rating === 'number' ? `${payload.rating}/5` : '';
      return `Rated the support ${rating}${comment ? ` — “${comment}”` : ''}`.trim();
    }
    case 'guardrail_decided':
      return guardrailDecisionText(payload);
    case 'sla_breached': {
      const target = SLA_TARGET_LABELS[payload.target as SlaTargetKind] ?? 'An';
      return `${target} SLA breached`;
    }
    case 'approval_answered':
    case 'escalation_updated':
      // The note posted with it says who did what, and why.
      return null;
    default:
      return MESSAGE_EVENTS.has(event.type) ? null : event.type.replaceAll('_', ' ');
  }
}

/** At the same instant: the conversation starts, then its message, then what followed. */
function rank(entry: TimelineEntry): number {
  if (entry.kind === 'message') return 1;
  return entry.opensConversation ? 0 : 2;
}

/** Messages and system events in the order they happened; events stay after same-time messages. */
export function buildTimeline(detail: TimelineSource): TimelineEntry[] {
  const entries: TimelineEntry[] = detail.messages.map((message) => ({
    kind: 'message',
    id: `message-${message.id}`,
    at: message.createdAt,
    message,
  }));
  for (const event of detail.events) {
    const description = describeEvent(event, detail);
    if (!description) continue;
    const actor = event.actorType === 'agent' && event.actorName ? ` by ${event.actorName}` : '';
    entries.push({
      kind: 'event',
      id: `event-${event.id}`,
      at: event.occurredAt,
      text: `${description}${actor}`,
      opensConversation: event.type === 'created',
    });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a) - rank(b));
}
