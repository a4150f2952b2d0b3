import type { ProcedureMocks, ProcedureOutput } from '@switchboard/ui/testing';

type ConversationRow = ProcedureOutput<'conversations.view'>['items'][number];
type ConversationDetail = ProcedureOutput<'conversations.byId'>;

/** What WorkspaceLayout asks for on every screen, whatever the page: here, no rollout notes. */
export const layoutMocks = {
  'changes.myRolloutNotes': () => [],
  'notifications.list': () => ({ items: [], unread: 0 }),
  'escalations.forConversation': () => ({ escalations: [], suggestions: [], paths: [] }),
  'incidents.forConversation': () => [],
  'incidents.list': () => ({ items: [], total: 0 }),
} satisfies ProcedureMocks;

export const CONVERSATION_ID = '22222222-2222-4222-8222-222222222222';

export function conversationRow(overrides: Partial<ConversationRow> = {}): ConversationRow {
  return {
    id: CONVERSATION_ID,
    number: 1042,
    subject: 'Driver did not show up at the airport',
    status: 'open',
    priority: 'P2',
    channel: 'whatsapp',
    audience: 'guest',
    lastMessageAt: new Date('2026-03-12T14:05:00Z'),
    lastMessagePreview: 'I have been waiting for 40 minutes at arrivals',
    createdAt: new Date('2026-03-12T13:20:00Z'),
    slaDueAt: new Date(Date.now() + 20 * 60_000),
    snoozedUntil: null,
    inboxId: '33333333-3333-4333-8333-333333333333',
    assigneeId: '11111111-1111-4111-8111-111111111111',
    assigneeName: 'Ana Silva',
    contactName: 'Marta Lopes',
    inboxName: 'Lisbon guests',
    cityCode: 'LIS',
    requestTypeName: 'Driver no-show',
    ...overrides,
  };
}

