import type {
  ActorType,
  Channel,
  ConversationEventType,
  ConversationStatus,
  Priority,
} from '@switchboard/domain';
import { messagePreview } from '@switchboard/domain';
import type { conversationEvents, messages } from '../schema/index.ts';
import { fill, type GenericScript } from './content.ts';
import type { StaffMember } from './organisation.ts';
import type { Random, UuidSequence } from './random.ts';

export type MessageRow = typeof messages.$inferInsert;
export type EventRow = typeof conversationEvents.$inferInsert;

/**
 * One conversation's timeline, told in order: every message and event is appended at the
 * story's current offset (ms after the first message), so times can only move forward and
 * the append-only event log is complete before anything is written.
 */

interface DraftMessage {
  id: string;
  offset: number;
  direction: 'inbound' | 'outbound';
  kind: 'message' | 'note';
  authorType: ActorType;
  authorUserId: string | null;
  body: string;
}

interface DraftEvent {
  offset: number;
  type: ConversationEventType;
  actorType: ActorType;
  actorUserId: string | null;
  payload: Record<string, unknown>;
}

export interface StoryTimes {
  createdAt: number;
  now: number;
  /** Set for snoozed conversations: when the snooze ends (in the future). */
  snoozedUntil: number | null;
}

export interface StoryRows {
  messages: MessageRow[];
  events: EventRow[];
  lastMessageAt: Date;
  lastMessagePreview: string;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  updatedAt: Date;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class ConversationStory {
  offset = 0;
  status: ConversationStatus = 'open';
  priority: Priority;
  /** Tag code → who added it (null for a routing rule). */
  readonly tags = new Map<string, string | null>();
  private resolvedOffset: number | null = null;
  private agentReplies = 0;
  private readonly messages: DraftMessage[] = [];
  private readonly events: DraftEvent[] = [];
  private readonly used = new Set<string>();
  private readonly contactSignOff: string;

  constructor(
    private readonly random: Random,
    private readonly messageIds: UuidSequence,
    private readonly channel: Channel,
    private readonly generic: GenericScript,
    /** Placeholder values; `agent` follows whoever is writing. */
    private readonly values: Record<string, string>,
    priority: Priority,
  ) {
    this.priority = priority;
    this.contactSignOff = random.pick(generic.contactSignOffs);
  }

  /** Time passes; skewed towards the short end, as most replies come quickly. */
  wait(min: number, max: number): void {
    const u = this.random.next();
    this.offset += Math.max(1000, Math.round(min + (max - min) * u * u));
  }

  pause(minSeconds: number, maxSeconds: number): void {
    this.offset += this.random.int(minSeconds, maxSeconds) * 1000;
  }

  /** A template not used yet in this conversation: nobody says the same sentence twice. */
  fresh(templates: readonly string[]): string {
    let choice = this.random.pick(templates);
    for (let attempt = 0; attempt < 4 && this.used.has(choice); attempt += 1) {
      choice = this.random.pick(templates);
    }
    this.used.add(choice);
    return choice;
  }

  event(
    type: ConversationEventType,
    actor: StaffMember | 'contact' | 'system' | 'bot',
    payload: Record<string, unknown> = {},
  ): void {
    const byStaff = typeof actor === 'object';
    this.events.push({
      offset: this.offset,
      type,
      actorType: byStaff ? 'agent' : actor,
      actorUserId: byStaff ? actor.id : null,
      payload,
    });
  }

  private message(draft: Omit<DraftMessage, 'id' | 'offset'>): string {
    const id = this.messageIds.take();
    this.messages.push({ id, offset: this.offset, ...draft });
    return id;
  }

  inbound(template: string, first = false): void {
    let body = fill(template, this.values);
    if (this.channel === 'email') body = `${body}\n\n${fill(this.contactSignOff, this.values)}`;
    if (this.channel === 'voice')
      body = `[${first ? 'Voicemail' : 'Call'} ${this.callLength()}] ${body}`;
    const messageId = this.message({
      direction: 'inbound',
      kind: 'message',
      authorType: 'contact',
      authorUserId: null,
      body,
    });
    this.event('message_received', 'contact', { messageId });
  }

  /** A public reply by a person: greets on the first one, signs every email. */
  reply(agent: StaffMember, template: string): void {
    this.values.agent = agent.firstName;
    let body = fill(template, this.values);
    const first = this.agentReplies === 0;
    if (first || this.channel === 'email') {
      const intro = first ? `${fill(this.random.pick(this.generic.intros), this.values)} ` : '';
      const greeting = fill(this.generic.greeting, this.values);
      body =
        this.channel === 'email'
          ? `${greeting}\n\n${capitalise(intro)}${body}\n\n${fill(this.generic.emailSignOff, this.values)}`
          : `${greeting} ${intro}${body}`;
    }
    if (this.channel === 'voice') body = `[Call ${this.callLength()}] ${body}`;
    this.agentReplies += 1;
    const messageId = this.message({
      direction: 'outbound',
      kind: 'message',
      authorType: 'agent',
      authorUserId: agent.id,
      body,
    });
    this.event('reply_sent', agent, { messageId });
  }

  /** An automatic acknowledgement: public, but never a first response. */
  botReply(text: string): void {
    const messageId = this.message({
      direction: 'outbound',
      kind: 'message',
      authorType: 'bot',
      authorUserId: null,
      body: text,
    });
    this.event('reply_sent', 'bot', { messageId, automatic: true });
  }

  note(author: StaffMember, template: string): void {
    this.values.agent = author.firstName;
    const messageId = this.message({
      direction: 'outbound',
      kind: 'note',
      authorType: 'agent',
      authorUserId: author.id,
      body: fill(template, this.values),
    });
    this.event('note_added', author, { messageId });
  }

  tag(code: string, by: StaffMember | null): void {
    if (this.tags.has(code)) return;
    this.tags.set(code, by?.id ?? null);
    this.event('tagged', by ?? 'system', { tag: code });
  }

  changePriority(to: Priority, by: StaffMember | null): void {
    if (to === this.priority) return;
    this.event('priority_changed', by ?? 'system', { from: this.priority, to });
    this.priority = to;
  }

  setStatus(to: ConversationStatus, by: StaffMember | null): void {
    this.event('status_changed', by ?? 'system', { from: this.status, to });
    this.status = to;
  }

  resolve(agent: StaffMember): void {
    this.event('resolved', agent, { from: this.status });
    this.status = 'resolved';
    this.resolvedOffset = this.offset;
  }

  /** The contact wrote again after a resolution. */
  reopen(template: string): void {
    this.inbound(template);
    this.event('reopened', 'system', { from: 'resolved' });
    this.status = 'open';
  }

  /** Closed automatically some days after the (last) resolution. */
  close(after: number): void {
    this.offset = (this.resolvedOffset ?? this.offset) + after;
    this.event('closed', 'system', { from: 'resolved', reason: 'auto_close' });
    this.status = 'closed';
  }

  private callLength(): string {
    const seconds = this.random.int(35, 540);
    return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
  }

  /**
   * Dated rows. The story is fitted between the conversation's creation and now: a recent
   * conversation with a long story is compressed, never pushed into the future.
   */
  materialise(conversationId: string, times: StoryTimes): StoryRows {
    const available = (times.now - times.createdAt) * 0.97 - 30_000;
    const scale = this.offset > available ? Math.max(0, available) / this.offset : 1;
    const at = (offset: number) => times.createdAt + Math.floor(offset * scale);

    const messageRows: MessageRow[] = [];
    let lastPublic: DraftMessage | null = null;
    let firstResponse: number | null = null;
    for (const draft of this.messages) {
      const time = at(draft.offset);
      if (draft.kind === 'message') lastPublic = draft;
      if (firstResponse === null && draft.authorType === 'agent' && draft.kind === 'message') {
        firstResponse = time;
      }
      messageRows.push({
        id: draft.id,
        conversationId,
        direction: draft.direction,
        kind: draft.kind,
        authorType: draft.authorType,
        authorUserId: draft.authorUserId,
        channel: this.channel,
        externalId: externalIdFor(this.channel, draft),
        body: draft.body,
        createdAt: new Date(time),
        deliveredAt:
          draft.direction === 'outbound' && draft.kind === 'message' ? new Date(time + 1500) : null,
      });
    }
    const eventRows: EventRow[] = [];
    let lastEventAt = times.createdAt;
    for (const draft of this.events) {
      lastEventAt = at(draft.offset);
      const payload =
        draft.type === 'status_changed' &&
        draft.payload.to === 'snoozed' &&
        times.snoozedUntil !== null
          ? { ...draft.payload, until: new Date(times.snoozedUntil).toISOString() }
          : draft.payload;
      eventRows.push({
        conversationId,
        type: draft.type,
        actorType: draft.actorType,
        actorUserId: draft.actorUserId,
        payload,
        occurredAt: new Date(lastEventAt),
      });
    }
    const last = lastPublic ?? this.messages[0]!;
    return {
      messages: messageRows,
      events: eventRows,
      lastMessageAt: new Date(at(last.offset)),
      lastMessagePreview: messagePreview(last.body),
      firstResponseAt: firstResponse === null ? null : new Date(firstResponse),
      resolvedAt:
        (this.status === 'resolved' || this.status === 'closed') && this.resolvedOffset !== null
          ? new Date(at(this.resolvedOffset))
          : null,
      updatedAt: new Date(lastEventAt),
    };
  }
}

/** Ids the channels give their messages; (channel, externalId) is unique. */
function externalIdFor(channel: Channel, draft: DraftMessage): string | null {
  if (draft.kind === 'note' || draft.authorType === 'bot') return null;
  const hex = draft.id.replaceAll('-', '');
  switch (channel) {
    case 'whatsapp':
      return `wamid.${hex}`;
    case 'email':
      return `<${hex}@${draft.direction === 'inbound' ? 'mail.inbound' : 'mail.outbound'}.switchboard.test>`;
    case 'voice':
      return `CA${hex}`;
    default:
      return null;
  }
}