export function conversationDetail(): ConversationDetail {
  const createdAt = new Date('2026-03-12T13:20:00Z');
  return {
    conversation: {
      id: CONVERSATION_ID,
      number: 1042,
      subject: 'Driver did not show up at the airport',
      status: 'open',
      priority: 'P2',
      channel: 'whatsapp',
      audience: 'guest',
      language: 'pt-PT',
      inboxId: '33333333-3333-4333-8333-333333333333',
      assigneeId: '11111111-1111-4111-8111-111111111111',
      createdAt,
      lastMessageAt: new Date('2026-03-12T14:05:00Z'),
      firstResponseAt: new Date('2026-03-12T13:25:00Z'),
      resolvedAt: null,
      snoozedUntil: null,
      slaDueAt: null,
      firstResponseDueAt: null,
      nextResponseDueAt: null,
      resolutionDueAt: new Date('2026-03-13T13:20:00Z'),
      slaPausedAt: new Date('2026-03-12T13:26:00Z'),
      csatRating: null,
      csatComment: null,
      csatRatedAt: null,
      routingDecision: {
        routedAt: '2026-03-12T13:02:00.000Z',
        outcome: {
          requestTypeCode: 'DRIVER_NO_SHOW',
          tags: ['airport'],
          priority: 'P1',
          inboxCode: 'LIS_GUEST',
          teamCode: null,
          autoReplies: [],
          matchedRuleIds: ['rule-1'],
        },
        matched: [
          {
            position: 2,
            ruleId: 'rule-1',
            name: 'Stranded at the airport',
            enabled: true,
            status: 'matched',
            summary: 'Matched: sets priority P1 and inbox LIS_GUEST; stops here',
            conditions: [{ index: 0, held: true, sentence: 'Text mentions “airport”' }],
          },
        ],
        rulesConsidered: 2,
        inbox: {
          code: 'LIS_GUEST',
          name: 'Lisbon guests',
          choice: 'rule_inbox',
          note: 'A rule sent it to Lisbon guests',
        },
      },
      assignmentReason: 'Round robin: Ana Silva has waited longest for a chat (1 of 4 open)',
      queuedAt: null,
      assigneeReplyDueAt: null,
      requestTypeId: '66666666-6666-4666-8666-666666666666',
      bookingId: '44444444-4444-4444-8444-444444444444',
      contactId: '55555555-5555-4555-8555-555555555555',
      inboxName: 'Lisbon guests',
      assigneeName: 'Ana Silva',
      requestTypeCode: 'driver_no_show',
      requestTypeName: 'Driver no-show',
      reasonCode: 'driver_late',
      reasonName: 'Driver late',
      cityCode: 'LIS',
      cityName: 'Lisbon',
      cityTimeZone: 'Europe/Lisbon',
    },
    contact: {
      id: '55555555-5555-4555-8555-555555555555',
      name: 'Marta Lopes',
      audience: 'guest',
      email: 'marta@example.com',
      phone: '+351 912 345 678',
      locale: 'pt-PT',
      cityName: 'Lisbon',
    },
    booking: {
      id: '44444444-4444-4444-8444-444444444444',
      reference: 'LIS-8F3K2',
      product: 'airport_transfer',
      status: 'driver_assigned',
      pickupAddress: 'Lisbon Airport, Terminal 1',
      dropoffAddress: 'Rua Augusta 100, Lisboa',
      scheduledAt: new Date('2026-03-12T13:00:00Z'),
      fareAmountMinor: 3450,
      currency: 'EUR',
      cityTimeZone: 'Europe/Lisbon',
      cityName: 'Lisbon',
      driverName: 'Rui Santos',
      driverPhone: '+351 934 000 111',
    },
    messages: [
      {
        id: 'm1',
        direction: 'inbound',
        kind: 'message',
        authorType: 'contact',
        authorName: null,
        channel: 'whatsapp',
        body: 'My driver is not here',
        clientId: null,
        createdAt,
      },
      {
        id: 'm2',
        direction: 'outbound',
        kind: 'note',
        authorType: 'agent',
        authorName: 'Ana Silva',
        channel: 'whatsapp',
        body: 'Called the driver, no answer',
        clientId: null,
        createdAt: new Date('2026-03-12T13:24:00Z'),
      },
      {
        id: 'm3',
        direction: 'outbound',
        kind: 'message',
        authorType: 'agent',
        authorName: 'Ana Silva',
        channel: 'whatsapp',
        body: 'Sorry about this, I am finding you another driver now.',
        clientId: null,
        createdAt: new Date('2026-03-12T13:25:00Z'),
      },
    ],
    events: [
      {
        id: 1,
        type: 'created',
        actorType: 'contact',
        actorName: null,
        payload: { channel: 'whatsapp' },
        occurredAt: createdAt,
      },
      {
        id: 2,
        type: 'message_received',
        actorType: 'contact',
        actorName: null,
        payload: { messageId: 'm1' },
        occurredAt: createdAt,
      },
      {
        id: 3,
        type: 'assigned',
        actorType: 'system',
        actorName: null,
        payload: { assigneeId: '11111111-1111-4111-8111-111111111111' },
        occurredAt: new Date('2026-03-12T13:21:00Z'),
      },
      {
        id: 4,
        type: 'status_changed',
        actorType: 'agent',
        actorName: 'Ana Silva',
        payload: { from: 'open', to: 'pending' },
        occurredAt: new Date('2026-03-12T13:26:00Z'),
      },
    ],
    tags: [{ code: 'airport', name: 'Airport', color: 'blue' }],
    pastConversations: [],
  };
}

export function viewCounts(
  overrides: Partial<ProcedureOutput<'conversations.viewCounts'>> = {},
): ProcedureOutput<'conversations.viewCounts'> {
  return {
    mine: 3,
    unassigned: 12,
    pending: 2,
    snoozed: 1,
    sla: 4,
    mentions: 1,
    resolved: 20,
    inboxes: [
      {
        id: '33333333-3333-4333-8333-333333333333',
        name: 'Lisbon guests',
        code: 'LIS_GUEST',
        open: 40,
        unassigned: 12,
      },
    ],
    ...overrides,
  };
}

export function filterOptions(): ProcedureOutput<'conversations.filterOptions'> {
  return {
    cities: [{ code: 'LIS', name: 'Lisbon' }],
    requestTypes: [{ code: 'DRIVER_NO_SHOW', name: 'Driver no-show', audience: 'guest' }],
    tags: [{ code: 'airport', name: 'Airport' }],
    colleagues: [{ id: '11111111-1111-4111-8111-111111111111', name: 'Ana Silva' }],
  };
}
